"""``newsgraph.open_store(DIR)``: the persistent store (graph/store.py) as one object with
the operations the CLI's store commands offer: add, remove, query, export, serve.

>>> store = newsgraph.open_store("corpus/")
>>> store.add(["examples/"])                 # paths, folders or Article records
>>> store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a ng:Article }")
>>> store.remove(["portugal-election"])
>>> store.export("turtle", Path("corpus.ttl"))
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pyoxigraph as ox

    from graph.errors import InputError
    from graph.model import Article
    from graph.store import AddReport


class Store:
    """A store folder; made by the first ``add``. Every call reads or writes the folder
    (one writer at a time: a second is refused with StoreError), so two Store objects on one
    folder, or a Store and ``newsgraph add``, see each other's changes."""

    def __init__(self, directory: str | Path) -> None:
        self.directory = Path(directory)

    def __repr__(self) -> str:
        return f"Store({str(self.directory)!r})"

    def add(
        self,
        inputs: Iterable[str | Path | Article] | str | Path,
        *,
        model: str | None = None,
        kb: Path | None = None,
        link: bool = True,
        all_values: bool = False,
        replace: bool = False,
        on_duplicate: str | None = None,
        on_error: Callable[[InputError], None] | None = None,
        on_notice: Callable[[str], None] | None = None,
    ) -> AddReport:
        """Build ``inputs`` (paths, folders, "-" or Article records) and add them as one
        transaction (graph.store.add). Entities are linked as ``build`` links them (GeoNames,
        and ``kb``) unless ``link`` is False. ``on_duplicate`` defaults to "error", or to
        "replace" with ``replace`` (re-extract articles already stored)."""
        from graph import store
        from graph.ingest import read_articles
        from graph.pipeline import resolve_articles

        if isinstance(inputs, (str, Path)):
            inputs = [inputs]
        linker = None
        if link:
            from graph.link import linker as make_linker

            linker = make_linker(kb)
        articles = read_articles(inputs, on_error)
        return store.add(
            self.directory,
            resolve_articles(articles, model=model, all_values=all_values),
            replace=replace,
            on_duplicate=on_duplicate or ("replace" if replace else "error"),
            link=linker,
            on_error=on_error,
            on_notice=on_notice,
        )

    def remove(self, ids: Iterable[str] | str) -> list[str]:
        """Delete articles by id, and the entities no article mentions any more."""
        from graph import store

        return store.remove(self.directory, [ids] if isinstance(ids, str) else ids)

    def open(self) -> ox.Store:
        """The live generation as a read-only pyoxigraph Store (a consistent snapshot)."""
        from graph import store

        return store.open_store(self.directory, read_only=True)

    def query(self, sparql: str):  # noqa: ANN201 - pyoxigraph's result types
        """Run SPARQL (the project's prefixes are added, as ``newsgraph query`` adds them):
        pyoxigraph QuerySolutions, a QueryBoolean or QueryTriples."""
        from graph.query import run

        return run(self.open(), sparql)

    def articles(self) -> list[str]:
        """The ids of the stored articles, sorted."""
        from graph.store import article_ids

        return sorted(article_ids(self.open()))

    def export(self, fmt: str, path: str | Path) -> Path:
        """Dump the whole store to ``path``: nquads, trig, turtle, ntriples or jsonld."""
        from graph import store

        return store.export(self.directory, fmt, Path(path))

    def to_networkx(self):  # noqa: ANN201 - a networkx MultiDiGraph
        """Everything stored as a graph.kg graph (what build returns), for the exporters."""
        from exports.rdf_read import graph_from_store

        return graph_from_store(self.open())

    def serve(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 7878,
        writable: bool = False,
        cors: str | None = None,
        timeout: float = 30.0,
        max_results: int = 100_000,
        stop: threading.Event | None = None,
        on_ready: Callable[[str], None] | None = None,
    ) -> None:
        """The SPARQL endpoint and view over this store until ``stop`` is set
        (graph/endpoint.py)."""
        from graph.endpoint import serve

        serve(
            self.directory,
            host=host,
            port=port,
            writable=writable,
            cors=cors,
            timeout=timeout,
            max_results=max_results,
            stop=stop,
            on_ready=on_ready,
        )


def open_store(directory: str | Path) -> Store:
    """The store in ``directory`` (created by the first ``add``)."""
    return Store(directory)
