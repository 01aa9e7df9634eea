"""The entry points (``python -m newsgraph``, the console script) and ``--version``."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.newsgraph.cli.helpers import EXAMPLES, ROOT, newsgraph


def test_installed_console_script_builds_and_queries(tmp_path: Path) -> None:
    script = shutil.which("newsgraph")
    if script is None:
        pytest.skip("the newsgraph console script is not on PATH")
    run = lambda *a: subprocess.run(  # noqa: E731
        [script, *a], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    build = run("build", str(EXAMPLES / "merger.txt"), "-o", str(tmp_path), "-q")
    assert build.returncode == 0 and build.stdout == "", build.stderr
    query = run(
        "query",
        str(tmp_path / "graph.nq"),
        'SELECT ?p WHERE { ?c rdfs:label "Maersk" . ?c ?p ?x } LIMIT 1',
    )
    assert query.returncode == 0, query.stderr
    assert query.stdout.splitlines()[-1] == "(1 row)"


def test_version_and_the_importable_package_name(tmp_path: Path) -> None:
    from importlib.metadata import version

    result = newsgraph("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"newsgraph {version('newsgraph')}"
    probe = subprocess.run(
        [sys.executable, "-c", "import newsgraph, sys; print(newsgraph.__version__, "
         "'spacy' in sys.modules, callable(newsgraph.build))"],
        capture_output=True, text=True, cwd=tmp_path, timeout=60,
    )  # fmt: skip
    assert probe.returncode == 0, probe.stderr
    assert probe.stdout.split() == [version("newsgraph"), "False", "True"]
