"""What the report extractors share: Ofsted's grade wordings, the report's
framework, council and inspection dates, read once from the report's front page."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .context import Context

# Longest wording first, so "requires improvement to be good" is one grade, not "good".
GRADE_WORDS = {
    "requires improvement to be good": "requires-improvement",
    "requiring improvement to be good": "requires-improvement",
    "require improvement to be good": "requires-improvement",
    "requires improvement": "requires-improvement",
    "requiring improvement": "requires-improvement",
    "outstanding": "outstanding",
    "good": "good",
    "inadequate": "inadequate",
}
GRADE = r"(?:requir(?:es|ing|e)\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate)"
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
DATES_LINE = re.compile(r"^Inspection dates?\s*:?\s*(?P<dates>[^\n]*\d{4})", re.M | re.I)
DAY_MONTH_YEAR = re.compile(rf"(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s*(?P<month>{MONTH})?\s*(?P<year>\d{{4}})?", re.I)
SIF_MARKERS = re.compile(r"Inspection of services for children in need of help and protection|achieving\s+permanence"
                         r"|Local Safeguarding Children Board", re.I)
FRONT = 4000  # characters of the front page: title, dates, lead inspector, judgement table


def grade_code(words: str) -> str | None:
    """'Requires Improvement to be good' -> 'requires-improvement'."""
    return GRADE_WORDS.get(re.sub(r"\s+", " ", words.strip(" ‘’'\".").lower()))


@dataclass(frozen=True)
class ReportFacts:
    """What the front page of a report says about the inspection it reports."""

    gss: str | None
    framework: str  # ILACS or SIF
    start: date | None
    end: date | None
    dates_span: tuple[int, int] | None  # where the dates are written

    @property
    def year(self) -> int | None:
        when = self.start or self.end
        return when.year if when else None


def report_facts(ctx: Context) -> ReportFacts:
    """The report's council, framework and dates, from its front page (cheap: a few regular expressions)."""
    text = ctx.doc.text
    front = text[:FRONT]
    framework = "SIF" if SIF_MARKERS.search(front) and not re.search(r"local authority children.s services", front[:600], re.I) else "ILACS"
    start = end = None
    span = None
    match = DATES_LINE.search(front)
    if match:
        start, end = parse_dates(match.group("dates"))
        span = (match.start(), match.end())
    return ReportFacts(gss=report_council(ctx), framework=framework, start=start, end=end, dates_span=span)


def report_council(ctx: Context) -> str | None:
    """The council the report inspects: the first council named on its front page (its title)."""
    front = [m for m in ctx.mentions if m.start < 600]
    if front:
        return front[0].gss
    return ctx.main_council()


def parse_dates(written: str) -> tuple[date | None, date | None]:
    """'11 to 13 July 2023', '22 April to 3 May 2024', '30 April 2014 – 21 May 2014' -> (start, end)."""
    parts = [m for m in DAY_MONTH_YEAR.finditer(written) if m.group("day") and int(m.group("day")) <= 31]
    parts = [m for m in parts if not (m.group("year") is None and m.group("month") is None and m is not parts[0])]
    if not parts:
        return None, None
    last = parts[-1]
    year = last.group("year")
    month = last.group("month")
    if not (year and month):
        return None, None
    end = _date(int(year), month, int(last.group("day")))
    first = parts[0]
    start_month = first.group("month") or month
    start_year = int(first.group("year") or year)
    start = _date(start_year, start_month, int(first.group("day")))
    if start and end and start > end:  # "28 December to 9 January 2023": the start is in the year before
        start = _date(start_year - 1, start_month, int(first.group("day")))
    return start, end


def _date(year: int, month: str, day: int) -> date | None:
    try:
        return date(year, MONTHS[month.lower()], day)
    except (KeyError, ValueError):
        return None
