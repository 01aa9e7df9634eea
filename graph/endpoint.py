"""Serving a store: Oxigraph's own SPARQL server (the ``oxigraph`` package's binary) on the
live generation behind graph/serve.py's guard, and the HTML view of the store beside it on
the next port. The work of ``newsgraph serve`` and ``newsgraph.serve``."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path

from graph.errors import StoreError


def oxigraph_binary() -> str:
    """The path of Oxigraph's server, installed with the ``oxigraph`` package."""
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).exists():
        raise StoreError("serve needs Oxigraph's server: pip install oxigraph")
    return found


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


def render_view(directory: Path) -> bytes:
    """The HTML view of everything in the store."""
    from exports.html import render
    from exports.rdf_read import graph_from_store
    from graph import store

    graph = graph_from_store(store.open_store(directory))
    return render(graph, f"newsgraph store: {len(graph.graph['articles'])} articles").encode()


def serve(
    directory: Path,
    *,
    host: str = "127.0.0.1",
    port: int = 7878,
    writable: bool = False,
    cors: str | None = None,
    timeout: float = 30.0,
    max_results: int = 100_000,
    stop: threading.Event | None = None,
    on_ready: Callable[[str], None] | None = None,
) -> None:
    """Serve ``directory`` until ``stop`` is set (or KeyboardInterrupt): the SPARQL endpoint
    at http://HOST:PORT/query (and /update when ``writable``; adds are refused meanwhile),
    the view at http://HOST:PORT+1/. ``cors`` is the one origin whose pages may read it.
    ``on_ready`` gets one line saying where everything listens, once it does."""
    from graph import serve as guard
    from graph import store

    store.open_store(directory)  # fail early with a clear message
    check_versions(directory)
    stop = stop if stop is not None else threading.Event()
    endpoint = f"http://{host}:{port}/query"
    live = (lambda: None) if writable else (lambda: store.current_generation(directory))
    view = guard.View(lambda: render_view(directory), live)
    with contextlib.ExitStack() as stack:
        if writable:
            view.page()  # rendered now: once the server writes, only it may read the store
            stack.enter_context(store.serving_writable(directory, endpoint))
        upstream = guard.Upstream(oxigraph_binary(), directory, writable, timeout)
        stack.callback(upstream.close)
        limits = (timeout, max_results)
        guard_policy = guard.Policy.for_bind(host, port, cors, *limits)
        view_policy = guard.Policy.for_bind(host, port + 1, None, *limits)
        guard_handler = {"policy": guard_policy, "upstream": upstream}
        view_handler = {"policy": view_policy, "view": view}
        handlers = [
            (port, type("Guard", (guard.GuardHandler,), guard_handler)),
            (port + 1, type("View", (guard.ViewHandler,), view_handler)),
        ]
        for at, handler in handlers:
            server = _listen(host, at, handler)
            stack.callback(server.server_close)
            threading.Thread(target=server.serve_forever, daemon=True).start()
            stack.callback(server.shutdown)
        if not writable:
            threading.Thread(target=_quietly(view.page), daemon=True).start()
        if on_ready is not None:
            on_ready(
                f"SPARQL endpoint {endpoint}"
                + (" and /update" if writable else " (read-only)")
                + f"; query UI http://{host}:{port}/"
                + f"; view http://{host}:{port + 1}/"
                + f"; limits {timeout:g} s, {max_results} results"
                + (f"; CORS for {cors}" if cors else "")
            )
        try:
            while not stop.wait(1.0):
                upstream.check()
        except KeyboardInterrupt:
            pass


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
