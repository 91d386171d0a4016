"""Shared fixtures: the CLI run in-process and as a real process, temporary
stores, and the ../shared corpora (skipped with a reason when absent)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from ofsted_kg.graph.cli import app

REPO = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("OFSTED_KG_SHARED", REPO.parent / "shared"))
EXAMPLES = REPO / "examples" / "articles"

requires_shared = pytest.mark.skipif(not (SHARED / "corpus").is_dir(),
                                     reason=f"{SHARED} (the shared corpora) is absent on this machine")


def corpus(name: str) -> Path:
    return SHARED / "corpus" / name


class Cli:
    """Run `ofsted-kg` in-process through typer's CliRunner."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str | Path):
        return self.runner.invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture
def store(tmp_path: Path) -> Path:
    return tmp_path / "store"


def run_process(*args: str | Path, timeout: float = 300) -> subprocess.CompletedProcess:
    """`ofsted-kg` as a real process (for exit codes, signals and servers)."""
    return subprocess.run([sys.executable, "-m", "ofsted_kg.graph.cli", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout)
