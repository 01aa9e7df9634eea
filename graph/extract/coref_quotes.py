"""Quoted speech and its speaker, for pronoun coreference: inside a quote "he" is never the
speaker and "I" always is. A quote is a span between “ and ”, a pair of straight double
quotes, or ‘ and ’; its speaker is the subject of a speech verb outside the quote in the
sentence that holds the quote or its attribution ("“...,” said X", "X said: “...”")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context

SPEECH_EXTRA = {"say", "tell", "write", "speak", "ask", "add", "reply", "explain", "respond"}
SUBJECTS = {"nsubj", "nsubjpass"}
MARKS = re.compile('[\n“”"‘’]')
"""The characters that open or close a quote (a line break closes every open one)."""


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    speaker: Token | None
    """The subject token of the attributing speech verb (a name or a pronoun), if found."""


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quote marks included: “...”, "..." and ‘...’
    (closed by a ’ that no letter follows, so "Horner’s" stays open). A quote still open at
    a paragraph's end, or when the next opening mark comes, stops there: news writes a
    quote of several paragraphs with no closing mark until the last."""
    return [(s, e) for s, e, _ in _quote_marks(text)]


def _quote_marks(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, left open) for each quote. A straight quote opens when a space (or the
    start) comes before it and none after, and closes otherwise; an opening mark while a
    quote is open ends that quote there (the next paragraph of the same speech)."""
    spans: list[tuple[int, int, bool]] = []
    opened: dict[str, int] = {}

    def open_at(kind: str, i: int) -> None:
        for other in list(opened):
            spans.append((opened.pop(other), i, True))
        opened[kind] = i

    for mark in MARKS.finditer(text):  # the other characters change nothing
        i, char = mark.start(), mark.group()
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if char == "\n":
            spans.extend((start, i, True) for start in opened.values())
            opened = {}
        elif char == "“":
            open_at("curly", i)
        elif char == "”" and "curly" in opened:
            spans.append((opened.pop("curly"), i + 1, False))
        elif char == '"':
            opening = (before.isspace() or before in "([—–-") and not after.isspace()
            if opening:
                open_at("straight", i)
            elif "straight" in opened:
                spans.append((opened.pop("straight"), i + 1, False))
        elif char == "‘" and "single" not in opened and not before.isalnum():
            opened["single"] = i
        elif char == "’" and "single" in opened and not after.isalnum():
            spans.append((opened.pop("single"), i + 1, False))
    spans.extend((start, len(text), True) for start in opened.values())
    return sorted(spans)


def is_speech(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return lemma in SPEECH_EXTRA or "report" in lexicon.stance_cues().get((lemma, "VERB"), ())


def quotes(ctx: Context) -> list[Quote]:
    """The article's quotes with their speakers."""
    found: list[Quote] = []
    marks = _quote_marks(ctx.text)
    inside = {i for s, e, _ in marks for i in range(s, e)}
    previous: tuple[int, bool] | None = None  # where the last quote ended, and if unclosed
    for start, end, unclosed in marks:
        # the quote and the words touching it
        sentences = {ctx.sentence_index(ctx.doc[i]) for i in ctx.tokens_from(start - 2, end + 1)}
        if not sentences:
            previous = (end, unclosed)
            continue
        # "X said:" as its own sentence just before the quote
        first = min(sentences)
        if first > 0 and ctx.span_text(ctx.sentences[first - 1]).rstrip().endswith(":"):
            sentences.add(first - 1)
        speaker = None
        for number in sorted(sentences):
            for token in ctx.sentences[number]:
                if token.idx in inside or not is_speech(token):
                    continue
                subject = next((c for c in token.children if c.dep_ in SUBJECTS), None)
                if subject is not None and subject.idx not in inside:
                    speaker = subject
                    break
            if speaker is not None:
                break
        gap = ctx.text[previous[0] : start] if previous is not None else "x"
        if speaker is None and previous is not None and previous[1] and not gap.strip() and found:
            speaker = found[-1].speaker  # the next paragraph of the same quote
        found.append(Quote(start, end, speaker))
        previous = (end, unclosed)
    return found


def quote_of(quotes: list[Quote], token: Token) -> Quote | None:
    return next((q for q in quotes if q.start < token.idx < q.end), None)
