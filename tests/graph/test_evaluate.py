"""CoNLL04 evaluation: the reader, strict scoring arithmetic, span conventions, and the
command's table and JSON output on a small file written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.evaluate import (
    Record,
    Tally,
    _conll_other,
    _join_city_state,
    _token_offsets,
    read_conll04,
    score,
    with_conventions,
)

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "conll04_mini.json"
ROOT = Path(__file__).resolve().parents[2]


def test_reader_builds_typed_spans_and_relations() -> None:
    records = read_conll04(MINI)
    assert len(records) == 6
    assert (0, 3, "Peop") in records[0].entities
    assert records[0].relations == {("Kill", (0, 3, "Peop"), (4, 8, "Peop"))}


def test_bad_file_is_a_one_line_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('[{"tokens": ["a"]}]')
    with pytest.raises(InputError, match="record 0"):
        read_conll04(bad)
    with pytest.raises(InputError, match="no such file"):
        read_conll04(tmp_path / "missing.json")


def test_strict_scoring() -> None:
    gold = Record(
        ("a",) * 6,
        frozenset({(0, 1, "Peop"), (2, 3, "Org")}),
        frozenset({("Work_For", (0, 1, "Peop"), (2, 3, "Org"))}),
    )
    # one right entity, one wrong span; the relation has a wrong span so it does not count
    predicted = ({(0, 1, "Peop"), (2, 4, "Org")}, {("Work_For", (0, 1, "Peop"), (2, 4, "Org"))})
    result = score([gold], [predicted])
    assert result["entities"] == {"p": 0.5, "r": 0.5, "f1": 0.5}
    assert result["relations"] == {"p": 0.0, "r": 0.0, "f1": 0.0}
    assert result["reachable"] == 0.0  # the Org span is wrong, so no relation step could help
    assert score([gold], [({(0, 1, "Peop"), (2, 3, "Org")}, set())])["reachable"] == 1.0
    assert Tally.prf(3, 4, 6) == {"p": 0.75, "r": 0.5, "f1": 0.6}


@pytest.mark.parametrize(
    "words, kept",
    [
        (["26", "Apr", "94"], True),
        (["1986"], False),
        (["70", "miles"], True),
        (["Croats"], True),
        (["two"], False),
        (["50"], False),
        (["Thursday"], False),
        (["last", "month"], False),
    ],
)
def test_other_convention(words: list[str], kept: bool) -> None:
    assert _conll_other(words) is kept


def test_city_and_state_abbreviation_are_one_place() -> None:
    tokens = ("in", "Concord", ",", "Mass", ".")
    assert _join_city_state({(1, 2, "Loc"), (3, 4, "Loc")}, tokens) == {(1, 4, "Loc")}
    tokens = ("in", "Paris", ",", "Rome", ".")
    assert _join_city_state({(1, 2, "Loc"), (3, 4, "Loc")}, tokens) == {
        (1, 2, "Loc"),
        (3, 4, "Loc"),
    }


def test_eval_command_prints_table_and_json() -> None:
    run = lambda *a: subprocess.run(  # noqa: E731
        [sys.executable, "-m", "newsgraph", "eval", "conll04", str(MINI), *a],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    table = run()
    assert table.returncode == 0, table.stderr
    assert "entities" in table.stdout and "relations" in table.stdout
    line = json.loads(run("--json").stdout.splitlines()[0])
    assert set(line) >= {"entities", "relations", "per_type", "sentences", "seconds"}
    assert line["sentences"] == 6
    assert line["entities"]["f1"] > 0.5
    assert line["relations"]["f1"] > 0.3


@pytest.mark.parametrize(
    "tokens, text",
    [
        (["Lucille", "Ball", "'s", "career", "."], "Lucille Ball's career."),
        (["150", ",", "000", "acres", "(", "60", "miles", ")"], "150,000 acres (60 miles)"),
        (["in", "1860", ",", "500", "people"], "in 1860, 500 people"),
        (
            ["`", "`", "If", "it", "does", "n't", ",", "'", "'", "he", "said"],
            "``If it doesn't,'' he said",
        ),
        (["He", "wasn", "'t", "there", ";", "she", "was", "?"], "He wasn't there; she was?"),
    ],
)
def test_tokens_become_running_text_with_offsets(tokens: list[str], text: str) -> None:
    joined, starts = _token_offsets(tuple(tokens))
    assert joined == text
    assert [joined[s : s + len(t)] for s, t in zip(starts, tokens, strict=True)] == tokens


def test_span_conventions() -> None:
    tokens = tuple(
        "said Mayor Ann Lee of the Fresno council 's Haitian President Jean Aristide .".split()
    )
    spans = {
        "mayor": (2, 4, "Peop"),  # a title before a name joins it
        "council": (5, 9, "Org"),  # leading "the" and possessive leave it
        "president": (11, 13, "Peop"),  # a scoped title ("Haitian President") stays out
    }
    assert with_conventions(spans, tokens) == {
        "mayor": (1, 4, "Peop"),
        "council": (6, 8, "Org"),
        "president": (11, 13, "Peop"),
    }


def test_textacy_baseline_scores_beside_newsgraph() -> None:
    pytest.importorskip("textacy")
    run = subprocess.run(
        [sys.executable, "-m", "newsgraph", "eval", "conll04", str(MINI), "--baseline", "textacy"]
        + ["--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    ours, peer = (json.loads(line) for line in run.stdout.splitlines())
    assert (ours["system"], peer["system"]) == ("newsgraph", "textacy")
    # "X shot Y" is a subject-verb-object triple the baseline labels Kill through verbs.tsv
    assert peer["per_type"]["relations"]["Kill"]["r"] > 0
    assert ours["relations"]["f1"] > peer["relations"]["f1"]


def test_dateline_city_and_state_stay_apart_with_the_period() -> None:
    tokens = ("TOPEKA", ",", "Kan", ".")
    spans = {"city": (0, 1, "Loc"), "state": (2, 4, "Loc")}
    assert with_conventions(spans, tokens, {"city", "state"}) == spans
    assert set(with_conventions(spans, tokens).values()) == {(0, 3, "Loc")}


def test_an_article_in_capitals_or_of_a_city_stays_in_the_name() -> None:
    tokens = tuple("in THE STAR and The Hague and the Senate".split())
    spans = {"paper": (1, 3, "Org"), "city": (4, 6, "Loc"), "senate": (7, 9, "Org")}
    assert with_conventions(spans, tokens) == {
        "paper": (1, 3, "Org"),
        "city": (4, 6, "Loc"),
        "senate": (8, 9, "Org"),
    }


def test_a_lower_case_honorific_is_no_part_of_the_name() -> None:
    tokens = tuple("the first lady Imelda Marcos and Dr. Ruth Lee".split())
    spans = {"marcos": (3, 5, "Peop"), "lee": (7, 9, "Peop")}
    assert with_conventions(spans, tokens) == {"marcos": (3, 5, "Peop"), "lee": (6, 9, "Peop")}


@pytest.mark.parametrize(
    "tokens, relation",
    [
        # CoNLL04 annotates an owner as working for the firm (train: "X, owner of Y" and
        # "X, who owned Y" are Work_For)
        (
            "Lou Ray , owner of the Smokehouse Cafe , said business was down .",
            ("Work_For", (0, 2, "Peop"), (6, 8, "Org")),
        ),
        # a monitoring credit line: the source is based in its city
        (
            "LD1103120095 Warsaw PAP in Polish 1130 GMT 11 Mar 95",
            ("OrgBased_In", (2, 3, "Org"), (1, 2, "Loc")),
        ),
        # where a place lies carries over, as CoNLL04 annotates it: an organisation based
        # in a city is based in the region or country the city lies in
        (
            "Richard Kahn , an officer of the American Diabetes Association in Alexandria ,"
            " Va. , said so .",
            ("OrgBased_In", (7, 10, "Org"), (13, 14, "Loc")),
        ),
        (
            "Oxfam , based in Oxford , England , said aid was short .",
            ("OrgBased_In", (0, 1, "Org"), (6, 7, "Loc")),
        ),
    ],
)
def test_graph_facts_under_conll_labels(tokens: str, relation: tuple) -> None:
    from graph.evaluate import predict_newsgraph

    words = tuple(tokens.split())
    record = Record(words, frozenset({relation[1], relation[2]}), frozenset({relation}))
    [(_, relations)] = predict_newsgraph([record])
    assert relation in relations
