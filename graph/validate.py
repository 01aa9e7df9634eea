"""Check an exported graph against the SHACL shapes in graph/schema/shapes.ttl (pyshacl)."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from graph.errors import InputError


@dataclass(frozen=True, slots=True)
class Report:
    conforms: bool
    violations: int
    text: str


def shapes_text() -> str:
    return resources.files("graph.schema").joinpath("shapes.ttl").read_text("utf-8")


def validate_graph(data) -> Report:  # noqa: ANN001
    """Validate an rdflib Graph (or Dataset: its union is checked)."""
    import pyshacl
    from rdflib import Graph

    shapes = Graph().parse(data=shapes_text(), format="turtle")
    conforms, results, text = pyshacl.validate(
        data, shacl_graph=shapes, inference="none", allow_warnings=True
    )
    from rdflib.namespace import SH

    violations = len(set(results.subjects(predicate=SH.resultSeverity)))
    return Report(bool(conforms), violations, text)


def validate_file(path: Path) -> Report:
    """Parse an exported file (any RDF format rdflib reads) and validate its union graph."""
    import rdflib

    if not path.is_file():
        raise InputError(f"{path}: no such file")
    dataset = rdflib.Dataset(default_union=True)
    try:
        dataset.parse(path)
    except Exception as exc:  # noqa: BLE001 - rdflib raises many parser-specific types
        raise InputError(f"{path}: not valid RDF ({str(exc).splitlines()[0]})") from None
    union = rdflib.Graph()
    for triple in dataset.triples((None, None, None)):
        union.add(triple)
    return validate_graph(union)
