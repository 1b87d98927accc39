"""Ids that name built-in object properties (constructor, __proto__, toString, hasOwnProperty)
arriving from files and URLs: every import and aggregation path treats them as plain ids,
counts or refuses them plainly, and never touches Object.prototype."""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from tests.project import site_id

from .test_report import record, roster_csv, write
from .widgets import record as stored_record

from .conftest import ON_THE_BUNDLE

pytestmark = pytest.mark.browser

HOSTILE = ["constructor", "__proto__", "toString", "hasOwnProperty"]
PRISTINE = """() => ({}).constructor === Object && typeof ({}).toString === 'function'
    && Object.getPrototypeOf({}) === Object.prototype && !('polluted' in {})"""


def progress_record(items: dict) -> dict:
    at = "2026-11-27T00:00:00.000Z"
    return {
        "format": "jichitai-dx-progress",
        "version": 1,
        "site": site_id(),
        "updated": at,
        "items": {key: {"value": value, "at": at} for key, value in items.items()},
    }


@ON_THE_BUNDLE
def test_progress_import_takes_constructor_as_a_key_and_refuses_the_others(page, site, tmp_path):
    page.goto(site.url("progress.md"))
    upload = page.locator("[data-role=import]")
    status = page.locator(".dx-progress [data-role=status]")

    # "constructor" fits the key rule: it is imported like any key, not mistaken for a stored one.
    good = tmp_path / "good.json"
    good.write_text(json.dumps(progress_record({"constructor": True, "tree/constructor": {"outcome": "x", "label": "y", "answers": ""}})), encoding="utf-8")
    upload.set_input_files(good)
    expect(status).to_contain_text("2")
    items = stored_record(page)["items"]
    assert items["constructor"]["value"] is True and "tree/constructor" in items
    assert page.evaluate("() => DX.store.get('constructor') === true && DX.store.entry('tostring') === undefined")

    # The rest break the key rule: the file is refused with its reason, the record unchanged.
    for key in ["__proto__", "toString", "hasOwnProperty"]:
        bad = tmp_path / f"{key}.json"
        bad.write_text(
            '{"format": "jichitai-dx-progress", "version": 1, "site": "%s", "updated": "2026-11-27T00:00:00.000Z", '
            '"items": {"%s": {"value": {"polluted": true}, "at": "2026-11-27T00:00:00.000Z"}}}' % (site_id(), key),
            encoding="utf-8",
        )
        upload.set_input_files(bad)
        expect(status).to_contain_text(f"項目の名前が正しくありません: {key}")
    assert stored_record(page)["items"].keys() == items.keys()
    assert page.evaluate(PRISTINE)


@ON_THE_BUNDLE
def test_a_tree_fragment_naming_built_ins_is_ignored(page, site):
    page.goto(site.url("decisions/rpa-now.md", "constructor=a.b&tostring=c.d"))
    expect(page.locator("[data-module=decision-tree] fieldset legend").first).to_be_visible()
    assert page.evaluate(PRISTINE)


@ON_THE_BUNDLE
def test_aggregation_and_roster_take_built_in_names_as_plain_ids(page, site, tmp_path):
    roster = tmp_path / "名簿.csv"
    rows = [("職員番号", "氏名", "所属", "役割")] + [(name, f"職員 {name}", "企画課", "") for name in ["constructor", "toString", "hasOwnProperty", "001"]]
    roster.write_bytes(roster_csv(rows, "cp932"))
    folder = tmp_path / "records"
    modules = ["why-us-first", "constructor"]
    files = [
        write(folder, f"{name}.json", record(name, f"職員 {name}", "企画課", done={"why-us-first": "2026-11-20T00:00:00.000Z", "constructor": "2026-11-20T00:00:00.000Z"}, modules=modules))
        for name in ["constructor", "toString", "hasOwnProperty"]
    ]
    for bad in ["__proto__", "toString", "hasOwnProperty"]:
        hostile = record("00999", "職員 悪意", "企画課", modules=["why-us-first"])
        hostile["modules"][0]["id"] = bad
        files.append(write(folder, f"module-{bad}.json", hostile))

    page.goto(site.url("curriculum/aggregate.md"))
    page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill("2026-11-27")
    page.get_by_label("職員名簿のファイル(CSV)").set_input_files(roster)
    expect(page.locator("[data-role=roster-feedback]")).to_contain_text("4 人を読み込みました")
    page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files(files)
    status = page.locator(".dx-aggregate [data-role=status]")
    # The three records whose module ids break the id rule are refused; the others counted.
    expect(status).to_contain_text("6 ファイルのうち 3 ファイルを集計に入れました")
    expect(page.locator("[data-role=headline]")).to_contain_text("名簿 4 人のうち、提出 3 人、未提出 1 人")
    people = page.locator("[data-role=people] tbody th")
    expect(people).to_have_count(4)
    for name in ["constructor", "toString", "hasOwnProperty"]:
        expect(people.filter(has_text=f"職員 {name}")).to_have_count(1)
    # "constructor" is a module id the site does not have: a column of its own, not a crash.
    expect(page.locator("[data-role=people] thead")).to_contain_text("constructor")
    assert page.evaluate(PRISTINE)
