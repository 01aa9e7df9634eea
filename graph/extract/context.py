"""The per-article working state the extractors share: the doc, the mentions found so far,
and helpers to turn spaCy tokens into plain Mention / Evidence / RelationMention records."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import cached_property, lru_cache
from typing import TYPE_CHECKING

from graph.model import Article, EntityType, Evidence, Mention, RelationMention, Stance
from graph.name_variants import known_place
from graph.vocab import check_predicate

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

Extractor = Callable[["Context"], Iterable[RelationMention]]

ARRAY_ATTRIBUTES = ("ORTH", "LOWER", "LEMMA", "POS", "DEP")
"""The token attributes Context reads from the doc's array, in one call per article."""
_DECODED: dict[int, str] = {}
"""Strings by their hash id, as the StringStore decodes them: the words of one article recur
in the next."""
DECODED_LIMIT = 1 << 18

POSSESSIVE_ENDINGS = ("'s", "’s", "'", "’")
ALNUM = re.compile(r"[^\W_]")
"""A letter or digit (``str.isalnum``): re's word characters are those and the underscore."""


def denied_phrase(token: Token) -> bool:
    """Whether "not" denies the phrase a name heads, up to its clause's verb: "not in
    Lagos", "not Microsoft", "not for Google"; "not only in Paris" denies nothing."""
    current = token
    for _ in range(4):
        if current.pos_ in {"VERB", "AUX"}:
            return False
        for child in current.children:
            if child.dep_ == "neg" and not _restricting(child):
                return True
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def second_object(token: Token) -> bool:
    """Whether a direct object is not its verb's first: a verb takes one, and a second the
    parser hangs on it is a word of the first's phrase ("bought two copies of the charity
    single Band Aid": "Aid" is no second thing bought)."""
    if token.dep_ != "dobj":
        return False
    first = next(c for c in token.head.children if c.dep_ == "dobj")
    return first.i != token.i


def _restricting(negation: Token) -> bool:
    """ "not only", "not just": a "not" that adds rather than denies."""
    following = negation.i + 1
    return following < len(negation.doc) and negation.doc[following].lower_ in {
        "only",
        "just",
        "merely",
    }


def real_place(ctx: Context, place: Mention) -> bool:
    """A country, a place the gazetteers know, or a name NER read as a geopolitical entity:
    not a platform ("Windows-based", NER's LOC) or half a title ("of the Spotless Mind",
    NER's FAC) typed as a place."""
    if place.type is EntityType.COUNTRY or known_place(place.name) or known_place(place.text):
        return True
    return any(t.ent_type_ == "GPE" for t in ctx.mention_tokens(place))


def first_conjunct(token: Token) -> Token:
    """The first of coordinated words, which holds their shared role: "Kano" in "Kano and
    Kaduna are in northern Nigeria"."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def conjuncts(token: Token) -> list[Token]:
    """The token and every word coordinated with it ("X, Y and Z"), in order."""
    out = [token]
    for child in token.children:
        if child.dep_ == "conj":
            out.extend(conjuncts(child))
    return out


NOT_PEOPLE_HOSTS = frozenset(
    {EntityType.PLACE, EntityType.COUNTRY, EntityType.ORGANIZATION, EntityType.GROUP}
)


def title_of_misplaced_name(ctx: Context, name: Token) -> Token | None:
    """The noun a person's name is in apposition to when the parser hung the name on the
    place or body after the noun's "of" ("the 20th president of the United States, James
    Garfield, ...": Garfield under "States"). A person is never in apposition to a place or
    an organisation, so the name belongs to the noun the "of" phrase modifies."""
    if name.dep_ != "appos" or (person := ctx.mention_at(name)) is None:
        return None
    host, prep = name.head, name.head.head
    if person.type is not EntityType.PERSON or host.dep_ != "pobj" or prep.lower_ != "of":
        return None
    hosted = ctx.mention_at(host)
    if hosted is None or hosted.type not in NOT_PEOPLE_HOSTS or prep.head.pos_ != "NOUN":
        return None
    return prep.head


def misplaced_appositives(ctx: Context, noun: Token) -> list[Token]:
    """The person names title_of_misplaced_name gives back to this noun."""
    return [
        appos
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
        for appos in pobj.children
        if appos.dep_ == "appos"
        and (title := title_of_misplaced_name(ctx, appos)) is not None
        and title.i == noun.i
    ]


@lru_cache(maxsize=1 << 16)
def clean_name(text: str) -> str:
    """A mention's name without possessive ending, leading 'the' and outer punctuation (kept
    per text: every mention is named through it, and names recur)."""
    name = " ".join(text.split())
    for ending in POSSESSIVE_ENDINGS:
        if name.endswith(ending) and len(name) > len(ending):
            name = name[: -len(ending)]
            break
    if name.lower().startswith("the "):
        name = name[4:]
    name = name.strip(" \t\n\"'“”‘’()[],;:")
    # Keep the final period of an abbreviation ("U.S.", "Inc."), drop a sentence's.
    if name.endswith(".") and not re.search(r"(\b[A-Za-z]\.){2,}$|\b[A-Z][a-z]{0,3}\.$", name):
        name = name.rstrip(".")
    return name


class Context:
    """Mentions found in one article so far, indexed by token for the next extractor."""

    def __init__(self, article: Article, doc: Doc) -> None:
        self.article = article
        self.doc = doc
        self.mentions: list[Mention] = []
        self.current = ""
        self._by_token: dict[int, Mention] = {}
        self.sentences: list[Span] = list(doc.sents)
        self._sentence_of: list[int] = [0] * len(doc)
        """Each token's sentence number (the sentences cover every token)."""
        for number, sent in enumerate(self.sentences):
            self._sentence_of[sent.start : sent.end] = [number] * (sent.end - sent.start)
        self.text = article.content
        """The doc's text: the doc is of ``article.content`` (graph.nlp.parse, and every caller
        of extract), and Doc.text is rebuilt from the tokens on every access."""
        self.tokens: list[Token] = list(doc)
        """The doc's tokens, made once: ``doc[i]`` and iterating a doc make new ones each time."""
        self._starts: list[int] | None = None  # each token's first character, for tokens_from
        self._spans: dict[tuple[int, int], tuple[int, int] | None] = {}
        """Token range of each character range asked for (mentions are asked for again and
        again): ``doc.char_span``'s, None where it found none."""
        self._heads: dict[tuple[int, int], Token] = {}
        self._sentence_texts: dict[int, tuple[str, int]] = {}
        self._arrays: dict[str, list[int]] = {}
        self._by_pos: dict[str, list[Token]] = {}
        self._pos_indices: dict[str, list[int]] = {}
        self._roots: dict[int, Token] = {}
        self.notes: dict[str, object] = {}
        """Scratch space shared between extractors of one article (e.g. positions held)."""

    @cached_property
    def lowers(self) -> list[str]:
        """Each token's lower-case form (``token.lower_``), read once for the extractors that
        look every word up by it (a Token property decodes the string on each access)."""
        return self._strings("LOWER")

    @cached_property
    def lemmas(self) -> list[str]:
        """Each token's lower-cased lemma (``token.lemma_.lower()``), read once."""
        return [lemma.lower() for lemma in self._strings("LEMMA")]

    @cached_property
    def texts(self) -> list[str]:
        """Each token's text (``token.text``), read once for the extractors that look at
        every word's."""
        return self._strings("ORTH")

    @cached_property
    def pos(self) -> list[str]:
        """Each token's coarse part of speech (``token.pos_``), read once: the property makes
        an enum member on every access, and many extractors first ask every word for it."""
        from spacy.parts_of_speech import NAMES

        return [NAMES[number] for number in self._ids("POS")]

    @cached_property
    def deps(self) -> list[str]:
        """Each token's dependency label (``token.dep_``), read once."""
        return self._strings("DEP")

    def with_pos(self, *names: str) -> list[Token]:
        """The tokens of these parts of speech, in order (the words an extractor looks at
        when it starts from nouns, names or verbs; found once per set of names)."""
        key = " ".join(names)
        found = self._by_pos.get(key)
        if found is None:
            if not self._by_pos:
                for i, pos in enumerate(self.pos):
                    self._pos_indices.setdefault(pos, []).append(i)
            indices = [i for name in names for i in self._pos_indices.get(name, ())]
            if len(names) > 1:
                indices.sort()
            tokens = self.tokens
            found = self._by_pos[key] = [tokens[i] for i in indices]
        return found

    @cached_property
    def ents(self) -> list[Span]:
        """The doc's named entities (``doc.ents``, which makes its Spans anew on each access)."""
        return list(self.doc.ents)

    def span_text(self, span: Span) -> str:
        """A span's text (``span.text``), sliced from the article's: the doc is of that text,
        and a Span joins its tokens' texts on each access."""
        return self.text[span.start_char : span.end_char]

    def sentence_of(self, token: Token) -> Span:
        """The token's sentence (``token.sent``, which looks for the sentence's edges on
        every access)."""
        return self.sentences[self.sentence_index(token)]

    def _ids(self, attribute: str) -> list[int]:
        """One attribute's id for each token (one of ARRAY_ATTRIBUTES), all read from the
        doc's array in one call the first time one is asked for."""
        if not self._arrays:
            from spacy import attrs

            doc = self.doc
            names = ARRAY_ATTRIBUTES
            if len(doc):
                array = doc.to_array([getattr(attrs, name) for name in names])
                columns = array.T.tolist()
            else:
                columns = [[] for _ in names]
            self._arrays = dict(zip(names, columns, strict=True))
        return self._arrays[attribute]

    def _strings(self, attribute: str) -> list[str]:
        """One string attribute for each token; an id's string is decoded once a process
        (a hash names the same string in every vocabulary)."""
        strings = self.doc.vocab.strings
        if len(_DECODED) > DECODED_LIMIT:
            _DECODED.clear()
        ids = self._ids(attribute)
        out = list(map(_DECODED.get, ids))
        for i, text in enumerate(out):
            if text is None:
                out[i] = _DECODED[ids[i]] = strings[ids[i]]
        return out

    # ---- mentions -------------------------------------------------------------------
    def sentence_index(self, token: Token) -> int:
        return self._sentence_of[token.i]

    def sentence_root(self, token: Token) -> Token:
        """The root of the token's sentence (``token.sent.root``), found once a sentence."""
        number = self.sentence_index(token)
        root = self._roots.get(number)
        if root is None:
            root = self._roots[number] = self.sentences[number].root
        return root

    def tokens_from(self, start: int, end: int) -> range:
        """The indices of the tokens that start at a character in [start, end]."""
        if self._starts is None:
            self._starts = [t.idx for t in self.tokens]
        return range(bisect_left(self._starts, start), bisect_right(self._starts, end))

    def with_text(self, text: str) -> list[int]:
        """The indices of the tokens whose text is exactly ``text``, in order (from the doc's
        word ids: no Token or string is made for the others)."""
        from spacy.strings import get_string_id

        wanted = get_string_id(text)
        return [i for i, orth in enumerate(self._ids("ORTH")) if orth == wanted]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens overlapping a character range (a mention's span)."""
        key = (start, end)
        if key not in self._spans:
            span = self.doc.char_span(start, end, alignment_mode="expand")
            self._spans[key] = (span.start, span.end) if span is not None else None
        found = self._spans[key]
        return self.tokens[found[0] : found[1]] if found is not None else []

    def mention_tokens(self, mention: Mention) -> list[Token]:
        return self.tokens_in(mention.start, mention.end)

    def mention_head(self, mention: Mention) -> Token:
        """The syntactic head of a mention: its token whose head lies outside it."""
        key = (mention.start, mention.end)
        head = self._heads.get(key)
        if head is None:
            tokens = self.mention_tokens(mention)
            inside = {t.i for t in tokens}
            head = next(
                (t for t in tokens if t.head.i not in inside or t.head.i == t.i), tokens[-1]
            )
            self._heads[key] = head
        return head

    def mention_at(self, token: Token) -> Mention | None:
        """The mention covering this token, if any."""
        return self._by_token.get(token.i)

    def mention_of(self, token: Token) -> Mention | None:
        """The mention a token stands for: the one covering it, or for a noun phrase head,
        the one covering its compound/appositive name ("the group Hamas" -> Hamas)."""
        found = self._by_token.get(token.i)
        if found is not None:
            return found
        for child in token.children:
            if child.dep_ in {"appos", "compound"} and child.i in self._by_token:
                return self._by_token[child.i]
        if token.dep_ == "compound" and token.head.i in self._by_token:
            return self._by_token[token.head.i]  # "the bank Barclays": the noun names nothing
        following = token.i + 1
        if token.pos_ == "NOUN" and following < len(self.doc) and following in self._by_token:
            if self.doc[following].pos_ == "PROPN":
                return self._by_token[following]  # same, when the parser splits the phrase
        return None

    def add_mention(
        self,
        tokens: Span | Token | tuple[int, int],
        type: EntityType,
        *,
        name: str | None = None,
        confidence: float = 1.0,
        antecedent: Mention | None = None,
        role: str = "",
        extractor: str | None = None,
        replace: bool = False,
    ) -> Mention | None:
        """Record a mention over tokens (or a (start, end) character range inside one token).

        Returns None when the span overlaps an earlier mention, unless ``replace``.
        """
        if isinstance(tokens, tuple):
            start, end = tokens
            token_ids = [t.i for t in self.tokens_in(start, end)]
        else:
            span = tokens if not hasattr(tokens, "i") else self.doc[tokens.i : tokens.i + 1]
            start, end = span.start_char, span.end_char
            token_ids = list(range(span.start, span.end))
        if not token_ids or start >= end:
            return None
        text = self.text[start:end]
        overlapping = {self._by_token[i] for i in token_ids if i in self._by_token}
        if overlapping and not replace:
            return None
        for old in overlapping:
            self.remove_mention(old)
        sentence = self._sentence_of[token_ids[0]]
        mention = Mention(
            article_id=self.article.id,
            start=start,
            end=end,
            text=text,
            type=type,
            sentence=sentence,
            extractor=extractor or self.current,
            confidence=confidence,
            name=clean_name(text) if name is None else name,
            antecedent=antecedent.span if antecedent is not None else None,
            role=role,
        )
        self.mentions.append(mention)
        for i in token_ids:
            self._by_token[i] = mention
        return mention

    def holds(self, mention: Mention) -> bool:
        """``mention in self.mentions``, comparing whole records only where the span is the
        same (a record's == compares every field)."""
        start, end = mention.start, mention.end
        return any(
            m is mention or (m.start == start and m.end == end and m == mention)
            for m in self.mentions
        )

    def referent(self, mention: Mention) -> Mention:
        """The named mention a pronoun or description finally refers to (itself if named)."""
        if mention.antecedent is None:
            return mention  # most are named: no need to index the mentions
        by_span = {m.span: m for m in self.mentions}
        seen = set()
        while mention.antecedent is not None and mention.antecedent in by_span:
            if mention.span in seen:
                break
            seen.add(mention.span)
            mention = by_span[mention.antecedent]
        return mention

    def remove_mention(self, mention: Mention) -> None:
        del self.mentions[self._index_of(mention)]
        for i in self._indexed_at(mention):
            del self._by_token[i]

    def set_value(self, mention: Mention, value: str) -> Mention:
        """Replace a (frozen) mention by a copy carrying a normalised value; same span."""
        updated = replace(mention, value=value)
        self.mentions[self._index_of(mention)] = updated
        for i in self._indexed_at(mention):
            self._by_token[i] = updated
        return updated

    def _index_of(self, mention: Mention) -> int:
        """``self.mentions.index(mention)``, comparing whole records only at the same span."""
        start, end = mention.start, mention.end
        for number, m in enumerate(self.mentions):
            if m is mention or (m.start == start and m.end == end and m == mention):
                return number
        raise ValueError(f"{mention!r} is not among the mentions")

    def _indexed_at(self, mention: Mention) -> list[int]:
        """The tokens indexed to this very mention: add_mention indexes a mention at the
        tokens of its own span, so only those are looked at, not the whole index."""
        found = self.tokens_in(mention.start, mention.end)
        return [t.i for t in found if self._by_token.get(t.i) is mention]

    def mentions_before(self, token: Token, types: Iterable[EntityType]) -> list[Mention]:
        """Mentions of the given types that end before ``token``, nearest first."""
        wanted = set(types)
        found = [m for m in self.mentions if m.type in wanted and m.end <= token.idx]
        return sorted(found, key=lambda m: -m.end)

    # ---- relations ------------------------------------------------------------------
    def evidence(self, tokens: Iterable[Token], confidence: float) -> Evidence:
        tokens = list(tokens)
        first = min(tokens, key=lambda t: t.i)
        last = max(tokens, key=lambda t: t.i)
        sentence, sentence_start = self._sentence_text(self.sentence_index(first))
        return Evidence(
            article_id=self.article.id,
            sentence=sentence,
            sentence_start=sentence_start,
            start=first.idx,
            end=last.idx + len(last),
            extractor=self.current,
            confidence=round(confidence, 3),
        )

    def _sentence_text(self, number: int) -> tuple[str, int]:
        """A sentence's text without its outer spaces and where that starts (once each)."""
        found = self._sentence_texts.get(number)
        if found is None:
            sent = self.sentences[number]
            text = self.text[sent.start_char : sent.end_char]
            found = (text.strip(), sent.start_char + (len(text) - len(text.lstrip())))
            self._sentence_texts[number] = found
        return found

    def relation(
        self,
        subject: Mention,
        predicate: str,
        object: Mention,
        tokens: Iterable[Token],
        *,
        confidence: float = 0.8,
        stance: Stance = Stance.ASSERTED,
        speaker: Mention | None = None,
    ) -> RelationMention:
        evidence = self.evidence(tokens, confidence)
        if stance in (Stance.ASSERTED, Stance.REPORTED) and self._denied(evidence, subject, object):
            stance = Stance.NEGATED  # "lives in Washington, not in Lagos"
        return RelationMention(
            subject=subject,
            predicate=check_predicate(predicate),
            object=object,
            stance=stance,
            evidence=evidence,
            speaker=speaker,
        )

    def _denied(self, evidence: Evidence, *ends: Mention) -> bool:
        """Whether the phrase that brings one end of a relation into its sentence is denied
        ("works for Google, not for Microsoft", "in Lagos, not Abuja"): every rule's clause
        stance looks at the verb, the denial here sits on the phrase."""
        sentence_end = evidence.sentence_start + len(evidence.sentence)
        for end in ends:
            if evidence.sentence_start <= end.start < sentence_end and end.end <= sentence_end:
                tokens = self.mention_tokens(end)
                if tokens and denied_phrase(self.mention_head(end)):
                    return True
        return False
