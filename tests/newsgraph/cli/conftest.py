from __future__ import annotations

from pathlib import Path

import pytest

from tests.newsgraph.cli.helpers import EXAMPLES, example_count, newsgraph


@pytest.fixture(scope="package")
def built(tmp_path_factory) -> Path:  # noqa: ANN001
    out = tmp_path_factory.mktemp("built")
    result = newsgraph("build", str(EXAMPLES), "-o", str(out), "-f", "jsonld")
    assert result.returncode == 0, result.stderr
    assert f"articles: {example_count()}" in result.stdout
    assert "entities:" in result.stdout and "relations:" in result.stdout
    return out
