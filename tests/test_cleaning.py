"""Cleaning keeps the article and drops what is not it, with offsets true to
the text read; PDF lines the page wrapped are one paragraph."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from ofsted_kg.graph.reference import gazetteer
from ofsted_kg.loaders.clean import body_spans
from ofsted_kg.loaders.model import Document, Judgement
from ofsted_kg.loaders.pipeline import analyse_document
from ofsted_kg.loaders.read import stated_date

ARTICLE = """Barnet rated good by Ofsted
Photo: A Photographer/Agency

Ofsted rated Barnet good overall this month.

More from Example News

3 Responses to Barnet rated good by Ofsted

  1. A Reader June 1, 2024 at 9:00 am #

    Sutton was judged inadequate, I think, and so was Bury.
"""


def test_reader_comments_and_credits_are_not_read_as_facts():
    doc = Document(path=Path("a.txt"), text=ARTICLE, sha256="2" * 64, media_type="text/plain",
                   published=date(2024, 6, 1))
    found = [f for f in analyse_document(doc, gazetteer()) if isinstance(f, Judgement)]
    assert {(f.area, f.grade) for f in found} == {("overall", "good")}
    assert all(ARTICLE[s.start:s.end] != "Photo: A Photographer/Agency" for s in doc.body)
    assert all(s.end <= ARTICLE.index("More from") for s in doc.body)


def test_wrapped_pdf_lines_join_into_one_span_with_true_offsets():
    text = ("Short heading\n"
            + "A long line of prose that the page wrapped because it ran out of room on the\n"
            + "line, and it carries on here.\n"
            + "Overall effectiveness Good\n")
    spans = body_spans(text, "application/pdf")
    joined = [text[s.start:s.end] for s in spans]
    assert joined[1].startswith("A long line") and joined[1].endswith("carries on here.")
    assert "Overall effectiveness Good" in joined
    assert len(body_spans(text, "text/plain")) == 4


def test_publication_dates_as_news_pages_write_them():
    assert stated_date("Title\nPublished: 19 Nov 2018\n") == date(2018, 11, 19)
    assert stated_date("This story was published 30 July 2021\n") == date(2021, 7, 30)
    assert stated_date("By A Writer\nTuesday, May 3, 2016\n\nText") == date(2016, 5, 3)
    assert stated_date("Report published: 27 March 2015 The overall judgement") == date(2015, 3, 27)
    assert stated_date("No date here, only the year 2019.") is None
