"""How long `newsgraph serve` is unavailable while it moves to the generation an add made.

Builds a small store from tests/fixtures/store, serves it on a loopback port, asks
``ASK {}`` every 20 ms while ``newsgraph add`` runs and for a few seconds after, and prints
how many requests were refused and over how long a window.

Usage: python bench/store_serve.py [--port N]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
TEXTS = ROOT / "tests" / "fixtures" / "store"


def newsgraph(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], capture_output=True, text=True, cwd=ROOT
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=7899)
    args = parser.parse_args()
    endpoint = f"http://127.0.0.1:{args.port}/query"

    def answers() -> bool:
        try:
            return httpx.get(endpoint, params={"query": "ASK {}"}, timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "store"
        newsgraph("add", "--store", str(directory), *(str(TEXTS / f"a{i}.txt") for i in (1, 2, 3)))
        server = subprocess.Popen(
            [sys.executable, "-m", "newsgraph", "serve", "--store", str(directory)]
            + ["--port", str(args.port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while not answers():
                if time.monotonic() > deadline:
                    print("the endpoint did not start", file=sys.stderr)
                    return 1
                time.sleep(0.1)
            polls: list[tuple[float, bool]] = []
            stop = threading.Event()

            def poll() -> None:
                while not stop.is_set():
                    polls.append((time.monotonic(), answers()))
                    time.sleep(0.02)

            thread = threading.Thread(target=poll)
            thread.start()
            added = newsgraph("add", "--store", str(directory), str(TEXTS / "extra.txt"))
            time.sleep(4)
            stop.set()
            thread.join()
        finally:
            server.terminate()
            server.wait(timeout=20)
    refused = [t for t, ok in polls if not ok]
    window = (refused[-1] - refused[0]) if refused else 0.0
    print(added.stdout.strip())
    print(
        f"requests during and after the add: {len(polls)}, refused: {len(refused)}, "
        f"refused window: {window * 1000:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
