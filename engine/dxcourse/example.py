"""架空の町の例: the worksheets filled in for one fictional town, in ``data/examples/<sheet>.yml``.

Each file names a worksheet (its ``id`` is the sheet's id), the page that shows it and the
values of the sheet's fields: text for a field, a list of rows (column id → text) for a table.
The build checks the values against the sheet, so an example never drifts from its sheet.
``{{ worked_example("id") }}`` shows the filled sheet read-only, with the fiction notice; the
sheet's own page links to it.
"""

from __future__ import annotations

from typing import Annotated, Union

from markupsafe import Markup
from pydantic import StringConstraints

from .diagnostics import SourceError
from .model import Id, Model, PageRef
from .render import render
from .sitedata import Collection, SiteData

Value = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=800)]


class ExampleSheet(Model):
    id: Id
    """The worksheet's id."""
    page: PageRef
    """The page that shows this filled sheet."""
    values: dict[Id, Union[Value, list[dict[Id, Value]]]]


COLLECTION = Collection("examples", "examples/*.yml", ExampleSheet)

NOTICE = "架空の町の例です。架空町は実在しない町で、人数・日付・名前はすべて作り話です。実在の自治体の事実は使っていません。"


def check(data: SiteData) -> list[SourceError]:
    """Every example names a worksheet, and only its fields, columns and rows."""
    errors = []
    sheets = {s.id: s for s in data.all("worksheets")}
    if "worksheets" in data.failed:
        return []
    for doc in data.documents.get("examples", []):
        ex = doc.value
        sheet = sheets.get(ex.id)
        if sheet is None:
            errors.append(doc.error(f"ワークシート '{ex.id}' はありません。data/worksheets/ の id({', '.join(sorted(sheets))})にしてください。", "id"))
            continue
        fields = {f.id: f for s in sheet.sections for f in s.fields}
        for field_id, value in ex.values.items():
            field = fields.get(field_id)
            if field is None:
                errors.append(doc.error(f"欄 '{field_id}' はワークシート '{ex.id}' にありません。欄の id({', '.join(fields)})から選んでください。", "values", field_id))
                continue
            if field.kind == "table":
                if not isinstance(value, list):
                    errors.append(doc.error(f"欄 '{field_id}' は表なので、行の並び(- 列: 値)で書いてください。", "values", field_id))
                    continue
                if len(value) > (field.rows or 0):
                    errors.append(doc.error(f"表 '{field_id}' の行は{field.rows}行までです(今は{len(value)}行)。", "values", field_id))
                columns = {c.id for c in field.columns}
                for r, row in enumerate(value):
                    for column_id in row:
                        if column_id not in columns:
                            errors.append(doc.error(f"表 '{field_id}' に列 '{column_id}' はありません({', '.join(c.id for c in field.columns)})。", "values", field_id, r, column_id))
            elif isinstance(value, list):
                errors.append(doc.error(f"欄 '{field_id}' は表ではないので、文章で書いてください。", "values", field_id))
    return errors


def page_of(data: SiteData, sheet_id: str) -> str | None:
    ex = data.get("examples", sheet_id)
    return ex.page if ex else None


def render_example(data: SiteData, page, mark, sheet_id: str) -> Markup:
    ex = data.get("examples", sheet_id)
    sheet = data.get("worksheets", sheet_id)
    if ex is None or sheet is None:
        known = ", ".join(data.ids("examples"))
        return page.error(f'worked_example("{sheet_id}"): その記入例はありません。data/examples/ にある id({known})を指定してください', f'worked_example("{sheet_id}")')
    return render("worked_example.html", ex=ex, sheet=sheet, notice=NOTICE, link=page.links, mark=mark)
