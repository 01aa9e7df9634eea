"""The plain records passed between pipeline stages.

ingest -> Article; nlp -> (Article, spaCy Doc); extract -> ArticleExtraction (Mention,
RelationMention); resolve -> ResolvedArticle (Entity, Relation); kg -> networkx graph.
All character offsets are into ``Article.text``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Stance(StrEnum):
    """How the article presents a relation; only ASSERTED becomes a bare direct triple."""

    ASSERTED = "asserted"
    PROPOSED = "proposed"
    NEGATED = "negated"
    REPORTED = "reported"


class EntityType(StrEnum):
    """Entity classes of the newsgraph ontology (local names of ng: classes)."""

    PERSON = "Person"
    ORGANIZATION = "Organization"
    COUNTRY = "Country"
    PLACE = "Place"
    GROUP = "Group"
    EVENT = "Event"
    DATE = "Date"
    QUANTITY = "Quantity"
    POSITION = "Position"
    PRODUCT = "Product"
    WORK = "Work"
    CONCEPT = "Concept"


NAMED_TYPES = frozenset(
    {
        EntityType.PERSON,
        EntityType.ORGANIZATION,
        EntityType.PLACE,
        EntityType.COUNTRY,
        EntityType.GROUP,
        EntityType.EVENT,
        EntityType.PRODUCT,
        EntityType.WORK,
        EntityType.CONCEPT,
    }
)
"""The types a name can have (not dates, quantities or positions): what span filters and
type votes work on."""


@dataclass(frozen=True, slots=True)
class Article:
    """One news article. ``body`` has the same length as ``text`` with the headline and
    boilerplate lines blanked out, so offsets into either are offsets into the original."""

    id: str
    text: str
    title: str = ""
    date: str | None = None
    url: str | None = None
    source: str = ""
    body: str = ""

    @property
    def content(self) -> str:
        return self.body or self.text


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text that names or refers to an entity."""

    article_id: str
    start: int
    end: int
    text: str
    type: EntityType
    sentence: int
    extractor: str
    confidence: float = 1.0
    name: str = ""
    """The normalised name this mention contributes ("" for pronouns and descriptions)."""
    antecedent: tuple[int, int] | None = None
    """For a pronoun or description: the (start, end) of the mention it refers to."""
    role: str = ""
    """Extra information from the extractor, e.g. a pronoun's surface or a title's kind."""
    value: str = ""
    """A date's ISO value (xsd:date, gYearMonth or gYear) or a quantity's number, "" if unknown."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact comes from: article, sentence, offsets, extractor, confidence."""

    article_id: str
    sentence: str
    sentence_start: int
    start: int
    end: int
    extractor: str
    confidence: float


@dataclass(frozen=True, slots=True)
class RelationMention:
    """One typed relation between two mentions, as stated in one sentence."""

    subject: Mention
    predicate: str
    object: Mention
    stance: Stance
    evidence: Evidence
    speaker: Mention | None = None


@dataclass(frozen=True, slots=True)
class ArticleExtraction:
    """Everything the extractors found in one article."""

    article: Article
    mentions: tuple[Mention, ...]
    relations: tuple[RelationMention, ...]


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing an article talks about, with all the mentions that refer to it."""

    key: str
    label: str
    type: EntityType
    aliases: tuple[str, ...]
    mentions: tuple[Mention, ...]
    article_ids: tuple[str, ...] = ()
    value: str = ""
    """A Date's or Quantity's normalised value, taken from its mentions (see Mention.value)."""


@dataclass(frozen=True, slots=True)
class Coreference:
    """Evidence that a non-name mention (pronoun, title, description) refers to an entity."""

    mention: Mention
    entity_key: str
    method: str


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two resolved entities, with its evidence and stance."""

    subject: str
    predicate: str
    object: str
    stance: Stance
    evidence: Evidence
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class ResolvedArticle:
    """An article's entities and relations after mentions are merged into entities."""

    article: Article
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    coreferences: tuple[Coreference, ...] = field(default=())
