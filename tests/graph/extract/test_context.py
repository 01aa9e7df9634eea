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


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("Ada met Bo in Oslo.", 8, 10),  # one word
        ("Ada met Bo in Oslo.", 9, 16),  # inside "Bo" to inside "Oslo": expanded
        ("Kenji Sato flew to Osaka on Monday.", 0, 10),
        ("Kenji Sato flew to Osaka on Monday.", 19, 19),  # empty: no token
    ],
)
def test_tokens_in_are_char_spans_and_a_fresh_list_each_time(text, start, end) -> None:  # noqa: ANN001
    ctx, _ = run(text)
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    expected = [t.i for t in span] if span is not None else []
    first = ctx.tokens_in(start, end)
    assert [t.i for t in first] == expected
    first.clear()  # a caller's edit does not reach the next caller
    assert [t.i for t in ctx.tokens_in(start, end)] == expected


@pytest.mark.parametrize(
    ("text", "name", "head"),
    [
        ("The Bank of England raised rates.", "Bank of England", "Bank"),
        ("Prime Minister Narendra Modi visited Dhaka.", "Narendra Modi", "Modi"),
    ],
)
def test_mention_head_is_the_word_whose_head_lies_outside(text, name, head) -> None:  # noqa: ANN001
    ctx, _ = run(text)
    [mention] = [m for m in ctx.mentions if m.name == name]
    assert ctx.mention_head(mention).text == head
    assert ctx.mention_head(mention).text == head  # asked again
    assert ctx.tokens[ctx.mention_head(mention).i].text == head


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Stockton-on-Tees beat Newcastle-under-Lyme - again.", "-"),
        ("The Hague, The Bronx and the Gambia.", "The"),
        ("Ada met Bo in Oslo.", "Paris"),
    ],
)
def test_with_text_are_the_tokens_of_exactly_that_text(text, word) -> None:  # noqa: ANN001
    ctx, _ = run(text)
    assert ctx.with_text(word) == [t.i for t in ctx.doc if t.text == word]


def test_holds_is_membership_of_the_mention_or_an_equal_record() -> None:
    from dataclasses import replace

    ctx, _ = run("Grace Mensah flew from Accra to Nairobi on Tuesday.")
    [accra] = [m for m in ctx.mentions if m.name == "Accra"]
    assert ctx.holds(accra)
    assert ctx.holds(replace(accra))  # an equal record, not the same object
    assert not ctx.holds(replace(accra, confidence=0.1))
    ctx.remove_mention(accra)
    assert not ctx.holds(accra)


def test_lowers_and_lemmas_are_each_tokens_forms() -> None:
    ctx, _ = run("The Ministers MET in Geneva; Talks were held by UN envoys.")
    assert ctx.lowers == [t.lower_ for t in ctx.doc]
    assert ctx.lemmas == [t.lemma_.lower() for t in ctx.doc]
    assert "ministers" in ctx.lowers and "talk" in ctx.lemmas


@pytest.mark.parametrize("text", ["U.S.", "--", "Nairobi", "٣", "_", "Ⅻ", " . ", "", "É"])
def test_alnum_finds_what_isalnum_finds(text: str) -> None:
    from graph.extract.context import ALNUM

    assert bool(ALNUM.search(text)) == any(c.isalnum() for c in text)


@pytest.mark.parametrize(
    ("text", "asserted", "negated"),
    [
        ("Smith works for Google, not for Microsoft.", ("Smith", "Google"), ("Smith", "Microsoft")),
        (
            "Ngozi Okonjo-Iweala lives in Washington, not in Lagos.",
            ("Ngozi Okonjo-Iweala", "Washington"),
            ("Ngozi Okonjo-Iweala", "Lagos"),
        ),
        (
            "Angela Merkel was born in Hamburg, not in Berlin.",
            ("Angela Merkel", "Hamburg"),
            ("Angela Merkel", "Berlin"),
        ),
        (
            "Siemens is based in Munich, not in Berlin.",
            ("Siemens", "Munich"),
            ("Siemens", "Berlin"),
        ),
    ],
)
def test_a_denied_phrase_negates_its_relation_whatever_rule_wrote_it(
    text: str, asserted: tuple, negated: tuple
) -> None:
    _, relations = run(text)
    stances = {(r.subject.name, r.object.name): r.stance.value for r in relations}
    assert stances[asserted] == "asserted"
    assert stances[negated] == "negated"


def test_not_only_denies_nothing() -> None:
    from graph.extract.context import denied_phrase
    from tests.graph.extract.helpers import token

    ctx, _ = run("He plays not just for Ajax but for the Netherlands.")  # "not" a neg of "for"
    assert not denied_phrase(token(ctx, "Ajax"))
    ctx, _ = run("She lives in Rome, not in Paris.")
    assert denied_phrase(token(ctx, "Paris"))
