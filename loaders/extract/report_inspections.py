"""The inspection a report reports (dates, framework, kind) and the ungraded
visits it mentions: focused visits, monitoring visits and joint targeted area
inspections (JTAIs), each an Inspection fact with the year written beside it."""
from __future__ import annotations

import re

from ..model import Inspection
from .context import Context
from .report_common import report_facts

VISIT = re.compile(r"\b(?P<kind>focused\s+visits?|monitoring\s+visits?|joint\s+targeted\s+area\s+inspections?|JTAIs?)\b", re.I)
KINDS = {"focused": "focused-visit", "monitoring": "monitoring-visit", "joint": "jtai", "jtai": "jtai"}
YEAR_NEAR = re.compile(r"^[^.;]{0,60}?\b(?:in|of|during)\s+(?:\w+\s+)?((?:19|20)\d{2})\b")


def extract(ctx: Context) -> list[Inspection]:
    facts = report_facts(ctx)
    if facts.gss is None:
        return []
    out: list[Inspection] = []
    if facts.dates_span:
        start, end = facts.dates_span
        out.append(Inspection(facts.gss, "full-inspection", facts.year, ctx.doc.evidence(start, end),
                              framework=facts.framework, start_date=facts.start, end_date=facts.end, current=True))
    seen: set[tuple[str, int | None]] = set()
    text = ctx.doc.text
    for span in ctx.sentences:
        for match in VISIT.finditer(text, span.start, span.end):
            kind = KINDS[match.group("kind").split()[0].lower().rstrip("s")]
            year_match = YEAR_NEAR.search(text[match.end():span.end])
            year = int(year_match.group(1)) if year_match else None
            if year is None or (kind, year) in seen:
                continue  # a visit without a year cannot be told apart from another; leave it
            seen.add((kind, year))
            out.append(Inspection(facts.gss, kind, year, ctx.doc.evidence(span.start, span.end), current=False))
    return out
