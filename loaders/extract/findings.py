"""Findings: what inspectors found strong and what they said must improve,
each for the council it is about, with the judged area where the text makes
it clear (named in the sentence, or the area whose grade heads the list the
finding is in). Only what Ofsted said: council officers' own words are not
findings, and a sentence that gives grades is a judgement, not a finding."""
from __future__ import annotations

import re

from ..model import Finding
from .context import Context
from .grade_hits import attach, find_areas, find_grades

OFSTED_SAYS = re.compile(
    r"\b(?:ofsted|inspectors?|the\s+(?:inspection\s+)?report|the\s+inspection|the\s+regulator|the\s+watchdog|"
    r"the\s+inspectorate)\b[^.]{0,80}?\b(?:said|says|found|finds|praised|praises|highlighted|noted|concluded|"
    r"observed|described|credited|criticised|identified|lauded|commended|recognised|raised|added|states?|stated|"
    r"warned|singled\s+out|outlined|reported|saw|judged)\b"
    r"|\b(?:said|found|noted|concluded|added|observed)\s+(?:ofsted|inspectors|the\s+report)\b", re.I)
SHOULD = re.compile(r"\b(?:should|needs?\s+to|must)\s+(?:improve|ensure|strengthen|address|develop|do\s+more|make\s+sure)\b",
                    re.I)
LEAD_IN = re.compile(r"(?:highlighted|found|states?|outlined(?:\s+that)?|said|noted|praised|identified|include[sd]?)\s*:\s*$",
                     re.I)
LIST_ITEM = re.compile(r"^\s*(?:[-•*–·]|\d+[.)])\s*")
WEAKNESS = re.compile(
    r"\b(?:should\s+(?:improve|ensure|strengthen|address|develop|do\s+more|make\s+sure|review|increase|reduce|"
    r"consider|tackle|have)|needs?\s+to|must|not\s+(?:always|yet|consistently|robust|strong|effective|sufficient|sufficiently|"
    r"timely|good\s+enough|fully|used)|inconsistent|inconsistency|weak(?:er|ness|nesses)?|poor|too\s+(?:slow|long|high|"
    r"many|few|early)|delays?|delayed|lack(?:s|ing)?|insufficient|(?:raised|expressed|serious|significant)\s+concerns?|variable|deteriorat\w*|"
    r"failures?|failed|fails|limited|gaps?|missed\s+opportunit\w*|unaware|ineffective|inaccurate|at\s+risk|"
    r"areas?\s+(?:for|of)\s+(?:improvement|weaker)|require[sd]?\s+improvement|need(?:ed)?\s+to\s+improve)\b", re.I)
STRENGTH = re.compile(
    r"\b(?:praised|praise|strengths?|strong(?:ly)?|effective(?:ly)?|well|good|high[-\s]quality|impressive|excellent|"
    r"exceptional|outstanding|positive|timely|robust|thorough|creative|ambitious|stable|manageable|committed|valued|"
    r"lauded|commended|innovative|relentless|dedicat\w*|skilled|supportive|tenacious|improv(?:ed|ing|ements?))\b",
    re.I)
SPEECH_BY_OTHERS = re.compile(r"\b(?:said|says)\b", re.I)


def extract(ctx: Context) -> list[Finding]:
    text = ctx.doc.text
    found: dict[tuple[str, str, str], Finding] = {}
    section_area: str | None = None
    in_list = False
    for i, span in enumerate(ctx.sentences):
        sentence = text[span.start:span.end]
        hits = find_grades(text, span.start, span.end)
        areas = find_areas(text, span.start, span.end, hits)
        if hits:
            attach(text, hits, areas)
            graded = {a for h in hits for a in h.areas}
            section_area = graded.pop() if len(graded) == 1 else None
            in_list = bool(LEAD_IN.search(sentence))
            continue
        item = bool(LIST_ITEM.match(sentence))
        if not item and LEAD_IN.search(sentence) and OFSTED_SAYS.search(sentence):
            in_list = True
            continue
        if not item:
            in_list = False
        by_ofsted = (in_list and item) or bool(OFSTED_SAYS.search(sentence)) or bool(SHOULD.search(sentence))
        if not by_ofsted or _speech_by_others(ctx, i, sentence):
            continue
        kind = "area-for-improvement" if WEAKNESS.search(sentence) else "strength" if STRENGTH.search(sentence) else None
        if kind is None:
            continue
        councils = ctx.councils_at(i, span.end - 1)
        if not councils:
            continue
        area = areas[0].area if areas and areas[0].area != "overall" else (section_area if item else None)
        area = area.split("+")[0] if area else None  # "children in care and care leavers": the in-care area
        quote = LIST_ITEM.sub("", sentence).strip()
        evidence = ctx.doc.evidence(span.start, span.end)
        found.setdefault((councils[0], kind, quote), Finding(councils[0], kind, quote, evidence, area))
    return list(found.values())


def _speech_by_others(ctx: Context, index: int, sentence: str) -> bool:
    """'..., said Jane Smith, the council's director': a council's own words, not an inspector's."""
    if not SPEECH_BY_OTHERS.search(sentence):
        return False
    return not re.search(r"\b(?:ofsted|inspectors?|report|regulator|watchdog|inspectorate)\b", sentence, re.I)
