"""A store of the seven example articles, built once for the store and serve tests (the
tests that change a store change a copy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:  # noqa: ANN001
    directory = tmp_path_factory.mktemp("store")
    result = subprocess.run(
        [sys.executable, "-m", "graph.cli", "add", "--store", str(directory)]
        + [str(ROOT / "examples")],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "added 7" in result.stdout
    return directory
