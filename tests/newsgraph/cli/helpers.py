"""Running the command line as a user runs it: ``python -m newsgraph`` in a subprocess."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = ROOT / "examples"
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def newsgraph(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args],
        capture_output=True,
        text=True,
        input=stdin,
        cwd=ROOT,
        timeout=300,
    )


def example_count() -> int:
    """Articles in examples/: one per text or HTML file, one per JSON Lines record."""
    files = [p for p in EXAMPLES.rglob("*") if p.suffix in {".txt", ".html"}]
    records = [
        line for p in EXAMPLES.rglob("*.jsonl") for line in p.read_text().splitlines() if line
    ]
    return len(files) + len(records)
