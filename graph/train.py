"""``newsgraph train relations``: fit the relation classifier on CoNLL04-format data.

A logistic regression (scikit-learn) over graph/relation_features.py features of every
ordered pair of gold entities in a sentence whose types fit a label (the rest are NONE).
Reproducible (fixed seed, sorted data); minutes on a CPU. The model is saved as gzipped
JSON (feature -> weights per label), small enough to ship in the package.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from graph.cli import commands
from graph.evaluate import SIGNATURES, Record, read_conll04

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "relations.json.gz"
MIN_COUNT = 2


def examples(records: list[Record], model: str | None = None):  # noqa: ANN201
    """(features, label) for every type-compatible ordered pair of gold entities."""
    from graph.evaluate import _token_offsets
    from graph.nlp import load
    from graph.relation_features import pair_features

    nlp = load(model)
    signatures = set(SIGNATURES.values())
    texts = [_token_offsets(r.tokens)[0] for r in records]
    for doc, record in zip(nlp.pipe(texts, batch_size=64), records, strict=True):
        _, starts = _token_offsets(record.tokens)
        spans = {}
        for entity in record.entities:
            start = starts[entity[0]]
            end = starts[entity[1] - 1] + len(record.tokens[entity[1] - 1])
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                spans[entity] = span
        gold = {(h, t): label for label, h, t in record.relations}
        for head, head_span in spans.items():
            for tail, tail_span in spans.items():
                if head == tail or (head[2], tail[2]) not in signatures:
                    continue
                label = gold.get((head, tail), "NONE")
                yield pair_features(head_span, tail_span, head[2], tail[2]), label


def train(train_file: Path, output: Path, c: float = 0.5, model: str | None = None) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    started = time.perf_counter()
    data = list(examples(read_conll04(train_file), model))
    counts: dict[str, int] = {}
    for feats, _ in data:
        for name in feats:
            counts[name] = counts.get(name, 0) + 1
    kept = [{k: v for k, v in f.items() if counts[k] >= MIN_COUNT} for f, _ in data]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept)
    y = [label for _, label in data]
    classifier = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=0)
    classifier.fit(x, y)
    names = vectorizer.get_feature_names_out()
    weights = {
        name: [round(float(w), 4) for w in classifier.coef_[:, i]]
        for i, name in enumerate(names)
        if any(abs(w) >= 1e-3 for w in classifier.coef_[:, i])
    }
    saved = {
        "labels": [str(label) for label in classifier.classes_],
        "intercept": [round(float(b), 4) for b in classifier.intercept_],
        "weights": weights,
        "trained_on": train_file.name,
        "examples": len(data),
        "C": c,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    with gzip.open(output, "wt", encoding="utf-8") as handle:
        json.dump(saved, handle, sort_keys=True)
    return {
        "examples": len(data),
        "features": len(weights),
        "labels": saved["labels"],
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": output.stat().st_size,
    }


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["relations"], help="the model to train")
    p.add_argument("--train", type=Path, required=True, help="CoNLL04-format training file")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_MODEL)
    p.add_argument("--c", type=float, default=0.5, help="inverse regularisation strength")
    p.add_argument("--model", help="spaCy pipeline name")


def _run(args: argparse.Namespace) -> int:
    print(json.dumps(train(args.train, args.output, args.c, args.model)))
    return 0


commands.register("train", help="train the relation classifier on CoNLL04-format data")(
    (_configure, _run)
)
