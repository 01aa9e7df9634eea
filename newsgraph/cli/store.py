"""Store subcommands: ``add``, ``remove``, ``export`` and ``serve`` (``query --store`` is in
query.py), over ``newsgraph.Store`` (newsgraph/store.py)."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import urllib.parse
from pathlib import Path

from graph.errors import InputError
from newsgraph.cli.common import (
    Command,
    above_zero,
    collect_failures,
    duplicate_option,
    err,
    kb_option,
)


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, required=True, metavar="DIR", help="the store folder")


# ---- add / remove / export ---------------------------------------------------------------
def _configure_add(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="articles, as for build")
    p.add_argument("--replace", action="store_true", help="re-extract articles already stored")
    duplicate_option(
        p,
        "a different article under a stored id is refused (exit code 2); with --replace "
        "the default is replace",
        default=None,
    )
    kb_option(p)
    p.add_argument("--model", help="spaCy pipeline name")
    p.add_argument("--no-link", action="store_true", help="do not link entities to GeoNames")
    p.add_argument(
        "--all-values",
        action="store_true",
        help="also store the dates and quantities that no fact uses (left out by default)",
    )


def _run_add(args: argparse.Namespace) -> int:
    from newsgraph.store import Store

    failures: list[InputError] = []
    report = Store(args.store).add(
        args.inputs,
        model=args.model,
        kb=args.kb,
        link=not args.no_link,
        all_values=args.all_values,
        replace=args.replace,
        on_duplicate=args.on_duplicate,
        on_error=collect_failures(failures),
        on_notice=err,
    )
    merged = f"; merged {len(report.merged)} stored name(s) into fuller ones"
    kept = f"; kept {len(report.kept)} stored article(s) over new ones of their id"
    print(
        f"added {len(report.added)}, replaced {len(report.replaced)}, "
        f"unchanged {len(report.skipped)} (already stored)"
        + (kept if report.kept else "")
        + (merged if report.merged else "")
    )
    return 2 if failures else 0


def _configure_remove(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids")


def _run_remove(args: argparse.Namespace) -> int:
    from newsgraph.store import Store

    removed = Store(args.store).remove(args.ids)
    print(f"removed {len(removed)} article(s)")
    return 0


def _configure_export(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument(
        "--format", default="nquads", choices=["nquads", "trig", "turtle", "ntriples", "jsonld"]
    )
    p.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")


def _run_export(args: argparse.Namespace) -> int:
    import tempfile

    from newsgraph.store import Store

    store = Store(args.store)
    if args.output is not None:
        store.export(args.format, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = store.export(args.format, Path(tmp) / "dump")
        sys.stdout.write(path.read_text("utf-8"))
    return 0


# ---- serve ---------------------------------------------------------------------------------
def _origin(value: str) -> str:
    parsed = urllib.parse.urlsplit(value)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or parsed.path not in {"", "/"}:
        raise argparse.ArgumentTypeError(
            f"expected an origin such as http://localhost:3000, got {value!r}"
        )
    return f"{parsed.scheme}://{parsed.netloc}"


def _configure_serve(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument("--port", type=int, default=7878, help="SPARQL endpoint port (view: port+1)")
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind (default 127.0.0.1); requests must name it in their Host header",
    )
    p.add_argument(
        "--writable",
        action="store_true",
        help="also accept SPARQL updates at /update (adds are refused meanwhile)",
    )
    p.add_argument(
        "--cors",
        type=_origin,
        metavar="ORIGIN",
        help="let pages from this one origin (e.g. http://localhost:3000) read and POST"
        " queries; by default no cross-origin page can read the endpoint",
    )
    p.add_argument(
        "--timeout",
        type=above_zero(float),
        default=30.0,
        metavar="SECONDS",
        help="stop any request running longer than this (default 30)",
    )
    p.add_argument(
        "--max-results",
        type=above_zero(int),
        default=100_000,
        metavar="N",
        help="refuse query results of more than N rows or triples (default 100000)",
    )


def _run_serve(args: argparse.Namespace) -> int:
    from newsgraph.store import Store

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    Store(args.store).serve(
        host=args.host,
        port=args.port,
        writable=args.writable,
        cors=args.cors,
        timeout=args.timeout,
        max_results=args.max_results,
        stop=stop,
        on_ready=lambda line: print(line, flush=True),
    )
    return 0


COMMANDS = [
    Command("add", "add articles to a persistent store", _configure_add, _run_add),
    Command("remove", "remove articles from a store", _configure_remove, _run_remove),
    Command("export", "dump a whole store", _configure_export, _run_export),
    Command("serve", "SPARQL 1.1 endpoint and view over a store", _configure_serve, _run_serve),
]
