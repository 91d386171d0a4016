"""`ofsted-kg import-outcomes`: the published outcomes table as curated data."""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .cli import StoreOption, app, err, fail, opened, out


@app.command("import-outcomes")
def import_outcomes_command(
    file: Annotated[Path, typer.Argument(help="The outcomes table (.csv, .xlsx or .ods): one row per council's latest inspection.")],
    store: StoreOption = None,
) -> None:
    """Import a table of inspection outcomes into its own named graph, replacing an earlier import of the same file.
    Exit 1, writing nothing, when a row's council or grade cannot be resolved."""
    from .outcomes import OutcomesError, import_outcomes

    if not file.is_file():
        raise fail(f"{file}: no such file", 1)
    db = opened(store, create=True)
    try:
        report = import_outcomes(db, file)
    except OutcomesError as exc:
        raise fail(str(exc), 1)
    judged = sum(len(r.grades) for r in report.rows)
    out.print(f"Imported {file.name}: {len(report.rows)} rows, {report.councils} councils, {judged} judgements "
              f"into graph {report.graph}" + (f" (replacing {len(report.replaced)} earlier import)" if report.replaced else ""),
              markup=False, soft_wrap=True)
    for warning in report.warnings[:20]:
        err.print(f"warning: {warning}", markup=False, soft_wrap=True)
