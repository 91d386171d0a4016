"""PDF files (Ofsted reports): text by pypdfium2, page by page, with pages
separated by a form feed so offsets stay true to the text read."""
from __future__ import annotations

from pathlib import Path

from .model import Document, DocumentError
from .read import sha256_of, stated_date

PAGE_BREAK = "\n\f\n"


def pdf_document(path: Path, data: bytes) -> Document:
    head = data[:1024].lstrip().lower()
    if not data.strip():
        raise DocumentError("empty file")
    if head.startswith((b"<!doctype html", b"<html")) or b"<html" in head:
        raise DocumentError("not a PDF: the file is an HTML page (a failed download?)")
    if not data.startswith(b"%PDF"):
        raise DocumentError("not a PDF: no %PDF header")
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise DocumentError(f"damaged PDF: {exc}") from None
    try:
        pages = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            pages.append(textpage.get_text_range().replace("\r\n", "\n").replace("\r", "\n"))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    text = PAGE_BREAK.join(pages)
    if not text.strip():
        raise DocumentError("PDF has no text layer (a scanned image?); run OCR first")
    title = next((line.strip() for line in text.splitlines() if line.strip()), None)
    return Document(path=path, text=text, sha256=sha256_of(data), media_type="application/pdf",
                    title=title, published=stated_date(text))
