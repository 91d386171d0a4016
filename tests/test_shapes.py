"""Data-driven shape tests: every file in tests/shapes/invalid/ names the
violation it must produce on its first line (`# expect: ...`); the files in
tests/shapes/valid/ conform."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).parent / "shapes"
INVALID = sorted((HERE / "invalid").glob("*.*"))
VALID = sorted((HERE / "valid").glob("*.*"))


def expectation(path: Path) -> tuple[str, int]:
    expect, code = "", 1
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            expect = line.split(":", 1)[1].strip()
        elif line.startswith("# exit:"):
            code = int(line.split(":", 1)[1])
    return expect, code


@pytest.mark.parametrize("path", VALID, ids=[p.name for p in VALID])
def test_valid_data_conforms(cli, path):
    result = cli("validate", path)
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_data_gives_its_violation(cli, path):
    expect, code = expectation(path)
    assert expect, f"{path} has no '# expect:' line"
    result = cli("validate", path)
    assert result.exit_code == code, result.output
    violations = [line for line in result.output.splitlines() if line.startswith("Violation:")]
    if code == 1:
        assert len(violations) == 1, result.output
        assert expect in violations[0]
    else:
        assert expect in result.output
