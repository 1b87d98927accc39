"""Worksheets: the real sheets load and give well-formed record keys; a broken sheet is
refused with each mistake at its ``data/worksheets/FILE.yml:LINE``; text is escaped."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import Markup, escape

from dxcourse import COLLECTIONS, load_sources
from dxcourse.diagnostics import SourceErrors
from dxcourse.render import Links
from dxcourse.sitedata import load_site_data
from dxcourse.worksheet import COLLECTION, catalog, render_worksheet

ROOT = Path(__file__).resolve().parents[2]
KEY = re.compile(r"^[a-z0-9][a-z0-9_.:/-]*$")  # engine/dxcourse/assets/store.js
REQUIRED = {"ureshii-interview", "vision-workshop", "priority-rules", "hr-talk-prep", "pmo-starter", "one-hour-meeting"}


@pytest.fixture(scope="module")
def real():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    return data


def test_the_six_sheets_the_article_asks_for_exist_and_rest_on_its_words(real):
    sheets = {s.id: s for s in real.all("worksheets")}
    assert REQUIRED <= set(sheets)
    for sheet in sheets.values():
        assert any(p.quote for p in sheet.basis.article), sheet.id


def test_every_field_and_cell_has_a_valid_unique_key_and_a_readable_label(real):
    rows = catalog(real)
    keys = [r["key"] for r in rows]
    assert len(keys) == len(set(keys))
    assert all(KEY.match(k) and len(k) <= 200 for k in keys)
    cell = next(r for r in rows if r["key"] == "worksheet/priority-rules/criteria/1/weight")
    assert cell == {"key": cell["key"], "kind": "ワークシート", "group": "優先順位の決め方シート", "label": "判断の基準と重み: 基準(1行目・重み)"}


GOOD = """\
id: s
title: シート
summary: できあがるもの
step: step-1
order: 1
page: index.md
used_in: [index.md]
purpose: [目的です。]
basis: {article: [{quote: 記事の原文です。}]}
sections:
  - id: a
    title: 節
    fields:
      - id: note
        label: 書くこと
        help: 説明です。
        example: 例です。
      - id: grid
        kind: table
        label: 表
        rows: 2
        columns:
          - id: x
            label: 列
"""


def load(tmp_path: Path, text: str):
    (tmp_path / "data" / "worksheets").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "worksheets" / "s.yml").write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# page\n", encoding="utf-8")
    return load_site_data(tmp_path, [COLLECTION], tmp_path / "docs")


def errors_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load(tmp_path, text)
    return [str(e) for e in caught.value.errors]


def test_the_good_fixture_loads(tmp_path):
    (sheet,) = load(tmp_path, GOOD).all("worksheets")
    assert [f.id for f in sheet.sections[0].fields] == ["note", "grid"]


def test_mistakes_are_reported_together_at_their_lines(tmp_path):
    text = GOOD.replace("        rows: 2\n", "").replace(
        "        example: 例です。\n", "        example: 例です。\n        columns: [{id: y, label: 列}]\n"
    )
    assert errors_of(tmp_path, text) == [
        "data/worksheets/s.yml:18: 欄 'note' は kind: textarea なので columns は使えません。表にするなら kind: table と書き、そうでなければ columns を消してください",
        "data/worksheets/s.yml:20: 表の欄 'grid' に rows(行の数)がありません。1〜20の数を書いてください",
    ]


def test_schema_errors_name_their_lines(tmp_path):
    messages = errors_of(tmp_path, GOOD.replace("order: 1", "order: zero").replace("kind: table", "kind: grid"))
    assert messages[0].startswith("data/worksheets/s.yml:5: order:")
    assert messages[1].startswith("data/worksheets/s.yml:19: sections[0].fields[1].kind:")


def test_a_table_without_columns_is_refused(tmp_path):
    text = GOOD.replace("        columns:\n          - id: x\n            label: 列\n", "")
    assert errors_of(tmp_path, text) == ["data/worksheets/s.yml:19: 表の欄 'grid' に columns(列)がありません。列を1つ以上書いてください"]


def test_a_field_id_used_in_two_sections_is_refused(tmp_path):
    text = GOOD + "  - id: b\n    title: 次の節\n    fields:\n      - id: note\n        label: 重なる\n"
    (message,) = errors_of(tmp_path, text)
    assert message.startswith("data/worksheets/s.yml:28: 欄の id 'note' は、節 'a' でも使われています。")


def test_a_quote_in_brackets_is_refused(tmp_path):
    (message,) = errors_of(tmp_path, GOOD.replace("{quote: 記事の原文です。}", "{quote: 「記事の原文です。」}"))
    assert message.startswith("data/worksheets/s.yml:9:") and "quote には「」を付けずに" in message


class FakePage:
    links = Links("worksheets/s/", use_directory_urls=True)
    src_uri = "worksheets/s.md"

    def error(self, message, needle):
        raise AssertionError(message)


def test_rendering_escapes_text_labels_every_control_and_has_no_form(tmp_path):
    hostile = '<img src=x onerror="alert(1)">'
    data = load(tmp_path, GOOD.replace("label: 書くこと", f"label: '{hostile}'"))
    html = render_worksheet(data, FakePage(), escape, {"index.md": "トップ"}, "s")
    assert isinstance(html, Markup)
    assert hostile not in html and "&lt;img src=x" in html
    assert "<form" not in html  # Enter in a form would put what was typed into the URL
    assert 'data-module="worksheet"' in html
    assert '<label class="dx-worksheet__label" for="dx-ws-s-note">' in html
    assert 'data-key="worksheet/s/note"' in html
    for row in (1, 2):
        assert f'aria-labelledby="dx-ws-s-grid-c-x dx-ws-s-grid-r{row}" data-key="worksheet/s/grid/{row}/x"' in html
    assert '<q class="dx-quote" data-source="article">記事の原文です。</q>' in html


def test_the_collection_is_part_of_the_site(real):
    assert COLLECTION in COLLECTIONS
    assert real.get("worksheets", "priority-rules") is not None
