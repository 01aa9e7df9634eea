"""The Python API: run the stages ingest -> nlp -> extract -> resolve -> kg in one call."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from graph.errors import EngineError, InputError
from graph.model import Article, ResolvedArticle

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graph.corpus import CorpusLink


def resolve_articles(
    articles: Iterable[Article],
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    batch_size: int = 16,
    jobs: int = 1,
    all_values: bool = False,
) -> Iterator[ResolvedArticle]:
    """Stream resolved articles; memory stays bounded by ``batch_size`` parsed docs.
    ``jobs`` > 1 parses and extracts in that many processes (graph/engine_local.py); the
    results are the same. Dates and quantities no relation uses are left out unless
    ``all_values``."""
    from graph import nlp

    if jobs > 1:
        from graph import engine_local

        yield from engine_local.resolve_articles(
            articles, workers=jobs, model=model, extractors=extractors, all_values=all_values
        )
        return
    for article, doc in nlp.parse(articles, model=model, batch_size=batch_size):
        yield resolve_parsed(article, doc, extractors=extractors, all_values=all_values)


def resolve_parsed(
    article: Article,
    doc: Doc,
    *,
    extractors: Sequence[str] | None = None,
    all_values: bool = False,
) -> ResolvedArticle:
    """One article and its parsed Doc (of ``article.content``) -> its entities and relations.
    Any spaCy pipeline with a tagger, parser and entity recogniser will do: this is also what
    the spaCy component (newsgraph.spacy_component) runs on a Doc of the user's pipeline."""
    from graph.extract import extract
    from graph.resolve import resolve, without_unused_values

    resolved = resolve(extract(article, doc, extractors))
    return resolved if all_values else without_unused_values(resolved)


ENGINES = ("local", "dask")
"""Where parsing and extraction run: local processes (``jobs``), or a dask.distributed
cluster (graph/engine_dask.py); the graph is the same."""

DUPLICATE_POLICIES = ("error", "skip", "replace")
"""What ``build`` does with a second article of an id: refuse it, skip it, or let it replace
the first."""


def _source(article: Article) -> str:
    return article.source or article.id


def one_per_id(
    articles: Iterable[Article],
    policy: str = "error",
    on_error: Callable[[InputError], None] | None = None,
    on_notice: Callable[[str], None] | None = None,
) -> Iterator[Article]:
    """The articles with each id once, by ``policy`` (see DUPLICATE_POLICIES and ``build``)."""
    notice = on_notice or (lambda _message: None)
    if policy == "replace":
        last: dict[str, Article] = {}
        for article in articles:
            earlier = last.pop(article.id, None)
            if earlier is not None:
                notice(
                    f"{_source(earlier)}: article id {article.id!r} is read again from "
                    f"{_source(article)}; replaced by that later article"
                )
            last[article.id] = article  # at the place of its last occurrence
        yield from last.values()
        return
    first_source: dict[str, str] = {}
    for article in articles:
        if article.id not in first_source:
            first_source[article.id] = _source(article)
            yield article
            continue
        message = (
            f"{_source(article)}: article id {article.id!r} was already read from "
            f"{first_source[article.id]}"
        )
        if policy == "skip":
            notice(f"{message}; skipped, the first is kept")
            continue
        error = InputError(message)
        if on_error is None:
            raise error
        on_error(error)


def _checked_articles(
    inputs: Iterable[str | Path | Article] | str | Path,
    on_error: Callable[[InputError], None] | None,
    date: str | None,
    progress: Callable[[Article], None] | None,
    on_duplicate: str,
    on_notice: Callable[[str], None] | None,
) -> Iterator[Article]:
    """The articles of ``inputs`` as ``build`` reads them (see there)."""
    from graph.ingest import read_articles

    if on_duplicate not in DUPLICATE_POLICIES:
        raise ValueError(f"on_duplicate must be one of {DUPLICATE_POLICIES}, not {on_duplicate!r}")

    if isinstance(inputs, (str, Path)):
        inputs = [inputs]
    items = list(inputs) if not isinstance(inputs, Iterator) else inputs

    def articles() -> Iterator[Article]:
        paths: list[str | Path] = []
        for item in items:
            if isinstance(item, Article):
                yield from read_articles(paths, on_error)
                paths = []
                yield item
            else:
                paths.append(item)
        yield from read_articles(paths, on_error)

    def tracked() -> Iterator[Article]:
        for article in one_per_id(articles(), on_duplicate, on_error, on_notice):
            if date and not article.date:
                article = replace(article, date=date)
            if progress is not None:
                progress(article)
            yield article

    return tracked()


def _resolved_stream(
    articles: Iterator[Article],
    engine: str,
    scheduler: str | None,
    jobs: int,
    **options: object,
) -> Iterator[ResolvedArticle]:
    """Resolved articles in input order, from local processes or a dask cluster."""
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        raise EngineError(f"a scheduler ({scheduler}) is for the dask engine, not {engine!r}")
    if engine == "dask":
        from graph import engine_dask

        return engine_dask.resolve_articles(articles, scheduler=scheduler, workers=jobs, **options)
    return resolve_articles(articles, jobs=jobs, **options)


def _corpus_linked(
    articles: Iterator[Article], engine: str, scheduler: str | None, jobs: int, **options: object
) -> Iterator[CorpusLink]:
    """Each resolved article with its entities rewritten onto those of the articles before
    it (graph.corpus): the one loop ``build`` and ``build_files`` share."""
    from graph.corpus import KnownEntities, resolve_against

    known = KnownEntities()
    for resolved in _resolved_stream(articles, engine, scheduler, jobs, **options):
        yield resolve_against(resolved, known)


def build(
    inputs: Iterable[str | Path | Article] | str | Path,
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    date: str | None = None,
    progress: Callable[[Article], None] | None = None,
    kb: Path | None = None,
    link: bool = True,
    jobs: int = 1,
    all_values: bool = False,
    on_duplicate: str = "error",
    on_notice: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> nx.MultiDiGraph:
    """Build the knowledge graph of some articles.

    ``date`` (YYYY-MM-DD) is the publication date of articles that carry none; relative
    dates ("October 7", "Friday") are normalised against it.
    ``inputs`` are paths (files, folders, "-" for stdin) or Article records (see
    ``graph.ingest.make_article``). Entities are linked to GeoNames (and to ``kb``, a CSV
    knowledge base) unless ``link`` is False. ``jobs`` worker processes parse (the graph is
    the same whatever their number). Dates and quantities that no relation uses are left
    out unless ``all_values``. Returns a networkx MultiDiGraph (graph.kg).

    Two articles with one id are never merged into one named graph. ``on_duplicate``:
    "error" refuses every later one (an InputError, to ``on_error`` if given), "skip" keeps
    the first and "replace" the last, each telling ``on_notice`` one line per article left
    out. "replace" holds the articles read until every input is read (the last of an id
    can come at the very end); parsing still streams.

    ``engine`` "dask" parses and extracts on the dask scheduler at ``scheduler`` (else on a
    LocalCluster of ``jobs`` workers); resolution across articles and linking stay here.
    """
    from graph.corpus import merge_nodes
    from graph.kg import add_article, new_graph
    from graph.link import link_graph, read_kb

    base = read_kb(kb) if kb is not None else None  # a bad file fails before any parsing
    graph = new_graph()
    stream = _checked_articles(inputs, on_error, date, progress, on_duplicate, on_notice)
    for linked in _corpus_linked(
        stream, engine, scheduler, jobs, model=model, extractors=extractors, all_values=all_values
    ):
        add_article(graph, linked.article)
        for merge in linked.merges:
            merge_nodes(graph, merge)
    if link:
        link_graph(graph, base)
    return graph


@dataclass(frozen=True, slots=True)
class BuiltFiles:
    """What ``build_files`` wrote: how many articles, the summary ``newsgraph build``
    prints, and the files (none when no article could be read)."""

    articles: int
    summary: str
    files: tuple[Path, ...]


def build_files(
    inputs: Iterable[str | Path | Article] | str | Path,
    outdir: Path,
    formats: Sequence[str] = ("turtle", "nquads"),
    *,
    model: str | None = None,
    extractors: Sequence[str] | None = None,
    on_error: Callable[[InputError], None] | None = None,
    date: str | None = None,
    progress: Callable[[Article], None] | None = None,
    kb: Path | None = None,
    link: bool = True,
    jobs: int = 1,
    all_values: bool = False,
    on_duplicate: str = "error",
    on_notice: Callable[[str], None] | None = None,
    engine: str = "local",
    scheduler: str | None = None,
) -> BuiltFiles:
    """``build``, streamed to files: each article's quads go to disk once it is resolved,
    and memory holds only what later articles need (graph/stream.py). Writes
    ``outdir/graph.<suffix>`` for each of ``formats`` (exports names), all at once
    (exports/outdir.py); graph.nq is byte-identical to the export of ``build``'s graph.
    ``outdir`` is left as it was when no article could be read."""
    from exports import suffix
    from exports.outdir import output_folder
    from graph.link import read_kb
    from graph.stream import StreamingGraph, spool_dir

    base = read_kb(kb) if kb is not None else None  # a bad file fails before any parsing
    stream = _checked_articles(inputs, on_error, date, progress, on_duplicate, on_notice)
    with spool_dir() as workdir:
        graph = StreamingGraph(Path(workdir))
        for linked in _corpus_linked(
            stream,
            engine,
            scheduler,
            jobs,
            model=model,
            extractors=extractors,
            all_values=all_values,
        ):
            graph.add(linked)
        if not graph.articles:
            return BuiltFiles(0, graph.summary(), ())
        with output_folder(outdir) as folder:
            graph.finish(folder, formats, base, link)
    files = tuple(outdir / f"graph{suffix(name)}" for name in dict.fromkeys(formats))
    return BuiltFiles(graph.articles, graph.summary(), files)


def build_text(
    text: str, *, id: str | None = None, date: str | None = None, **kwargs
) -> nx.MultiDiGraph:  # noqa: ANN003
    """Build the graph of one article given as a string."""
    from graph.ingest import make_article

    return build([make_article(text, id=id, date=date, source=id or "<text>")], **kwargs)
