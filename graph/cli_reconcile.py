"""`ofsted-kg reconcile`: what the record says against what reports and articles say."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict
from typing import Annotated, Optional

import typer

from .cli import StoreOption, app, fail, opened, out


@app.command()
def reconcile(
    store: StoreOption = None,
    council: Annotated[Optional[str], typer.Option("--council", help="One council: any name the gazetteer knows, or its GSS code.")] = None,
    disagreements_only: Annotated[bool, typer.Option("--disagreements", help="Only the grades that disagree with the record.")] = False,
    fmt: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
) -> None:
    """Per council: official latest grades, each report or article grade that agrees or disagrees with the
    record for the same inspection (disagreements with both quotes and sources), and grades articles give
    for inspections the record does not have."""
    from .query import QueryError
    from .reconcile import reconcile as run

    if fmt not in ("text", "json"):
        raise fail(f"error: unknown format {fmt!r}; choose text or json", 2)
    try:
        councils = run(opened(store), council)
    except QueryError as exc:
        raise fail(f"error: {exc}", 2)
    if fmt == "json":
        data = [{**asdict(c), "disagreements": c.disagreements} for c in councils]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
        return
    for entry in councils:
        if disagreements_only and not entry.disagreements:
            continue
        lines = [f"{entry.council} ({entry.gss})"]
        if not disagreements_only:
            if entry.official:
                year = entry.official[0]["year"]
                grades = ", ".join(f"{r['area']} {r['grade']}" for r in entry.official)
                lines.append(f"  official {year}: {grades} [{', '.join(sorted({r['source'] for r in entry.official}))}]")
            for row in entry.comparisons:
                if row["verdict"] == "agrees":
                    lines.append(f"  agrees    {row['year']} {row['area']} {row['grade']}: {row['source']} ({row['source_kind']})")
        for row in entry.disagreements:
            lines.append(f"  DISAGREES {row['year']} {row['area']}: record {row['record_grade']} "
                         f"[{row['record_source']}{': ' + _quote(row['record_quote']) if row['record_quote'] else ''}] "
                         f"vs {row['grade']} [{row['source']}: {_quote(row['quote'])}]")
        if not disagreements_only:
            for row in entry.unrecorded:
                lines.append(f"  unrecorded {row['year']} {row['area']} {row['grade']}: {row['source']}: {_quote(row['quote'])}")
        out.print("\n".join(lines), markup=False, soft_wrap=True)


def _quote(text: str) -> str:
    return "“" + " ".join(text.split()) + "”"
