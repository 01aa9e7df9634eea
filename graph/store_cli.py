"""Store subcommands: ``add``, ``remove``, ``export`` and ``serve`` (``query --store`` is in
graph/cli.py). ``serve`` runs Oxigraph's own SPARQL server (the ``oxigraph`` package's
binary) on the live generation behind graph/serve.py's guard, and the view beside it."""

from __future__ import annotations

import argparse
import contextlib
import shutil
import signal
import subprocess
import sys
import threading
import urllib.parse
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from graph.cli import _err, commands, duplicate_option
from graph.errors import InputError, StoreError

if TYPE_CHECKING:
    import networkx as nx


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, required=True, metavar="DIR", help="the store folder")


# ---- add / remove / export ---------------------------------------------------------------
def _configure_add(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="articles, as for build; or N-Quads shards (.nq files build wrote), bulk-loaded",
    )
    p.add_argument("--replace", action="store_true", help="re-extract articles already stored")
    duplicate_option(
        p,
        "a different article under a stored id is refused (exit code 2); with --replace "
        "the default is replace",
        default=None,
    )
    p.add_argument(
        "--kb",
        type=Path,
        metavar="FILE",
        help="CSV knowledge base (iri,label,aliases,type) to link people and organisations to",
    )
    p.add_argument("--model", help="spaCy pipeline name")
    p.add_argument("--no-link", action="store_true", help="do not link entities to GeoNames")
    p.add_argument(
        "--all-values",
        action="store_true",
        help="also store the dates and quantities that no fact uses (left out by default)",
    )


def _run_add(args: argparse.Namespace) -> int:
    from graph import store
    from graph.ingest import read_articles
    from graph.pipeline import resolve_articles

    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        _err(f"skipped: {error}")

    on_duplicate = args.on_duplicate or ("replace" if args.replace else "error")
    shards = [Path(i) for i in args.inputs if str(i).endswith(".nq")]
    if shards and len(shards) < len(args.inputs):
        raise InputError("add takes articles or N-Quads shards (.nq), not both at once")
    if shards:
        from graph.store_bulk import add_shards

        report = add_shards(
            args.store,
            shards,
            replace=args.replace,
            on_duplicate=on_duplicate,
            on_error=on_error,
            on_notice=_err,
        )
    else:
        report = store.add(
            args.store,
            resolve_articles(
                read_articles(args.inputs, on_error), model=args.model, all_values=args.all_values
            ),
            replace=args.replace,
            on_duplicate=on_duplicate,
            link=None if args.no_link else linker(args.kb),
            on_error=on_error,
            on_notice=_err,
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


def linker(kb: Path | None) -> Callable[[nx.MultiDiGraph], object]:
    """graph.link's linking with an optional knowledge base, as ``build`` links."""
    from graph.link import link_graph, read_kb

    base = read_kb(kb) if kb is not None else None
    return lambda graph: link_graph(graph, base)


def _configure_remove(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument("ids", nargs="+", metavar="ID", help="article ids")


def _run_remove(args: argparse.Namespace) -> int:
    from graph import store

    removed = store.remove(args.store, args.ids)
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

    from graph import store

    if args.output is not None:
        store.export(args.store, args.format, args.output)
        print(f"wrote {args.output}", file=sys.stderr)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        path = store.export(args.store, args.format, Path(tmp) / "dump")
        sys.stdout.write(path.read_text("utf-8"))
    return 0


# ---- serve ---------------------------------------------------------------------------------
def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise StoreError("serve needs Oxigraph's server: pip install oxigraph")
    return found


def _origin(value: str) -> str:
    parsed = urllib.parse.urlsplit(value)
    if parsed.scheme not in {"http", "https"} or not parsed.netloc or parsed.path not in {"", "/"}:
        raise argparse.ArgumentTypeError(
            f"expected an origin such as http://localhost:3000, got {value!r}"
        )
    return f"{parsed.scheme}://{parsed.netloc}"


def _positive(kind: type) -> Callable[[str], float]:
    def parse(value: str) -> float:
        number = kind(value)
        if number <= 0:
            raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
        return number

    return parse


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
        type=_positive(float),
        default=30.0,
        metavar="SECONDS",
        help="stop any request running longer than this (default 30)",
    )
    p.add_argument(
        "--max-results",
        type=_positive(int),
        default=100_000,
        metavar="N",
        help="refuse query results of more than N rows or triples (default 100000)",
    )


def check_versions(directory: Path) -> str:
    """The oxigraph server must read the on-disk format pyoxigraph wrote: same minor
    version (0.x releases change the storage). Returns the server's version."""
    import pyoxigraph

    from graph import store

    output = subprocess.run(
        [oxigraph_binary(), "--version"], capture_output=True, text=True, timeout=30
    ).stdout.split()
    server = output[-1] if output else "unknown"
    written = store.written_by(directory) or pyoxigraph.__version__
    if server.split(".")[:2] != written.split(".")[:2]:
        raise StoreError(
            f"{directory}: written by pyoxigraph {written} but the oxigraph server is {server};"
            " install the same 0.x version of both"
        )
    return server


def _render(directory: Path) -> bytes:
    from exports.html import render
    from exports.rdf_read import graph_from_store
    from graph import store

    graph = graph_from_store(store.open_store(directory))
    return render(graph, f"newsgraph store: {len(graph.graph['articles'])} articles").encode()


def _run_serve(args: argparse.Namespace) -> int:
    from graph import serve, store

    store.open_store(args.store)  # fail early with a clear message
    check_versions(args.store)
    endpoint = f"http://{args.host}:{args.port}/query"
    live = (lambda: None) if args.writable else (lambda: store.current_generation(args.store))
    view = serve.View(lambda: _render(args.store), live)
    with contextlib.ExitStack() as stack:
        if args.writable:
            view.page()  # rendered now: once the server writes, only it may read the store
            stack.enter_context(store.serving_writable(args.store, endpoint))
        upstream = serve.Upstream(oxigraph_binary(), args.store, args.writable, args.timeout)
        stack.callback(upstream.close)
        limits = (args.timeout, args.max_results)
        guard_policy = serve.Policy.for_bind(args.host, args.port, args.cors, *limits)
        view_policy = serve.Policy.for_bind(args.host, args.port + 1, None, *limits)
        servers = [
            _listen(
                args.host,
                args.port,
                type(
                    "Guard", (serve.GuardHandler,), {"policy": guard_policy, "upstream": upstream}
                ),
            ),
            _listen(
                args.host,
                args.port + 1,
                type("View", (serve.ViewHandler,), {"policy": view_policy, "view": view}),
            ),
        ]
        for server in servers:
            stack.callback(server.server_close)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            stack.callback(server.shutdown)
        if not args.writable:
            threading.Thread(target=_quietly(view.page), daemon=True).start()
        stop = threading.Event()
        signal.signal(signal.SIGTERM, lambda *_: stop.set())
        print(
            f"SPARQL endpoint {endpoint}"
            + (" and /update" if args.writable else " (read-only)")
            + f"; query UI http://{args.host}:{args.port}/"
            + f"; view http://{args.host}:{args.port + 1}/"
            + f"; limits {args.timeout:g} s, {args.max_results} results"
            + (f"; CORS for {args.cors}" if args.cors else ""),
            flush=True,
        )
        try:
            while not stop.wait(1.0):
                upstream.check()
        except KeyboardInterrupt:
            pass
    return 0


def _listen(host: str, port: int, handler: type) -> ThreadingHTTPServer:
    from graph.serve import QuietServer

    try:
        return QuietServer((host, port), handler)
    except OSError as exc:
        raise StoreError(f"cannot listen on {host}:{port} ({exc.strerror or exc})") from None


def _quietly(work: Callable[[], object]) -> Callable[[], None]:
    """The view rendered ahead of the first request; a failure shows on that request."""

    def run() -> None:
        with contextlib.suppress(Exception):
            work()

    return run


commands.register("add", help="add articles to a persistent store")((_configure_add, _run_add))
commands.register("remove", help="remove articles from a store")((_configure_remove, _run_remove))
commands.register("export", help="dump a whole store")((_configure_export, _run_export))
commands.register("serve", help="SPARQL 1.1 endpoint and view over a store")(
    (_configure_serve, _run_serve)
)
