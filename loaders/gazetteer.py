"""Finding councils in text by name: the reference councils' official names
and the names the press uses, longest match first ("North Lincolnshire" is
not "Lincolnshire"; "Kensington and Chelsea" is one council)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class CouncilRecord:
    gss: str
    name: str
    short_name: str
    names: tuple[str, ...]  # every name to look for, official name included
    start: date | None = None
    end: date | None = None
    successors: tuple[str, ...] = ()

    def existed_in(self, year: int) -> bool:
        return (self.start is None or self.start.year <= year) and (self.end is None or self.end.year >= year)


@dataclass(frozen=True)
class NameMatch:
    gss: str
    start: int
    end: int
    as_written: str


# A place name followed by one of these is another body (Kent Police, Durham University).
OTHER_BODY_AFTER = re.compile(
    r"\s*(?:'s\s+)?(?:Police|Constabulary|University|College|NHS|Clinical|Hospitals?|Integrated Care|CCG|ICB|Fire|"
    r"Safeguarding Children(?:'s)? (?:Board|Partnership)|Magistrates|Crown Court|Family Court|Cathedral|Airport|"
    r"United|City FC|Rovers|Wanderers|Athletic|Town FC|Diocese|Chamber|Mind|Museum|Evening|Echo|Post|Live|Gazette|Telegraph|Herald|Mail|Star|News)\b")
# Capitalised words that may stand before a council name without being part of another name.
FUNCTION_WORDS = {
    "in", "at", "for", "the", "by", "from", "and", "to", "of", "with", "across", "meanwhile", "but", "while", "both",
    "said", "whereas", "like", "unlike", "as", "when", "after", "before", "since", "neighbouring", "nearby", "today",
    "however", "also", "only", "last", "this", "that", "where", "within", "council", "councils", "inside", "outside",
    "including", "than", "or", "nor", "so", "yet", "if", "how", "why", "what", "our", "their", "its", "his", "her",
    "ofsted", "inspectors", "rural", "urban", "neighbouring", "between", "among", "around", "throughout",
}


WORD_START = re.compile(r"(?<![\w&])\w+")


class Gazetteer:
    """Council names compiled into one longest-first regular expression."""

    def __init__(self, records: list[CouncilRecord]):
        self.records = {r.gss: r for r in records}
        self.by_name: dict[str, list[CouncilRecord]] = {}
        for record in records:
            for name in record.names:
                self.by_name.setdefault(name.casefold(), []).append(record)
        names = sorted(self.by_name, key=len, reverse=True)
        pattern = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)  # a name may wrap over lines
        # Case-insensitive except that the first letter of a place name must be a capital:
        # checked after matching, which keeps one compiled expression.
        self._regex = re.compile(rf"(?<![\w&])(?:{pattern})(?![\w&])", re.I)
        # The regex is tried only where a name can start (a word that begins some name): far cheaper than
        # scanning every character of every sentence with a thousand alternatives.
        self._first_words = {re.match(r"\w*", name).group(0).casefold() for name in self.by_name}

    def resolve(self, name: str, year: int | None = None) -> CouncilRecord | None:
        """The council a name stands for in a year (a current council where two share it). A place whose
        council had ended by then stands for the one successor that covers it ("Poole" in 2024 is BCP); with
        no year, a name stands for the council of today."""
        candidates = self.by_name.get(" ".join(name.split()).casefold(), [])
        if not candidates:
            return None
        if year is not None:
            existing = [c for c in candidates if c.existed_in(year)]
            if existing:
                candidates = existing
            elif all(c.end is not None and c.end.year < year for c in candidates):
                later = self._successor_in(candidates, year)
                if later:
                    return later
        current = [c for c in candidates if c.end is None]
        if not current and year is None:
            later = self._successor_in(candidates, None)
            if later:
                return later
        return (current or candidates)[0]

    def _successor_in(self, ended: list[CouncilRecord], year: int | None) -> CouncilRecord | None:
        """The single council that took over from ended councils (in a year, or today)."""
        found = {gss for record in ended for gss in record.successors
                 if gss in self.records and (self.records[gss].existed_in(year) if year else self.records[gss].end is None)}
        return self.records[found.pop()] if len(found) == 1 else None

    def council_in_year(self, gss: str, year: int | None, written: str | None = None) -> str:
        """The council that held a name in a year: North Yorkshire's 2018 inspection was of the county council
        that its unitary successor replaced; where several councils were merged, the one the text names
        ("Poole's 2017 inspection" in an article about BCP)."""
        record = self.records.get(gss)
        if year is None or record is None or record.existed_in(year):
            return gss
        before = [other for other in self.records.values() if gss in other.successors and other.existed_in(year)]
        if written:
            named = [o for o in before if " ".join(written.split()).casefold() in {n.casefold() for n in o.names}]
            if named:
                return named[0].gss
        return before[0].gss if len(before) == 1 else gss

    def find(self, text: str, start: int = 0, end: int | None = None, year: int | None = None) -> list[NameMatch]:
        end = len(text) if end is None else end
        matches: list[NameMatch] = []
        for m in self._candidates(text, start, end):
            written = m.group(0)
            first_word = re.sub(r"^(?:the\s+)", "", written, flags=re.I)
            if not first_word[:1].isupper() and not first_word.lower().startswith(("london borough", "royal borough")):
                continue
            if OTHER_BODY_AFTER.match(text, m.end()) and not re.search(r"council|borough|authority", written, re.I):
                continue
            if self._part_of_longer_name(text, m.start()) or self._another_place(text, m.end(), written):
                continue
            record = self.resolve(written, year)
            if record:
                matches.append(NameMatch(record.gss, m.start(), m.end(), written))
        return matches

    def _candidates(self, text: str, start: int, end: int) -> list[re.Match[str]]:
        """What finditer would find, trying the names only at words that begin one."""
        found: list[re.Match[str]] = []
        reach = start
        for word in WORD_START.finditer(text, start, end):
            if word.start() < reach or word.group(0).casefold() not in self._first_words:
                continue
            m = self._regex.match(text, word.start(), end)
            if m:
                found.append(m)
                reach = m.end()
        return found

    def _another_place(self, text: str, end: int, written: str) -> bool:
        """'Stoke Newington' is not Stoke-on-Trent: a short form of a council's name (not its name in full or
        its usual short name) followed by a capitalised word is part of another place's name."""
        records = self.by_name.get(" ".join(written.split()).casefold(), [])
        if not records or any(written.casefold() in (r.name.casefold(), r.short_name.casefold()) for r in records):
            return False
        after = re.match(r"[ \t]+([A-Z][\w'’-]*)", text[end:end + 30])
        return bool(after) and after.group(1).lower() not in FUNCTION_WORDS and not re.match(
            r"(?:Council|City|County|Borough|Metropolitan|Children|Social|Services?)\b", after.group(1))

    @staticmethod
    def _part_of_longer_name(text: str, start: int) -> bool:
        """'New York', 'Greater Manchester', 'Jane Sutton': a capitalised word just before the name."""
        before = re.search(r"([A-Za-z][\w'’-]*)\s+$", text[max(0, start - 30):start])
        if not before:
            return False
        word = before.group(1)
        return word[:1].isupper() and word.lower() not in FUNCTION_WORDS
