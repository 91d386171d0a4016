"""The evaluation scorer (../shared/eval/score.py) over the real corpora, with
the thresholds the issues set. Skipped with a reason where ../shared is absent."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import REPO, SHARED, corpus, requires_shared

CLI = f"{sys.executable} -m ofsted_kg.graph.cli"
THRESHOLDS = {
    "seeds": {"councils": 0.95, "judgements": 0.95, "people": 0.9, "initiatives": 0.9, "statistics": 0.85},
    "dev": {"councils": 0.95, "judgements": 0.95, "people": 0.9, "initiatives": 0.9, "statistics": 0.85},
    "reports": {"councils": 0.98, "judgements": 0.98, "people": 0.95},
    # our own held-out articles (tests/corpus/own): looser floors, it exists to catch overfitting
    "own": {"councils": 0.95, "judgements": 0.9, "people": 0.9, "initiatives": 0.9, "statistics": 0.9},
}
OWN_CORPUS = REPO / "tests" / "corpus" / "own"
MIN_PEOPLE_ATTRIBUTES = 0.8


def score(name: str, tmp_path) -> dict:
    out = tmp_path / f"{name}.json"
    proc = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(OWN_CORPUS if name == "own" else corpus(name)), "--cli", CLI,
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
    attributes = report["categories"]["people"].get("attribute_accuracy")
    assert attributes is None or attributes >= MIN_PEOPLE_ATTRIBUTES, f"{name}: people attributes {attributes}"
    misattributed = report["categories"]["judgements"].get("misattributed", 0)
    assert misattributed == 0
