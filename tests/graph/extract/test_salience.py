"""Descriptions that refer back to the organisation an article is about ("the company",
"the Italian exchange"): graph/extract/salience.py with noun_phrases.py and descriptions.py."""

from __future__ import annotations

import pytest

from graph.extract.salience import dominant_organisation, families, family
from graph.pipeline import build_text
from tests.graph.extract.helpers import run, token


def _labels_with(graph, word: str) -> dict[str, list[str]]:  # noqa: ANN001
    """Entity label -> aliases, for entities whose label or an alias holds ``word``."""
    found = {}
    for _, data in graph.nodes(data=True):
        names = [data.get("label", ""), *data.get("aliases", [])]
        if any(word.lower() in n.lower() for n in names):
            found[data["label"]] = list(data.get("aliases", []))
    return found


def test_family_joins_short_forms_and_acronyms() -> None:
    assert family("Deutsche Boerse") == family("Deutsche") == "deutsche"
    assert family("JSE", ["Johannesburg Stock Exchange"]) == "johannesburg"
    assert family("JSE", []) == "jse"  # nothing it abbreviates: a family of its own


def test_the_company_far_from_any_name_is_the_article_s_company() -> None:
    text = (
        "Safaricom reported higher profits on Thursday. Safaricom said mobile money drove "
        "growth across Kenya. Its shares rose 4% in early trading. Analysts expect more "
        "growth next year. Prices have been steady for months. A court later fined the "
        "company for filing its accounts late."
    )
    graph = build_text(text)
    assert "company" not in {d.get("label") for _, d in graph.nodes(data=True)}
    ctx, _ = run(text)
    company = ctx.mention_at(token(ctx, "company"))
    assert company is not None and ctx.referent(company).name == "Safaricom"


def test_two_companies_named_as_often_leave_the_company_unresolved() -> None:
    text = (
        "Infosys and Wipro reported results on Friday. Infosys beat forecasts while Wipro "
        "missed them. Costs rose in every market. Staff numbers were flat. Analysts were "
        "cautious. A court later fined the company for filing its accounts late."
    )
    ctx, _ = run(text)
    company = ctx.mention_at(token(ctx, "company"))
    assert company is None or ctx.referent(company).name not in {"Infosys", "Wipro"}


def test_a_group_of_people_is_no_company() -> None:
    ctx, _ = run(
        "Nestle raised prices in March. Nestle said costs had risen. "
        "The group of ministers met on Monday to discuss food prices."
    )
    group = ctx.mention_at(token(ctx, "group"))
    assert group is None or ctx.referent(group).name != "Nestle"


def test_national_exchange_is_the_one_not_of_another_country() -> None:
    graph = build_text(
        "Bosses of Borsa Italiana and the Tokyo Stock Exchange are to meet on Monday amid "
        "talk of a bid for the TSE. Last month, the Italian exchange offered to buy a stake "
        "in the TSE."
    )
    found = _labels_with(graph, "exchange")
    assert "Italian exchange" in found.get("Borsa Italiana", [])
    assert "Italian exchange" not in found.get("Tokyo Stock Exchange", [])
    countries = {
        graph.nodes[o]["label"]
        for s, o, d in graph.edges(data=True)
        if d["predicate"] == "country" and graph.nodes[s]["label"] == "Borsa Italiana"
    }
    assert countries == {"Italy"}


def test_national_exchange_is_the_one_in_that_country() -> None:
    graph = build_text(
        "Bosses of Borsa Italiana and the Tokyo Stock Exchange met on Monday. Later, the "
        "Japanese exchange said talks would go on."
    )
    found = _labels_with(graph, "exchange")
    assert "Japanese exchange" in found.get("Tokyo Stock Exchange", [])
    assert "Japanese exchange" not in found.get("Borsa Italiana", [])


@pytest.mark.parametrize(
    "text",
    [
        # the company the article is about is no exchange
        "Apple shares fell 3% on Monday. Apple said demand was weak. Apple expects a better "
        "quarter. Trading on the Korean exchange was calm.",
        # two exchanges, neither of another country: which one is meant is not clear
        "Borsa Italiana and Euronext both made offers on Monday. Later, the Swiss exchange "
        "said it would study both.",
        # the only exchange named is of another country
        "The Korea Exchange said on Monday that trading would resume. Later, the Thai "
        "exchange said it would follow.",
    ],
)
def test_national_exchange_abstains(text: str) -> None:
    graph = build_text(text)
    for aliases in _labels_with(graph, "exchange").values():
        assert not any(a.endswith(" exchange") and a.split()[0] in NATIONAL for a in aliases)


NATIONAL = {"Swiss", "Thai", "Korean"}


def test_dominant_organisation_needs_a_clear_lead() -> None:
    ctx, _ = run(
        "Airtel and MTN cut prices. Airtel said data use rose. MTN said it would follow. "
        "The firm said nothing more."
    )
    assert dominant_organisation(ctx, token(ctx, "firm")) is None
    ctx, _ = run(
        "Airtel cut prices in Uganda. Airtel said data use rose. Airtel expects growth, "
        "while MTN declined to comment. The firm said nothing more."
    )
    dominant = dominant_organisation(ctx, token(ctx, "firm"))
    assert dominant is not None and dominant.name == "Airtel"
    assert families([dominant]) == ["airtel"]
