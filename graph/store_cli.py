"""Store subcommands: ``add``, ``remove``, ``export`` and ``serve`` (``query --store`` is in
graph/cli.py). ``serve`` runs Oxigraph's own SPARQL server (the ``oxigraph`` package's
binary) on the live generation and serves the interactive view beside it."""

from __future__ import annotations

import argparse
import shutil
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING

from graph.cli import _err, commands
from graph.errors import InputError, StoreError

if TYPE_CHECKING:
    import networkx as nx


def _store_arg(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, required=True, metavar="DIR", help="the store folder")


# ---- add / remove / export ---------------------------------------------------------------
def _configure_add(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="articles, as for build")
    p.add_argument("--replace", action="store_true", help="re-extract articles already stored")
    p.add_argument(
        "--kb",
        type=Path,
        metavar="FILE",
        help="CSV knowledge base (iri,label,aliases,type) to link people and organisations to",
    )
    p.add_argument("--model", help="spaCy pipeline name")
    p.add_argument("--no-link", action="store_true", help="do not link entities to GeoNames")


def _run_add(args: argparse.Namespace) -> int:
    from graph import store
    from graph.ingest import read_articles
    from graph.pipeline import resolve_articles

    failures: list[InputError] = []

    def on_error(error: InputError) -> None:
        failures.append(error)
        _err(f"skipped: {error}")

    articles = read_articles(args.inputs, on_error)
    report = store.add(
        args.store,
        resolve_articles(articles, model=args.model),
        replace=args.replace,
        link=None if args.no_link else linker(args.kb),
    )
    merged = f"; merged {len(report.merged)} stored name(s) into fuller ones"
    print(
        f"added {len(report.added)}, replaced {len(report.replaced)}, "
        f"unchanged {len(report.skipped)} (already stored)" + (merged if report.merged else "")
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


def _die_with_parent() -> None:
    """Linux: the server child gets SIGTERM when ``newsgraph serve`` dies, even by SIGKILL,
    so no endpoint outlives the command that started it."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class _ViewHandler(BaseHTTPRequestHandler):
    page: Callable[[], bytes]

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if self.path not in {"/", "/graph.html"}:
            self.send_error(404)
            return
        body = self.page()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


class Server:
    """Oxigraph on the live generation, restarted when an add makes a new one live."""

    def __init__(self, directory: Path, host: str, port: int, writable: bool) -> None:
        self.directory, self.host, self.port, self.writable = directory, host, port, writable
        self.process: subprocess.Popen | None = None
        self.generation: Path | None = None
        self._page: bytes = b""

    def start_oxigraph(self) -> None:
        from graph import store

        generation = store.current_generation(self.directory)
        if generation is None:
            raise StoreError(f"{self.directory}: not a newsgraph store (add articles first)")
        mode = "serve" if self.writable else "serve-read-only"
        command = [
            oxigraph_binary(),
            mode,
            "--location",
            str(generation),
            "--bind",
            f"{self.host}:{self.port}",
            "--union-default-graph",
            "--cors",
        ]
        self.process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            preexec_fn=_die_with_parent if sys.platform == "linux" else None,
        )
        self.generation = generation

    def stop_oxigraph(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
        self.process = None

    def page(self) -> bytes:
        if not self._page:
            from exports.html import render
            from exports.rdf_read import graph_from_store
            from graph import store

            graph = graph_from_store(store.open_store(self.directory))
            self._page = render(
                graph, f"newsgraph store: {len(graph.graph['articles'])} articles"
            ).encode()
        return self._page

    def follow(self, stop: threading.Event) -> None:
        from graph import store

        while not stop.wait(1.0):
            if self.process is not None and self.process.poll() is not None:
                error = self.process.stderr.read().decode(errors="replace").strip().splitlines()
                raise StoreError(f"oxigraph stopped: {error[-1] if error else 'no message'}")
            live = store.current_generation(self.directory)
            if not self.writable and live != self.generation:
                self.stop_oxigraph()
                self.start_oxigraph()
                self._page = b""  # the view is rendered again from the new generation


def _configure_serve(p: argparse.ArgumentParser) -> None:
    _store_arg(p)
    p.add_argument("--port", type=int, default=7878, help="SPARQL endpoint port (view: port+1)")
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1)")
    p.add_argument(
        "--writable",
        action="store_true",
        help="also accept SPARQL updates at /update (adds are refused meanwhile)",
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


def _run_serve(args: argparse.Namespace) -> int:
    import contextlib

    from graph import store

    store.open_store(args.store)  # fail early with a clear message
    check_versions(args.store)
    server = Server(args.store, args.host, args.port, args.writable)
    endpoint = f"http://{args.host}:{args.port}/query"
    lock = contextlib.ExitStack()
    if args.writable:
        server.page()  # the view is rendered now: once the server writes, only it may read
        lock.enter_context(store.serving_writable(args.store, endpoint))
    server.start_oxigraph()
    handler = type("Handler", (_ViewHandler,), {"page": staticmethod(server.page)})
    view = ThreadingHTTPServer((args.host, args.port + 1), handler)
    threading.Thread(target=view.serve_forever, daemon=True).start()
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    print(
        f"SPARQL endpoint http://{args.host}:{args.port}/query"
        + (" and /update" if args.writable else " (read-only)")
        + f"; query UI http://{args.host}:{args.port}/; view http://{args.host}:{args.port + 1}/",
        flush=True,
    )
    try:
        server.follow(stop)
    except KeyboardInterrupt:
        pass
    finally:
        view.shutdown()
        server.stop_oxigraph()
        lock.close()
    return 0


commands.register("add", help="add articles to a persistent store")((_configure_add, _run_add))
commands.register("remove", help="remove articles from a store")((_configure_remove, _run_remove))
commands.register("export", help="dump a whole store")((_configure_export, _run_export))
commands.register("serve", help="SPARQL 1.1 endpoint and view over a store")(
    (_configure_serve, _run_serve)
)
