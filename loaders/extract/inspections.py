"""Inspections over time: focused visits, monitoring visits and joint targeted
area inspections (which carry no grade), and earlier full inspections an
article dates ("since its last full inspection in 2015"), each for the council
it was of. Graded inspections get their node from their judgements."""
from __future__ import annotations

import re

from ..model import Inspection
from . import grades as lex
from .context import Context

KINDS = [
    ("jtai", re.compile(r"\bjoint\s+targeted\s+area\s+inspections?\b|\bJTAIs?\b", re.I)),
    ("focused-visit", re.compile(r"\bfocused\s+visits?\b", re.I)),
    ("monitoring-visit", re.compile(r"\bmonitoring\s+(?:visits?|inspections?|reports?)\b", re.I)),
    ("full-inspection", re.compile(r"\b(?:full|standard|short|ILACS|SIF|children.s\s+services|graded)\s+inspections?\b"
                                   r"|\binspection\s+of\s+(?:its\s+|the\s+council.s\s+)?children.s\s+(?:social\s+care\s+)?"
                                   r"services\b|\b(?:last|previous|earlier)\s+inspection\b|\binspected\b", re.I)),
]
REACH_BEFORE, REACH_AFTER = 40, 60
CURRENT = re.compile(r"\b(?:recent|latest|this|new|today|during|first|second|third)\b", re.I)


def extract(ctx: Context) -> list[Inspection]:
    text = ctx.doc.text
    found: dict[tuple[str, str, int | None], Inspection] = {}
    for i, span in enumerate(ctx.sentences):
        taken: list[tuple[int, int]] = []
        for kind, pattern in KINDS:
            for m in pattern.finditer(text, span.start, span.end):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                taken.append((m.start(), m.end()))
                if lex.FUTURE.search(text, max(span.start, m.start() - 40), m.start()):
                    continue  # "will now receive monitoring visits": not one that has happened
                years = _years(text, span.start, span.end, m.start(), m.end())
                if kind == "full-inspection" and not years:
                    continue  # the inspection an article reports gets its node from its judgements
                if not years:
                    lead = text[max(span.start, m.start() - 40):m.start()]
                    years = [ctx.year if CURRENT.search(lead) else None]
                councils = _councils(ctx, i, m.start(), m.group(0))
                evidence = ctx.doc.evidence(span.start, span.end)
                for council in councils:
                    for year in years:
                        gss = ctx.gazetteer.council_in_year(council, year)
                        found.setdefault((gss, kind, year), Inspection(gss, kind, year, evidence,
                                                                       current=not lex.PREVIOUS.search(text, span.start, m.end())))
    return list(found.values())


def _years(text: str, start: int, end: int, m_start: int, m_end: int) -> list[int | None]:
    out: list[int | None] = []
    for y in lex.YEAR.finditer(text, max(start, m_start - REACH_BEFORE), min(end, m_end + REACH_AFTER)):
        if int(y.group()) not in out:
            out.append(int(y.group()))
    return out


def _councils(ctx: Context, index: int, pos: int, written: str) -> list[str]:
    span = ctx.sentences[index]
    named = ctx.by_sentence[index]
    if written.lower().endswith("s") and not named and lex.GENERIC_SUBJECT.search(ctx.doc.text, span.start, span.end):
        return []  # visits to councils in general
    return ctx.councils_at(index, pos)
