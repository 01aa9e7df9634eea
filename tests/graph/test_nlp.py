"""The spaCy stage: long texts are parsed in pieces that keep every character offset."""

from __future__ import annotations

import pytest

from graph import nlp
from graph.ingest import make_article


@pytest.mark.parametrize("size", [50, 120, 400])
def test_pieces_join_back_and_respect_the_size(size: int) -> None:
    text = ("The council met in Accra on Monday. " * 9 + "\n\n") * 7 + "x" * 900
    parts = nlp.pieces(text, size)
    assert "".join(parts) == text
    assert all(len(p) <= size for p in parts)
    prose = [p for p in parts if "x" not in p]
    assert prose and all(p.endswith((". ", "\n\n")) for p in prose)


def test_a_text_longer_than_a_piece_parses_with_whole_text_offsets(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(nlp, "PIECE_CHARS", 300)
    paragraph = "Thabo Mbeki visited Lagos on Tuesday. He met Olusegun Obasanjo there.\n\n"
    long_text = paragraph * 12
    short = make_article("Kofi Annan spoke in Geneva.", id="short", detect_title=False)
    long_ = make_article(long_text, id="long", detect_title=False)
    parsed = dict((a.id, doc) for a, doc in nlp.parse([short, long_, short]))
    doc = parsed["long"]
    assert doc.text == long_text
    lagos = [t for t in doc if t.text == "Lagos"]
    assert len(lagos) == 12
    assert all(long_text[t.idx : t.idx + 5] == "Lagos" for t in lagos)
    assert len(list(doc.sents)) >= 24


@pytest.mark.parametrize(
    "text, first_words",
    [
        (
            "Talks in Paris\n\nPARIS (AFP) - German Chancellor Olaf Scholz met French President "
            "Emmanuel Macron on Monday.",
            "German Chancellor",
        ),
        (
            "NAIROBI, March 3 (AP) — Kenyan President William Ruto signed the deal on Friday.",
            "Kenyan President",
        ),
        (
            "Quake hits coast\n\nLIMA, Peru (Reuters) - A strong earthquake shook the coast of "
            "Peru on Sunday, officials said.",
            "A strong",
        ),
    ],
)
def test_a_wire_dateline_is_no_part_of_the_first_sentence(text: str, first_words: str) -> None:
    [(_, doc)] = list(nlp.parse([make_article(text, id="t", source="test")]))
    starts = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert any(s.startswith(first_words) for s in starts), starts


def test_a_bracket_and_a_dash_far_into_a_paragraph_start_no_sentence() -> None:
    text = (
        "Officials from the central bank, the finance ministry and the treasury of the "
        "country (all three of them) - Ghana's main economic institutions - met in Accra."
    )
    [(_, doc)] = list(nlp.parse([make_article(text, id="t", source="test", detect_title=False)]))
    assert not any(s.text.startswith("Ghana") for s in doc.sents)
