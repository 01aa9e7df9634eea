"""A static picture of the graph for reports (SVG or PNG), drawn with matplotlib.

Small graphs are drawn whole; a large one is cut to its most-mentioned entities so labels
stay readable. Asserted relations are solid, the others dashed and lighter.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from exports.html import TYPE_COLORS
from graph.vocab import relation_schema

MAX_NODES = 60


def _core(graph: nx.MultiDiGraph, limit: int = MAX_NODES) -> nx.MultiDiGraph:
    """The ``limit`` most-mentioned entities that take part in a relation."""
    ranked = sorted(
        graph.nodes, key=lambda n: (-graph.degree(n), -graph.nodes[n].get("mentions", 0))
    )
    keep = [n for n in ranked if graph.degree(n) > 0][:limit] or ranked[:limit]
    return graph.subgraph(keep).copy()


def draw(graph: nx.MultiDiGraph, path: Path, fmt: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    core = _core(graph)
    schema = relation_schema()
    size = max(8.0, min(22.0, 2.2 * core.number_of_nodes() ** 0.5))
    fig, ax = plt.subplots(figsize=(size * 1.4, size))
    positions = nx.spring_layout(core, seed=7, k=2.2 / max(core.number_of_nodes(), 1) ** 0.5)
    colors = [TYPE_COLORS.get(core.nodes[n]["type"], "#999999") for n in core]
    sizes = [120 + 60 * min(core.nodes[n].get("mentions", 1), 20) for n in core]
    nx.draw_networkx_nodes(core, positions, node_color=colors, node_size=sizes, ax=ax, linewidths=0)
    for stance, style, alpha in (
        ("asserted", "solid", 0.7),
        ("proposed", "dashed", 0.5),
        ("negated", "dotted", 0.5),
        ("reported", "dashed", 0.5),
    ):
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
    labels = {n: core.nodes[n]["label"] for n in core}
    nx.draw_networkx_labels(core, positions, labels=labels, font_size=10, ax=ax)
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
