"""Context's lookups that extractors share."""

from __future__ import annotations

import pytest

from tests.graph.extract.helpers import run


@pytest.mark.parametrize(
    ("start", "end", "words"),
    [
        (0, 0, ["Ada"]),  # a token starting at the range's one character
        (0, 9, ["Ada", "met", "Bo"]),  # "Bo" starts at 8, inside
        (1, 3, []),  # inside "Ada", no token starts there
        (4, 100, ["met", "Bo", "in", "Oslo", "."]),
    ],
)
def test_tokens_from_are_the_tokens_starting_in_the_range(start, end, words) -> None:  # noqa: ANN001
    ctx, _ = run("Ada met Bo in Oslo.")
    assert [ctx.doc[i].text for i in ctx.tokens_from(start, end)] == words
