"""Oxigraph's SPARQL syntax errors made readable: "error at 2:10: expected one of OPTIONAL,
Prefix not found, ['%'] ..." becomes "at line 2, column 10: Prefix not found". Kept apart
from graph.query so the server's worker processes need not import rdflib."""
from __future__ import annotations

import re

SYNTAX_AT = re.compile(r"^error at (\d+):(\d+): (.*)$", re.S)


def syntax_position(message: str) -> tuple[int, int] | None:
    """(line, column) from Oxigraph's "error at L:C: ..." message."""
    match = SYNTAX_AT.match(message)
    return (int(match.group(1)), int(match.group(2))) if match else None


def syntax_message(message: str) -> str:
    """Oxigraph's "error at 2:10: expected one of OPTIONAL, Prefix not found, ['%'] ..." ->
    "at line 2, column 10: Prefix not found" (character classes dropped, sentences kept)."""
    match = SYNTAX_AT.match(message)
    if not match:
        return f": {message.splitlines()[0]}"
    line, column, rest = match.groups()
    rest = " ".join(rest.split())
    if rest.startswith("expected one of "):
        items = _split_alternatives(rest[len("expected one of "):])
        sentences = [i for i in items if " " in i and i[:1].isupper()]
        words = [i for i in items if not i.startswith("[") and i not in sentences]
        rest = "; ".join(sentences) if sentences else "expected one of " + ", ".join(words or items[:5])
    return f"at line {line}, column {column}: {rest}"


def _split_alternatives(text: str) -> list[str]:
    items, depth, current = [], 0, ""
    for ch in text:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        if ch == "," and depth == 0:
            items.append(current.strip())
            current = ""
        else:
            current += ch
    if current.strip():
        items.append(current.strip())
    return items
