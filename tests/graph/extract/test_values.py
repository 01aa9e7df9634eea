"""Normalised values of dates (against the article date) and quantities, end to end."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from graph.extract.values import (
    article_datetime,
    is_duration,
    normalise_date,
    normalise_quantity,
)

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "values.tsv"


def _rows() -> list[tuple[str, str | None, str, str, str]]:
    rows = []
    for line in FIXTURE.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            text, date, label, kind, value = (line.split("\t") + [""])[:5]
            rows.append((text, None if date == "-" else date, label, kind, value.strip()))
    return rows


@pytest.mark.parametrize(
    "text, date, label, kind, value", _rows(), ids=[f"{r[2]}@{r[1]}" for r in _rows()]
)
def test_value_reaches_the_graph_node(
    text: str, date: str | None, label: str, kind: str, value: str
) -> None:
    from graph.pipeline import build_text

    graph = build_text(text, date=date, all_values=True)
    nodes = [d for _, d in graph.nodes(data=True) if d["label"].lower() == label.lower()]
    assert nodes, f"no node {label!r} in {[d['label'] for _, d in graph.nodes(data=True)]}"
    [node] = nodes
    assert node["type"] == kind
    attribute = "date_value" if kind == "Date" else "numeric_value"
    got = node.get(attribute)
    assert (str(got) if got is not None else "") == value


@pytest.mark.parametrize(
    "text, value",
    [
        ("October 7", "2023-10-07"),
        ("Friday", "2023-10-20"),  # the article's own day, not a week before
        ("Monday", "2023-10-16"),
        ("December 25", "2023-12-25"),
        ("Oct. 7, 2023", "2023-10-07"),
        ("this year", "2023"),
        ("two decades", ""),
        ("recent years", ""),
        ("last week", ""),  # a week has no xsd:date
    ],
)
def test_dates_relative_to_a_friday(text: str, value: str) -> None:
    assert normalise_date(text, datetime(2023, 10, 20)) == value


def test_a_date_without_a_year_needs_the_article_date() -> None:
    assert normalise_date("Friday", None) == ""
    assert normalise_date("7 October 2023", None) == "2023-10-07"


@pytest.mark.parametrize(
    "text, value",
    [
        ("nine", "9"),
        ("twenty-five", "25"),
        ("a million", "1000000"),
        ("$1m", "1000000"),
        ("1.5 million", "1500000"),
        ("3.5", "3.5"),
        ("at least 12", "12"),
        ("dozens", ""),
        ("thousands of people", ""),
        ("about two-thirds", ""),
    ],
)
def test_quantities(text: str, value: str) -> None:
    assert normalise_quantity(text) == value


@pytest.mark.parametrize(
    "date, expected",
    [
        ("2023-10-20", datetime(2023, 10, 20)),
        ("2023-10-20T08:30:00Z", datetime(2023, 10, 20, 8, 30)),
        ("20 October 2023", datetime(2023, 10, 20)),
        ("not a date", None),
        (None, None),
    ],
)
def test_article_dates_in_several_forms(date: str | None, expected: datetime | None) -> None:
    assert article_datetime(date) == expected


def test_values_are_exported_as_typed_literals(tmp_path: Path) -> None:
    from rdflib import Graph, Literal
    from rdflib.namespace import XSD

    from exports import export
    from graph.pipeline import build_text
    from graph.vocab import NG

    graph = build_text("Hamas killed thirty people on October 7.", date="2023-10-20")
    export(graph, "turtle", tmp_path / "g.ttl")
    rdf = Graph().parse(tmp_path / "g.ttl")
    dates = set(rdf.objects(None, NG.dateValue))
    numbers = {float(n) for n in rdf.objects(None, NG.numericValue)}
    assert Literal("2023-10-07", datatype=XSD.date) in dates
    assert 30.0 in numbers


def test_durations_are_not_points_in_time() -> None:
    assert all(is_duration(t) for t in ["three-day", "14 years", "two decades", "a week"])
    assert not any(is_duration(t) for t in ["last week", "two years ago", "Tuesday", "2014"])


def test_values_no_fact_uses_are_left_out_unless_asked_for() -> None:
    from graph.pipeline import build_text

    text = (
        "The earthquake struck Nepal on 25 April 2015. Shares in Nepal Telecom fell 4% on Monday."
    )
    kept = build_text(text, date="2015-04-27")
    every = build_text(text, date="2015-04-27", all_values=True)

    def values(graph) -> set[str]:  # noqa: ANN001
        return {d["label"] for _, d in graph.nodes(data=True) if d["type"] in {"Date", "Quantity"}}

    used = {
        kept.nodes[n]["label"]
        for s, o in kept.edges()
        for n in (s, o)
        if kept.nodes[n]["type"] in {"Date", "Quantity"}
    }
    assert values(kept) == used
    assert "25 April 2015" in used  # the earthquake's time is a fact
    assert {"4", "Monday"} <= values(every) - values(kept)


def _by_dateparser(text: str, base: datetime | None) -> str:
    from graph.extract.values import PERIOD_FORMATS, _parser

    parsed = _parser(base).get_date_data(text)
    if parsed.date_obj is None or parsed.period not in PERIOD_FORMATS:
        return ""
    return parsed.date_obj.strftime(PERIOD_FORMATS[parsed.period])


@pytest.mark.parametrize("base", [None, datetime(2004, 12, 31), datetime(2023, 6, 1, 9, 30)])
@pytest.mark.parametrize(
    "text",
    [
        *("1000", "1066", "1492", "1900", "1945", "1999", "2000", "2004", "2024", "2099"),
        *("January 1066", "May 1900", "November 2003", "March 2005", "December 2099"),
        *("September 1939", "February 2024", "October 2012"),
    ],
)
def test_plain_years_and_months_read_as_dateparser_reads_them(text: str, base) -> None:  # noqa: ANN001
    from graph.extract.values import _normalised_date

    expected = _by_dateparser(text, base)
    assert expected
    assert _normalised_date(text, base) == expected
