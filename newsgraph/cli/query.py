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


COMMANDS = [Command("query", "run a SPARQL query over a graph file or store", _configure, _run)]
