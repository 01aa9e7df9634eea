"""The makers extractor's mechanisms: which maker a named product gets, its stance, and the
names it leaves alone. Sentence-level triples are in tests/fixtures/sentences/works.tsv."""

from __future__ import annotations

import pytest

from graph.model import EntityType, Stance
from tests.graph.extract.helpers import run


def _made(text: str, predicate: str) -> list[tuple[str, str, Stance]]:
    _, relations = run(text)
    return [
        (r.subject.name, r.object.name, r.stance)
        for r in relations
        if r.predicate == predicate and r.evidence.extractor == "makers"
    ]


@pytest.mark.parametrize(
    "text, product, maker, predicate",
    [
        (
            "Sony's PlayStation 5 is the best-selling console in Japan.",
            "PlayStation 5",
            "Sony",
            "manufacturer",
        ),
        (
            "Hyundai unveiled its Ioniq 5 electric car in Frankfurt.",
            "Ioniq 5",
            "Hyundai",
            "manufacturer",
        ),
        (
            "Spotify launched a podcast service dubbed Spotify Live in Sweden.",
            "Spotify Live",
            "Spotify",
            "developer",
        ),
        ("BTS's single Dynamite topped the chart in South Korea.", "Dynamite", "BTS", "performer"),
        (
            "BMW cut prices in China. The BMW i4 electric car now costs less there.",
            "i4",
            "BMW",
            "manufacturer",
        ),
    ],
)
def test_the_noun_gives_the_maker_predicate(
    text: str, product: str, maker: str, predicate: str
) -> None:
    assert (product, maker, Stance.ASSERTED) in _made(text, predicate)


def test_a_product_noun_retypes_a_name_ner_took_for_a_person() -> None:
    ctx, _ = run("Sony's Playstation Portable is the top gadget for 2005.")
    [product] = [m for m in ctx.mentions if m.name == "Playstation Portable"]
    assert product.type is EntityType.PRODUCT


def test_a_model_name_stops_before_a_technology_word() -> None:
    ctx, relations = run("Sharp's 902 3G mobile phone went on sale in Osaka.")
    assert any(m.name == "902" and m.type is EntityType.PRODUCT for m in ctx.mentions)
    assert not any(m.name in {"902 3G", "3G"} for m in ctx.mentions)


def test_a_maker_named_at_the_start_of_the_product_takes_the_clause_stance() -> None:
    planned = (
        "Google grew fast in Ireland. It plans to add Google Voice, a service for calls, next year."
    )
    done = "Google grew fast in Ireland. It added Google Voice, a service for calls, last year."
    assert _made(planned, "developer") == [("Google Voice", "Google", Stance.PROPOSED)]
    assert _made(done, "developer") == [("Google Voice", "Google", Stance.ASSERTED)]


def test_a_firm_is_never_a_product_the_article_counts() -> None:
    made = "Nokia grew fast in Finland. Nokia Music, a streaming service, doubled its users."
    counted = (
        "Nokia grew fast in Finland. A Nokia costs less than an iPhone. Nokia Music, a "
        "streaming service, doubled its users."
    )
    assert _made(made, "developer") == [("Nokia Music", "Nokia", Stance.ASSERTED)]
    assert _made(counted, "developer") == []


def test_a_possessive_maker_holds_whatever_the_clause_says() -> None:
    found = _made("Hyundai might stop selling its Ioniq 5 electric car in Europe.", "manufacturer")
    assert found == [("Ioniq 5", "Hyundai", Stance.ASSERTED)]


@pytest.mark.parametrize(
    "text",
    [
        "A Sony camera was stolen in Osaka.",  # the maker, no product named
        "Pfizer's Covid vaccine was approved in Britain.",  # a disease names no vaccine
        "Toyota's Japanese rivals reported losses in Tokyo.",
        "Nigeria's MTN phone network suffered an outage in Lagos.",
        "Vodafone said the Vodafone Egypt service had grown.",  # a firm named after its parent
        "Samsung's Seoul headquarters were raided by police.",
    ],
)
def test_no_maker_without_a_named_product(text: str) -> None:
    ctx, _ = run(text)
    assert not [m for m in ctx.mentions if m.extractor == "makers"]
    assert not any(
        _made(text, predicate) for predicate in ("manufacturer", "developer", "performer")
    )


@pytest.mark.parametrize(
    "text, title",
    [
        ("His track Candy Shop remained at the top of the charts.", "Candy Shop"),
        ("The film Erin Brockovich won an Oscar.", "Erin Brockovich"),
    ],
)
def test_a_persons_name_hanging_on_a_work_noun_is_a_title(text: str, title: str) -> None:
    ctx, _ = run(text)
    assert any(m.name == title and m.type is EntityType.WORK for m in ctx.mentions)


@pytest.mark.parametrize(
    "text, name",
    [
        ("In the film Tom Hanks plays a lawyer.", "Tom Hanks"),
        ("It was a single European market.", "European"),
        ("Labour's single MP in Scotland spoke.", "MP"),
    ],
)
def test_a_name_that_is_no_title(text: str, name: str) -> None:
    ctx, _ = run(text)
    assert not any(m.name == name and m.type is EntityType.WORK for m in ctx.mentions)


@pytest.mark.parametrize(
    ("text", "end", "start"),
    [
        ("the Nokia 902 3G mobile phone", 5, 3),  # "3G" is the tokens "3", "G"
        ("a new 4K television from Sony", 4, 2),
        ("the Moto 3 G phone", 4, 4),  # "3 G" with a space names no feature
        ("the Galaxy S5 phone", 3, 3),
        ("a cheap LTE phone from Xiaomi", 3, 2),  # one token
        ("3G", 2, 0),
        ("3G", 0, 0),
    ],
)
def test_feature_start_finds_a_technology_word_ending_before(text, end, start) -> None:  # noqa: ANN001
    from graph import lexicon, nlp

    doc = nlp.load()(text)
    assert lexicon.feature_start(doc, end) == start
