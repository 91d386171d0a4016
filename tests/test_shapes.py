"""Data-driven shape tests. Every file in tests/shapes/invalid/ names the
problem it must produce (`# expect: ...` on its first lines, or an
`"# expect"` key in JSON-LD) and optionally its exit code (`# exit: N`,
default 1): exit 1 files give exactly one violation, containing the text;
exit 2 files cannot be read and the error names file, line and column.
Files in tests/shapes/warning/ conform (exit 0) with the expected warning;
files in tests/shapes/valid/ conform with no problem at all. The JSON and
Turtle reports are checked against the same expectations."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import RDF, SH

HERE = Path(__file__).parent / "shapes"
INVALID = sorted((HERE / "invalid").glob("*.*"))
WARNING = sorted((HERE / "warning").glob("*.*"))
VALID = sorted((HERE / "valid").glob("*.*"))


def expectation(path: Path) -> tuple[str, int]:
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonld":
        data = json.loads(text) if not re.search(r'"# exit"\s*:\s*2', text) else {}
        if not data:  # unparsable on purpose: read the keys with a regular expression
            expect = re.search(r'"# expect"\s*:\s*"([^"]*)"', text)
            return (expect.group(1) if expect else ""), 2
        return data.get("# expect", ""), int(data.get("# exit", 1))
    expect, code = "", 1
    for line in text.splitlines():
        if line.startswith("# expect:"):
            expect = line.split(":", 1)[1].strip()
        elif line.startswith("# exit:"):
            code = int(line.split(":", 1)[1])
    return expect, code


def test_there_are_enough_cases():
    assert len([p for p in INVALID if expectation(p)[1] == 1]) >= 20
    formats = {p.suffix for p in INVALID}
    assert {".ttl", ".jsonld", ".nt", ".trig"} <= formats


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_data_conforms(cli, path):
    result = cli("validate", path)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("conforms"), result.output
    assert "0 violations, 0 warnings" in result.output


@pytest.mark.parametrize("path", WARNING, ids=[p.name for p in WARNING])
def test_suspicious_data_conforms_with_its_warning(cli, path):
    expect, _ = expectation(path)
    result = cli("validate", path)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.strip().startswith("Warning:")]
    assert warnings and all(expect in w for w in warnings), result.output
    assert "Violation:" not in result.output


@pytest.mark.parametrize("path", INVALID, ids=[p.name for p in INVALID])
def test_invalid_data_gives_its_violation(cli, path):
    expect, code = expectation(path)
    assert expect, f"{path} has no expectation"
    result = cli("validate", path)
    assert result.exit_code == code, result.output
    if code == 1:
        violations = [line for line in result.output.splitlines() if line.strip().startswith("Violation:")]
        assert len(violations) == 1, result.output
        block = result.output[result.output.index(violations[0]):]
        assert expect in block.split("\n\n")[0], result.output
        assert re.search(r"^  line \d+: ", result.output, re.M), "the focus node's line is shown"
    else:
        assert expect in result.output
        assert re.search(rf"{re.escape(path.name)}:\d+:\d+: cannot parse", result.output), result.output


@pytest.mark.parametrize("path", [p for p in INVALID if expectation(p)[1] == 1],
                         ids=[p.name for p in INVALID if expectation(p)[1] == 1])
def test_json_and_turtle_reports_say_the_same(cli, path):
    expect, _ = expectation(path)
    report = json.loads(cli("validate", "--format", "json", path).output)
    assert report["conforms"] is False and report["summary"]["violations"] == 1
    [source] = report["sources"]
    [violation] = [p for p in source["problems"] if p["severity"] == "Violation"]
    assert expect in f"{violation['message']} {violation['hint'] or ''}"
    assert violation["line"] and violation["focus"]

    result = cli("validate", "--format", "turtle", path)
    assert result.exit_code == 1
    graph = Graph().parse(data=result.output, format="turtle")
    [root] = graph.subjects(RDF.type, SH.ValidationReport)
    assert graph.value(root, SH.conforms).toPython() is False
    results = list(graph.objects(root, SH.result))
    assert len([r for r in results if graph.value(r, SH.resultSeverity) == SH.Violation]) == 1
    messages = " ".join(str(m) for r in results for m in graph.objects(r, SH.resultMessage))
    assert expect in messages
