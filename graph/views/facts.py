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

# One row per fact per document graph: the fact's own triples and its evidence are read in the same
# graph, so a node two documents share (an initiative two councils run) keeps each source's link apart.
EVIDENCE = """
    OPTIONAL { ?fact kg:evidence ?e . ?e oa:hasSelector/oa:exact ?quote .
               OPTIONAL { ?e oa:hasSource/kg:fileName ?source } }
"""

QUERIES: dict[str, str] = {
    "mentions": f"""
SELECT ?fact ?council ?quote ?source WHERE {{ GRAPH ?g {{
  ?fact a kg:CouncilMention ; kg:council ?council . {EVIDENCE}
}} }}""",
    "councils": """
SELECT ?council ?name ?gss WHERE {
  GRAPH <https://w3id.org/ofsted-kg/graph/reference> { ?council a kg:Council ; skos:prefLabel ?name ; kg:gssCode ?gss }
}""",
    "inspections": f"""
SELECT ?fact ?council ?kind ?year ?quote ?source WHERE {{
  GRAPH ?g {{ ?fact a kg:Inspection ; kg:council ?council .
    OPTIONAL {{ ?fact kg:year ?year }} {EVIDENCE} }}
  OPTIONAL {{ ?fact kg:kind/skos:notation ?kind }}
}}""",
    "judgements": f"""
SELECT ?fact ?inspection ?council ?area ?grade ?year ?quote ?source WHERE {{
  GRAPH ?g {{ ?fact a kg:Judgement ; kg:inspection ?inspection ; kg:area ?a ; kg:grade ?gr .
    ?inspection kg:council ?council .
    OPTIONAL {{ ?inspection kg:year ?year }} {EVIDENCE} }}
  ?a skos:notation ?area . ?gr skos:notation ?grade .
}}""",
    "posts": f"""
SELECT ?fact ?person ?name ?role ?org ?orgName ?quote ?source WHERE {{
  GRAPH ?g {{ ?fact a kg:Post ; org:heldBy ?person .
    ?person schema:name ?name .
    OPTIONAL {{ ?fact kg:roleLabel ?role }}
    OPTIONAL {{ ?fact org:postIn ?org }} {EVIDENCE} }}
  OPTIONAL {{ ?fact org:postIn/(skos:prefLabel|rdfs:label) ?orgName }}
}}""",
    "initiatives": f"""
SELECT ?fact ?name ?council ?quote ?source WHERE {{ GRAPH ?g {{
  ?fact a kg:Initiative ; rdfs:label ?name .
  OPTIONAL {{ ?fact kg:runBy ?council }} {EVIDENCE}
}} }}""",
    "findings": f"""
SELECT ?fact ?council ?kind ?text ?area ?quote ?source WHERE {{
  GRAPH ?g {{ ?fact a kg:Finding ; kg:council ?council ; kg:findingKind ?fk .
    OPTIONAL {{ ?fact kg:text ?text }} {EVIDENCE} }}
  ?fk skos:notation ?kind .
  OPTIONAL {{ ?fact kg:area/skos:notation ?area }}
}}""",
    "statistics": f"""
SELECT ?fact ?council ?value ?unit ?measure ?quote ?source WHERE {{
  GRAPH ?g {{ ?fact a kg:Statistic ; kg:council ?council ; kg:value ?value .
    OPTIONAL {{ ?fact kg:measure ?measure }} {EVIDENCE} }}
  OPTIONAL {{ ?fact kg:unit/skos:notation ?unit }}
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


def _value(term) -> str:
    if term is None:
        return ""
    return term.value if hasattr(term, "value") else str(term)


def _collect(store: ox.Store, sparql: str) -> list[Fact]:
    """Rows grouped by fact IRI and what it links to (a shared node linked differently by two sources is two
    Facts); other fields from the first row,
    evidence gathered from every row."""
    facts: dict[tuple, Fact] = {}
    seen: dict[tuple, set[tuple[str, str]]] = defaultdict(set)
    result = run_query(store, sparql)
    names = [v.value for v in result.variables]
    for row in result:
        values = {n: _value(row[n]) for n in names}
        iri = values.pop("fact")
        quote, source = values.pop("quote", ""), values.pop("source", "")
        key = (iri, values.get("council", ""), values.get("org", ""), values.get("inspection", ""))
        fact = facts.get(key)
        if fact is None:
            fact = facts[key] = Fact(iri, values)
        if quote and (quote, source) not in seen[key]:
            seen[key].add((quote, source))
            fact.evidence.append((quote, source))
    return list(facts.values())


def read_facts(store: ox.Store) -> StoreFacts:
    """Every fact kind the views draw, read once."""
    councils = {_value(r["council"]): (_value(r["name"]), _value(r["gss"]))
                for r in run_query(store, QUERIES["councils"])}
    kinds = {kind: _collect(store, sparql) for kind, sparql in QUERIES.items() if kind != "councils"}
    return StoreFacts(councils, kinds)
