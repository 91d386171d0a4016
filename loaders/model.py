"""Plain data passed from the loaders to the graph: a Document and its Facts.

The loaders know text and nothing of RDF; graph.mapping turns these into
triples. Every fact carries the Evidence (exact quote and character offsets
into Document.text) it was read from.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path


@dataclass(frozen=True)
class Evidence:
    """An exact quote of Document.text[start:end]."""

    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Span:
    """A region of Document.text (a body block or a sentence)."""

    start: int
    end: int


@dataclass
class Document:
    """A document as read: its text, identity and what it says of itself."""

    path: Path
    text: str
    sha256: str
    media_type: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    body: list[Span] = field(default_factory=list)

    @property
    def name(self) -> str:
        return self.path.name

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for text[start:end], trimmed of surrounding whitespace."""
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return Evidence(start, end, self.text[start:end])


@dataclass(frozen=True)
class CouncilMention:
    gss: str
    as_written: str
    evidence: Evidence


@dataclass(frozen=True)
class Judgement:
    """A grade given to one area of a council's children's services."""

    gss: str
    area: str  # vocab notation: overall, help-protection, in-care, care-leavers, leadership, adoption, lscb
    grade: str  # outstanding, good, requires-improvement, inadequate
    year: int | None
    evidence: Evidence
    year_stated: bool = False
    framework: str | None = None  # ILACS or SIF
    current: bool = True  # the inspection the document reports, not an earlier one


@dataclass(frozen=True)
class Inspection:
    """An inspection or visit mentioned without grades (or with its dates)."""

    gss: str
    kind: str  # full-inspection, focused-visit, monitoring-visit, jtai
    year: int | None
    evidence: Evidence
    framework: str | None = None
    start_date: date | None = None
    end_date: date | None = None
    current: bool = True


@dataclass(frozen=True)
class PersonRole:
    name: str
    role: str
    organisation: str
    evidence: Evidence
    organisation_gss: str | None = None


@dataclass(frozen=True)
class Initiative:
    name: str
    gss: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Statistic:
    gss: str
    value: float
    unit: str
    measure: str
    evidence: Evidence
    as_of: date | None = None


@dataclass(frozen=True)
class Finding:
    gss: str
    kind: str  # strength or area-for-improvement
    text: str
    evidence: Evidence
    area: str | None = None


Fact = CouncilMention | Judgement | Inspection | PersonRole | Initiative | Statistic | Finding


class DocumentError(Exception):
    """A document that cannot be read; str() is one line naming the problem."""
