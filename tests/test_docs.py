"""Docs that cannot drift: every CLI command has help text and appears in the
README, and every named query has a title, description and columns."""
from __future__ import annotations

import re

from typer.main import get_command

from ofsted_kg.graph.cli import app
from ofsted_kg.graph.query import named_queries

from .conftest import REPO


def test_every_command_is_documented_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = get_command(app).commands
    assert len(commands) >= 12
    for name, command in commands.items():
        assert (command.help or "").strip(), f"{name} has no help text"
        assert re.search(rf"ofsted-kg {re.escape(name)}\b", readme), f"README does not show `ofsted-kg {name}`"


def test_readme_quick_start_is_two_commands_in_one_block():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```sh\n(.*?)```", readme, re.S)
    assert block, "no ```sh block under Quick start"
    lines = [line for line in block.group(1).splitlines() if line.strip()]
    assert len(lines) == 2
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert lines[1].strip() in ci, ".ci/run must run the README's test command"


def test_every_named_query_has_a_header():
    queries = named_queries()
    assert len(queries) >= 15
    for name, query in queries.items():
        assert query.title and query.description and query.columns, f"{name} lacks a header field"
