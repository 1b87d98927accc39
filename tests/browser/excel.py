"""Reads a downloaded CSV as Japanese Excel would, and checks what Excel would get wrong.

Two readers:
- excel_rows: the text, checked for what Excel needs (BOM, CRLF, JST times, counts, no n/m),
  with 職員番号 in the form Excel keeps as text (="00123"), read back as 00123.
- calc_cells: the file opened by a real spreadsheet program, LibreOffice Calc headless (Debian
  package libreoffice-calc-nogui, installed by ./dev test), as Excel opens a double-clicked
  CSV: comma-separated, UTF-8 with its BOM, quotes not forcing text, dates and times detected,
  formulas evaluated. It is saved as .xlsx and read with openpyxl, so a test sees the cell
  types Excel would: text, number, date-time.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
import tempfile
from datetime import datetime
from pathlib import Path

EXCEL_TIME = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}$")
FRACTION = re.compile(r"^\d+/\d+$")  # Excel turns 2/2 into the date 2月2日
TEXT_FORM = re.compile(r'^="([0-9A-Za-z-]+)"$')  # ="00123": Excel shows the text 00123
SOFFICE = shutil.which("soffice") or "/usr/bin/soffice"
# CSV import options, in LibreOffice's order: separator ',' (44), text delimiter '"' (34),
# UTF-8 (76), from line 1, default cell format, Japanese (1041), quoted field as text: false,
# detect special numbers (dates, times): true, (3 export-only options), sheet -1, evaluate
# formulas: true. That is what Excel does with a CSV opened by double-click.
CSV_OPTIONS = "44,34,76,1,,1041,false,true,false,false,false,-1,true"


def excel_rows(data: bytes, times: tuple[str, ...] = (), counts: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows as dicts by header. BOM and CRLF required; every cell in ``times`` is empty or a
    JST `YYYY/MM/DD HH:MM`; every cell in ``counts`` is empty or an integer; no cell is `n/m`;
    a 職員番号 cell is empty or ="…" (and is returned as the id itself)."""
    assert data.startswith(b"\xef\xbb\xbf"), "CSV for Excel starts with a UTF-8 BOM"
    text = data.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert text.endswith("\r\n") and text.count("\r\n") >= len(rows), "every line ends with CRLF"
    header, body = rows[0], rows[1:]
    for name in times + counts:
        assert name in header, f"column {name} missing from {header}"
    out = []
    for row in body:
        assert len(row) == len(header), row
        cells = dict(zip(header, row))
        for name in times:
            assert cells[name] == "" or EXCEL_TIME.match(cells[name]), (name, cells[name])
        for name in counts:
            assert cells[name] == "" or re.fullmatch(r"\d+", cells[name]), (name, cells[name])
        assert not [c for c in row if FRACTION.match(c)], row
        if "職員番号" in cells:
            assert cells["職員番号"] == "" or TEXT_FORM.match(cells["職員番号"]), ("職員番号 must be written so Excel keeps it as text", cells["職員番号"])
            cells["職員番号"] = as_excel_shows(cells["職員番号"])
        out.append(cells)
    return out


def as_excel_shows(cell: str) -> str:
    """="00123" as Excel shows it: 00123."""
    m = TEXT_FORM.match(cell)
    return m[1] if m else cell


def calc_cells(data: bytes) -> list[list[object]]:
    """The CSV as LibreOffice Calc opens it: every row's cell values after evaluation (str,
    int or float, datetime, or None for an empty cell)."""
    import openpyxl

    with tempfile.TemporaryDirectory(prefix="dx-calc-") as tmp:
        folder = Path(tmp)
        source = folder / "file.csv"
        source.write_bytes(data)
        # A profile of its own: parallel test workers must not share LibreOffice's user folder.
        profile = (folder / "profile").as_uri()
        run = subprocess.run(
            [SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--norestore", f"--infilter=CSV:{CSV_OPTIONS}",
             "--convert-to", "xlsx", "--outdir", str(folder), str(source)],
            capture_output=True, text=True, timeout=180,
        )
        target = folder / "file.xlsx"
        assert target.is_file(), f"LibreOffice did not convert the CSV: {run.stdout} {run.stderr}"
        sheet = openpyxl.load_workbook(target, data_only=True).active
        return [[cell.value for cell in row] for row in sheet.iter_rows()]


def check_calc_types(data: bytes, ids: tuple[str, ...] = (), times: tuple[str, ...] = (), dates: tuple[str, ...] = (),
                     numbers: tuple[str, ...] = ()) -> list[dict[str, object]]:
    """Opens the CSV in LibreOffice Calc and checks each named column's cells: ``ids`` text
    (zeros kept), ``times`` and ``dates`` date-times, ``numbers`` numbers; empty cells are None.
    Returns the rows as dicts by header."""
    rows = calc_cells(data)
    header = [str(h) for h in rows[0]]
    for name in ids + times + dates + numbers:
        assert name in header, f"column {name} missing from {header}"
    out = []
    for row in rows[1:]:
        cells = dict(zip(header, row + [None] * (len(header) - len(row))))
        for name in ids:
            assert cells[name] is None or isinstance(cells[name], str), (name, cells[name])
        for name in times + dates:
            assert cells[name] is None or isinstance(cells[name], datetime), (name, cells[name])
        for name in dates:
            assert cells[name] is None or cells[name].hour == cells[name].minute == 0, (name, cells[name])
        for name in numbers:
            assert cells[name] is None or (isinstance(cells[name], (int, float)) and not isinstance(cells[name], bool)), (name, cells[name])
        out.append(cells)
    return out


def jst(iso: str) -> str:
    """The Excel time a UTC ISO time should become."""
    from datetime import timedelta, timezone

    t = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timezone(timedelta(hours=9)))
    return t.strftime("%Y/%m/%d %H:%M")
