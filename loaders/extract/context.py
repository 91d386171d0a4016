"""What every extractor needs to read a document: its sentences, the councils
named in each, and which council a passage is about (so "the council", "the
authority" and "the county" resolve to it)."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from ..gazetteer import Gazetteer, NameMatch
from ..model import Document, Span


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
        """The council sentence `index` is about: the last one named in it or before it, else the main one."""
        for i in range(index, -1, -1):
            if self.by_sentence[i]:
                return self.by_sentence[i][-1].gss
        return self.main_council()


def build_context(doc: Document, gazetteer: Gazetteer, sentences: list[Span]) -> Context:
    year = doc.published.year if doc.published else None
    by_sentence = [gazetteer.find(doc.text, s.start, s.end, year) for s in sentences]
    mentions = [m for ms in by_sentence for m in ms]
    return Context(doc=doc, gazetteer=gazetteer, sentences=sentences, mentions=mentions, by_sentence=by_sentence)
