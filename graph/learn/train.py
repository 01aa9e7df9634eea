"""Training the relation model (``newsgraph train relations``).

A multinomial logistic regression (scikit-learn) over graph/learn/features.py features of
every ordered pair of entities in a sentence of Re-DocRED and CoNLL04 train, labelled with an
ontology predicate or NONE. The documents are split once (fixed seed) into a training part and
a held-out part; the shipped model is fitted on the training part only, and each relation's
probability threshold is the one with the best F1 on the held-out part among those at which
the pairs it would write there (cue gate and domain/range applied, as at run time) are at
least STATEMENT_PRECISION right. The classifier writes statements only (candidate facts with
a confidence, graph/schema/statement_only.tsv), so the bar is that of the statement layer,
not of bare triples; a relation that never reaches it is not written at all. The model is
saved as gzipped JSON weights, read without scikit-learn at run time.
"""

from __future__ import annotations

import gzip
import json
import random
import time
from collections import Counter
from pathlib import Path

from graph.learn.data import (
    NONE,
    Example,
    conll04_sentences,
    examples,
    redocred_sentences,
)
from graph.learn.gate import supported
from graph.learn.labels import CLASSES, fits
from graph.learn.model import MODEL

HELD_OUT = 0.2
SEED = 0
MIN_COUNT = 2
STATEMENT_PRECISION = 0.5
"""Held-out precision a relation needs at its threshold to be written (as statements)."""
MIN_PREDICTED = 5
"""A threshold needs this many held-out pairs written to be trusted."""
THRESHOLDS = [round(0.05 * i, 2) for i in range(2, 20)]  # 0.10 ... 0.95


def split(data: list[Example], held_out: float = HELD_OUT, seed: int = SEED) -> tuple[list, list]:
    """(training, held-out) examples, split by document with a fixed seed."""
    docs = sorted({e.doc for e in data})
    random.Random(seed).shuffle(docs)
    kept = set(docs[: round(len(docs) * held_out)])
    return [e for e in data if e.doc not in kept], [e for e in data if e.doc in kept]


def fit(data: list[Example], c: float):  # noqa: ANN201
    """A fitted (vectorizer, classifier) on features seen at least MIN_COUNT times."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    counts = Counter(name for example in data for name in example.features)
    kept = [{k: v for k, v in e.features.items() if counts[k] >= MIN_COUNT} for e in data]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept)
    classifier = LogisticRegression(C=c, max_iter=500, random_state=SEED)
    classifier.fit(x, [e.label for e in data])
    return vectorizer, classifier


def decisions(vectorizer, classifier, data: list[Example]) -> list[tuple[str, float]]:  # noqa: ANN001
    """(most probable relation other than NONE, its probability) for each example."""
    probabilities = classifier.predict_proba(vectorizer.transform([e.features for e in data]))
    labels = list(classifier.classes_)
    none = labels.index(NONE)
    out = []
    for row in probabilities:
        row = row.copy()
        row[none] = -1.0
        best = int(row.argmax())
        out.append((labels[best], float(row[best])))
    return out


def writable(example: Example, label: str) -> bool:
    """Whether the extractor would write this label for the pair: domain, range and a cue."""
    head, tail = example.types
    return fits(label, CLASSES[head], CLASSES[tail]) and supported(label, example.cues)


def _scored(held, decided, label: str, gate: bool) -> list[tuple[float, bool, str]]:  # noqa: ANN001
    """(probability, right, source) of each held-out pair the extractor could write as label."""
    return [
        (p, e.label == label, e.doc.split(":", 1)[0])
        for e, (best, p) in zip(held, decided, strict=True)
        if best == label and (not gate or writable(e, label))
    ]


def best_threshold(
    scored: list[tuple[float, bool]], gold: int, min_precision: float
) -> tuple[float, int, int] | None:
    """(threshold, right, written) with the best held-out F1 among the thresholds where at
    least MIN_PREDICTED pairs are written and min_precision of them are right, or None. Of
    tied thresholds (the same held-out pairs written) the lowest: nothing measured favours
    the higher, and a statement a lower threshold lets through carries its probability."""
    chosen, best_f1 = None, -1.0
    for threshold in THRESHOLDS:
        written = [right for p, right in scored if p >= threshold]
        right = sum(written)
        if len(written) < MIN_PREDICTED or right / len(written) < min_precision:
            continue
        f1 = 2 * right / (len(written) + gold)
        if f1 > best_f1:
            chosen, best_f1 = (threshold, right, len(written)), f1
    return chosen


def _at(scored: list[tuple[float, bool]], gold: int, threshold: float) -> dict:
    written = [right for p, right in scored if p >= threshold]
    return {
        "gold": gold,
        "written": len(written),
        "precision": round(sum(written) / len(written), 3) if written else None,
        "recall": round(sum(written) / gold, 3) if gold else None,
    }


def choose_thresholds(
    held: list[Example],
    decided: list[tuple[str, float]],
    gate: bool = True,
    min_precision: float = STATEMENT_PRECISION,
) -> dict[str, dict]:
    """Per relation: the held-out-F1-best threshold with precision >= min_precision (None if
    none), precision and recall at it, at 0.5, and per source (conll04, redocred)."""
    gold = Counter(e.label for e in held if e.label != NONE)
    sources = Counter((e.label, e.doc.split(":", 1)[0]) for e in held if e.label != NONE)
    table = {}
    for label in sorted(gold):
        scored = _scored(held, decided, label, gate)
        pairs = [(p, right) for p, right, _ in scored]
        chosen = best_threshold(pairs, gold[label], min_precision)
        row = {"gold": gold[label], "threshold": None, "precision": None, "recall": 0.0}
        if chosen is not None:
            threshold, right, written_count = chosen
            row.update(
                threshold=threshold,
                precision=round(right / written_count, 3),
                recall=round(right / gold[label], 3),
                written=written_count,
            )
        half = [right for p, right in pairs if p >= 0.5]
        row["precision_at_0.5"] = round(sum(half) / len(half), 3) if half else None
        row["recall_at_0.5"] = round(sum(half) / gold[label], 3)
        by_source = {}
        for source in sorted({s for (lab, s) in sources if lab == label}):
            own = [(p, right) for p, right, s in scored if s == source]
            n = sources[(label, source)]
            entry = _at(own, n, row["threshold"]) if row["threshold"] else {"gold": n}
            alone = best_threshold(own, n, min_precision)
            entry["own_threshold"] = alone[0] if alone else None
            if alone:
                entry["own_precision"] = round(alone[1] / alone[2], 3)
                entry["own_recall"] = round(alone[1] / n, 3)
            by_source[source] = entry
        row["by_source"] = by_source
        table[label] = row
    return table


def calibration(held: list[Example], decided: list[tuple[str, float]], bins: int = 10) -> float:
    """Expected calibration error of the top relation's probability on held-out pairs."""
    buckets: list[list[tuple[float, bool]]] = [[] for _ in range(bins)]
    for e, (label, p) in zip(held, decided, strict=True):
        buckets[min(int(p * bins), bins - 1)].append((p, e.label == label))
    total = sum(len(b) for b in buckets)
    return sum(
        abs(sum(p for p, _ in b) / len(b) - sum(r for _, r in b) / len(b)) * len(b) / total
        for b in buckets
        if b
    )


def load_examples(redocred: list[Path], conll04: Path | None, model: str | None) -> list[Example]:
    sentences = list(redocred_sentences(redocred)) if redocred else []
    if conll04 is not None:
        sentences += list(conll04_sentences(conll04))
    return list(examples(sentences, model))


def save(vectorizer, classifier, thresholds: dict, meta: dict, output: Path) -> None:  # noqa: ANN001
    """Gzipped JSON, the same bytes for the same data: labels, weights, thresholds, report."""
    names = vectorizer.get_feature_names_out()
    coef = classifier.coef_
    weights = {}
    for i, name in enumerate(names):
        column = [round(float(w), 3) for w in coef[:, i]]
        if any(abs(w) >= 0.005 for w in column):
            weights[str(name)] = column
    saved = {
        "labels": [str(label) for label in classifier.classes_],
        "intercept": [round(float(b), 4) for b in classifier.intercept_],
        "weights": weights,
        "thresholds": {k: v["threshold"] for k, v in thresholds.items() if v["threshold"]},
        "held_out": thresholds,
        **meta,
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as handle:
        handle.write(json.dumps(saved, sort_keys=True, separators=(",", ":")).encode("utf-8"))


def train(
    redocred: list[Path],
    conll04: Path | None,
    output: Path = MODEL,
    c: float = 1.0,
    model: str | None = None,
    min_precision: float = STATEMENT_PRECISION,
) -> dict:
    """Fit, choose thresholds on the held-out documents, save; returns the report. A
    missing training file or a ``min_precision`` outside (0, 1] is an InputError."""
    from graph.errors import InputError

    for path in [*redocred, *([conll04] if conll04 else [])]:
        if not path.exists():
            raise InputError(f"{path}: training file not found (see --redocred, --conll04)")
    if not 0 < min_precision <= 1:
        raise InputError(f"--min-precision {min_precision}: must be in (0, 1]")
    started = time.perf_counter()
    data = load_examples(redocred, conll04, model)
    parsed = time.perf_counter() - started
    training, held = split(data)
    vectorizer, classifier = fit(training, c)
    decided = decisions(vectorizer, classifier, held)
    thresholds = choose_thresholds(held, decided, min_precision=min_precision)
    meta = {
        "trained_on": sorted(p.name for p in redocred) + ([conll04.name] if conll04 else []),
        "examples": len(training),
        "held_out_examples": len(held),
        "C": c,
        "seed": SEED,
        "min_precision": min_precision,
        "threshold_rule": "held-out F1, precision >= min_precision",
    }
    save(vectorizer, classifier, thresholds, meta, output)
    return {
        **meta,
        "emitted": sorted(k for k, v in thresholds.items() if v["threshold"]),
        "dropped": sorted(k for k, v in thresholds.items() if not v["threshold"]),
        "held_out": thresholds,
        "calibration_error": round(calibration(held, decided), 4),
        "parse_seconds": round(parsed, 1),
        "seconds": round(time.perf_counter() - started, 1),
        "bytes": output.stat().st_size,
    }
