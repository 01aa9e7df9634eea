"""Light start-up: ``newsgraph --help``, ``--version`` and ``query`` import nothing heavy."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.newsgraph.cli.helpers import ROOT


def test_query_does_not_import_spacy(built: Path) -> None:
    code = (
        "import sys; from newsgraph.cli import main; "
        f"main(['query', {str(built / 'graph.ttl')!r}, 'ASK {{ ?s ?p ?o }}']); "
        "print('spacy' in sys.modules)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def test_query_process_never_imports_spacy(built: Path) -> None:
    """`python -X importtime` lists every module the real `newsgraph query` run imports."""
    result = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-m",
            "newsgraph",
            "query",
            str(built / "graph.nq"),
            "ASK { ?s ?p ?o }",
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0 and result.stdout.strip() == "true"
    imported = {
        line.split("|")[-1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:")
    }
    assert "pyoxigraph" in imported
    assert not {m for m in imported if m.split(".")[0] in {"spacy", "thinc", "torch"}}
