"""Extractors: named rule families (and classifiers) that read a parsed article.

Each extractor is a callable ``(ctx: Context) -> Iterable[RelationMention]`` registered with
``@extractors.register(name, order=N)``. Extractors run in ``order``; they add entity mentions
through ``ctx.add_mention`` so that later extractors can relate them.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from graph.model import ArticleExtraction, Mention, RelationMention
from graph.registry import Registry
from graph.vocab import relation_schema

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from graph.model import Article

from graph.extract.context import Context, Extractor

extractors: Registry[Extractor] = Registry("extractor")

__all__ = ["Context", "Extractor", "extractors", "extract", "extract_all", "load_all"]


def load_all() -> None:
    """Import every module of this package so their extractors register themselves (once a
    process: ``extract`` asks for every article, and the package's files do not change)."""
    if _LOADED:
        return
    for info in pkgutil.iter_modules(__path__):
        if info.name not in {"context"}:
            importlib.import_module(f"{__name__}.{info.name}")
    _LOADED.append(True)


_LOADED: list[bool] = []


def active(names: Sequence[str] | None = None) -> list[tuple[str, Extractor]]:
    """The extractors to run, in order: all registered ones, or those named."""
    load_all()
    chosen = list(names) if names else extractors.names()
    ordered = sorted(chosen, key=lambda n: (extractors.meta(n).get("order", 50), n))
    return [(name, extractors.get(name)) for name in ordered]


def extract(article: Article, doc: Doc, names: Sequence[str] | None = None) -> ArticleExtraction:
    """Run the extractors over one parsed article."""
    ctx = Context(article, doc)
    relations: list[RelationMention] = []
    ctx.notes["relations"] = relations  # later extractors may skip pairs already related
    for name, extractor in active(names):
        ctx.current = name
        relations.extend(extractor(ctx))
    return ArticleExtraction(
        article=article,
        mentions=tuple(sorted(ctx.mentions, key=lambda m: (m.start, m.end))),
        relations=tuple(_dedupe(still_typed(relations, ctx.mentions))),
    )


def still_typed(
    relations: Iterable[RelationMention], mentions: Iterable[Mention]
) -> Iterator[RelationMention]:
    """Relations whose two ends still have types the predicate allows: a later extractor may
    retype a name after a relation was read for it ("Boeing's Starliner" read as a person,
    then a product by "the Starliner capsule": it works for no one)."""
    final = {m.span: m.type for m in mentions}
    schema = relation_schema()
    for rel in relations:
        kind = schema[rel.predicate]
        subject = final.get(rel.subject.span, rel.subject.type).value
        obj = final.get(rel.object.span, rel.object.type).value
        if (kind.domain and subject not in kind.domain) or (kind.range and obj not in kind.range):
            continue
        yield rel


def _dedupe(relations: Iterable[RelationMention]) -> Iterator[RelationMention]:
    seen: set[tuple[object, ...]] = set()
    for rel in relations:
        key = (rel.subject.span, rel.predicate, rel.object.span, rel.stance, rel.evidence.start)
        if key not in seen and rel.subject.span != rel.object.span:
            seen.add(key)
            yield rel


def extract_all(
    parsed: Iterable[tuple[Article, Doc]], names: Sequence[str] | None = None
) -> Iterator[ArticleExtraction]:
    for article, doc in parsed:
        yield extract(article, doc, names)
