"""Load time of the HTML view in headless Chromium for a synthetic corpus-sized graph.

Prints one JSON line: nodes, edges, file size, time until the page is drawn and its layout
settled (the page's own performance.now() mark) and the wall time from navigation.
Usage: python bench/view_load.py [--nodes 5000] [--edges 20000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exports import export  # noqa: E402
from graph.kg import new_graph  # noqa: E402
from tests.exports.browser import browser_page  # noqa: E402

TYPES = ["Person", "Organization", "Country", "Place", "Group", "Event", "Position"]
PREDICATES = ["memberOf", "worksFor", "locatedIn", "meets", "leaderOf", "basedIn", "supports"]
STANCES = ["asserted"] * 7 + ["proposed", "negated", "reported"]


def synthetic(nodes: int, edges: int, seed: int = 1):  # noqa: ANN201
    rng = random.Random(seed)
    graph = new_graph()
    for a in range(50):
        graph.graph["articles"][f"a{a}"] = {
            "title": f"Article {a}",
            "date": None,
            "url": None,
            "source": "",
        }
    keys = [f"{rng.choice(TYPES)}/entity-{i}" for i in range(nodes)]
    for key in keys:
        graph.add_node(
            key,
            label=key.split("/")[1].replace("-", " ").title(),
            type=key.split("/")[0],
            aliases=[],
            mentions=rng.randint(1, 30),
            articles=[f"a{rng.randrange(50)}"],
        )
    for i in range(edges):
        # preferential attachment keeps the shape of a news graph: a few hubs, many leaves
        u, v = keys[int(rng.paretovariate(1.2)) % nodes], rng.choice(keys)
        graph.add_edge(
            u,
            v,
            key=f"s{i}",
            predicate=rng.choice(PREDICATES),
            stance=rng.choice(STANCES),
            confidence=0.8,
            extractor="synthetic",
            article=f"a{rng.randrange(50)}",
            sentence="A synthetic sentence.",
            sentence_start=0,
            start=0,
            end=1,
            speaker=None,
        )
    return graph


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    args = parser.parse_args()
    graph = synthetic(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        path = export(graph, "html", Path(tmp) / "graph.html")
        with browser_page() as page:
            start = time.perf_counter()
            page.goto(path.as_uri())
            page.wait_for_selector("body[data-ready='1']", timeout=300_000)
            wall = time.perf_counter() - start
            page_ms = int(page.evaluate("document.body.dataset.loadMs"))
            shown = int(page.get_attribute("#counts", "data-nodes"))
        print(
            json.dumps(
                {
                    "benchmark": "view_load",
                    "nodes": graph.number_of_nodes(),
                    "edges": graph.number_of_edges(),
                    "shown_nodes": shown,
                    "html_bytes": path.stat().st_size,
                    "page_seconds": page_ms / 1000,
                    "wall_seconds": round(wall, 3),
                }
            )
        )


if __name__ == "__main__":
    main()
