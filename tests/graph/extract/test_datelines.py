"""Datelines: the city, region and agency at the head of a wire story become mentions, with
no relation between the agency and the city."""

from __future__ import annotations

import pytest

from graph.extract.datelines import credit_lines, datelines
from graph.model import EntityType
from tests.graph.extract.helpers import run

PLACES = {EntityType.PLACE, EntityType.COUNTRY}


@pytest.mark.parametrize(
    "text, city, region, agency",
    [
        ("NAIROBI, Kenya (AP) - Floods closed schools on Monday.", "NAIROBI", "Kenya", "AP"),
        ("OTTAWA (Reuters) - The central bank held rates.", "OTTAWA", None, "Reuters"),
        ("Warsaw, June 4 (PAP) -- Farmers blocked roads.", "Warsaw", None, "PAP"),
        (
            "(Text) Bucharest, 12 March (Agerpres) -- The cabinet met.",
            "Bucharest",
            None,
            "Agerpres",
        ),
        ("SALT LAKE CITY, Utah (AP) — A storm dumped snow.", "SALT LAKE CITY", "Utah", "AP"),
        ("ANN ARBOR, Mich. - The university said tuition would rise.", "ANN ARBOR", "Mich.", None),
        ("PORTLAND, Ore.", "PORTLAND", "Ore.", None),
        ("RIO DE JANEIRO (AFP) - Carnival began.", "RIO DE JANEIRO", None, "AFP"),
        ("Hanoi, Oct 2 (VNA) -- Exports rose.", "Hanoi", None, "VNA"),
    ],
)
def test_dateline_shapes(text: str, city: str, region: str | None, agency: str | None) -> None:
    [match] = list(datelines(text))
    assert match.group("city") == city
    assert match.group("region") == region
    assert (match.group("agency") or match.group("lead")) == agency


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Netflix (NFLX) - the streaming group - fell.",
        "The Bank of England's Monetary Policy Committee (MPC) - nine members - met.",
        "Lagos - the largest city in Nigeria - is growing.",
        "PRESS RELEASE",
        "Quarterly results (Unaudited) - Revenue rose.",
        "Mr Okafor said the talks (in Abuja) had failed.",
    ],
)
def test_no_dateline(text: str) -> None:
    assert list(datelines(text)) == []


def test_dateline_later_paragraph_and_only_at_paragraph_start() -> None:
    text = "Markets fell.\n\nJAKARTA, Indonesia (Antara) - Rice prices rose.\n"
    assert [m.group("city") for m in datelines(text)] == ["JAKARTA"]
    assert list(datelines("He flew on to CAIRO (AP) later.")) == []


@pytest.mark.parametrize(
    "text, city, city_name, region, agency",
    [
        (
            "KARBALA, Iraq (AP) - Pilgrims gathered at the shrine on Sunday.",
            "KARBALA",
            "Karbala",
            "Iraq",
            "AP",
        ),
        (
            "DAYTON, Ohio (AP) - Negotiators met at the air base on Tuesday.",
            "DAYTON",
            "Dayton",
            "Ohio",
            "AP",
        ),
        (
            "Sofia, February 15 (BTA) -- The Union of Democratic Forces walked out of parliament.",
            "Sofia",
            "Sofia",
            None,
            "BTA",
        ),
        (
            "SANTIAGO, Chile (Reuters) - Copper miners went on strike.",
            "SANTIAGO",
            "Santiago",
            "Chile",
            "Reuters",
        ),
    ],
)
def test_dateline_mentions(
    text: str, city: str, city_name: str, region: str | None, agency: str
) -> None:
    ctx, relations = run(text)
    by_text = {m.text: m for m in ctx.mentions}
    assert by_text[city].type in PLACES and by_text[city].name == city_name
    if region:
        assert by_text[region].type in PLACES
    assert by_text[agency].type is EntityType.ORGANIZATION
    # the dateline says where the story was filed, not where the agency is based
    assert not [r for r in relations if agency in {r.subject.text, r.object.text}]


CREDIT_LINES = [
    ("KB1203101594 Seoul YONHAP in English 1015 GMT 12 Mar 94", "Seoul", "YONHAP"),
    ("Warsaw RZECZPOSPOLITA", "Warsaw", "RZECZPOSPOLITA"),
    ("Nairobi Radio Kenya Network in Swahili 1600 GMT 3 Jun 94", "Nairobi", "Radio Kenya Network"),
    ("Kinshasa LE POTENTIEL", "Kinshasa", "LE POTENTIEL"),
    ("Amman Radio Jordan Network", "Amman", "Radio Jordan Network"),
    ("Lisbon RTP-2 Television", "Lisbon", "RTP-2 Television"),
    ("Dublin THE IRISH PRESS 4 Mar 94 p 2", "Dublin", "THE IRISH PRESS"),
    ("Hanoi NHAN DAN in Vietnamese No. 7, Jan 94 pp 3-5", "Hanoi", "NHAN DAN"),
    ("AU0102150394 Vienna DER STANDARD in German 1 Feb 94 p 3", "Vienna", "DER STANDARD"),
    ("BK0302101594 Bangkok THE NATION in English 3 Feb 94 p 2", "Bangkok", "THE NATION"),
    ("LD1103120095 Warsaw PAP in Polish 1130 GMT 11 Mar 95", "Warsaw", "PAP"),
]
"""Monitoring services' credit lines: (line, city, source)."""


@pytest.mark.parametrize("text, city, source", CREDIT_LINES)
def test_credit_lines(text: str, city: str, source: str) -> None:
    [((a, b), (c, d))] = list(credit_lines(text))
    assert (text[a:b], text[c:d]) == (city, source)


@pytest.mark.parametrize(
    "text",
    [
        "Milan Fashion Week",  # a heading: no capitals, no language and date
        "LISBON METRO",
        "Tokyo Motor Show 12 Oct 15",
        "Toronto Raptors win",
        "Geneva talks in Spanish 12 May",  # lower-case words are no source
    ],
)
def test_no_credit_line(text: str) -> None:
    assert list(credit_lines(text)) == []


@pytest.mark.parametrize("text, city, source", CREDIT_LINES)
def test_credit_line_source_is_based_in_its_city(text: str, city: str, source: str) -> None:
    ctx, relations = run(text)
    by_text = {m.text: m.type for m in ctx.mentions}
    assert by_text[city] is EntityType.PLACE
    assert by_text[source] is EntityType.ORGANIZATION
    assert source in {m.name for m in ctx.mentions}
    assert [(r.subject.text, r.predicate, r.object.text) for r in relations] == [
        (source, "basedIn", city)
    ]


def test_dateline_after_a_headline_in_a_text_file() -> None:
    from graph import nlp
    from graph.extract import extract
    from graph.ingest import make_article

    article = make_article(
        "Storm Batters Coast\n\nHAVANA, Cuba (Prensa Latina) — A hurricane cut power to "
        "western provinces on Tuesday.\n"
    )
    assert article.title == "Storm Batters Coast"
    [(article, doc)] = list(nlp.parse([article]))
    found = {m.text: m for m in extract(article, doc).mentions}
    assert found["HAVANA"].type in PLACES and found["HAVANA"].name == "Havana"
    assert found["Cuba"].type is EntityType.COUNTRY
    assert found["Prensa Latina"].type is EntityType.ORGANIZATION
