"""HTML pages: the article body only, found by trafilatura (a library made for
it), with the page's title and date where it states them."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from .model import Document, DocumentError
from .read import sha256_of


def html_document(path: Path, data: bytes, html: str) -> Document:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, include_comments=False, include_tables=True,
                                            with_metadata=True, favor_precision=True)
    if extracted is None or not (extracted.text or "").strip():
        raise DocumentError("HTML page has no article text")
    title = (extracted.title or "").strip() or None
    body = extracted.text.strip()
    text = f"{title}\n\n{body}\n" if title and not body.startswith(title) else body + "\n"
    published = None
    if extracted.date:
        try:
            published = date.fromisoformat(extracted.date[:10])
        except ValueError:
            published = None
    return Document(path=path, text=text, sha256=sha256_of(data), media_type="text/html",
                    title=title, published=published, publisher=(extracted.sitename or None))
