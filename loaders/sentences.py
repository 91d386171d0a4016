"""Sentences with their offsets, from the article body.

A line is never joined to the next (headlines, bullets and paragraphs stay
apart); within a line, a sentence ends at . ! ? (and a closing quote) followed
by a space and a capital, except after common abbreviations.
"""
from __future__ import annotations

import re

from .model import Span

BOUNDARY = re.compile(r"(?<=[.!?])[\"”’']?\s+(?=[\"“‘'(\[]?[A-Z0-9])")
ABBREVIATIONS = ("Mr.", "Mrs.", "Ms.", "Dr.", "St.", "No.", "Cllr.", "Prof.", "e.g.", "i.e.", "etc.", "vs.", "Rt.", "Hon.")


def split_sentences(text: str, body: list[Span]) -> list[Span]:
    sentences: list[Span] = []
    for block in body:
        start = block.start
        for match in BOUNDARY.finditer(text, block.start, block.end):
            before = text[max(block.start, match.start() - 6):match.start()]
            if before.endswith(ABBREVIATIONS) or re.search(r"\b[A-Z]\.$", before):
                continue
            end = match.start() + _closing(match.group(0))
            sentences.append(Span(start, end))
            start = match.end()
        sentences.append(Span(start, block.end))
    return [s for s in sentences if text[s.start:s.end].strip()]


def _closing(gap: str) -> int:
    """Length of the closing quote that belongs to the sentence before the gap."""
    return len(gap) - len(gap.lstrip("\"”’'"))
