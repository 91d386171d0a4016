"""Exporting the store: the whole dataset (TriG, N-Quads) or the union of its
graphs (Turtle, JSON-LD)."""
from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

import pyoxigraph as ox
from rdflib import Dataset

from .namespaces import PREFIXES

FORMATS = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS, "turtle": ox.RdfFormat.TURTLE,
           "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": None}
QUAD_FORMATS = {"trig", "nquads"}


def export(store: ox.Store, fmt: str, output: BinaryIO | Path) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "jsonld":
        data = store.dump(format=ox.RdfFormat.N_QUADS)
        ds = Dataset()
        ds.parse(data=data, format="nquads")
        text = ds.serialize(format="json-ld", context={k: str(v) for k, v in PREFIXES.items()}, auto_compact=True)
        _write(output, text.encode("utf-8"))
        return
    prefixes = {k: str(v) for k, v in PREFIXES.items()} if fmt in ("trig", "turtle") else None
    if fmt in QUAD_FORMATS:
        data = store.dump(format=FORMATS[fmt], prefixes=prefixes)
    else:  # a triple format: the union of every graph, duplicates merged
        union = ox.Dataset(store.quads_for_pattern(None, None, None, None))
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in union}
        data = ox.serialize(sorted(triples, key=str), format=FORMATS[fmt], prefixes=prefixes)
    _write(output, data)


def _write(output: BinaryIO | Path, data: bytes) -> None:
    if isinstance(output, Path):
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
    else:
        output.write(data)
