"""Where in a data file a node is described: the line of the first statement
whose subject is the node, found in the source text (parsers do not keep
positions). Tries every way the file could spell the IRI: in full, relative to
the file's base, and with each prefix the file declares (Turtle, TriG,
SPARQL-style PREFIX, JSON-LD @context terms)."""
from __future__ import annotations

import re

TURTLE_PREFIX = re.compile(r"(?:@prefix|PREFIX)\s+([A-Za-z][\w.-]*|):\s*<([^>]*)>", re.I)
JSONLD_PREFIX = re.compile(r'"([A-Za-z][\w.-]*)"\s*:\s*"([^"]*[/#])"')
BEFORE = r"(?<![\w\-:/#\\])"
AFTER = r"(?![\w\-:%\\/#]|\.[\w])"


def spellings(text: str, iri: str, base: str | None = None) -> list[str]:
    """Regular expressions for each way `iri` may be written in `text`."""
    forms = [re.escape(f"<{iri}>"), re.escape(f'"{iri}"')]
    if base and iri.startswith(base):
        relative = iri[len(base):]
        forms.append(re.escape(f"<{relative}>"))
        forms.append(re.escape(f'"{relative}"'))
    prefixes = {m.group(1): m.group(2) for m in TURTLE_PREFIX.finditer(text)}
    prefixes.update({m.group(1): m.group(2) for m in JSONLD_PREFIX.finditer(text)})
    for prefix, namespace in prefixes.items():
        if namespace and iri.startswith(namespace) and len(iri) > len(namespace):
            local = iri[len(namespace):]
            escaped = re.sub(r"([~.\-!$&'()*+,;=/?#@%_])", r"\\\1", local)
            for written in {local, escaped, re.sub(r"([/#?&=])", r"\\\1", local)}:
                forms.append(BEFORE + re.escape(f"{prefix}:{written}") + AFTER)
                forms.append(re.escape(f'"{prefix}:{written}"'))
    return forms


def locate(text: str, iri: str, base: str | None = None) -> int | None:
    """1-based line of the node's first statement as subject, else of its first mention, else None."""
    if not text or not re.match(r"^[A-Za-z][\w+.-]*:", iri):
        return None  # a blank node: no name to look for
    lines = text.splitlines()
    pattern = re.compile("|".join(f"(?:{form})" for form in spellings(text, iri, base)))
    first_mention = None
    for number, line in enumerate(lines, 1):
        match = pattern.search(line)
        if not match:
            continue
        head = line[:match.start()].strip()
        if head in ("", "{", "[") or head.endswith(("GRAPH", "{")) or '"@id"' in head:
            return number
        if first_mention is None:
            first_mention = number
    return first_mention
