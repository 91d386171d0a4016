"""`ofsted-kg add` and `remove`: curated files go in as their own named graphs
with provenance only when they conform, are answered by queries, replace
their earlier version by file name, and come back out."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pyoxigraph as ox

from ofsted_kg.graph.store import open_store

HERE = Path(__file__).parent / "shapes"
GOOD = HERE / "valid" / "curated_judgements.ttl"
BAD = HERE / "invalid" / "grade_as_text.ttl"


def snapshot(store: Path) -> tuple[set[str], set[str]]:
    """Graph names and quads (as N-Quads lines) of a store."""
    db = open_store(store, create=False)
    graphs = {g.value for g in db.named_graphs()}
    quads = {str(q) for q in db.quads_for_pattern(None, None, None, None)}
    return graphs, quads


def judgements(cli, store: Path) -> list[dict[str, str]]:
    result = cli("query", "judgements", "--store", store, "--format", "csv")
    assert result.exit_code == 0, result.output
    return list(csv.DictReader(io.StringIO(result.output)))


def test_added_file_is_answered_by_query(cli, store, tmp_path):
    path = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, path)
    result = cli("add", "--store", store, path)
    assert result.exit_code == 0, result.output
    assert "added" in result.output and "id/curated/" in result.output
    rows = judgements(cli, store)
    assert {(r["council"], r["area"], r["grade"], r["year"], r["source"]) for r in rows} == {
        ("Lincolnshire County Council", "overall", "outstanding", "2019", "lincs-outcomes.ttl"),
        ("Lincolnshire County Council", "leadership", "outstanding", "2019", "lincs-outcomes.ttl"),
    }


def test_provenance_node_names_file_hash_and_time(cli, store, tmp_path):
    import hashlib

    path = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, path)
    cli("add", "--store", store, path)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    result = cli("query", "--store", store, "--format", "csv",
                 "SELECT ?g ?name ?sha ?when WHERE { GRAPH ?g { ?g a kg:CuratedSource ; kg:fileName ?name ; "
                 "kg:sha256 ?sha ; dcterms:created ?when } }")
    [row] = list(csv.DictReader(io.StringIO(result.output)))
    assert row["g"].endswith(f"/id/curated/{sha}")
    assert (row["name"], row["sha"]) == ("lincs-outcomes.ttl", sha)
    assert row["when"][:2] == "20"


def test_non_conforming_file_leaves_store_unchanged(cli, store, tmp_path):
    good = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, good)
    assert cli("add", "--store", store, good).exit_code == 0
    before = snapshot(store)
    result = cli("add", "--store", store, BAD)
    assert result.exit_code == 1
    assert "Did you mean grade:requires-improvement" in result.output
    assert "nothing was added" in result.output
    assert snapshot(store) == before


def test_one_bad_file_among_good_ones_writes_nothing(cli, store, tmp_path):
    good = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, good)
    result = cli("add", "--store", store, good, BAD)
    assert result.exit_code == 1
    assert judgements(cli, store) == []


def test_unreadable_file_writes_nothing(cli, store, tmp_path):
    broken = tmp_path / "broken.ttl"
    broken.write_text("@prefix kg: <https://w3id.org/ofsted-kg/ontology#> .\n<#x> kg:text \"open\n")
    result = cli("add", "--store", store, GOOD, broken)
    assert result.exit_code == 2
    assert "broken.ttl:2:" in result.output and "nothing was added" in result.output
    assert judgements(cli, store) == []


def test_adding_a_changed_file_replaces_it(cli, store, tmp_path):
    path = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, path)
    cli("add", "--store", store, path)
    first = {g for g in snapshot(store)[0] if "/curated/" in g}
    path.write_text(GOOD.read_text().replace("area:leadership ; kg:grade grade:outstanding",
                                             "area:leadership ; kg:grade grade:good"))
    result = cli("add", "--store", store, path)
    assert result.exit_code == 0 and "replacing" in result.output, result.output
    second = {g for g in snapshot(store)[0] if "/curated/" in g}
    assert len(second) == 1 and second != first
    grades = {r["area"]: r["grade"] for r in judgements(cli, store)}
    assert grades == {"overall": "outstanding", "leadership": "good"}


def test_adding_the_same_file_twice_is_idempotent(cli, store, tmp_path):
    path = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, path)
    cli("add", "--store", store, path)
    graphs = snapshot(store)[0]
    assert cli("add", "--store", store, path).exit_code == 0
    assert snapshot(store)[0] == graphs
    assert len(judgements(cli, store)) == 2


def test_remove_by_file_name_and_by_iri(cli, store, tmp_path):
    path = tmp_path / "lincs-outcomes.ttl"
    shutil.copy(GOOD, path)
    cli("add", "--store", store, path)
    result = cli("remove", "--store", store, "lincs-outcomes.ttl")
    assert result.exit_code == 0 and "removed" in result.output
    assert judgements(cli, store) == []
    cli("add", "--store", store, path)
    [graph] = [g for g in snapshot(store)[0] if "/curated/" in g]
    assert cli("remove", "--store", store, f"<{graph}>").exit_code == 0
    assert graph not in snapshot(store)[0]


def test_remove_refuses_unknown_and_reference_graphs(cli, store, tmp_path):
    shutil.copy(GOOD, tmp_path / "x.ttl")
    cli("add", "--store", store, tmp_path / "x.ttl")
    before = snapshot(store)
    missing = cli("remove", "--store", store, "nothing-here.ttl")
    assert missing.exit_code == 1 and "nothing-here.ttl" in missing.output
    reference = cli("remove", "--store", store, "https://w3id.org/ofsted-kg/graph/reference")
    assert reference.exit_code == 1 and "cannot be removed" in reference.output
    assert snapshot(store) == before


def test_remove_takes_out_a_built_document(cli, store):
    from tests.conftest import EXAMPLES

    article = sorted(EXAMPLES.glob("*.*"))[0]
    assert cli("build", "--store", store, article).exit_code in (0, 1)
    documents = [g for g in snapshot(store)[0] if "/document/" in g]
    if not documents:
        return  # the example did not load; nothing to remove
    result = cli("remove", "--store", store, article.name)
    assert result.exit_code == 0, result.output
    assert not [g for g in snapshot(store)[0] if "/document/" in g]


def test_disagreement_with_stored_data_is_a_warning_not_a_refusal(cli, store, tmp_path):
    first, second = tmp_path / "a.ttl", tmp_path / "b.ttl"
    shutil.copy(GOOD, first)
    second.write_text(GOOD.read_text().replace("area:overall ; kg:grade grade:outstanding",
                                               "area:overall ; kg:grade grade:good"))
    assert cli("add", "--store", store, first).exit_code == 0
    result = cli("add", "--store", store, second)
    assert result.exit_code == 0, result.output
    assert "Sources disagree" in result.output
    # the same check when validating the file beside the store
    check = cli("validate", "--store", store, second)
    assert check.exit_code == 0 and "Sources disagree" in check.output
    assert ox  # the store stays readable
