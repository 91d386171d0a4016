"""The extractors, one module each, run in order over a document's Context.

Articles and Ofsted's own report PDFs are read by different lists: a report
states its judgements in a table and names its lead inspector, an article
reports them in prose. To add an extractor: write a module with
`extract(ctx: Context) -> list[Fact]` and list it below.
"""
from __future__ import annotations

from collections.abc import Callable

from ..model import Document, Fact
from . import councils, findings, initiatives, inspections, judgements, people, statistics, report_findings, report_history, report_inspections, report_judgements, report_people
from .context import Context, build_context
from .report_detect import is_ofsted_report

Extractor = Callable[[Context], list[Fact]]

ARTICLE_EXTRACTORS: list[tuple[str, Extractor]] = [
    ("councils", councils.extract),
    ("judgements", judgements.extract),
    ("inspections", inspections.extract),
    ("findings", findings.extract),
    ("people", people.extract),
    ("initiatives", initiatives.extract),
    ("statistics", statistics.extract),
]

REPORT_EXTRACTORS: list[tuple[str, Extractor]] = [
    ("councils", councils.extract),
    ("report-inspections", report_inspections.extract),
    ("report-judgements", report_judgements.extract),
    ("report-history", report_history.extract),
    ("report-people", report_people.extract),
    ("report-findings", report_findings.extract),
]


def extractors_for(doc: Document) -> list[tuple[str, Extractor]]:
    return REPORT_EXTRACTORS if is_ofsted_report(doc) else ARTICLE_EXTRACTORS


__all__ = ["ARTICLE_EXTRACTORS", "REPORT_EXTRACTORS", "Context", "Extractor", "build_context", "extractors_for"]
