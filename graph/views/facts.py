"""Read the facts a view draws from the store: one SPARQL SELECT per kind of
fact, each row carrying the fact's evidence quote and source file name.

Kept apart from the projection so the same rows feed the detailed and the
aggregated graph, and so a test can see exactly what the store held.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import pyoxigraph as ox

from ..query import run_query

# One row per fact per document graph, and evidence matched to the fact in the same graph, so a node
# two documents share (an initiative two councils run) keeps each source's link and quote apart.
EVIDENCE = """
SELECT ?g ?fact ?quote WHERE { GRAPH ?g { ?fact kg:evidence ?e . ?e oa:hasSelector ?sel . ?sel oa:exact ?quote } }"""
SOURCES = """
SELECT ?g ?source WHERE { GRAPH ?g { ?d kg:fileName ?source } }"""

QUERIES: dict[str, str] = {
    "mentions": f"""
SELECT ?g ?fact ?council WHERE {{ GRAPH ?g {{
  ?fact a kg:CouncilMention ; kg:council ?council .
}} }}""",
    "councils": """
SELECT ?council ?name ?gss WHERE {
  GRAPH <https://w3id.org/ofsted-kg/graph/reference> { ?council a kg:Council ; skos:prefLabel ?name ; kg:gssCode ?gss }
}""",
    "inspections": f"""
SELECT ?g ?fact ?council ?kind ?year WHERE {{
  GRAPH ?g {{ ?fact a kg:Inspection ; kg:council ?council .
    OPTIONAL {{ ?fact kg:kind ?kind }}
    OPTIONAL {{ ?fact kg:year ?year }} }}
}}""",
    "judgements": f"""
SELECT ?g ?fact ?inspection ?council ?area ?grade ?year WHERE {{
  GRAPH ?g {{ ?fact a kg:Judgement ; kg:inspection ?inspection ; kg:area ?area ; kg:grade ?grade .
    ?inspection kg:council ?council .
    OPTIONAL {{ ?inspection kg:year ?year }} }}
}}""",
    "posts": f"""
SELECT ?g ?fact ?person ?name ?role ?org ?orgName WHERE {{
  GRAPH ?g {{ ?fact a kg:Post ; org:heldBy ?person .
    ?person schema:name ?name .
    OPTIONAL {{ ?fact kg:roleLabel ?role }}
    OPTIONAL {{ ?fact org:postIn ?org . OPTIONAL {{ ?org rdfs:label ?orgName }} }} }}
}}""",
    "initiatives": f"""
SELECT ?g ?fact ?name ?council WHERE {{ GRAPH ?g {{
  ?fact a kg:Initiative ; rdfs:label ?name .
  OPTIONAL {{ ?fact kg:runBy ?council }}
}} }}""",
    "findings": f"""
SELECT ?g ?fact ?council ?kind ?text ?area WHERE {{
  GRAPH ?g {{ ?fact a kg:Finding ; kg:council ?council ; kg:findingKind ?kind .
    OPTIONAL {{ ?fact kg:text ?text }}
    OPTIONAL {{ ?fact kg:area ?area }} }}
}}""",
    "statistics": f"""
SELECT ?g ?fact ?council ?value ?unit ?measure WHERE {{
  GRAPH ?g {{ ?fact a kg:Statistic ; kg:council ?council ; kg:value ?value .
    OPTIONAL {{ ?fact kg:unit ?unit }}
    OPTIONAL {{ ?fact kg:measure ?measure }} }}
}}""",
}


@dataclass
class Fact:
    """One fact node with its fields and every (quote, source) that supports it."""

    iri: str
    fields: dict[str, str]
    evidence: list[tuple[str, str]] = field(default_factory=list)

    @property
    def sources(self) -> set[str]:
        return {source for _, source in self.evidence if source}


@dataclass
class StoreFacts:
    """Everything a view can draw, keyed by kind; council names from the reference graph."""

    council_names: dict[str, tuple[str, str]]  # IRI -> (name, GSS)
    kinds: dict[str, list[Fact]]

    def count(self, kind: str) -> int:
        return len(self.kinds.get(kind, []))

    def evidence_count(self) -> int:
        return sum(len(f.evidence) for facts in self.kinds.values() for f in facts)


CODED = {"kind", "area", "grade", "unit"}  # IRIs whose last segment is the vocabulary's notation
FINDING_KINDS = {"Strength": "strength", "AreaForImprovement": "area-for-improvement"}


def _value(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _code(iri: str) -> str:
    """area/overall -> overall, grade/requires-improvement -> requires-improvement, ontology#Strength -> strength.
    Read from the IRI rather than joined to skos:notation: the join made Oxigraph's plan minutes long."""
    last = iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    return FINDING_KINDS.get(last, last)


def _evidence(store: ox.Store) -> dict[tuple[str, str], list[tuple[str, str]]]:
    """(graph, fact) -> [(quote, source file)], read in two queries for every kind at once (an OPTIONAL
    evidence join per fact was the slowest part of a big view)."""
    sources = {_value(r["g"]): _value(r["source"]) for r in run_query(store, SOURCES)}
    found: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for r in run_query(store, EVIDENCE):
        g = _value(r["g"])
        found[(g, _value(r["fact"]))].append((_value(r["quote"]), sources.get(g, "")))
    return found


def _collect(store: ox.Store, sparql: str, evidence: dict[tuple[str, str], list[tuple[str, str]]]) -> list[Fact]:
    """Rows grouped by fact IRI and what it links to (a shared node linked differently by two sources is two
    Facts); other fields from the first row,
    evidence gathered from every row."""
    facts: dict[tuple, Fact] = {}
    seen: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    result = run_query(store, sparql)
    names = [v.value for v in result.variables]
    for row in result:
        values = {n: _code(_value(row[n])) if n in CODED else _value(row[n]) for n in names}
        iri, graph = values.pop("fact"), values.pop("g")
        key = (iri, values.get("council", ""), values.get("org", ""), values.get("inspection", ""))
        fact = facts.get(key)
        if fact is None:
            fact = facts[key] = Fact(iri, values)
        for quote, source in evidence.get((graph, iri), []):
            if (quote, source) not in seen[key]:
                seen[key].add((quote, source))
                fact.evidence.append((quote, source))
    return list(facts.values())


def read_facts(store: ox.Store) -> StoreFacts:
    """Every fact kind the views draw, read once."""
    councils = {_value(r["council"]): (_value(r["name"]), _value(r["gss"]))
                for r in run_query(store, QUERIES["councils"])}
    evidence = _evidence(store)
    kinds = {kind: _collect(store, sparql, evidence) for kind, sparql in QUERIES.items() if kind != "councils"}
    return StoreFacts(councils, kinds)
