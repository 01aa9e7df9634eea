"""What kind of organisation the article shows a name to be, for "chief" and "boss"."""

from __future__ import annotations

import pytest

from graph import lexicon
from graph.extract.title_senses import kind_cues, organisation_kind, senses
from tests.graph.extract.helpers import run


def test_every_sense_is_a_title_and_every_kind_has_cues() -> None:
    kinds = set(kind_cues().values())
    for (word, kind), office in senses().items():
        assert word in lexicon.titles() and office in lexicon.titles(), word
        assert kind in kinds, kind
    assert {where for _, where in kind_cues()} <= {"name", "before", "after"}


@pytest.mark.parametrize(
    "text, name, kind",
    [
        ("Shares in Vodafone fell on Monday.", "Vodafone", "company"),
        ("On Monday, carmaker Toyota recalled a million cars.", "Toyota", "company"),
        ("Safaricom shareholders backed the plan.", "Safaricom", "company"),
        ("The deal was signed by Infosys Ltd on Friday.", "Infosys Ltd", "company"),
        ("They play French club PSG on Sunday.", "PSG", "club"),
        ("Thousands of Flamengo fans sang.", "Flamengo", "club"),
        ("The UN warned of famine.", "UN", None),
        ("Shares in Chelsea rose as Chelsea fans sang.", "Chelsea", None),  # two kinds
    ],
)
def test_organisation_kind(text: str, name: str, kind: str | None) -> None:
    ctx, _ = run(text)
    organisation = next(m for m in ctx.mentions if m.name == name)
    assert organisation_kind(ctx, organisation, []) == kind
