"""SHACL validation (pyshacl) of data against ontology/shapes.ttl, with the
ontology, vocabularies and reference councils beside the data so class and
value checks work.

Many graphs are validated in one pyshacl run and each result is handed back
to the graph that holds its focus node: per-graph verdicts at batch speed.
Results carry a hint when the offending value is close to a valid one
(graph/validate_hints.py) and, for files, the line of the focus node.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from . import iris
from .resources import COUNCILS_FILE, ONTOLOGY_FILE, SHAPES_FILE, VOCAB_FILE

SEVERITY_ORDER = {"Violation": 0, "Warning": 1, "Info": 2}


@dataclass(frozen=True)
class Problem:
    """One validation result, in words a person can act on."""

    severity: str  # Violation, Warning or Info
    message: str
    focus: str
    path: str | None
    value: str | None
    shape: str | None
    hint: str | None = None  # what was probably meant
    component: str | None = None  # the SHACL constraint component, e.g. sh:InConstraintComponent
    source: str | None = None  # the file or named graph the focus node belongs to
    line_number: int | None = None  # line of the focus node's first statement in the file
    result: Node | None = field(default=None, compare=False, repr=False)  # its node in the SHACL report graph

    @property
    def is_violation(self) -> bool:
        return self.severity == "Violation"

    def line(self) -> str:
        where = f" (path {self.path})" if self.path else ""
        value = f"; value {self.value}" if self.value is not None else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{self.severity}: {self.message}{hint} [focus {self.focus}{where}{value}]"


@dataclass
class Outcome:
    """The result of one validation: problems per source, and the standard SHACL report graph."""

    sources: list[str]
    problems: dict[str, list[Problem]]
    report: Graph = field(default_factory=Graph)  # pyshacl's raw report (may hold results about context nodes)
    labels: dict[str, str] = field(default_factory=dict)  # source -> what to call it (a graph's file name)
    checked: int | None = None  # how many sources were checked, when more than those listed

    @property
    def all_problems(self) -> list[Problem]:
        return [p for name in self.sources for p in self.problems.get(name, [])]

    @property
    def violations(self) -> int:
        return sum(p.is_violation for p in self.all_problems)

    @property
    def conforms(self) -> bool:
        return self.violations == 0

    def count(self, severity: str) -> int:
        return sum(p.severity == severity for p in self.all_problems)


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
    """A value as Turtle would write it: 2022, "text", "2019-04-01"^^xsd:date, <iri>."""
    if node is None or isinstance(node, Graph):
        return None
    if isinstance(node, Literal) and node.datatype in (XSD.integer, XSD.decimal, XSD.boolean) and node.value is not None:
        return str(node)
    text = node.n3()
    return text.replace(f"^^<{XSD}", "^^xsd:").replace(">", "", 1) if f"^^<{XSD}" in text else text


def _path_text(report: Graph, path: Node) -> str:
    """A property path as SPARQL-like text: kg:grade, (oa:hasSelector oa:exact) -> oa:hasSelector/oa:exact."""
    from rdflib.collection import Collection

    if isinstance(path, BNode) and report.value(path, RDF.first) is not None:
        return "/".join(_path_text(report, p) for p in Collection(report, path))
    from .validate_hints import compact

    if isinstance(path, BNode):
        inverse = report.value(path, SH.inversePath)
        if inverse is not None:
            return f"^{_path_text(report, inverse)}"
    return compact(str(path)) if isinstance(path, URIRef) else path.n3()


@lru_cache(maxsize=1)
def _shapes():
    """pyshacl's parsed shapes (and their compiled SPARQL), kept for the process: parsing
    them anew costs about a second per run, more than validating a small file."""
    from pyshacl.shapes_graph import ShapesGraph

    return ShapesGraph(shapes_graph())


def _pyshacl(data: Graph, focus_nodes: list[Node] | None = None) -> tuple[bool, Graph]:
    from pyshacl import Validator

    class SetFocusValidator(Validator):
        """pyshacl tests `node in focus_nodes` for every target of every shape; on its list
        that is quadratic (minutes for a batch of 200 documents), on a frozenset it is not."""

        def make_executor(self):
            executor = super().make_executor()
            if executor.focus_nodes:
                executor.focus_nodes = frozenset(executor.focus_nodes)
            return executor

    options = {"inference": "none", "inplace": True, "allow_warnings": True, "advanced": True,
               "focus_nodes": focus_nodes}
    validator = SetFocusValidator(data, shacl_graph=shapes_graph(), options=options)
    validator.shacl_graph = _shapes()
    conforms, report, _text = validator.run()
    return conforms, report


def run_shacl(data: Graph, focus_nodes: list[Node] | None = None) -> tuple[bool, Graph, list[Problem]]:
    """Validate `data` in place (it should already hold the reference graph).

    Each problem gets a hint when one can be found; the hint is also added to
    the report graph as a second sh:resultMessage, so tools see it too."""
    from .validate_hints import hint_for

    conforms, report = _pyshacl(data, focus_nodes)
    conforms = _add_unknown_terms(data, report) and conforms
    problems = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        severity = str(report.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        message = report.value(result, SH.resultMessage)
        path = report.value(result, SH.resultPath)
        shape = report.value(result, SH.sourceShape)
        component = report.value(result, SH.sourceConstraintComponent)
        problem = Problem(
            severity=severity,
            message=_compact_iris(str(message)) if message else "does not conform",
            focus=str(report.value(result, SH.focusNode)),
            path=_path_text(report, path) if path is not None else None,
            value=_short(report.value(result, SH.value)),
            shape=str(shape) if shape is not None else None,
            component=str(component).rsplit("#", 1)[-1] if component is not None else None,
            result=result,
        )
        hint = hint_for(problem, data, shapes_graph(), shape, report.value(result, SH.value),
                        report.value(result, SH.focusNode), path)
        if hint:
            problem = replace(problem, hint=hint)
            report.add((result, SH.resultMessage, Literal(hint, lang="en")))
        problems.append(problem)
    problems.sort(key=lambda p: (p.focus, SEVERITY_ORDER.get(p.severity, 3), p.path or "", p.message, p.hint is None))
    return conforms, report, _distinct(problems)


def _distinct(problems: list[Problem]) -> list[Problem]:
    """One problem per focus, path, value and message: a property shape with several
    constraints ("2019" as text fails datatype, min and max) says its message once."""
    seen, kept = set(), []
    for p in problems:
        key = (p.focus, p.path, p.value, p.message, p.severity)
        if key not in seen:
            seen.add(key)
            kept.append(p)
    return kept


KG_TERMS = "https://w3id.org/ofsted-kg/ontology#"
KNOWN_TERMS_SHAPE = URIRef("https://w3id.org/ofsted-kg/shapes#KnownTerms")


@lru_cache(maxsize=1)
def defined_terms() -> frozenset[URIRef]:
    # kg:sourceSha256 is the store's own stamp on its reference graphs (graph/store.py), not an ontology term
    internal = {URIRef(KG_TERMS + "sourceSha256")}
    return frozenset({s for s in reference_graph().subjects() if isinstance(s, URIRef) and str(s).startswith(KG_TERMS)}
                     | internal)


def _add_unknown_terms(data: Graph, report: Graph) -> bool:
    """kg: properties and classes the ontology does not define, as results of kgsh:KnownTerms.

    One pass over the data's predicates and classes: as a SPARQL target in
    pyshacl the same check scanned every triple per query and took minutes."""
    defined = defined_terms()
    used = set(data.predicates(unique=True)) | set(data.objects(None, RDF.type, unique=True))
    unknown = sorted(t for t in used if isinstance(t, URIRef) and str(t).startswith(KG_TERMS) and t not in defined)
    if not unknown:
        return True
    root = report.value(None, RDF.type, SH.ValidationReport, any=True) if hasattr(report, "value") else None
    message = shapes_graph().value(KNOWN_TERMS_SHAPE, SH.message)
    for term in unknown:
        for focus in sorted(set(data.subjects(term, None, unique=True)) | set(data.subjects(RDF.type, term))):
            result = BNode()
            report.add((result, RDF.type, SH.ValidationResult))
            report.add((result, SH.focusNode, focus))
            report.add((result, SH.value, term))
            report.add((result, SH.resultSeverity, SH.Violation))
            report.add((result, SH.sourceShape, KNOWN_TERMS_SHAPE))
            report.add((result, SH.sourceConstraintComponent, KNOWN_TERMS_SHAPE))
            report.add((result, SH.resultMessage, Literal(str(message).replace("Unknown term", f"Unknown term <{term}>"))))
            if root is not None:
                report.add((root, SH.result, result))
    if root is not None:
        report.set((root, SH.conforms, Literal(False)))
    return False


def _compact_iris(text: str) -> str:
    """Messages with {?value} filled in by pyshacl carry full IRIs; write them as grade:good."""
    import re

    from .validate_hints import compact

    return re.sub(r"<?(https?://[^\s<>()\"']+[^\s<>()\"'.,;:])>?", lambda m: compact(m.group(1)), text)


def _nodes(g: Graph) -> set[str]:
    """Every subject and non-literal object of a graph: the focus nodes it may be blamed for."""
    nodes = {str(s) for s in g.subjects()}
    nodes |= {str(o) for o in g.objects() if not isinstance(o, Literal)}
    return nodes


def _with_reference(parts: Iterable[Graph]) -> Graph:
    """A new graph of the reference data and `parts`, for one validation run.

    Built fresh each time: copying the few thousand reference triples costs less than
    adding a batch's triples to a kept graph and taking them out again. (rdflib's
    SimpleMemory store, without per-triple contexts, made pyshacl 30 times slower.)"""
    data = Graph()
    data += reference_graph()
    for part in parts:
        data += part
    return data


def validate_named(graphs: Iterable[tuple[str, Graph]], context: Graph | None = None) -> Outcome:
    """One pyshacl run over the graphs, the reference data and an optional context
    (e.g. what a store already says about the graphs' nodes); problems per graph."""
    graphs = list(graphs)
    subjects: dict[str, set[str]] = {name: {str(s) for s in g.subjects()} for name, g in graphs}
    focus = sorted({n for _, g in graphs for n in (*g.subjects(), *g.objects()) if not isinstance(n, Literal)})
    data = _with_reference([*([context] if context is not None else []), *(g for _, g in graphs)])
    _conforms, report, problems = run_shacl(data, focus or None)
    found: dict[str, list[Problem]] = {name: [] for name, _ in graphs}
    objects: dict[str, set[str]] | None = None
    for problem in problems:
        owners = [name for name in found if problem.focus in subjects[name]]
        if not owners:  # a node only named as an object (e.g. evidence described nowhere)
            if objects is None:
                objects = {name: _nodes(g) for name, g in graphs}
            owners = [name for name in found if problem.focus in objects[name]]
        for name in owners:
            found[name].append(replace(problem, source=name))
    return Outcome(sources=[name for name, _ in graphs], problems=found, report=report)


def validate_graphs(graphs: Iterable[tuple[str, Graph]]) -> dict[str, list[Problem]]:
    """Problems per named graph, from one pyshacl run over all of them and the reference data."""
    return validate_named(graphs).problems


# ---------------------------------------------------------------- files


class ReadError(Exception):
    """A data file that cannot be read or parsed; str() names the file (and line and column) and the problem."""


INPUT_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE, "ttl": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES, "ntriples": ox.RdfFormat.N_TRIPLES, "n-triples": ox.RdfFormat.N_TRIPLES,
    "nq": ox.RdfFormat.N_QUADS, "nquads": ox.RdfFormat.N_QUADS, "n-quads": ox.RdfFormat.N_QUADS,
    "jsonld": ox.RdfFormat.JSON_LD, "json-ld": ox.RdfFormat.JSON_LD,
    "xml": ox.RdfFormat.RDF_XML, "rdfxml": ox.RdfFormat.RDF_XML, "rdf/xml": ox.RdfFormat.RDF_XML,
}
EXTENSIONS = {".ttl": "turtle", ".trig": "trig", ".nt": "nt", ".nq": "nquads", ".jsonld": "jsonld",
              ".json": "jsonld", ".rdf": "xml", ".owl": "xml"}
RDF_FORMATS = EXTENSIONS  # the older name


@dataclass
class DataFile:
    """A data file read for validation or adding: its triples (every graph of a quad format merged)."""

    path: Path
    text: str
    sha256: str
    graph: Graph

    @property
    def base(self) -> str:
        """The base IRI the file was parsed against: `<>` in the file is its curated source node."""
        return str(iris.curated(self.sha256))


def input_format(path: Path, fmt: str | None = None) -> ox.RdfFormat:
    name = (fmt or EXTENSIONS.get(path.suffix.lower(), "")).lower()
    if name not in INPUT_FORMATS:
        if fmt:
            raise ReadError(f"{path}: unknown input format {fmt!r}; use one of turtle, trig, nt, nquads, jsonld, xml")
        raise ReadError(f"{path}: cannot tell the RDF format from the extension {path.suffix or '(none)'!r}; "
                        "use --input-format (turtle, trig, nt, nquads, jsonld, xml)")
    return INPUT_FORMATS[name]


def read_data_file(path: Path, fmt: str | None = None) -> DataFile:
    """Parse a data file with Oxigraph's parsers, whose errors carry line and column.

    Relative IRIs resolve against the file's curated-source IRI, so `<>` means
    "this file" and `<#j1>` a node of this file."""
    rdf_format = input_format(path, fmt)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ReadError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ReadError(f"{path}: is a folder, not a data file") from None
    except OSError as exc:
        raise ReadError(f"{path}: cannot read: {exc.strerror}") from None
    sha = hashlib.sha256(raw).hexdigest()
    base = str(iris.curated(sha))
    try:
        quads = list(ox.parse(raw, format=rdf_format, base_iri=base))
    except SyntaxError as exc:
        message = str(exc.msg if hasattr(exc, "msg") else exc)
        message = message.split(" (", 1)[0] if message.endswith(")") and f"({path.name}" in message else message
        where = f":{exc.lineno}:{exc.offset}" if exc.lineno else ""
        raise ReadError(f"{path}{where}: cannot parse as {rdf_format.name}: {_strip_position(message)} "
                        f"(line {exc.lineno}, column {exc.offset})") from None
    except (ValueError, OSError) as exc:
        raise ReadError(f"{path}: cannot parse as {rdf_format.name}: {' '.join(str(exc).split())[:300]}") from None
    if not quads:
        raise ReadError(f"{path}: holds no triples")
    graph = Graph()
    for quad in quads:
        graph.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return DataFile(path=path, text=raw.decode("utf-8", errors="replace"), sha256=sha, graph=graph)


def _strip_position(message: str) -> str:
    """Oxigraph says 'Parser error at line 2 between columns 23 and 27: why'; keep the why."""
    head, sep, why = message.partition(": ")
    return why if sep and head.startswith("Parser error") else message


def validate_data_files(files: list[DataFile], context: Graph | None = None) -> Outcome:
    """Files validated together (one pyshacl run); each problem has its file and, where found, line."""
    from .validate_lines import locate

    outcome = validate_named([(str(f.path), f.graph) for f in files], context)
    for f in files:
        name = str(f.path)
        outcome.problems[name] = [replace(p, line_number=locate(f.text, p.focus, f.base))
                                  for p in outcome.problems[name]]
    return outcome


def validate_files(paths: list[Path], fmt: str | None = None, context: Graph | None = None) -> Outcome:
    """Read and validate data files; raises ReadError naming the first file that cannot be read."""
    return validate_data_files([read_data_file(p, fmt) for p in paths], context)


# ---------------------------------------------------------------- store


def store_graph(store: ox.Store, graphs: Iterable[str] | None = None) -> Graph:
    """The union of the store's graphs (or of the named ones) as an rdflib Graph."""
    data = Graph()
    if graphs is None:
        quads = store.quads_for_pattern(None, None, None, None)
        for quad in quads:
            data.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
        return data
    for name in graphs:
        for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            data.add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return data


def validate_store(store: ox.Store, path: Path | str | None = None, with_report: bool = True) -> Outcome:
    """Everything in the store, over the union of its graphs, by the shapes compiled to SPARQL
    (graph/validate_fast.py); each problem is handed to the named graph(s) that describe its focus
    node. Given the store's path, a large store's checks run in one process per core."""
    from .validate_store import validate_whole_store

    return validate_whole_store(store, str(path) if path is not None else None, with_report)


def to_rdflib(term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


_to_rdflib = to_rdflib
