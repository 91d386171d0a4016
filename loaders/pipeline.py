"""From a file to a Document and its Facts: read, clean, split, extract."""
from __future__ import annotations

from pathlib import Path

from .clean import body_spans
from .extract import build_context, extractors_for
from .gazetteer import Gazetteer
from .model import Document, Fact
from .read import read_document
from .sentences import split_sentences


def analyse_document(doc: Document, gazetteer: Gazetteer) -> list[Fact]:
    """Every fact the extractors find in a document that has been read."""
    doc.body = body_spans(doc.text, doc.media_type)
    ctx = build_context(doc, gazetteer, split_sentences(doc.text, doc.body))
    facts: list[Fact] = []
    for _name, extract in extractors_for(doc):
        facts.extend(extract(ctx))
    return facts


def analyse(path: Path, gazetteer: Gazetteer) -> tuple[Document, list[Fact]]:
    """Read a file and extract its facts; DocumentError if it cannot be read."""
    doc = read_document(path)
    return doc, analyse_document(doc, gazetteer)
