"""Judgements: every grade an article gives a council's children's services,
for the inspection it reports and for earlier ones, with the year of that
inspection where the text states it (else the document's year for the
inspection it reports, or the year the text gives the earlier inspection).

One sentence at a time: grade_hits finds the grades and the areas given to
them; this module decides whose grades they are and when."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Judgement, Span
from . import grades as lex
from .context import INSERTED, Context
from .grade_hits import COMBINED, GradeHit, attach, find_areas, find_grades, mixed, table_row
from .years import YearMention, year_mentions

YEAR_REACH = 70  # characters between a grade and the year of its inspection
LEAVERS_IF_ILACS_2023 = "care-leavers?"  # "in every area": care leavers are an area of their own from 2023
ILACS_SPLIT_YEAR, ILACS_FIRST_YEAR = 2023, 2018
# Words that put a grade's year beside it: "following an inspection in late 2024", "when Ofsted rated it ...".
DATED_BY = re.compile(r"\b(?:inspect\w*|Ofsted|inspectors?|rated|judged|graded|rating|grade|report)\b[^.;]{0,40}$", re.I)
# "since 2021, when it was last inspected": a year that dates an inspection although "since" stands before it.
WHEN_INSPECTED = re.compile(r"\s*,?\s*when\b[^.;]{0,60}?\b(?:inspect\w*|rated|judged|graded|visited)\b", re.I)
# "rated good, matching the grade it received at its last inspection in 2019": the earlier grade is the same.
MATCHING = re.compile(r"[^.;]{0,40}?\b(?:matching|mirroring|repeating|equalling|as\s+it\s+was|the\s+same\s+(?:grade|rating|"
                      r"judgement)\s+as)\b[^.;]{0,80}?\b(?:inspect\w*|rated|judged|grade|rating)\b[^.;]{0,30}$", re.I)
BRACKETED_YEAR = re.compile(r"[" + lex.Q_CLOSE + r"]?\s*\(\s*(?:in\s+)?((?:19|20)\d\d)\s*\)")
NEXT_CLAUSE = re.compile(r";|,?\s+(?:but|while|whilst|whereas|although|though|and)\s+(?:the|a|an|its|their|[A-Z])", re.I)
COUNTED_AREAS = re.compile(r"\b(?:two|three|four|five|\d|several|some|other|remaining|both)\s+(?:other\s+|more\s+|"
                           r"of\s+(?:the|its)\s+(?:\w+\s+)?)?(?:areas?|judgements?|categories|aspects)\s+"
                           r"(?:(?:were|are|was|being|rated|judged|graded|as|now|also)\s+)*[" + lex.Q_OPEN + r"]?$", re.I)
LIST_ITEM = re.compile(r"^[\s\-–•*·\d.)]*(?:and\s+|or\s+)?")


@dataclass
class Reading:
    """One grade as read in one sentence, before its year is settled."""

    index: int
    hit: GradeHit
    councils: list[str]
    areas: list[str]
    stated_year: int | None
    previous: bool
    also_previous: bool
    inherited: bool = False


def extract(ctx: Context) -> list[Judgement]:
    readings = [r for i in range(len(ctx.sentences)) for r in read_sentence(ctx, i)]
    _inherit_years(ctx, readings)
    timeline = Timeline(ctx, readings)
    out: dict[tuple, Judgement] = {}
    for r in readings:
        for gss in r.councils:
            for written_area in r.areas:
                area = "in-care" if written_area == COMBINED else written_area.rstrip("?")
                for previous in ([r.previous] + ([True] if r.also_previous else [])):
                    year, stated = timeline.year_of(r, gss, area, previous)
                    if previous and r.also_previous and year is None:
                        continue  # "maintained its 'good' rating": the earlier one adds nothing without a year
                    span = ctx.sentences[r.index]
                    held = ctx.gazetteer.council_in_year(gss, year, _written_name(ctx, r.index, gss))
                    for code in _framework_areas(written_area, year):
                        key = (held, code, r.hit.grade, year)
                        out.setdefault(key, Judgement(held, code, r.hit.grade, year,
                                                      ctx.doc.evidence(span.start, span.end),
                                                      year_stated=stated,
                                                      current=not previous and not (year and _before_document(ctx, year))))
    return _merge_earlier(list(out.values()))


def _framework_areas(written: str, year: int | None) -> list[str]:
    """The areas a written area stands for in the framework of the inspection's year: "children in care and
    care leavers" is one ILACS judgement in 2018-22 and two from 2023 (and in the single inspection framework)."""
    split = year is not None and not ILACS_FIRST_YEAR <= year < ILACS_SPLIT_YEAR
    if written == COMBINED:
        return ["in-care", "care-leavers"] if split else ["in-care"]
    if written == LEAVERS_IF_ILACS_2023:
        return ["care-leavers"] if year is not None and year >= ILACS_SPLIT_YEAR else []
    return [written]


def _written_name(ctx: Context, index: int, gss: str) -> str | None:
    """How the sentence (or the document) writes a council's name: "Poole" is not "Bournemouth"."""
    for m in ctx.by_sentence[index]:
        if m.gss == gss:
            return m.as_written
    return next((m.as_written for m in ctx.mentions if m.gss == gss), None)


def _inherit_years(ctx: Context, readings: list[Reading]) -> None:
    """An undated grade in the sentence right after a dated one about the same council and inspection takes its
    year ("... rated good in late 2024. Only help and protection was graded requires improvement.")."""
    by_index: dict[int, list[Reading]] = {}
    for r in readings:
        by_index.setdefault(r.index, []).append(r)
    text = ctx.doc.text
    for r in readings:
        if r.stated_year is not None or r.also_previous:
            continue
        span = ctx.sentences[r.index]
        if lex.CURRENT.search(text, span.start, span.end):
            continue
        donors = [d for d in by_index.get(r.index - 1, []) + by_index.get(r.index, [])
                  if d.stated_year is not None and not d.inherited and d.previous == r.previous
                  and set(d.councils) & set(r.councils)]
        years = {d.stated_year for d in donors}
        if len(years) != 1:
            continue
        clash = any(d.hit.grade != r.hit.grade and set(d.areas) & set(r.areas) for d in donors)
        if not clash:
            r.stated_year = years.pop()
            r.inherited = True


def _merge_earlier(judgements: list[Judgement]) -> list[Judgement]:
    """An earlier grade without a year is the same as that grade with a year elsewhere in the text."""
    dated = {(j.gss, j.area, j.grade) for j in judgements if j.year is not None and (not j.current or j.year_stated)}
    return [j for j in judgements if j.current or j.year is not None or (j.gss, j.area, j.grade) not in dated]


def read_sentence(ctx: Context, index: int) -> list[Reading]:
    text, span = ctx.doc.text, ctx.sentences[index]
    sentence = text[span.start:span.end]
    if lex.ANNUAL_RATING.search(sentence):
        return []
    row = table_row(text, span.start, span.end)
    if row is not None:
        councils = ctx.councils_at(index, row.start)
        year, previous, _ = _time(ctx, index, row, [row]) if councils else (None, False, False)
        return [Reading(index, row, councils, list(row.areas), year, previous, False)] if councils else []
    hits = find_grades(text, span.start, span.end)
    if not hits:
        return []
    areas = find_areas(text, span.start, span.end, hits)
    attach(text, hits, areas)
    _list_areas(ctx, index, hits)
    _both(ctx, index, hits)
    for i, hit in enumerate(hits):  # "from 'requires improvement' to 'inadequate'" share the areas
        if hit.role == "from" and not hit.areas and i + 1 < len(hits) and hits[i + 1].areas:
            hit.areas = list(hits[i + 1].areas)
    skip = mixed(text, hits)
    readings = []
    for i, hit in enumerate(hits):
        if i in skip or (hit.role == "listed" and not hit.areas):
            continue
        area_codes = _areas_of(ctx, index, hit)
        if not area_codes:
            continue
        councils = _councils(ctx, index, hit)
        if not councils:
            continue
        year, previous, also_previous = _time(ctx, index, hit, hits)
        readings.append(Reading(index, hit, councils, area_codes, year, previous, also_previous))
    return readings


def _areas_of(ctx: Context, index: int, hit: GradeHit) -> list[str]:
    if hit.all_areas:
        excluded = set(hit.excluded) | ({"in-care", "care-leavers"} if COMBINED in hit.excluded else set())
        areas = [a for a in lex.MAIN_AREAS if a not in excluded and not (hit.role == "contrast" and a == "overall")]
        return areas + ([] if "care-leavers" in excluded else [LEAVERS_IF_ILACS_2023])
    if hit.role == "contrast":
        return []
    if hit.areas:
        return hit.areas
    if _provider_grade(ctx, index, hit):
        return []
    if COUNTED_AREAS.search(ctx.doc.text, max(0, hit.start - 80), hit.start):
        return []  # "rated good, with two areas outstanding": not the overall grade
    if hit.weak and not _service_subject(ctx, index, hit):
        return []
    return ["overall"]


def _provider_grade(ctx: Context, index: int, hit: GradeHit) -> bool:
    """"A children's home run by the council was rated good"; not "X, which shares a fostering panel with Y, was
    rated good" (the provider is inside a clause set into the subject)."""
    text = ctx.doc.text
    start, _ = ctx.clause_bounds(index, hit.start)
    end = hit.end + 30  # "Also rated outstanding: a children's home in ..." names the provider after its grade
    other_clause = NEXT_CLAUSE.search(text, hit.end, end)
    end = other_clause.start() if other_clause else end
    inserted = [(m.start(), m.end()) for m in INSERTED.finditer(text, start, hit.start)]
    return any(not any(a <= m.start() < b for a, b in inserted) for m in lex.PROVIDER.finditer(text, start, end))


def _service_subject(ctx: Context, index: int, hit: GradeHit) -> bool:
    start, _ = ctx.clause_bounds(index, hit.start)
    head = ctx.doc.text[start:hit.start]
    return bool(re.search(r"\b(?:services?|council|authority|department|borough|county|provision|it|they)\b", head, re.I)
                or any(start <= m.start < hit.start for m in ctx.by_sentence[index]))


def _list_areas(ctx: Context, index: int, hits: list[GradeHit]) -> None:
    """A grade that introduces a list ("three areas require improvement:") takes the areas listed below it."""
    text, span = ctx.doc.text, ctx.sentences[index]
    last = hits[-1]
    if last.areas or not text[span.start:span.end].rstrip().endswith(":"):
        return
    for j in range(index + 1, len(ctx.sentences)):
        item = ctx.sentences[j]
        body = text[item.start:item.end]
        stripped = LIST_ITEM.sub("", body).strip(" ;,.")
        found = find_areas(text, item.start, item.end, [])
        if not found or find_grades(text, item.start, item.end):
            break
        covered = sum(a.end - a.start for a in found)
        if covered < 0.6 * max(1, len(stripped)):
            break
        for a in found:
            if a.area not in last.areas:
                last.areas.append(a.area)


def _both(ctx: Context, index: int, hits: list[GradeHit]) -> None:
    """"Both measures had fallen to 'inadequate'": the areas graded in the sentence before."""
    text, span = ctx.doc.text, ctx.sentences[index]
    if not lex.BOTH_ANAPHOR.search(text, span.start, span.end) or index == 0:
        return
    prev = ctx.sentences[index - 1]
    earlier = find_grades(text, prev.start, prev.end)
    areas = find_areas(text, prev.start, prev.end, earlier)
    attach(text, earlier, areas)
    named = [a for h in earlier for a in (h.areas or ["overall"]) if h.role != "contrast"]
    for hit in hits:
        if not hit.areas and len(set(named)) >= 2:
            hit.areas = list(dict.fromkeys(named))


def _councils(ctx: Context, index: int, hit: GradeHit) -> list[str]:
    text = ctx.doc.text
    start, end = ctx.clause_bounds(index, hit.start)
    if lex.NEGATED_CLAUSE.search(text, start, hit.start):
        return []
    named_before = [m for m in ctx.by_sentence[index] if start <= m.start < hit.start]
    if not named_before:
        counted = lex.COUNTED_SUBJECT.search(text, start, end)
        if counted:
            number = counted.group(1).lower()
            count = int(number) if number.isdigit() else lex.NUMBER_WORDS.get(number, 0)
            if number == "both":
                return ctx.councils_behind(index + 1)
            return ctx.councils_ahead(index, count)
        if lex.GENERIC_SUBJECT.search(text, start, hit.start):
            return []
    return ctx.councils_at(index, hit.start)


def _time(ctx: Context, index: int, hit: GradeHit, hits: list[GradeHit]) -> tuple[int | None, bool, bool]:
    """(stated year, earlier inspection?, also the inspection reported ("maintained")?) for a grade."""
    text, span = ctx.doc.text, ctx.sentences[index]
    clauses = _clauses(text, span)
    k = next(i for i, (a, b) in enumerate(clauses) if a <= hit.start < b)
    a, b = clauses[k]
    clause = text[a:b]
    # "from good to requires improvement following an inspection in 2024": the year is the later grade's
    rivals = [h for h in hits if h is not hit and "from" in (h.role, hit.role)]
    year = _nearest_year(ctx, a, b, hit, rivals)
    bracketed = BRACKETED_YEAR.match(text, hit.end, span.end)
    if year is None and bracketed:  # "good (2023)"
        year = int(bracketed.group(1))
    previous = hit.role == "from" or bool(lex.PREVIOUS.search(clause))
    if year is None and k > 0 and lex.RELATIVE_START.match(clause):
        pa, pb = clauses[k - 1]
        year = _nearest_year(ctx, pa, pb)
        if year is None:  # "since 2021, when services were rated ...": the year the clause hangs on
            ending = _year_ending(ctx, pa, pb)
            if ending is not None:
                year, previous = ending.year, previous or _before_document(ctx, ending.year)
        if year is not None:
            previous = previous or bool(lex.PREVIOUS.search(text, pa, pb))
    if year is None and k > 0:
        fa, fb = clauses[0]
        opening = text[fa:fb]
        between = text[fb:hit.start]
        if lex.YEAR.search(opening) and not find_grades(text, fa, fb) and not lex.CURRENT.search(between):
            year = _nearest_year(ctx, fa, fb)
            previous = previous or bool(lex.PREVIOUS.search(opening))
    if year is None and hit is hits[-1]:
        matched = _matching_year(ctx, span.end, hit)
        if matched is not None:
            return matched, False, True
    if year is None:
        year = _sentence_year(ctx, index, hit, hits, previous)
    maintained = hit.role == "plain" and bool(lex.MAINTAINED.search(text, a, hit.start)) and previous
    if maintained:
        return year, False, True
    return year, previous, False


def _before_document(ctx: Context, year: int) -> bool:
    return ctx.year is not None and year < ctx.year - 1


def _clauses(text: str, span: Span) -> list[tuple[int, int]]:
    cuts = [span.start] + [m.end() for m in lex.WEAK_BREAK.finditer(text, span.start, span.end)] + [span.end]
    return [(cuts[i], cuts[i + 1]) for i in range(len(cuts) - 1) if cuts[i] < cuts[i + 1]] or [(span.start, span.end)]


def _years(ctx: Context, start: int, end: int) -> list[YearMention]:
    """Years in text[start:end] that may date an inspection (not "created in 2019", "a decline since 2018")."""
    text = ctx.doc.text
    return [y for y in year_mentions(text, start, end, ctx.doc.published)
            if not lex.OTHER_EVENT_YEAR.search(text, max(0, y.start - 80), y.start)
            or WHEN_INSPECTED.match(text, y.end)]


def _distance(y: YearMention, hit: GradeHit) -> int:
    return hit.start - y.end if y.end <= hit.start else y.start - hit.end


def _nearest_year(ctx: Context, start: int, end: int, hit: GradeHit | None = None,
                  rivals: list[GradeHit] | None = None) -> int | None:
    """The year in text[start:end] nearest the grade (within a short reach of it, and not nearer a rival grade),
    or the last one."""
    years = []
    for y in _years(ctx, start, end):
        if hit is None:
            years.append((0, y.year))
            continue
        distance = _distance(y, hit)
        if rivals and any(_distance(y, r) < distance or _distance(y, r) == distance and r.end <= y.start for r in rivals):
            continue
        if distance <= YEAR_REACH:
            years.append((distance, y.year))
    return min(years)[1] if years else None


def _year_ending(ctx: Context, start: int, end: int) -> YearMention | None:
    """A year that ends the clause ("... since 2021"), whatever the words before it."""
    text = ctx.doc.text
    for y in year_mentions(text, start, end, ctx.doc.published):
        if not text[y.end:end].strip(" ,"):
            return y
    return None


def _matching_year(ctx: Context, end: int, hit: GradeHit) -> int | None:
    """The year of the earlier inspection a grade is said to match ("matching the grade it received in 2019")."""
    text = ctx.doc.text
    for y in year_mentions(text, hit.end, end, ctx.doc.published):
        if MATCHING.match(text, hit.end, y.start):
            return y.year
    return None


def _sentence_year(ctx: Context, index: int, hit: GradeHit, hits: list[GradeHit], previous: bool) -> int | None:
    """A year elsewhere in the sentence that dates its inspection ("..., which required improvement, following
    an inspection in late 2024"), when no other grade stands nearer it and it is the only such year."""
    text, span = ctx.doc.text, ctx.sentences[index]
    found = set()
    for y in _years(ctx, span.start, span.end):
        if not DATED_BY.search(text, max(span.start, y.start - 60), y.start):
            continue
        nearest = min(hits, key=lambda h: h.start - y.end if y.end <= h.start else y.start - h.end)
        if nearest is not hit and (nearest.start - y.end if y.end <= nearest.start else y.start - nearest.end) <= YEAR_REACH:
            continue  # the year of another grade in the sentence
        lead = text[max(span.start, y.start - 80):y.start]
        if bool(lex.PREVIOUS.search(lead)) and not previous:
            continue
        found.add(y.year)
    return found.pop() if len(found) == 1 else None


class Timeline:
    """The years a document gives each council's inspections: the one it reports and the earlier ones."""

    def __init__(self, ctx: Context, readings: list[Reading]):
        self.ctx = ctx
        self.earlier: dict[str, list[int]] = {}
        self.current: dict[str, list[int]] = {}
        self.visited: set[str] = set()
        self.stated: dict[tuple[str, str, int], set[str]] = {}
        for r in readings:
            for gss in r.councils:
                if not r.stated_year:
                    continue
                if r.previous or r.also_previous or (ctx.year and r.stated_year < ctx.year - 1):
                    self.earlier.setdefault(gss, []).append(r.stated_year)
                else:  # "rated good in late 2024" in an article of early 2025: the inspection it reports
                    self.current.setdefault(gss, []).append(r.stated_year)
                for area in r.areas:
                    self.stated.setdefault((gss, area, r.stated_year), set()).add(r.hit.grade)
        self._scan()

    def _clashes(self, gss: str, area: str, year: int, grade: str) -> bool:
        return bool(self.stated.get((gss, area, year), set()) - {grade})

    def _scan(self) -> None:
        ctx, text = self.ctx, self.ctx.doc.text
        for i, span in enumerate(ctx.sentences):
            for m in lex.VISIT_WORD.finditer(text, span.start, span.end):
                lead = text[max(span.start, m.start() - 40):m.start()]
                if re.search(r"\b(?:recent|latest|first|second|third|this|new|today|during)\b", lead, re.I):
                    self.visited.update(ctx.councils_at(i, m.start()))
            for y in year_mentions(text, span.start, span.end, ctx.doc.published):
                near = text[max(span.start, y.start - 60):min(span.end, y.end + 40)]
                lead = text[max(span.start, y.start - 80):y.start]
                if not lex.INSPECTION_WORD.search(near) or lex.VISIT_WORD.search(near):
                    continue
                if lex.OTHER_EVENT_YEAR.search(text, max(0, y.start - 80), y.start):
                    continue
                councils = ctx.councils_at(i, y.start)
                if lex.PREVIOUS.search(lead):
                    for gss in councils:
                        self.earlier.setdefault(gss, []).append(y.year)
                    continue
                for gss in councils:
                    self.current.setdefault(gss, []).append(y.year)

    def year_of(self, r: Reading, gss: str, area: str, previous: bool) -> tuple[int | None, bool]:
        if r.stated_year and not (r.also_previous and not previous):
            return r.stated_year, True
        if previous:
            years = [y for y in self.earlier.get(gss, []) if not self._clashes(gss, area, y, r.hit.grade)]
            return (max(years), True) if years else (None, False)
        years = [y for y in self.current.get(gss, []) if y not in self.earlier.get(gss, [])]
        if gss in self.visited and not years:
            return None, False  # the grade a visit's article quotes is from an earlier full inspection
        for year, stated in ([(max(years), True)] if years else []) + [(self.ctx.year, False)]:
            if year is None or (gss in self.visited and not stated):
                break
            if year in self.earlier.get(gss, []) or self._clashes(gss, area, year, r.hit.grade):
                continue
            return year, stated
        return None, False
