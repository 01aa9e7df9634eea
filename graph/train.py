"""``newsgraph train relations``: fit the relation classifier on CoNLL04-format data.

A logistic regression (scikit-learn) over graph/relation_features.py features of ordered pairs
of entities in a sentence whose types fit a label (the rest are NONE). Two sources of pairs:
the gold entities, and the named mentions the rule pipeline finds (the pairs the classifier
will meet at run time, with its span and type errors), labelled where both map onto a gold
relation. The decision threshold is chosen by 5-fold cross-validation on the training file
alone, so the dev file stays unseen. Reproducible (fixed seeds, data in file order); well
under a minute on a CPU. The model is saved as gzipped JSON (feature -> weight per label),
small enough to ship in the package.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from graph.cli import commands
from graph.evaluate import SIGNATURES, Record, read_conll04

DEFAULT_MODEL = Path(__file__).resolve().parent / "models" / "relations.json.gz"
MIN_COUNT = 2
FOLDS = 5
THRESHOLDS = [round(0.4 + 0.05 * i, 2) for i in range(11)]  # 0.4 ... 0.9


@dataclass(frozen=True, slots=True)
class Example:
    features: dict[str, float]
    label: str
    record: int
    from_pipeline: bool
    """A pair of pipeline mentions (True) or of gold entities (False)."""


def examples(records: list[Record], model: str | None = None) -> Iterator[Example]:
    """Labelled pairs from each record: gold entity pairs and rule-pipeline mention pairs."""
    from graph.evaluate import _token_offsets, conll_spans, parse_records
    from graph.extract import extract, extractors, load_all
    from graph.extract.classifier import candidate_pairs
    from graph.relation_features import pair_features

    load_all()
    rules = [name for name in extractors.names() if name != "relation_classifier"]
    signatures = set(SIGNATURES.values())
    for number, (article, doc, record) in enumerate(parse_records(records, model)):
        gold = {(h, t): label for label, h, t in record.relations}
        _, starts = _token_offsets(record.tokens)
        spans = {}
        for entity in record.entities:
            end = starts[entity[1] - 1] + len(record.tokens[entity[1] - 1])
            span = doc.char_span(starts[entity[0]], end, alignment_mode="expand")
            if span is not None:
                spans[entity] = span
        for head, head_span in spans.items():
            for tail, tail_span in spans.items():
                if head != tail and (head[2], tail[2]) in signatures:
                    features = pair_features(head_span, tail_span, head[2], tail[2])
                    yield Example(features, gold.get((head, tail), "NONE"), number, False)
        extraction = extract(article, doc, rules)
        mapped = conll_spans(extraction.mentions, record)
        for head, tail, types, head_span, tail_span in candidate_pairs(extraction.mentions, doc):
            pair = (mapped.get(head.span), mapped.get(tail.span))
            label = gold.get(pair, "NONE") if None not in pair else "NONE"
            yield Example(pair_features(head_span, tail_span, *types), label, number, True)


def _fit(data: list[Example], c: float):  # noqa: ANN202
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for example in data for name in example.features)
    kept = [{k: v for k, v in e.features.items() if counts[k] >= MIN_COUNT} for e in data]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept)
    classifier = LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=0)
    classifier.fit(x, [e.label for e in data])
    return vectorizer, classifier


def _decisions(vectorizer, classifier, data: list[Example]) -> list[tuple[str, float]]:  # noqa: ANN001
    """(best label, its probability) for each example."""
    probabilities = classifier.predict_proba(vectorizer.transform([e.features for e in data]))
    labels = list(classifier.classes_)
    return [(labels[row.argmax()], float(row.max())) for row in probabilities]


def _f1(decided: list[tuple[Example, str, float]], threshold: float, gold: int) -> float:
    """Relation F1 of the pipeline pairs at a threshold, against ``gold`` relations."""
    predicted = [(e, label) for e, label, p in decided if label != "NONE" and p >= threshold]
    tp = sum(1 for e, label in predicted if label == e.label)
    return 2 * tp / (len(predicted) + gold) if predicted or gold else 0.0


def choose_threshold(data: list[Example], records: list[Record], c: float) -> float:
    """The probability threshold with the best cross-validated relation F1 on pipeline pairs."""
    from sklearn.model_selection import KFold

    decided: list[tuple[Example, str, float]] = []
    folds = KFold(min(FOLDS, len(records)), shuffle=True, random_state=0)
    folds = folds.split(range(len(records)))
    for _, held_out in folds:
        held = set(held_out.tolist())
        fitted = _fit([e for e in data if e.record not in held], c)
        test = [e for e in data if e.record in held and e.from_pipeline]
        decided += [(e, *d) for e, d in zip(test, _decisions(*fitted, test), strict=True)]
    gold = sum(len(r.relations) for r in records)
    return max(THRESHOLDS, key=lambda t: (_f1(decided, t, gold), -t))


def train(
    train_file: Path,
    output: Path,
    c: float = 1.0,
    model: str | None = None,
    dev_file: Path | None = None,
) -> dict:
    started = time.perf_counter()
    records = read_conll04(train_file)
    data = list(examples(records, model))
    threshold = choose_threshold(data, records, c)
    vectorizer, classifier = _fit(data, c)
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
        "threshold": threshold,
        "trained_on": train_file.name,
        "examples": len(data),
        "C": c,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as handle:
        handle.write(json.dumps(saved, sort_keys=True).encode("utf-8"))  # same bytes every run
    report = {
        "examples": len(data),
        "features": len(weights),
        "labels": saved["labels"],
        "threshold": threshold,
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": output.stat().st_size,
    }
    if dev_file is not None:
        dev_records = read_conll04(dev_file)
        dev = [e for e in examples(dev_records, model) if e.from_pipeline]
        decisions = _decisions(vectorizer, classifier, dev)
        decided = [(e, *d) for e, d in zip(dev, decisions, strict=True)]
        gold = sum(len(r.relations) for r in dev_records)
        report["dev_classifier_f1"] = round(_f1(decided, threshold, gold), 4)
    return report


def _configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=["relations"], help="the model to train")
    p.add_argument("--train", type=Path, required=True, help="CoNLL04-format training file")
    p.add_argument("--dev", type=Path, help="CoNLL04-format file to report on (not tuned on)")
    p.add_argument("-o", "--output", type=Path, default=DEFAULT_MODEL)
    p.add_argument("--c", type=float, default=1.0, help="inverse regularisation strength")
    p.add_argument("--model", help="spaCy pipeline name")


def _run(args: argparse.Namespace) -> int:
    print(json.dumps(train(args.train, args.output, args.c, args.model, args.dev)))
    return 0


commands.register("train", help="train the relation classifier on CoNLL04-format data")(
    (_configure, _run)
)
