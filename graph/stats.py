"""What a store holds, counted: documents, triples, councils, judgements and the rest."""
from __future__ import annotations

import pyoxigraph as ox

from .query import run_query

COUNTS = {
    "documents": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:Document }",
    "curated sources": "SELECT (COUNT(DISTINCT ?d) AS ?n) WHERE { ?d a kg:CuratedSource }",
    "named graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "councils named": "SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE { ?m a kg:CouncilMention ; kg:council ?c }",
    "inspections": "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Inspection }",
    "judgements": "SELECT (COUNT(DISTINCT ?j) AS ?n) WHERE { ?j a kg:Judgement }",
    "people": "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a kg:Person }",
    "initiatives": "SELECT (COUNT(DISTINCT ?i) AS ?n) WHERE { ?i a kg:Initiative }",
    "statistics": "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a kg:Statistic }",
    "findings": "SELECT (COUNT(DISTINCT ?f) AS ?n) WHERE { ?f a kg:Finding }",
}


def store_stats(store: ox.Store) -> dict[str, int]:
    stats = {"quads": len(store)}
    for label, sparql in COUNTS.items():
        row = next(iter(run_query(store, sparql)))
        stats[label] = int(row["n"].value)
    return stats
