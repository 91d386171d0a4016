"""Is this document an Ofsted inspection report (rather than an article about one)?
Reports are read by their own extractors (judgement table, lead inspector...)."""
from __future__ import annotations

import re

from ..model import Document

# Words may wrap onto a new line anywhere in the title, so whitespace is any whitespace.
REPORT_HEADING = re.compile(r"Inspection\s+of\s+[^\f]{0,100}?(?:local\s+authority\s+children.s\s+services"
                            r"|children.s\s+social\s+care\s+services)"
                            r"|Inspection\s+of\s+services\s+for\s+children\s+in\s+need\s+of\s+help\s+and\s+protection", re.I)


def is_ofsted_report(doc: Document) -> bool:
    return doc.media_type == "application/pdf" and bool(REPORT_HEADING.search(doc.text[:3000]))
