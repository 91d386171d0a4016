"""The evaluation scorer (../shared/eval/score.py) over the real corpora, with
the thresholds the issues set. Skipped with a reason where ../shared is absent."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import SHARED, corpus, requires_shared

CLI = f"{sys.executable} -m ofsted_kg.graph.cli"
THRESHOLDS = {
    "seeds": {"councils": 0.95, "judgements": 0.95, "people": 0.9, "initiatives": 0.9, "statistics": 0.85},
    "dev": {"councils": 0.95, "judgements": 0.95, "people": 0.9, "initiatives": 0.9, "statistics": 0.85},
    "reports": {"councils": 0.98, "judgements": 0.98, "people": 0.95},
}


def score(name: str, tmp_path) -> dict:
    out = tmp_path / f"{name}.json"
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(corpus(name)), "--cli", CLI,
                           "--json", str(out)], capture_output=True, text=True, timeout=900)
    assert out.exists(), proc.stdout + proc.stderr
    print(proc.stdout.splitlines()[-1])
    return json.loads(out.read_text())


@requires_shared
@pytest.mark.parametrize("name", sorted(THRESHOLDS))
def test_corpus_scores_meet_thresholds(name, tmp_path):
    report = score(name, tmp_path)
    below = {cat: report["categories"][cat]["f1"] for cat, floor in THRESHOLDS[name].items()
             if report["categories"][cat]["f1"] < floor}
    assert not below, f"{name}: F1 below threshold: {below}"
    misattributed = report["categories"]["judgements"].get("misattributed", 0)
    assert misattributed == 0
