"""Reads a downloaded CSV as Japanese Excel would, and checks what Excel would get wrong."""

from __future__ import annotations

import csv
import io
import re

EXCEL_TIME = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}$")
FRACTION = re.compile(r"^\d+/\d+$")  # Excel turns 2/2 into the date 2月2日


def excel_rows(data: bytes, times: tuple[str, ...] = (), counts: tuple[str, ...] = ()) -> list[dict[str, str]]:
    """Rows as dicts by header. BOM and CRLF required; every cell in ``times`` is empty or a
    JST `YYYY/MM/DD HH:MM`; every cell in ``counts`` is empty or an integer; no cell is `n/m`."""
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
        out.append(cells)
    return out


def jst(iso: str) -> str:
    """The Excel time a UTC ISO time should become."""
    from datetime import datetime, timedelta, timezone

    t = datetime.fromisoformat(iso.replace("Z", "+00:00")).astimezone(timezone(timedelta(hours=9)))
    return t.strftime("%Y/%m/%d %H:%M")
