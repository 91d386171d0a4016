"""Minting IRIs: the one place that decides the identity of things (see the
Identity section of DESIGN.md)."""
from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

from .namespaces import AREA, GRADE, GRAPHS, ID, KIND, UNIT

HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "cllr", "councillor", "sir", "dame", "professor", "prof", "lord",
              "lady", "baroness", "rt", "hon", "the"}
POSTNOMINALS = {"mbe", "obe", "cbe", "dbe", "kbe", "frsa", "qc", "kc", "mp", "jp"}


def slug(text: str) -> str:
    """'Signs of Safety' -> 'signs-of-safety' (ASCII, lower case, hyphens)."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("&", " and ")).strip("-") or "unnamed"


def person_slug(name: str) -> str:
    words = [w for w in slug(name).split("-") if w not in HONORIFICS | POSTNOMINALS]
    return "-".join(words) or slug(name)


def council(gss: str) -> URIRef:
    return ID[f"council/{gss}"]


def document(sha256: str) -> URIRef:
    return ID[f"document/{sha256}"]


def curated(sha256: str) -> URIRef:
    return ID[f"curated/{sha256}"]


def evidence(sha256: str, start: int, end: int) -> URIRef:
    return ID[f"document/{sha256}/evidence/{start}-{end}"]


def local(sha256: str, kind: str, key: str) -> URIRef:
    """A node that belongs to one document (a mention, a statistic, a finding)."""
    return ID[f"document/{sha256}/{kind}/{key}"]


def inspection(gss: str, kind: str, year: int | None, sha256: str, earlier: bool = False) -> URIRef:
    """Without a year the node is local to the document; an earlier inspection there is apart from the current one."""
    when = str(year) if year else f"doc-{sha256[:16]}" + ("-earlier" if earlier else "")
    return ID[f"inspection/{gss}/{kind}/{when}"]


def judgement(gss: str, year: int | None, area: str, sha256: str, earlier: bool = False) -> URIRef:
    when = str(year) if year else f"doc-{sha256[:16]}" + ("-earlier" if earlier else "")
    return ID[f"judgement/{gss}/{when}/{area}"]


def person(name: str) -> URIRef:
    return ID[f"person/{person_slug(name)}"]


def post(name: str, organisation: str, role: str) -> URIRef:
    return ID[f"post/{person_slug(name)}/{slug(organisation or 'none')}/{slug(role or 'none')}"]


def organisation(name: str) -> URIRef:
    return ID[f"organisation/{slug(name)}"]


def initiative(name: str) -> URIRef:
    return ID[f"initiative/{slug(name)}"]


def area(code: str) -> URIRef:
    return AREA[code]


def grade(code: str) -> URIRef:
    return GRADE[code]


def kind(code: str) -> URIRef:
    return KIND[code]


def unit(code: str) -> URIRef:
    return UNIT[code]


REFERENCE_GRAPH = GRAPHS["reference"]
VOCAB_GRAPH = GRAPHS["vocab"]
ONTOLOGY_GRAPH = GRAPHS["ontology"]
