"""The sentence corpus: short sentences written here, one TSV file per extractor family in
tests/fixtures/sentences/, each row a sentence and one expected triple
``subject label | predicate | object label | stance`` (labels compared case-insensitively);
a triple written ``! subject | ...`` must NOT be extracted. A third column ``xfail`` marks
rows the small parser gets wrong; no rule exists for one row.

Every sentence is parsed once, in one batch, and every row is its own test. Per file, the
precision over the predicates a sentence expects is checked too, so rules cannot pass by
emitting everything.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

SENTENCES = Path(__file__).resolve().parents[2] / "fixtures" / "sentences"
MIN_PRECISION = 0.8

Triple = tuple[str, str, str, str]


def _parse_triple(text: str) -> Triple:
    parts = [p.strip() for p in text.split("|")]
    if len(parts) != 4:
        raise ValueError(f"expected 'subject | predicate | object | stance', got {text!r}")
    s, p, o, stance = parts
    return (s.lower(), p, o.lower(), stance)


def load_rows() -> list[tuple[str, str, Triple, bool]]:
    """(file stem, sentence, expected triple, xfail) for every row of every corpus file;
    a forbidden triple has its subject prefixed with "!"."""
    rows = []
    for path in sorted(SENTENCES.glob("*.tsv")):
        for line in path.read_text("utf-8").splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            xfail = len(fields) > 2 and fields[2].strip() == "xfail"
            rows.append((path.stem, fields[0].strip(), _parse_triple(fields[1]), xfail))
    return rows


ROWS = load_rows()


@lru_cache(maxsize=1)
def extracted() -> dict[str, set[Triple]]:
    """Sentence -> the triples newsgraph extracts from it alone."""
    from graph.ingest import make_article
    from graph.pipeline import resolve_articles

    sentences = sorted({sentence for _, sentence, _, _ in ROWS})
    articles = [
        make_article(s, id=f"s{i}", detect_title=False, source="corpus")
        for i, s in enumerate(sentences)
    ]
    found: dict[str, set[Triple]] = {}
    resolved_articles = resolve_articles(articles, batch_size=64)
    for sentence, resolved in zip(sentences, resolved_articles, strict=True):
        labels = {e.key: e.label.lower() for e in resolved.entities}
        found[sentence] = {
            (labels[r.subject], r.predicate, labels[r.object], r.stance.value)
            for r in resolved.relations
        }
    return found


def test_corpus_is_large_and_varied() -> None:
    files = {stem for stem, *_ in ROWS}
    assert len({sentence for _, sentence, _, _ in ROWS}) >= 150
    assert len(files) >= 3


@pytest.mark.parametrize(
    "family, sentence, triple",
    [
        pytest.param(
            stem,
            sentence,
            triple,
            marks=[pytest.mark.xfail(strict=False)] if xfail else [],
            id=f"{stem}:{sentence[:50]}:{triple[1]}",
        )
        for stem, sentence, triple, xfail in ROWS
    ],
)
def test_expected_triple_is_extracted(family: str, sentence: str, triple: Triple) -> None:
    got = extracted()[sentence]
    if triple[0].startswith("!"):
        forbidden = (triple[0][1:].strip(), *triple[1:])
        assert forbidden not in got, f"{family}: {forbidden} should not be extracted"
    else:
        assert triple in got, f"{family}: {triple} not in {sorted(got)}"


@pytest.mark.parametrize("family", sorted({stem for stem, *_ in ROWS}))
def test_precision_over_expected_predicates(family: str) -> None:
    expected: dict[str, set[Triple]] = defaultdict(set)
    for stem, sentence, triple, _ in ROWS:
        if stem == family and not triple[0].startswith("!"):
            expected[sentence].add(triple)
    correct = wrong = 0
    for sentence, triples in expected.items():
        predicates = {t[1] for t in triples}
        for triple in extracted()[sentence]:
            if triple[1] in predicates:
                if triple in triples:
                    correct += 1
                else:
                    wrong += 1
    assert correct + wrong > 0
    precision = correct / (correct + wrong)
    assert precision >= MIN_PRECISION, f"{family}: precision {precision:.2f} ({wrong} unexpected)"
