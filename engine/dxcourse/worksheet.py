"""Worksheets (ワークシート): one YAML file per sheet in ``data/worksheets/``, rendered by
``{{ worksheet("id") }}``; ``{{ worksheet_index() }}`` lists them all.

A sheet is sections of fields: a one-line ``text``, a ``textarea`` (``lines`` is its printed
height) or a ``table`` of ``rows`` × ``columns``. Without JavaScript the page is a blank form
that prints on A4; assets/worksheet.js keeps what is typed in the progress record:
``worksheet/<sheet id>/<field id>`` for a field, ``worksheet/<sheet id>/<field id>/<row>/<column id>``
for a table cell (rows count from 1). Sheet, field and column ids are those keys: never
change them once published.
"""

from __future__ import annotations

from typing import Literal

from markupsafe import Markup
from pydantic import Field, model_validator

from .diagnostics import SourceError
from .model import Id, Model, PageRef, Text
from .quotes import ArticlePoint
from .render import render
from .sitedata import Collection, Document, SiteData


class Column(Model):
    id: Id
    label: Text
    kind: Literal["text", "number"] = "text"
    example: Text | None = None
    """Shown once under the table as 記入例, with the column's label."""


class WorksheetField(Model):
    id: Id
    label: Text
    kind: Literal["text", "textarea", "table"] = "textarea"
    help: Text | None = None
    """What to write, shown under the label (and printed)."""
    example: Text | None = None
    """A filled-in example, shown as 記入例 (and printed)."""
    lines: int = Field(default=3, ge=1, le=20)
    """Printed height of a textarea, in lines to write on by hand."""
    columns: list[Column] = Field(default_factory=list)
    rows: int | None = Field(default=None, ge=1, le=20)


class Section(Model):
    id: Id
    title: Text
    help: Text | None = None
    fields: list[WorksheetField] = Field(min_length=1)


class Basis(Model):
    """What the sheet rests on: the source article's points (and the site's own design apart from
    them), or, for a municipality's own sheet, its own reason (``local``), never the article's."""

    article: list[ArticlePoint] = Field(default_factory=list)
    site: Text | None = None
    """How the sheet turns the article's advice into work: the site's own design."""
    local: Text | None = None
    """A sheet not drawn from the article: why this municipality asks for this work."""

    @model_validator(mode="after")
    def _article_or_local(self):
        if self.local is not None and (self.article or self.site is not None):
            raise ValueError("local(この自治体の考え)を書くときは、article と site を消してください(記事に基づくシートなら local を消します)")
        if self.local is None and not self.article:
            raise ValueError("article に記事の点を1つ以上書くか、記事に基づかないシートなら local: にこの自治体の考えを書いてください")
        return self


class Worksheet(Model):
    id: Id
    """Part of every key this sheet writes: never change it once published."""
    title: Text
    summary: Text
    """One line for the index: what the sheet produces."""
    step: Id
    """The step of the 手順書 the work belongs to (an id in data/steps.yml)."""
    order: int = Field(ge=1, le=99)
    page: PageRef
    """The page that shows the sheet."""
    used_in: list[PageRef] = Field(min_length=1)
    """Pages where the article asks for this work; each links to the sheet (a site test checks)."""
    purpose: list[Text] = Field(min_length=1)
    """Why and when to use the sheet: one paragraph per item."""
    basis: Basis
    sections: list[Section] = Field(min_length=1)


def _check_fields(doc: Document[Worksheet]) -> list[SourceError]:
    sheet = doc.value
    errors: list[SourceError] = []
    seen: dict[str, str] = {}
    for s, section in enumerate(sheet.sections):
        for f, field in enumerate(section.fields):
            at = ("sections", s, "fields", f)
            if field.id in seen:
                errors.append(
                    doc.error(
                        f"欄の id '{field.id}' は、節 '{seen[field.id]}' でも使われています。"
                        "記録の鍵になるので、シートの中で重ならない id にしてください",
                        *at, "id",
                    )
                )
            seen.setdefault(field.id, section.id)
            if field.kind == "table":
                if not field.columns:
                    errors.append(doc.error(f"表の欄 '{field.id}' に columns(列)がありません。列を1つ以上書いてください", *at, "kind"))
                if field.rows is None:
                    errors.append(doc.error(f"表の欄 '{field.id}' に rows(行の数)がありません。1〜20の数を書いてください", *at, "kind"))
                ids = [c.id for c in field.columns]
                for c, column in enumerate(field.columns):
                    if ids.index(column.id) != c:
                        errors.append(doc.error(f"表の欄 '{field.id}' の列 id '{column.id}' が重なっています。別の id にしてください", *at, "columns", c, "id"))
            else:
                for name in ("columns", "rows"):
                    if getattr(field, name) not in (None, []):
                        errors.append(
                            doc.error(
                                f"欄 '{field.id}' は kind: {field.kind} なので {name} は使えません。"
                                f"表にするなら kind: table と書き、そうでなければ {name} を消してください",
                                *at, name,
                            )
                        )
    return errors


COLLECTION = Collection("worksheets", "worksheets/*.yml", Worksheet, cross_check=_check_fields)


def field_key(sheet_id: str, field_id: str) -> str:
    return f"worksheet/{sheet_id}/{field_id}"


def cell_key(sheet_id: str, field_id: str, row: int, column_id: str) -> str:
    return f"worksheet/{sheet_id}/{field_id}/{row}/{column_id}"


def check(data: SiteData) -> list[SourceError]:
    """Rules across files: the step is one of data/steps.yml."""
    steps = {s.id for f in data.all("steps") for s in f.steps}
    errors = []
    for doc in data.documents.get("worksheets", []):
        if steps and doc.value.step not in steps:
            errors.append(
                doc.error(f"step: '{doc.value.step}' は data/steps.yml にありません。{', '.join(sorted(steps))} のどれかを書いてください", "step")
            )
    return errors


def in_order(data: SiteData) -> list[Worksheet]:
    return sorted(data.all("worksheets"), key=lambda w: (w.order, w.id))


def _step_numbers(data: SiteData) -> dict[str, int]:
    return {s.id: s.number for f in data.all("steps") for s in f.steps}


def render_worksheet(data: SiteData, page, mark, titles: dict[str, str], sheet_id: str) -> Markup:
    sheet = data.get("worksheets", sheet_id)
    if sheet is None:
        known = ", ".join(data.ids("worksheets"))
        return page.error(
            f"worksheet(\"{sheet_id}\"): そのワークシートはありません。data/worksheets/ にある id({known})を指定してください",
            f'worksheet("{sheet_id}")',
        )
    return render(
        "worksheet.html",
        sheet=sheet,
        step_number=_step_numbers(data).get(sheet.step),
        field_key=field_key,
        cell_key=cell_key,
        link=page.links,
        mark=mark,
        titles=titles,
        example_page=example_page(data, sheet.id),
    )


def example_page(data: SiteData, sheet_id: str) -> str | None:
    """The page of the fictional town's filled-in copy of this sheet (data/examples/), if any."""
    for ex in data.all("examples"):
        if ex.id == sheet_id:
            return ex.page
    return None


def render_index(data: SiteData, page, mark) -> Markup:
    numbers = _step_numbers(data)
    sheets = sorted(in_order(data), key=lambda w: (numbers.get(w.step, 99), w.order, w.id))
    return render("worksheet_index.html", sheets=sheets, numbers=numbers, link=page.links, mark=mark)


def catalog(data: SiteData) -> list[dict]:
    """Rows for 「わたしの進捗」's CSV: one per field and per table cell, with readable labels."""
    rows = []
    for sheet in in_order(data):
        for section in sheet.sections:
            for field in section.fields:
                if field.kind == "table":
                    for row in range(1, (field.rows or 0) + 1):
                        for column in field.columns:
                            rows.append({
                                "key": cell_key(sheet.id, field.id, row, column.id),
                                "kind": "ワークシート",
                                "group": sheet.title,
                                "label": f"{section.title}: {field.label}({row}行目・{column.label})",
                            })
                else:
                    rows.append({
                        "key": field_key(sheet.id, field.id),
                        "kind": "ワークシート",
                        "group": sheet.title,
                        "label": f"{section.title}: {field.label}",
                    })
    return rows


def render_links(data: SiteData, page, mark) -> Markup:
    """``{{ worksheet_links() }}``: the sheets whose ``used_in`` names the current page."""
    sheets = [w for w in in_order(data) if page.src_uri in {ref.partition("#")[0] for ref in w.used_in}]
    if not sheets:
        return page.error(
            "worksheet_links(): このページを used_in に挙げたワークシートがありません。"
            "data/worksheets/*.yml の used_in にこのページを足すか、この行を消してください",
            "worksheet_links(",
        )
    return render("worksheet_links.html", sheets=sheets, link=page.links, mark=mark)
