"""What is not the article is not read as facts: reader comments, photo
credits, adverts, 'More from ...', footers and navigation.

Cleaning never edits the text; it returns the body as spans of it, so every
offset found later is still an offset into Document.text.
"""
from __future__ import annotations

import re

from .model import Span

# A line that starts what follows as not-article (comments, related links).
END_OF_ARTICLE = re.compile(
    r"^\s*(?:\d+\s+(?:Responses?|Comments?|Replies)\b(?:\s+to\b.*)?"
    r"|Comments are closed\.?"
    r"|(?:Leave|Post|Add) a (?:reply|comment)\b.*"
    r"|Comments?\s*(?:\(\d+\))?\s*:?"
    r"|More from\b.*"
    r"|Related (?:articles|stories|content|posts)\b.*"
    r"|You (?:may|might) also (?:like|be interested)\b.*"
    r"|Share this (?:article|story|page)\b.*"
    r")\s*$",
    re.I,
)

# A single line that is page furniture rather than article text.
NOT_ARTICLE_LINE = re.compile(
    r"^\s*(?:Photo(?:graph)?\s*(?:credit)?\s*:.*"
    r"|(?:Image|Picture)\s*(?:credit|source)?\s*:.*"
    r"|.*\b(?:Tel|Telephone|Phone)\s*:\s*[\d ]{6,}.*"
    r"|.*\b[A-Z]{1,2}\d[A-Z\d]?\s+\d[A-Z]{2}\b.*"  # a UK postcode: an address block
    r"|.*\bwebsite design by\b.*"
    r"|.*\b(?:all rights reserved|cookie policy|privacy policy|terms and conditions)\b.*"
    r"|(?:Register|Sign up|Subscribe|Book)(?: now)?\b.*\b(?:free|newsletter|event|place|CPD|today)\b.*"
    r"|Get the latest\b.*"
    r"|(?:(?:linkedin|facebook|twitter|x|pinterest|youtube|rss|instagram|whatsapp|email)(?:-blank)?\s*){2,}"
    r")\s*$",
    re.I,
)


def body_spans(text: str) -> list[Span]:
    """Spans of the text that are the article: each kept line, up to the first end-of-article marker."""
    spans: list[Span] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        start, end = offset, offset + len(line.rstrip("\r\n"))
        offset += len(line)
        content = text[start:end]
        if not content.strip():
            continue
        if END_OF_ARTICLE.match(content) and spans:
            break
        if NOT_ARTICLE_LINE.match(content):
            continue
        spans.append(Span(start, end))
    return spans
