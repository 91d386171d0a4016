"""`ofsted-kg validate`: files that cannot be read, several files at once,
the store, the report formats, and the store built from the corpora."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, corpus, requires_shared

HERE = Path(__file__).parent / "shapes"


def test_missing_file_and_unknown_extension_exit_2(cli, tmp_path):
    result = cli("validate", tmp_path / "nope.ttl")
    assert result.exit_code == 2 and "nope.ttl: no such file" in result.output
    odd = tmp_path / "data.txt"
    odd.write_text("<a> <b> <c> .")
    result = cli("validate", odd)
    assert result.exit_code == 2 and "--input-format" in result.output
    result = cli("validate", "--input-format", "nt", odd)
    assert result.exit_code == 2 and "data.txt:1:" in result.output  # relative IRIs are not N-Triples


def test_input_format_option_reads_other_extensions(cli, tmp_path):
    data = tmp_path / "data.txt"
    data.write_text((HERE / "valid" / "curated_judgements.ttl").read_text())
    assert cli("validate", "--input-format", "turtle", data).exit_code == 0


def test_empty_file_cannot_be_read(cli, tmp_path):
    empty = tmp_path / "empty.ttl"
    empty.write_text("# nothing\n")
    result = cli("validate", empty)
    assert result.exit_code == 2 and "holds no triples" in result.output


def test_several_files_are_reported_per_file(cli):
    bad1, bad2 = HERE / "invalid" / "grade_as_text.ttl", HERE / "invalid" / "misspelt_area.ttl"
    good = HERE / "valid" / "curated_judgements.ttl"
    result = cli("validate", "--format", "json", good, bad1, bad2)
    assert result.exit_code == 1
    report = json.loads(result.output)
    by_source = {Path(s["source"]).name: s for s in report["sources"]}
    assert by_source["curated_judgements.ttl"]["conforms"] is True
    assert by_source["grade_as_text.ttl"]["conforms"] is False
    assert by_source["misspelt_area.ttl"]["problems"][0]["hint"].startswith("Did you mean area:help-protection")
    assert report["summary"]["violations"] == 2


def test_text_report_groups_by_file_and_node_with_line(cli):
    path = HERE / "invalid" / "council_as_name.ttl"
    result = cli("validate", path)
    lines = result.output.splitlines()
    assert lines[0] == str(path)
    assert lines[1].startswith("  line ") and lines[1].endswith("<#inspection>")
    line_no = int(lines[1].split()[1].rstrip(":"))
    assert "<#inspection>" in path.read_text().splitlines()[line_no - 1]
    assert lines[-1].startswith("does not conform: 1 file checked, 1 with problems; 1 violation")


def test_unknown_report_format_exits_2(cli):
    result = cli("validate", "--format", "xml", HERE / "valid" / "one_of_each.ttl")
    assert result.exit_code == 2


def test_store_validation(cli, store):
    built = cli("build", "--store", store, EXAMPLES)
    assert built.exit_code in (0, 1), built.output
    result = cli("validate", "--store", store)
    assert result.exit_code == 0, result.output
    assert "graphs checked" in result.output
    report = json.loads(cli("validate", "--store", store, "--format", "json").output)
    assert report["conforms"] is True and report["summary"]["checked"] >= 1


def test_store_validation_names_the_graph_and_file(cli, store, tmp_path):
    """Data that got into a store some other way is still checked and blamed on its graph."""
    from ofsted_kg.graph.store import ensure_reference, open_store, replace_graphs
    from ofsted_kg.graph.validate import read_data_file

    db = open_store(store)
    ensure_reference(db)
    from rdflib import Literal, URIRef

    name = "https://w3id.org/ofsted-kg/id/curated/sneaked"
    data = read_data_file(HERE / "invalid" / "grade_as_text.ttl").graph
    data.add((URIRef(name), URIRef("https://w3id.org/ofsted-kg/ontology#fileName"), Literal("sneaked-in.ttl")))
    replace_graphs(db, [(name, data)])
    result = cli("validate", "--store", store)
    assert result.exit_code == 1
    assert "sneaked-in.ttl (https://w3id.org/ofsted-kg/id/curated/sneaked)" in result.output
    assert "Did you mean grade:requires-improvement" in result.output


def test_missing_store_exits_2(cli, tmp_path):
    result = cli("validate", "--store", tmp_path / "nowhere")
    assert result.exit_code == 2


def test_exit_codes_from_a_real_process():
    def run(*args):
        return subprocess.run([sys.executable, "-m", "ofsted_kg.graph.cli", "validate", *map(str, args)],
                              capture_output=True, text=True, timeout=300)

    assert run(HERE / "valid" / "one_of_each.ttl").returncode == 0
    assert run(HERE / "invalid" / "grade_as_text.ttl").returncode == 1
    broken = run(HERE / "invalid" / "syntax_error.ttl")
    assert broken.returncode == 2 and "syntax_error.ttl:5:31" in broken.stderr


@requires_shared
@pytest.mark.corpus
def test_export_of_the_corpora_validates(cli, store, tmp_path):
    for name in ("seeds", "dev"):
        result = cli("build", "--store", store, corpus(name) / "docs")
        assert result.exit_code in (0, 1), result.output
    out = tmp_path / "kg.trig"
    assert cli("export", "--store", store, "--format", "trig", "-o", out).exit_code == 0
    result = cli("validate", out)
    assert result.exit_code == 0, result.output[-3000:]
