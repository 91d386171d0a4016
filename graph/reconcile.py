"""Reconciling what sources say about councils' grades with the record.

The record is a curated outcomes table (`import-outcomes`) and, where no table
grades a judgement, an Ofsted report. For each council: its official latest
grades; each report or article grade that agrees or disagrees with the record
for the same inspection (one Judgement node, seen by several sources); and
grades articles give for inspections the record does not have. The work is
done by the named queries queries/reconcile-*.rq; this module runs them and
groups their rows by council.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pyoxigraph as ox

from .query import named_queries, run_query, solutions_table

SECTIONS = ("official", "comparisons", "unrecorded")


@dataclass
class CouncilReconciliation:
    council: str
    gss: str
    official: list[dict[str, str]] = field(default_factory=list)
    comparisons: list[dict[str, str]] = field(default_factory=list)
    unrecorded: list[dict[str, str]] = field(default_factory=list)

    @property
    def disagreements(self) -> list[dict[str, str]]:
        return [row for row in self.comparisons if row["verdict"] == "disagrees"]


def rows_of(store: ox.Store, query: str, council: str | None = None) -> list[dict[str, str]]:
    """The rows of a named query as dicts, optionally for one council (any name the gazetteer knows)."""
    named = named_queries()[query]
    params = {"council": council} if council else {}
    columns, rows = solutions_table(run_query(store, named.sparql, params, named))
    return [dict(zip(columns, row)) for row in rows]


def disagreements(store: ox.Store, council: str | None = None) -> list[dict[str, str]]:
    return rows_of(store, "reconcile-disagreements", council)


def reconcile(store: ox.Store, council: str | None = None) -> list[CouncilReconciliation]:
    """Per council, in name order: official grades, comparisons with the record, unrecorded grades."""
    found: dict[str, CouncilReconciliation] = {}
    for section in SECTIONS:
        for row in rows_of(store, f"reconcile-{section}", council):
            entry = found.setdefault(row["gss"], CouncilReconciliation(row["council"], row["gss"]))
            getattr(entry, section).append(row)
    return sorted(found.values(), key=lambda c: c.council)
