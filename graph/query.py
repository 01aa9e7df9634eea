"""SPARQL over an exported graph file (or a store) with pyoxigraph; never imports spaCy."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from graph.errors import InputError, QueryError
from graph.vocab import PREFIXES

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
}
PREFIX_HEADER = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items()) + (
    "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
    "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\n"
)


def rdf_format(path: Path) -> ox.RdfFormat:
    try:
        return RDF_FORMATS[path.suffix.lower()]
    except KeyError:
        known = ", ".join(sorted(RDF_FORMATS))
        raise InputError(
            f"{path}: unknown RDF file type {path.suffix!r} (known: {known})"
        ) from None


def load_file(path: Path, store: ox.Store | None = None) -> ox.Store:
    """Parse an RDF file into an (in-memory unless given) pyoxigraph store."""
    store = store if store is not None else ox.Store()
    fmt = rdf_format(path)
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        store.bulk_load(path=str(path), format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(f"{path}: not valid {fmt} ({str(exc).splitlines()[0]})") from None
    return store


def open_source(path: Path | None, store: Path | None = None) -> ox.Store:
    """What to query: the persistent store at ``store`` (or at ``path`` when it is a store
    folder), opened read-only, else the RDF file at ``path`` loaded into memory."""
    if store is None and path is not None and Path(path).is_dir():
        store = path
    if store is not None:
        from graph import store as store_module

        return store_module.open_store(Path(store), read_only=True)
    if path is None:
        raise InputError("nothing to query: give a graph file or a store folder")
    return load_file(Path(path))


def _declared(sparql: str) -> set[str]:
    return {m.group(1) for m in re.finditer(r"(?i)\bPREFIX\s+([\w.-]*):", sparql)}


def prefix_header(sparql: str) -> str:
    """The project's PREFIX declarations the query does not make itself, on one line with
    no line break, so every line of the query keeps its own number in an error message."""
    declared = _declared(sparql)
    return "".join(
        line + " "
        for line in PREFIX_HEADER.splitlines()
        if line.split()[1].rstrip(":") not in declared
    )


def with_prefixes(sparql: str) -> str:
    """Prepend the project's prefixes (ng:, schema:, skos: ...) unless the query declares them."""
    return prefix_header(sparql) + sparql


def _error_text(exc: Exception, header: str) -> str:
    """The parser's first line, its position moved back onto the user's own text: the
    prefixes sit in front of the query's first line."""
    text = str(exc).splitlines()[0]

    def shift(match: re.Match[str]) -> str:
        line, column = int(match.group(1)), int(match.group(2))
        if line == 1:
            column = max(1, column - len(header))
        return f"line {line}, column {column}"

    return re.sub(r"\b(\d+):(\d+)\b", shift, text, count=1)


@dataclass(frozen=True, slots=True)
class Table:
    """A SELECT result as plain strings."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def run(store: ox.Store, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a query; the default graph is the union of all named graphs."""
    header = prefix_header(sparql)
    try:
        return store.query(header + sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL: {_error_text(exc, header)}") from None
    except (OSError, ValueError, RuntimeError) as exc:
        raise QueryError(f"query failed: {str(exc).splitlines()[0]}") from None


def term_text(term: object) -> str:
    """A term as a person reads it: prefixed IRI, or a literal's lexical value."""
    if term is None:
        return ""
    if isinstance(term, ox.NamedNode):
        iri = term.value
        for prefix, ns in PREFIXES.items():
            if iri.startswith(str(ns)) and "/" not in iri[len(str(ns)) :]:
                return f"{prefix}:{iri[len(str(ns)) :]}"
        return iri
    if isinstance(term, ox.Literal):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def select(store: ox.Store, sparql: str) -> Table:
    result = run(store, sparql)
    if not isinstance(result, ox.QuerySolutions):
        raise QueryError("expected a SELECT query")
    columns = tuple(v.value for v in result.variables)
    rows = tuple(tuple(term_text(sol[c]) for c in columns) for sol in result)
    return Table(columns, rows)


RESULT_FORMATS = {
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
}
TRIPLE_FORMATS = {
    "table": ox.RdfFormat.N_TRIPLES,
    "json": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML,
}
"""CONSTRUCT and DESCRIBE answer with triples: N-Triples, JSON-LD or RDF/XML; csv and tsv
give one row per triple (subject, predicate, object)."""


def render(result: object, fmt: str = "table") -> str:
    """Text for the CLI: an aligned table, or SPARQL CSV/TSV/JSON/XML results."""
    if fmt != "table" and fmt not in RESULT_FORMATS:
        known = ", ".join(RESULT_FORMATS)
        raise QueryError(f"unknown result format {fmt!r} (known: table, {known})")
    if isinstance(result, ox.QueryBoolean):
        if fmt in ("table", "csv", "tsv"):
            return "true" if bool(result) else "false"
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8").rstrip("\n")
    if isinstance(result, ox.QueryTriples):
        if fmt in ("csv", "tsv"):
            return _triple_rows(result, "," if fmt == "csv" else "\t")
        out = io.BytesIO()
        result.serialize(out, TRIPLE_FORMATS[fmt])
        return out.getvalue().decode("utf-8").rstrip("\n")
    assert isinstance(result, ox.QuerySolutions)
    if fmt != "table":
        return result.serialize(format=RESULT_FORMATS[fmt]).decode("utf-8").rstrip("\n")
    columns = [v.value for v in result.variables]
    rows = [[term_text(sol[c]) for c in columns] for sol in result]
    return format_table(columns, rows)


def _triple_rows(triples: ox.QueryTriples, delimiter: str) -> str:
    import csv

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(["subject", "predicate", "object"])
    for triple in triples:
        writer.writerow(
            [_lexical(triple.subject), _lexical(triple.predicate), _lexical(triple.object)]
        )
    return out.getvalue().rstrip("\n")


def _lexical(term: object) -> str:
    """A term as SPARQL's CSV results write it: an IRI or a literal's value, no brackets."""
    if isinstance(term, (ox.NamedNode, ox.Literal)):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def format_table(columns: list[str], rows: list[list[str]], max_width: int = 80) -> str:
    cut = [[v if len(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cut]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cut]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
