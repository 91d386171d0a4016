"""The judgement table on a report's front page: one grade per area.

ILACS (2018 on) prints a table of areas and grades ending in "Overall
effectiveness"; from 2023 care leavers have their own row. The single
inspection framework (2013-2017) states the overall grade in a sentence
("Children's services in X are good", "The overall judgement is good"),
numbers its areas and sub-judgements (2.1 adoption, 2.2 care leavers) and
reviews the Local Safeguarding Children Board in a sentence of its own.
Area labels may wrap anywhere, so labels match with any whitespace.
"""
from __future__ import annotations

import re

from ..model import Judgement
from .context import Context
from .report_common import FRONT, GRADE, grade_code, report_facts


def _label(words: str) -> str:
    """A label that matches across line breaks and either apostrophe."""
    return r"\s+".join(re.escape(w).replace("’", "['’]") for w in words.split())


ILACS_AREAS = [  # longest first: "children in care and care leavers" before "children in care"
    ("in-care", "The experiences and progress of children in care and care leavers"),
    ("help-protection", "The experiences and progress of children who need help and protection"),
    ("leadership", "The impact of leaders on social work practice with children and families"),
    ("in-care", "The experiences and progress of children in care"),
    ("care-leavers", "The experiences and progress of care leavers"),
    ("overall", "Overall effectiveness"),
]
SIF_AREAS = [
    ("help-protection", r"1\.\s+Children who need help and protection"),
    ("in-care", r"2\.\s+Children looked after and achieving permanence"),
    ("adoption", r"2\.1\.?\s+Adoption performance"),
    ("care-leavers", r"2\.2\.?\s+Experiences and progress of care leavers"),
    ("leadership", r"3\.\s+Leadership,\s+management\s+and\s+governance"),
]
ILACS_ROW = re.compile("(?P<label>" + "|".join(f"(?P<a{i}>{_label(words)})" for i, (_, words) in enumerate(ILACS_AREAS))
                       + rf")\s*:?\s+(?P<grade>{GRADE})\b", re.I)
SIF_ROW = re.compile("(?P<label>" + "|".join(f"(?P<a{i}>{pattern})" for i, (_, pattern) in enumerate(SIF_AREAS))
                     + rf")\s*:?\s+(?P<grade>{GRADE})\b", re.I)
SIF_OVERALL = re.compile(rf"(?:Children[’']s services in [^\n.]{{2,80}}? are|The overall judgement is)\s+(?P<grade>{GRADE})\b")
SIF_LSCB = re.compile(r"(?:The effectiveness of the|The) (?:Local|[A-Z][\w ]{2,40}) Safeguarding Children Board"
                      rf"(?: \(LSCB\))? is\s+(?P<grade>{GRADE})\b", re.I)


def extract(ctx: Context) -> list[Judgement]:
    facts = report_facts(ctx)
    if facts.gss is None:
        return []
    if facts.framework == "SIF":
        return _sif(ctx, facts.gss, facts.year)
    return _ilacs(ctx, facts.gss, facts.year)


def _ilacs(ctx: Context, gss: str, year: int | None) -> list[Judgement]:
    """Rows of the table up to and including overall effectiveness."""
    text = ctx.doc.text
    found: dict[str, Judgement] = {}
    for match in ILACS_ROW.finditer(text, 0, FRONT):
        area = next(ILACS_AREAS[i][0] for i in range(len(ILACS_AREAS)) if match.group(f"a{i}"))
        grade = grade_code(match.group("grade"))
        if grade and area not in found:
            found[area] = _judgement(ctx, gss, area, grade, year, match, "ILACS")
        if area == "overall":
            break
    return list(found.values())


def _sif(ctx: Context, gss: str, year: int | None) -> list[Judgement]:
    text = ctx.doc.text
    found: dict[str, Judgement] = {}
    overall = SIF_OVERALL.search(text, 0, FRONT)
    if overall:
        found["overall"] = _judgement(ctx, gss, "overall", grade_code(overall.group("grade")), year, overall, "SIF")
    for match in SIF_ROW.finditer(text, 0, FRONT):
        area = next(SIF_AREAS[i][0] for i in range(len(SIF_AREAS)) if match.group(f"a{i}"))
        grade = grade_code(match.group("grade"))
        if grade and area not in found:
            found[area] = _judgement(ctx, gss, area, grade, year, match, "SIF")
    lscb = SIF_LSCB.search(text)  # on the front page, or heading the LSCB section
    if lscb:
        found["lscb"] = _judgement(ctx, gss, "lscb", grade_code(lscb.group("grade")), year, lscb, "SIF")
    return [j for j in found.values() if j.grade]


def _judgement(ctx: Context, gss: str, area: str, grade: str | None, year: int | None, match: re.Match[str],
               framework: str) -> Judgement:
    return Judgement(gss=gss, area=area, grade=grade or "", year=year, evidence=ctx.doc.evidence(match.start(), match.end()),
                     year_stated=year is not None, framework=framework, current=True)
