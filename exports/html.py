"""A self-contained interactive HTML view of the graph: one file, works offline.

The drawing library is vis-network, vendored from its npm package (exports/vendor/: the
standalone build, ~650 kB, with its licences) and inlined, so the page needs no CDN. vis-network was chosen
over a Jupyter widget export (ipysigma writes HTML through ipywidgets' embed_minimal_html,
whose widget manager script is fetched from a CDN): it is one plain script, drawn on a canvas.
Small graphs are laid out by its physics in the page; large ones here, before the page opens
(see ``layout``), so 5,000 nodes and 20,000 edges load in seconds (bench/view_load.py).
All article text goes into the page as JSON data and is put on screen as text nodes, never
as HTML, so a headline holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import networkx as nx

from exports import atomic_path, exporters
from graph.errors import ExportError
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
VIS_VERSION = "10.1.5"  # exports/vendor/README.md says where it comes from
# Past this many entities the page does not lay the graph out itself (vis-network's physics
# needs minutes to unfold thousands of nodes in a browser): igraph's Fruchterman-Reingold on
# a grid places 5,000 entities and 20,000 relations in about a second, and the page draws
# them where they are put.
LAYOUT_IN_PYTHON = 500
SPACING = 100.0  # canvas pixels between entities, on average, at zoom 1


def layout(graph: nx.MultiDiGraph) -> dict[str, tuple[float, float]]:
    """Canvas positions for every entity: a seeded Fruchterman-Reingold layout of those in a
    relation, and the entities in none in rows beneath it (FR would fling them far away)."""
    import igraph

    linked = [node for node in graph if graph.degree(node)]
    index = {node: i for i, node in enumerate(linked)}
    simple = igraph.Graph(n=len(index), edges=[(index[u], index[v]) for u, v in graph.edges()])
    simple.simplify()
    # igraph draws from Python's random module unless told otherwise: a seeded generator of
    # its own makes the same graph give the same page
    igraph.set_random_number_generator(random.Random(7))
    try:
        coords = simple.layout_fruchterman_reingold(grid="auto").coords if index else []
    finally:
        igraph.set_random_number_generator(random)
    xs, ys = [c[0] for c in coords] or [0.0], [c[1] for c in coords] or [0.0]
    spread = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    width = SPACING * max(len(index), 1) ** 0.5
    scale = width / spread
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    positions = {
        node: (round((x - cx) * scale, 1), round((y - cy) * scale, 1))
        for node, (x, y) in zip(index, coords, strict=True)
    }
    alone = [node for node in graph if node not in index]
    per_row = max(int(width // SPACING), 1)
    top = (max(ys) - cy) * scale + 2 * SPACING
    for i, node in enumerate(alone):
        row, col = divmod(i, per_row)
        positions[node] = (round(-width / 2 + col * SPACING, 1), round(top + row * SPACING, 1))
    return {node: positions[node] for node in graph}


@lru_cache(maxsize=1)
def _vis_script() -> str:
    """vis-network's standalone build (it bundles vis-data and injects its own CSS)."""
    try:
        return resources.files("exports").joinpath("vendor/vis-network.min.js").read_text("utf-8")
    except FileNotFoundError as exc:
        raise ExportError(f"the HTML view's vendored vis-network is missing ({exc})") from None


def view_data(graph: nx.MultiDiGraph, title: str = "newsgraph") -> dict:
    """The plain data the page draws: nodes, edges with evidence, predicates, articles."""
    schema = relation_schema()
    edges = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        relation = schema.get(data["predicate"])
        edges.append(
            {
                "id": key,
                "from": u,
                "to": v,
                "predicate": data["predicate"],
                "label": relation.label if relation else data["predicate"],
                "wikidata": relation.wikidata if relation else None,
                "stance": data["stance"],
                "confidence": data["confidence"],
                "extractor": data["extractor"],
                "article": data["article"],
                "sentence": data["sentence"],
                "speaker": data.get("speaker"),
            }
        )
    counts = Counter(e["predicate"] for e in edges)
    predicates = [
        {"id": p, "label": schema[p].label if p in schema else p, "count": n}
        for p, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    nodes = [
        {
            "id": key,
            "label": d["label"],
            "type": d["type"],
            "mentions": d.get("mentions", 1),
            "aliases": list(d.get("aliases", [])),
            "articles": list(d.get("articles", [])),
        }
        for key, d in graph.nodes(data=True)
    ]
    if len(nodes) > LAYOUT_IN_PYTHON:
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
