"""PDF files (Ofsted reports): text by pypdfium2, tidied into paragraphs.

PDF text comes out ragged: a line break wherever the page wrapped, the same
running header and page number on every page, bullets drawn with symbol-font
characters and hyphens at line ends as U+FFFE. The reader repairs that here,
once, so every extractor sees paragraphs on one line each:

- the lines of a paragraph are joined with a space (pdfium marks a soft wrap
  with a trailing space; a lower-case continuation also joins);
- lines that repeat at the top or bottom of most pages (the report's running
  title, its dates) and bare page numbers are dropped;
- symbol-font bullets become "• ", a wrap hyphen becomes "-";
- pages are separated by a form feed, unless a paragraph runs on.

Document.text is the tidied text, so every evidence offset is true to it.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

from .model import Document, DocumentError
from .read import sha256_of, stated_date

PAGE_BREAK = "\n\f\n"
BULLETS = "◼▪■●•\uf06e\uf0a7\uf0b7\uf0d8\uf0fc\uf02d\u25aa\u25cf\u2022\u2023\u2043"
BULLET_LINE = re.compile(rf"^\s*(?:[{BULLETS}]\s*|[-–]\s+)")
PAGE_NUMBER = re.compile(r"^\s*(?:page\s+)?\d{1,3}(?:\s+of\s+\d{1,3})?\s*$", re.I)
ENDS_SENTENCE = re.compile(r"[.:;?!)’”\"]$")
STARTS_ITEM = re.compile(rf"^(?:[{BULLETS}]|•|[-–]\s|\d{{1,3}}(?:\.\d)?\.?\s|[a-z]\)\s|\(\w\)\s)")
LABEL_LINE = re.compile(r"^[A-Z][\w’' ]{2,40}:\s")  # "Inspection dates: ...", "Lead inspector: ..."
EDGE_LINES = 3  # lines at the top and bottom of a page where running headers and footers sit


def pdf_document(path: Path, data: bytes) -> Document:
    """A PDF's text as tidy paragraphs; DocumentError (one line) when it is not a readable PDF."""
    pages = pdf_pages(data)
    text = tidy_pages(pages)
    if not text.strip():
        raise DocumentError(f"PDF has no text layer ({len(pages)} page(s) of images only?); run OCR first")
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Document(path=path, text=text, sha256=sha256_of(data), media_type="application/pdf",
                    title=title[:300] if title else None, published=stated_date(text) or published_date(text))


PUBLISHED = re.compile(r"^Report published\s*:\s*(\d{1,2})\s+([A-Z][a-z]+)\s+(\d{4})\s*$", re.M)
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december"]


def published_date(text: str) -> date | None:
    """'Report published: 29 March 2016' on a report's front page."""
    match = PUBLISHED.search(text[:3000])
    if not match or match.group(2).lower() not in MONTHS:
        return None
    try:
        return date(int(match.group(3)), MONTHS.index(match.group(2).lower()) + 1, int(match.group(1)))
    except ValueError:
        return None


def pdf_pages(data: bytes) -> list[str]:
    """The raw text of each page, or DocumentError saying why the bytes are not a readable PDF."""
    head = data[:2048].lstrip().lower()
    if not data.strip():
        raise DocumentError("empty file")
    if head.startswith((b"<!doctype html", b"<html", b"<?xml", b"<head")) or b"<html" in head:
        raise DocumentError("not a PDF: the file is an HTML page (a failed download or error page?)")
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF-" not in data[:1024]:
        raise DocumentError("not a PDF: no %PDF header")
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"damaged PDF, cannot be opened: {str(exc).splitlines()[0]}") from None
    pages: list[str] = []
    try:
        if len(pdf) == 0:
            raise DocumentError("damaged PDF: no pages")
        for index in range(len(pdf)):
            try:
                page = pdf[index]
                textpage = page.get_textpage()
                pages.append(textpage.get_text_range())
                textpage.close()
                page.close()
            except pdfium.PdfiumError as exc:
                raise DocumentError(f"damaged PDF: page {index + 1} cannot be read: {str(exc).splitlines()[0]}") from None
    finally:
        pdf.close()
    return pages


def tidy_pages(pages: list[str]) -> str:
    """Join the pages' paragraphs, dropping running headers, footers and page numbers."""
    split = [_lines(page) for page in pages]
    furniture = _running_lines(split)
    lengths = sorted(len(text) for lines in split for text, _ in lines if text)
    wide = 0.7 * lengths[int(len(lengths) * 0.9)] if lengths else 0  # a line that wrapped is nearly full width
    paragraphs: list[str] = []  # paragraphs, with PAGE_BREAK between pages
    soft = False  # whether the last line read ended in a soft wrap
    for lines in split:
        first_on_page = True
        for index, (raw, ends_soft) in enumerate(lines):
            if _is_furniture(raw, index, len(lines), furniture):
                continue
            line = _tidy_line(raw)
            if not line:
                continue
            last = paragraphs[-1] if paragraphs else None
            if last is not None and last != PAGE_BREAK and _continues(last, line, soft):
                paragraphs[-1] = _join(last, line)
            elif (last == PAGE_BREAK and first_on_page and len(paragraphs) >= 2 and soft
                  and line[:1].islower() and _continues(paragraphs[-2], line, soft)):
                paragraphs.pop()  # a paragraph running on over the page break
                paragraphs[-1] = _join(paragraphs[-1], line)
            else:
                paragraphs.append(line)
            soft, first_on_page = ends_soft and (len(raw) >= wide or not raw[:1].isupper()), False
        if paragraphs and paragraphs[-1] != PAGE_BREAK:
            paragraphs.append(PAGE_BREAK)
    while paragraphs and paragraphs[-1] == PAGE_BREAK:
        paragraphs.pop()
    text: list[str] = []
    for item in paragraphs:
        if item != PAGE_BREAK and text and text[-1] != PAGE_BREAK:
            text.append("\n")
        text.append(item)
    return "".join(text)


def _lines(page: str) -> list[tuple[str, bool]]:
    """(line, ends in a soft wrap) for each line of a page."""
    page = page.replace("\r\n", "\n").replace("\r", "\n")
    return [(line.strip(), line.endswith((" ", "\ufffe", "-"))) for line in page.split("\n")]


def _key(line: str) -> str:
    """A line with its digits blurred, so 'Report 3' and 'Report 4' count as one running line."""
    return re.sub(r"\d+", "#", line.strip().casefold())


def _running_lines(pages: list[list[tuple[str, bool]]]) -> set[str]:
    """Lines at a page's top or bottom that recur on most pages: running titles and footers."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        texts = [t for t, _ in lines if t]
        counts.update({_key(t) for t in texts[:EDGE_LINES] + texts[-EDGE_LINES:]})
    need = max(2, len(pages) // 2)
    return {key for key, n in counts.items() if n >= need and len(key) > 1}


def _is_furniture(text: str, index: int, count: int, furniture: set[str]) -> bool:
    if not text:
        return True
    near_edge = index < EDGE_LINES + 2 or index >= count - EDGE_LINES - 2
    return near_edge and (bool(PAGE_NUMBER.match(text)) or _key(text) in furniture)


def _tidy_line(text: str) -> str:
    text = text.replace("\u202f", " ").replace("\u00a0", " ").replace("\ufffe", "-").replace("\u00ad", "-")
    text = BULLET_LINE.sub("• ", text) if BULLET_LINE.match(text) else text
    text = re.sub(rf"[{BULLETS}]", "•", text) if text.startswith("• ") else text
    return re.sub(r"[ \t]{2,}", " ", text).strip()


def _continues(previous: str, line: str, soft: bool) -> bool:
    """Whether `line` carries on the paragraph `previous` ends (a wrapped line, not a new item)."""
    if STARTS_ITEM.match(line) or line.startswith("• ") or LABEL_LINE.match(line):
        return False
    if previous.endswith("-") and line[:1].isalpha():
        return True
    if soft:
        return True
    return line[:1].islower() and not ENDS_SENTENCE.search(previous)


def _join(previous: str, line: str) -> str:
    if previous.endswith("-") and line[:1].islower() and not previous.endswith(" -"):
        return previous + line
    return previous + " " + line
