"""A self-contained interactive HTML view of the graph: one file, works offline.

The drawing library is vis-network, taken from the installed ``pyvis`` package (its bundled
vis-network 9.1.2, ~470 kB) and inlined, so the page needs no CDN. vis-network was chosen
over a Jupyter widget export (ipysigma's standalone HTML loads its widget manager from a
CDN): it is one plain script, draws on a canvas, and with physics stopped after a short
stabilisation it stays usable at 5,000 nodes and 20,000 edges (bench/view_load.py).
All article text goes into the page as JSON data and is put on screen as text nodes, never
as HTML, so a headline holding ``<script>`` shows as text.
"""

from __future__ import annotations

import html
import json
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
    "Concept": "#edc948",
}
VIS_DIR = "templates/lib/vis-9.1.2"


@lru_cache(maxsize=1)
def _vis_assets() -> tuple[str, str]:
    try:
        lib = resources.files("pyvis").joinpath(VIS_DIR)
        return lib.joinpath("vis-network.min.js").read_text("utf-8"), lib.joinpath(
            "vis-network.css"
        ).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise ExportError(
            f"the HTML view needs the pyvis package's vis-network files ({exc})"
        ) from None


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
    js, css = _vis_assets()
    # "<" is escaped inside the JSON so no text can close the <script> element.
    data = json.dumps(view_data(graph, title), ensure_ascii=False).replace("<", "\\u003c")
    values = {
        "__TITLE__": html.escape(title),
        "__DATA__": data,
        "__VIS_JS__": js,
        "__VIS_CSS__": css,
    }
    return re.sub("|".join(values), lambda m: values[m.group(0)], template)


@exporters.register("html", suffix=".html")
def html_view(graph: nx.MultiDiGraph, path: Path) -> None:
    titles = [a.get("title") for a in graph.graph.get("articles", {}).values() if a.get("title")]
    title = (
        titles[0]
        if len(titles) == 1
        else f"newsgraph: {len(graph.graph.get('articles', {}))} articles"
    )
    with atomic_path(path) as tmp:
        tmp.write_text(render(graph, title), "utf-8")
