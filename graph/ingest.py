"""Read news articles from text, HTML, JSON Lines, folders and stdin into Article records.

Articles are yielded one at a time so a corpus of any size streams through the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TextIO

from graph.errors import InputError
from graph.model import Article

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES

ErrorHandler = Callable[[InputError], None]

MAX_ARTICLE_CHARS = 2_000_000
"""An article longer than this is refused (spaCy parses longer ones in pieces, but a text
this long is a dump, not an article, and would hold minutes of parsing and gigabytes)."""
MAX_FILE_BYTES = 50_000_000
"""A text or HTML file larger than this is refused before it is read."""
JSON_FIELDS = ("id", "title", "date", "url")
_UNSAFE_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


@lru_cache(maxsize=1)
def boilerplate_patterns() -> tuple[re.Pattern[str], ...]:
    """Regexes for page furniture lines, loaded once from graph/schema/boilerplate.txt."""
    text = resources.files("graph.schema").joinpath("boilerplate.txt").read_text("utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    return tuple(re.compile(ln, re.IGNORECASE) for ln in lines if ln and not ln.startswith("#"))


def article_id(text: str, prefix: str = "article") -> str:
    """A stable id derived from the text, for inputs that carry none."""
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{prefix}-{digest[:12]}"


def clean_text(text: str) -> str:
    """The text with control characters (but tab and newlines) as spaces and lone
    surrogates as U+FFFD: one character for one, so every offset stays valid, and nothing
    that XML 1.0, UTF-8 writers or spaCy refuse reaches them."""
    return _UNSAFE_CHARS.sub(lambda m: " " if m.group() < "\ud800" else "\ufffd", text)


DATELINE_END = re.compile(r"\s(--?|–|—)\s*$")
"""A first line ending in a dash is a wire story's dateline ("LIMA, Peru (AP) -"), not its
headline."""


def _blank(text: str, start: int, end: int) -> str:
    return text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]


def make_article(
    text: str,
    *,
    id: str | None = None,
    title: str | None = None,
    date: str | None = None,
    url: str | None = None,
    source: str = "",
    detect_title: bool = True,
) -> Article:
    """Build an Article, finding the headline (first short line) and blanking boilerplate.

    The body keeps every character offset of ``text``; the headline and lines such as
    "Photo Source: ..." or "Related Articles" are replaced by spaces in it.
    """
    text = clean_text(text.replace("\r\n", "\n").replace("\r", "\n"))
    if not text.strip():
        raise InputError(f"{source or 'input'}: article {id or ''} has no text".replace("  ", " "))
    if len(text) > MAX_ARTICLE_CHARS:
        raise InputError(
            f"{source or 'input'}: article is {len(text):,} characters, over the limit of "
            f"{MAX_ARTICLE_CHARS:,}; split it into articles"
        )
    if id is not None:
        id = clean_text(id)
    if title:
        title = clean_text(title)
    body = text
    offset = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and any(p.fullmatch(stripped) for p in boilerplate_patterns()):
            body = _blank(body, offset, offset + len(line))
        offset += len(line) + 1
    if detect_title:
        match = re.match(r"\s*([^\n]{1,200})\n\s*\n", body)
        if match and (
            re.search(r"[.!?:;,]\W*$", match.group(1).strip())
            or DATELINE_END.search(match.group(1))  # "LIMA, Peru (AP) -" opens the story
        ):
            match = None
        if match:
            headline = match.group(1).strip().lstrip("#").strip()  # a Markdown heading
            title = title or headline
            if headline == title:
                body = _blank(body, match.start(1), match.end(1))
    elif title and body.lstrip().startswith(title):
        start = body.index(title)
        body = _blank(body, start, start + len(title))
    if not body.strip():
        raise InputError(f"{source or 'input'}: article has a headline but no body text")
    return Article(
        id=id or article_id(text),
        text=text,
        title=title or "",
        date=date,
        url=url,
        source=source,
        body=body,
    )


def _slug_id(path: Path) -> str:
    stem = re.sub(r"[^A-Za-z0-9._-]+", "-", path.stem).strip("-")
    return stem or article_id(str(path))


def _check_regular(path: Path) -> None:
    """Refuse FIFOs, devices and sockets before opening them (a FIFO would block for ever,
    /dev/zero never ends) and files over the size limit."""
    try:
        info = path.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        return
    if not stat.S_ISREG(info.st_mode):
        raise InputError(f"{path}: not a regular file (a FIFO, device or socket); not read")
    if path.suffix.lower() not in JSONL_SUFFIXES and info.st_size > MAX_FILE_BYTES:
        raise InputError(
            f"{path}: file is {info.st_size:,} bytes, over the limit of {MAX_FILE_BYTES:,}"
        )


def _read_text(path: Path) -> str:
    """The text of a file ``from_path`` has already checked (_check_regular)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{path}: not UTF-8 text (undecodable byte at position {exc.start})"
        ) from None


def from_html(html: str, *, source: str, id: str | None = None) -> Article:
    """Extract the main text and metadata of an HTML page with trafilatura; a page nested
    deeper than lxml parses is flattened first (graph/html_depth.py), not lost."""
    import trafilatura

    from graph.html_depth import flatten_deep_html, too_deep_for_lxml

    if too_deep_for_lxml(html):
        html, _depth = flatten_deep_html(html)
    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError(f"{source}: no article text found in the HTML")
    title = getattr(doc, "title", None) or ""
    return make_article(
        text,
        id=id,
        title=title,
        date=getattr(doc, "date", None),
        url=getattr(doc, "url", None),
        source=source,
        detect_title=False,
    )


def from_jsonl(
    lines: Iterable[str | bytes], *, source: str, on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """One article per JSON object: ``text`` and optional ``id``, ``title``, ``date``, ``url``.

    Lines given as bytes are decoded one by one, so a line that is not UTF-8 is one bad
    record and the others are still read."""
    for number, line in enumerate(lines, start=1):
        try:
            if isinstance(line, bytes):
                try:
                    line = line.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError as exc:
                    raise InputError(
                        f"{source}:{number}: not UTF-8 text (undecodable byte at {exc.start})"
                    ) from None
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise InputError(f"{source}:{number}: not valid JSON ({exc.msg})") from None
            except RecursionError:
                raise InputError(f"{source}:{number}: JSON nested too deeply") from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InputError(f"{source}:{number}: expected an object with a 'text' string")
            for field in JSON_FIELDS:
                value = record.get(field)
                if (
                    value is not None
                    and not isinstance(value, str)
                    and not (
                        field == "id" and isinstance(value, int) and not isinstance(value, bool)
                    )
                ):
                    raise InputError(
                        f"{source}:{number}: field {field!r} must be a string, "
                        f"not {type(value).__name__}"
                    )
            text = record["text"]
            title = record.get("title") or ""
            if title and not text.lstrip().startswith(title):
                # Keep the headline in the text so offsets cover it, but blank it for parsing.
                text = f"{title}\n\n{text}"
            yield make_article(
                text,
                id=str(record.get("id") or article_id(text)),
                title=title,
                date=record.get("date") or None,
                url=record.get("url") or None,
                source=f"{source}:{number}",
                detect_title=not title,
            )
        except InputError as exc:
            if on_error is None:
                raise
            on_error(exc)


def _iter_files(folder: Path, on_error: ErrorHandler | None = None) -> Iterator[Path]:
    """Supported files under a folder, sorted; an unreadable subfolder is reported, not
    skipped in silence."""

    def unreadable(exc: OSError) -> None:
        error = InputError(f"{exc.filename}: cannot read folder ({exc.strerror})")
        if on_error is None:
            raise error
        on_error(error)

    found = []
    for root, dirs, names in os.walk(folder, onerror=unreadable):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            path = Path(root) / name
            if path.suffix.lower() in SUPPORTED and not name.startswith("."):
                found.append(path)
    yield from sorted(found)


def from_path(path: Path, on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Articles in one file (format by suffix) or every supported file in a folder."""
    _check_regular(path)
    if path.is_dir():
        files = list(_iter_files(path, on_error))
        if not files:
            raise InputError(f"{path}: folder holds no .txt, .html or .jsonl files")
        for file in files:
            yield from _guarded(lambda f=file: from_path(f, on_error), on_error)
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from from_jsonl(_jsonl_lines(path), source=str(path), on_error=on_error)
        return
    text = _read_text(path)
    if not text.strip():
        raise InputError(f"{path}: file is empty")
    if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and _looks_like_html(text)):
        yield from_html(text, source=str(path), id=_slug_id(path))
    else:
        yield make_article(text, id=_slug_id(path), source=str(path))


def _jsonl_lines(path: Path) -> Iterator[bytes]:
    try:
        with path.open("rb") as handle:
            yield from handle
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or head.startswith("<html") or "<body" in head


def from_stream(stream: TextIO, on_error: ErrorHandler | None = None) -> Iterator[Article]:
    """Articles from stdin: JSON Lines if it starts with '{', HTML if it looks like a page.

    Read as bytes where the stream has them, so a JSON Lines record that is not UTF-8 is
    one bad record, not a lost stream."""
    raw = getattr(stream, "buffer", None)
    data: bytes | str = raw.read() if raw is not None else stream.read()
    if isinstance(data, bytes) and data.lstrip().startswith(b"{"):
        yield from from_jsonl(data.splitlines(), source="<stdin>", on_error=on_error)
        return
    try:
        text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    except UnicodeDecodeError as exc:
        raise InputError(f"<stdin>: not UTF-8 text (undecodable byte at {exc.start})") from None
    if not text.strip():
        raise InputError("<stdin>: no input")
    if text.lstrip().startswith("{"):
        yield from from_jsonl(text.splitlines(), source="<stdin>", on_error=on_error)
    elif _looks_like_html(text):
        yield from_html(text, source="<stdin>", id=article_id(text, "stdin"))
    else:
        yield make_article(text, id=article_id(text, "stdin"), source="<stdin>")


def _guarded(
    produce: Callable[[], Iterator[Article]], on_error: ErrorHandler | None
) -> Iterator[Article]:
    try:
        yield from produce()
    except InputError as exc:
        if on_error is None:
            raise
        on_error(exc)


def read_articles(
    inputs: Iterable[str | Path | Article], on_error: ErrorHandler | None = None
) -> Iterator[Article]:
    """Stream Articles from paths ("-" is stdin); an Article among them passes as it is.
    With ``on_error``, a bad file or record is reported to it and skipped; without, the
    first problem raises InputError."""
    for item in inputs:
        if isinstance(item, Article):
            yield item
        elif str(item) == "-":
            yield from _guarded(lambda: from_stream(sys.stdin, on_error), on_error)
        else:
            yield from _guarded(lambda p=Path(item): from_path(p, on_error), on_error)
