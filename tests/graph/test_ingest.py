"""Ingest: every input kind becomes Article records whose offsets index the original text."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest

from graph import ingest
from graph.errors import InputError
from graph.ingest import from_jsonl, from_stream, make_article, read_articles

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
        "(Reporting by Ana Ruiz in Madrid and Li Wei in Beijing; Editing by Tom Hale)",
        "Writing by Kemal Aydin; Additional reporting by Sara Ito; Editing by Ben Cole",
        "Editing by Nick Moore and Jane Park",
        "Associated Press writer Priya Nair in Mumbai contributed to this report.",
        "Our Standards: The Thomson Reuters Trust Principles.",
    ],
)
def test_boilerplate_lines_are_blanked(line: str) -> None:
    text = f"Headline Here\n\nThe minister spoke in Rome on Monday.\n\n{line}\n\nShe left."
    article = make_article(text)
    assert line not in article.body
    assert "The minister spoke in Rome on Monday." in article.body


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by The Times revealed that the minister had lied.",
        "Research by Oxford University showed a rise in cases.",
        "Donors contributed to this story of success, she said.",
    ],
)
def test_prose_that_starts_like_a_credit_line_is_kept(line: str) -> None:
    assert make_article(line, detect_title=False).body == line


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
    assert {"oslo", "page", "a1", "a3", "wire", "markdown", "ok1", "durban"} <= set(ids)
    assert "hidden" not in " ".join(ids) and "notes" not in ids
    assert ids == [a.id for a in read_articles([FIXTURES], on_error=lambda e: None)]
    messages = " ".join(str(e) for e in errors)
    for bad in ("empty.txt", "latin.txt", "blank.txt", "headline_only.txt", "no_text.html"):
        assert bad in messages
    assert "latin1.jsonl:2" in messages and "records.jsonl:4" in messages


def test_folder_without_articles_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "notes.csv").write_text("a,b\n")
    with pytest.raises(InputError, match="holds no"):
        list(read_articles([tmp_path]))


def test_without_on_error_the_first_bad_file_raises() -> None:
    with pytest.raises(InputError, match="latin.txt"):
        list(read_articles([FIXTURES / "oslo.txt", FIXTURES / "latin.txt"]))


@pytest.mark.parametrize(
    "name, problem",
    [
        ("missing.txt", "no such file"),
        ("missing.jsonl", "no such file"),
        ("missing.html", "no such file"),
        ("empty.txt", "empty"),
        ("blank.txt", "empty"),
        ("latin.txt", "not UTF-8"),
        ("headline_only.txt", "no body text"),
        ("no_text.html", "no article text"),
    ],
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


# fixture, id, title, a phrase of the body, phrases blanked from the body (or absent)
GOOD = [
    ("oslo.txt", "oslo", "Ministers Meet in Oslo", "Jonas Gahr Store", ["Image credit"]),
    ("crlf.txt", "crlf", "Dam Bursts Near Nakuru", "A dam burst near Nakuru", ["Photo:"]),
    ("bom.txt", "bom", "Quake Hits Noto Peninsula", "struck western Japan", []),
    ("no_headline.txt", "no_headline", "", "Rain fell in Quito", []),
    (
        "markdown.md",
        "markdown",
        "Lagos Port Strike Ends",
        "Dock workers in Lagos",
        ["Related stories", "Share this", "Advertisement", "© Example Wire", "#"],
    ),
    ("page.html", "page", "Port Reopens in Mombasa", "dock workers", ["Home | News"]),
    (
        "wire.htm",
        "wire",
        "Chile Signs Copper Deal",
        "Gabriel Boric signed a copper agreement",
        ["Read more", "Most read", "Home |", "All rights reserved"],
    ),
    ("nested/deeper/durban.txt", "durban", "Port Strike Ends in Durban", "Dock workers", []),
]


@pytest.mark.parametrize("name, id, title, phrase, blanked", GOOD)
def test_good_inputs(name: str, id: str, title: str, phrase: str, blanked: list[str]) -> None:
    (article,) = read_articles([FIXTURES / name])
    assert (article.id, article.title) == (id, title)
    assert "\r" not in article.text and not article.text.startswith("\ufeff")
    assert phrase in article.body
    for text in blanked:
        assert text not in article.body
    if title:
        assert title not in article.body
    _assert_body_is_blanked_text(article.text, article.body)
    (again,) = read_articles([FIXTURES / name])
    assert again == article


def _assert_body_is_blanked_text(text: str, body: str) -> None:
    """The body is the text with some characters replaced by spaces: every offset holds."""
    assert len(body) == len(text)
    for b, t in zip(body, text, strict=True):
        assert b == t or (b == " " and t != "\n")


def test_html_metadata_is_read() -> None:
    (article,) = read_articles([FIXTURES / "wire.htm"])
    assert article.date == "2024-05-02"
    assert article.url == "https://example.org/chile-copper"


@pytest.mark.parametrize(
    "text, headline",
    [
        ("Short Headline\n\nBody text here, officials said.", "Short Headline"),
        ("\n\n  Leading Blank Lines  \n\nBody.", "Leading Blank Lines"),
        ("# Markdown Heading\n\nBody.", "Markdown Heading"),
        ("Floods in Sindh: 40 Dead\n\nBody.", "Floods in Sindh: 40 Dead"),
        ("A sentence that ends with a period.\n\nMore text.", ""),
        ("A line that ends with a colon:\n\nMore text.", ""),
        ("Headline without a blank line\nBody continues.", ""),
        ("x" * 250 + "\n\nBody.", ""),
        ("One paragraph only, no headline at all.", ""),
        ("LIMA, Peru (AP) —\n\nMiners went on strike.", ""),  # a dateline is body text
        ("WELLINGTON (Reuters) --\n\nThe central bank cut rates.", ""),
        ("Vote Count Begins (Updated)\n\nBody.", "Vote Count Begins (Updated)"),
    ],
)
def test_headline_detection(text: str, headline: str) -> None:
    article = make_article(text)
    assert article.title == headline
    _assert_body_is_blanked_text(article.text, article.body)
    if headline:
        assert headline not in article.body
        assert "Body" in article.body or "More" in article.body
    else:
        assert article.body == article.text


def test_jsonl_records_each_bad_one_named_by_line() -> None:
    errors: list[InputError] = []
    articles = list(read_articles([FIXTURES / "records.jsonl"], on_error=errors.append))
    assert articles[0].id == "arr"
    assert articles[1].id.startswith("article-")  # no id: derived from the text
    assert [str(e).split(": ", 1)[0] for e in errors] == [
        f"{FIXTURES / 'records.jsonl'}:{n}" for n in (2, 4, 5)
    ]


def test_jsonl_non_utf8_line_is_skipped_and_the_others_read() -> None:
    errors: list[InputError] = []
    articles = list(read_articles([FIXTURES / "latin1.jsonl"], on_error=errors.append))
    assert [a.id for a in articles] == ["ok1"]
    assert articles[0].title == "Peso Falls"
    (error,) = errors
    assert "latin1.jsonl:2" in str(error) and "not UTF-8" in str(error)


def test_jsonl_title_is_kept_in_text_but_blanked() -> None:
    (article,) = read_articles([FIXTURES / "latin1.jsonl"], on_error=lambda e: None)
    assert article.text.startswith("Peso Falls\n\n")
    start = article.text.index("Buenos Aires")
    assert article.body[start : start + 12] == "Buenos Aires"


def test_stdin_html_page() -> None:
    html = (FIXTURES / "wire.htm").read_text("utf-8")
    (article,) = from_stream(io.StringIO(html))
    assert article.title == "Chile Signs Copper Deal"
    assert "Gabriel Boric" in article.body and "Most read" not in article.text
    assert article.id.startswith("stdin-")


def test_stdin_jsonl_bad_line_skipped_with_on_error() -> None:
    lines = '{"id": "x", "text": "Snow fell in Oslo."}\n{oops}\n{"id": "z", "text": "Hail."}\n'
    errors: list[InputError] = []
    assert [a.id for a in from_stream(io.StringIO(lines), errors.append)] == ["x", "z"]
    assert len(errors) == 1 and "<stdin>:2" in str(errors[0])


# ---- hostile input: each bad record is refused alone, with a line naming it -----------------


def test_lone_surrogates_and_control_characters_keep_offsets_and_never_crash() -> None:
    text = "Aid reached Juba\ud800 on Monday.\x07 Officials\x00 said so.\udc07"
    article = make_article(text, detect_title=False)
    assert len(article.text) == len(text)
    assert "\ud800" not in article.text and "\x07" not in article.text
    assert article.text.index("Juba") == text.index("Juba")
    article.text.encode("utf-8")  # writable as UTF-8
    assert make_article("\udc07 Mbeki spoke.", detect_title=False).id.startswith("article-")


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        ('{"text": "Biden visited Paris.", "date": 1}', "field 'date' must be a string, not int"),
        (
            '{"text": "Lula met Modi.", "title": {"a": 1}}',
            "field 'title' must be a string, not dict",
        ),
        ('{"text": "Rain in Lima.", "url": ["x"]}', "field 'url' must be a string, not list"),
        ("[" * 100_000 + "]" * 100_000, "not valid JSON|nested too deeply|expected an object"),
    ],
)
def test_jsonl_wrong_field_types_and_deep_nesting_are_refused_by_name(
    record: str, problem: str
) -> None:
    lines = [record, '{"id": "ok", "text": "Snow fell in Oslo."}']
    errors: list[InputError] = []
    articles = list(from_jsonl(lines, source="feed.jsonl", on_error=errors.append))
    assert [a.id for a in articles] == ["ok"]
    assert len(errors) == 1
    assert str(errors[0]).startswith("feed.jsonl:1: ")
    assert re.search(problem, str(errors[0]))


def test_an_integer_id_is_accepted_as_text() -> None:
    (article,) = from_jsonl(['{"id": 7, "text": "Hail fell in Bern."}'], source="x.jsonl")
    assert article.id == "7"


def test_an_article_over_the_length_limit_is_refused(monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ingest, "MAX_ARTICLE_CHARS", 1000)
    with pytest.raises(InputError, match=r"big\.txt: article is 1,200 characters, over the limit"):
        make_article("word " * 240, source="big.txt")


def test_fifo_and_devices_are_refused_without_opening_them(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    errors: list[InputError] = []
    good = tmp_path / "good.txt"
    good.write_text("Ministers met in Nairobi on Friday.\n")
    articles = list(read_articles([fifo, Path("/dev/zero"), good], errors.append))
    assert [a.id for a in articles] == ["good"]
    assert [str(e).split(":")[0] for e in errors] == [str(fifo), "/dev/zero"]
    assert all("not a regular file" in str(e) for e in errors)


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(ingest, "MAX_FILE_BYTES", 100)
    big = tmp_path / "dump.txt"
    big.write_text("Floods in Dhaka. " * 20)
    with pytest.raises(InputError, match=r"dump\.txt: file is 340 bytes, over the limit of 100"):
        list(read_articles([big]))


def test_stdin_jsonl_with_a_non_utf8_line_keeps_the_others() -> None:
    data = b'{"id": "a", "text": "Snow in Oslo."}\n{"id": "b", "text": "caf\xe9"}\n'
    data += b'{"id": "c", "text": "Sun in Rome."}\n'
    stream = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
    errors: list[InputError] = []
    assert [a.id for a in from_stream(stream, errors.append)] == ["a", "c"]
    assert len(errors) == 1 and str(errors[0]).startswith("<stdin>:2: not UTF-8")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_an_unreadable_subfolder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("Rain fell in Quito.\n")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "x.txt").write_text("Hidden.\n")
    locked.chmod(0)
    try:
        errors: list[InputError] = []
        assert [a.id for a in read_articles([tmp_path], errors.append)] == ["ok"]
        assert len(errors) == 1 and "locked: cannot read folder" in str(errors[0])
    finally:
        locked.chmod(0o755)
