"""Documents that cannot drift (issue 20, item 9): where README-like documents list allowed
values, record keys or file columns, the list is read from the document and compared with
the engine's code."""

from __future__ import annotations

import re
import typing

from dxcourse import checklist, completion, decision_tree, faq, worksheet
from dxcourse.curriculum import Format
from dxcourse.curriculum.models import reflection_key
from tests.project import ASSETS, ROOT

RECORD_FORMAT = (ROOT / "RECORD-FORMAT.md").read_text(encoding="utf-8")
MAINTAINING = (ROOT / "MAINTAINING.md").read_text(encoding="utf-8")


def literal(model, field: str) -> list[str]:
    return list(typing.get_args(model.model_fields[field].annotation))


def section(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin:text.index(end, begin + len(start))]


def first_cells(table: str) -> list[str]:
    return [row.split("|")[1].strip() for row in table.splitlines() if row.startswith("| ") and not row.startswith("| ---")][1:]


def test_record_keys_in_the_document_are_the_keys_the_engine_writes():
    table = section(RECORD_FORMAT, "Keys in use:", "Rules that keep progress")
    documented = [key for cell in first_cells(table) for key in re.findall(r"`([^`]+)`", cell)]
    from_code = {
        checklist.store_key("<checklist id>", "<item id>"),
        decision_tree.store_key("<tree id>"),
        reflection_key("<module id>", "<question id>"),
        completion.selfcheck_key("<module id>"),
        worksheet.field_key("<sheet id>", "<field id>"),
        worksheet.cell_key("<sheet id>", "<field id>", "<row>", "<column id>"),
    }
    assert from_code <= set(documented)
    assert completion.read_key("m", "steps/index.md#step-3") == "read/m/steps-index-step-3"  # the example the table gives
    assert "read/<module id>/<page id>" in documented
    # Every key family a script or the engine writes is documented, and no other. (Strings
    # such as "text/csv" and "assets/" are MIME types and paths, not record keys.)
    scripts = "".join(p.read_text(encoding="utf-8") for p in ASSETS.glob("*.js"))
    not_keys = {"application", "text", "assets", "search"}
    written = set(re.findall(r"\"([a-z-]+)/", scripts)) - not_keys | {key.split("/")[0] for key in from_code}
    assert {key.split("/")[0] for key in documented} == written
    for key in documented:
        if key.startswith("profile/"):
            assert f'"{key}"' in scripts, key


def test_completion_csv_columns_in_the_document_are_the_scripts():
    table = section(RECORD_FORMAT, "The completion CSV", "The aggregation page")
    documented = [name.strip() for cell in first_cells(table) for name in cell.split(", ")]
    script = (ASSETS / "my-learning.js").read_text(encoding="utf-8")
    array = re.search(r"var CSV_COLUMNS = \[(.*?)\];", script, re.S).group(1)
    assert documented == re.findall(r'"([^"]+)"', array)


def test_maintaining_lists_the_program_formats_of_the_code():
    line = next(l for l in MAINTAINING.splitlines() if re.match(r"\s*format: ", l))
    assert [v.strip() for v in line.split("#", 1)[1].split("/")] == list(Format.__args__)


def test_maintaining_lists_the_tree_tones_of_the_code():
    line = next(l for l in MAINTAINING.splitlines() if "`tone` に使える値" in l)
    assert re.findall(r"`([a-z]+)`[(\uff08]", line) == literal(decision_tree.Outcome, "tone")


def test_maintaining_lists_the_worksheet_field_kinds_of_the_code():
    line = next(l for l in MAINTAINING.splitlines() if re.match(r"\s*kind: ", l))
    assert re.findall(r"([a-z]+)[(\uff08]", line.split("#", 1)[1]) == literal(worksheet.WorksheetField, "kind")


def test_maintaining_lists_the_faq_sources_of_the_code():
    line = next(l for l in MAINTAINING.splitlines() if l.startswith("- 使える値: `source` は"))
    assert re.findall(r"`([a-z]+)`[(\uff08]", line) == literal(faq.FaqMeta, "source")
