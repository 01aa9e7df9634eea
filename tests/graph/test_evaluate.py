"""CoNLL04 evaluation: the reader, strict scoring arithmetic, span conventions, and the
command's table and JSON output on a small file written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.evaluate import Record, Tally, _conll_other, _join_city_state, read_conll04, score

MINI = Path(__file__).resolve().parents[1] / "fixtures" / "conll04_mini.json"
ROOT = Path(__file__).resolve().parents[2]


def test_reader_builds_typed_spans_and_relations() -> None:
    records = read_conll04(MINI)
    assert len(records) == 4
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
        [sys.executable, "-m", "graph.cli", "eval", "conll04", str(MINI), *a],
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
    assert line["sentences"] == 4
    assert line["entities"]["f1"] > 0.5
    assert line["relations"]["f1"] > 0.3
