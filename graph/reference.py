"""The reference councils (ontology/councils.ttl) as gazetteer records, read
once per process."""
from __future__ import annotations

from datetime import date
from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import SDO, SKOS

from ..loaders.gazetteer import CouncilRecord, Gazetteer
from .namespaces import KG
from .resources import COUNCILS_FILE


@lru_cache(maxsize=1)
def council_records() -> tuple[CouncilRecord, ...]:
    g = Graph().parse(COUNCILS_FILE, format="turtle")
    records = []
    for council in g.subjects(predicate=KG.gssCode):
        gss = str(g.value(council, KG.gssCode))
        name = str(g.value(council, SKOS.prefLabel))
        short = str(g.value(council, KG.shortName))
        alts = {str(a) for a in g.objects(council, SKOS.altLabel)}
        start, end = g.value(council, SDO.foundingDate), g.value(council, SDO.dissolutionDate)
        records.append(CouncilRecord(
            gss=gss, name=name, short_name=short, names=tuple(sorted(alts | {name, short})),
            start=date.fromisoformat(str(start)) if start else None,
            end=date.fromisoformat(str(end)) if end else None,
            successors=tuple(sorted(str(s).rsplit("/", 1)[-1] for s in g.objects(council, KG.successor))),
        ))
    return tuple(sorted(records, key=lambda r: r.gss))


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    return Gazetteer(list(council_records()))
