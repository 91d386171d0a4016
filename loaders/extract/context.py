"""What every extractor needs to read a document: its sentences, the councils
named in each, and which council a passage is about (so "the council", "the
authority" and "the county" resolve to it)."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer, NameMatch
from ..model import Document, Span

# Councils named one after another are one subject ("Nottingham and Plymouth councils").
COORDINATION_GAP = re.compile(r"^(?:\s*(?:council|county council|city council|borough council)?(?:'s|’s)?)?"
                              r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|&\s+|or\s+|,?\s*as\s+well\s+as\s+)(?:the\s+)?$",
                              re.I)
# Clause breaks that separate subjects within a sentence.
STRONG_BREAK = re.compile(r";|,?\s+(?:but|while|whilst|whereas|although|though)\b|\s[—–]\s|:\s", re.I)
# Words that point back to the council in focus.
# Words that name a council only in passing, as a partner or a comparison ("works with neighbouring Haringey").
PASSING_BEFORE = re.compile(r"\b(?:with|alongside|than|like|unlike|including|such\s+as|compared\s+(?:with|to)|as\s+well\s+as|"
                            r"besides|joined\s+by)\s+(?:the\s+)?(?:neighbouring\s+|nearby\s+|fellow\s+)?$", re.I)
# A clause set inside the subject's ("Dorset Council, which shares services with BCP, was rated ..."; brackets).
INSERTED = re.compile(r",\s*(?:which|who|whose|where|that|like|unlike|alongside|along\s+with|as\s+well\s+as)\b[^,;:]*,|\([^()]*\)",
                      re.I)
INDIRECT = re.compile(r"\b(?:the|this|that|our|its)\s+(?:[\w-]+\s+){0,3}?(?:council|authority|county|borough|city|"
                      r"department|service|services)\b|\b(?:it|its|they|their|we|our)\b", re.I)


@dataclass
class Context:
    doc: Document
    gazetteer: Gazetteer
    sentences: list[Span]
    mentions: list[NameMatch]
    by_sentence: list[list[NameMatch]] = field(default_factory=list)

    @property
    def year(self) -> int | None:
        """The document's year: the default year of the inspection it reports."""
        return self.doc.published.year if self.doc.published else None

    def text_of(self, span: Span) -> str:
        return self.doc.text[span.start:span.end]

    def main_council(self) -> str | None:
        """The council the document is mostly about: named in the title, else most often."""
        if not self.mentions:
            return None
        counts = Counter(m.gss for m in self.mentions)
        first_sentence = self.sentences[0] if self.sentences else None
        if first_sentence:
            in_title = [m.gss for m in self.by_sentence[0]]
            if len(set(in_title)) == 1:
                return in_title[0]
        return counts.most_common(1)[0][0]

    def council_in_focus(self, index: int) -> str | None:
        """The council sentence `index` is about: the last one named in it or before it other than in passing
        ("The council works with neighbouring Haringey" keeps the focus), else the main one."""
        passing: str | None = None
        for i in range(index, -1, -1):
            names = self.by_sentence[i]
            if not names:
                continue
            principal = [m for m in names if not self.in_passing(m)]
            if principal:
                return principal[-1].gss
            passing = passing or names[-1].gss
        return self.main_council() or passing

    def in_passing(self, match: NameMatch) -> bool:
        """A council named as a partner or for comparison, not as the subject."""
        text = self.doc.text
        return bool(PASSING_BEFORE.search(text, max(0, match.start - 40), match.start))

    def sentence_index(self, pos: int) -> int | None:
        for i, span in enumerate(self.sentences):
            if span.start <= pos < span.end:
                return i
        return None

    def clause_bounds(self, index: int, pos: int) -> tuple[int, int]:
        """The part of sentence `index` around pos between strong breaks ("..., but ...", ";")."""
        span = self.sentences[index]
        start, end = span.start, span.end
        for m in STRONG_BREAK.finditer(self.doc.text, span.start, span.end):
            if m.end() <= pos:
                start = m.end()
            elif m.start() >= pos:
                end = m.start()
                break
        return start, end

    def group_of(self, index: int, match: NameMatch) -> list[str]:
        """The councils named together with `match` ("East Sussex, Essex and Staffordshire")."""
        names = self.by_sentence[index]
        at = names.index(match)
        lo = hi = at
        text = self.doc.text
        while lo > 0 and COORDINATION_GAP.match(text[names[lo - 1].end:names[lo].start]):
            lo -= 1
        while hi + 1 < len(names) and COORDINATION_GAP.match(text[names[hi].end:names[hi + 1].start]):
            hi += 1
        out: list[str] = []
        for m in names[lo:hi + 1]:
            if m.gss not in out:
                out.append(m.gss)
        return out

    def councils_at(self, index: int, pos: int) -> list[str]:
        """The council(s) a statement at pos in sentence `index` is about: those named as its subject in the
        same clause, else named earlier in the sentence, else the council in focus ("the council", "it")."""
        start, end = self.clause_bounds(index, pos)
        names = self.by_sentence[index]
        before = [m for m in names if start <= m.start and m.end <= pos]
        if len(before) > 1:  # the subject, not a council named inside a clause set into it or in passing
            inserted = [(m.start(), m.end()) for m in INSERTED.finditer(self.doc.text, start, pos)]
            principal = [m for m in before if not any(a <= m.start < b for a, b in inserted) and not self.in_passing(m)]
            before = principal or before
        if before:
            return self.group_of(index, before[-1])
        after = [m for m in names if pos <= m.start and m.end <= end]
        if after and not INDIRECT.search(self.doc.text, start, pos):
            return self.group_of(index, after[0])
        earlier = [m for m in names if m.end <= start]
        if earlier:
            return self.group_of(index, earlier[-1])
        focus = self.council_in_focus(index - 1) if index > 0 else self.main_council()
        return [focus] if focus else []

    def councils_ahead(self, index: int, count: int, reach: int = 3) -> list[str]:
        """Councils named together, `count` of them, in the next few sentences ("two London boroughs ... X and Y")."""
        for i in range(index, min(len(self.sentences), index + reach + 1)):
            for match in self.by_sentence[i]:
                group = self.group_of(i, match)
                if len(group) == count:
                    return group
        return []

    def councils_behind(self, index: int) -> list[str]:
        """The councils named together most recently before sentence `index` ("both councils")."""
        for i in range(index - 1, -1, -1):
            if self.by_sentence[i]:
                return self.group_of(i, self.by_sentence[i][-1])
        return []


def build_context(doc: Document, gazetteer: Gazetteer, sentences: list[Span]) -> Context:
    year = doc.published.year if doc.published else None
    by_sentence = [gazetteer.find(doc.text, s.start, s.end, year) for s in sentences]
    mentions = [m for ms in by_sentence for m in ms]
    return Context(doc=doc, gazetteer=gazetteer, sentences=sentences, mentions=mentions, by_sentence=by_sentence)
