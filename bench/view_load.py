"""Load and interaction times of the HTML view in headless Chromium, for a synthetic
corpus-sized graph (tests/exports/synthetic.py: a few hubs, many leaves).

Prints one JSON line: nodes, edges, file size; ``load_seconds``, the page's own mark from its
first script until it is drawn and its layout stopped (median of --repeat loads, each in a
fresh browser); ``wall_seconds`` from navigation to the same point; and, on the loaded page,
the time until the next frame is painted after a click on the biggest hub (its evidence
panel), unticking an entity type, and typing a search.
``--graph FILE`` measures a graph written by ``newsgraph build`` (e.g. out/graph.nq) instead.
Usage: python bench/view_load.py [--nodes 5000] [--edges 20000] [--repeat 3] [--graph FILE]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exports import export  # noqa: E402
from tests.exports.browser import browser_page, open_view  # noqa: E402
from tests.exports.synthetic import synthetic_graph  # noqa: E402

# Runs an action, then waits two animation frames (vis-network redraws on the next one).
TIMED = """async ([action, arg]) => {
  const t = performance.now();
  (new Function('arg', action))(arg);
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return (performance.now() - t) / 1000;
}"""
ACTIONS = {
    "click_seconds": "window.newsgraph.network.selectNodes([arg]); window.newsgraph.showNode(arg)",
    "filter_seconds": "document.querySelector(\"#types input[value='Person']\").click()",
    "search_seconds": """const s = document.getElementById('search'); s.value = 'entity 42';
        s.dispatchEvent(new Event('input'))""",
}


def measure(path: Path, hub: str) -> dict[str, float]:
    with browser_page() as page:
        start = time.perf_counter()
        open_view(page, path)
        result = {
            "load_seconds": int(page.evaluate("document.body.dataset.loadMs")) / 1000,
            "wall_seconds": time.perf_counter() - start,
            "shown_nodes": int(page.get_attribute("#counts", "data-nodes")),
        }
        for name, action in ACTIONS.items():
            result[name] = page.evaluate(TIMED, [action, hub])
        if page.errors or page.requests:
            raise SystemExit(f"page errors {page.errors}, network requests {page.requests}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--graph", type=Path, help="an RDF graph file rather than a synthetic one")
    args = parser.parse_args()
    if args.graph:
        from exports.rdf_read import read_graph

        graph = read_graph(args.graph)
    else:
        graph = synthetic_graph(args.nodes, args.edges)
    hub = max(graph.nodes, key=graph.degree)
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        path = export(graph, "html", Path(tmp) / "graph.html")
        write_seconds = time.perf_counter() - started
        runs = [measure(path, hub) for _ in range(args.repeat)]
        size = path.stat().st_size
    report = {
        "benchmark": "view_load",
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "html_bytes": size,
        "write_seconds": round(write_seconds, 3),
        "repeat": args.repeat,
    }
    for key in runs[0]:
        report[key] = round(statistics.median(run[key] for run in runs), 3)
    report["load_seconds_all"] = [run["load_seconds"] for run in runs]
    print(json.dumps(report))


if __name__ == "__main__":
    main()
