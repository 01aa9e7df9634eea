"""The stance of a relation from the words above it in the dependency tree.

``stance_of(ctx, token)`` looks from the relation's anchor (its verb, noun or preposition) up
to the sentence root: a negation on the anchor's clause makes it NEGATED; a proposal cue
("suggested", "plan", "should", "to <verb>" under a non-implicative verb) PROPOSED; a
speech verb whose complement holds the anchor ("X said ...", "according to X") REPORTED,
with X as the speaker. Cue words live in graph/schema/stance_cues.tsv.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from graph import lexicon
from graph.extract.context import Context
from graph.model import EntityType, Mention, Stance

COARSE = {
    "VERB": "VERB",
    "AUX": "AUX",
    "NOUN": "NOUN",
    "PROPN": "NOUN",
    "ADJ": "ADJ",
    "ADP": "ADP",
    "SCONJ": "ADP",  # "except" is often tagged as a subordinating conjunction
}
CLAUSE_LINKS = {
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "relcl",
    "conj",
    "pcomp",
    "dobj",
    "pobj",
    "prep",
    "nsubj",
    "nsubjpass",
    "attr",
    "oprd",
    "parataxis",
}
NEGATIONS = {"not", "n't", "never", "no"}
SUBJECT_LINKS = {"nsubj", "nsubjpass", "expl"}
QUOTE_MARK = re.compile('["“”]')
MIN_QUOTE_WORDS = 4


def cues(token: Token) -> frozenset[str]:
    pos = COARSE.get(token.pos_, token.pos_)
    return lexicon.stance_cues().get((token.lemma_.lower(), pos), frozenset()) | (
        lexicon.stance_cues().get((token.lower_, pos), frozenset())
    )


def _negated(verb: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in NEGATIONS) for c in verb.children
    ) or any(c.dep_ == "det" and c.lower_ == "no" for c in verb.children)


def _clause_verb(token: Token) -> Token:
    """The verb whose clause the token belongs to (the token itself when it is one)."""
    current = token
    for _ in range(8):
        if current.pos_ in {"VERB", "AUX"} or current.head.i == current.i:
            return current
        current = current.head
    return current


def _irrealis(verb: Token) -> bool:
    """A modal or an infinitive under a governor that does not entail it happened."""
    if any("proposal" in cues(c) for c in verb.children if c.dep_ == "aux"):
        return True
    infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)
    if infinitive and verb.dep_ in {"xcomp", "advcl", "acl", "relcl", "ccomp", "conj", "pcomp"}:
        return not cues(verb.head) & {"implicative", "negation"}
    return False


def undone(token: Token) -> Stance | None:
    """What a verb does to the deed a noun names: "Johnson's trip to India was cancelled"
    (NEGATED), "Iran postponed its talks with Oman" (PROPOSED); None when it says nothing."""
    verb = token.head
    if token.dep_ not in {"nsubjpass", "dobj"} or verb.pos_ != "VERB":
        return None
    if "negation" in cues(verb):
        return Stance.NEGATED
    if "proposal" in cues(verb):
        return Stance.PROPOSED
    return None


def _arranged(ctx: Context, verb: Token) -> bool:
    """A present progressive with a time phrase is an arrangement, not yet a fact ("Macron
    is meeting Scholz on Thursday", "the team are flying to Lagos next week")."""
    if verb.tag_ != "VBG" or not any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    ):
        return False
    for child in verb.children:
        phrase = [child] + [p for p in child.children if p.dep_ == "pobj"]
        if child.dep_ in {"prep", "npadvmod"} and any(
            (m := ctx.mention_at(t)) is not None and m.type is EntityType.DATE for t in phrase
        ):
            return True
    return False


def _narrated(ctx: Context, clause: Token, parent: Token) -> bool:
    """A conjoined clause whose subject is the speaker of the reported clause it hangs from
    continues the narration ("Jowell said a delay would be disastrous and she accused the
    Tories"): nobody reports themselves in the third person."""
    report = parent.head
    if parent.dep_ not in {"ccomp", "parataxis"} or "report" not in cues(report):
        return False
    speaker = _speaker(ctx, report)
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_LINKS), None)
    mention = ctx.mention_of(subject) if subject is not None else None
    return (
        speaker is not None and mention is not None and ctx.referent(mention).span == speaker.span
    )


def _excluded(token: Token, verb: Token) -> bool:
    """An exclusion word between the anchor and its clause ("the coalition, excluding
    Israel"; "all members except Hungary"; "not including Japan")."""
    current = token
    for _ in range(6):
        if "exclusion" in cues(current) or (
            current.lower_ == "including" and any(c.dep_ == "neg" for c in current.children)
        ):
            return True
        if current.i == verb.i or current.head.i == current.i:
            return False
        current = current.head
    return False


def _speaker(ctx: Context, verb: Token) -> Mention | None:
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            mention = ctx.mention_of(child)
            return ctx.referent(mention) if mention is not None else None
    return None


def _according_to(ctx: Context, verb: Token) -> Mention | None:
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for pobj in to.children:
                    if pobj.dep_ == "pobj" and (mention := ctx.mention_of(pobj)) is not None:
                        return ctx.referent(mention)
    return None


def stance_of(ctx: Context, token: Token) -> tuple[Stance, Mention | None]:
    """The stance of a relation anchored at ``token`` and, for reported speech, who said it."""
    verb = _clause_verb(token)
    sentence_root = ctx.sentence_root(verb)
    if _excluded(token, verb):
        return Stance.NEGATED, _according_to(ctx, verb)
    speaker = _according_to(ctx, verb)
    reported = speaker is not None
    stance = Stance.NEGATED if _negated(verb) else None
    if stance is None and any("proposal" in cues(c) for c in token.children if c.dep_ == "amod"):
        stance = Stance.PROPOSED  # "a planned meeting", "the proposed merger"
    if stance is None and ("proposal" in cues(token) and token.pos_ == "NOUN"):
        stance = Stance.PROPOSED
    if stance is None and _arranged(ctx, verb):
        stance = Stance.PROPOSED
    current = verb
    separate = False
    for _ in range(12):
        if stance is None and not separate and _irrealis(current):
            stance = Stance.PROPOSED
        if current.i == sentence_root.i or current.head.i == current.i:
            break
        link, parent = current.dep_, current.head
        if link not in CLAUSE_LINKS:
            break
        if link in {"acl", "relcl"} and parent.pos_ in {"NOUN", "PROPN"} and not _irrealis(current):
            break  # "the coalition combating IS" describes its noun: presupposed, not proposed
        # "X said it would be a disaster and she accused Y": a conjoined clause with its own
        # subject is a statement of its own; the other clause's modal is not its mood.
        separate = link == "conj" and any(c.dep_ in SUBJECT_LINKS for c in current.children)
        parent_cues = cues(parent)
        if separate and _narrated(ctx, current, parent):
            break
        if "proposal" in parent_cues and stance is None and link != "nsubj" and not separate:
            stance = Stance.PROPOSED
        if "negation" in parent_cues and stance is None and link == "xcomp":
            stance = Stance.NEGATED
        if "report" in parent_cues and link in {"ccomp", "parataxis", "xcomp"}:
            speaker = speaker or _speaker(ctx, parent)
            reported = True
            if "denial" in parent_cues and link == "ccomp" and not _negated(parent):
                stance = Stance.NEGATED  # "Microsoft denied that it planned to buy X"
        if parent.pos_ in {"VERB", "AUX"} and _negated(parent) and link in {"xcomp", "ccomp"}:
            stance = stance or Stance.NEGATED
        current = parent
    if not reported and (quote := _quote_around(ctx, token)) is not None:
        reported, speaker = True, _quote_speaker(ctx, quote)
    if stance is None and reported:
        stance = Stance.REPORTED
    return stance or Stance.ASSERTED, speaker


def _quotes(ctx: Context) -> list[tuple[int, int, bool]]:
    """(start, end, left open) of the article's quotations: quote marks pair up in order
    within a paragraph, and one left open runs to the paragraph's end (it goes on below)."""
    spans = ctx.notes.get("stance.quotes")
    if isinstance(spans, list):
        return spans
    spans, start = [], 0
    for paragraph in ctx.text.split("\n"):
        opened = None
        for mark in QUOTE_MARK.finditer(paragraph):
            at = start + mark.start()
            if opened is None and mark.group() != "”":
                opened = at
            elif opened is not None and mark.group() != "“":
                spans.append((opened, at, False))
                opened = None
        if opened is not None:
            spans.append((opened, start + len(paragraph), True))
        start += len(paragraph) + 1
    ctx.notes["stance.quotes"] = spans
    return spans


def _quote_around(ctx: Context, token: Token) -> int | None:
    """The index of the quotation holding the token, if it is more than a scare-quoted word
    or two."""
    for number, (start, end, _) in enumerate(_quotes(ctx)):
        if start < token.idx < end and len(ctx.text[start:end].split()) >= MIN_QUOTE_WORDS:
            return number
    return None


def _sentence_at(ctx: Context, offset: int) -> int:
    """The number of the last sentence starting at or before a character offset."""
    number = 0
    for index, sentence in enumerate(ctx.sentences):
        if sentence.start_char > offset:
            break
        number = index
    return number


def _quote_speaker(ctx: Context, number: int) -> Mention | None:
    """Who a quotation is by: the subject of a speech verb outside it in the sentences it
    starts and ends in ('Adams said: "..."', '"...," said Mr Adams.'), else in the sentence
    before it ('Adams said:' ending the sentence before); a paragraph that opens by going on
    with a quotation left open above is by the same speaker."""
    quotes = _quotes(ctx)
    start, end, _ = quotes[number]
    first, last = _sentence_at(ctx, start), _sentence_at(ctx, end - 1)
    for index in dict.fromkeys([first, last, first - 1]):
        if index < 0:
            continue
        for token in ctx.sentences[index]:
            if any(s <= token.idx < e for s, e, _ in quotes) or "report" not in cues(token):
                continue
            speaker = _speaker(ctx, token) or _according_to(ctx, token)
            if speaker is not None:
                return speaker
    if number > 0 and quotes[number - 1][2] and not ctx.text[quotes[number - 1][1] : start].strip():
        return _quote_speaker(ctx, number - 1)
    return None
