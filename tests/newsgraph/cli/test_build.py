"""``newsgraph build`` end to end, as a user runs it (subprocesses, real files)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.newsgraph.cli.helpers import EXAMPLES, FIXTURES, example_count, newsgraph


def test_build_writes_turtle_nquads_and_extra_formats(built: Path) -> None:
    assert {p.name for p in built.iterdir()} >= {"graph.ttl", "graph.nq", "graph.jsonld"}


def test_stdin_article(tmp_path: Path) -> None:
    text = "Spanish Prime Minister Pedro Sanchez met Moroccan officials in Rabat, Morocco."
    result = newsgraph("build", "-", "-o", str(tmp_path), stdin=text)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "graph.ttl").stat().st_size > 0


def test_one_bad_file_is_reported_and_the_rest_built(tmp_path: Path) -> None:
    result = newsgraph(
        "build",
        str(FIXTURES / "oslo.txt"),
        str(FIXTURES / "latin.txt"),
        str(tmp_path / "nope.txt"),
        "-o",
        str(tmp_path / "out"),
    )
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "latin.txt" in errors[0] and "not UTF-8" in errors[0]
    assert "nope.txt" in errors[1] and "no such file" in errors[1]
    assert "articles: 1" in result.stdout
    assert (tmp_path / "out" / "graph.ttl").exists()


@pytest.mark.parametrize(
    "args, message",
    [
        (["build", "missing-file.txt", "-o", "OUT"], "missing-file.txt: no such file"),
        (["build", "tests/fixtures/ingest/empty.txt", "-o", "OUT"], "empty.txt: file is empty"),
        (["build", "examples", "-o", "OUT", "-f", "xml"], "unknown export format 'xml'"),
    ],
)
def test_errors_are_one_line_and_nonzero(args: list[str], message: str, tmp_path: Path) -> None:
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    result = newsgraph(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr


def test_jsonl_with_bad_records_builds_the_good_ones(tmp_path: Path) -> None:
    result = newsgraph("build", str(FIXTURES / "records.jsonl"), "-o", str(tmp_path))
    assert result.returncode != 0
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("newsgraph: skipped:") for e in errors)
    for error, line in zip(errors, (2, 4, 5), strict=True):
        assert f"records.jsonl:{line}: " in error
    assert "articles: 2" in result.stdout
    assert (tmp_path / "graph.nq").exists()


def test_only_bad_inputs_write_nothing(tmp_path: Path) -> None:
    result = newsgraph(
        "build", str(FIXTURES / "latin.txt"), str(FIXTURES / "blank.txt"), "-o", str(tmp_path / "o")
    )
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 2
    assert not (tmp_path / "o").exists()


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = newsgraph("build", str(FIXTURES / "oslo.txt"), "-o", str(blocker / "out"), "-q")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot write" in lines[0] and "Traceback" not in result.stderr


def test_a_badly_typed_record_costs_only_itself(tmp_path: Path) -> None:
    """The issue's reproduction: a number as the date used to lose the whole batch."""
    feed = tmp_path / "d.jsonl"
    feed.write_text('{"text":"Joe Biden visited Paris.","date":1}\n', encoding="utf-8")
    result = newsgraph("build", str(feed), str(EXAMPLES), "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    (error,) = result.stderr.strip().splitlines()
    assert error == f"newsgraph: skipped: {feed}:1: field 'date' must be a string, not int"
    assert f"articles: {example_count()}" in result.stdout


def test_duplicate_article_ids_are_refused_not_merged(tmp_path: Path) -> None:
    feed = tmp_path / "dupes.jsonl"
    feed.write_text(
        '{"id": "a", "text": "Snow fell in Oslo on Monday."}\n'
        '{"id": "a", "text": "Kenyatta met Museveni in Kampala."}\n'
        '{"id": "b", "text": "Rain fell in Lima."}\n',
        encoding="utf-8",
    )
    result = newsgraph("build", str(feed), "-o", str(tmp_path / "o"))
    assert result.returncode == 2
    (error,) = result.stderr.strip().splitlines()
    assert error == (f"newsgraph: skipped: {feed}:2: article id 'a' was already read from {feed}:1")
    assert "articles: 2" in result.stdout
    assert "Kampala" not in (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("policy", "kept", "dropped", "line"),
    [
        (
            "skip",
            "Oslo",
            "Kampala",
            "{feed}:2: article id 'a' was already read from {feed}:1; skipped, the first is kept",
        ),
        (
            "replace",
            "Kampala",
            "Oslo",
            "{feed}:1: article id 'a' is read again from {feed}:2; replaced by that later article",
        ),
    ],
)
def test_on_duplicate_keeps_one_article_and_says_which(
    tmp_path: Path, policy, kept, dropped, line
) -> None:  # noqa: ANN001
    feed = tmp_path / "dupes.jsonl"
    feed.write_text(
        '{"id": "a", "text": "Snow fell in Oslo on Monday."}\n'
        '{"id": "a", "text": "Kenyatta met Museveni in Kampala."}\n',
        encoding="utf-8",
    )
    result = newsgraph("build", str(feed), "-o", str(tmp_path / "o"), "--on-duplicate", policy)
    assert result.returncode == 0, result.stderr
    assert result.stderr.strip().splitlines() == ["newsgraph: " + line.format(feed=feed)]
    assert "articles: 1" in result.stdout
    turtle = (tmp_path / "o" / "graph.ttl").read_text(encoding="utf-8")
    assert kept in turtle and dropped not in turtle


def test_a_second_build_leaves_no_stale_format_behind(tmp_path: Path) -> None:
    out = tmp_path / "o"
    first = newsgraph("build", str(FIXTURES / "oslo.txt"), "-o", str(out), "-f", "jsonld", "-q")
    assert first.returncode == 0, first.stderr
    assert (out / "graph.jsonld").exists()
    second = newsgraph("build", str(FIXTURES / "page.html"), "-o", str(out), "-q")
    assert second.returncode == 0, second.stderr
    assert sorted(p.name for p in out.iterdir()) == ["graph.nq", "graph.ttl"]
    assert "Gahr" not in (out / "graph.ttl").read_text(encoding="utf-8")


def test_two_jobs_build_the_same_graph_as_one(tmp_path: Path) -> None:
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}"
        result = newsgraph("build", str(EXAMPLES), "-o", str(out), "--jobs", jobs, "-q")
        assert result.returncode == 0, result.stderr
        outputs.append(sorted((out / "graph.nq").read_bytes().splitlines()))
    assert outputs[0] == outputs[1] and len(outputs[0]) > 500


def test_jobs_must_be_a_positive_number(tmp_path: Path) -> None:
    result = newsgraph("build", str(EXAMPLES), "-o", str(tmp_path), "--jobs", "0")
    assert result.returncode == 2 and "expected a whole number of at least 1" in result.stderr
