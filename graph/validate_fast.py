"""Validation inside Oxigraph: the compiled shapes (graph/shacl_sparql.py) run as
SPARQL over a store whose named graphs are the documents, and each result is
handed to the graph(s) that describe its focus node.

Used where pyshacl is too slow: every build batch (an in-memory store of the
batch's documents and the reference data) and `validate --store` (the store on
disk). Problems come out as graph/validate.py's Problem, hints included, so a
report reads the same whichever engine found it."""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import replace
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .shacl_sparql import Check, compile_shapes
from .store import REFERENCE_FILES
from .validate import (KG_TERMS, KNOWN_TERMS_SHAPE, SEVERITY_ORDER, Outcome, Problem, _compact_iris, _distinct, _path_text,
                       _short, defined_terms, shapes_graph, to_rdflib)

REFERENCE_GRAPHS = [str(name) for name in REFERENCE_FILES]
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
SUBCLASS = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
HINTED = {"InConstraintComponent", "ClassConstraintComponent", "DatatypeConstraintComponent",
          "MinCountConstraintComponent", "KnownTerms"}


@lru_cache(maxsize=1)
def compiled_checks() -> tuple[Check, ...]:
    return tuple(compile_shapes(shapes_graph()))


@lru_cache(maxsize=1)
def reference_quads() -> tuple[ox.Quad, ...]:
    """The ontology, vocabularies and councils, each in its named graph as the store keeps them."""
    quads = []
    for name, path in REFERENCE_FILES.items():
        graph = ox.NamedNode(str(name))
        quads += [ox.Quad(t.subject, t.predicate, t.object, graph)
                  for t in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]
    return tuple(quads)


def batch_store(graphs: Iterable[tuple[str, str]]) -> ox.Store:
    """An in-memory store of the reference data and each (graph name, N-Triples) in its named graph."""
    store = ox.Store()
    store.extend(reference_quads())
    for name, triples in graphs:
        if triples:
            store.load(triples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(name))
    return store


def _closures(store: ox.Store, checks: Iterable[Check]) -> dict[str, list[str]]:
    """Each class the checks name, with every class the data says is a subclass of it."""
    wanted = sorted({cls for check in checks for cls in check.classes})
    closures: dict[str, list[str]] = {}
    for cls in wanted:
        rows = store.query(f"SELECT DISTINCT ?c WHERE {{ ?c <{SUBCLASS}>+ <{cls}> }}", use_default_graph_as_union=True)
        closures[cls] = [cls] + sorted({row["c"].value for row in rows} - {cls})
    return closures


def _message(check: Check, focus: Node, value: Node | None) -> str:
    text = check.message or f"does not conform ({check.component})"
    for name, term in (("this", focus), ("value", value)):
        if term is not None:
            text = text.replace(f"{{?{name}}}", str(term)).replace(f"{{${name}}}", str(term))
    return _compact_iris(text)


def _unknown_terms(store: ox.Store) -> list[tuple[Node, Node]]:
    """(focus, term) for every kg: property or class the ontology does not define."""
    defined = {str(t) for t in defined_terms()}
    rows = store.query(f"SELECT DISTINCT ?t WHERE {{ {{ ?s ?t ?o }} UNION {{ ?s <{RDF_TYPE}> ?t }} "
                       f"FILTER(STRSTARTS(STR(?t), \"{KG_TERMS}\")) }}", use_default_graph_as_union=True)
    unknown = sorted({row["t"].value for row in rows} - defined)
    found = []
    for term in unknown:
        focus_rows = store.query(f"SELECT DISTINCT ?s WHERE {{ {{ ?s <{term}> ?o }} UNION {{ ?s <{RDF_TYPE}> <{term}> }} }}",
                                 use_default_graph_as_union=True)
        found += [(to_rdflib(row["s"]), URIRef(term)) for row in focus_rows]
    return found


IRI_IN_QUERY = re.compile(r"<([^<>\s]+)>|(?<![\w?$])([A-Za-z][\w-]*):([\w-]+)")


def _predicates_in(query: str) -> set[str]:
    """Every IRI a query names, written <...> or prefix:name (its prologue's prefixes expanded)."""
    prefixes = dict(re.findall(r"PREFIX\s+([\w-]*):\s*<([^>]*)>", query, re.IGNORECASE))
    body = re.sub(r"PREFIX\s+[\w-]*:\s*<[^>]*>", "", query, flags=re.IGNORECASE)
    found = {RDF_TYPE}
    for iri, prefix, local in IRI_IN_QUERY.findall(body):
        if iri:
            found.add(iri)
        elif prefix in prefixes:
            found.add(prefixes[prefix] + local)
    return found


def _deduplicated(store: ox.Store, queries: list[str]) -> ox.Store:
    """An in-memory store of the triples of every predicate the queries name, each triple once.

    In the union of a store's document graphs a node that many documents describe (a judgement,
    an inspection) has each of its triples once per document; a query joining five of its
    patterns meets every combination of the copies (minutes on 10,000 documents). The shapes'
    own SPARQL joins such nodes, so it runs over this copy instead, where each triple is one.
    Of rdf:type, only the statements of classes the queries name are copied."""
    copy = ox.Store()
    named = set().union(*(_predicates_in(q) for q in queries))
    classes = " ".join(f"<{iri}>" for iri in sorted(named - {RDF_TYPE}))
    for predicate in sorted(named):
        where = f"VALUES ?o {{ {classes} }} ?s <{predicate}> ?o" if predicate == RDF_TYPE else f"?s <{predicate}> ?o"
        triples = store.query(f"CONSTRUCT {{ ?s <{predicate}> ?o }} WHERE {{ {where} }}", use_default_graph_as_union=True)
        data = triples.serialize(format=ox.RdfFormat.N_TRIPLES)
        if data:
            copy.load(data, format=ox.RdfFormat.N_TRIPLES)
    return copy


def _rows(store: ox.Store, query: str) -> list[tuple[Node, Node | None]]:
    """(focus, value) of each result row of a check's query."""
    found = []
    for row in store.query(query, use_default_graph_as_union=True):
        value = row["value"] if len(row) > 1 else None
        found.append((to_rdflib(row["this"]), to_rdflib(value) if value is not None else None))
    return found


_WORKER_STORE: ox.Store | None = None


def _open_in_worker(path: str) -> None:
    global _WORKER_STORE
    from .read_only import open_read_only

    _WORKER_STORE = open_read_only(path)


def _rows_in_worker(query: str | None) -> list[tuple[Node, Node | None]]:
    """A check's rows, or (query None) the unknown terms' (focus, term), from this worker's read-only store."""
    assert _WORKER_STORE is not None
    return _unknown_terms(_WORKER_STORE) if query is None else _rows(_WORKER_STORE, query)


def find_problems(store: ox.Store, deduplicate: bool = False, path: str | None = None,
                  workers: int = 1) -> list[Problem]:
    """Every result of the shapes over the union of the store's graphs (hints not yet added).

    `deduplicate`: run the checks written in the shapes' own SPARQL over a copy of the triples
    they use, each once (see _deduplicated); worth it for a large store, not for a batch.
    `workers` > 1 with the store's `path`: the other checks run in that many processes, each with
    its own read-only view of the store (a query holds Python's lock, so threads would not help)."""
    checks = compiled_checks()
    closures = _closures(store, checks)
    shapes = shapes_graph()
    queries = [c.query_text(closures) for c in checks]
    local = [i for i, c in enumerate(checks) if deduplicate and c.joins_nodes]
    rest = [i for i in range(len(checks)) if i not in local]
    rows: dict[int, list[tuple[Node, Node | None]]] = {}

    def run_local() -> None:
        if local:
            copy = _deduplicated(store, [queries[i] for i in local])
            rows.update({i: _rows(copy, queries[i]) for i in local})

    if workers > 1 and path is not None:
        from concurrent.futures import ProcessPoolExecutor
        from multiprocessing import get_context

        with ProcessPoolExecutor(workers, mp_context=get_context("spawn"), initializer=_open_in_worker,
                                 initargs=(path,)) as pool:
            # the slowest first, so the last to finish is a short one: the unknown-terms scan reads every quad
            pending = {i: pool.submit(_rows_in_worker, queries[i]) for i in rest}
            unknown = pool.submit(_rows_in_worker, None)
            run_local()  # meanwhile, in this process
            rows |= {i: future.result() for i, future in pending.items()}
            unknown_terms = unknown.result()
    else:
        run_local()
        rows |= {i: _rows(store, queries[i]) for i in rest}
        unknown_terms = _unknown_terms(store)
    problems = []
    for i, check in enumerate(checks):
        path_text = _path_text(shapes, check.path) if check.path is not None else None
        for focus, value in rows[i]:
            problems.append(Problem(severity=check.severity, message=_message(check, focus, value), focus=str(focus),
                                    path=path_text, value=_short(value), shape=str(check.shape),
                                    component=check.component, result=_Origin(check, focus, value)))
    message = str(shapes.value(KNOWN_TERMS_SHAPE, URIRef("http://www.w3.org/ns/shacl#message")))
    for focus, term in unknown_terms:
        problems.append(Problem(severity="Violation",
                                message=_compact_iris(message.replace("Unknown term", f"Unknown term <{term}>")),
                                focus=str(focus), path=None, value=_short(term), shape=str(KNOWN_TERMS_SHAPE),
                                component="KnownTerms", result=_Origin(None, focus, term)))
    return problems


class _Origin(tuple):
    """What a hint needs to know of a result: its check, focus node and value node."""

    def __new__(cls, check: Check | None, focus: Node, value: Node | None):
        return super().__new__(cls, (check, focus, value))


def owners(store: ox.Store, focus: str, skip: set[str]) -> list[str]:
    """The named graphs (outside `skip`) where the focus node is a subject, else where it is an object."""
    node = ox.NamedNode(focus) if focus.startswith(("http:", "https:", "urn:", "file:")) else ox.BlankNode(focus)
    for pattern in ((node, None, None, None), (None, None, node, None)):
        graphs = {q.graph_name.value for q in store.quads_for_pattern(*pattern)
                  if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in skip}
        if graphs:
            return sorted(graphs)
    return []


def with_hints(problems: list[Problem], data_for: Callable[[list[str]], Graph]) -> list[Problem]:
    """Problems with the hint pyshacl's path would give them; `data_for(graph names)` is the data
    (with the reference graphs) the hint looks in, asked only for problems that may have one."""
    from .validate_hints import hint_for

    shapes = shapes_graph()
    done = []
    cache: dict[str, Graph] = {}
    for problem in problems:
        if problem.component in HINTED and isinstance(problem.result, _Origin):
            check, focus, value = problem.result
            key = problem.source or ""
            if key not in cache:
                cache[key] = data_for([problem.source] if problem.source else [])
            hint = hint_for(problem, cache[key], shapes, check.shape if check else None, value, focus,
                            check.path if check else None)
            if hint:
                problem = replace(problem, hint=hint)
        done.append(problem)
    return done


def report_graph(problems: list[Problem]) -> tuple[Graph, list[Problem]]:
    """The standard SHACL validation report of the problems (one sh:ValidationResult each, as
    pyshacl writes them, hints as a second message), and the problems pointing at their results."""
    from rdflib import BNode
    from rdflib.namespace import RDF, SH

    from .validate_report import _copy_closure

    shapes, report = shapes_graph(), Graph()
    root = BNode()
    report.add((root, RDF.type, SH.ValidationReport))
    report.add((root, SH.conforms, Literal(not any(p.is_violation for p in problems))))
    done = []
    for problem in problems:
        origin = problem.result if isinstance(problem.result, _Origin) else None
        if origin is None:
            done.append(problem)
            continue
        check, focus, value = origin
        result = BNode()
        report.add((root, SH.result, result))
        report.add((result, RDF.type, SH.ValidationResult))
        report.add((result, SH.focusNode, focus))
        report.add((result, SH.resultSeverity, SH[problem.severity]))
        report.add((result, SH.resultMessage, Literal(problem.message)))
        if problem.hint:
            report.add((result, SH.resultMessage, Literal(problem.hint, lang="en")))
        if value is not None:
            report.add((result, SH.value, value))
        if check is None:  # kgsh:KnownTerms, checked in Python
            report.add((result, SH.sourceShape, KNOWN_TERMS_SHAPE))
            report.add((result, SH.sourceConstraintComponent, KNOWN_TERMS_SHAPE))
        else:
            report.add((result, SH.sourceShape, check.shape))
            if not isinstance(check.shape, URIRef):  # a property shape: the report carries its description
                _copy_closure(shapes, check.shape, report)
            report.add((result, SH.sourceConstraintComponent, SH[check.component]))
            if check.path is not None:
                report.add((result, SH.resultPath, check.path))
                _copy_closure(shapes, check.path, report)
        done.append(replace(problem, result=result))
    return report, done


def attributed(store: ox.Store, problems: Iterable[Problem], skip: set[str]) -> dict[str, list[Problem]]:
    """Problems per named graph that describes their focus node (a problem about no graph's node is dropped)."""
    found: dict[str, list[Problem]] = {}
    cache: dict[str, list[str]] = {}
    for problem in problems:
        if problem.focus not in cache:
            cache[problem.focus] = owners(store, problem.focus, skip)
        for name in cache[problem.focus]:
            found.setdefault(name, []).append(replace(problem, source=name))
    return found


def ordered(problems: list[Problem]) -> list[Problem]:
    problems = sorted(problems, key=lambda p: (p.focus, SEVERITY_ORDER.get(p.severity, 3), p.path or "", p.message,
                                               p.hint is None))
    return _distinct(problems)


def graph_of(store: ox.Store, names: list[str]) -> Graph:
    """The reference graphs and the named graphs as one rdflib Graph (what hints look in)."""
    data = Graph()
    for name in [*REFERENCE_GRAPHS, *names]:
        for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
            data.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
    return data


def validate_batch(graphs: list[tuple[str, str]]) -> dict[str, list[Problem]]:
    """Problems per named graph for documents given as (graph name, N-Triples), validated together
    with the reference data, as pyshacl's validate_graphs does it."""
    store = batch_store(graphs)
    per_graph = attributed(store, find_problems(store), set(REFERENCE_GRAPHS))
    found: dict[str, list[Problem]] = {name: [] for name, _ in graphs}
    for name, problems in per_graph.items():
        found[name] = [replace(p, result=None) for p in ordered(with_hints(problems, lambda names: graph_of(store, names)))]
    return found


def validate_store_fast(store: ox.Store, path: str | None = None, with_report: bool = True) -> Outcome:
    """Everything in a store, each problem handed to the named graph(s) that describe its focus
    node (problems about nodes of no named graph to "(default graph)"), with the SHACL report.
    Given the store's `path`, the checks of a large store run in one process per core. The SHACL
    report graph is only built `with_report` (it is what --format turtle prints, and costs
    seconds per hundred thousand results)."""
    import os

    large = len(store) > 200_000
    problems = find_problems(store, deduplicate=True, path=path, workers=(os.cpu_count() or 1) if large else 1)
    found = attributed(store, problems, set()) if problems else {}
    owned = {q.focus for ps in found.values() for q in ps}
    unowned = [p for p in problems if p.focus not in owned]
    if unowned:
        found["(default graph)"] = [replace(p, source="(default graph)") for p in unowned]
    everything = [p for name in sorted(found)
                  for p in ordered(with_hints(found[name], lambda names: graph_of(store, names)))]
    if with_report:
        report, everything = report_graph(everything)
    else:
        report, everything = Graph(), [replace(p, result=None) for p in everything]
    per_graph: dict[str, list[Problem]] = {}
    for problem in everything:
        per_graph.setdefault(problem.source, []).append(problem)
    names = sorted({g.value for g in store.named_graphs()} - set(REFERENCE_GRAPHS))
    sources = [n for n in names if n in per_graph] + [n for n in per_graph if n not in names]
    return Outcome(sources=sources, problems=per_graph, report=report, checked=len(names))

