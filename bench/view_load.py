"""Load time of the HTML view in headless Chromium for a synthetic corpus-sized graph.

Prints one JSON line: nodes, edges, file size, time until the page is drawn and its layout
settled (the page's own performance.now() mark) and the wall time from navigation.
Usage: python bench/view_load.py [--nodes 5000] [--edges 20000]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from exports import export  # noqa: E402
from tests.exports.browser import browser_page, open_view  # noqa: E402
from tests.exports.synthetic import synthetic_graph  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=5000)
    parser.add_argument("--edges", type=int, default=20000)
    args = parser.parse_args()
    graph = synthetic_graph(args.nodes, args.edges)
    with tempfile.TemporaryDirectory() as tmp:
        path = export(graph, "html", Path(tmp) / "graph.html")
        with browser_page() as page:
            start = time.perf_counter()
            open_view(page, path)
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
