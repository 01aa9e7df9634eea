"""``newsgraph serve`` made safe by default: a small guard HTTP server in front of Oxigraph's
own SPARQL server, which listens only on a private loopback port.

Why a guard in front rather than our own endpoint on pyoxigraph: Oxigraph's server already
does the SPARQL protocol (content negotiation, every result format, the graph store, the
query UI) and, with ``--writable``, owns the only read-write handle on the store (Oxigraph
0.5 calls a read-only open while another process writes undefined behaviour, so queries
in writable mode cannot run in separate pyoxigraph workers). The guard adds what the server
lacks, each checked per request:

- the Host header must name the bound address and port (localhost aliases for a loopback
  bind): DNS rebinding gets 421;
- no CORS header unless ``--cors ORIGIN`` and the request comes from that origin; POSTs and
  other writes whose Origin or Sec-Fetch-Site is another site get 403, and a form-encoded
  POST to /update needs an Origin that proves it is same-origin (CSRF);
- SERVICE (queries and updates) and LOAD (updates) are refused with 400 by a lexical check
  that skips strings, IRIs and comments (and also checks the text with \\u escapes decoded);
- a time limit: Oxigraph's ``--timeout-s`` cancels most queries, but not all (an ORDER BY
  over a cross product kept a core busy after the client left), so when an answer is not
  complete by the deadline the guard kills the Oxigraph child, starts a fresh one and
  answers 503. That also stops in-flight requests of other clients: a rare price for a
  guarantee that no runaway work survives its limit;
- a result limit: query results are parsed while they stream (pyoxigraph's parsers, or csv)
  and counted; past ``--max-results`` rows the guard stops reading and answers 400;
- the project's prefixes (ng:, schema:, rdfs: ...) declared in front of every query and
  update that does not declare them itself, as ``newsgraph query`` does, so a query from
  README runs the same pasted into the query UI or sent by a script.
"""

from __future__ import annotations

import csv
import io
import ipaddress
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPResponse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyoxigraph as ox

from graph.errors import StoreError
from graph.query import with_prefixes

GRACE = 1.0
"""Seconds past ``--timeout`` before the guard stops waiting and restarts the server."""
CANCELLED = b"The SPARQL operation has been cancelled"
"""What Oxigraph writes in place of the rest of a streamed answer it stopped (--timeout-s)."""
MAX_BODY = 64 * 1024 * 1024
"""Largest request body and largest uncountable answer the guard holds in memory."""

# ---- the SPARQL check ------------------------------------------------------------------------
_TOKEN = re.compile(
    r"""(?P<comment>\#[^\n\r]*)
    |(?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
      |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
    |(?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    |(?P<lang>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
    |(?P<var>[?$]\w+)
    |(?P<pname>(?:[^\W\d][\w\-.]*)?:[\w\-.:%\\]*)
    |(?P<word>[^\W\d]\w*)
    |(?P<other>.)""",
    re.VERBOSE | re.DOTALL,
)
_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
REFUSED = {
    "SERVICE": "SERVICE is refused: this endpoint sends no requests to other servers",
    "LOAD": "LOAD is refused: this endpoint fetches no URLs (add articles with newsgraph add)",
}


def _keywords(text: str) -> set[str]:
    return {m.group("word").upper() for m in _TOKEN.finditer(text) if m.lastgroup == "word"}


def refusal(text: str, update: bool) -> str | None:
    """Why a query (or an update) is refused, or None. SPARQL decodes \\u escapes before it
    parses, so the text is checked both as sent and decoded."""
    decoded = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text)
    found = _keywords(text) | _keywords(decoded)
    for keyword in ("SERVICE", "LOAD") if update else ("SERVICE",):
        if keyword in found:
            return REFUSED[keyword]
    return None


# ---- the Oxigraph child ----------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """Linux: the server child gets SIGTERM when ``newsgraph serve`` dies, even by SIGKILL,
    so no endpoint outlives the command that started it."""
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


@dataclass
class Child:
    """One Oxigraph server process on a private loopback port."""

    process: subprocess.Popen
    port: int
    generation: Path
    log: object = field(repr=False)

    def last_error(self) -> str:
        self.log.seek(0)
        lines = self.log.read().decode(errors="replace").strip().splitlines()
        return lines[-1] if lines else "no message"

    def stop(self, kill: bool = False) -> None:
        if self.process.poll() is None:
            self.process.kill() if kill else self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.log.close()


def start_child(binary: str, generation: Path, writable: bool, timeout: float) -> Child:
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by Child.stop
    command = [
        binary,
        "serve" if writable else "serve-read-only",
        "--location",
        str(generation),
        "--bind",
        f"127.0.0.1:{port}",
        "--union-default-graph",
        "--timeout-s",
        str(max(1, int(timeout))),
    ]
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=log,
        preexec_fn=_die_with_parent if sys.platform == "linux" else None,
    )
    child = Child(process, port, generation, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            message = child.last_error()
            child.stop()
            raise StoreError(f"oxigraph did not start: {message}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return child
        except OSError:
            time.sleep(0.05)
    child.stop(kill=True)
    raise StoreError("oxigraph did not start within 30 s")


class Upstream:
    """The live Oxigraph child, replaced when the store's generation changes (read-only) or
    when a request outlives its limit (the only sure way to stop the work)."""

    def __init__(self, binary: str, directory: Path, writable: bool, timeout: float) -> None:
        from graph import store

        self.binary, self.directory = binary, directory
        self.writable, self.timeout = writable, timeout
        self._lock = threading.Lock()
        self._retired: list[Child] = []
        # Linux sends the death signal when the *thread* that forked a child ends, so every
        # child is started by this one long-lived thread, not by a request's thread.
        self._spawner = ThreadPoolExecutor(1, thread_name_prefix="oxigraph-spawner")
        generation = store.current_generation(directory)
        if generation is None:
            raise StoreError(f"{directory}: not a newsgraph store (add articles first)")
        self.child = self._start(generation)

    def _start(self, generation: Path) -> Child:
        return self._spawner.submit(
            start_child, self.binary, generation, self.writable, self.timeout
        ).result()

    def replace(self, old: Child, generation: Path | None = None, kill: bool = True) -> None:
        """A fresh child instead of ``old`` (if ``old`` is still the live one). A killed
        child frees its core at once; a retired one finishes its requests first."""
        with self._lock:
            if self.child is not old:
                return
            generation = generation or old.generation
            if self.writable:  # one read-write handle: the old one must be gone first
                old.stop(kill=True)
                self.child = self._start(generation)
                return
            self.child = self._start(generation)
        if kill:
            old.stop(kill=True)
        else:
            timer = threading.Timer(self.timeout + GRACE, old.stop)
            timer.daemon = True
            timer.start()
            self._retired = [c for c in self._retired if c.process.poll() is None] + [old]

    def check(self) -> None:
        """Raise if the live child died on its own; follow a new generation (read-only)."""
        from graph import store

        child = self.child
        if child.process.poll() is not None:
            with self._lock:
                if self.child is child:
                    raise StoreError(f"oxigraph stopped: {child.last_error()}")
            return
        live = store.current_generation(self.directory)
        if not self.writable and live is not None and live != child.generation:
            self.replace(child, live, kill=False)

    def close(self) -> None:
        with self._lock:
            for child in [*self._retired, self.child]:
                child.stop()
        self._spawner.shutdown()


# ---- the guard -------------------------------------------------------------------------------
class Refused(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


class _Deadline(Exception):
    """The answer was not complete in time; ``stopped``: Oxigraph itself stopped the work."""

    def __init__(self, stopped: bool = False) -> None:
        super().__init__()
        self.stopped = stopped


class _Tee(io.RawIOBase):
    """Reads the upstream answer, keeping every byte, and never past the deadline."""

    def __init__(self, response: HTTPResponse, sock: socket.socket, deadline: float) -> None:
        self.response, self.sock, self.deadline = response, sock, deadline
        self.kept = bytearray()
        self.bounded = True  # an answer we cannot count is held up to MAX_BODY bytes

    def readable(self) -> bool:
        return True

    def chunk(self, size: int = 1 << 16) -> bytes:
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise _Deadline
        self.sock.settimeout(left)
        try:
            return self.response.read1(size)
        except TimeoutError:
            raise _Deadline from None

    def readinto(self, buffer) -> int:  # noqa: ANN001 - a writable buffer
        data = self.chunk(min(len(buffer), 1 << 16))
        buffer[: len(data)] = data
        self.kept += data
        if self.bounded and len(self.kept) > MAX_BODY:
            raise Refused(400, f"the answer is larger than {MAX_BODY >> 20} MB")
        return len(data)


def _count(tee: _Tee, content_type: str, limit: int) -> None:
    """Parse the answer as it streams and refuse it past ``limit`` results."""
    media = content_type.split(";")[0].strip().lower()
    results = ox.QueryResultsFormat.from_media_type(media) if media else None
    graph = ox.RdfFormat.from_media_type(media) if media and results is None else None
    if media != "text/csv" and results is None and graph is None:
        while tee.read(1 << 16):  # not countable: held up to MAX_BODY bytes
            pass
        return
    tee.bounded = False
    stream = io.BufferedReader(tee)
    rows: object = None
    try:
        if media == "text/csv":
            rows = csv.reader(io.TextIOWrapper(stream, "utf-8", newline=""))
            next(rows, None)  # the header
        elif results is not None:
            rows = ox.parse_query_results(stream, results)
            rows = () if isinstance(rows, ox.QueryBoolean) else rows
        else:
            rows = ox.parse(stream, graph)
        for n, _ in enumerate(rows, 1):
            if n > limit:
                raise Refused(
                    400,
                    f"the result has more than {limit} rows (--max-results {limit});"
                    " narrow the query or add LIMIT",
                )
        while tee.read(1 << 16):  # a trailer after the last row, if any
            pass
    finally:
        rows = None  # pyoxigraph's iterators must be dropped by the thread that made them


@dataclass(frozen=True)
class Policy:
    host: str
    port: int
    cors: str | None
    timeout: float
    max_results: int
    allowed: frozenset[str]

    @classmethod
    def for_bind(
        cls, host: str, port: int, cors: str | None, timeout: float, max_results: int
    ) -> Policy:
        return cls(host, port, cors, timeout, max_results, allowed_hosts(host, port))


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """Host header values that name this server. A loopback bind also answers to localhost;
    a wildcard bind to any IP literal and this machine's name (DNS rebinding needs another
    name)."""
    names = {host.lower()}
    try:
        address = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        address = None
    if address is not None and address.version == 6:
        names = {f"[{address}]"}
    if host == "localhost" or (address is not None and address.is_loopback):
        names |= {"localhost", "127.0.0.1", "[::1]"}
    if address is not None and address.is_unspecified:
        names |= {"localhost", socket.gethostname().lower(), "*ip*"}
    return frozenset(f"{name}:{port}" for name in names)


def host_allowed(policy: Policy, value: str | None) -> bool:
    if not value:
        return False
    value = value.strip().lower()
    if value in policy.allowed:
        return True
    if f"*ip*:{policy.port}" in policy.allowed:
        name, _, port = value.rpartition(":")
        try:
            ipaddress.ip_address(name.strip("[]"))
        except ValueError:
            return False
        return port == str(policy.port)
    return False


def same_origin(policy: Policy, origin: str) -> bool:
    parsed = urllib.parse.urlsplit(origin)
    return parsed.scheme == "http" and host_allowed(policy, parsed.netloc)


class GuardHandler(BaseHTTPRequestHandler):
    """Checks every request, forwards the safe ones to the Oxigraph child."""

    policy: Policy
    upstream: Upstream
    protocol_version = "HTTP/1.1"
    PATHS = (
        "/",
        "/query",
        "/update",
        "/store",
        "/sparql",
        "/yasgui.min.css",
        "/yasgui.min.js",
        "/logo.svg",
    )

    def do_GET(self) -> None:  # noqa: N802 - http.server's names
        self._handle()

    do_HEAD = do_POST = do_PUT = do_DELETE = do_GET  # noqa: N815

    def do_OPTIONS(self) -> None:  # noqa: N802
        """A CORS preflight: answered only for the ``--cors`` origin."""
        try:
            self._check_host()
            origin = self.headers.get("Origin")
            if self.policy.cors is None or origin != self.policy.cors:
                raise Refused(403, "cross-origin requests are refused (see serve --cors)")
        except Refused as refused:
            self._refuse(refused)
            return
        self.send_response(204)
        self._cors_headers()
        self.send_header("Access-Control-Allow-Methods", "GET, POST")
        self.send_header("Access-Control-Allow-Headers", "Content-Type, Accept")
        self.send_header("Access-Control-Max-Age", "600")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass

    # -- checks
    def _check_host(self) -> None:
        if not host_allowed(self.policy, self.headers.get("Host")):
            raise Refused(421, "this server answers only to its own address (Host refused)")

    def _check_origin(self) -> None:
        origin = self.headers.get("Origin")
        site = (self.headers.get("Sec-Fetch-Site") or "").lower()
        trusted = origin is not None and origin == self.policy.cors
        foreign = site in {"cross-site", "same-site"} or (
            origin is not None and not same_origin(self.policy, origin)
        )
        if self.command not in {"GET", "HEAD"} and foreign and not trusted:
            raise Refused(403, "cross-origin writes and POSTs are refused (see serve --cors)")

    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise Refused(411, "send a Content-Length (chunked requests are not taken)")
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise Refused(400, "a bad Content-Length") from None
        if length > MAX_BODY:
            raise Refused(413, f"the request is larger than {MAX_BODY >> 20} MB")
        return self.rfile.read(length) if length else b""

    def _check_sparql(self, path: str, query: str, body: bytes) -> None:
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        form = media == "application/x-www-form-urlencoded"
        texts: list[tuple[str, bool]] = []
        params = urllib.parse.parse_qs(query, keep_blank_values=True)
        if form:
            for key, values in urllib.parse.parse_qs(
                body.decode("utf-8", "replace"), keep_blank_values=True
            ).items():
                params.setdefault(key, []).extend(values)
        texts += [(text, False) for text in params.get("query", [])]
        texts += [(text, True) for text in params.get("update", [])]
        if path in {"/query", "/sparql"} and media == "application/sparql-query":
            texts.append((body.decode("utf-8", "replace"), False))
        if path in {"/update", "/sparql"} and media == "application/sparql-update":
            texts.append((body.decode("utf-8", "replace"), True))
        for text, update in texts:
            reason = refusal(text, update)
            if reason:
                raise Refused(400, reason)
        if form and self.command == "POST" and (path == "/update" or "update" in params):
            origin = self.headers.get("Origin")
            if origin is None or not same_origin(self.policy, origin):
                raise Refused(
                    403,
                    "a form-encoded update needs a same-origin Origin header"
                    " (send application/sparql-update instead)",
                )

    def _with_prefixes(self, query: str, body: bytes) -> tuple[str, bytes]:
        """The request's query string and body with the project's prefixes in every query
        and update text (URL parameters, a form, or a sparql-query/-update body)."""
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()

        def form(text: str) -> str:
            pairs = urllib.parse.parse_qsl(text, keep_blank_values=True)
            return urllib.parse.urlencode(
                [(k, with_prefixes(v) if k in {"query", "update"} else v) for k, v in pairs]
            )

        if query:
            query = form(query)
        if body and media == "application/x-www-form-urlencoded":
            body = form(body.decode("utf-8", "replace")).encode("ascii")
        elif body and media in {"application/sparql-query", "application/sparql-update"}:
            body = with_prefixes(body.decode("utf-8", "replace")).encode("utf-8")
        return query, body

    # -- the exchange
    def _handle(self) -> None:
        try:
            self._check_host()
            self._check_origin()
            path, _, query = self.path.partition("?")
            if path not in self.PATHS:
                raise Refused(404, "not found")
            body = self._body() if self.command in {"POST", "PUT"} else b""
            self._check_sparql(path, query, body)
            if path in {"/query", "/update", "/sparql"}:
                query, body = self._with_prefixes(query, body)
            self._forward(path, f"{path}?{query}" if query else path, body)
        except Refused as refused:
            self._refuse(refused)

    def _forward(self, path: str, target: str, body: bytes) -> None:
        child = self.upstream.child
        deadline = time.monotonic() + self.policy.timeout + GRACE
        connection = HTTPConnection("127.0.0.1", child.port, timeout=self.policy.timeout + GRACE)
        headers = {
            name: self.headers[name]
            for name in ("Accept", "Content-Type")
            if self.headers.get(name) is not None
        }
        try:
            try:
                connection.request(self.command, target, body=body or None, headers=headers)
                response = connection.getresponse()
            except TimeoutError:
                raise _Deadline from None
            except OSError as exc:
                raise Refused(503, f"the SPARQL server is restarting ({exc}); try again") from None
            tee = _Tee(response, connection.sock, deadline)
            content_type = response.getheader("Content-Type", "")
            if self.command == "HEAD":
                self._send(response.status, content_type, b"")
            elif path in {"/query", "/sparql"} and response.status == 200:
                try:
                    _count(tee, content_type, self.policy.max_results)
                except (SyntaxError, ValueError, OSError) as exc:
                    if tee.kept.endswith(CANCELLED):
                        raise _Deadline(stopped=True) from None
                    raise Refused(502, f"the SPARQL server sent a broken answer: {exc}") from None
                if tee.kept.endswith(CANCELLED):  # a lossy format (CSV) parsed it as a row
                    raise _Deadline(stopped=True)
                self._send(response.status, content_type, bytes(tee.kept))
            else:
                self._stream(response.status, content_type, tee)
        except _Deadline as late:
            if not late.stopped:
                self.upstream.replace(child)
            self._refuse(
                Refused(
                    503,
                    f"the request ran longer than {self.policy.timeout:g} s (--timeout)"
                    " and was stopped",
                )
            )
        finally:
            connection.close()

    def _cors_headers(self) -> None:
        origin = self.headers.get("Origin")
        if self.policy.cors is not None and origin == self.policy.cors:
            self.send_header("Access-Control-Allow-Origin", origin)
        self.send_header("Vary", "Origin")

    def _send(self, status: int, content_type: str, body: bytes, close: bool = False) -> None:
        self.send_response(status)
        if close:  # the request's body may be unread: this connection cannot be reused
            self.send_header("Connection", "close")
            self.close_connection = True
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self._cors_headers()
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _stream(self, status: int, content_type: str, tee: _Tee) -> None:
        """Pass an answer through as it comes (the graph store's dumps, the query UI)."""
        first = tee.chunk()
        self.send_response(status)
        if content_type:
            self.send_header("Content-Type", content_type)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Connection", "close")
        self.close_connection = True
        self._cors_headers()
        self.end_headers()
        try:
            while first:
                self.wfile.write(first)
                first = tee.chunk()
        except _Deadline:
            return  # the status is sent: closing early is all that is left

    def _refuse(self, refused: Refused) -> None:
        self._send(refused.status, "text/plain; charset=utf-8", f"{refused}\n".encode(), True)


class QuietServer(ThreadingHTTPServer):
    """A threading server that does not print a traceback when a client hangs up."""

    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        if not isinstance(sys.exc_info()[1], ConnectionError | TimeoutError):
            super().handle_error(request, client_address)


# ---- the view --------------------------------------------------------------------------------
class View:
    """The interactive page, rendered once per store generation (one render at a time, the
    others wait for it and share it)."""

    def __init__(self, render: Callable[[], bytes], generation: Callable[[], object]) -> None:
        self._render, self._generation = render, generation
        self._lock = threading.Lock()
        self._key: object = None
        self._page = b""

    def page(self) -> bytes:
        with self._lock:
            key = self._generation()
            if key != self._key or not self._page:
                self._page, self._key = self._render(), key
            return self._page


class ViewHandler(BaseHTTPRequestHandler):
    policy: Policy
    view: View

    def do_GET(self) -> None:  # noqa: N802 - http.server's name
        if not host_allowed(self.policy, self.headers.get("Host")):
            self._plain(421, "this server answers only to its own address (Host refused)")
            return
        if self.path not in {"/", "/graph.html"}:
            self._plain(404, "not found")
            return
        body = self.view.page()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        self.wfile.write(body)

    def _plain(self, status: int, message: str) -> None:
        body = f"{message}\n".encode()
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass
