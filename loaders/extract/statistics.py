"""Figures about a council's services: value, unit, what was measured and when.

Read: percentages ("74% of social workers", "11 per cent"), money ("£8.4m"),
counts of children, staff and other things ("1,420 children", "seven foster
families", "an average of 14" cases), bare numbers that a counted noun before
them governs ("from 1,070 to 940", "the number of children in care had fallen
to 812", "of whom 480") and durations that are a measure of the service
("averaging 39 weeks"). Not read: dates, years, ages ("16- and 17-year-olds",
"aged 11 to 18"), ranges ("six to ten foster families"), numbered references
("section 47 enquiries"), time spans that only tell when ("over the last 12
months", "within 72 hours"), and figures about councils in general, the
region or the country ("70 per cent of councils in the country", "Across the
region, ..."). Each figure belongs to the council the passage is about at
that point.
"""
from __future__ import annotations

import re
from datetime import date

from ..model import Statistic
from .context import Context
from .focus import council_for

WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
}
WORD_NUMBER_SET = frozenset(WORD_NUMBERS)
DIGIT, WORD = re.compile(r"\d"), re.compile(r"[a-z]+")
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
NUMBER = rf"(?:{DIGITS}|(?:{'|'.join(WORD_NUMBERS)})\b)"
MULTIPLIERS = {"m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9, "k": 1e3, "thousand": 1e3}

MONEY = re.compile(rf"£\s?(?P<num>{DIGITS})\s*(?P<mult>mn|m|million|bn|billion|k|thousand)?\b", re.I)
PERCENT = re.compile(rf"(?<![\w.£-])(?P<num>{NUMBER})\s*(?:%|per\s*cent\b|percent\b)", re.I)
UNIT_NOUNS = [
    ("children", r"children|child|young\s+people|youngsters|babies|adolescents|teenagers|care\s+leavers|"
                 r"looked[\s-]after\s+children|unaccompanied\s+asylum[\s-]seeking\s+children"),
    ("staff", r"social\s+workers|social\s+work\s+staff|staff|practitioners|caseworkers|team\s+managers|managers|"
              r"employees|workers|agency\s+workers|newly\s+qualified\s+social\s+workers"),
    ("count", r"foster\s+families|families|foster\s+carers|carers|households|placements|referrals|cases|"
              r"assessments|recommendations|foster\s+homes|homes|contacts|visits|plans|notifications|flats|apartments|"
              r"beds|places|properties|houses|sessions|calls|enquiries|applications|complaints|investigations|"
              r"allegations|requests|hubs"),
]
_NOUN = "|".join(f"(?P<{unit}>{pattern})" for unit, pattern in UNIT_NOUNS)
_MODIFIER = r"(?!(?:of|the|a|an|to|in|on|at|for|per|and|or|with|from|by|were|was|are|is|had|have|who|which|that)\b)[a-z][\w-]*"
COUNT = re.compile(rf"(?<![\w.£%-])(?P<num>{NUMBER})\s+(?:{_MODIFIER}\s+){{0,3}}?(?:{_NOUN})\b(?![’']s)", re.I)
DURATION = re.compile(rf"(?<![\w.£-])(?P<num>{NUMBER})\s+(?P<unit>weeks?|days?|months?|hours?|years?)\b(?![-‐])", re.I)
DURATION_CUE = re.compile(r"\baverag\w*|\bduration\b|\bmedian\b|\bmean\b|\btypically\b|\bon average\b", re.I)
AVERAGE = re.compile(rf"\baverage(?:\s+caseloads?)?\s+(?:of|was|is|stood\s+at|now\s+stands\s+at)\s+(?P<num>{DIGITS})\b"
                     r"(?!\s*(?:%|per\s*cent|percent|weeks?|days?|months?|hours?|years?|£))", re.I)
FOLLOW_ON = re.compile(rf"\b(?:as\s+many\s+as|as\s+few\s+as|up\s+from|down\s+from|compared\s+(?:with|to)|of\s+whom|"
                       rf"of\s+which|from(?=\s+(?:{DIGITS})\s+to\s+\d)|(?<=\d\s)to|(?<=\d\s)from|"
                       rf"(?:rising|falling|fallen|fell|risen|rose|dropped|increased|decreased|reduced|grown|grew|"
                       rf"climbed)\s+to|stood\s+at|stands\s+at|reached|"
                       rf"totalled|totals)\s+(?P<num>{DIGITS})\b"
                       r"(?=\s*(?:[.,;:)!?]|$)|\s+(?:in|by|at|last|this|over|since|and|or|were|was|are|is|had|have|who|"
                       r"which|that|from|to|during|between|compared|with|on|a|an|the)\b)", re.I)
# "the number of children in care ... had fallen to 812": the noun a later bare number counts.
NUMBER_OF = re.compile(rf"\b(?:number|total)\s+of\s+(?:{_MODIFIER}\s+){{0,3}}?(?:{_NOUN})\b", re.I)
# "foster carers rose to 210": the noun is the subject of a change.
CHANGE_WORDS = frozenset("rose risen fell fallen dropped increased decreased grew grown climbed".split())
NOUN_CHANGED = re.compile(rf"\b(?:{_NOUN})\s+(?:have\s+|has\s+|had\s+)?(?:rose|risen|fell|fallen|dropped|increased|"
                          rf"decreased|grew|grown|climbed)\s+(?:from|to)\b", re.I)
# "six to ten foster families": a range describing a model, not a council's figure ("from 30 to 45" is a change).
RANGE_BEFORE = re.compile(rf"(?<!from\s)(?<![\d,.])\b(?:{NUMBER})\s*(?:to|-|–)\s*$", re.I)
# "section 47 enquiries", "key stage 2 pupils": a number that names a clause or a level, not a count.
REFERENCE_BEFORE = re.compile(r"\b(?:section|s\.|paragraph|para|article|regulation|schedule|stage|level|tier|page|"
                              r"chapter|clause|part|no\.)\s*$", re.I)
# Sentences about councils in general, and national figures, are not about one council's services.
NATIONAL = re.compile(r"\b(?:councils|local\s+authorities|authorities|boroughs)\b[^.]{0,60}\b(?:in\s+the\s+country|"
                      r"nationally|in\s+England|across\s+England|across\s+the\s+UK|in\s+the\s+UK|across\s+the\s+country)\b"
                      r"|\bout\s+of\s+\d+\s+(?:councils|local\s+authorities|authorities)\b"
                      r"|^\W*(?:nationally|across\s+England|in\s+England\s+as\s+a\s+whole|regionally)\b"
                      r"|^\W*(?:across|throughout|in)\s+the\s+(?:region|country|sector)\b(?!\s+of)", re.I)
# A figure "of councils" is about councils in general ("12 per cent of councils are rated inadequate").
OF_COUNCILS = re.compile(r"\s*(?:of\s+(?:all\s+)?(?:the\s+)?(?:\w+\s+)?(?:councils|local\s+authorities|authorities)\b)", re.I)
NATIONAL_FIGURE = re.compile(r"\b(?:national(?:ly)?|England|statistical\s+neighbours?|comparator|regional(?:ly)?|"
                             r"region(?!\s+of))\b[^.,;]{0,30}$", re.I)
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}
DATE = re.compile(r"\b(?:(?P<day>\d{1,2})\s+)?(?P<month>" + "|".join(MONTHS) + r")\s+(?P<year>(?:19|20)\d\d)\b", re.I)


def extract(ctx: Context) -> list[Statistic]:
    text = ctx.doc.text
    seen: set[tuple[str, float, str]] = set()
    result: list[Statistic] = []
    for index, sentence in enumerate(ctx.sentences):
        s, e = sentence.start, sentence.end
        if not _has_number(text[s:e]) or NATIONAL.search(text[s:e]):
            continue
        for value, unit, start, end in _figures(text, s, e):
            if NATIONAL_FIGURE.search(text[max(s, start - 60):start]) or OF_COUNCILS.match(text, end, e):
                continue
            gss = council_for(ctx, index, start)
            if gss is None or (gss, value, unit) in seen:
                continue
            seen.add((gss, value, unit))
            clause_start, clause_end = _clause(text, s, e, start, end)
            measure = re.sub(r"\s+", " ", text[clause_start:clause_end]).strip(" ,;:–—-\"“”‘’'")[:160] or unit
            result.append(Statistic(gss, value, unit, measure, ctx.doc.evidence(start, end),
                                    _as_of(text, s, clause_start, clause_end, end)))
    return result


def _has_number(sentence: str) -> bool:
    """A quick look before the full patterns: most sentences hold no figure at all."""
    return DIGIT.search(sentence) is not None or not WORD_NUMBER_SET.isdisjoint(WORD.findall(sentence.lower()))


def _figures(text: str, start: int, end: int):
    """(value, unit, start, end) for each figure in text[start:end], each character read once."""
    taken: list[tuple[int, int]] = []
    found = []

    def free(a: int, b: int) -> bool:
        return all(b <= x or a >= y for x, y in taken)

    sentence = text[start:end]
    lowered = sentence.lower()
    money = "£" in sentence
    percent = "%" in sentence or "cent" in lowered
    timed = DURATION_CUE.search(sentence) is not None

    for m in MONEY.finditer(text, start, end) if money else ():
        value = _number(m.group("num")) * MULTIPLIERS.get((m.group("mult") or "").lower(), 1)
        taken.append((m.start(), m.end()))
        found.append((value, "gbp", m.start(), m.end()))
    for m in PERCENT.finditer(text, start, end) if percent else ():
        if free(m.start(), m.end()):
            taken.append((m.start(), m.end()))
            found.append((_number(m.group("num")), "percent", m.start(), m.end()))
    counted_unit = None
    for m in COUNT.finditer(text, start, end):
        if not free(m.start("num"), m.end("num")) or _is_year(m.group("num")):
            continue
        unit = next(u for u, _p in UNIT_NOUNS if m.group(u))
        if unit == "count" and not m.group("num")[0].isdigit() and m.group("num").lower() == "one":
            continue
        if RANGE_BEFORE.search(text, max(start, m.start() - 20), m.start()) or \
                REFERENCE_BEFORE.search(text, max(start, m.start() - 20), m.start()):
            continue
        taken.append((m.start(), m.end()))
        found.append((_number(m.group("num")), unit, m.start(), m.end()))
        counted_unit = counted_unit or (unit, m.end())
    for m in DURATION.finditer(text, start, end) if timed else ():
        if not free(m.start(), m.end()) or _is_year(m.group("num")):
            continue
        window = text[max(start, m.start() - 60):min(end, m.end() + 15)]
        if DURATION_CUE.search(window):
            taken.append((m.start(), m.end()))
            unit = m.group("unit").lower().rstrip("s") + "s"
            found.append((_number(m.group("num")), unit, m.start(), m.end()))
    for m in AVERAGE.finditer(text, start, end) if "average" in lowered else ():
        if free(m.start("num"), m.end("num")):
            taken.append((m.start("num"), m.end("num")))
            found.append((_number(m.group("num")), "count", m.start(), m.end()))
    changed = not CHANGE_WORDS.isdisjoint(WORD.findall(lowered))
    for pattern in (NUMBER_OF, NOUN_CHANGED):
        if pattern is NUMBER_OF and "number of" not in lowered and "total of" not in lowered or \
                pattern is NOUN_CHANGED and not changed:
            continue
        named = pattern.search(text, start, end)
        if named:
            unit = next(u for u, _p in UNIT_NOUNS if named.group(u))
            if counted_unit is None or named.end(unit) < counted_unit[1]:
                counted_unit = (unit, named.end(unit))
    if counted_unit:
        unit, after = counted_unit
        for m in FOLLOW_ON.finditer(text, after, end):
            if RANGE_BEFORE.search(text, max(start, m.start("num") - 20), m.start("num")):
                continue
            if free(m.start("num"), m.end("num")) and not _is_year(m.group("num")):
                taken.append((m.start("num"), m.end("num")))
                found.append((_number(m.group("num")), unit, m.start(), m.end()))
    return sorted(found, key=lambda f: f[2])


def _number(written: str) -> float:
    written = written.lower().replace(",", "")
    return float(WORD_NUMBERS[written]) if written in WORD_NUMBERS else float(written)


def _is_year(written: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d\d", written))


def _clause(text: str, start: int, end: int, figure_start: int, figure_end: int) -> tuple[int, int]:
    """The clause of the sentence the figure stands in: between commas, semicolons, dashes and brackets."""
    left = max((m.end() for m in re.finditer(r"[,;:–—(]\s|\s[–—-]\s", text[start:figure_start])), default=0)
    right = re.search(r"[,;:–—)]\s|\s[–—-]\s|[.!?]\s*$", text[figure_end:end])
    return start + left, figure_end + (right.start() if right else end - figure_end)


def _as_of(text: str, sentence_start: int, clause_start: int, clause_end: int, figure_end: int) -> date | None:
    """The date a figure stands at: one just after it in its clause ('20.5 in May 2015'), else one the sentence
    opens with ('At 31 March 2017, 74% ...')."""
    d = DATE.search(text, figure_end, clause_end)
    if d is None:
        opening = re.match(r"[^,;]*", text[sentence_start:clause_start])
        d = DATE.search(text, sentence_start, sentence_start + opening.end()) if opening else None
    if d is None:
        return None
    return date(int(d.group("year")), MONTHS[d.group("month").lower()], int(d.group("day") or 1))
