"""What a person probably meant: for a validation result whose value is close
to a valid one ("Requires Improvement" as text instead of the grade concept,
"Lincolnshire CC" instead of the council IRI, a misspelt area or property),
a one-sentence hint naming the valid term.

Candidates come from the shape itself (sh:in, sh:class) and the reference
data beside the data (vocabulary labels and notations, council names through
the gazetteer); closeness is difflib's ratio on normalised labels."""
from __future__ import annotations

import difflib
import re
from datetime import datetime

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, SKOS, XSD
from rdflib.term import Node

from .namespaces import KG, PREFIXES

LABELS = (SKOS.notation, SKOS.prefLabel, RDFS.label, SKOS.altLabel, KG.shortName)
COUNCIL_SUFFIXES = re.compile(
    r"\b(?:cc|mbc|bc|dc|ca|county council|city council|borough council|metropolitan borough council|council|"
    r"local authority|la)\s*$", re.I)
COUNCIL_PREFIXES = re.compile(r"^(?:the\s+)?(?:(?:royal\s+)?(?:london\s+)?borough of|city of|county of)\s+", re.I)
CURATED_NODE = re.compile(r"^https://w3id\.org/ofsted-kg/id/curated/[0-9a-f]{64}(#.*)?$")
SIMPLE_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%Y/%m/%d", "%Y%m%d")


def compact(iri: str) -> str:
    """grade:good for IRIs under a known prefix with a simple local name, <#x> for a node of a
    curated file (as the file writes it), else <iri>."""
    local = CURATED_NODE.match(iri)
    if local:
        return f"<{local.group(1) or ''}>"
    best = ""
    for prefix, ns in PREFIXES.items():
        ns = str(ns)
        if iri.startswith(ns) and len(ns) > len(best) and SIMPLE_LOCAL.match(iri[len(ns):]):
            best, name = ns, f"{prefix}:{iri[len(ns):]}"
    return name if best else f"<{iri}>"


def normalise(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.casefold()).split())


def local_name(iri: str) -> str:
    return re.split(r"[/#]", iri.rstrip("/#"))[-1]


def _label(g: Graph, node: Node) -> str | None:
    for prop in (SKOS.prefLabel, RDFS.label):
        value = g.value(node, prop)
        if value is not None:
            return str(value)
    return None


def _describe(g: Graph, node: URIRef) -> str:
    label = _label(g, node)
    return f"{compact(str(node))} ({label})" if label else compact(str(node))


def closest(text: str, candidates: list[URIRef], g: Graph) -> URIRef | None:
    """The candidate whose local name, notation or a label matches `text`, exactly after
    normalising or else closely (difflib ratio >= 0.8)."""
    wanted = normalise(text)
    if not wanted:
        return None
    keys: dict[str, URIRef] = {}
    for c in candidates:
        for label in [local_name(str(c)), *(str(v) for p in LABELS for v in g.objects(c, p))]:
            keys.setdefault(normalise(label), c)
    if wanted in keys:
        return keys[wanted]
    match = difflib.get_close_matches(wanted, list(keys), n=1, cutoff=0.8)
    return keys[match[0]] if match else None


def council_for(text: str) -> URIRef | None:
    """The reference council a name stands for: the gazetteer's names, then without
    suffixes like 'CC' or 'Borough Council', then the closest name."""
    from . import iris
    from .reference import gazetteer

    gaz = gazetteer()
    name = " ".join(text.replace("_", " ").split())
    for attempt in (name, COUNCIL_SUFFIXES.sub("", name).strip(), COUNCIL_PREFIXES.sub("", name).strip(),
                    COUNCIL_PREFIXES.sub("", COUNCIL_SUFFIXES.sub("", name)).strip()):
        record = gaz.resolve(attempt) if attempt else None
        if record:
            return iris.council(record.gss)
    names = {n.casefold(): record for record in gaz.records.values() for n in record.names}
    match = difflib.get_close_matches(name.casefold(), list(names), n=1, cutoff=0.85)
    return iris.council(names[match[0]].gss) if match else None


def _value_text(value: Node) -> str:
    return str(value) if isinstance(value, Literal) else local_name(str(value))


def _suggest_term(value: Node, candidates: list[URIRef], g: Graph, is_council: bool = False) -> str | None:
    text = _value_text(value)
    match = council_for(text) if is_council else None
    if match is None and is_council and isinstance(value, URIRef) and re.search(r"E\d{8}$", str(value)):
        return None  # a well-formed council IRI of no known council: nothing closer to offer
    match = match or closest(text, candidates, g)
    if match is None or match == value:
        return None
    if isinstance(value, Literal):
        return f"Did you mean {_describe(g, match)}? Use the IRI, not the text {value.n3()}."
    return f"Did you mean {_describe(g, match)}?"


def _in_hint(shapes: Graph, shape: Node, value: Node, data: Graph) -> str | None:
    members = shapes.value(shape, SH["in"])
    if members is None or value is None:
        return None
    candidates = [m for m in Collection(shapes, members) if isinstance(m, URIRef)]
    return _suggest_term(value, candidates, data) if candidates else None


def _class_hint(shapes: Graph, shape: Node, value: Node, data: Graph) -> str | None:
    cls = shapes.value(shape, SH["class"])
    if cls is None or value is None:
        return None
    candidates = [c for c in data.subjects(RDF.type, cls) if isinstance(c, URIRef)]
    hint = _suggest_term(value, candidates, data, is_council=cls == KG.Council)
    if hint:
        return hint
    if isinstance(value, URIRef) and not any(data.triples((value, None, None))):
        return f"{compact(str(value))} is described nowhere; declare it ({compact(str(value))} a {compact(str(cls))} ...) or use a known one."
    return None


def _datatype_hint(shapes: Graph, shape: Node, value: Node) -> str | None:
    datatype = shapes.value(shape, SH.datatype)
    if not isinstance(value, Literal) or datatype is None:
        return None
    text = str(value).strip()
    if datatype == XSD.integer and re.fullmatch(r"[+-]?\d+", text):
        return f"Write {text} without quotes (an xsd:integer)."
    if datatype == XSD.decimal:
        number = text.rstrip("%").replace(",", "").strip()
        if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)", number):
            extra = " (the unit goes in kg:unit)" if text.endswith("%") else ""
            return f"Write {number if '.' in number else number + '.0'} without quotes (an xsd:decimal){extra}."
    if datatype == XSD.date:
        iso = _iso_date(text)
        if iso:
            return f'Write "{iso}"^^xsd:date.'
        return 'Write the date as "YYYY-MM-DD"^^xsd:date.'
    if datatype == XSD.string and value.language:
        return f'Write "{text}" without the language tag @{value.language}.'
    return None


def _iso_date(text: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    match = re.fullmatch(r"(\d{4}-\d{2}-\d{2})T.*", text)
    return match.group(1) if match else None


def _missing_hint(path: Node, focus: Node, data: Graph) -> str | None:
    """A required property is missing: perhaps it is there under a misspelt name."""
    from rdflib.namespace import PROV

    if not isinstance(path, URIRef):
        return None
    present = {p for p in data.predicates(focus, None) if p != RDF.type}
    wanted = local_name(str(path)).casefold()
    near = [p for p in present if difflib.SequenceMatcher(None, local_name(str(p)).casefold(), wanted).ratio() >= 0.8]
    if near:
        return f"The node has {compact(str(near[0]))}; did you mean {compact(str(path))}?"
    if path == PROV.wasDerivedFrom:
        return "For hand-written data add prov:wasDerivedFrom <> (<> is the data file itself)."
    return None


def _unknown_term_hint(value: Node, data: Graph) -> str | None:
    if not isinstance(value, URIRef):
        return None
    terms = [t for t in set(data.subjects(RDFS.label, None)) if isinstance(t, URIRef) and str(t).startswith(str(KG._NS))]
    names = {local_name(str(t)): t for t in terms}
    match = difflib.get_close_matches(local_name(str(value)), list(names), n=1, cutoff=0.7)
    if not match:
        lowered = {n.casefold(): t for n, t in names.items()}
        exact = lowered.get(local_name(str(value)).casefold())
        return f"Did you mean {compact(str(exact))}?" if exact else None
    return f"Did you mean {compact(str(names[match[0]]))}?"


def hint_for(problem, data: Graph, shapes: Graph, shape: Node | None, value: Node | None, focus: Node | None,
             path: Node | None) -> str | None:
    """A hint for one validation result, or None when there is nothing closer to offer."""
    component = problem.component
    try:
        if component == "InConstraintComponent" and shape is not None:
            return _in_hint(shapes, shape, value, data)
        if component == "ClassConstraintComponent" and shape is not None:
            return _class_hint(shapes, shape, value, data)
        if component == "DatatypeConstraintComponent" and shape is not None:
            return _datatype_hint(shapes, shape, value)
        if str(shape).endswith("#FactEvidence"):
            return "For hand-written data add prov:wasDerivedFrom <> (<> is the data file itself, a curated source)."
        if component == "MinCountConstraintComponent" and focus is not None and path is not None:
            return _missing_hint(path, focus, data)
        if component == "KnownTerms":
            return _unknown_term_hint(value, data)
    except Exception:  # a hint is a courtesy: never let it hide the problem itself
        return None
    return None
