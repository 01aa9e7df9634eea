"""bench/table.py (``python -m bench``): the table's shape at tiny sizes, no timing asserted."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from bench import table
from bench.stages import Timers

ROOT = Path(__file__).resolve().parents[2]
WIRES = ROOT / "examples" / "wires.jsonl"


def test_sample_repeats_the_corpus_with_new_ids_and_texts(tmp_path: Path) -> None:
    records = [json.loads(line) for line in table.sample(WIRES, 5, tmp_path).open()]
    ids = [r["id"] for r in records]
    assert len(ids) == 5 and len(set(ids)) == 5
    originals = [json.loads(line) for line in WIRES.open()]
    assert records[:2] == originals  # the corpus itself first, unchanged
    assert ids[2] == f"{originals[0]['id']}~r1" and ids[4] == f"{originals[0]['id']}~r2"
    assert len({r["text"] for r in records}) == 5


def test_sample_within_the_corpus_is_its_first_articles(tmp_path: Path) -> None:
    records = [json.loads(line) for line in table.sample(WIRES, 1, tmp_path).open()]
    assert records == [json.loads(WIRES.open().readline())]


def test_timers_count_each_stage_exclusive_of_the_stages_it_calls() -> None:
    timers = Timers()

    def busy(seconds: float) -> None:
        end = time.process_time() + seconds
        while time.process_time() < end:
            pass

    inner = timers.function("inner", lambda: busy(0.05))

    def outer_steps():  # noqa: ANN202
        for _ in range(2):
            busy(0.02)
            inner()
            yield 1

    outer = timers.generator("outer", outer_steps)
    consumed = 0
    for item in outer():
        busy(0.03)  # the consumer's work between steps: no stage's
        consumed += item
    assert consumed == 2
    assert timers.seconds["inner"] == pytest.approx(0.10, abs=0.03)
    assert timers.seconds["outer"] == pytest.approx(0.04, abs=0.03)


def test_readme_queries_are_the_query_files_readme_runs() -> None:
    queries = table.readme_queries()
    assert queries and all(q.suffix == ".rq" and q.is_file() for q in queries)
    assert len(set(queries)) == len(queries)


@pytest.mark.parametrize(
    ("ratio", "goal", "met"),
    [
        (0.9, (">=", 0.85), "met"),
        (0.6, (">=", 0.85), "not met"),
        (1.2, ("<=", 1.3), "met"),
        (3.5, ("<=", 1.3), "not met"),
        (2.0, None, "-"),
        (None, (">=", 1.7), "-"),
    ],
)
def test_row_says_whether_its_goal_is_met(ratio, goal, met) -> None:  # noqa: ANN001
    assert table.Row("x", "1", "a", "b", ratio, goal).met == met


@pytest.mark.slow
def test_the_table_at_tiny_sizes(tmp_path: Path) -> None:
    corpus = table.sample(WIRES, 6, tmp_path)
    settings = table.Settings(
        articles=3,
        rss_sizes=(2, 4),
        store_base=2,
        store_small=1,
        store_large=4,
        store_rounds=1,
        store_probe=1,
        query_rounds=1,
        corpus=corpus,
    )
    rows, raw = table.measure(settings)
    text = table.format_table(rows)
    lines = text.splitlines()
    assert lines[0].split() == list(table.COLUMNS)
    assert len(lines) == len(rows) + 2
    whats = " | ".join(r.what for r in rows)
    for part in (
        "bare nlp.pipe, CPU",
        "bare nlp.pipe, wall",
        "stage parse",
        "stage extract",
        "stage resolve",
        "stage link",
        "stage export",
        "--jobs 2 / --jobs 1",
        "peak RSS",
        "Store.bulk_load / Store.load",
        "add of 1 articles, large / small, CPU",
        "README query offices.rq",
        "--engine dask",
    ):
        assert part in whats
    for row in rows:
        if row.ratio is None:
            assert row.measured == "not available in this checkout"
        else:
            assert isinstance(row.ratio, float) and row.ratio >= 0
            if not row.what.lstrip().startswith("stage"):  # a stage may take no time at all
                assert row.ratio > 0, row
    assert raw["stage_split"]["exit_code"] == 0
    shares = [r.ratio for r in rows if r.what.lstrip().startswith("stage")]
    assert sum(shares) == pytest.approx(1.0, abs=0.01)
    assert "4 articles" in next(r.sizes for r in rows if r.what.startswith("peak RSS"))
    json.dumps(table.to_json(rows, raw, settings, "python -m bench"), default=str)


@pytest.mark.slow
def test_only_runs_the_parts_named(tmp_path: Path) -> None:
    corpus = table.sample(WIRES, 2, tmp_path)
    settings = table.Settings(rss_sizes=(1, 2), corpus=corpus)
    rows, raw = table.measure(settings, only=("memory",))
    assert [r.what for r in rows] == ["peak RSS at 2 / at 1 articles"]
    assert set(raw["peak_rss_mb"]) == {1, 2}
    assert "stage_split" not in raw
