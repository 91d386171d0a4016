"""Lexicons for reading Ofsted grades in prose: how grades, judged areas and
the inspection's time are written, and the contexts where a grade word is
not a grade of a council's children's services.

Both frameworks' wordings are here: SIF (2013-2018: "children looked after
and achieving permanence", "adoption performance", "experiences and progress
of care leavers", "leadership, management and governance", the LSCB review)
and ILACS (2018-: "impact of leaders", "children who need help and
protection", "children in care and care leavers").
"""
from __future__ import annotations

import re

Q_OPEN = "'\"‘“*"
Q_CLOSE = "'\"’”*"

# Grade phrases, longest first inside each grade; the group name is the grade code.
GRADE = re.compile(
    r"(?<![\w-])(?:"
    r"(?P<ri>requires?\s+improvement(?:\s+to\s+be\s+good)?|required\s+improvement|requiring\s+improvement"
    r"|needs?\s+improvement|needed\s+improvement|need\s+improvement)"
    r"|(?P<outstanding>outstanding|(?:the\s+)?highest\s+(?:possible\s+)?(?:grade|rating|judgement|mark)s?"
    r"|tops?\s+(?:grade|rating|marks?))"
    r"|(?P<inadequate>inadequate|(?:the\s+)?lowest\s+(?:possible\s+)?(?:grade|rating|judgement)s?)"
    r"|(?P<good>good)"
    r")(?![\w-])",
    re.I,
)
GRADE_CODES = {"ri": "requires-improvement", "outstanding": "outstanding", "inadequate": "inadequate", "good": "good"}
# Phrases that name the grade by rank ("the highest grade") are grades wherever they stand.
RANKED = re.compile(r"highest|lowest|top", re.I)
WEAK_RI = re.compile(r"need", re.I)  # "needs improvement" is a grade only where the context says so

# Words just before an unquoted grade word that make it a grade ("were rated good", "deemed inadequate").
RATING_VERB_BEFORE = re.compile(
    r"\b(?:rated|rates|rate|rating\s+of|ratings?\s+of|judged|judging|judges|judgement\s+of|graded|grading\s+of|"
    r"deemed|found|assessed|described|considered|declared|branded|labelled|classed|awarded|achieved|achieving|"
    r"achieves|scored|scoring|gained|maintained|retained|kept|secured|received|receiving|receives|given|"
    r"get|gets|got|getting|attained|attain|earned|earns|jumped|jumps|rose|rises|risen|moved|moves|improved|"
    r"climbed|dropped|drops|fell|falls|fallen|slipped|slips|downgraded|upgraded|raised|lowered|became|become|"
    r"from|to|remains?|remained|stays?|stayed)"
    r"(?:\s+(?:it|them|the\s+(?:council|authority|service|services|department|borough|county)|as|as\s+being|"
    r"to\s+be|to|being|be|overall|also|now|still|again|both|all|an?|by\s+ofsted|by\s+inspectors|"
    r"(?:two|three|one)\s+grades?\s+to))*\s*[" + Q_OPEN + r"]?$",
    re.I,
)
RATED_AS_BEFORE = re.compile(
    r"\b(?:rated|rates|judged|judges|judging|graded|grades|assessed|described|deemed|considered|branded|labelled|classed|"
    r"found|finds)\b[^.;:,!?]{0,70}?[" + Q_OPEN + r"]?$", re.I)
# "judged Bury inadequate", "rated North Yorkshire outstanding" (the name keeps its capitals: no re.I).
VERB_NAME_BEFORE = re.compile(r"\b(?:[Rr]ated|[Jj]udged|[Gg]raded|[Dd]eemed|[Ff]ound|[Bb]randed|[Ll]abelled|[Cc]onsidered|"
                              r"[Dd]eclared)\s+(?:[A-Z][\w'’-]*,?\s+(?:and\s+|&\s+|of\s+)?){1,5}(?:council\s+|as\s+)?[" + Q_OPEN + r"]?$")
COPULA_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remains?|remained)(?:\s+(?:now|still|also|judged|rated|found|again|both))*"
    r"\s*[" + Q_OPEN + r"]?$", re.I)
# What may follow an unquoted grade word that is a grade: the end of a clause, or a rating noun.
GRADE_END_AFTER = re.compile(
    r"[" + Q_CLOSE + r"]?(?:\s*(?:$|[.,;:)!?—–]|-\s|\s-)|\s+(?:overall|ratings?|grades?|judgements?|score|verdict|"
    r"in\s+(?:all|every|each|both|the|its|\d{4}|[A-Z])|for\b|across|by\b|at\b|on\b|last|this\b|when|since|after|following|"
    r"earlier|today|yesterday|once|twice|late\b|early\b|alongside|along\s+with|like|despite|thanks|amid|again|"
    r"under|with|and\b|or\b|but\b|as\b|from\b|to\b|rather|instead|in\s+20|ofsted|council|authority|local\s+authority|"
    r"department|children.s\s+services|service\b|services\b|status|label|category|categories|too\b|as\s+well|each|"
    r"respectively|again|experiences?\s+and\s+progress))",
    re.I,
)
RATING_NOUN_AFTER = re.compile(
    r"[" + Q_CLOSE + r"]?\s*(?:ofsted\s+)?(?:ratings?|grades?|grading|judgements?|verdict|score|overall|"
    r"experiences?\s+and\s+progress)\b", re.I)

# Grade words in these contexts are not a council's grade.
NOT_A_GRADE_AFTER = re.compile(
    r"[" + Q_CLOSE + r"]?\s*(?:features|elements|aspects|practice\b|in\s+places|in\s+parts|examples|"
    r"(?:is|was)\s+(?:not\s+)?good\s+enough|enough)", re.I)
NOT_A_GRADE_BEFORE = re.compile(
    r"(?:\b(?:elements|features|aspects|pockets|examples|areas|signs|evidence)\s+of|\bonly)\s*[" + Q_OPEN + r"]?$",
    re.I)
CONTRAST_BEFORE = re.compile(r"\b(?:rather\s+than|instead\s+of|not|never|no\s+longer|nor|neither|(?:fell|falls?|falling)\s+"
                             r"(?:just\s+)?short\s+of|short\s+of|missed\s+out\s+on|(?:just\s+|narrowly\s+)?missed|"
                             r"failed\s+to\s+(?:achieve|get|reach|secure|gain|keep|retain)|below|one\s+step\s+(?:below|short\s+of))"
                             r"(?:\s+(?:the|an?|its|their))?\s*[" + Q_OPEN + r"]?$", re.I)
FROM_BEFORE = re.compile(r"\b(?:from|(?:moved|moves|moving|climbed|climbs|lifted|came|comes|coming|emerged?|emerging|"
                         r"escaped?|got|gets)\s+out\s+of)\s+(?:an?\s+|the\s+|its\s+|their\s+)?[" + Q_OPEN + r"]?$", re.I)
ASPIRATION_BEFORE = re.compile(
    r"\b(?:ambition|aim|aims|aspiration|goal|target|hope|hopes|want|wants|aspires?|striving|strive|bid|determined|"
    r"plan|plans)\s+(?:is\s+|was\s+)?(?:to|for)\s+(?:be|become|achieve|get|reach|move|an?)?\b[^.;]{0,30}$", re.I)
# A grade that belongs to someone other than the council's children's services.
PROVIDER = re.compile(
    r"\b(?:schools?|academy|academies|nurser(?:y|ies)|colleges?|pupil\s+referral|children.s\s+homes?|"
    r"residential\s+(?:homes?|units?|provision|settings?)|care\s+homes?|fostering\s+(?:agenc(?:y|ies)|services?|teams?|provision|panel)|"
    r"independent\s+fostering|adoption\s+agenc(?:y|ies)|regional\s+adoption|providers?|hospitals?|GP|CQC|"
    r"SEND|special\s+educational\s+needs|youth\s+offending|youth\s+justice|secure\s+(?:unit|training)|"
    r"boarding|pupils?|headteacher|teachers?)\b", re.I)
ANNUAL_RATING = re.compile(
    r"\bannual\s+(?:performance\s+)?(?:assessment|rating|review)s?\b|\bAPA\b|"
    r"\bperforms?\s+(?:excellently|well|adequately|poorly)\b|\bperforming\s+(?:excellently|adequately|poorly)\b", re.I)

# Judged areas, longest first; a matching phrase is the area's name as written.
_CHILDREN = r"(?:children|young\s+people|children\s+and\s+young\s+people)"
AREA_PATTERNS: list[tuple[str, str]] = [
    ("lscb", r"(?:the\s+)?(?:review\s+of\s+the\s+(?:effectiveness\s+of\s+the\s+)?)?(?:local\s+)?safeguarding\s+"
             r"children.?s?\s+(?:board|partnership)(?:\s*\(LSCB\))?|\bLSCBs?\b"),
    ("help-protection",
     r"(?:(?:services\s+for|the\s+experiences?\s+and\s+progress\s+of|the\s+experiences?\s+of|work\s+with)\s+)?"
     + _CHILDREN + r"(?:\s+and\s+(?:young\s+people|families|care\s+leavers))?\s+(?:who\s+need|in\s+need\s+of|"
     r"needing|who\s+needed)\s+(?:of\s+)?help(?:,)?\s+and\s+protection(?:\s+category)?"
     r"|(?:the\s+)?help\s+and\s+protection(?:\s+(?:(?:of|for)\s+(?:vulnerable\s+)?children|services?|category))?"
     r"|child\s+protection(?:\s+(?:services?|work|practice|arrangements))?"
     r"|safeguarding\s+(?:arrangements|services|children|practice)|services\s+to\s+safeguard\s+children"
     r"|(?<!family\s)(?<!local\s)safeguarding(?!\s+(?:children.?s?\s+(?:board|partnership)|teams?|model|hub|partners))"),
    ("in-care",
     r"(?:(?:services\s+for|the\s+experiences?\s+and\s+progress\s+of|the\s+experiences?\s+of|work\s+with)\s+)?"
     r"(?:children|young\s+people)\s+(?:looked\s+after|in\s+care)(?:\s+and\s+(?:care\s+leavers|achieving\s+permanence))?"
     r"|(?:services\s+for\s+)?looked[-\s]after\s+children(?:\s+and\s+achieving\s+permanence)?"
     r"|children.s\s+experiences?\s+(?:in|of)\s+care|children\s+in\s+care\s+services?|care\s+for\s+looked[-\s]after\s+children"),
    ("care-leavers",
     r"(?:the\s+)?experiences?\s+and\s+progress\s+of\s+care\s+leavers|(?:services\s+for\s+|work\s+with\s+|support\s+for\s+)?"
     r"care\s+leavers?(?:['’]s?)?(?:\s+services?)?|(?:services\s+for\s+)?(?:young\s+people\s+)?leaving\s+care(?:\s+services?)?"),
    ("leadership",
     r"(?:the\s+)?impact\s+of\s+(?:(?:its|their|the\s+council.s)\s+)?(?:senior\s+)?leaders(?:\s+on\s+(?:social\s+work\s+)?practice(?:\s+with\s+children"
     r"(?:\s+and\s+families)?)?)?|leadership,?\s+management\s+and\s+governance|"
     r"(?:the\s+quality\s+of\s+|senior\s+|strategic\s+|its\s+)?leadership(?:\s+and\s+management|\s+team)?"
     r"|(?:its|their|the\s+council.s)\s+(?:senior\s+)?leaders\b"),
    ("adoption", r"(?<!regional\s)adoption(?:\s+(?:performance|services?|work|support|team))?(?!\s+(?:agenc|partnership))"),
    ("overall", r"overall\s+effectiveness(?:\s+of\s+(?:the\s+)?(?:service|services|children.s\s+services))?|"
                r"(?:the\s+)?overall\s+(?:judgement|rating|grade)|\boverall\b"),
]
AREA = re.compile("|".join(f"(?P<{code.replace('-', '_')}>{pattern})" for code, pattern in AREA_PATTERNS), re.I)
MAIN_AREAS = ("overall", "help-protection", "in-care", "leadership")
ALL_AREAS = re.compile(r"\b(?:in|across)\s+(?:all|every|each)\s+(?:\w+\s+)?(?:areas?|categor(?:y|ies)|judgements?|"
                       r"aspects?)|\bacross\s+the\s+board\b|\bin\s+all\s+(?:three|four|five|six)\b|"
                       r"\bacross-the-board\b", re.I)
ALL_AREAS_BEFORE = re.compile(
    r"\b(?:all|every|each)\s+(?:of\s+(?:the|its)\s+)?(?:(?:two|three|four|five|six)\s+)?(?:(?:judged|inspected|key)\s+)?"
    r"(?:areas?|judgements?|categories|aspects)\s+(?:(?:was|were|are|is|being|been|have|has|had|rated|judged|graded|found|"
    r"deemed|as|now|also)\s+)*[" + Q_OPEN + r"]?$", re.I)
EXCEPT = re.compile(r"\b(?:except(?:\s+for)?|apart\s+from|other\s+than|but\s+not|with\s+the\s+exception\s+of)\b", re.I)

# Time.
YEAR = re.compile(r"(?<![\d£$-])(?<!Act\s)(?:19[89]\d|20[0-3]\d)(?![\d%-])")
PREVIOUS = re.compile(
    r"\b(?:previous(?:ly)?|prior|earlier(?!\s+this\b)|formerly|last\s+(?:full\s+)?(?:inspection|inspected|visit(?:ed)?|called|rated|"
    r"judged|graded|assessed|time|looked|went\s+in|standard\s+inspection)|first\s+(?:judged|rated|graded|deemed|found)|when\s+(?:it|they|the\s+\w+|ofsted|inspectors)"
    r"\s+(?:was|were|last)|had\s+(?:been|received|previously|got|achieved)|up\s+from|down\s+from|years?\s+ago|"
    r"since\s+(?:it|they|the\s+\w+)\s+(?:was|were)\s+(?:last\s+)?(?:judged|rated|graded|found|inspected|deemed)|"
    r"since\s+(?:the|its|their)\s+(?:last|previous)|historically|in\s+the\s+past)\b", re.I)
CURRENT = re.compile(r"\b(?:now|latest|newly|new\s+report|this\s+(?:week|month|year)|today|most\s+recent\s+inspection"
                     r"|recent\s+inspection)\b", re.I)
MAINTAINED = re.compile(r"\b(?:maintained|retained|kept|keeps|keeping|maintains|held\s+on\s+to|remains?|remained|"
                        r"stays?|stayed|still)\b", re.I)
INSPECTION_WORD = re.compile(r"\binspect(?:ion|ions|ed)\b|\bOfsted\s+(?:report|rating|judgement)s?\b", re.I)
VISIT_WORD = re.compile(r"\b(?:focused\s+visits?|monitoring\s+visits?|joint\s+targeted\s+area\s+inspections?|JTAIs?)\b",
                        re.I)
RELATIVE_START = re.compile(r"^\s*(?:when|where|which|in\s+which|at\s+which|after\s+which|who|whereby)\b", re.I)

# Clauses: strong breaks separate subjects ("X was rated good, but Y was judged inadequate").
STRONG_BREAK = re.compile(r";|,?\s+(?:but|while|whilst|whereas|although|though)\b|\s[—–]\s|:\s", re.I)
WEAK_BREAK = re.compile(r",|;|\s[—–-]\s|\(|\)|:\s", re.I)
# Subjects that are many councils in general rather than named ones.
GENERIC_SUBJECT = re.compile(r"\b(?:councils|local\s+authorities|authorities|boroughs|departments|per\s+cent|percent|"
                             r"%|none\s+of|no\s+council|no\s+local\s+authority)\b", re.I)
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
                "both": 2}
COUNTED_SUBJECT = re.compile(r"\b(two|three|four|five|six|seven|eight|nine|ten|\d+)\s+(?:\w+\s+){0,2}?"
                             r"(?:councils|local\s+authorities|authorities|boroughs|counties|cities)\b", re.I)
BOTH_ANAPHOR = re.compile(r"^\W*both\b|\bboth\s+(?:measures|areas|judgements|grades|ratings|of\s+these)\b", re.I)
NEGATED_CLAUSE = re.compile(r"^\W*(?:none|neither|no\s+(?:council|authority|local\s+authority))\b", re.I)
# A grade listed with another grade ("good or outstanding", "inadequate or requiring improvement").
_ANY_GRADE = r"(?:requir\w*\s+improvement|outstanding|good|inadequate)"
LISTED_AFTER = re.compile(r"[" + Q_CLOSE + r"]?\s*(?:,|or|and|/)\s*(?:or\s+|and\s+)?[" + Q_OPEN + r"]?" + _ANY_GRADE + r"\b", re.I)
LISTED_BEFORE = re.compile(r"\b" + _ANY_GRADE + r"[" + Q_CLOSE + r"]?\s*(?:,|or|and|/)\s*(?:or\s+|and\s+)?[" + Q_OPEN + r"]?$",
                           re.I)
# A year that dates something other than the inspection ("decline since 2018", "created in April 2023").
OTHER_EVENT_YEAR = re.compile(
    r"(?:\bsince\b(?![^.;]*\b(?:inspect\w*|visit\w*|rated|judged|graded|report)\b)[^.;]{0,50}"
    r"|\b(?:created|formed|abolished|became|becoming|established|appointed|joined|began|started|launched|set\s+up|"
    r"reorganised|born)\b[^.;]{0,25})$", re.I)
FUTURE = re.compile(r"\b(?:will|would|shall|is\s+due|are\s+due|expected|planned|plans?\s+to|to\s+receive)\b", re.I)
