"""The CLI is a thin layer over the library: nothing under graph/ or exports/ imports
newsgraph.cli (STYLE.md), so the library can be used, tested and changed without it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.newsgraph.cli.helpers import ROOT

SHIMS = {Path("graph/cli.py")}
"""Old entry points kept for checkouts and installs that still name them: they forward to
newsgraph.cli and hold no library code."""


def cli_imports(source: str) -> list[str]:
    """The imports of newsgraph.cli (or of newsgraph's ``cli``) in a module's source, at any
    depth (inside functions too)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [a.name for a in node.names if _is_cli(a.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if _is_cli(node.module):
                found.append(node.module)
            elif node.module == "newsgraph":
                found += [f"newsgraph.{a.name}" for a in node.names if a.name == "cli"]
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "import_module":
            args = [a.value for a in node.args if isinstance(a, ast.Constant)]
            found += [a for a in args if isinstance(a, str) and _is_cli(a)]
    return found


def _is_cli(name: str) -> bool:
    return name == "newsgraph.cli" or name.startswith("newsgraph.cli.")


def library_modules() -> list[Path]:
    return sorted(
        p.relative_to(ROOT)
        for folder in ("graph", "exports")
        for p in (ROOT / folder).rglob("*.py")
        if p.relative_to(ROOT) not in SHIMS
    )


def test_the_walk_sees_the_library() -> None:
    names = {str(p) for p in library_modules()}
    assert {"graph/store.py", "graph/pipeline.py", "exports/__init__.py"} <= names


@pytest.mark.parametrize("module", library_modules(), ids=str)
def test_no_library_module_imports_the_cli(module: Path) -> None:
    assert cli_imports((ROOT / module).read_text("utf-8")) == []


@pytest.mark.parametrize(
    "source",
    [
        "import newsgraph.cli",
        "from newsgraph.cli import main",
        "from newsgraph.cli.common import err",
        "from newsgraph import cli",
        "def f():\n    from newsgraph.cli.store import COMMANDS",
        "import importlib\nimportlib.import_module('newsgraph.cli.eval')",
    ],
)
def test_every_form_of_the_import_is_caught(source: str) -> None:
    assert cli_imports(source)


@pytest.mark.parametrize(
    "source",
    ["import newsgraph", "from newsgraph import build", "from graph import query", "import client"],
)
def test_other_imports_are_not(source: str) -> None:
    assert cli_imports(source) == []
