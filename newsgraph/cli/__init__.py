"""The ``newsgraph`` command line: a thin layer that parses arguments, calls the library
(graph/, exports/) and prints.

One module per command group (build, query, validate, store, view, eval, train), each
listing its subcommands in ``COMMANDS`` as (name, help, configure, run). Heavy imports
happen inside ``run`` so ``newsgraph --help`` and ``newsgraph query`` never load spaCy. The
library never imports this package (tests/newsgraph/cli/test_layering.py).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys

from graph.errors import NewsgraphError
from newsgraph.cli.common import Command, err

GROUPS = ("build", "query", "validate", "store", "view", "eval", "train")
"""Command group modules under newsgraph.cli, in the order ``--help`` lists them."""


def commands() -> list[Command]:
    """Every subcommand of every group."""
    found: list[Command] = []
    for group in GROUPS:
        found.extend(importlib.import_module(f"newsgraph.cli.{group}").COMMANDS)
    return found


def parser() -> argparse.ArgumentParser:
    from newsgraph import __version__

    top = argparse.ArgumentParser(
        prog="newsgraph", description="News articles in, a queryable RDF knowledge graph out."
    )
    top.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    for command in commands():
        p = sub.add_parser(command.name, help=command.help)
        command.configure(p)
        p.set_defaults(run=command.run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except NewsgraphError as error:
        err(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        err("interrupted")
        return 130
    except BrokenPipeError:  # `newsgraph ... | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
