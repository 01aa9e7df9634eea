"""A self-contained interactive HTML view of the graph: one file, works offline.

The drawing library is vis-network, vendored from its npm package (exports/vendor/: the
standalone build, ~650 kB, with its licences) and inlined, so the page needs no CDN. It was
chosen over a Jupyter widget export (ipysigma writes HTML through ipywidgets' embed_minimal_html,
whose widget manager script is fetched from a CDN): it is one plain script, drawn on a canvas.
The graph is laid out here, before the page opens (see ``layout``), so 5,000 nodes and 20,000
edges load in seconds (bench/view_load.py); the page's physics lays out again only the
subgraph a filter leaves (an article, an entity's neighbours), up to 1,000 entities.
All article text goes into the page as JSON data and is put on screen as text nodes, never
as HTML, so a headline holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import json
import math
import random
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from exports.view_model import (
    VALUE_TYPES,
    communities,
    drawn_entities,
    edge_curves,
    edge_label,
    evidence_span,
    prominence,
    stance_words,
    value_text,
    wikidata_link,
)
from graph.errors import ExportError
from graph.model import Stance
from graph.vocab import relation_schema

TYPE_COLORS = {
    "Person": "#4e79a7",
    "Organization": "#f28e2b",
    "Country": "#59a14f",
    "Place": "#8cd17d",
    "Group": "#b07aa1",
    "Event": "#e15759",
    "Date": "#9c755f",
    "Quantity": "#bab0ac",
    "Position": "#76b7b2",
    "Product": "#ff9da7",
    "Work": "#d37295",
    "Concept": "#edc948",
}
# Communities in order of size take these (Tableau 20's stronger half first); past 20 the
# colours come round again, on communities far apart on the canvas by then.
COMMUNITY_COLORS = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#bcbd22", "#7f7f7f", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
    "#f7b6d2", "#9edae5", "#dbdb8d", "#393b79",
]  # fmt: skip
VIS_VERSION = "10.1.5"  # exports/vendor/README.md says where it comes from
KAMADA_KAWAI_MAX = 400
SPACING = 100.0  # canvas pixels between entities, on average, at zoom 1


def _component_coords(nodes: list[str], edges: list[tuple[str, str]]) -> list[tuple[float, float]]:
    """A seeded Fruchterman-Reingold layout of one connected component, about SPACING apart."""
    import igraph

    if len(nodes) == 1:
        return [(0.0, 0.0)]
    index = {node: i for i, node in enumerate(nodes)}
    simple = igraph.Graph(n=len(nodes), edges=[(index[u], index[v]) for u, v in edges])
    simple.simplify()
    # igraph draws from Python's random module unless told otherwise: a seeded generator of
    # its own makes the same graph give the same page
    igraph.set_random_number_generator(random.Random(7))
    try:
        # Kamada-Kawai spaces a story's entities evenly (FR packs a hub's leaves into a knot
        # whose labels overlap); it is quadratic, so big components take FR
        if len(nodes) <= KAMADA_KAWAI_MAX:
            coords = simple.layout_kamada_kawai(maxiter=50 * len(nodes)).coords
        else:
            coords = simple.layout_fruchterman_reingold(grid="auto").coords
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    spread = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    # a story's entities get room for their labels; a pair or a triangle needs less
    scale = SPACING * (1.4 if len(nodes) > 3 else 1.0) * len(nodes) ** 0.5 / spread
    return [((x - min(xs)) * scale, (y - min(ys)) * scale) for x, y in coords]


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Canvas positions for every entity. The drawn ones (view_model.drawn_entities) are laid
    out component by component and packed in rows, largest first (one layout of them all
    flings the small components to the edges); a date or quantity sits beside an entity it
    qualifies, and entities in no relation go in rows beneath."""
    drawn = drawn_entities(graph)
    simple = nx.Graph()
    simple.add_nodes_from(sorted(drawn))
    simple.add_edges_from(sorted((u, v) for u, v in graph.edges() if u in drawn and v in drawn))
    components = sorted(
        (sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c[0])
    )
    width = SPACING * max(len(drawn), 1) ** 0.5 * 1.6
    positions: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes in components:
        coords = _component_coords(nodes, list(simple.subgraph(nodes).edges()))
        w = max(c[0] for c in coords)
        h = max(c[1] for c in coords)
        if x > 0 and x + w > width:
            x, y, row_height = 0.0, y + row_height + SPACING / 2, 0.0
        for node, (cx, cy) in zip(nodes, coords, strict=True):
            positions[node] = (x + cx, y + cy)
        x += w + SPACING / 2
        row_height = max(row_height, h)
    if positions:  # centred on the origin, where the page's view starts
        xs = [p[0] for p in positions.values()]
        ys = [p[1] for p in positions.values()]
        mx, my = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        positions = {n: (px - mx, py - my) for n, (px, py) in positions.items()}
    bottom = max((p[1] for p in positions.values()), default=0.0) + 2 * SPACING
    beside: Counter[str] = Counter()
    for u, v in sorted(graph.edges()):
        for value, anchor in ((v, u), (u, v)):
            if value not in positions and anchor in drawn:
                beside[anchor] += 1
                angle = 0.9 * beside[anchor]
                ax, ay = positions[anchor]
                positions[value] = (
                    ax + 0.4 * SPACING * math.cos(angle),
                    ay + 0.4 * SPACING * math.sin(angle),
                )
    alone = [node for node in graph if node not in positions]
    per_row = max(int(width // SPACING), 1)
    for i, node in enumerate(alone):
        row, col = divmod(i, per_row)
        positions[node] = (-width / 2 + col * SPACING, bottom + row * SPACING)
    return {node: (round(positions[node][0], 1), round(positions[node][1], 1)) for node in graph}


@lru_cache(maxsize=1)
def _vis_script() -> str:
    """vis-network's standalone build (it bundles vis-data and injects its own CSS)."""
    try:
        return resources.files("exports").joinpath("vendor/vis-network.min.js").read_text("utf-8")
    except FileNotFoundError as exc:
        raise ExportError(f"the HTML view's vendored vis-network is missing ({exc})") from None


def view_data(graph: nx.MultiDiGraph, title: str = "newsgraph") -> dict:
    """The plain data the page draws: nodes (drawn by default or not, community, rank by
    relations, the dates and quantities of their facts), edges with evidence, predicates with
    their drawn labels and Wikidata links, the stances' words, articles. What is the same for
    every edge of a predicate or a stance is said once, so 20,000 edges stay a few MB."""
    schema = relation_schema()
    drawn = drawn_entities(graph)
    community = communities(graph, drawn)
    rank = prominence(graph, drawn)
    curves = edge_curves(graph)
    labels = nx.get_node_attributes(graph, "label")
    values: dict[str, list[dict]] = {}
    edges = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        relation = schema.get(data["predicate"])
        label = relation.label if relation else data["predicate"]
        speaker = data.get("speaker")
        span = evidence_span(data)
        edges.append(
            {
                "id": key,
                "from": u,
                "to": v,
                "predicate": data["predicate"],
                "label": label,
                "stance": data["stance"],
                "confidence": data["confidence"],
                "extractor": data["extractor"],
                "article": data["article"],
                "sentence": data["sentence"],
                "span": list(span) if span else None,
                "speaker": speaker,
                "curve": list(curves[key]) if key in curves else None,
            }
        )
        if data["stance"] == "reported":  # the only stance whose words depend on the edge
            edges[-1]["stance_words"] = stance_words("reported", labels.get(speaker))
        for value, holder in ((v, u), (u, v)):
            if graph.nodes[value]["type"] in VALUE_TYPES and value != holder:
                values.setdefault(holder, []).append(
                    {"edge": key, "label": label, "text": value_text(graph.nodes[value])}
                )
    counts = Counter(e["predicate"] for e in edges)
    predicates = []
    for p, n in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        label = schema[p].label if p in schema else p
        predicates.append(
            {
                "id": p,
                "label": label,
                "count": n,
                "wikidata": wikidata_link(schema.get(p)),
                "drawn": {stance.value: edge_label(label, stance.value) for stance in Stance},
            }
        )
    nodes = [
        {
            "id": key,
            "label": d["label"],
            "type": d["type"],
            "mentions": d.get("mentions", 1),
            "aliases": list(d.get("aliases", [])),
            "articles": list(d.get("articles", [])),
            "drawn": key in drawn,
            "community": community.get(key),
            "rank": rank.get(key),
            "values": values.get(key, []),
            "links": sorted({link["target"] for link in d.get("links", [])}),
        }
        for key, d in graph.nodes(data=True)
    ]
    for node, (x, y) in zip(nodes, layout(graph).values(), strict=True):
        node["x"], node["y"] = x, y
    articles = {
        aid: {"title": info.get("title") or "", "date": info.get("date"), "url": info.get("url")}
        for aid, info in graph.graph.get("articles", {}).items()
    }
    return {
        "title": title,
        "nodes": nodes,
        "edges": edges,
        "predicates": predicates,
        "articles": articles,
        "colors": TYPE_COLORS,
        "community_colors": COMMUNITY_COLORS,
        "value_types": sorted(VALUE_TYPES),
        "stance_words": {stance.value: stance_words(stance.value) for stance in Stance},
    }


def render(graph: nx.MultiDiGraph, title: str = "newsgraph") -> str:
    """The page as one string."""
    template = resources.files("exports").joinpath("templates/view.html").read_text("utf-8")
    # "<" is escaped inside the JSON so no text can close the <script> element.
    data = json.dumps(view_data(graph, title), ensure_ascii=False).replace("<", "\\u003c")
    values = {
        "__TITLE__": html.escape(title),
        "__DATA__": data,
        "__VIS_JS__": _vis_script(),
    }
    return re.sub("|".join(values), lambda m: values[m.group(0)], template)


def view_title(graph: nx.MultiDiGraph) -> str:
    """The page's title: the headline of a one-article graph, else the article count."""
    titles = [a.get("title") for a in graph.graph.get("articles", {}).values() if a.get("title")]
    return (
        titles[0]
        if len(titles) == 1
        else f"newsgraph: {len(graph.graph.get('articles', {}))} articles"
    )


@exporters.register("html", suffix=".html")
def html_view(graph: nx.MultiDiGraph, path: Path) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(render(graph, view_title(graph)), "utf-8")
