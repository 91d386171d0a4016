"""The points under "What needs to improve?" (ILACS) or "Recommendations"
(SIF): each an area-for-improvement Finding, linked to the judgement area its
words point to when they point to one."""
from __future__ import annotations

import re

from ..model import Finding
from .context import Context
from .report_common import report_facts

HEADING = re.compile(r"^(?:What needs to improve\??|What needs to improve in this area\??|Recommendations)\s*$", re.M | re.I)
POINT = re.compile(r"^(?:•\s*|\d{1,3}\.\s+)(?P<text>[^\n]+)$")
AREA_WORDS = [  # first match wins: the most specific first
    ("care-leavers", re.compile(r"\bcare leavers?\b|\bpathway plans?\b|\bpersonal advisers?\b|\bleaving care\b", re.I)),
    ("adoption", re.compile(r"\badopt(?:ion|ers?|ive)\b", re.I)),
    ("lscb", re.compile(r"\b(?:LSCB|safeguarding children board)\b|\bthe board\b", re.I)),
    ("in-care", re.compile(r"\bchildren in care\b|\blooked[- ]after\b|\bcorporate parent\w*|\bpermanence\b|\bplacements?\b"
                           r"|\bfoster\w*\b|\bpersonal education plans?\b|\bvirtual school\b", re.I)),
    ("help-protection", re.compile(r"\bhelp and protection\b|\bchild protection\b|\bchildren in need\b|\bearly help\b"
                                   r"|\bstrategy (?:discussions?|meetings?)\b|\breferrals?\b|\bthresholds?\b|\bassessments?\b"
                                   r"|\bfront door\b|\bMASH\b|\bexploitation\b|\bmissing\b|\bprivate(?:ly)? fostering\b", re.I)),
    ("leadership", re.compile(r"\bleaders(?:hip)?\b|\bmanage(?:ment|rs)\b|\boversight\b|\bquality assurance\b|\baudits?\b"
                              r"|\bperformance\b|\bsupervision\b|\bworkforce\b|\bcaseloads?\b|\bgovernance\b", re.I)),
]


def extract(ctx: Context) -> list[Finding]:
    facts = report_facts(ctx)
    if facts.gss is None:
        return []
    text = ctx.doc.text
    out: list[Finding] = []
    for heading in HEADING.finditer(text):
        offset = heading.end() + 1
        for line in text[offset:].split("\n"):
            stripped = line.strip()
            if stripped == "\f" or not stripped:
                offset += len(line) + 1
                continue
            point = POINT.match(stripped)
            if not point:
                break
            start = offset + line.index(point.group("text"))
            words = point.group("text").strip()
            out.append(Finding(facts.gss, "area-for-improvement", words, ctx.doc.evidence(start, start + len(words)),
                               area=area_of(words)))
            offset += len(line) + 1
    return out


def area_of(words: str) -> str | None:
    """The judgement area a point is about, from its words; None when they do not say."""
    for area, pattern in AREA_WORDS:
        if pattern.search(words):
            return area
    return None
