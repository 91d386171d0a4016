"""Grades of earlier inspections that a report states in words.

ILACS reports open with the last judgement: "Following the last inspection in
2018, when the local authority was judged good overall", "Since a judgement of
inadequate for overall effectiveness at the last inspection in 2019", "The last
inspection, in May 2018, judged all services as requiring improvement", and
for a new council its predecessor's ("Children's services in the predecessor
local authority, Cumbria County Council, were judged inadequate in 2019").
SIF reports list earlier inspections of particular services in two sentences:
"The previous inspection of the local authority's safeguarding arrangements
was in September 2011. The local authority was judged to be good."

A sentence counts only if it speaks of an earlier inspection or judgement,
says "judged"/"judgement", names a grade and a year before the report's own.
"""
from __future__ import annotations

import re

from ..model import Judgement
from .context import Context
from .report_common import GRADE, MONTH, grade_code, report_facts

EARLIER = re.compile(r"\b(?:last|previous|predecessor|prior)\b|\bsince the inspection\b|\bthe inspection in \d{4}", re.I)
JUDGED = re.compile(r"\bjudge(?:d|ment)\b|\brated\b|\bgraded\b", re.I)
YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# The grade the earlier inspection gave: after "judged (to be|as)", "judgement of", "was", or before "judgement".
GRADE_AFTER_JUDGED = re.compile(rf"\b(?:judged|rated|graded)\s+(?:to\s+be\s+|as\s+)?(?:all\s+services\s+as\s+|[‘'])?"
                                rf"[‘']?(?P<g1>{GRADE})\b"
                                rf"|\bjudgement\s+(?:of|was)\s+[‘']?(?P<g2>{GRADE})\b"
                                rf"|\bjudgement\s+for\s+overall\s+effectiveness\s+was\s+[‘']?(?P<g3>{GRADE})\b"
                                rf"|\bthe\s+(?P<g4>{GRADE})\s+judgement\b", re.I)
ALL_AREAS = re.compile(r"\ball (?:services|areas|judgements)\b|\bacross all\b|\bin all areas\b|\bevery area\b", re.I)
SIF_PREVIOUS = re.compile(rf"The previous inspection of (?P<what>[^.]{{3,120}}?) was in (?:{MONTH}\s+)?(?P<year>\d{{4}})\.\s+"
                          rf"The local authority was judged to be (?P<grade>{GRADE})\b", re.I)
SIF_SERVICES = [  # what an earlier SIF-era inspection looked at -> the area it graded
    (re.compile(r"safeguarding arrangements|safeguarding services", re.I), "help-protection"),
    (re.compile(r"looked after children|children looked after", re.I), "in-care"),
    (re.compile(r"adoption", re.I), "adoption"),
]
ILACS_AREAS = ("overall", "leadership", "help-protection", "in-care")


def extract(ctx: Context) -> list[Judgement]:
    facts = report_facts(ctx)
    if facts.gss is None:
        return []
    found: dict[tuple[str, str, int], Judgement] = {}
    for judgement in _sif_previous(ctx, facts.gss, facts.year) + _stated(ctx, facts.gss, facts.year):
        found.setdefault((judgement.gss, judgement.area, judgement.year or 0), judgement)
    return list(found.values())


def _sif_previous(ctx: Context, gss: str, year: int | None) -> list[Judgement]:
    out = []
    for match in SIF_PREVIOUS.finditer(ctx.doc.text):
        earlier = int(match.group("year"))
        area = next((a for pattern, a in SIF_SERVICES if pattern.search(match.group("what"))), None)
        grade = grade_code(match.group("grade"))
        if area and grade and (year is None or earlier < year):
            council = ctx.gazetteer.council_in_year(gss, earlier)  # a predecessor council's inspection
            out.append(Judgement(council, area, grade, earlier, ctx.doc.evidence(match.start(), match.end()),
                                 year_stated=True, current=False))
    return out


def _stated(ctx: Context, gss: str, year: int | None) -> list[Judgement]:
    out = []
    text = ctx.doc.text
    for index, span in enumerate(ctx.sentences):
        sentence = text[span.start:span.end]
        if not (EARLIER.search(sentence) and JUDGED.search(sentence)):
            continue
        grade_match = GRADE_AFTER_JUDGED.search(sentence)
        years = [int(y) for y in YEAR.findall(sentence) if year is None or int(y) < year]
        if not grade_match or not years or sentence.lstrip().startswith("•"):
            continue
        grade = grade_code(next(g for g in grade_match.groups() if g))
        if not grade:
            continue
        council = ctx.gazetteer.council_in_year(_council(ctx, index, gss), years[0])
        areas = ILACS_AREAS if ALL_AREAS.search(sentence) else ("overall",)
        evidence = ctx.doc.evidence(span.start, span.end)
        out += [Judgement(council, area, grade, years[0], evidence, year_stated=True, current=False) for area in areas]
    return out


def _council(ctx: Context, index: int, gss: str) -> str:
    """The report's council, or the predecessor council the sentence names."""
    sentence = ctx.text_of(ctx.sentences[index])
    others = [m.gss for m in ctx.by_sentence[index] if m.gss != gss]
    if others and re.search(r"predecessor|former", sentence, re.I):
        return others[0]
    return gss
