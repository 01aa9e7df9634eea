"""``newsgraph view GRAPH -o FILE``: the interactive HTML view (or an SVG/PNG picture) of a
graph file written by ``newsgraph build``; the output's suffix picks the format."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.cli import commands
from graph.errors import ExportError

FORMATS = {".html": "html", ".htm": "html", ".svg": "svg", ".png": "png"}


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
    from exports import export
    from exports.rdf_read import read_graph

    fmt = FORMATS.get(args.output.suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(FORMATS))
        raise ExportError(f"{args.output}: cannot tell the view format (use {known})")
    graph = read_graph(args.graph)
    export(graph, fmt, args.output)
    print(
        f"wrote {args.output} ({graph.number_of_nodes()} entities, "
        f"{graph.number_of_edges()} relations)"
    )
    return 0


commands.register("view", help="draw a graph file as interactive HTML, SVG or PNG")(
    (_configure, _run)
)
