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


# A PDF line that ends a sentence, a heading or a list item, rather than wrapping on to the next line.
LINE_ENDS_THOUGHT = re.compile(r"[.!?:;\"”’)]\s*$")
LIST_ITEM_START = re.compile(r"^\s*(?:[•\-–*·]|\d+[.)]\s)")
WRAP_SHARE, WRAP_CHARS = 0.6, 60  # a line this long (share of the longest, or characters) was wrapped by the page


def body_spans(text: str, media_type: str | None = None) -> list[Span]:
    """Spans of the text that are the article: each kept line (in a PDF, each paragraph whose lines the
    page wrapped), up to the first end-of-article marker."""
    spans = _line_spans(text)
    return _join_wrapped(text, spans) if media_type == "application/pdf" else spans


def _join_wrapped(text: str, spans: list[Span]) -> list[Span]:
    """Join a PDF line to the next where the page wrapped it (long, no closing punctuation); offsets stay true."""
    if not spans:
        return spans
    longest = max(s.end - s.start for s in spans)
    joined = [spans[0]]
    for span in spans[1:]:
        last = joined[-1]
        line = text[last.start:last.end]
        between = text[last.end:span.start]
        last_line = line.rsplit("\n", 1)[-1]
        if (between.count("\n") == 1 and "\f" not in between and not LINE_ENDS_THOUGHT.search(last_line)
                and len(last_line) >= min(WRAP_CHARS, WRAP_SHARE * longest) and not LIST_ITEM_START.match(text[span.start:span.end])):
            joined[-1] = Span(last.start, span.end)
        else:
            joined.append(span)
    return joined


def _line_spans(text: str) -> list[Span]:
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
