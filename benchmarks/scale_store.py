"""Make a large store for query benchmarks by replicating the document graphs of a smaller
built store, when building the large one would take too long on the machine at hand.

Copy k of every document graph gets a fresh document IRI (so its own graph and evidence
nodes), a file name prefixed `kNN-`, and its councils swapped by a permutation of the GSS
codes drawn for that copy (in council, inspection, judgement and post IRIs), so shared nodes
(judgements, inspections) spread over councils as they would in a larger corpus rather than
piling up on the same few. Copy 0 is the original. People and initiatives stay as they are.
The ontology, vocabulary and reference graphs are kept once. The result is bulk-loaded into
a fresh Oxigraph store that the CLI and server open as usual.

Usage:
    .venv/bin/python benchmarks/scale_store.py --from out/store-400 --documents 10000 --out out/bench-stores/10k
"""
from __future__ import annotations

import argparse
import hashlib
import random
import re
import shutil
import time
from pathlib import Path

import pyoxigraph as ox

ID = "https://w3id.org/ofsted-kg/id/"
DOCUMENT = re.compile(re.escape(ID) + r"document/([0-9a-f]{64})")
GSS = re.compile(r"(?<=/)([Ee]\d{8})(?=[/-]|$)")
GSS_IN = (ID + "council/", ID + "inspection/", ID + "judgement/", ID + "post/")
FILE_NAME = ox.NamedNode("https://w3id.org/ofsted-kg/ontology#fileName")
GSS_CODE = ox.NamedNode("https://w3id.org/ofsted-kg/ontology#gssCode")


def document_graphs(quads: list[ox.Quad]) -> tuple[list[ox.Quad], dict[str, list[ox.Quad]]]:
    """(quads of the shared graphs, quads of each document graph by graph IRI)."""
    shared, documents = [], {}
    for quad in quads:
        name = quad.graph_name
        if isinstance(name, ox.NamedNode) and DOCUMENT.fullmatch(name.value):
            documents.setdefault(name.value, []).append(quad)
        else:
            shared.append(quad)
    return shared, documents


def renamer(copy: int, codes: list[str]):
    """The term mapping of one copy."""
    shuffled = codes[:]
    random.Random(copy).shuffle(shuffled)
    swap = dict(zip(codes, shuffled)) if copy else {}
    swap |= {k.lower(): v.lower() for k, v in list(swap.items())}

    def doc(m: re.Match) -> str:
        return ID + "document/" + hashlib.sha256(f"{m.group(1)}/{copy}".encode()).hexdigest()

    def iri(term):
        if not isinstance(term, ox.NamedNode) or not term.value.startswith(ID) or not copy:
            return term
        value = DOCUMENT.sub(doc, term.value)
        if value.startswith(GSS_IN):
            value = GSS.sub(lambda m: swap.get(m.group(1), m.group(1)), value)
        return ox.NamedNode(value) if value != term.value else term

    def quad(q: ox.Quad) -> ox.Quad:
        obj = q.object
        if copy and q.predicate == FILE_NAME and isinstance(obj, ox.Literal):
            obj = ox.Literal(f"k{copy:02d}-{obj.value}")
        else:
            obj = iri(obj)
        return ox.Quad(iri(q.subject), q.predicate, obj, iri(q.graph_name))

    return quad


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, required=True, help="a built store (read only)")
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    began = time.perf_counter()
    quads = list(ox.Store.read_only(str(args.source)))
    shared, documents = document_graphs(quads)
    codes = sorted({q.object.value for q in shared if q.predicate == GSS_CODE})
    names = sorted(documents)
    print(f"{args.source}: {len(names)} documents, {len(quads)} quads, {len(codes)} GSS codes")
    shutil.rmtree(args.out, ignore_errors=True)
    store = ox.Store(str(args.out))
    store.bulk_extend(shared)
    made, copy = 0, 0
    while made < args.documents:
        rename = renamer(copy, codes)
        batch = []
        for name in names[: args.documents - made]:
            batch.extend(rename(q) for q in documents[name])
            made += 1
        store.bulk_extend(batch)
        copy += 1
    store.optimize()
    store.flush()
    print(f"{args.out}: {made} documents in {copy} copies, {len(store)} quads, {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
