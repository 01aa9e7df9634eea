"""Parse and extraction in local worker processes (``--jobs N``); the graph is the one a
one-process build makes.

Each worker holds one spaCy model and runs what is article-local, the same task the dask
engine sends (``graph.engine_dask.resolve_batch``: parse a batch, extract and resolve each
article on its own), and the records come back in input order for the cross-article
resolution, graph and linking that stay in this process. spaCy's own ``n_process`` parses in
workers too, but leaves extraction, a quarter of the work, to the one process that reads
their docs back, so two cores could not do twice the work. At most ``2 x workers`` batches
are in flight, so memory is bounded by that window, as in a one-process build.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from graph.errors import NewsgraphError
from graph.model import Article, ResolvedArticle

BATCH = 16
"""Articles a task parses once every worker has work: fewer, larger tasks cost less to send
and collect (about 4% of a 1,000-article build's wall time against 8)."""
FIRST_BATCH = 4
"""Articles of each of the first tasks, so that a short corpus still keeps every worker busy."""


def resolve_articles(
    articles: Iterable[Article],
    *,
    workers: int,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    all_values: bool = False,
    batch_size: int = BATCH,
    first_batch: int = FIRST_BATCH,
) -> Iterator[ResolvedArticle]:
    """``graph.pipeline.resolve_articles`` in ``workers`` processes: the same records, in
    input order. A NewsgraphError a worker meets (the model missing) is raised here, as is
    any other error of a task; the workers stop either way."""
    from graph.engine_dask import load_model, resolve_batch

    pool = multiprocessing.get_context().Pool(workers, initializer=load_model, initargs=(model,))
    try:
        pending: deque = deque()
        stream = iter(articles)
        sent = 0
        while True:
            while len(pending) < 2 * workers:
                size = min(first_batch, batch_size) if sent < 2 * workers else batch_size
                batch = list(islice(stream, size))
                sent += 1
                if not batch:
                    break
                pending.append(
                    pool.apply_async(resolve_batch, (batch, model, extractors, all_values))
                )
            if not pending:
                break
            results = pending.popleft().get()
            if isinstance(results, NewsgraphError):
                raise results
            yield from results
        pool.close()
        pool.join()
    finally:
        pool.terminate()  # an error, or a consumer that stopped early: no worker is left
