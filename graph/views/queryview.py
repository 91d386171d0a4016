"""A query turned into a view.

- CONSTRUCT or DESCRIBE: the triples themselves. IRIs are nodes, typed from
  rdf:type (a kg:Council is drawn as a council); labels come from
  skos:prefLabel, rdfs:label or schema:name; other literals go into the
  subject's tooltip; kg:grade objects colour their subject.
- SELECT (a named query, a .rq file or text): each row is a small star.
  The first column's value is the hub; each other column whose values name
  things (not quotes, codes, numbers or dates) becomes a node linked from it,
  the edge labelled with the column name; quote and source become the edge's
  evidence and the remaining columns its details.
"""
from __future__ import annotations

from collections import defaultdict

import networkx as nx
import pyoxigraph as ox

from ..query import QueryError, resolve_query, run_query, solutions_table
from .project import Projection, shorten, tooltip

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
KG = "https://w3id.org/ofsted-kg/ontology#"
LABELS = ("http://www.w3.org/2004/02/skos/core#prefLabel", "http://www.w3.org/2000/01/rdf-schema#label",
          "https://schema.org/name")
TYPES = {f"{KG}Council": "council", f"{KG}Inspection": "inspection", f"{KG}Judgement": "judgement",
         f"{KG}Person": "person", f"{KG}Initiative": "initiative", f"{KG}Finding": "finding",
         f"{KG}Statistic": "statistic", f"{KG}Area": "area", "http://www.w3.org/ns/org#Organization": "organisation"}
GRADE_BASE = "https://w3id.org/ofsted-kg/id/grade/"
DETAIL_COLUMNS = {"quote", "gss", "year", "value", "unit", "measure", "date", "as_written", "role", "text"}
COLUMN_KINDS = {"council": "council", "organisation": "organisation", "name": "resource", "area": "area",
                "grade": "judgement", "person": "person", "initiative": "initiative",
                "source": "document"}
MAX_LITERAL = 30


def local_name(iri: str) -> str:
    return iri.rstrip("/#").rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def from_triples(triples: list[ox.Triple]) -> nx.DiGraph:
    g = nx.DiGraph()
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    grades: dict[str, str] = {}
    details: dict[str, list[str]] = defaultdict(list)
    links: list[tuple[str, str, str]] = []
    for t in triples:
        s, p, o = t.subject.value, t.predicate.value, t.object
        if p in LABELS and isinstance(o, ox.Literal):
            labels.setdefault(s, o.value)
        elif p == RDF_TYPE and o.value in TYPES:
            kinds[s] = TYPES[o.value]
        elif p == f"{KG}grade" and o.value.startswith(GRADE_BASE):
            grades[s] = local_name(o.value)
            links.append((s, o.value, "grade"))
        elif isinstance(o, ox.Literal):
            details[s].append(f"{local_name(p)}: {shorten(o.value, 200)}")
        elif p != RDF_TYPE:
            links.append((s, o.value, local_name(p)))
    for s, o, relation in links:
        for node in (s, o):
            if node not in g:
                kind = kinds.get(node, "resource")
                label = labels.get(node) or local_name(node)
                g.add_node(node, kind=kind, label=shorten(label), grade=grades.get(node),
                           title=tooltip(label, [node, *details.get(node, [])], []), sources=0)
        g.add_edge(s, o, relation=relation, weight=1, title=relation)
    for s in set(labels) | set(details) | set(kinds):
        if s not in g:
            label = labels.get(s) or local_name(s)
            g.add_node(s, kind=kinds.get(s, "resource"), label=shorten(label), grade=grades.get(s),
                       title=tooltip(label, [s, *details.get(s, [])], []), sources=0)
    return g


def from_rows(columns: list[str], rows: list[list[str]]) -> nx.DiGraph:
    g = nx.DiGraph()
    things = [c for c in columns if c not in DETAIL_COLUMNS]
    if not things:
        things = columns[:1]
    hub_column, others = things[0], things[1:]
    for row in rows:
        values = dict(zip(columns, row))
        hub = values[hub_column]
        if not hub:
            continue
        evidence = [(values["quote"], values.get("source", ""))] if values.get("quote") else []
        facts = [f"{c}: {shorten(values[c], 120)}" for c in columns if c in DETAIL_COLUMNS - {"quote"}
                 and values.get(c)]
        _row_node(g, hub_column, hub)
        for column in others:
            if values.get(column):
                target = _row_node(g, column, values[column])
                g.add_edge(f"{hub_column}:{hub}", target, relation=column, weight=1,
                           title=tooltip(f"{hub} — {column} — {values[column]}", facts, evidence))
    return g


def _row_node(g: nx.DiGraph, column: str, value: str) -> str:
    node = f"{column}:{value}"
    if node not in g:
        kind = COLUMN_KINDS.get(column, "literal" if len(value) <= MAX_LITERAL else "resource")
        grade = value.rsplit("/", 1)[-1] if column == "grade" else None
        g.add_node(node, kind=kind, label=shorten(value), grade=grade, title=f"{column}: {value}", sources=0)
    return node


def query_view(store: ox.Store, spec: str, params: dict[str, str] | None = None) -> tuple[Projection, str]:
    """The projection of a query's result and the query text shown on the page."""
    sparql, named = resolve_query(spec)
    result = run_query(store, sparql, params)
    title = f"Query: {named.title}" if named else "Query view"
    if isinstance(result, ox.QueryTriples):
        graph = from_triples(list(result))
    elif isinstance(result, ox.QuerySolutions):
        columns, rows = solutions_table(result)
        graph = from_rows(columns, rows)
    else:
        raise QueryError("an ASK query has no graph to draw; use CONSTRUCT, DESCRIBE or SELECT")
    return Projection(graph, title, "query"), sparql
