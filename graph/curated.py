"""Curated data: hand-written or imported RDF files put into the store, each
as its own named graph with its provenance, only if it conforms.

A file's graph is `id/curated/{sha256}` and holds the file's triples plus a
kg:CuratedSource node of the same IRI (file name, sha256, time added); `<>`
in the file is that node, so facts can say `prov:wasDerivedFrom <>`.
Adding a file again (even changed) replaces the graph of the earlier file of
the same name, in the same transaction as the write. Adding is
all-or-nothing: if any file cannot be read or does not conform, nothing is
written."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from . import iris
from .namespaces import ID, KG
from .store import ensure_reference, graphs_named, remove_graphs, replace_graphs
from .validate import DataFile, Outcome, read_data_file, validate_data_files
from .validate_store import REFERENCE_GRAPHS, context_for

CURATED_PREFIX = str(ID["curated/"])
DOCUMENT_PREFIX = str(ID["document/"])


class CuratedError(Exception):
    """A graph to remove that is not in the store or may not be removed; str() says which."""


@dataclass
class Added:
    path: Path
    graph: str
    replaced: list[str] = field(default_factory=list)


@dataclass
class AddReport:
    outcome: Outcome
    added: list[Added] = field(default_factory=list)

    @property
    def written(self) -> bool:
        return bool(self.added)


def curated_graph(data: DataFile, added_at: datetime | None = None) -> Graph:
    """The content of a curated file's named graph: its triples and its provenance node."""
    node = URIRef(data.base)
    g = Graph()
    g += data.graph
    for prop in (KG.fileName, KG.sha256, DCTERMS.created):
        g.remove((node, prop, None))
    when = (added_at or datetime.now(timezone.utc)).replace(microsecond=0)
    g.add((node, RDF.type, KG.CuratedSource))
    g.add((node, KG.fileName, Literal(data.path.name)))
    g.add((node, KG.sha256, Literal(data.sha256)))
    g.add((node, DCTERMS.created, Literal(when.isoformat(), datatype=XSD.dateTime)))
    return g


def earlier_versions(store: ox.Store, file_name: str) -> list[str]:
    """Curated graphs read from a file of this name (documents of the same name are left alone)."""
    return [g for g in graphs_named(store, file_name) if g.startswith(CURATED_PREFIX)]


def check_files(store: ox.Store | None, files: list[DataFile], added_at: datetime | None = None
                ) -> tuple[Outcome, list[tuple[DataFile, Graph, list[str]]]]:
    """Validate files as they would be stored: with their provenance, and (given a store)
    beside what the store already says about their nodes, earlier versions of the same
    files left out. `validate FILE` and `add FILE` give the same verdict this way."""
    prepared = []
    for data in files:
        g = curated_graph(data, added_at)
        prepared.append((data, g, earlier_versions(store, data.path.name) if store is not None else []))
    context = None
    if store is not None:
        union = Graph()
        for _, g, _ in prepared:
            union += g
        context = context_for(store, union, exclude=[old for _, _, olds in prepared for old in olds])
    checked = [DataFile(d.path, d.text, d.sha256, g) for d, g, _ in prepared]
    return validate_data_files(checked, context), prepared


def add_files(store: ox.Store, paths: list[Path], fmt: str | None = None) -> AddReport:
    """Add conforming files; raises ReadError (nothing written) when a file cannot be read."""
    files = [read_data_file(p, fmt) for p in paths]
    names = [f.path.name for f in files]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        from .validate import ReadError

        raise ReadError(f"{duplicates[0]}: given twice (files are kept by name, so one would replace the other)")
    ensure_reference(store)
    outcome, prepared = check_files(store, files)
    report = AddReport(outcome=outcome)
    if not outcome.conforms:
        return report
    batch: list[tuple[str, Graph]] = []
    for data, g, olds in prepared:
        name = data.base
        batch += [(old, Graph()) for old in olds if old != name]
        batch.append((name, g))
        report.added.append(Added(data.path, name, [old for old in olds if old != name]))
    replace_graphs(store, batch)
    return report


def resolve_graphs(store: ox.Store, spec: str) -> list[str]:
    """The document or curated graphs `spec` names: a graph IRI (with or without <>), or a file name."""
    spec = spec.strip()
    iri = spec[1:-1] if spec.startswith("<") and spec.endswith(">") else spec
    if iri in REFERENCE_GRAPHS:
        raise CuratedError(f"{iri}: the reference data (ontology, vocabularies, councils) cannot be removed")
    if iri.startswith(("http://", "https://")):
        if not iri.startswith((CURATED_PREFIX, DOCUMENT_PREFIX)):
            raise CuratedError(f"{iri}: not a document or curated graph (those are {DOCUMENT_PREFIX}... "
                               f"and {CURATED_PREFIX}...)")
        if not any(True for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))):
            raise CuratedError(f"{iri}: no such graph in the store")
        return [iri]
    found = [g for g in graphs_named(store, Path(spec).name)
             if g.startswith((CURATED_PREFIX, DOCUMENT_PREFIX))]
    if not found:
        raise CuratedError(f"{spec}: no document or curated file of this name in the store")
    return sorted(found)


def remove(store: ox.Store, spec: str) -> list[str]:
    """Take a document or curated file back out, in one transaction; the graphs removed."""
    names = resolve_graphs(store, spec)
    remove_graphs(store, names)
    return names
