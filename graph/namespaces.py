"""The namespaces of the graph: the project's own terms, its things, and the
W3C/community vocabularies it reuses. `KG` is a closed namespace, so a
misspelt term raises instead of silently minting a new IRI (a test checks it
against ontology/ofsted.ttl)."""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD, DefinedNamespace
from rdflib.term import URIRef

BASE = "https://w3id.org/ofsted-kg/"
ID = Namespace(BASE + "id/")
GRAPHS = Namespace(BASE + "graph/")
AREA = Namespace(BASE + "id/area/")
GRADE = Namespace(BASE + "id/grade/")
FRAMEWORK = Namespace(BASE + "id/framework/")
KIND = Namespace(BASE + "id/inspection-kind/")
UNIT = Namespace(BASE + "id/unit/")
OA = Namespace("http://www.w3.org/ns/oa#")
ONS = Namespace("http://statistics.data.gov.uk/id/statistical-geography/")


class KG(DefinedNamespace):
    """Terms minted by ofsted-kg (ontology/ofsted.ttl)."""

    _fail = True
    _NS = Namespace(BASE + "ontology#")

    # classes
    Council: URIRef
    Inspectorate: URIRef
    Inspection: URIRef
    Judgement: URIRef
    Person: URIRef
    Post: URIRef
    Initiative: URIRef
    Finding: URIRef
    Statistic: URIRef
    Document: URIRef
    Evidence: URIRef
    CouncilMention: URIRef
    Framework: URIRef
    InspectionKind: URIRef
    Area: URIRef
    Grade: URIRef
    Unit: URIRef
    FindingKind: URIRef
    CuratedSource: URIRef
    # properties
    council: URIRef
    inspection: URIRef
    framework: URIRef
    kind: URIRef
    year: URIRef
    area: URIRef
    grade: URIRef
    rank: URIRef
    gradesArea: URIRef
    roleLabel: URIRef
    runBy: URIRef
    findingKind: URIRef
    text: URIRef
    value: URIRef
    unit: URIRef
    measure: URIRef
    evidence: URIRef
    sha256: URIRef
    sourceSha256: URIRef
    fileName: URIRef
    gssCode: URIRef
    dfeCode: URIRef
    councilType: URIRef
    region: URIRef
    shortName: URIRef
    successor: URIRef
    asWritten: URIRef
    # individuals
    Strength: URIRef
    AreaForImprovement: URIRef


KG_NS = KG._NS

PREFIXES = {
    "kg": KG_NS,
    "id": ID,
    "area": AREA,
    "grade": GRADE,
    "framework": FRAMEWORK,
    "kind": KIND,
    "unit": UNIT,
    "oa": OA,
    "org": ORG,
    "prov": PROV,
    "skos": SKOS,
    "schema": SDO,
    "dcterms": DCTERMS,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, prepended to named queries."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
