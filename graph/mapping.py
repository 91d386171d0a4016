"""Facts to triples: a document's facts become one rdflib Graph, the content
of the document's own named graph.

Statement-level provenance: every extracted fact is a node of its own
(mention, judgement, post, statistic, finding, initiative) carrying
`kg:evidence` (a Web Annotation specific resource with quote and position
selectors on the document) and `prov:wasDerivedFrom` the document.
"""
from __future__ import annotations

from datetime import date

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, RDFS, SDO, XSD

from ..loaders.gazetteer import CouncilRecord
from ..loaders.model import (CouncilMention, Document, Evidence, Fact, Finding, Initiative, Inspection, Judgement,
                             PersonRole, Statistic)
from . import iris
from .namespaces import FRAMEWORK, KG, OA

FINDING_KINDS = {"strength": KG.Strength, "area-for-improvement": KG.AreaForImprovement}
NT_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term: Node) -> str:
    """A term as N-Triples writes it."""
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(NT_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None and term.datatype != XSD.string:
            return f"{text}^^<{term.datatype}>"
        return text
    return f"_:{term}"


class NTriples:
    """Triples kept as N-Triples lines, in the order first added, each once: what `build` stores.

    Has the one method of rdflib's Graph the mapper uses (`add`): an rdflib Graph indexes every
    triple three ways, work a document's graph on its way to the store does not need."""

    def __init__(self) -> None:
        self.lines: dict[str, None] = {}

    def add(self, triple: tuple[Node, Node, Node]) -> None:
        s, p, o = triple
        self.lines[f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"] = None

    def __len__(self) -> int:
        return len(self.lines)

    def text(self) -> str:
        return "".join(self.lines)


def add_inspection_node(g: Graph | NTriples, node: URIRef, gss: str, kind: str, year: int | None, framework: str | None,
                        start: date | None = None, end: date | None = None) -> None:
    """An inspection's own triples, the same whether a document or a curated table reports it."""
    g.add((node, RDF.type, KG.Inspection))
    g.add((node, KG.council, iris.council(gss)))
    g.add((node, KG.kind, iris.kind(kind)))
    g.add((node, PROV.wasAssociatedWith, iris.organisation("ofsted")))
    if year:
        g.add((node, KG.year, Literal(year)))
    if framework:
        g.add((node, KG.framework, FRAMEWORK[framework.lower()]))
    if start:
        g.add((node, SDO.startDate, Literal(start)))
    if end:
        g.add((node, SDO.endDate, Literal(end)))


class DocumentMapper:
    """Writes one document's facts into a Graph, minting IRIs through graph.iris."""

    def __init__(self, doc: Document, councils: dict[str, CouncilRecord], graph: Graph | NTriples | None = None):
        self.doc = doc
        self.councils = councils
        self.sha = doc.sha256
        self.doc_iri = iris.document(self.sha)
        self.g = Graph() if graph is None else graph
        self.counter = 0

    # ------------------------------------------------------------ helpers
    def _evidence(self, node: URIRef, ev: Evidence) -> None:
        g, e = self.g, iris.evidence(self.sha, ev.start, ev.end)
        g.add((node, KG.evidence, e))
        g.add((node, PROV.wasDerivedFrom, self.doc_iri))
        g.add((e, RDF.type, KG.Evidence))
        g.add((e, OA.hasSource, self.doc_iri))
        quote, position = URIRef(f"{e}#quote"), URIRef(f"{e}#position")
        g.add((e, OA.hasSelector, quote))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(ev.quote)))
        g.add((e, OA.hasSelector, position))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(ev.start)))
        g.add((position, OA.end, Literal(ev.end)))

    def _next(self, kind: str) -> URIRef:
        self.counter += 1
        return iris.local(self.sha, kind, str(self.counter))

    def _inspection(self, gss: str, kind: str, year: int | None, framework: str | None,
                    start: date | None = None, end: date | None = None, earlier: bool = False) -> URIRef:
        node = iris.inspection(gss, kind, year, self.sha, earlier)
        add_inspection_node(self.g, node, gss, kind, year, framework, start, end)
        return node

    # ------------------------------------------------------------ facts
    def add_document(self) -> None:
        g, d, doc = self.g, self.doc_iri, self.doc
        g.add((d, RDF.type, KG.Document))
        g.add((d, KG.fileName, Literal(doc.name)))
        g.add((d, KG.sha256, Literal(doc.sha256)))
        g.add((d, DCTERMS.format, Literal(doc.media_type)))
        if doc.title:
            g.add((d, DCTERMS.title, Literal(doc.title)))
        if doc.published:
            g.add((d, DCTERMS.date, Literal(doc.published)))
        if doc.publisher:
            g.add((d, DCTERMS.publisher, Literal(doc.publisher)))

    def add(self, fact: Fact) -> None:
        method = getattr(self, f"add_{type(fact).__name__.lower()}")
        method(fact)

    def add_councilmention(self, fact: CouncilMention) -> None:
        node = iris.local(self.sha, "mention", fact.gss)
        self.g.add((node, RDF.type, KG.CouncilMention))
        self.g.add((node, KG.council, iris.council(fact.gss)))
        self.g.add((node, KG.asWritten, Literal(fact.as_written)))
        self._evidence(node, fact.evidence)

    def add_judgement(self, fact: Judgement) -> None:
        inspection = self._inspection(fact.gss, "full-inspection", fact.year, fact.framework, earlier=not fact.current)
        node = iris.judgement(fact.gss, fact.year, fact.area, self.sha, earlier=not fact.current)
        g = self.g
        g.add((node, RDF.type, KG.Judgement))
        g.add((node, KG.inspection, inspection))
        g.add((node, KG.area, iris.area(fact.area)))
        g.add((node, KG.grade, iris.grade(fact.grade)))
        self._evidence(node, fact.evidence)

    def add_inspection(self, fact: Inspection) -> None:
        node = self._inspection(fact.gss, fact.kind, fact.year, fact.framework, fact.start_date, fact.end_date)
        self._evidence(node, fact.evidence)

    def add_personrole(self, fact: PersonRole) -> None:
        g = self.g
        person = iris.person(fact.name)
        g.add((person, RDF.type, KG.Person))
        g.add((person, SDO.name, Literal(fact.name)))
        g.add((person, RDFS.label, Literal(fact.name)))
        if fact.organisation_gss:
            organisation = iris.council(fact.organisation_gss)
        elif fact.organisation:
            organisation = iris.organisation(fact.organisation)
            g.add((organisation, RDF.type, ORG.Organization))
            g.add((organisation, RDFS.label, Literal(fact.organisation)))
        else:
            organisation = None
        post = iris.post(fact.name, str(organisation or ""), fact.role)
        g.add((post, RDF.type, KG.Post))
        g.add((post, ORG.heldBy, person))
        g.add((post, KG.roleLabel, Literal(fact.role)))
        if organisation is not None:
            g.add((post, ORG.postIn, organisation))
        self._evidence(post, fact.evidence)

    def add_initiative(self, fact: Initiative) -> None:
        node = iris.initiative(fact.name)
        self.g.add((node, RDF.type, KG.Initiative))
        self.g.add((node, RDFS.label, Literal(fact.name)))
        if fact.gss:
            self.g.add((node, KG.runBy, iris.council(fact.gss)))
        self._evidence(node, fact.evidence)

    def add_statistic(self, fact: Statistic) -> None:
        node = self._next("statistic")
        g = self.g
        g.add((node, RDF.type, KG.Statistic))
        g.add((node, KG.council, iris.council(fact.gss)))
        g.add((node, KG.value, Literal(str(fact.value).removesuffix(".0"), datatype=XSD.decimal)))
        g.add((node, KG.unit, iris.unit(fact.unit)))
        g.add((node, KG.measure, Literal(fact.measure)))
        if fact.as_of:
            g.add((node, DCTERMS.date, Literal(fact.as_of)))
        self._evidence(node, fact.evidence)

    def add_finding(self, fact: Finding) -> None:
        node = self._next("finding")
        g = self.g
        g.add((node, RDF.type, KG.Finding))
        g.add((node, KG.council, iris.council(fact.gss)))
        g.add((node, KG.findingKind, FINDING_KINDS[fact.kind]))
        g.add((node, KG.text, Literal(fact.text)))
        if fact.area:
            g.add((node, KG.area, iris.area(fact.area)))
        self._evidence(node, fact.evidence)


def _mapped(doc: Document, facts: list[Fact], councils: dict[str, CouncilRecord], graph: Graph | NTriples):
    mapper = DocumentMapper(doc, councils, graph)
    mapper.add_document()
    for fact in facts:
        mapper.add(fact)
    return mapper.g


def document_graph(doc: Document, facts: list[Fact], councils: dict[str, CouncilRecord]) -> Graph:
    """The content of a document's named graph."""
    return _mapped(doc, facts, councils, Graph())


def document_ntriples(doc: Document, facts: list[Fact], councils: dict[str, CouncilRecord]) -> str:
    """The same content as N-Triples text, without building an rdflib Graph (what `build` stores)."""
    return _mapped(doc, facts, councils, NTriples()).text()
