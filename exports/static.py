"""A static picture of the graph for reports (SVG or PNG), drawn with matplotlib.

Small graphs are drawn whole; a large one is cut to its most-mentioned entities so labels
stay readable. Asserted relations are solid, the others dashed and lighter. matplotlib is
the ``[static]`` extra: without it, asking for either format fails at once, before a build
parses anything (the CLI resolves its formats first, which imports this module).
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from exports.html import TYPE_COLORS
from graph.errors import ExportError
from graph.vocab import relation_schema

if find_spec("matplotlib") is None:
    raise ExportError("export formats svg and png need matplotlib: pip install 'newsgraph[static]'")

MAX_NODES = 60
STANCE_LINES = (
    ("asserted", "solid", 0.7),
    ("proposed", "dashed", 0.5),
    ("negated", "dotted", 0.5),
    ("reported", "dashdot", 0.5),
)


def _core(graph: nx.MultiDiGraph, limit: int = MAX_NODES) -> nx.MultiDiGraph:
    """The ``limit`` most-mentioned entities that take part in a relation."""
    ranked = sorted(
        graph.nodes, key=lambda n: (-graph.degree(n), -graph.nodes[n].get("mentions", 0))
    )
    keep = [n for n in ranked if graph.degree(n) > 0][:limit] or ranked[:limit]
    return graph.subgraph(keep).copy()


def _kamada_kawai(graph: nx.Graph, scale: float) -> dict[str, tuple[float, float]]:
    """igraph's Kamada-Kawai layout (in C, from a circle, so the same on every run),
    centred on (0, 0) and scaled so its farthest coordinate is ``scale``, as networkx's
    ``kamada_kawai_layout`` places it (that one needs scipy)."""
    import igraph

    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    edges = [(index[u], index[v]) for u, v in graph.edges()]
    coords = igraph.Graph(n=len(nodes), edges=edges).layout_kamada_kawai().coords
    mid_x = sum(x for x, _ in coords) / len(coords)
    mid_y = sum(y for _, y in coords) / len(coords)
    reach = max(max(abs(x - mid_x), abs(y - mid_y)) for x, y in coords) or 1.0
    return {
        node: ((x - mid_x) * scale / reach, (y - mid_y) * scale / reach)
        for node, (x, y) in zip(nodes, coords, strict=True)
    }


def _layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Kamada-Kawai per connected component (even spacing, so labels rarely collide), the
    components then packed in rows, largest first, each sized by its number of entities."""
    parts = sorted(nx.weakly_connected_components(graph), key=lambda c: (-len(c), min(c)))
    positions: dict[str, tuple[float, float]] = {}
    row_width = 1.6 * sum(len(c) for c in parts) ** 0.7
    x = y = row_height = 0.0
    for part in parts:
        side = len(part) ** 0.7
        sub = nx.Graph(graph.subgraph(part))
        local = (
            _kamada_kawai(sub, scale=side / 2)
            if len(part) > 2
            else {n: (0.6 * i - 0.3 * (len(part) - 1), 0.0) for i, n in enumerate(sorted(part))}
        )
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y - row_height - 0.6, 0.0
        for node, (px, py) in local.items():
            positions[node] = (x + side / 2 + px, y - side / 2 + py)
        x += side + 0.6
        row_height = max(row_height, side)
    return positions


def draw(graph: nx.MultiDiGraph, path: Path, fmt: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    core = _core(graph)
    schema = relation_schema()
    size = max(8.0, min(22.0, 2.2 * core.number_of_nodes() ** 0.5))
    fig, ax = plt.subplots(figsize=(size * 1.4, size))
    positions = _layout(core)
    colors = [TYPE_COLORS.get(core.nodes[n]["type"], "#999999") for n in core]
    sizes = [120 + 60 * min(core.nodes[n].get("mentions", 1), 20) for n in core]
    nx.draw_networkx_nodes(core, positions, node_color=colors, node_size=sizes, ax=ax, linewidths=0)
    for stance, style, alpha in STANCE_LINES:
        edges = [(u, v) for u, v, d in core.edges(data=True) if d["stance"] == stance]
        nx.draw_networkx_edges(
            core,
            positions,
            edgelist=edges,
            style=style,
            alpha=alpha,
            arrows=True,
            arrowsize=10,
            ax=ax,
            node_size=sizes,
            edge_color="#555555",
        )
    # names sit just below their dot on a light box, readable over the edges they cross
    ys = [y for _, y in positions.values()]
    drop = 0.025 * ((max(ys) - min(ys)) or 1.0)
    for node in core:
        x, y = positions[node]
        ax.text(
            x,
            y - drop,
            core.nodes[node]["label"],
            fontsize=10,
            ha="center",
            va="top",
            zorder=5,
            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.75},
        )
    edge_labels = {}
    for u, v, d in core.edges(data=True):
        relation = schema.get(d["predicate"])
        edge_labels.setdefault((u, v), relation.label if relation else d["predicate"])
    nx.draw_networkx_edge_labels(
        core,
        positions,
        edge_labels=edge_labels,
        font_size=7,
        font_color="#444444",
        ax=ax,
        rotate=False,
    )
    present = sorted({core.nodes[n]["type"] for n in core})
    handles = [
        plt.Line2D([], [], marker="o", linestyle="", color=TYPE_COLORS.get(t, "#999"), label=t)
        for t in present
    ]
    handles += [
        plt.Line2D([], [], linestyle=style, color="#555555", alpha=alpha, label=stance)
        for stance, style, alpha in STANCE_LINES
        if any(d["stance"] == stance for *_, d in core.edges(data=True))
    ]
    ax.legend(handles=handles, loc="lower left", frameon=False, fontsize=9)
    ax.set_axis_off()
    fig.tight_layout()
    # SVG text stays text (not outlines): searchable, selectable, smaller.
    with atomic_path(path) as tmp, matplotlib.rc_context({"svg.fonttype": "none"}):
        fig.savefig(tmp, format=fmt, dpi=150 if fmt == "png" else None)
    plt.close(fig)


@exporters.register("svg", suffix=".svg")
def svg(graph: nx.MultiDiGraph, path: Path) -> None:
    draw(graph, path, "svg")


@exporters.register("png", suffix=".png")
def png(graph: nx.MultiDiGraph, path: Path) -> None:
    draw(graph, path, "png")
