"""``newsgraph query GRAPHFILE SPARQL`` (or ``--store DIR``): SPARQL over a graph file or a
store (graph/query.py). Imports nothing heavy: no spaCy, no gazetteer."""

from __future__ import annotations

import argparse
from pathlib import Path

from graph.errors import InputError
from newsgraph.cli.common import Command


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "graph",
        type=Path,
        nargs="?",
        metavar="GRAPHFILE",
        help="an RDF file written by build (.ttl, .nq, .trig, .nt, .jsonld)",
    )
    p.add_argument("sparql", metavar="SPARQL", help="the query, or @FILE to read it from a file")
    p.add_argument("--store", type=Path, metavar="DIR", help="query a persistent store instead")
    p.add_argument("--format", default="table", choices=["table", "csv", "tsv", "json", "xml"])


def _run(args: argparse.Namespace) -> int:
    from graph import query

    sparql = args.sparql
    if args.graph is None and args.store is None and _looks_like_a_graph_file(sparql):
        raise InputError(
            f"no SPARQL query given after the graph file {sparql} "
            f"(newsgraph query {sparql} 'SELECT ...' or @FILE.rq)"
        )
    if args.graph is not None and args.store is not None:
        raise InputError("query takes a GRAPHFILE or --store DIR, not both")
    if sparql.startswith("@"):
        path = Path(sparql[1:])
        try:
            sparql = path.read_text("utf-8")
        except OSError as exc:
            raise InputError(f"{path}: cannot read query ({exc.strerror})") from None
    if args.store is None and args.graph is None:
        raise InputError("query needs a GRAPHFILE or --store DIR")
    source = query.open_source(args.graph, store=args.store)
    print(query.render(query.run(source, sparql), args.format))
    return 0


def _looks_like_a_graph_file(text: str) -> bool:
    """Whether the one argument given is a graph file rather than a query: an RDF suffix and
    no SPARQL braces."""
    from graph.query import RDF_FORMATS

    return "{" not in text and Path(text).suffix.lower() in RDF_FORMATS


COMMANDS = [Command("query", "run a SPARQL query over a graph file or store", _configure, _run)]
