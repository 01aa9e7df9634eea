"""Parse and extraction on a dask.distributed cluster; the graph is the one a local build makes.

Workers run what is article-local: the spaCy parse, extraction and in-article resolution
(``graph.pipeline.resolve_parsed``), each worker process loading the model once (``nlp.load``
caches it per process; ``ModelPlugin`` loads it when the worker starts). Articles go out in
batches and come back as frozen ``ResolvedArticle`` records, which the caller reduces on the
client in input order: cross-article resolution (graph/corpus.py), the networkx graph and
linking, exactly as a local build does. Hence the records and not N-Quads shards written by
the workers: an article's IRIs are not final until the articles before it are resolved
(a later "Benjamin Netanyahu" folds an earlier "Netanyahu" into itself, and a short name
takes the key of a fuller one read before), so a worker's shard would have to be read back
and rewritten by the reduce step, which must see every entity anyway. A record is a few KB
(no Doc crosses the wire) and at most ``2 x workers`` batches are in flight, so the client's
memory is bounded by that window and the graph it builds, as in a local build. N-Quads
shards for a store come from the build's graph.nq (``newsgraph add --store DIR SHARDS``).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack
from itertools import islice
from typing import TYPE_CHECKING

from graph.errors import EngineError, NewsgraphError
from graph.model import Article, ResolvedArticle

if TYPE_CHECKING:
    from distributed import Client

BATCH = 8
"""Articles a task parses: small enough to keep every worker busy on a short corpus."""

QUIET = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
}
"""Dask settings of the LocalCluster a build starts: its statistical profiler samples every
worker thread's stack 100 times a second and its event loops tick every 20 ms, which cost
a 2-worker cluster about 13% of a core (measured idle), more while spaCy's deep stacks run.
A real cluster's workers take theirs from their own configuration (see README)."""

try:
    from distributed import WorkerPlugin
except ImportError:  # the dask extra is not installed; ``_client`` says so on use
    WorkerPlugin = object  # type: ignore[assignment,misc]


class ModelPlugin(WorkerPlugin):
    """Loads the spaCy pipeline once when a worker starts (and on each worker that joins)."""

    name = "newsgraph-model"

    def __init__(self, model: str | None) -> None:
        self.model = model

    def setup(self, worker: object) -> None:
        load_model(self.model)


def load_model(model: str | None) -> None:
    """Load the spaCy pipeline as a worker process starts (a dask worker or one of a local
    pool, graph/engine_local.py)."""
    from graph import nlp

    try:
        nlp.load(model)
    except NewsgraphError:
        pass  # the worker's first task raises it again: one line on the client, no log


def resolve_batch(
    articles: Sequence[Article],
    model: str | None,
    extractors: Sequence[str] | None,
    all_values: bool,
) -> list[ResolvedArticle] | NewsgraphError:
    """One task on a worker: parse a batch and resolve each article on its own. A
    NewsgraphError (the model missing on this worker) is returned, for the client to raise
    as its one line, rather than raised and logged as a failed task by the worker."""
    from graph import nlp
    from graph.pipeline import resolve_parsed

    try:
        return [
            resolve_parsed(article, doc, extractors=extractors, all_values=all_values)
            for article, doc in nlp.parse(articles, model=model, batch_size=len(articles))
        ]
    except NewsgraphError as error:
        return error


def _client(stack: ExitStack, scheduler: str | None, workers: int) -> Client:
    """A client of the scheduler at ``scheduler``, else of a LocalCluster of ``workers``
    single-threaded processes (no dashboard: several builds may run on one machine)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise EngineError(
            "--engine dask needs dask.distributed: pip install 'newsgraph[dask]'"
        ) from None
    if scheduler is None:
        import dask

        stack.enter_context(dask.config.set(QUIET))  # read by the workers as they spawn
        cluster = stack.enter_context(
            LocalCluster(
                n_workers=workers,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # a free port: several builds may run on one machine
                silence_logs=logging.CRITICAL,
            )
        )
        return stack.enter_context(Client(cluster))
    try:
        return stack.enter_context(Client(scheduler))
    except (OSError, ValueError, TypeError) as exc:
        raise EngineError(f"cannot reach the dask scheduler at {scheduler}: {_line(exc)}") from None


def _line(exc: BaseException) -> str:
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__


def resolve_articles(
    articles: Iterable[Article],
    *,
    scheduler: str | None = None,
    workers: int = 1,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    all_values: bool = False,
    batch_size: int | None = None,
) -> Iterator[ResolvedArticle]:
    """``graph.pipeline.resolve_articles`` on a cluster: the same records, in input order.
    ``scheduler`` is a dask scheduler address (tcp://host:8786); without one a LocalCluster
    of ``workers`` processes runs here. Errors a worker raises (a model missing there) are
    raised here. ``batch_size``: articles a task parses (default ``BATCH``)."""
    batch_size = batch_size or BATCH
    with ExitStack() as stack:
        client = _client(stack, scheduler, workers)
        try:
            client.register_plugin(ModelPlugin(model))
        except NewsgraphError:
            raise
        except Exception as exc:  # a worker without newsgraph installed, for one
            raise EngineError(f"a dask worker could not start newsgraph: {_line(exc)}") from None
        window = 2 * max(1, sum(client.nthreads().values()))
        pending: deque = deque()
        stream = iter(articles)
        while True:
            while len(pending) < window:
                batch = list(islice(stream, batch_size))
                if not batch:
                    break
                task = client.submit(
                    resolve_batch, batch, model, extractors, all_values, pure=False
                )
                pending.append((task, [a.id for a in batch]))
            if not pending:
                return
            future, batch_ids = pending.popleft()
            try:
                results = future.result()
            except NewsgraphError:
                raise
            except Exception as exc:  # a worker died (KilledWorker) or a bug on one
                raise EngineError(
                    f"the dask task of articles {batch_ids[0]}..{batch_ids[-1]} failed: "
                    f"{_line(exc)}"
                ) from None
            future.release()
            if isinstance(results, NewsgraphError):
                raise results
            yield from results


__all__ = ["ModelPlugin", "load_model", "resolve_articles", "resolve_batch"]
