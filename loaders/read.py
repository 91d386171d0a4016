"""Readers: one per file type, each turning a file into a Document whose text
every evidence offset points into. Registry: READERS, by file extension."""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

from .model import Document, DocumentError

DATE_LINE = re.compile(r"^\s*(?:Published|Date|Updated)\s*:\s*(\d{4}-\d{2}-\d{2})\s*$", re.I | re.M)
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE = (rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH}),?\s+(?P<y1>(?:19|20)\d\d)"
         rf"|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>(?:19|20)\d\d))")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
# Dates as news pages write them: "Published: 19 Nov 2018", "This story was published 30 July 2021",
# "Report published: 27 March 2015", or a line that is only a date ("Tuesday, May 3, 2016").
HUMAN_DATES = [
    re.compile(rf"(?:^|\s)(?:Report\s+|First\s+)?(?:Published|Posted)(?:\s+on)?\s*:?\s*{_WEEKDAY}{_DATE}", re.I | re.M),
    re.compile(rf"\bThis\s+(?:story|article|page|news\s+release|press\s+release)\s+was\s+(?:published|posted)"
               rf"(?:\s+on)?\s+{_WEEKDAY}{_DATE}", re.I),
    re.compile(rf"^\s*{_WEEKDAY}{_DATE}\s*$", re.I | re.M),
    re.compile(rf"(?:^|\s)(?:Date|Updated|Last\s+updated)\s*:?\s*{_WEEKDAY}{_DATE}", re.I | re.M),
]


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode_utf8(path: Path, data: bytes) -> str:
    """UTF-8 text or a DocumentError saying what the bytes look like instead."""
    if not data.strip():
        raise DocumentError("empty file")
    if b"\x00" in data[:8192]:
        raise DocumentError("binary file, not text (NUL bytes found)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        from charset_normalizer import from_bytes

        guess = from_bytes(data).best()
        looks = f" (looks like {guess.encoding})" if guess else ""
        raise DocumentError(f"not UTF-8{looks} at byte {exc.start}; convert it to UTF-8") from None


def first_line_title(text: str) -> str | None:
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return None


def stated_date(text: str) -> date | None:
    """The publication date a document states near its top, where it states one."""
    head = text[:2000]
    match = DATE_LINE.search(head)
    if match:
        try:
            return date.fromisoformat(match.group(1))
        except ValueError:
            return None
    for pattern in HUMAN_DATES:
        match = pattern.search(head)
        if match:
            return _human_date(match)
    return None


def _human_date(match: re.Match[str]) -> date | None:
    day, month, year = (match.group("d1"), match.group("m1"), match.group("y1")) if match.group("y1") else (
        match.group("d2"), match.group("m2"), match.group("y2"))
    try:
        return date(int(year), MONTHS[month[:3].lower()], int(day))
    except (ValueError, KeyError):
        return None


def read_text(path: Path, data: bytes) -> Document:
    text = decode_utf8(path, data)
    media = "text/markdown" if path.suffix.lower() == ".md" else "text/plain"
    return Document(path=path, text=text, sha256=sha256_of(data), media_type=media,
                    title=first_line_title(text), published=stated_date(text))


def read_html(path: Path, data: bytes) -> Document:
    from .read_html import html_document

    return html_document(path, data, decode_utf8(path, data))


def read_pdf(path: Path, data: bytes) -> Document:
    from .read_pdf import pdf_document

    return pdf_document(path, data)


READERS: dict[str, Callable[[Path, bytes], Document]] = {
    ".txt": read_text,
    ".md": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".pdf": read_pdf,
}


def read_document(path: Path) -> Document:
    """Read one file with the reader for its extension; DocumentError if it cannot be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise DocumentError(f"unsupported file type {path.suffix or '(none)'}; expected one of {', '.join(sorted(READERS))}")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"cannot read: {exc.strerror}") from None
    return reader(path, data)
