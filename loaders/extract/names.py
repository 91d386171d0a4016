"""What counts as a person's name in running text.

A name is two or more capitalised words ("Mick Gibbs", "Mary-Jane O'Neill"),
optionally after an honorific ("Cllr", "Dr", "Sir") and before post-nominals
("MBE", "MP"). Councils, places and organisations are also runs of capitals, so
a run that the gazetteer knows, or that holds an organisation word ("Council",
"Department", "Services"), is not a person.
"""
from __future__ import annotations

import re

HONORIFICS = ("Councillor", "Cllr", "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Sir", "Dame", "Professor", "Prof", "Lord",
              "Lady", "Baroness", "Baron", "Rt Hon", "Reverend", "Rev")
POSTNOMINALS = ("MBE", "OBE", "CBE", "DBE", "KBE", "MP", "JP", "QC", "KC", "FRSA", "PhD", "MEP")

# One word of a name: "Gibbs", "Mary-Jane", "O'Neill", "McDonald", "MacIlwraith", an initial "J."
NAME_WORD = r"(?:(?:Mc|Mac|O['’]|D['’])?[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)*|[A-Z]\.)"
_HONORIFIC = r"(?:(?:" + "|".join(re.escape(h) for h in HONORIFICS) + r")\.?\s+)"
_POSTNOMINAL = r"(?:,?\s+(?:" + "|".join(POSTNOMINALS) + r")\b)"
# A run of name words as written (optional honorific, 2-6 words, post-nominals); a name is 2-4 of them.
NAME = re.compile(
    rf"(?=[A-Z])(?<![\w'’-])(?P<honorific>{_HONORIFIC})?(?P<name>{NAME_WORD}(?:[ \t]+{NAME_WORD}){{1,5}})(?![\w'’-])"
    rf"(?P<post>{_POSTNOMINAL}*)")
# One capitalised word that may stand for a person already named ("says Stuart").
SINGLE_NAME = re.compile(rf"(?=[A-Z])(?<![\w'’-])(?P<name>{NAME_WORD})(?![\w'’-])")

# Words that make a run of capitals an organisation, a place, a title or a programme rather than a person.
NOT_NAME_WORDS = {
    # organisations and their parts
    "council", "councils", "county", "borough", "city", "district", "metropolitan", "authority", "department",
    "ministry", "government", "office", "ofsted", "agency", "association", "trust", "foundation", "commission",
    "board", "partnership", "partners", "services", "service", "court", "police", "nhs", "university", "college",
    "school", "academy", "institute", "society", "charity", "group", "team", "unit", "centre", "center", "hub",
    "network", "alliance", "union", "committee", "cabinet", "parliament", "house", "commons", "lords", "news",
    "echo", "gazette", "times", "post", "guardian", "telegraph", "bbc", "press", "media", "community", "care",
    "children", "children's", "childrens", "young", "people", "people's", "family", "families", "social", "work",
    "education", "health", "safeguarding", "inspection", "inspectorate", "report", "framework", "programme",
    "project", "model", "scheme", "year", "years", "award", "awards", "winner", "prize", "initiative", "enterprise", "approach", "practice", "learning", "skills",
    # titles and roles
    "minister", "secretary", "director", "directors", "member", "leader", "deputy", "chief", "executive",
    "inspector", "inspectors", "officer", "manager", "head", "chair", "chairman", "chairwoman", "president",
    "commissioner", "mayor", "worker", "workers", "lead", "principal", "assistant", "interim", "acting",
    "corporate", "strategic", "portfolio", "holder", "spokesperson", "spokesman", "spokeswoman", "state",
    "detective", "superintendent", "constable", "sergeant", "commander", "constabulary", "headteacher", "judge",
    "governor", "governors",
    # places and calendar
    "england", "britain", "uk", "wales", "scotland", "london", "greater", "upon", "january", "february",
    "april", "june", "july", "august", "september", "october", "november", "december", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "covid", "coronavirus",
}

# Words that are capitalised only because they start a sentence or a place name: not a first name.
NOT_FIRST_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "new", "march", "may",
    "the", "a", "an", "in", "at", "on", "of", "for", "and", "but", "this", "that", "these", "those", "it", "its",
    "our", "their", "his", "her", "we", "they", "he", "she", "inspectors", "speaking", "according", "following",
    "since", "after", "before", "during", "while", "when", "where", "what", "why", "how", "all", "some", "most",
    "overall", "however", "meanwhile", "despite", "although", "also", "both", "only", "each", "every", "other",
    "photo", "image", "caption", "published", "updated", "read", "listen", "watch", "click", "share", "related",
    "more", "highlights", "area", "areas", "local", "national", "good", "outstanding", "inadequate", "requires",
    "improvement", "says", "said", "told", "added", "cllr", "councillor", "dr", "sir", "mr", "mrs", "ms", "hon",
    "rt", "lady", "lord", "dame", "professor",
}


_HONORIFIC_WORDS = frozenset({h.lower().rstrip(".") for h in HONORIFICS} | {"rt", "hon"})


def clean_name(name: str) -> str:
    """The name without honorifics, post-nominals or surrounding space: 'Cllr Anne Burns' -> 'Anne Burns'."""
    words = name.replace(",", " ").split()
    while words and words[0].lower().rstrip(".") in _HONORIFIC_WORDS:
        words.pop(0)
    while words and words[-1] in POSTNOMINALS:
        words.pop()
    return " ".join(words)


def is_person_name(name: str, is_place) -> bool:
    """Two or more name words, none an organisation, title, place or calendar word, and not a council name.

    `is_place(text)` tells whether the gazetteer reads the text as a council or place.
    """
    words = clean_name(name).split()
    if len([w for w in words if not re.fullmatch(r"[A-Z]\.", w)]) < 2:
        return False
    if any(w.lower().strip("'’") in NOT_NAME_WORDS or w.lower().removesuffix("'s") in NOT_NAME_WORDS for w in words):
        return False
    if words[0].lower() in NOT_FIRST_WORDS:
        return False
    return not is_place(" ".join(words))
