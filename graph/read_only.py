"""Opening a store read-only while it may be written: kept apart from graph/store.py so the
server's query workers start without importing rdflib."""
from __future__ import annotations

import time
from pathlib import Path

import pyoxigraph as ox


def open_read_only(path: Path | str, attempts: int = 10) -> ox.Store:
    """A read-only view of the store at `path`, which another process (or this one) may be writing.

    RocksDB opens a read-only instance from the writer's latest manifest; when the writer's
    background compaction deletes a file that manifest lists at that very moment, the open
    fails with "Corruption: ... No such file". The files are there again in the next manifest,
    so the open is tried again a few times before the error is let through."""
    for attempt in range(attempts):
        try:
            return ox.Store.read_only(str(path))
        except (OSError, RuntimeError) as exc:
            if "No such file" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))  # up to about 9 s in all
    raise AssertionError("unreachable")
