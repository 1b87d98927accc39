"""The curriculum journey, on the served site and on the file:// bundle.

The personnel department builds an assignment; one member of staff opens it by link and
another by code (separate browser contexts: separate PCs); each completes a module (its
checklist items, its decision tree through the real tree UI, its reflections) and exports
a completion record; the personnel department aggregates the records with a malformed one.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from urllib.parse import quote

import pytest
from playwright.sync_api import expect

from tests.project import learning_total

from .conftest import ON_THE_BUNDLE, assert_axe_clean
from .excel import excel_rows, jst
from .widgets import SITE_ID

pytestmark = pytest.mark.browser

ASSIGN = "curriculum/assign.md"
LEARNING = "curriculum/my-learning.md"
AGGREGATE = "curriculum/aggregate.md"
MODULE = "curriculum/modules/people-and-careers.md"
OTHER = "measure-and-adapt"
DUE = (dt.date.today() + dt.timedelta(days=30)).isoformat()
AFTER_DUE = (dt.date.today() + dt.timedelta(days=31)).isoformat()


def download(page, click) -> bytes:
    with page.expect_download() as info:
        click()
    return info.value.path().read_bytes()


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV for Excel starts with a UTF-8 BOM"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.reader(io.StringIO(text)))


def build_assignment(page, site):
    page.goto(site.url(ASSIGN))
    page.get_by_label("指示名 *").fill("令和8年度 人材育成 事前学習")
    page.get_by_label("発行する所属 *").fill("総務部 職員課")
    page.get_by_label("期限 *").fill(DUE)
    expect(page.locator("[data-role=due-wareki]")).to_contain_text("令和")
    page.locator("#dx-assign-module-people-and-careers").check()
    page.locator(f"#dx-assign-module-{OTHER}").check()
    expect(page.locator("[data-role=total]")).to_contain_text("2件")
    page.get_by_role("button", name="受講指示をつくる").click()
    expect(page.locator("[data-role=live]")).to_contain_text("受講指示をつくりました")
    code = page.locator("[data-role=code]").inner_text().strip()
    link = page.locator("[data-role=link]").input_value()
    return code, link


# The self-check of people-and-careers, answered right (data/selfchecks/people-and-careers.yml).
RIGHT = {"data-scientists": "b", "sign-swapped": "b", "whack-a-mole": "a"}


def answer_selfcheck(page, module: str, answers: dict[str, str]):
    for question, choice in answers.items():
        page.locator(f"#dx-sc-{module}-{question}-{choice}").check()
    page.get_by_role("button", name="採点する").click()


def complete_module(page, site, who: str, practice: bool):
    if practice:  # 実践, ticked on the checklist page: the module page shares its keys
        page.goto(site.url("checklists/step-2.md"))
        for item in ("hr-plan-with-personnel", "roles-and-career-paths", "continuous-curriculum"):
            page.locator(f"#dx-cl-step-2-{item}").check()
    page.goto(site.url("decisions/organization-first.md"))
    page.get_by_label("はい、ほぼ同じ").check()
    page.get_by_role("button", name="次へ").click()
    expect(page.locator(".dx-tree [data-role=result-title]")).to_contain_text("結論")
    page.goto(site.url(MODULE))
    summary = page.locator(".dx-lmodule__status [data-role=summary]")
    expect(summary).to_contain_text(f"未完了(学習 {learning_total('people-and-careers')} 件のうち 1 件")
    expect(page.locator("[data-role=practice-count]")).to_contain_text(("3" if practice else "0") + " 件実施(全 3 件")
    for box in page.locator(".dx-lmodule__reads input[type=checkbox]").all():
        box.check()
    answer_selfcheck(page, "people-and-careers", RIGHT)
    expect(page.locator(".dx-selfcheck [data-role=feedback]")).to_contain_text("3問中3問正解。合格です")
    page.get_by_label("1. DXで育てた職員が").fill(f"{who}: 3年後は原課でプロジェクトを率いてほしい")
    page.get_by_label("2. 人事部門").fill("来月、職員課と相談する")
    page.get_by_label("2. 人事部門").blur()
    expect(summary).to_contain_text("完了(令和")
    expect(page.locator(".dx-lmodule li[data-tree=organization-first] [data-role=mark]")).to_have_text("済")
    # Kept in the store: a reload shows the answer again.
    page.reload()
    expect(page.get_by_label("2. 人事部門")).to_have_value("来月、職員課と相談する")


def export_record(page, site, staff_id, name, section, role, tmp_path):
    page.goto(site.url(LEARNING))
    row = page.locator("tr[data-module-id=people-and-careers] [data-role=state]")
    expect(row).to_have_text("完了")
    expect(page.locator(f"tr[data-module-id={OTHER}] [data-role=state]")).to_have_text("未完了")
    page.get_by_label("職員番号 *").fill(staff_id)
    page.get_by_label("氏名 *").fill(name)
    page.get_by_label("所属 *").fill(section)
    page.get_by_label("役割", exact=True).select_option(role)
    data = download(page, lambda: page.get_by_role("button", name="修了記録を書き出す(JSON・提出用)").click())
    expect(page.locator("[data-role=export-feedback]")).to_contain_text("JSONファイル")
    record = json.loads(data.decode("utf-8"))
    rows = excel_rows(
        download(page, lambda: page.get_by_role("button", name="修了記録を書き出す(CSV・Excel用)").click()),
        times=("完了日時", "理解度チェック日時", "最終更新日時", "書き出し日時"),
        counts=("学習完了数", "学習対象数", "実践完了数(自己申告)", "実践対象数", "理解度チェック得点", "理解度チェック満点", "理解度チェック合格点"),
    )
    expect(page.locator("[data-role=export-feedback]")).to_contain_text("CSVファイル")
    assert {r["モジュールID"]: r["状態"] for r in rows} == {"people-and-careers": "完了", OTHER: "未完了"}
    assert all(r["職員番号"] == staff_id and r["氏名"] == name for r in rows)
    path = tmp_path / f"{name}.json"
    path.write_bytes(data)
    return record, rows, path


def test_assign_learn_export_and_aggregate(browser, site, guard, tmp_path, axe):
    contexts = [browser.new_context(locale="ja-JP", accept_downloads=True, viewport={"width": 1280, "height": 900}) for _ in range(3)]
    for context in contexts:
        guard.attach(context)
    hr, staff1, staff2 = (c.new_page() for c in contexts)
    try:
        # (1) The personnel department builds the assignment.
        code, link = build_assignment(hr, site)
        if site.kind == "file":
            # No shared address: the link would open only on this PC, so only the code is offered
            # (tests/browser/test_bundle.py). Staff 1 on this PC still opens the same link.
            assert link == ""
            link = site.url(LEARNING, "code=" + code + "&name=" + quote("令和8年度 人材育成 事前学習") + "&section=" + quote("総務部 職員課"))
        assert link.startswith(site.base) and "#code=" in link
        assert len(code.replace("-", "")) >= 5
        expect(hr.locator(".dx-sheet [data-role=sheet-due]")).to_contain_text("令和")
        expect(hr.locator(".dx-sheet tbody tr")).to_have_count(2)
        assert_axe_clean(axe, hr, guard)
        rows = excel_rows(download(hr, lambda: hr.get_by_role("button", name="CSVを書き出す(Excel用)").click()),
                          times=("発行日時",), counts=("順", "モジュール番号", "目安(分)"))
        expect(hr.locator("[data-role=files-feedback]")).to_contain_text("CSVファイル")
        assert [r["モジュールID"] for r in rows] == ["people-and-careers", OTHER]
        assert all(r["コード"] == code and r["期限"] == DUE.replace("-", "/") and r["発行日時"] for r in rows)  # one date format
        hr.get_by_role("button", name="コードをコピー").click()
        expect(hr.locator("[data-role=copy-code-feedback]")).to_be_visible()
        expect(hr.locator("[data-role=copy-code-feedback]")).to_contain_text("コード")

        # (2) Staff 1 opens it by link; staff 2 types the code, sloppily.
        staff1.goto(link)
        expect(staff1.locator("[data-role=open-feedback]")).to_contain_text("令和8年度 人材育成 事前学習")
        staff2.goto(site.url(LEARNING))
        sloppy = code.lower().replace("-", " ").replace("0", "o").replace("1", "l")
        staff2.get_by_label("受講指示のコード").fill(sloppy)
        staff2.get_by_role("button", name="コードで開く").click()
        expect(staff2.locator("[data-role=open-feedback]")).to_contain_text("開きました")
        expect(staff2.locator("tr[data-module-id]")).to_have_count(2)

        # (3) Each completes the module; (4) each exports a record.
        # Staff 2 ticks no 実践 item at all: the module is complete all the same.
        complete_module(staff1, site, "A", practice=True)
        complete_module(staff2, site, "B", practice=False)
        record1, csv1, path1 = export_record(staff1, site, "00123", "山田 花子", "総務部 職員課", "hr", tmp_path)
        record2, csv2, path2 = export_record(staff2, site, "A-77", "佐藤 一郎", "デジタル推進課", "dx-lead", tmp_path)
        assert record1["format"] == "jichitai-dx-completion" and record1["version"] == 2 and record1["person"]["role"] == "hr"
        assert record1["person"]["staffId"] == "00123"
        module1, module2 = (next(m for m in r["modules"] if m["id"] == "people-and-careers") for r in (record1, record2))
        assert module1["practice"] == {"done": 3, "total": 3} and module2["practice"] == {"done": 0, "total": 3}
        total = learning_total("people-and-careers")
        assert module1["learning"] == module2["learning"] == {"done": total, "total": total}
        assert module2["complete"] and module2["selfCheck"]["passed"] and module2["selfCheck"]["score"] == 3
        row2 = next(r for r in csv2 if r["モジュールID"] == "people-and-careers")
        assert (row2["学習完了数"], row2["学習対象数"], row2["実践完了数(自己申告)"], row2["実践対象数"]) == (str(total), str(total), "0", "3")
        assert (row2["理解度チェック得点"], row2["理解度チェック合格点"], row2["理解度チェック結果"]) == ("3", "2", "合格")
        assert row2["完了日時"] == jst(module2["completedAt"])
        assert record1["assignments"][0]["name"] == "令和8年度 人材育成 事前学習"
        assert record2["assignments"][0]["name"] == ""  # the code carries no name
        assert record1["assignments"][0]["code"] == record2["assignments"][0]["code"] == code
        done = {m["id"]: m["complete"] for m in record2["modules"]}
        assert done == {"people-and-careers": True, OTHER: False}
        assert "育成" not in json.dumps(record1["modules"], ensure_ascii=False)  # reflection text stays on the PC

        # (5) The personnel department reads both with a malformed and a foreign file.
        bad = tmp_path / "broken.json"
        bad.write_text('{"format": "jichitai-dx-completion", "version": 1, "site": "' + SITE_ID + '", "person": {"name": "<img src=x onerror=window.__pwned=1>"}}', encoding="utf-8")
        foreign = tmp_path / "notes.csv"
        foreign.write_text("氏名,所属\n", encoding="utf-8")
        hr.goto(site.url(AGGREGATE))
        hr.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files([path1, bad, path2, foreign])
        status = hr.locator(".dx-aggregate [data-role=status]")
        expect(status).to_contain_text("4 ファイルのうち 2 ファイルを集計に入れました")
        expect(status).to_contain_text("いま 2 人分の集計です")
        refused = hr.locator("[data-role=refused] li")
        expect(refused).to_have_count(2)
        expect(refused.filter(has_text="broken.json")).to_contain_text("書き出した日時がありません")
        expect(refused.filter(has_text="notes.csv")).to_contain_text("JSONとして読み取れません")
        assert hr.evaluate("() => window.__pwned") is None

        # (6) The table and the CSV hold the right values.
        table = hr.locator("[data-role=people]")
        header = [re.split(r"\s", t.strip(), maxsplit=1)[0] for t in table.locator("thead th").all_inner_texts()]
        assert header == ["氏名", "職員番号", "状態", "完了/対象", "M1", "M2", "所属", "役割", "提出", "書き出し日時", "記録の古さ"]
        expect(hr.locator("[data-role=module-key] li")).to_have_text(["M1 人を育て、生かす計画", "M2 効果を測り、変化と付き合う"])
        body = [r.locator("th, td").all_inner_texts() for r in table.locator("tbody tr").all()]
        assert [b[:4] + [b[4][1:].strip(), b[5][1:].strip()] + b[6:9] for b in body] == [  # sorted by section, then name; a symbol, then the word
            ["佐藤 一郎", "A-77", "未完了", "1/2", "完了", "未完了", "デジタル推進課", "DX推進担当", "提出済み"],
            ["山田 花子", "00123", "未完了", "1/2", "完了", "未完了", "総務部 職員課", "人事担当", "提出済み"],
        ]
        assert_axe_clean(axe, hr, guard)
        hr.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AFTER_DUE)
        hr.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").dispatch_event("change")
        expect(table.locator("tbody tr").first.locator("td.dx-aggregate__cell").last).to_contain_text("期限超過")
        module_rate = hr.locator("[data-kind=モジュール] tbody tr").all()
        assert [r.locator("th, td").all_inner_texts() for r in module_rate] == [
            ["人を育て、生かす計画", "2", "2", "0", "0", "0", "100%"],
            ["効果を測り、変化と付き合う", "2", "0", "0", "2", "0", "0%"],
        ]
        expect(hr.locator("[data-rate='役割:人事担当'] td").last).to_have_text("0%")  # one person, not yet through all
        expect(hr.locator("[data-rate='所属:デジタル推進課'] td").first).to_have_text("1")

        people = csv_rows(download(hr, lambda: hr.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
        assert people[0][:8] + people[0][-3:] == ["職員番号", "氏名", "所属", "役割", "提出", "状態", "完了数", "対象数", "人を育て、生かす計画", "効果を測り、変化と付き合う", "基準日"]
        assert people[2][:8] + people[2][-3:] == ['="00123"', "山田 花子", "総務部 職員課", "人事担当", "提出済み", "期限超過", "1", "2", "完了", "期限超過", AFTER_DUE.replace("-", "/")]
        rates = csv_rows(download(hr, lambda: hr.get_by_role("button", name="完了率をCSVで書き出す(Excel用)").click()))
        due = AFTER_DUE.replace("-", "/")
        assert ["モジュール", "人を育て、生かす計画", "2", "2", "0", "0", "0", "100", due] in rates
        assert ["役割", "DX推進担当", "1", "0", "0", "1", "0", "0", due] in rates
        assert ["所属", "総務部 職員課", "1", "0", "0", "1", "0", "0", due] in rates
        guard.assert_clean()
    finally:
        for context in contexts:
            context.close()


@ON_THE_BUNDLE
def test_a_mistyped_code_is_refused_with_a_plain_message(page, site, guard):
    page.goto(site.url(ASSIGN))
    code, _ = build_assignment(page, site)
    page.goto(site.url(LEARNING))
    # Every typo and swap the check character catches, and forgiving input, are tested in Node
    # (tests/js/curriculum.test.js); here, the page's answer to one.
    chars = code.replace("-", "")
    typo = ("1" if chars[0] != "1" else "2") + chars[1:]
    page.get_by_label("受講指示のコード").fill(typo)
    page.get_by_role("button", name="コードで開く").click()
    error = page.locator("[data-role=code-error]")
    expect(error).to_contain_text("コードが正しくありません")
    expect(page.get_by_label("受講指示のコード")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("[data-role=empty]")).to_be_visible()
    guard.assert_clean()


@ON_THE_BUNDLE
def test_the_assignment_form_lists_its_mistakes(page, site):
    page.goto(site.url(ASSIGN))
    page.get_by_role("button", name="受講指示をつくる").click()
    errors = page.locator("[data-role=errors]")
    expect(errors).to_be_focused()
    expect(errors.locator("li")).to_have_count(4)
    expect(page.get_by_label("指示名 *")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("発行する所属 *").fill("職員課")
    page.locator("#dx-assign-role-manager").check()
    expect(page.locator("#dx-assign-module-why-us-first")).to_be_checked()
    page.locator("#dx-assign-role-manager").uncheck()
    expect(page.locator("#dx-assign-module-why-us-first")).not_to_be_checked()


def page_sizes(pdf: bytes) -> list[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox \[0 0 ([0-9.]+) ([0-9.]+)\]", pdf)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


A4_PORTRAIT, A4_LANDSCAPE = (595, 842), (842, 595)


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_the_map_and_the_sheet_print_on_a4(page, site, tmp_path):
    page.goto(site.url("curriculum/index.md"))
    page.emulate_media(media="print")
    expect(page.locator(".dx-curriculum-map svg")).to_be_visible()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    sizes = page_sizes(page.pdf(prefer_css_page_size=True))
    # The map on one A4 landscape page; the text and the table on A4 portrait.
    assert sizes.count(A4_LANDSCAPE) == 1, sizes
    assert set(sizes) == {A4_PORTRAIT, A4_LANDSCAPE}, sizes
    page.emulate_media(media="screen")
    build_assignment(page, site)
    page.emulate_media(media="print")
    expect(page.locator(".dx-sheet")).to_be_visible()
    expect(page.locator(".dx-sheet tbody tr")).to_have_count(2)
    expect(page.locator(".dx-assign__form")).to_be_hidden()
    expect(page.locator("h1")).to_be_hidden()
    expect(page.get_by_role("button", name="受講指示書を印刷する(A4)")).to_be_hidden()
    sizes = page_sizes(page.pdf(prefer_css_page_size=True))
    assert sizes == [A4_PORTRAIT], sizes  # the sheet alone, on one A4 page


HOSTILE = '<img src=x onerror="window.__pwned=1">'


def completion_record(name: str, section: str, **overrides) -> dict:
    return {
        "format": "jichitai-dx-completion",
        "version": 1,
        "site": SITE_ID,
        "exported": "2026-11-20T09:00:00.000Z",
        "person": {"name": name, "section": section, "role": ""},
        "assignments": [{"code": "0000-0", "name": HOSTILE, "section": "", "due": "2026-12-01", "modules": ["why-us-first"]}],
        "modules": [{"id": "why-us-first", "title": HOSTILE, "complete": False, "completedAt": None, "done": 0, "required": 5}],
        **overrides,
    }


@ON_THE_BUNDLE
def test_aggregation_shows_foreign_text_as_text_and_refuses_what_it_cannot_count(page, site, guard, tmp_path):
    files = {
        "hostile.json": completion_record(HOSTILE, "=cmd|' /C calc'!A0"),
        "older.json": completion_record("鈴木 次郎", "企画課", exported="2026-11-01T09:00:00.000Z"),
        "newer.json": completion_record("鈴木 次郎", "企画課"),
        "progress.json": {"format": "jichitai-dx-progress", "version": 1, "site": SITE_ID, "items": {}},
        "other-site.json": completion_record("A", "B", site="another-town"),
        "version-3.json": completion_record("A", "B", version=3),
    }
    paths = []
    for name, value in files.items():
        path = tmp_path / name
        path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    big = tmp_path / "big.json"
    big.write_text(" " * 300_000 + "{}", encoding="utf-8")
    paths.append(big)
    page.goto(site.url(AGGREGATE))
    page.locator("[data-role=files]").set_input_files(paths)
    expect(page.locator(".dx-aggregate [data-role=status]")).to_contain_text("いま 2 人分の集計です")
    refused = page.locator("[data-role=refused]")
    expect(refused.locator("li")).to_have_count(4)
    # The same person (name and section, no 職員番号) twice: one person, both files named.
    expect(page.locator("[data-role=merged]")).to_contain_text("鈴木 次郎(企画課): older.json")
    expect(refused).to_contain_text("progress.json — 「わたしの進捗」の進捗記録です")
    expect(refused).to_contain_text("other-site.json — 別のサイト(another-town)")
    expect(refused).to_contain_text("version-3.json — 対応していない版")
    expect(refused).to_contain_text("big.json — ファイルが大きすぎます")
    table = page.locator("[data-role=people]")
    expect(table.locator("tbody th").first).to_have_text(HOSTILE)
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("() => window.__pwned") is None
    rows = csv_rows(download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
    assert ["'=cmd|' /C calc'!A0"] == [r[2] for r in rows[1:] if r[1] == HOSTILE]
    guard.assert_clean()
