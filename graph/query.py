"""SPARQL over an exported graph file (or a store) with pyoxigraph; never imports spaCy."""

from __future__ import annotations

import io
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


def with_prefixes(sparql: str) -> str:
    """Prepend the project's prefixes (ng:, schema:, skos: ...) unless the query declares them."""
    declared = {
        line.split()[1].rstrip(":")
        for line in sparql.splitlines()
        if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1
    }
    header = "".join(
        line + "\n"
        for line in PREFIX_HEADER.splitlines()
        if line.split()[1].rstrip(":") not in declared
    )
    return header + sparql


@dataclass(frozen=True, slots=True)
class Table:
    """A SELECT result as plain strings."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def run(store: ox.Store, sparql: str) -> ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples:
    """Run a query; the default graph is the union of all named graphs."""
    try:
        return store.query(with_prefixes(sparql), use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"bad SPARQL: {str(exc).splitlines()[0]}") from None
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


def render(result: object, fmt: str = "table") -> str:
    """Text for the CLI: an aligned table, or SPARQL CSV/TSV/JSON/XML results."""
    if isinstance(result, ox.QueryBoolean):
        return "true" if bool(result) else "false"
    if isinstance(result, ox.QueryTriples):
        out = io.BytesIO()
        result.serialize(out, ox.RdfFormat.N_TRIPLES)
        return out.getvalue().decode("utf-8").rstrip("\n")
    assert isinstance(result, ox.QuerySolutions)
    if fmt != "table":
        formats = {
            "csv": ox.QueryResultsFormat.CSV,
            "tsv": ox.QueryResultsFormat.TSV,
            "json": ox.QueryResultsFormat.JSON,
            "xml": ox.QueryResultsFormat.XML,
        }
        if fmt not in formats:
            raise QueryError(f"unknown result format {fmt!r} (known: table, {', '.join(formats)})")
        return result.serialize(format=formats[fmt]).decode("utf-8").rstrip("\n")
    columns = [v.value for v in result.variables]
    rows = [[term_text(sol[c]) for c in columns] for sol in result]
    return format_table(columns, rows)


def format_table(columns: list[str], rows: list[list[str]], max_width: int = 80) -> str:
    cut = [[v if len(v) <= max_width else v[: max_width - 1] + "…" for v in row] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cut]) for i, c in enumerate(columns)]
    line = lambda vals: "  ".join(v.ljust(w) for v, w in zip(vals, widths, strict=True)).rstrip()  # noqa: E731
    out = [line(columns), line(["-" * w for w in widths])] + [line(r) for r in cut]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out)
