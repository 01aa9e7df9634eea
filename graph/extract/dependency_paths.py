"""A faster stand-in for spaCy's DependencyMatcher over patterns that are paths from one
anchor token: each step a child (``>``) or the head (``<``), each node tested on its lemma,
lower-case form, part of speech or dependency label (``{"IN": [...]}``).

spaCy's DependencyMatcher runs every node of every pattern as a token pattern over every
token of the text, then joins the results: with the organisation rows that was about 20 ms a
sentence, most of a build's extraction. Here a sentence looks up the patterns whose anchor
word it holds and walks the parse from each anchor, so the cost follows the cue words.
The matches, and their order, are the DependencyMatcher's (tests compare the two): by
pattern in the order added, then each pattern's alternatives, then the matched tokens in
text order, node by node. A sentence that is not one parse tree (its order of matches
depends on the matcher's internals there) goes to spaCy's own DependencyMatcher.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from graph.errors import SchemaError

if TYPE_CHECKING:
    from spacy.matcher import DependencyMatcher
    from spacy.tokens import Doc, Span, Token

ATTRIBUTES = {"LEMMA": "lemma_", "LOWER": "lower_", "POS": "pos_", "DEP": "dep_"}
"""The token attributes a node may test, by their DependencyMatcher name."""
INDEXED = ("LEMMA", "LOWER")
"""Anchor attributes a sentence is searched by (a pattern's anchor must test one)."""

Test = tuple[str, frozenset[str]]


@dataclass(frozen=True, slots=True)
class Step:
    """One node after the anchor: reached from node ``left`` by ``op``, then tested."""

    left: int
    op: str
    tests: tuple[Test, ...]


@dataclass(frozen=True, slots=True)
class Rule:
    """One alternative of one pattern, compiled; ``order`` is its place among all added."""

    order: int
    key: str
    anchor: tuple[Test, ...]
    steps: tuple[Step, ...]


def _tests(attrs: dict, where: str) -> tuple[Test, ...]:
    tests = []
    for name, value in attrs.items():
        if name not in ATTRIBUTES or not isinstance(value, dict) or set(value) != {"IN"}:
            raise SchemaError(
                f"{where}: cannot match {name}={value!r} (expected one of "
                f"{sorted(ATTRIBUTES)} with {{'IN': [...]}})"
            )
        tests.append((ATTRIBUTES[name], frozenset(value["IN"])))
    return tuple(tests)


class _Words:
    """One doc's tokens, their children and their tested attributes, each read once while a
    sentence is matched: the patterns sharing an anchor word walk from the same tokens."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self._tokens: dict[int, Token] = {}
        self._children: dict[int, list[Token]] = {}
        self._values: dict[tuple[int, str], str] = {}

    def token(self, i: int) -> Token:
        found = self._tokens.get(i)
        if found is None:
            found = self._tokens[i] = self.doc[i]
        return found

    def children(self, token: Token) -> list[Token]:
        found = self._children.get(token.i)
        if found is None:
            found = self._children[token.i] = [self.token(c.i) for c in token.children]
        return found

    def passes(self, token: Token, tests: tuple[Test, ...]) -> bool:
        values = self._values
        for attr, allowed in tests:
            key = (token.i, attr)
            value = values.get(key)
            if value is None:
                value = values[key] = getattr(token, attr)
            if value not in allowed:
                return False
        return True


class PathMatcher:
    """Patterns in DependencyMatcher's format (``add(key, [pattern, ...])``); called on a
    doc, the (key, token indices) the DependencyMatcher finds sentence by sentence."""

    _doc_ids: tuple[Doc | None, list[int], list[int], list[int]] = (None, [], [], [])
    """The last doc's word ids (``_word_ids``), shared by every matcher: each extractor's
    matcher reads the same doc in turn."""

    def __init__(self) -> None:
        self._rules: list[Rule] = []
        self._raw: list[tuple[str, list[list[dict]]]] = []
        self._index: dict[str, dict[str, list[Rule]]] = {a: defaultdict(list) for a in INDEXED}
        self._spacy: dict[int, DependencyMatcher] = {}
        self._by_id: tuple[dict[int, list[Rule]], dict[int, list[Rule]]] | None = None

    def add(self, key: str, patterns: list[list[dict]]) -> None:
        self._raw.append((key, patterns))
        self._by_id = None
        for pattern in patterns:
            where = f"pattern {key!r}"
            anchor, *rest = pattern
            ids = {anchor["RIGHT_ID"]: 0}
            steps = []
            for node in rest:
                if node.get("REL_OP") not in {">", "<"} or node.get("LEFT_ID") not in ids:
                    raise SchemaError(f"{where}: a step must be '>' or '<' from a node before it")
                steps.append(
                    Step(
                        ids[node["LEFT_ID"]],
                        node["REL_OP"],
                        _tests(node.get("RIGHT_ATTRS", {}), where),
                    )
                )
                ids[node["RIGHT_ID"]] = len(ids)
            attrs = anchor.get("RIGHT_ATTRS", {})
            indexed = [a for a in INDEXED if a in attrs]
            if not indexed:
                raise SchemaError(f"{where}: the anchor must test one of {INDEXED}")
            rule = Rule(len(self._rules), key, _tests(attrs, where), tuple(steps))
            self._rules.append(rule)
            for word in dict.fromkeys(attrs[indexed[0]]["IN"]):  # a word listed twice is one
                self._index[indexed[0]][word].append(rule)

    def __call__(self, doc: Doc) -> Iterator[tuple[str, list[int]]]:
        for sent in doc.sents:
            yield from self.sentence(doc, sent)

    def sentence(self, doc: Doc, sent: Span) -> Iterator[tuple[str, list[int]]]:
        """The matches in one sentence, as doc token indices."""
        lemmas, lowers = self._rules_by_id()
        lemma_ids, lower_ids, heads = self._word_ids(doc)
        found: list[tuple[int, int, Rule]] = []
        for i in range(sent.start, sent.end):
            rules = lemmas.get(lemma_ids[i])
            if rules is not None:
                found.extend((rule.order, i, rule) for rule in rules)
            rules = lowers.get(lower_ids[i])
            if rules is not None:
                found.extend((rule.order, i, rule) for rule in rules)
        if not found:
            return
        if not _one_tree(sent, heads):
            yield from self._spacy_matches(doc, sent)
            return
        found.sort(key=lambda item: item[:2])
        words = _Words(doc)
        for _, i, rule in found:
            anchor = words.token(i)
            if words.passes(anchor, rule.anchor):
                for nodes in _walk(rule.steps, [anchor], 0, sent, words):
                    yield rule.key, [t.i for t in nodes]

    def _rules_by_id(self) -> tuple[dict[int, list[Rule]], dict[int, list[Rule]]]:
        """The anchor index by the words' string ids, which the doc holds as numbers."""
        if self._by_id is None:
            from spacy.strings import get_string_id

            lemmas, lowers = (
                {get_string_id(word): rules for word, rules in self._index[a].items() if rules}
                for a in INDEXED
            )
            self._by_id = (lemmas, lowers)
        return self._by_id

    def _word_ids(self, doc: Doc) -> tuple[list[int], list[int], list[int]]:
        """Each token's lemma and lower-case ids and its head's index, read once per doc from
        its arrays rather than a Token and two strings per word for every sentence and
        matcher."""
        if self._doc_ids[0] is not doc:
            from spacy.attrs import HEAD, LEMMA, LOWER

            if len(doc):
                array = doc.to_array([LEMMA, LOWER, HEAD])
                lemmas, lowers = array[:, 0].tolist(), array[:, 1].tolist()
                offsets = array[:, 2].view("int64").tolist()  # a head before is negative
                heads = [i + offset for i, offset in enumerate(offsets)]
            else:
                lemmas, lowers, heads = [], [], []
            PathMatcher._doc_ids = (doc, lemmas, lowers, heads)
        return self._doc_ids[1], self._doc_ids[2], self._doc_ids[3]

    def _spacy_matches(self, doc: Doc, sent: Span) -> Iterator[tuple[str, list[int]]]:
        from spacy.matcher import DependencyMatcher

        key = id(doc.vocab)
        if key not in self._spacy:
            self._spacy[key] = DependencyMatcher(doc.vocab)
            for name, patterns in self._raw:
                self._spacy[key].add(name, patterns)
        for match_id, token_ids in self._spacy[key](sent):
            yield doc.vocab.strings[match_id], [sent.start + i for i in token_ids]


def _walk(
    steps: tuple[Step, ...], nodes: list[Token], at: int, sent: Span, words: _Words
) -> Iterator[list[Token]]:
    """Every way to place the steps from ``at`` on, nodes in text order step by step (the
    order of DependencyMatcher's product of candidates), inside the sentence (spaCy's
    matcher sees a copy of it alone)."""
    if at == len(steps):
        yield nodes
        return
    step = steps[at]
    left = nodes[step.left]
    if step.op == ">":
        candidates = [
            c
            for c in words.children(left)
            if sent.start <= c.i < sent.end and words.passes(c, step.tests)
        ]
    else:
        head = words.token(left.head.i)
        candidates = [head] if head.i != left.i and words.passes(head, step.tests) else []
    for token in candidates:
        yield from _walk(steps, [*nodes, token], at + 1, sent, words)


def _one_tree(sent: Span, heads: list[int]) -> bool:
    """The sentence is one parse tree: one root, no arc leaving it (``heads``: each token's
    head's index in the doc)."""
    roots = 0
    start, end = sent.start, sent.end
    for i in range(start, end):
        head = heads[i]
        if head == i:
            roots += 1
        elif not start <= head < end:
            return False
    return roots == 1
