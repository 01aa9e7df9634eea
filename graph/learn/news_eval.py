"""Scoring newsgraph on news gold: hand-checked articles with their entities and facts.

The gold format and the rules are those of ``shared/data/news_gold/README.md`` and its
reference scorer (``shared/tools/score_news.py``), so totals agree with it:
- each article is built on its own, as ``newsgraph build`` builds a file "title\\n\\ntext\\n"
  (no cross-article resolution, GeoNames linking on), and scored from its RDF graph;
- a gold entity aligns with a graph entity of a compatible type when one of its names equals
  one of the entity's labels once normalised; a Position also by title and jurisdiction;
- a graph predicate stands for the gold kinds its Wikidata mappings (and its inverse's) give,
  widened to the kin kinds a predicate may fairly stand for; a bare ``excludedFrom`` triple
  stands for a negated membership;
- a gold fact is found by a bare triple or a statement with a compatible stance; precision
  is over the bare triples between entities of scored types, and a bare triple whose gold
  fact is negated or proposed is wrong.
Beyond the totals, each bare triple is credited to the extractors whose asserted statement
wrote it, and each found fact records whether a bare triple or only a statement found it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import InputError, SchemaError

if TYPE_CHECKING:
    import rdflib

ENTITY_TYPES = frozenset(
    "Person Organization Country Place Group Position Event Product Work".split()
)
SCORED_TYPES = ENTITY_TYPES - {"Event"}
NAMED_TYPES = SCORED_TYPES - {"Position"}
STANCES = ("asserted", "reported", "proposed", "negated")
HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "the"}
EXCLUDED = "excluded_from"  # the pseudo-kind of a bare exclusion (a negated membership)


@dataclass(frozen=True, slots=True)
class Inventory:
    """The gold relations (graph/schema/news_gold_relations.tsv) and how predicates map on."""

    codes: dict[str, str]  # relation -> Wikidata property ("" where none)
    inverse_codes: dict[str, str]  # Wikidata property -> the inventory property it inverts
    names: dict[str, str]  # snake-case ng: local name -> the relation it names
    kin: tuple[frozenset[str], ...]  # kinds one predicate may fairly stand for

    @property
    def by_code(self) -> dict[str, str]:
        return {code: name for name, code in self.codes.items() if code}


@lru_cache(maxsize=1)
def inventory() -> Inventory:
    """The relation inventory, read once from graph/schema/news_gold_relations.tsv."""
    name = "news_gold_relations.tsv"
    text = resources.files("graph.schema").joinpath(name).read_text("utf-8")
    codes, inverse, names, kin = {}, {}, {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        row, *fields = line.split("\t")
        if row == "kin" and len(fields) >= 2:
            kin.append(frozenset(fields))
        elif row in ("kind", "inverse", "name") and len(fields) == 2:
            table = {"kind": codes, "inverse": inverse, "name": names}[row]
            table[fields[0]] = "" if fields[1] == "-" else fields[1]
        else:
            raise SchemaError(f"graph/schema/{name}:{number}: malformed row {line!r}")
    return Inventory(codes, inverse, names, tuple(kin))


# Graph types that may fairly stand for a gold type (a country typed as a place is found).
# fmt: off
FAMILIES = {"Person": {"Person"}, "Position": {"Position"}, "Event": {"Event"},
            "Country": {"Country", "Place"}, "Place": {"Country", "Place"},
            "Organization": {"Organization", "Group"}, "Group": {"Group", "Organization"}}
# fmt: on


# ---- the gold ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class GoldEntity:
    id: str
    name: str
    type: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class GoldFact:
    subject: str
    relation: str
    object: str
    stance: str
    sentence: str


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    title: str
    text: str
    entities: tuple[GoldEntity, ...]
    facts: tuple[GoldFact, ...]

    def source(self) -> str:
        """The text ``newsgraph build`` reads from a file of this article."""
        return f"{self.title}\n\n{self.text}\n"


def _field(record: dict, key: str, kind: type, where: str, default: object = None) -> object:
    value = record.get(key, default)
    if not isinstance(value, kind):
        raise InputError(f"{where}: expected {key!r} to be a {kind.__name__}, got {value!r}"[:300])
    return value


def _article(record: object, where: str) -> GoldArticle:
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected a JSON object, got {type(record).__name__}")
    art_id = _field(record, "id", str, where)
    if not art_id.strip() or "/" in art_id or "\\" in art_id or art_id in (".", ".."):
        raise InputError(f"{where}: article id {art_id!r} cannot name a folder")
    text = _field(record, "text", str, where)
    if not text.strip():
        raise InputError(f"{where}: article {art_id} has no text")
    entities = []
    for e in _field(record, "entities", list, where):
        if not isinstance(e, dict):
            raise InputError(f"{where}: an entity is not an object: {e!r}"[:300])
        aliases = _field(e, "aliases", list, where, [])
        entity = GoldEntity(
            _field(e, "id", str, where),
            _field(e, "name", str, where),
            _field(e, "type", str, where),
            tuple(str(a) for a in aliases),
        )
        if entity.type not in ENTITY_TYPES:
            known = ", ".join(sorted(ENTITY_TYPES))
            raise InputError(
                f"{where}: entity {entity.id} has unknown type {entity.type!r} (known: {known})"
            )
        if any(entity.id == other.id for other in entities):
            raise InputError(f"{where}: entity id {entity.id!r} is used twice")
        entities.append(entity)
    ids = {e.id for e in entities}
    facts = []
    for r in _field(record, "relations", list, where):
        if not isinstance(r, dict):
            raise InputError(f"{where}: a relation is not an object: {r!r}"[:300])
        fact = GoldFact(
            *(_field(r, k, str, where) for k in ("subject", "relation", "object")),
            _field(r, "stance", str, where),
            str(r.get("sentence", "")),
        )
        for end in (fact.subject, fact.object):
            if end not in ids:
                raise InputError(
                    f"{where}: relation {fact.relation} names entity {end!r}, "
                    "which the article does not list"
                )
        if fact.relation not in inventory().codes:
            raise InputError(
                f"{where}: unknown relation {fact.relation!r} (see the inventory "
                "in news_gold/README.md)"
            )
        if fact.stance not in STANCES:
            raise InputError(
                f"{where}: unknown stance {fact.stance!r} (known: {', '.join(STANCES)})"
            )
        facts.append(fact)
    title = _field(record, "title", str, where, "")
    return GoldArticle(art_id, title, text, tuple(entities), tuple(facts))


def read_gold(path: Path) -> list[GoldArticle]:
    """The articles of a news gold file (JSON Lines); a bad line raises InputError naming
    the file and the line."""
    try:
        lines = path.read_text("utf-8-sig").splitlines()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (undecodable byte at {exc.start})") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    articles: list[GoldArticle] = []
    seen: set[str] = set()
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{where}: not valid JSON ({exc.msg})") from None
        article = _article(record, where)
        if article.id in seen:
            raise InputError(f"{where}: article id {article.id!r} is used twice")
        seen.add(article.id)
        articles.append(article)
    if not articles:
        raise InputError(f"{path}: no gold articles")
    return articles


# ---- names, types and predicates -----------------------------------------------------------
def norm(name: str) -> str:
    """A name as compared: ASCII, lower case, no "the", honorific, possessive or punctuation."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    text = re.sub(r"'s\b", "", text.replace("’", "'")).replace(".", "")
    words = re.sub(r"[^a-z0-9 ]+", " ", text).split()
    while words and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(w for w in words if w != "the")


def compatible(gold_type: str, graph_type: str) -> bool:
    """Whether a graph entity of ``graph_type`` may be the gold entity of ``gold_type``.

    As the reference scorer decides it: a Product or Work gold entity takes any graph type,
    Person, Position and Event included (news_gold/README.md excludes those three; the
    scorer's test never does, and totals must agree with it)."""
    return graph_type in FAMILIES.get(gold_type, {graph_type})


def snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def _local(iri: object) -> str:
    return str(iri).rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def predicate_kinds(ontology: rdflib.Graph | None = None) -> dict[str, frozenset[str]]:
    """Predicate IRI -> the gold kinds it may stand for, from its Wikidata mappings, its
    inverse's, and its name; ``ontology`` defaults to the package's ontology.ttl."""
    import rdflib
    from rdflib.namespace import OWL, RDF, SKOS

    from graph.vocab import NG, ontology_text

    if ontology is None:
        ontology = rdflib.Graph().parse(data=ontology_text(), format="turtle")

    table = inventory()

    def own(p: rdflib.term.Node) -> set[str]:
        kinds = set()
        for link in (OWL.equivalentProperty, SKOS.exactMatch, SKOS.closeMatch):
            for target in ontology.objects(p, link):
                code = str(target).rsplit("/", 1)[-1]
                code = table.inverse_codes.get(code, code)
                if code in table.by_code:
                    kinds.add(table.by_code[code])
        local = snake(str(p).rsplit("#", 1)[-1])
        local = table.names.get(local, local)
        if local.startswith("excluded"):
            kinds.add(EXCLUDED)
        if local in table.codes:
            kinds.add(local)
        return kinds

    out: dict[str, frozenset[str]] = {}
    predicates = set(ontology.subjects(RDF.type, NG.RelationType)) | set(
        ontology.subjects(RDF.type, OWL.ObjectProperty)
    )
    for p in predicates:
        kinds = own(p)
        inverses = set(ontology.objects(p, OWL.inverseOf)) | set(
            ontology.subjects(OWL.inverseOf, p)
        )
        for q in inverses:
            kinds |= own(q)
        for group in table.kin:
            if kinds & group:
                kinds |= group
        out[str(p)] = frozenset(kinds)
    return out


# ---- the graph -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Statement:
    subject: str
    predicate: str
    object: str
    stance: str
    extractor: str
    sentence: str


@dataclass(frozen=True, slots=True)
class GraphFacts:
    """What scoring reads of one article's RDF graph: its entities (IRI -> type, label,
    normalised names), its bare ng: triples between entities, and its statements."""

    entities: dict[str, tuple[str, str, frozenset[str]]]
    bare: tuple[tuple[str, str, str], ...]
    statements: tuple[Statement, ...]


def graph_facts(rdf: rdflib.Graph) -> GraphFacts:
    """Read entities, bare triples and statements from an RDF graph as exports/rdf.py
    writes it (the Turtle of ``newsgraph build``)."""
    from rdflib.namespace import RDF, RDFS, SKOS

    from graph.vocab import NG

    entities: dict[str, tuple[str, str, frozenset[str]]] = {}
    for s, t in rdf.subject_objects(RDF.type):
        if str(t).startswith(str(NG)) and str(t)[len(str(NG)) :] in ENTITY_TYPES:
            labels = [str(o) for o in rdf.objects(s, RDFS.label)]
            names = {*labels, *(str(o) for o in rdf.objects(s, SKOS.altLabel))}
            normed = frozenset(n for n in map(norm, names) if n)
            entities[str(s)] = (str(t)[len(str(NG)) :], min(labels, default=str(s)), normed)
    bare = tuple(
        (str(s), str(p), str(o))
        for s, p, o in rdf
        if str(s) in entities and str(o) in entities and str(p).startswith(str(NG))
    )
    extractor_names = {str(x): str(n) for x, n in rdf.subject_objects(RDFS.label)}
    statements = []
    for st in rdf.subjects(RDF.type, NG.Statement):
        s, p, o = (rdf.value(st, term) for term in (RDF.subject, RDF.predicate, RDF.object))
        if str(s) in entities and str(o) in entities:
            extractor = rdf.value(st, NG.extractor)
            statements.append(
                Statement(
                    str(s),
                    str(p),
                    str(o),
                    _local(rdf.value(st, NG.stance) or "").lower(),
                    extractor_names.get(str(extractor), _local(extractor or "unknown")),
                    str(rdf.value(st, NG.sentence) or ""),
                )
            )
    return GraphFacts(entities, bare, tuple(statements))


# ---- scoring one article -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TripleResult:
    """One bare triple between scored entities: right, or wrong (and whether its gold fact
    exists but is negated or proposed), with the extractors that wrote it."""

    subject: str
    predicate: str
    object: str
    kinds: frozenset[str]
    extractors: frozenset[str]
    right: bool
    stance_error: bool
    sentences: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class FactResult:
    """One gold fact: found or not, by a bare triple or only by a statement, and which
    extractors' relations found it."""

    fact: GoldFact
    subject_name: str
    object_name: str
    found: bool
    through_bare: bool
    extractors: frozenset[str]


@dataclass(frozen=True, slots=True)
class ArticleResult:
    id: str
    triples: tuple[TripleResult, ...]
    facts: tuple[FactResult, ...]
    entities_gold: int
    entities_found: int
    entities_graph: int
    entities_right: int
    duplicates: int
    split: tuple[tuple[str, tuple[str, ...]], ...] = ()
    """Each gold entity that two or more graph entities stand for, with their labels."""


def _align(gold: GoldArticle, graph: GraphFacts) -> dict[str, set[str]]:
    """Gold entity id -> the graph entities it aligns with."""
    names = {e.id: {n for n in map(norm, [e.name, *e.aliases]) if n} for e in gold.entities}
    types = {e.id: e.type for e in gold.entities}
    align = {
        gid: {
            node
            for node, (kind, _, labels) in graph.entities.items()
            if labels & names[gid] and compatible(types[gid], kind)
        }
        for gid in names
    }
    # A position also aligns by title and jurisdiction: "Chairman of Deutsche" is the gold
    # "Chairman of Deutsche Boerse" when one jurisdiction's words are part of the other's.
    jurisdiction = {
        f.subject: f.object for f in gold.facts if f.relation == "applies_to_jurisdiction"
    }
    for gid in (g for g, t in types.items() if t == "Position"):
        wheres_of = {
            gold_name: {gold_name.partition(" of ")[2]}
            | names.get(jurisdiction.get(gid, ""), set())
            for gold_name in names[gid]
        }
        for node, (kind, _, labels) in graph.entities.items():
            if kind != "Position" or node in align[gid]:
                continue
            for label in labels:
                title, _, where = label.partition(" of ")
                if where and any(
                    title == gold_name.partition(" of ")[0] and _overlaps(where, wheres)
                    for gold_name, wheres in wheres_of.items()
                ):
                    align[gid].add(node)
    return align


def _overlaps(where: str, wheres: set[str]) -> bool:
    words = set(where.split())
    return any(w and (words <= set(w.split()) or set(w.split()) <= words) for w in wheres)


def score_article(
    gold: GoldArticle, graph: GraphFacts, kinds: dict[str, frozenset[str]]
) -> ArticleResult:
    """Score one article's graph against its gold."""
    align = _align(gold, graph)
    types = {e.id: e.type for e in gold.entities}
    names = {e.id: e.name for e in gold.entities}
    named_gold = [g for g, t in types.items() if t in NAMED_TYPES]
    named_graph = [n for n, (t, _, _) in graph.entities.items() if t in NAMED_TYPES]
    aligned_nodes = set().union(*(align[g] for g in named_gold))

    def kinds_of(p: str) -> frozenset[str]:
        return kinds.get(p, frozenset({snake(_local(p))}))

    def joins(fact: GoldFact, s: str, o: str) -> bool:
        a, b = align[fact.subject], align[fact.object]
        return (s in a and o in b) or (s in b and o in a)

    def matches(fact: GoldFact, s: str, p: str, o: str) -> bool:
        return fact.relation in kinds_of(p) and joins(fact, s, o)

    facts = [
        f
        for f in gold.facts
        if types[f.subject] in SCORED_TYPES and types[f.object] in SCORED_TYPES
    ]
    asserted = {}
    for st in graph.statements:
        if st.stance == "asserted":
            asserted.setdefault((st.subject, st.predicate, st.object), []).append(st)
    triples = []
    for s, p, o in graph.bare:
        if graph.entities[s][0] not in SCORED_TYPES or graph.entities[o][0] not in SCORED_TYPES:
            continue
        hits = [f for f in facts if matches(f, s, p, o)]
        excluded = EXCLUDED in kinds_of(p) and any(
            f.stance == "negated" and f.relation.startswith("member_of") and joins(f, s, o)
            for f in facts
        )
        right = excluded or any(f.stance in ("asserted", "reported") for f in hits)
        writers = asserted.get((s, p, o), [])
        triples.append(
            TripleResult(
                graph.entities[s][1],
                _local(p),
                graph.entities[o][1],
                kinds_of(p),
                frozenset(st.extractor for st in writers),
                right,
                not right and bool(hits),
                tuple(sorted({st.sentence for st in writers})),
            )
        )
    results = []
    for f in facts:
        bare = any(matches(f, s, p, o) for s, p, o in graph.bare)
        if f.stance in ("asserted", "reported"):
            fits = [
                st
                for st in graph.statements
                if st.stance in ("asserted", "reported") and matches(f, *_spo(st))
            ]
            found = bare or bool(fits)
        else:
            fits = [
                st for st in graph.statements if st.stance == f.stance and matches(f, *_spo(st))
            ]
            found = bool(fits) and not bare
        results.append(
            FactResult(
                f,
                names[f.subject],
                names[f.object],
                found,
                found and bare,
                frozenset(st.extractor for st in fits) if found else frozenset(),
            )
        )
    return ArticleResult(
        gold.id,
        tuple(triples),
        tuple(results),
        entities_gold=len(named_gold),
        entities_found=sum(1 for g in named_gold if align[g]),
        entities_graph=len(named_graph),
        entities_right=sum(1 for n in named_graph if n in aligned_nodes),
        duplicates=sum(len(align[g]) - 1 for g in named_gold if len(align[g]) > 1),
        split=tuple(
            (names[g], tuple(sorted(graph.entities[n][1] for n in align[g])))
            for g in named_gold
            if len(align[g]) > 1
        ),
    )


def _spo(st: Statement) -> tuple[str, str, str]:
    return st.subject, st.predicate, st.object


# ---- a whole gold file ---------------------------------------------------------------------
def build_article(gold: GoldArticle, *, model: str | None = None) -> rdflib.Graph:
    """The RDF graph ``newsgraph build`` writes for a file holding this one article."""
    from exports.rdf import to_graph
    from graph.ingest import _slug_id, make_article
    from graph.pipeline import build

    source = f"{gold.id}.txt"  # the file the reference scorer writes and builds
    article = make_article(gold.source(), id=_slug_id(Path(source)), source=source)
    return to_graph(build([article], model=model))


def evaluate(
    path: Path,
    *,
    model: str | None = None,
    keep: Path | None = None,
    progress: Callable[[GoldArticle], None] | None = None,
    on_error: Callable[[InputError], None] | None = None,
) -> list[ArticleResult]:
    """Build each gold article on its own (one spaCy load) and score it; with ``keep``,
    also write each article's graph as ``keep/<id>/graph.ttl``. An article that cannot be
    built raises InputError, or with ``on_error`` is reported to it and scored as an empty
    graph (its gold still counts; the reference scorer then counts every gold entity and
    fact, Events included)."""
    from graph.errors import ExportError

    articles = read_gold(path)
    kinds = predicate_kinds()
    results = []
    for gold in articles:
        try:
            rdf = build_article(gold, model=model)
        except InputError as exc:
            error = InputError(f"{path}: article {gold.id}: {exc}")
            if on_error is None:
                raise error from None
            on_error(error)
            results.append(score_article(gold, GraphFacts({}, (), ()), kinds))
            continue
        if keep is not None:
            out = keep / gold.id / "graph.ttl"
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                rdf.serialize(destination=str(out), format="turtle", encoding="utf-8")
            except OSError as exc:
                raise ExportError(f"{out}: cannot write ({exc.strerror})") from None
        results.append(score_article(gold, graph_facts(rdf), kinds))
        if progress is not None:
            progress(gold)
    return results


def _prf(right: int, predicted: int, found: int, gold: int) -> dict[str, float]:
    p = right / predicted if predicted else 0.0
    r = found / gold if gold else 0.0
    return {
        "p": round(p, 3),
        "r": round(r, 3),
        "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
    }


def _kind_rows(results: Iterable[ArticleResult]) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}

    def row(kind: str) -> dict[str, float]:
        return rows.setdefault(kind, {"gold": 0, "found": 0, "triples": 0, "right": 0})

    for result in results:
        for fr in result.facts:
            row(fr.fact.relation)["gold"] += 1
            row(fr.fact.relation)["found"] += fr.found
        for tr in result.triples:
            named = sorted(tr.kinds & (set(inventory().codes) | {EXCLUDED})) or [
                f"({tr.predicate})"
            ]
            for kind in named:
                row(kind)["triples"] += 1
                row(kind)["right"] += tr.right
    for values in rows.values():
        values["recall"] = round(values["found"] / values["gold"], 3) if values["gold"] else 0.0
        values["precision"] = (
            round(values["right"] / values["triples"], 3) if values["triples"] else 0.0
        )
    return dict(sorted(rows.items(), key=lambda kv: (-kv[1]["gold"], -kv[1]["triples"], kv[0])))


def _extractor_rows(results: list[ArticleResult], gold_facts: int) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}

    def row(name: str) -> dict[str, float]:
        return rows.setdefault(
            name, {"triples": 0, "right": 0, "wrong": 0, "facts_found": 0, "facts_only": 0}
        )

    for result in results:
        for tr in result.triples:
            for name in tr.extractors or {"unknown"}:
                row(name)["triples"] += 1
                row(name)["right" if tr.right else "wrong"] += 1
        for fr in (f for f in result.facts if f.found):
            for name in fr.extractors:
                row(name)["facts_found"] += 1
                row(name)["facts_only"] += len(fr.extractors) == 1
    for values in rows.values():
        values["precision"] = (
            round(values["right"] / values["triples"], 3) if values["triples"] else 0.0
        )
        values["recall"] = round(values["facts_found"] / gold_facts, 3) if gold_facts else 0.0
    return dict(sorted(rows.items(), key=lambda kv: (-kv[1]["triples"], kv[0])))


def summarise(results: list[ArticleResult]) -> dict:
    """Totals (as the reference scorer computes them), per gold kind, per extractor, and how
    the found facts were found; plain JSON-ready values."""
    triples = [t for r in results for t in r.triples]
    facts = [f for r in results for f in r.facts]
    found = [f for f in facts if f.found]
    right = sum(t.right for t in triples)
    entity = {
        k: sum(getattr(r, f"entities_{k}") for r in results)
        for k in ("gold", "found", "graph", "right")
    }
    statement_only = [f for f in found if not f.through_bare]
    return {
        "articles": len(results),
        "facts": {
            **_prf(right, len(triples), len(found), len(facts)),
            "triples": len(triples),
            "right": right,
            "wrong": len(triples) - right,
            "found": len(found),
            "gold": len(facts),
        },
        "entities": {
            **_prf(entity["right"], entity["graph"], entity["found"], entity["gold"]),
            **entity,
        },
        "stance_errors": sum(t.stance_error for t in triples),
        "duplicates": sum(r.duplicates for r in results),
        "found_through": {
            "bare_triple": len(found) - len(statement_only),
            "statement_only": len(statement_only),
            "statement_only_asserted_or_reported": sum(
                f.fact.stance in ("asserted", "reported") for f in statement_only
            ),
            "statement_only_proposed_or_negated": sum(
                f.fact.stance in ("proposed", "negated") for f in statement_only
            ),
        },
        "kinds": _kind_rows(results),
        "extractors": _extractor_rows(results, len(facts)),
        "per_article": [
            {
                "id": r.id,
                "facts_gold": len(r.facts),
                "facts_found": sum(f.found for f in r.facts),
                "triples": len(r.triples),
                "triples_right": sum(t.right for t in r.triples),
                "entities_gold": r.entities_gold,
                "entities_found": r.entities_found,
            }
            for r in results
        ],
    }


def errors(results: list[ArticleResult]) -> list[dict]:
    """Per article, the gold facts not found and the bare triples that are wrong, each with
    its sentence (the gold's for a missed fact, the graph's for a wrong triple)."""
    out = []
    for r in results:
        missed = [
            {
                "subject": f.subject_name,
                "relation": f.fact.relation,
                "object": f.object_name,
                "stance": f.fact.stance,
                "sentence": f.fact.sentence,
            }
            for f in r.facts
            if not f.found
        ]
        wrong = [
            {
                "subject": t.subject,
                "predicate": t.predicate,
                "object": t.object,
                "extractors": sorted(t.extractors),
                "stance_error": t.stance_error,
                "sentences": list(t.sentences),
            }
            for t in r.triples
            if not t.right
        ]
        split = [{"gold": name, "graph": list(labels)} for name, labels in r.split]
        if missed or wrong or split:
            out.append({"id": r.id, "missed": missed, "wrong": wrong, "split": split})
    return out
