"""PathMatcher against spaCy's DependencyMatcher: the same matches in the same order, on
the organisation and transfer rows and on hand-made parses."""

from __future__ import annotations

import pytest
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from graph.errors import SchemaError
from graph.extract import organisations, transfers
from graph.extract.dependency_paths import PathMatcher
from graph.extract.organisations import _compile

TEXTS = [
    "Boeing unveiled its new 787 jet, and Airbus released the A380 in Toulouse.",
    "Instagram, a unit of Meta, is owned and controlled by Meta, which also owns WhatsApp.",
    "Volkswagen holds a 30% stake in Porsche, while Tata Steel agreed to buy Corus and Jaguar.",
    "The European Commission is suing AstraZeneca, the drugmaker based in Cambridge.",
    "The film Parasite was directed by Bong Joon-ho and starred Song Kang-ho.",
    "Toyota, which owns Daihatsu and Hino, launched the Prius, its hybrid car, in Japan.",
    "Ronaldo joined Juventus from Real Madrid, and Chelsea signed Drogba from Marseille.",
    "Liverpool beat Everton and Arsenal, and will face Roma in the final.",
    "The Nigerian striker moved to Inter Milan on loan after Barcelona turned down bids for him.",
    "Infosys, the Indian software firm, bought a stake in the Brazilian bank Itau.",
]


def spacy_matches(table, doc: Doc) -> list[tuple[str, list[int]]]:  # noqa: ANN001
    """What the extractors matched before: one DependencyMatcher, sentence by sentence."""
    matcher = DependencyMatcher(doc.vocab)
    for name, pattern in table.items():
        matcher.add(name, [_compile(pattern, "LEMMA"), _compile(pattern, "LOWER")])
    found = []
    for sent in doc.sents:
        for match_id, ids in matcher(sent):
            found.append((doc.vocab.strings[match_id], [sent.start + i for i in ids]))
    return found


@pytest.fixture(scope="module")
def docs() -> list[Doc]:
    from graph import nlp

    return list(nlp.load().pipe(TEXTS))


@pytest.mark.parametrize("table", [organisations.patterns, transfers.patterns])
def test_same_matches_in_the_same_order_as_the_dependency_matcher(docs, table) -> None:  # noqa: ANN001
    rows = table()
    matcher = organisations.matcher(rows)
    total = 0
    for doc in docs:
        expected = spacy_matches(rows, doc)
        assert list(matcher(doc)) == expected, doc.text
        total += len(expected)
    assert total >= 5  # the texts do hold cues of both tables


def _doc(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    from graph import nlp

    vocab = nlp.load().vocab
    starts = [True] + [False] * (len(words) - 1)
    return Doc(vocab, words=words, heads=heads, deps=deps, pos=pos, sent_starts=starts)


OWN = [
    {
        "RIGHT_ID": "anchor",
        "RIGHT_ATTRS": {"LEMMA": {"IN": ["own", "own"]}, "POS": {"IN": ["VERB"]}},
    },
    {
        "LEFT_ID": "anchor",
        "REL_OP": ">",
        "RIGHT_ID": "subject",
        "RIGHT_ATTRS": {"DEP": {"IN": ["nsubj"]}},
    },
    {
        "LEFT_ID": "anchor",
        "REL_OP": ">",
        "RIGHT_ID": "object",
        "RIGHT_ATTRS": {"DEP": {"IN": ["dobj", "conj"]}},
    },
]


def test_a_word_listed_twice_matches_once() -> None:
    doc = _doc(
        ["Ann", "owns", "Bix"], [1, 1, 1], ["nsubj", "ROOT", "dobj"], ["PROPN", "VERB", "PROPN"]
    )
    doc[1].lemma_ = "own"
    matcher = PathMatcher()
    matcher.add("own", [OWN])
    assert list(matcher(doc)) == [("own", [1, 0, 2])]


def test_every_combination_of_children_in_text_order() -> None:
    words = ["Ann", "and", "Bo", "own", "Cy", "and", "Di"]
    heads = [3, 0, 0, 3, 3, 4, 3]
    deps = ["nsubj", "cc", "conj", "ROOT", "dobj", "cc", "conj"]
    pos = ["PROPN", "CCONJ", "PROPN", "VERB", "PROPN", "CCONJ", "PROPN"]
    doc = _doc(words, heads, deps, pos)
    doc[3].lemma_ = "own"
    matcher = PathMatcher()
    matcher.add("own", [OWN])
    spacy = DependencyMatcher(doc.vocab)
    spacy.add("own", [OWN])
    assert list(matcher(doc)) == [("own", [3, 0, 4]), ("own", [3, 0, 6])]
    assert [(doc.vocab.strings[k], ids) for k, ids in spacy(doc)] == list(matcher(doc))


def test_a_span_of_two_trees_goes_to_spacy() -> None:
    # "Ann owns Bix Cy owns Di" taken as one sentence: two roots, an order spaCy's own
    words = ["Ann", "owns", "Bix", "Cy", "owns", "Di"]
    heads = [1, 1, 1, 4, 4, 4]
    deps = ["nsubj", "ROOT", "dobj", "nsubj", "ROOT", "dobj"]
    pos = ["PROPN", "VERB", "PROPN", "PROPN", "VERB", "PROPN"]
    doc = _doc(words, heads, deps, pos)
    for i in (1, 4):
        doc[i].lemma_ = "own"
    matcher = PathMatcher()
    matcher.add("own", [OWN])
    spacy = DependencyMatcher(doc.vocab)
    spacy.add("own", [OWN])
    expected = [(doc.vocab.strings[k], ids) for k, ids in spacy(doc[:])]
    assert list(matcher.sentence(doc, doc[:])) == expected
    assert sorted(ids for _, ids in expected) == [[1, 0, 2], [4, 3, 5]]
    # a span an arc leaves ("owns" -> "Ann" outside it): spaCy's too
    assert list(matcher.sentence(doc, doc[1:3])) == [
        (doc.vocab.strings[k], [1 + i for i in ids]) for k, ids in spacy(doc[1:3])
    ]


@pytest.mark.parametrize(
    "pattern",
    [
        [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"POS": {"IN": ["VERB"]}}}],  # nothing to index
        [
            {"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": {"IN": ["own"]}}},
            {"LEFT_ID": "anchor", "REL_OP": ">>", "RIGHT_ID": "x", "RIGHT_ATTRS": {}},
        ],
        [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": {"LEMMA": "own"}}],
        [
            {
                "RIGHT_ID": "anchor",
                "RIGHT_ATTRS": {"LEMMA": {"IN": ["own"]}, "ENT_TYPE": {"IN": ["ORG"]}},
            }
        ],
    ],
)
def test_what_it_cannot_match_is_refused(pattern) -> None:  # noqa: ANN001
    with pytest.raises(SchemaError):
        PathMatcher().add("bad", [pattern])


@pytest.mark.parametrize(
    "text",
    [
        "Siemens, based in Munich, cut 2,000 jobs. Then it hired more in Brazil.",
        "Toyota's chief executive said on Monday that the firm would build a plant in Kentucky.",
    ],
)
def test_word_ids_are_each_tokens_lemma_lower_and_head(text: str) -> None:
    from graph import nlp

    doc = nlp.load()(text)
    lemmas, lowers, heads = PathMatcher()._word_ids(doc)
    assert lemmas == [t.lemma for t in doc] and lowers == [t.lower for t in doc]
    assert heads == [t.head.i for t in doc]
