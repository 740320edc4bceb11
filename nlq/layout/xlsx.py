"""Excel workbooks (`.xlsx`) -> their cells as tab-separated rows, read as a delimited export.

An analyst keeps a profile's figures in a spreadsheet, and a cell holds a value with a number
format rather than the text shown: 0.54 shown "54%", 2069 shown "2,069". `openpyxl` reads each
sheet's cells (the values last calculated, not formulas); each is written as Excel shows it (a
percent format as a share, a thousands format with commas, as many decimals as the format
has), each row as a line of tab-separated cells, a blank row as a blank line. A workbook of
several sheets gives each sheet's name on a line of its own before its rows.

Evidence offsets of a workbook refer to this extracted text (what `nlq review` shows), as for a
PDF: the file has no character stream of its own to point into.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from nlq.errors import ExtractionError

_DECIMALS = re.compile(r"\.(0+)")


def xlsx_text(path: Path) -> str:
    """The cells of every sheet of the workbook at `path`, as Excel shows them.

    Raises `ExtractionError` if the file is not a readable `.xlsx` or holds no text.
    """
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        lines: list[str] = []
        for sheet in book.worksheets:
            if len(book.worksheets) > 1:
                lines += [sheet.title, ""]
            for row in sheet.iter_rows():
                cells = [_shown(c.value, c.number_format) for c in row]
                while cells and not cells[-1]:
                    cells.pop()
                lines.append("\t".join(cells))
            lines.append("")
        book.close()
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as e:
        raise ExtractionError(
            f"{path}: not a readable Excel workbook ({e}); re-save it as .xlsx or export it as CSV"
        ) from e
    text = "\n".join(lines).strip("\n") + "\n"
    if not text.strip():
        raise ExtractionError(f"{path}: the workbook holds no values; nothing to extract")
    return text


def _shown(value: object, number_format: str | None) -> str:
    """A cell's value as Excel shows it under its number format."""
    if value is None:
        return ""
    if isinstance(value, str):
        return " ".join(value.split())
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value.date().isoformat() if isinstance(value, dt.datetime) else str(value)
    fmt = number_format or "General"
    m = _DECIMALS.search(fmt)
    decimals = len(m.group(1)) if m else 0
    if "%" in fmt:
        return f"{_rounded(value, decimals, 100):f}%"
    if "#,##" in fmt:
        return f"{_rounded(value, decimals):,f}"
    if fmt != "General" and "0" in fmt:
        return f"{_rounded(value, decimals):f}"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"{value:.15g}"


def _rounded(value: int | float, decimals: int, scale: int = 1) -> Decimal:
    """`value * scale` to `decimals` places, halves away from zero as Excel shows them (0.065
    under "0%" is "7%", where Python's own rounding would give "6%")."""
    exact = Decimal(repr(value)) * scale
    return exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
