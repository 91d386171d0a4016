"""Is this document an Ofsted inspection report (rather than an article about one)?
Reports are read by their own extractors (judgement table, lead inspector...)."""
from __future__ import annotations

import re

from ..model import Document

REPORT_HEADING = re.compile(r"Inspection of [^\n]{0,80}(?:local authority children.s services|children.s social care services)"
                            r"|Inspection of services for children in need of help and protection", re.I)


def is_ofsted_report(doc: Document) -> bool:
    return doc.media_type == "application/pdf" and bool(REPORT_HEADING.search(doc.text[:3000]))
