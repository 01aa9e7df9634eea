"""graph.engine_local: --jobs N parses and extracts in worker processes and gives the records
of one process, in input order; a worker's error reaches the caller and no worker outlives
the build."""

from __future__ import annotations

import multiprocessing

import pytest

from graph.engine_local import resolve_articles
from graph.errors import ModelError
from graph.ingest import make_article
from graph.pipeline import resolve_articles as resolve_here

TEXTS = [
    "Kenyan President William Ruto met Yoweri Museveni in Kampala on Monday.",
    "Siemens chief executive Roland Busch said profits rose in Munich.",
    "Lionel Messi joined Inter Miami from Paris Saint-Germain.",
    "The Indian prime minister Indira Gandhi was assassinated in 1984.",
    "Reliance Industries, based in Mumbai, bought a stake in Jio.",
]


def _articles(count: int) -> list:
    return [
        make_article(TEXTS[n % len(TEXTS)], id=f"a{n}", detect_title=False) for n in range(count)
    ]


def test_records_are_those_of_one_process_in_input_order() -> None:
    articles = _articles(11)  # more batches than the window, the last one short
    here = list(resolve_here(articles, jobs=1))
    there = list(resolve_articles(articles, workers=2, batch_size=2))
    assert [r.article.id for r in there] == [a.id for a in articles]
    assert there == here
    # small first tasks, then larger ones
    assert list(resolve_articles(articles, workers=2, batch_size=5, first_batch=1)) == here


def test_a_missing_model_is_one_error_here() -> None:
    with pytest.raises(ModelError, match="no_such_model"):
        list(resolve_articles(_articles(2), workers=2, model="no_such_model"))
    assert not multiprocessing.active_children()


def test_a_consumer_that_stops_early_leaves_no_worker() -> None:
    stream = resolve_articles(_articles(8), workers=2, batch_size=2)
    first = next(stream)
    assert first.article.id == "a0"
    stream.close()
    assert not multiprocessing.active_children()
