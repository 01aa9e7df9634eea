"""The cue gate: the learned model's pair is written only when the sentence holds a cue that
supports its relation (a residence needs "lives in", "resident", "from" ..., not a "said").
Cues per predicate live in graph/schema/relation_cues.tsv."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span, Token

from graph.learn.features import path
from graph.lexicon import _rows

STRUCTURAL = {"<comma>", "<compound>", "<poss>", "<appos>"}
MODIFIERS = {"amod", "compound", "npadvmod", "advmod", "nmod", "oprd"}
SHORT_PATH = 2
"""A preposition is a cue only on a path of at most this many words between the names."""
LONG_PATH = 4
"""On a longer path no word is a cue: the names are in different phrases."""
CLAUSE_BREAKS = {"ccomp", "parataxis", "advcl"}
"""Nor on a path through another clause: "X appears committed, said one Y-based broker"."""


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Predicate -> its cue lemmas and structural cues."""
    from graph.vocab import check_predicate

    return {check_predicate(p): frozenset(c.split()) for p, c, _ in _rows("relation_cues.tsv", 3)}


@lru_cache(maxsize=1)
def blockers() -> dict[str, frozenset[str]]:
    """Predicate -> words that, on the pair's path, say it is not that relation ("a patient
    at X", "a candidate for X" works for no X)."""
    return {p: frozenset(b.split()) for p, _, b in _rows("relation_cues.tsv", 3) if b}


def _modifies(a: Span, b: Span, deps: set[str]) -> bool:
    return a.root.dep_ in deps and b.start <= a.root.head.i < b.end


def _crosses_clause(token: Token) -> bool:
    """Whether the path leaves a clause at this token (a reported or adjoined clause)."""
    return token.dep_ in CLAUSE_BREAKS or (token.dep_ == "conj" and token.pos_ in {"VERB", "AUX"})


def present(head: Span, tail: Span) -> frozenset[str]:
    """The cue words (lemmas and lower-cased forms) and structural cues that join a pair: the
    words on the dependency path between the two names and their modifiers ("chief" of
    "executive"); a preposition counts only when it joins the two almost directly ("an analyst
    at X", "lives in Y"), and no word counts on a path of more than LONG_PATH words or one that
    crosses into another clause (a speech verb's complement, an adverbial clause). Words
    merely nearby do not count ("X rose, said one London-based broker" is no cue for X)."""
    return _present(head, tail, *path(head.root, tail.root))


def present_both(head: Span, tail: Span) -> tuple[frozenset[str], frozenset[str]]:
    """``present(head, tail)`` and ``present(tail, head)``, read once when the two names are
    in one parse tree: the path between them, its words and the words between the names are
    then the same from either end."""
    up, down = path(head.root, tail.root)
    found = _present(head, tail, up, down)
    if not down or down[-1].head.i == up[-1].i:  # the path meets at a common ancestor
        return found, found
    return found, present(tail, head)


def _present(head: Span, tail: Span, up: list[Token], down: list[Token]) -> frozenset[str]:
    inside = set(range(head.start, head.end)) | set(range(tail.start, tail.end))
    inner = [t for t in up + down if t.i not in inside]
    tokens = inner + [
        c for t in inner for c in t.children if c.dep_ in MODIFIERS and c.i not in inside
    ]
    short = len(inner) <= SHORT_PATH
    found = set()
    one_clause = not any(_crosses_clause(t) for t in up[:-1] + down)
    for t in tokens if len(inner) <= LONG_PATH and one_clause else []:
        if t.pos_ in {"ADP", "SCONJ"} and not short:
            continue
        found.update((t.lemma_.lower(), t.lower_))
    first, second = (head, tail) if head.start < tail.start else (tail, head)
    doc = head.doc
    between = doc[first.end : second.start] if first.end <= second.start else doc[0:0]
    if between and all(t.is_punct for t in between) and any(t.text == "," for t in between):
        found.add("<comma>")
    for a, b in ((head, tail), (tail, head)):
        if _modifies(a, b, {"compound", "amod", "nmod", "npadvmod"}):
            found.add("<compound>")
        if _modifies(a, b, {"poss"}):
            found.add("<poss>")
        if _modifies(a, b, {"appos"}):
            found.add("<appos>")
    return frozenset(found)


def supported(predicate: str, found: frozenset[str]) -> bool:
    """Whether a cue of the predicate, and none of its blockers, is among a pair's cues
    (``present``)."""
    if blockers().get(predicate, frozenset()) & found:
        return False
    return bool(cues().get(predicate, frozenset()) & found)
