"""Reading a table of inspection outcomes from .csv, .xlsx or .ods into rows of
cells, and finding its header row (Ofsted's spreadsheets put a title and notes
above the header). Knows nothing of councils or grades."""
from __future__ import annotations

import csv
import io
from pathlib import Path


class TableError(Exception):
    """A table that cannot be read; str() is one line naming the problem."""


def read_table(path: Path, data: bytes) -> list[list[str]]:
    """Every row of the first sheet that looks like an outcomes table (else the first sheet)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv", ".txt"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        dialect = "excel-tab" if suffix == ".tsv" else "excel"
        return [[c.strip() for c in row] for row in csv.reader(io.StringIO(text), dialect=dialect)]
    if suffix in (".xlsx", ".xlsm"):
        return _best_sheet(_xlsx_sheets(data))
    if suffix == ".ods":
        return _best_sheet(_ods_sheets(data))
    raise TableError(f"unsupported table type {suffix or '(none)'}; expected .csv, .xlsx or .ods")


def _best_sheet(sheets: list[list[list[str]]]) -> list[list[str]]:
    """The sheet whose text mentions grades and councils most (Ofsted's workbooks hold notes sheets too)."""
    if not sheets:
        raise TableError("the workbook has no sheets")

    def score(rows: list[list[str]]) -> int:
        head = " ".join(" ".join(r) for r in rows[:30]).lower()
        return sum(word in head for word in ("overall", "local authority", "inspection", "leaders", "care leavers")) * 1000 + min(len(rows), 999)

    return max(sheets, key=score)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10]
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _xlsx_sheets(data: bytes) -> list[list[list[str]]]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises zipfile, KeyError and its own errors for bad files
        raise TableError(f"cannot read as .xlsx: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    return [[[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)] for sheet in book.worksheets]


def _ods_sheets(data: bytes) -> list[list[list[str]]]:
    from odf import opendocument, table, text

    try:
        doc = opendocument.load(io.BytesIO(data))
    except Exception as exc:  # odfpy raises zipfile and XML errors for bad files
        raise TableError(f"cannot read as .ods: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}") from None
    sheets = []
    for sheet in doc.spreadsheet.getElementsByType(table.Table):
        rows = []
        for row in sheet.getElementsByType(table.TableRow):
            cells: list[str] = []
            for cell in row.getElementsByType(table.TableCell):
                repeat = int(cell.getAttribute("numbercolumnsrepeated") or 1)
                value = cell.getAttribute("datevalue") or cell.getAttribute("value") or \
                    "\n".join(str(p) for p in cell.getElementsByType(text.P))
                cells += [_cell(value)] * min(repeat, 200)
            while cells and not cells[-1]:
                cells.pop()
            rows.append(cells)
        sheets.append(rows)
    return sheets
