"""``newsgraph view GRAPH -o FILE``: the interactive HTML view (or an SVG/PNG picture) of a
graph file written by ``newsgraph build``; the output's suffix picks the format
(exports.view)."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.cli.common import Command


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", type=Path, metavar="GRAPH", help="a graph file (.ttl, .nq, ...)")
    p.add_argument(
        "-o",
        "--output",
        type=Path,
        default=Path("graph.html"),
        help="graph.html (interactive), .svg or .png (static); default graph.html",
    )


def _run(args: argparse.Namespace) -> int:
    from exports import view, view_format
    from exports.rdf_read import read_graph

    view_format(args.output)  # an unknown suffix fails before the graph is read
    graph = read_graph(args.graph)
    view(graph, args.output)
    print(
        f"wrote {args.output} ({graph.number_of_nodes()} entities, "
        f"{graph.number_of_edges()} relations)"
    )
    return 0


COMMANDS = [Command("view", "draw a graph file as interactive HTML, SVG or PNG", _configure, _run)]
