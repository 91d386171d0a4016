"""Where the ontology files and the named queries live.

Both are mapped beside the `graph` package (in the repository and in an
installed wheel alike), so one relative path finds them either way.
"""
from __future__ import annotations

from pathlib import Path

PACKAGE_ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY_DIR = PACKAGE_ROOT / "ontology"
QUERIES_DIR = PACKAGE_ROOT / "queries"

ONTOLOGY_FILE = ONTOLOGY_DIR / "ofsted.ttl"
VOCAB_FILE = ONTOLOGY_DIR / "vocab.ttl"
COUNCILS_FILE = ONTOLOGY_DIR / "councils.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
