"""Shared fixtures: the seed article, the example articles, and graphs built from them once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

try:
    from hypothesis import HealthCheck, settings
except ImportError:  # only tests/test_properties.py needs it (the dev extra installs it)
    settings = None
if settings is not None:
    # A few dozen examples per property, no deadline (a build's first example loads spaCy
    # and GeoNames) and no example database left in the checkout; `thorough` for a long run.
    quick = dict(deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    settings.register_profile("newsgraph", max_examples=25, **quick)
    settings.register_profile("thorough", max_examples=300, **quick)
    settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "newsgraph"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED = ROOT.parent / "shared" / "seed" / "article.txt"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    if not SEED.exists():
        pytest.skip("../shared/seed/article.txt is not beside the checkout")
    return SEED


@pytest.fixture(scope="session")
def seed_graph(seed_path):  # noqa: ANN001, ANN201
    from graph import build

    return build(seed_path)


@pytest.fixture(scope="session")
def seed_export(seed_graph, tmp_path_factory):  # noqa: ANN001, ANN201
    """Directory holding the seed graph exported as graph.ttl and graph.nq."""
    from exports import export

    out = tmp_path_factory.mktemp("seed")
    export(seed_graph, "turtle", out / "graph.ttl")
    export(seed_graph, "nquads", out / "graph.nq")
    return out


@pytest.fixture(scope="session")
def seed_store(seed_export):  # noqa: ANN001, ANN201
    from graph.query import load_file

    return load_file(seed_export / "graph.nq")


@pytest.fixture(scope="session")
def store_dir(tmp_path_factory) -> Path:  # noqa: ANN001
    """A store of the example articles, built once through the CLI for the store and serve
    tests (the tests that change a store change a copy)."""
    directory = tmp_path_factory.mktemp("store")
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "add", "--store", str(directory), str(EXAMPLES)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "added 7" in result.stdout
    return directory
