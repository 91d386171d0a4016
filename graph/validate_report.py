"""Validation reports in three forms: text for people (grouped by file and
focus node, with line, path, value, severity, message and hint, and a summary
count), JSON for scripts, and the standard SHACL validation report graph in
Turtle for tools."""
from __future__ import annotations

import json
import re
from collections.abc import Iterable

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH, XSD

from .namespaces import PREFIXES
from .validate import Outcome, Problem
from .validate_hints import compact

REPORT_FORMATS = ("text", "json", "turtle")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(outcome: Outcome) -> str:
    checked = outcome.checked if outcome.checked is not None else len(outcome.sources)
    unit = "graph" if outcome.labels or outcome.checked is not None else "file"
    with_problems = sum(1 for s in outcome.sources if outcome.problems.get(s))
    verdict = "conforms" if outcome.conforms else "does not conform"
    counts = [_plural(outcome.violations, "violation"), _plural(outcome.count("Warning"), "warning")]
    if outcome.count("Info"):
        counts.append(_plural(outcome.count("Info"), "note"))
    return (f"{verdict}: {_plural(checked, unit)} checked, {with_problems} with problems; "
            + ", ".join(counts))


def _name(outcome: Outcome, source: str) -> str:
    label = outcome.labels.get(source)
    return f"{label} ({source})" if label else source


def _by_focus(problems: Iterable[Problem]) -> dict[str, list[Problem]]:
    grouped: dict[str, list[Problem]] = {}
    for p in problems:
        grouped.setdefault(p.focus, []).append(p)
    return grouped


def _value(value: str | None) -> str | None:
    if value is None:
        return None
    return compact(value[1:-1]) if value.startswith("<") and value.endswith(">") else value


def _focus_text(focus: str) -> str:
    return compact(focus) if re.match(r"^[A-Za-z][\w+.-]*:", focus) else f"_:{focus} (a blank node)"


def render_text(outcome: Outcome) -> str:
    lines: list[str] = []
    for source in outcome.sources:
        problems = outcome.problems.get(source, [])
        if not problems:
            continue
        lines.append(_name(outcome, source))
        groups = _by_focus(problems)
        for focus in sorted(groups, key=lambda f: (groups[f][0].line_number or 0, f)):
            first = groups[focus][0]
            where = f"line {first.line_number}: " if first.line_number else ""
            lines.append(f"  {where}{_focus_text(focus)}")
            for p in groups[focus]:
                detail = [f"path {p.path}" if p.path else "", f"value {_value(p.value)}" if p.value is not None and _value(p.value) != _focus_text(focus) else ""]
                detail_text = "; ".join(d for d in detail if d)
                lines.append(f"    {p.severity}: {p.message}" + (f" [{detail_text}]" if detail_text else ""))
                if p.hint:
                    lines.append(f"      hint: {p.hint}")
        lines.append("")
    lines.append(summary(outcome))
    return "\n".join(lines) + "\n"


def problem_json(p: Problem) -> dict:
    return {"severity": p.severity, "message": p.message, "hint": p.hint, "focus": p.focus, "line": p.line_number,
            "path": p.path, "value": p.value, "component": p.component, "shape": p.shape}


def render_json(outcome: Outcome) -> str:
    data = {
        "conforms": outcome.conforms,
        "summary": {"checked": outcome.checked if outcome.checked is not None else len(outcome.sources),
                    "violations": outcome.violations, "warnings": outcome.count("Warning"),
                    "infos": outcome.count("Info")},
        "sources": [{"source": s, "name": outcome.labels.get(s), "conforms": not any(
            p.is_violation for p in outcome.problems.get(s, [])),
                     "problems": [problem_json(p) for p in outcome.problems.get(s, [])]}
                    for s in outcome.sources],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _copy_closure(source: Graph, node, target: Graph) -> None:
    """A result node's statements and those of the blank nodes it leads to."""
    todo, seen = [node], set()
    while todo:
        current = todo.pop()
        if current in seen:
            continue
        seen.add(current)
        for s, p, o in source.triples((current, None, None)):
            target.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)


def shacl_report(outcome: Outcome) -> Graph:
    """The standard SHACL validation report of the problems the outcome attributes to its
    sources (results about context nodes are left out), with hints as extra messages."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    g.bind("sh", SH)
    report = BNode()
    g.add((report, RDF.type, SH.ValidationReport))
    g.add((report, SH.conforms, Literal(outcome.conforms, datatype=XSD.boolean)))
    seen = set()
    for p in outcome.all_problems:
        if p.result is None or p.result in seen:
            continue
        seen.add(p.result)
        g.add((report, SH.result, p.result))
        _copy_closure(outcome.report, p.result, g)
    return g


def render_turtle(outcome: Outcome) -> str:
    return shacl_report(outcome).serialize(format="turtle")


def render(outcome: Outcome, fmt: str) -> str:
    if fmt == "json":
        return render_json(outcome)
    if fmt == "turtle":
        return render_turtle(outcome)
    return render_text(outcome)
