"""The shipped entity-type corrector (graph/learn/types.json.gz, written by
``python -m graph.learn.train_types``): a linear model over what is around one NER name
(its NER label, words before and after, its head's dependency and governor, its shape,
gazetteer hits) that says whether it names a person, an organisation or a place. Pure
Python at run time; scikit-learn is only needed to train. graph/extract/entity_types.py
asks it only about a name no rule has evidence for, and takes its answer only when it is
confident and disagrees with NER."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span

from graph import lexicon
from graph.extract.coref_lexicon import given_names
from graph.learn.linear import read_model, softmax

MODEL = Path(__file__).resolve().parent / "types.json.gz"
LABELS = {"PERSON": "P", "ORG": "O", "GPE": "L", "LOC": "L", "FAC": "L", "NORP": "X"}
"""NER labels the model reads, as its classes: person, organisation, place, other."""


def _shape(word: str) -> str:
    return "".join(
        "X" if c.isupper() else "x" if c.islower() else "d" if c.isdigit() else c for c in word
    )[:4]


def features(span: Span, label: str) -> dict[str, float]:
    """The features of one name ``span`` NER labelled ``label``."""
    doc, head = span.doc, span.root
    found = {
        "ner=" + label: 1.0,
        "dep=" + head.dep_: 1.0,
        "hh=" + head.head.lemma_.lower(): 1.0,
        "dep_hh=" + head.dep_ + "_" + head.head.lemma_.lower(): 1.0,
        "last=" + span[-1].lower_: 1.0,
        "first=" + span[0].lower_: 1.0,
        "n=" + str(min(len(span), 4)): 1.0,
        "shape=" + _shape(span[-1].text): 1.0,
    }
    if span.start > 0:
        before = doc[span.start - 1]
        found["prev=" + before.lower_] = 1.0
        if span.start > 1:
            found["prev2=" + doc[span.start - 2].lower_ + "_" + before.lower_] = 1.0
    if span.end < len(doc):
        after = doc[span.end]
        found["next=" + after.lower_] = 1.0
        if span.end + 1 < len(doc):
            found["next2=" + after.lower_ + "_" + doc[span.end + 1].lower_] = 1.0
    name = span.text
    flags = {
        "city": lexicon.is_city(name),
        "region": lexicon.is_region(name),
        "country": bool(lexicon.country_name(name)),
        "given": span[0].text in given_names(),
        "upper": name.isupper(),
    }
    found.update({flag: 1.0 for flag, on in flags.items() if on})
    return found


@lru_cache(maxsize=2)
def load_model(path: Path = MODEL) -> dict | None:
    """The model as saved (classes, intercept, weights, threshold), or None."""
    return read_model(path)


def probabilities(model: dict, found: dict[str, float]) -> dict[str, float]:
    """The softmax probability of each class for one name's features."""
    return softmax(model, found, "classes")


def corrected_class(span: Span, label: str, model: dict | None = None) -> str | None:
    """ "P", "O" or "L" when the model is confident that a name NER labelled ``label`` is of
    another class, else None."""
    model = model if model is not None else load_model()
    if model is None or LABELS.get(label, "X") == "X":
        return None
    ranked = probabilities(model, features(span, label))
    best = max(ranked, key=ranked.__getitem__)
    if best in {"X", LABELS[label]} or ranked[best] < model["threshold"]:
        return None
    return best
