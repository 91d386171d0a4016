"""Reading one sentence for grades: which words are grades, which judged areas
they are given to ("services for children in care were rated 'good'",
"'outstanding' for the impact of leaders", "good in all areas except ..."),
and which grade words are something else (praise, an aim, a contrast)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import grades as lex


@dataclass
class GradeHit:
    start: int
    end: int
    grade: str
    licence: str  # quote, ranked, phrase, verb, copula, noun, table
    role: str = "plain"  # plain | from (an earlier grade) | contrast ("rather than X")
    areas: list[str] = field(default_factory=list)
    all_areas: bool = False
    excluded: set[str] = field(default_factory=set)

    @property
    def weak(self) -> bool:
        return self.licence == "copula"


@dataclass
class AreaHit:
    start: int
    end: int
    area: str


# Gaps between two areas that make them one list ("leadership, management and governance and adoption services").
COORD_WORDS = {"and", "as", "well", "plus", "also", "its", "the", "their", "for", "of", "on", "with", "along", "to",
               "support", "given", "provided", "offered", "services", "service", "work", "both", "in", "new", "-", "–",
               "•", "*"}
# "..., and so was the support offered to care leavers": the area after the grade takes it.
SO_WAS = re.compile(r"^[" + lex.Q_CLOSE + r"]?\s*,?\s*(?:and\s+)?(?:so|as)\s+(?:was|were|is|are|did)\b", re.I)
# Words between an area and a later grade that link them ("were rated", "is", "to be", "which still").
LINK = re.compile(r"\b(?:is|are|was|were|be|been|being|rated|rating|judged|graded|deemed|found|described|considered|"
                  r"said|remains?|remained|received|receiving|achieved|scored|got|gets|given|awarded|as|requires?|"
                  r"required|requiring|needs?|needed|maintained|has|have|had|now|still|fell|fallen|dropped|rose|"
                  r"risen|improved|moved|went|jumped|also|both|singled|which|were)\b", re.I)
BACK_WORDS = {"for", "in", "across", "on", "the", "its", "their", "of", "two", "three", "four", "five", "six", "both",
              "all", "several", "other", "key", "categories", "category", "areas", "area", "judgements", "judgement",
              "ratings", "rating", "grades", "grade", "which", "included", "including", "include", "includes",
              "namely", "ofsted", "were", "was", "along", "with", "as", "well", "and"}
BACK_NEEDS = {"for", "in", "included", "including", "includes", "include", "namely", "along", ":"}
PREMODIFIER_GAP = re.compile(r"^[" + lex.Q_CLOSE + r"]?\s*(?:(?:senior|strategic|its|the|their)\s+)*$", re.I)
TABLE_AFTER = re.compile(r"\s*(?:$|:|\s+\d|\n)")
SENTENCE_AFTER = re.compile(r"[" + lex.Q_CLOSE + r"]?\s+[A-Z]")  # a run-on line with no full stop (case-sensitive)
AREA_BEFORE = re.compile(r"(?:" + lex.AREA.pattern + r")\s+(?:as|at|is|are|was|were|remains?|remained|rated|judged|"
                         r"graded|deemed|found|now|also|still)(?:\s+(?:now|also|still|as|to\s+be|all|both))?\s*[" + lex.Q_OPEN + r"]?$",
                         re.I)
# "calling its leadership outstanding", "with leaders and care leavers all outstanding": an area, then its grade.
_AREA_ONLY = re.compile(re.sub(r"\(\?P<\w+>", "(?:", lex.AREA.pattern), re.I)
VERB_AREA_BEFORE = re.compile(r"(?:\b(?:call(?:ed|ing|s)?|rat(?:ed|ing|es)|judg(?:ed|ing|es)|deem(?:ed|ing|s)|consider(?:ed|ing|s)|"
                              r"describ(?:ed|ing|es)|found|finding|grad(?:ed|ing|es))\s+(?:" + _AREA_ONLY.pattern + r")"
                              r"|(?:" + _AREA_ONLY.pattern + r")\s+(?:all|both|each))\s*[" + lex.Q_OPEN + r"]?$", re.I)
# "good for overall effectiveness, good for leadership": a grade word repeated over a list, each with its area.
FOR_AREA_AFTER = re.compile(r"[" + lex.Q_CLOSE + r"]?\s+for\s+(?:the\s+)?(?:" + _AREA_ONLY.pattern + r")", re.I)
REPEAT_GAP = re.compile(r"^[" + lex.Q_CLOSE + r"]?\s+for\s+[^.;:]{3,120}?(?:,|\band)\s*(?:and\s+)?[" + lex.Q_OPEN + r"]?$", re.I)
# "help and protection good, its leadership good and its care leavers' services outstanding"
PARALLEL_GAP = re.compile(r"^[" + lex.Q_CLOSE + r"]?\s*(?:,|;|,?\s+and)\s+(?:and\s+)?(?:(?:its|the|their)\s+)?(?:" + _AREA_ONLY.pattern
                          + r")(?:['’]s?(?:\s+services?)?)?\s+(?:(?:was|were|is|are|as)\s+)?[" + lex.Q_OPEN + r"]?$", re.I)
FOR_GAP = re.compile(r"^[" + lex.Q_CLOSE + r"]?\s+(?:for|in)\s+(?:the\s+)?$", re.I)
# "leaders" alone is an area only in a list of areas ("with leaders, children in care and care leavers all ...").
BARE_LEADERS = re.compile(r"\b(?:senior\s+)?leaders\b", re.I)
# ... or as the subject of a rating ("Leaders at Rotherham were judged outstanding").
LEADERS_RATED = re.compile(r"\s+(?:(?:at|in)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3}\s+)?(?:were|are|have\s+been)\s+"
                           r"(?:(?:also|again|now)\s+)?(?:judged|rated|graded|deemed|found|described\s+as)\b")
# "Rotherham: good (2023)", "Ofsted rating: good": a grade standing after a label.
LABEL_BEFORE = re.compile(r"[^:\n]{2,80}?(?::|\s[–—-])\s*[" + lex.Q_OPEN + r"]?")
# "Wiltshire: requires improvement to good": the first grade is the one it moved from.
TO_GRADE_AFTER = re.compile(r"[" + lex.Q_CLOSE + r"]?\s+(?:to|into|->|→)\s+[" + lex.Q_OPEN + r"]?(?:requir\w*\s+improvement|outstanding|"
                            r"good|inadequate)\b", re.I)
LABEL_GRADE_AFTER = re.compile(r"[" + lex.Q_CLOSE + r"]?\s*(?:$|\(|[,;.]|\n)")
COMBINED = "in-care+care-leavers"  # "children in care and care leavers": one ILACS area in 2018-22, two after
# A line of a judgement table: "The experiences and progress of care leavers: Good".
TABLE_ROW = re.compile(r"\s*(?:[-•*·]\s*|\d+(?:\.\d+)*\.?\s+)?(?P<label>[A-Za-z][^:|\t]{2,120}?)\s*(?::|\||\t|\s[–—-])\s*[" + lex.Q_OPEN + r"]?"
                       r"(?P<grade>(?:requires?|requiring)\s+improvement(?:\s+to\s+be\s+good)?|outstanding|good|inadequate)"
                       r"[" + lex.Q_CLOSE + r"]?\s*\.?\s*$", re.I | re.M)
WORD = re.compile(r"[\w’'-]+|[^\w\s]")


def find_grades(text: str, start: int, end: int) -> list[GradeHit]:
    """Grade words in text[start:end] that are grades, each with its licence and role."""
    hits: list[GradeHit] = []
    for m in lex.GRADE.finditer(text, start, end):
        before = text[max(start, m.start() - 80):m.start()]
        after = text[m.end():min(end, m.end() + 50)]
        if lex.NOT_A_GRADE_AFTER.match(after) or lex.NOT_A_GRADE_BEFORE.search(before):
            continue
        if lex.ASPIRATION_BEFORE.search(before):
            continue
        word = m.group(0)
        code = lex.GRADE_CODES[m.lastgroup or "good"]
        quoted = before.endswith(tuple(lex.Q_OPEN)) and after[:1] in lex.Q_CLOSE
        licence = _licence(word, code, quoted, before, after, m.start() == start)
        if (licence is None and LABEL_GRADE_AFTER.match(after) and LABEL_BEFORE.fullmatch(text, start, m.start())
                and not AREA_HINT.search(text, start, m.start())):  # an area's label is a table row's
            licence = "table"
        moved_to = TO_GRADE_AFTER.match(after)
        if licence is None and moved_to and (LABEL_BEFORE.fullmatch(text, start, m.start())
                                             or lex.RATING_VERB_BEFORE.search(before)):
            licence = "verb"
        if licence is None and hits and (FOR_AREA_AFTER.match(after) and REPEAT_GAP.match(text[hits[-1].end:m.start()])
                                         or PARALLEL_GAP.match(text[hits[-1].end:m.start()])):
            licence = "repeat"
        if licence is None:
            continue
        hit = GradeHit(m.start(), m.end(), code, licence)
        if lex.LISTED_AFTER.match(after) or lex.LISTED_BEFORE.search(before):
            hit.role = "listed"
        elif lex.CONTRAST_BEFORE.search(before):
            hit.role = "contrast"
        elif lex.FROM_BEFORE.search(before) or moved_to:
            hit.role = "from"
        hits.append(hit)
    return hits


def _licence(word: str, code: str, quoted: bool, before: str, after: str, at_start: bool) -> str | None:
    if quoted:
        return "quote"
    if lex.RANKED.match(word):
        return "ranked"
    if code == "requires-improvement" and not lex.WEAK_RI.match(word):
        return "phrase"
    ends = bool(lex.GRADE_END_AFTER.match(after) or SENTENCE_AFTER.match(after))
    if (lex.RATING_VERB_BEFORE.search(before) or lex.RATED_AS_BEFORE.search(before)
            or lex.VERB_NAME_BEFORE.search(before)) and ends:
        return "verb"
    if ends and AREA_HINT.search(before) and (AREA_BEFORE.search(before) or VERB_AREA_BEFORE.search(before)):
        return "area"
    if lex.FROM_BEFORE.search(before) and ends:
        return "verb"
    if code == "requires-improvement":  # "needs improvement": only after an area or a rating verb
        return "copula" if re.search(r"\b(?:to|its|work|which|that)\b[^.]{0,60}$", before) else None
    if lex.RATING_NOUN_AFTER.match(after):
        return "noun"
    if word[:1].isupper() and not at_start and re.search(r"[a-z)]\s+$", before) and TABLE_AFTER.match(after):
        return "table"
    if lex.COPULA_BEFORE.search(before) and ends:
        return "copula"
    return None


def find_areas(text: str, start: int, end: int, taken: list[GradeHit]) -> list[AreaHit]:
    areas = [a for a in _written_areas(text, start, end)
             if not any(h.start < a.end and a.start < h.end for h in taken)]
    if areas and "leaders" in text[start:end].lower():
        _bare_leaders(text, start, end, areas, taken)
    return areas


AREA_HINT = re.compile(r"safeguard|protection|care|looked|leader|adoption|overall|lscb", re.I)
_AREA_CACHE: dict[tuple[str, int, int], list[AreaHit]] = {}


def _written_areas(text: str, start: int, end: int) -> list[AreaHit]:
    """Every area written in text[start:end]; a sentence is read for areas by several extractors, so once."""
    key = (text, start, end)
    cached = _AREA_CACHE.get(key)
    if cached is None:
        cached = []
        if AREA_HINT.search(text, start, end):
            for m in lex.AREA.finditer(text, start, end):
                code = (m.lastgroup or "overall").replace("_", "-")
                if code == "in-care" and re.search(r"\band\s+care\s+leavers$", m.group(0), re.I):
                    code = COMBINED
                cached.append(AreaHit(m.start(), m.end(), code))
        if len(_AREA_CACHE) > 4096:
            _AREA_CACHE.clear()
        _AREA_CACHE[key] = cached
    return cached


def _bare_leaders(text: str, start: int, end: int, areas: list[AreaHit], taken: list[GradeHit]) -> None:
    """Add "leaders" standing in a list next to another area."""
    for m in BARE_LEADERS.finditer(text, start, end):
        if any(a.start <= m.start() < a.end for a in areas) or any(h.start < m.end() and m.start() < h.end for h in taken):
            continue
        neighbours = [a for a in areas if a.start >= m.end()][:1] + [a for a in areas if a.end <= m.start()][-1:]
        if (any(_coordinated(text[min(m.end(), a.end):max(m.start(), a.start)]) for a in neighbours)
                or LEADERS_RATED.match(text, m.end(), end)):
            areas.append(AreaHit(m.start(), m.end(), "leadership"))
    areas.sort(key=lambda a: a.start)


def table_row(text: str, start: int, end: int) -> GradeHit | None:
    """A judgement table's line, "<official area label>: <grade>", as one grade with its area."""
    row = TABLE_ROW.match(text, start, end)
    if not row:
        return None
    label_start, label_end = row.span("label")
    found = find_areas(text, label_start, label_end, [])
    label = re.sub(r"^(?:the\s+)", "", row.group("label").strip(), flags=re.I)
    covered = sum(a.end - a.start for a in found)
    if not found or covered < 0.7 * len(label):
        return None
    grade = row.group("grade").lower()
    code = ("requires-improvement" if "improvement" in grade else grade)
    hit = GradeHit(row.start("grade"), row.end("grade"), code, "table")
    _give(hit, [a.area for a in found])
    return hit


def _words(gap: str) -> list[str]:
    return [w.lower() for w in WORD.findall(gap) if w not in ",;:'\"‘’“”.()"]


def _coordinated(gap: str) -> bool:
    words = _words(gap)
    if len(words) > 6 or lex.STRONG_BREAK.search(gap) and ";" in gap:
        return False
    joined = "," in gap or "and" in words or "plus" in words or "\n" in gap
    if "with" in words and "along" not in words:
        return False
    return joined and all(w in COORD_WORDS or w.isdigit() for w in words)


def group_areas(text: str, areas: list[AreaHit], grades: list[GradeHit]) -> list[list[AreaHit]]:
    groups: list[list[AreaHit]] = []
    for area in areas:
        if groups:
            last = groups[-1][-1]
            gap = text[last.end:area.start]
            bare_overall = any(text[a.start:a.end].lower() == "overall" for a in (last, area))  # "good overall, and"
            if not bare_overall and not any(last.end <= g.start < area.start for g in grades) and _coordinated(gap):
                groups[-1].append(area)
                continue
        groups.append([area])
    return groups


def attach(text: str, grades: list[GradeHit], areas: list[AreaHit]) -> None:
    """Give each group of areas to the grade the sentence gives it."""
    for group in group_areas(text, areas, grades):
        g_start, g_end = group[0].start, group[-1].end
        codes = [a.area for a in group]
        before = [g for g in grades if g.end <= g_start]
        after = [g for g in grades if g.start >= g_end]
        prev = before[-1] if before else None
        nxt = next((g for g in after if g.role != "contrast"), None)
        if prev and prev.role != "contrast" and (PREMODIFIER_GAP.match(text[prev.end:g_start])
                                                 or FOR_GAP.match(text[prev.end:g_start]) and nxt and nxt.licence == "repeat"):
            _give(prev, codes)
        elif (nxt and nxt.role != "contrast" and _forward(text[g_end:nxt.start], text[nxt.start:nxt.end])
              and not any(g_end <= a.start < nxt.start for a in areas)):
            _give(nxt, codes)
        elif prev and prev.role != "contrast" and (_backward(text[prev.end:g_start])
                                                   or SO_WAS.match(text[prev.end:g_start])):
            _give(prev, codes)
    for index, hit in enumerate(grades):
        tail = text[hit.end:hit.end + 60]
        if lex.ALL_AREAS.search(tail[:40]) or (not hit.areas and lex.ALL_AREAS_BEFORE.search(text, max(0, hit.start - 80),
                                                                                            hit.start)):
            hit.all_areas = True
            exc = lex.EXCEPT.search(tail)
            if exc:
                hit.excluded.update(a.area for a in areas if a.start >= hit.end + exc.start())
        elif hit.role == "contrast" and index > 0 and grades[index - 1].areas:
            # "with only child protection rated 'good' rather than 'outstanding'": the rest are 'outstanding'
            head = text[max(0, grades[index - 1].start - 200):grades[index - 1].start]
            if lex.ALL_AREAS.search(head) or re.search(r"\bonly\b", head[-80:], re.I):
                hit.all_areas = True
                hit.excluded.update(grades[index - 1].areas)


def _give(hit: GradeHit, codes: list[str]) -> None:
    for code in codes:
        if code not in hit.areas:
            hit.areas.append(code)


def _forward(gap: str, grade: str = "") -> bool:
    if lex.STRONG_BREAK.search(gap) or lex.EXCEPT.search(gap):
        return False
    words = _words(gap)
    if len(words) > 12:
        return False
    verb_grade = bool(re.match(r"(?:requires?|required|needs?)\b", grade, re.I))  # the grade is the verb
    if words and all(w in ("all", "both", "each") for w in words):
        return True
    return not words or bool(LINK.search(gap)) or (verb_grade and len(words) <= 6)


def _backward(gap: str) -> bool:
    if lex.EXCEPT.search(gap):
        return False
    words = _words(gap)
    if len(words) > 10 or not all(w in BACK_WORDS for w in words):
        return False
    return any(w in BACK_NEEDS for w in words) or ":" in gap


def mixed(text: str, grades: list[GradeHit]) -> set[int]:
    """Indexes of grades listed together without areas ("good and outstanding ratings"): no headline grade."""
    out: set[int] = set()
    for i in range(len(grades) - 1):
        a, b = grades[i], grades[i + 1]
        if a.grade != b.grade and re.fullmatch(r"[\s,'\"‘’“”]*(?:and|or|,)[\s'\"‘’“”]*", text[a.end:b.start]):
            if not a.areas and not b.areas:
                out.update({i, i + 1})
    return out
