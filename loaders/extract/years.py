"""Years as an article writes them: "in 2019", and relative to the date it was
published ("last year", "last year's rating", "earlier this year", "last
March"). A month without a year ("an inspection in October") is the last such month up
to the date of publication. A relative year needs the publication date; without
one it is not a year."""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from . import grades as lex

MONTH_NAMES = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december"]
RELATIVE = re.compile(
    r"\b(?i:(?P<last_year>last|past|previous)\s+year(?:['’]s)?(?!\s+(?:and|or)\s+this)"
    r"|(?P<this_year>(?:earlier|later)\s+this|this)\s+year(?:['’]s)?"
    r"|(?P<ago>a|one|two|three|four|five|six)\s+years?\s+ago)\b"
    r"|\b(?:[Ll]ast|[Tt]his\s+past|in|[Ii]n\s+(?:early|late|mid)|during)[\s-]+(?P<month>" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b(?!\s+\d)")
NUMBERS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
QUICK = re.compile(r"\b(?:year|ago|" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\b")


@dataclass(frozen=True)
class YearMention:
    start: int
    end: int
    year: int
    relative: bool


def year_mentions(text: str, start: int, end: int, published: date | None) -> Iterator[YearMention]:
    """Every year written in text[start:end], in order: digits, and relative ones where the date is known."""
    found = [YearMention(m.start(), m.end(), int(m.group()), False) for m in lex.YEAR.finditer(text, start, end)]
    if published is not None and QUICK.search(text, start, end):
        for m in RELATIVE.finditer(text, start, end):
            year = _relative_year(m, published)
            if year is not None:
                found.append(YearMention(m.start(), m.end(), year, True))
        found.sort(key=lambda y: y.start)
    return iter(found)


def _relative_year(m: re.Match[str], published: date) -> int | None:
    if m.group("last_year"):
        return published.year - 1
    if m.group("this_year"):
        return published.year
    if m.group("month"):
        month = MONTH_NAMES.index(m.group("month").lower()) + 1
        if m.group(0)[:1] in "Ll":  # "last March" is never this month
            return published.year if month < published.month else published.year - 1
        return published.year if month <= published.month else published.year - 1
    if m.group("ago"):
        return published.year - NUMBERS[m.group("ago").lower()]
    return None
