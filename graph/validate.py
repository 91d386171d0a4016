"""SHACL validation (pyshacl) of data against ontology/shapes.ttl, with the
ontology, vocabularies and reference councils beside the data so class and
value checks work.

Many graphs are validated in one pyshacl run and each result is handed back
to the graph that holds its focus node: per-graph verdicts at batch speed.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from pyshacl import validate as shacl_validate
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from .resources import COUNCILS_FILE, ONTOLOGY_FILE, SHAPES_FILE, VOCAB_FILE


@dataclass(frozen=True)
class Problem:
    """One validation result, in words a person can act on."""

    severity: str  # Violation, Warning or Info
    message: str
    focus: str
    path: str | None
    value: str | None
    shape: str | None

    @property
    def is_violation(self) -> bool:
        return self.severity == "Violation"

    def line(self) -> str:
        where = f" (path {self.path})" if self.path else ""
        value = f"; value {self.value}" if self.value is not None else ""
        return f"{self.severity}: {self.message} [focus {self.focus}{where}{value}]"


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def reference_graph() -> Graph:
    """Ontology, vocabularies and councils: what data is checked against."""
    g = Graph()
    for path in (ONTOLOGY_FILE, VOCAB_FILE, COUNCILS_FILE):
        g.parse(path, format="turtle")
    return g


def _short(node: Node | None) -> str | None:
    if node is None:
        return None
    return node.n3() if not isinstance(node, Graph) else None


def run_shacl(data: Graph) -> tuple[bool, Graph, list[Problem]]:
    """Validate `data` in place (it should already hold the reference graph)."""
    conforms, report, _text = shacl_validate(data, shacl_graph=shapes_graph(), inference="none", inplace=True,
                                             allow_warnings=True, advanced=True)
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        message = report.value(result, SH.resultMessage)
        path = report.value(result, SH.resultPath)
        problems.append(Problem(
            severity=severity,
            message=str(message) if message else "does not conform",
            focus=str(report.value(result, SH.focusNode)),
            path=_short(path) if path is not None else None,
            value=_short(report.value(result, SH.value)),
            shape=str(report.value(result, SH.sourceShape)),
        ))
    return conforms, report, problems


def validate_graphs(graphs: Iterable[tuple[str, Graph]]) -> dict[str, list[Problem]]:
    """Problems per named graph, from one pyshacl run over all of them and the reference data."""
    graphs = list(graphs)
    data = Graph()
    for triple in reference_graph():
        data.add(triple)
    subjects: dict[str, set[str]] = {}
    for name, g in graphs:
        subjects[name] = {str(s) for s in g.subjects()}
        for triple in g:
            data.add(triple)
    _conforms, _report, problems = run_shacl(data)
    found: dict[str, list[Problem]] = {name: [] for name, _ in graphs}
    for problem in problems:
        for name in found:
            if problem.focus in subjects[name]:
                found[name].append(problem)
    return found


class ReadError(Exception):
    """A data file that cannot be read or parsed; str() names the file and the problem."""


RDF_FORMATS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "json-ld",
               ".json": "json-ld", ".rdf": "xml", ".owl": "xml"}


def read_data_file(path: Path, fmt: str | None = None) -> Graph:
    """A data file's triples (every graph of a quad format merged)."""
    fmt = fmt or RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ReadError(f"{path}: unknown RDF format {path.suffix or '(none)'}; use --format")
    try:
        data = Dataset()
        data.parse(path, format=fmt)
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except Exception as exc:  # rdflib raises parser-specific exceptions
        message = " ".join(str(exc).split())
        raise ReadError(f"{path}: cannot parse as {fmt}: {message[:300]}") from None
    union = Graph()
    for s, p, o, _g in data.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def validate_files(paths: list[Path], fmt: str | None = None) -> list[Problem]:
    graphs = [(str(p), read_data_file(p, fmt)) for p in paths]
    found = validate_graphs(graphs)
    return [problem for name, _ in graphs for problem in found[name]]


def validate_store(store: ox.Store) -> list[Problem]:
    """Everything in the store, in one pyshacl run over the union of its graphs."""
    data = Graph()
    for quad in store.quads_for_pattern(None, None, None, None):
        data.add(tuple(_to_rdflib(t) for t in (quad.subject, quad.predicate, quad.object)))
    return run_shacl(data)[2]


def _to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)  # a plain literal, as rdflib parses "x" in Turtle (sh:in compares terms)
    return Literal(term.value, datatype=URIRef(term.datatype.value))
