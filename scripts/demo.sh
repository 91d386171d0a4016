#!/bin/sh
# The main job: set up, build the graph from the shipped examples, validate it,
# write the HTML view and print a summary.
set -eu
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check -e . >/dev/null
STORE=out/store
.venv/bin/ofsted-kg build --store "$STORE" examples/articles
.venv/bin/ofsted-kg import-outcomes --store "$STORE" examples/outcomes.csv
.venv/bin/ofsted-kg validate --store "$STORE"
if .venv/bin/ofsted-kg --help | grep -q ' render '; then
  .venv/bin/ofsted-kg render --store "$STORE" --output out/graph.html
fi
.venv/bin/ofsted-kg stats --store "$STORE"
