"""Ingest: every input kind becomes Article records whose offsets index the original text."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from graph.errors import InputError
from graph.ingest import from_stream, make_article, read_articles

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


def test_plain_text_headline_and_boilerplate_are_blanked_keeping_offsets() -> None:
    (article,) = read_articles([FIXTURES / "oslo.txt"])
    assert article.title == "Ministers Meet in Oslo"
    assert article.id == "oslo"
    assert len(article.body) == len(article.text)
    assert "Ministers Meet" not in article.body
    assert "Image credit" not in article.body and "Read more" not in article.body
    start = article.text.index("Jonas Gahr Store")
    assert article.body[start : start + 16] == "Jonas Gahr Store"


@pytest.mark.parametrize(
    "line",
    [
        "Photo Source: cvvnews.com",
        "Image credit: Reuters",
        "Related Articles",
        "Read more",
        "Advertisement",
        "Copyright 2024 Example News. All rights reserved.",
    ],
)
def test_boilerplate_lines_are_blanked(line: str) -> None:
    text = f"Headline Here\n\nThe minister spoke in Rome on Monday.\n\n{line}\n\nShe left."
    article = make_article(text)
    assert line not in article.body
    assert "The minister spoke in Rome on Monday." in article.body


def test_a_sentence_that_mentions_photos_is_kept() -> None:
    text = "The photo source said the image was real, police said on Monday."
    assert make_article(text, detect_title=False).body == text


def test_html_main_text_is_extracted_without_navigation() -> None:
    (article,) = read_articles([FIXTURES / "page.html"])
    assert "Port Reopens in Mombasa" in article.title
    assert "dock workers" in article.text
    assert "Home | News" not in article.text
    assert "All rights reserved" not in article.body


def test_jsonl_bad_record_is_reported_and_the_rest_read() -> None:
    errors: list[InputError] = []
    articles = list(read_articles([FIXTURES / "mixed.jsonl"], on_error=errors.append))
    assert [a.id for a in articles] == ["a1", "a3"]
    assert articles[0].date == "2024-03-04"
    assert articles[0].title == "Rain in Lima"
    assert "Rain in Lima" not in articles[0].body
    assert len(errors) == 2
    assert all("mixed.jsonl:" in str(e) for e in errors)
    assert "not valid JSON" in str(errors[0])


def test_folder_reads_every_supported_file_and_reports_bad_ones() -> None:
    errors: list[InputError] = []
    ids = [a.id for a in read_articles([FIXTURES], on_error=errors.append)]
    assert {"oslo", "page", "a1", "a3"} <= set(ids)
    messages = " ".join(str(e) for e in errors)
    assert "empty.txt" in messages and "latin.txt" in messages


@pytest.mark.parametrize(
    "name, problem",
    [("missing.txt", "no such file"), ("empty.txt", "empty"), ("latin.txt", "not UTF-8")],
)
def test_bad_file_raises_one_line_error_naming_it(name: str, problem: str) -> None:
    with pytest.raises(InputError) as info:
        list(read_articles([FIXTURES / name]))
    message = str(info.value)
    assert name in message and problem in message and "\n" not in message


def test_stdin_text_and_jsonl() -> None:
    (text_article,) = from_stream(io.StringIO("Rain fell in Quito on Monday, officials said."))
    assert text_article.id.startswith("stdin-")
    lines = '{"id": "x", "text": "Snow fell in Oslo."}\n{"id": "y", "text": "Sun in Rome."}\n'
    assert [a.id for a in from_stream(io.StringIO(lines))] == ["x", "y"]


def test_same_text_gets_same_id() -> None:
    a = make_article("Floods hit Dhaka on Monday.", detect_title=False)
    b = make_article("Floods hit Dhaka on Monday.", detect_title=False)
    assert a.id == b.id


def test_empty_stdin_is_an_error() -> None:
    with pytest.raises(InputError, match="stdin"):
        list(from_stream(io.StringIO("   \n")))
