"""Building a store: bad inputs named on one line without losing the rest,
the same graph on a second build, replacement of a changed file, and no mix
of old and new content after a build killed part-way."""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox

from ofsted_kg.graph.store import open_read_only

from .conftest import EXAMPLES, run_process


def write_article(folder: Path, name: str, council: str, grade: str, extra: str = "") -> Path:
    path = folder / name
    path.write_text(f"{council} children's services judged {grade}\n\n"
                    f"Ofsted inspectors judged {council} council {grade} overall this spring. {extra}\n",
                    encoding="utf-8")
    return path


def graphs_by_file(store_dir: Path) -> dict[str, list[str]]:
    store = open_read_only(store_dir)
    rows = store.query("SELECT ?name ?sha WHERE { GRAPH ?g { ?d <https://w3id.org/ofsted-kg/ontology#fileName> ?name ; "
                       "<https://w3id.org/ofsted-kg/ontology#sha256> ?sha } }")
    found: dict[str, list[str]] = {}
    for row in rows:
        found.setdefault(row["name"].value, []).append(row["sha"].value)
    del store
    return found


def test_bad_files_are_named_and_the_rest_still_load(cli, store, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_article(docs, "good.txt", "Lincolnshire", "good")
    (docs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (docs / "empty.txt").write_bytes(b"")
    (docs / "latin1.txt").write_bytes("Ofsted rated Essex council \xe9xcellent".encode("latin-1") + b" caf\xe9 na\xefve")
    result = cli("build", "--store", store, docs)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{docs / 'binary.txt'}: binary file") for line in lines), result.output
    assert any(line.startswith(f"{docs / 'empty.txt'}: empty file") for line in lines), result.output
    assert any(line.startswith(f"{docs / 'latin1.txt'}: not UTF-8") for line in lines), result.output
    assert "Loaded 1 of 4 documents" in result.output
    councils = cli("query", "--store", store, "--format", "csv", "councils")
    assert "Lincolnshire County Council,E10000019,good.txt" in councils.output


def test_building_twice_gives_the_same_triples(cli, store):
    first = cli("build", "--store", store, EXAMPLES)
    assert first.exit_code == 0, first.output
    count = len(open_read_only(store))
    second = cli("build", "--store", store, EXAMPLES)
    assert second.exit_code == 0, second.output
    assert len(open_read_only(store)) == count


def test_a_changed_file_replaces_its_earlier_version(cli, store, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    write_article(docs, "a.txt", "Essex", "good")
    assert cli("build", "--store", store, docs).exit_code == 0
    write_article(docs, "a.txt", "Kent", "good")
    assert cli("build", "--store", store, docs).exit_code == 0
    rows = cli("query", "--store", store, "--format", "csv", "councils").output
    assert "Kent County Council" in rows and "Essex County Council" not in rows
    assert len(graphs_by_file(store)["a.txt"]) == 1


def test_a_killed_build_leaves_old_or_new_content_never_a_mix(store, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(400):
        write_article(docs, f"doc{i:03}.txt", "Essex", "good", extra=f"Version one of story {i}.")
    old = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in docs.iterdir()}
    assert run_process("build", "--quiet", "--store", store, docs).returncode == 0
    for i in range(400):
        write_article(docs, f"doc{i:03}.txt", "Kent", "inadequate", extra=f"Version two of story {i}.")
    new = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in docs.iterdir()}
    for delay in (1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "ofsted_kg.graph.cli", "build", "--quiet", "--store",
                                 str(store), str(docs)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        found = graphs_by_file(store)
        assert set(found) == set(old)
        for name, shas in found.items():
            assert len(shas) == 1, f"{name} has {len(shas)} versions after SIGKILL"
            assert shas[0] in (old[name], new[name])
    # and the store still answers a query through the CLI
    result = run_process("query", "--store", store, "--format", "csv", "councils")
    assert result.returncode == 0 and "source" in result.stdout.splitlines()[0]
