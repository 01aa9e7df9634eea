"""Run the extractors over short texts written in the tests, keeping the Context."""

from __future__ import annotations

from graph.extract import Context, active, still_typed
from graph.ingest import make_article
from graph.model import RelationMention


def run(text: str, date: str | None = None) -> tuple[Context, list[RelationMention]]:
    """Parse one text and run every extractor in order, as graph.extract.extract does."""
    from graph import nlp

    article = make_article(text, id="t", date=date, detect_title=False, source="test")
    [(article, doc)] = list(nlp.parse([article]))
    ctx = Context(article, doc)
    relations: list[RelationMention] = []
    ctx.notes["relations"] = relations
    for name, extractor in active():
        ctx.current = name
        relations.extend(extractor(ctx))
    return ctx, list(still_typed(relations, ctx.mentions))


def token(ctx: Context, text: str, nth: int = 0):  # noqa: ANN201
    """The nth token whose text is ``text``."""
    return [t for t in ctx.doc if t.text == text][nth]
