"""Quoted speech and its speaker, for pronoun coreference: inside a quote "he" is never the
speaker and "I" always is. A quote is a span between “ and ” (or a pair of straight double
quotes); its speaker is the subject of a speech verb outside the quote in the sentence that
holds the quote or its attribution ("“...,” said X", "X said: “...”")."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context

SPEECH_EXTRA = {"say", "tell", "write", "speak", "ask", "add", "reply", "explain", "respond"}
SUBJECTS = {"nsubj", "nsubjpass"}


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    speaker: Token | None
    """The subject token of the attributing speech verb (a name or a pronoun), if found."""


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of quoted passages, quote marks included."""
    spans = []
    opened: int | None = None
    straight: int | None = None
    for i, char in enumerate(text):
        if char == "“" and opened is None:
            opened = i
        elif char == "”" and opened is not None:
            spans.append((opened, i + 1))
            opened = None
        elif char == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i + 1))
                straight = None
    return sorted(spans)


def is_speech(token: Token) -> bool:
    lemma = token.lemma_.lower()
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    return lemma in SPEECH_EXTRA or "report" in lexicon.stance_cues().get((lemma, "VERB"), ())


def quotes(ctx: Context) -> list[Quote]:
    """The article's quotes with their speakers."""
    found = []
    spans = quote_spans(ctx.text)
    inside = {i for s, e in spans for i in range(s, e)}
    for start, end in spans:
        sentences = {
            ctx.sentence_index(t)
            for t in ctx.doc
            if start - 2 <= t.idx <= end + 1  # the quote and the words touching it
        }
        if not sentences:
            continue
        # "X said:" as its own sentence just before the quote
        first = min(sentences)
        if first > 0 and ctx.sentences[first - 1].text.rstrip().endswith(":"):
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
        found.append(Quote(start, end, speaker))
    return found


def quote_of(quotes: list[Quote], token: Token) -> Quote | None:
    return next((q for q in quotes if q.start < token.idx < q.end), None)
