"""The on-disk store: Oxigraph (RocksDB) with one named graph per document or
curated file, and the ontology, vocabularies and reference councils in graphs
of their own. Every write is one SPARQL Update, which Oxigraph applies as one
transaction: a graph is replaced whole or not at all."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from . import iris
from .read_only import open_read_only
from .namespaces import KG
from .resources import COUNCILS_FILE, ONTOLOGY_FILE, VOCAB_FILE

DEFAULT_STORE = Path("out/store")
REFERENCE_FILES = {
    iris.ONTOLOGY_GRAPH: ONTOLOGY_FILE,
    iris.VOCAB_GRAPH: VOCAB_FILE,
    iris.REFERENCE_GRAPH: COUNCILS_FILE,
}
STAMP = ox.NamedNode(str(KG.sourceSha256))


class StoreError(Exception):
    """The store cannot be opened or written; str() is one line saying why."""


def store_path(given: Path | None) -> Path:
    """--store, else $OFSTED_KG_STORE, else out/store."""
    if given is not None:
        return given
    env = os.environ.get("OFSTED_KG_STORE")
    return Path(env) if env else DEFAULT_STORE


_OPEN: dict[Path, ox.Store] = {}


def open_store(path: Path, *, create: bool = True) -> ox.Store:
    """The store at `path`, opened once per process (RocksDB allows one writer per folder)."""
    if not create and not path.exists():
        raise _no_store(path)
    key = path.resolve()
    if key in _OPEN:
        return _OPEN[key]
    try:
        path.mkdir(parents=True, exist_ok=True)
        _OPEN[key] = ox.Store(str(path))
        return _OPEN[key]
    except OSError as exc:
        message = str(exc).splitlines()[0]
        if "lock" in message.lower():
            raise StoreError(f"{path}: the store is in use by another process (is `ofsted-kg serve` running?)") from None
        raise StoreError(f"{path}: cannot open the store: {message}") from None


def open_store_read_only(path: Path) -> ox.Store:
    """A read-only view of an existing store: no writer lock, and no background compaction
    removing files under other read-only views (the check workers of `validate --store`)."""
    if not path.exists():
        raise _no_store(path)
    try:
        return open_read_only(path)
    except (OSError, RuntimeError) as exc:
        raise StoreError(f"{path}: cannot open the store: {str(exc).splitlines()[0]}") from None


def _no_store(path: Path) -> StoreError:
    return StoreError(f"{path}: no store here; build one with `ofsted-kg build --store {path} FILES`")


def ntriples(graph: Graph) -> str:
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


def replace_graphs(store: ox.Store, graphs: Iterable[tuple[str, Graph]]) -> None:
    """Drop each named graph and write its new content, all in one transaction."""
    replace_graphs_nt(store, ((name, ntriples(graph) if len(graph) else "") for name, graph in graphs))


def replace_graphs_nt(store: ox.Store, graphs: Iterable[tuple[str, str]]) -> None:
    """Drop each named graph and write its new content, given as N-Triples text
    (empty: the graph is only dropped), all in one SPARQL Update: one transaction."""
    parts = []
    for name, triples in graphs:
        parts.append(f"DROP SILENT GRAPH <{name}> ;\n")
        if triples:
            parts.append(f"INSERT DATA {{ GRAPH <{name}> {{\n{triples}}} }} ;\n")
    if parts:
        store.update("".join(parts).rstrip(" ;\n"))


BULK_LIMIT = 500_000
"""Most quads written by one bulk load. Oxigraph's bulk loader turns up to a million quads into
one set of SST files and ingests them with a single RocksDB IngestExternalFiles call over all
column families, which RocksDB applies atomically: below that size a bulk load is all or nothing."""


def write_graphs_nt(store: ox.Store, graphs: list[tuple[str, str]]) -> None:
    """replace_graphs_nt, taking the faster road when it can.

    When no graph is dropped (empty text) and none of the names is in the store yet (a fresh
    build), the graphs are written as one N-Quads bulk load of under BULK_LIMIT quads: one
    atomic ingestion, half the CPU of a transactional load and without the memory a
    transaction's write buffers grow to (2 GiB over 10,000 documents against 0.2)."""
    fresh = all(text for _, text in graphs) and not any(store.contains_named_graph(ox.NamedNode(n)) for n, _ in graphs)
    if not fresh or sum(text.count("\n") for _, text in graphs) > BULK_LIMIT:
        replace_graphs_nt(store, graphs)
        return
    # split on "\n" only: N-Triples escapes it inside literals, but not other line separators (U+2028)
    quads = "".join(f"{line[:-1]}<{name}> .\n" for name, text in graphs for line in text.split("\n") if line)
    if quads:
        store.bulk_load(quads.encode("utf-8"), format=ox.RdfFormat.N_QUADS)


def remove_graphs(store: ox.Store, names: Iterable[str]) -> None:
    update = " ;\n".join(f"DROP SILENT GRAPH <{n}>" for n in names)
    if update:
        store.update(update)


def ensure_reference(store: ox.Store) -> None:
    """Load the ontology, vocabularies and councils, replacing any copy made from other files."""
    stale = []
    for name, path in REFERENCE_FILES.items():
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        graph = ox.NamedNode(str(name))
        stamps = list(store.quads_for_pattern(graph, STAMP, None, graph))
        if not stamps or stamps[0].object.value != digest:
            stale.append((name, path, digest))
    if not stale:
        return
    batch = []
    for name, path, digest in stale:
        g = Graph().parse(path, format="turtle")
        g.add((URIRef(str(name)), URIRef(STAMP.value), Literal(digest)))
        batch.append((str(name), g))
    replace_graphs(store, batch)


def count_quads(store: ox.Store) -> int:
    return len(store)


def graphs_named(store: ox.Store, file_name: str) -> list[str]:
    """Named graphs holding a document or curated file read from a file of this name (an earlier version)."""
    query = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?d <https://w3id.org/ofsted-kg/ontology#fileName> "
             f"{ox.Literal(file_name)} }} }}")
    rows = store.query(query)
    return [row["g"].value for row in rows]


def graphs_named_many(store: ox.Store, file_names: Iterable[str]) -> dict[str, list[str]]:
    """graphs_named for many file names in one query: file name -> graphs read from a file of that name."""
    values = " ".join(str(ox.Literal(name)) for name in set(file_names))
    if not values:
        return {}
    query = ("SELECT DISTINCT ?name ?g WHERE { VALUES ?name { " + values + " } "
             "GRAPH ?g { ?d <https://w3id.org/ofsted-kg/ontology#fileName> ?name } }")
    found: dict[str, list[str]] = {}
    for row in store.query(query):
        found.setdefault(row["name"].value, []).append(row["g"].value)
    return found
