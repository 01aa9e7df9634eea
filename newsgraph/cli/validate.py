"""``newsgraph validate GRAPHFILE``: SHACL check against graph/schema/shapes.ttl
(graph/validate.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

from newsgraph.cli.common import Command, err


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", type=Path, metavar="GRAPHFILE", help="an RDF file written by build")


def _run(args: argparse.Namespace) -> int:
    from graph.validate import validate_file

    report = validate_file(args.graph)
    if report.conforms:
        print(f"{args.graph}: conforms to the newsgraph shapes")
        return 0
    print(report.text)
    err(f"{args.graph}: {report.violations} SHACL violation(s)")
    return 1


COMMANDS = [Command("validate", "check a graph file against the SHACL shapes", _configure, _run)]
