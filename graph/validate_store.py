"""Validating what a store holds, and the context a store lends to new data.

The whole store is validated at once over the union of its graphs (shared
nodes such as a judgement two sources report must be seen together for the
"sources disagree" warning), by the shapes compiled to SPARQL; each result is
then handed to the named graph(s) that describe its focus node."""
from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox
from rdflib import Graph, Literal

from . import iris
from rdflib.namespace import RDF

from .namespaces import KG
from .validate import Outcome, to_rdflib

RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
REFERENCE_GRAPHS = {str(iris.ONTOLOGY_GRAPH), str(iris.VOCAB_GRAPH), str(iris.REFERENCE_GRAPH)}


def graph_labels(store: ox.Store) -> dict[str, str]:
    """Named graph -> 'file name (graph IRI)' for documents and curated files."""
    rows = store.query(f"SELECT ?g ?name WHERE {{ GRAPH ?g {{ ?d <{KG.fileName}> ?name }} }}")
    return {row["g"].value: row["name"].value for row in rows}


def validate_whole_store(store: ox.Store, path: str | None = None, with_report: bool = True) -> Outcome:
    """Every graph of the store, by the shapes compiled to SPARQL and run inside Oxigraph
    (graph/validate_fast.py): pyshacl over the union of a store of 10,000 documents did not
    finish in half an hour. Shared nodes (a judgement two sources report) are seen together."""
    from dataclasses import replace as with_fields

    from .validate_fast import validate_store_fast

    return with_fields(validate_store_fast(store, path, with_report), labels=graph_labels(store))


def context_for(store: ox.Store, data: Graph, exclude: Iterable[str] = ()) -> Graph:
    """What the store already says about the nodes `data` mentions, outside the reference
    graphs and the graphs being replaced: their own statements, and the judgements of
    the inspections they name (so "sources disagree" is seen before data goes in)."""
    skip = REFERENCE_GRAPHS | set(exclude)
    context = Graph()
    nodes = {str(n) for n in set(data.subjects()) | set(data.objects())
             if not isinstance(n, Literal) and str(n).startswith("http")}

    def add_about(iri: str) -> None:
        for q in store.quads_for_pattern(ox.NamedNode(iri), None, None, None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in skip:
                context.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))

    for iri in nodes:
        add_about(iri)
    inspections = {str(o) for o in data.objects(None, KG.inspection)}
    # the store's inspections of the same councils, so judgements under other IRIs are compared too
    councils = {str(c) for i in data.subjects(RDF.type, KG.Inspection) for c in data.objects(i, KG.council)}
    inspection_type = ox.NamedNode(str(KG.Inspection))
    for council in councils:
        for q in store.quads_for_pattern(None, ox.NamedNode(str(KG.council)), ox.NamedNode(council), None):
            if (isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in skip
                    and any(True for _ in store.quads_for_pattern(q.subject, RDF_TYPE, inspection_type, q.graph_name))):
                inspections.add(q.subject.value)
                add_about(q.subject.value)
    for iri in inspections:
        for q in store.quads_for_pattern(None, ox.NamedNode(str(KG.inspection)), ox.NamedNode(iri), None):
            if isinstance(q.graph_name, ox.NamedNode) and q.graph_name.value not in skip and q.subject.value not in nodes:
                add_about(q.subject.value)
    return context
