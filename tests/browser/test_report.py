"""The personnel department's report: roster, merged records, a report that fits, city scale.

Records are written here as the learner's page exports them (RECORD-FORMAT.md, version 2;
one version 1 record), so these tests follow the report alone: the learner's side has its
own journey in test_curriculum.py.
"""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import axe_violations

pytestmark = pytest.mark.browser

AGGREGATE = "curriculum/aggregate.md"
AS_OF = "2026-11-27"
MODULES = ["why-us-first", "beyond-tools", "dx-basics-continuous", "observe-first", "people-and-careers", "measure-and-adapt"]
TIME = re.compile(r"^\d{4}/\d{2}/\d{2} \d{2}:\d{2}$")


def record(staff_id, name, section, role="", done=(), exported="2026-11-20T00:00:00.000Z", updated=None, due="2026-12-01", version=2, modules=MODULES):
    """A completion record; `done` maps module id -> completion time (and so its last change)."""
    done = dict(done)
    updated = dict(updated or {})
    person = {"name": name, "section": section, "role": role}
    if version == 2:
        person = {"staffId": staff_id, **person}
    entries = []
    for mid in modules:
        at = done.get(mid)
        entry = {"id": mid, "title": mid, "complete": at is not None, "completedAt": at}
        if version == 2:
            entry |= {
                "updatedAt": at or updated.get(mid),
                "learning": {"done": 3 if at else 1, "total": 3},
                "practice": {"done": 1, "total": 2},
                "selfCheck": {"score": 4, "max": 5, "passMark": 4, "passed": True, "at": at} if at else None,
                "retired": False,
            }
        else:
            entry |= {"done": 3 if at else 1, "required": 3}
        entries.append(entry)
    return {
        "format": "jichitai-dx-completion",
        "version": version,
        "site": "jichitai-dx-guide",
        "exported": exported,
        "person": person,
        "assignments": [{"code": "44ZD-Z2R", "name": "令和8年度 事前学習", "section": "職員課", "due": due, "modules": list(modules)}],
        "modules": entries,
    }


def write(folder: Path, name: str, value) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(json.dumps(value, ensure_ascii=False), encoding="utf-8")
    return path


def download(page, click) -> bytes:
    with page.expect_download() as info:
        click()
    return info.value.path().read_bytes()


def excel_rows(data: bytes) -> list[list[str]]:
    """The CSV as Japanese Excel reads it: BOM, CRLF, JST times, no cell that becomes a date."""
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text)))
    for row in rows[1:]:
        for cell in row:
            assert not re.fullmatch(r"\d+/\d+", cell), cell
            assert "T" not in cell or not re.search(r"\d{4}-\d{2}-\d{2}T", cell), cell
    return rows


def column(rows, name):
    i = rows[0].index(name)
    return [r[i] for r in rows[1:]]


def axe_clean(axe, page, guard):
    guard.assert_clean()
    assert axe_violations(axe, page) == []
    page.wait_for_timeout(300)
    # On file:// pages axe-core's own XHR for the stylesheets fails: the tool's noise, not the site's.
    guard.console_errors[:] = [m for m in guard.console_errors if not (m == "Failed to load resource: net::ERR_FAILED" or ".css" in m)]


ROSTER = [
    ("職員番号", "氏名", "所属", "役割"),
    ("00101", "山田 花子", "総務部 職員課", "人事担当"),
    ("00102", "佐藤 一郎", "デジタル推進課", "dx-lead"),
    ("00103", "鈴木 次郎", "デジタル推進課", "原課リーダー"),
    ("", "名無し 権兵衛", "福祉課", ""),
    ("00104", "髙橋 三郎", "福祉課", "管理職"),
]


def roster_csv(rows, encoding: str) -> bytes:
    text = "\r\n".join(",".join(r) for r in rows) + "\r\n"
    return ("\ufeff" + text).encode("utf-8") if encoding == "utf-8-sig" else text.encode(encoding)


def test_roster_merged_records_and_a_report_that_fits(browser, site, guard, tmp_path, axe):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1366, "height": 768}, accept_downloads=True)
    guard.attach(context)
    page = context.new_page()
    try:
        sjis = tmp_path / "名簿.csv"
        sjis.write_bytes(roster_csv(ROSTER, "cp932"))  # 「CSV (コンマ区切り)」; 髙 is cp932-only
        # 「CSV UTF-8」 with headers as people write them, and a 職員番号 whose zeros Excel dropped.
        bom = tmp_path / "名簿-utf8.csv"
        bom.write_bytes(roster_csv([("職員番号(必須)", " 氏名 ", "所属名", "役割"), ("101",) + ROSTER[1][1:]] + ROSTER[2:4] + ROSTER[5:], "utf-8-sig"))
        recs = tmp_path / "records"
        files = [
            # 00101 from two PCs: a different module done on each; each module's newest change wins.
            write(recs, "yamada-pc1.json", record("00101", "山田 花子", "職員課", "hr", {m: "2026-11-19T01:00:00.000Z" for m in MODULES[:4]},
                                                  exported="2026-11-20T00:00:00.000Z")),
            write(recs, "yamada-pc2.json", record("00101", "山田 花子", "職員課", "hr", {m: "2026-11-24T01:00:00.000Z" for m in MODULES[4:]},
                                                  exported="2026-11-25T00:00:00.000Z")),
            write(recs, "sato.json", record("00102", "佐藤 一郎", "デジタル推進課", "dx-lead", {"why-us-first": "2026-11-21T03:00:00.000Z"},
                                            exported="2026-11-22T00:00:00.000Z", updated={"beyond-tools": "2026-11-21T04:00:00.000Z"})),
            write(recs, "unknown-id.json", record("99999", "田中 未登録", "企画課", "", exported="2026-11-10T00:00:00.000Z")),
            write(recs, "version-1.json", record("", "伊藤 旧版", "企画課", "", {"why-us-first": "2026-11-01T00:00:00.000Z"}, version=1)),
        ]
        page.goto(site.url(AGGREGATE))
        expect(page.locator(".md-sidebar--secondary")).to_be_hidden()  # no table of contents: full width
        page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
        template = excel_rows(download(page, lambda: page.get_by_role("button", name="名簿のひな形をダウンロードする(CSV)").click()))
        assert template == [["職員番号", "氏名", "所属", "役割"]]
        page.get_by_label("職員名簿のファイル(CSV)").set_input_files(sjis)
        feedback = page.locator("[data-role=roster-feedback]")
        expect(feedback).to_contain_text("4 人を読み込みました(Shift_JIS")
        expect(feedback).to_have_attribute("role", "status")
        expect(page.locator("[data-role=roster-problems]")).to_contain_text("5行目: 職員番号がありません")
        page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files(files)
        status = page.locator(".dx-aggregate [data-role=status]")
        expect(status).to_contain_text("5 ファイルのうち 5 ファイルを集計に入れました")

        headline = page.locator("[data-role=headline]")
        expect(headline).to_contain_text("名簿 4 人のうち、提出 2 人、未提出 2 人。名簿にない記録 2 人。")
        expect(headline).to_contain_text("完了 1 人、未完了 1 人、期限超過 0 人、未提出 2 人(完了率 25%)")
        merged = page.locator("[data-role=merged] li")
        expect(merged).to_have_count(1)
        expect(merged).to_contain_text("山田 花子(00101): yamada-pc1.json(2026/11/20 09:00 書き出し)、yamada-pc2.json(2026/11/25 09:00 書き出し)")
        unlisted = page.locator("[data-role=unlisted] li")
        expect(unlisted).to_have_count(2)
        expect(unlisted.filter(has_text="職員番号なし 伊藤 旧版")).to_have_count(1)
        rate = lambda kind, name: page.locator(f"[data-rate='{kind}:{name}'] td").all_inner_texts()  # noqa: E731
        assert rate("所属", "デジタル推進課") == ["2", "0", "1", "0", "1", "0%"]
        module_rates = page.locator("[data-kind=モジュール] tbody tr")
        expect(module_rates).to_have_count(len(MODULES))
        first = module_rates.first.locator("td").all_inner_texts()
        assert first == ["4", "2", "0", "0", "2", "50%"]  # why-us-first: 山田, 佐藤 done; 2 未提出

        table = page.locator("[data-role=people]")
        by_name = {r.locator("th").inner_text(): r for r in table.locator("tbody tr").all()}
        assert len(by_name) == 6
        header = table.locator("thead th").all_inner_texts()
        cells = lambda name: dict(zip(header[1:], by_name[name].locator("td").all_inner_texts()))  # noqa: E731
        yamada = cells("山田 花子")
        assert (yamada["提出"], yamada["状態"], yamada["完了数"], yamada["対象数"]) == ("提出済み", "完了", "6", "6")
        assert yamada["所属"] == "総務部 職員課"  # the roster's section, not the record's
        assert (yamada["書き出し日時"], yamada["記録の古さ"]) == ("2026/11/25 09:00", "基準日の2日前")
        assert cells("佐藤 一郎")["記録の古さ"] == "基準日の5日前"
        assert (cells("鈴木 次郎")["提出"], cells("鈴木 次郎")["状態"]) == ("未提出", "未提出")
        assert cells("髙橋 三郎")["役割"] == "管理職"
        assert cells("田中 未登録")["提出"] == "名簿にない"

        # The name column stays in view when the table is scrolled to its right end.
        region = page.locator(".dx-aggregate__scroll")
        assert region.evaluate("e => e.scrollWidth > e.clientWidth + 200"), "the table is wider than the page"
        region.evaluate("e => { e.scrollLeft = e.scrollWidth; }")
        box, name_box = region.bounding_box(), by_name["山田 花子"].locator("th").bounding_box()
        assert abs(name_box["x"] - box["x"]) < 2 and name_box["width"] > 40
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 1366  # only the table scrolls

        # Filters apply to the summary and the table.
        page.get_by_label("所属", exact=True).select_option("デジタル推進課")
        expect(table.locator("tbody tr")).to_have_count(2)
        expect(page.locator("[data-role=filter-feedback]")).to_contain_text("2 人が該当します")
        expect(headline).to_contain_text("完了 0 人、未完了 1 人、期限超過 0 人、未提出 1 人")
        page.get_by_label("所属", exact=True).select_option("")
        page.get_by_label("状態", exact=True).select_option("未提出")
        expect(table.locator("tbody th")).to_have_text(["鈴木 次郎", "髙橋 三郎"])
        page.get_by_label("状態", exact=True).select_option("名簿にない")
        expect(table.locator("tbody tr")).to_have_count(2)
        page.get_by_label("状態", exact=True).select_option("")
        page.get_by_label("役割", exact=True).select_option("人事担当")
        expect(table.locator("tbody th")).to_have_text(["山田 花子"])
        page.get_by_label("役割", exact=True).select_option("")
        axe_clean(axe, page, guard)

        # Every CSV opens right in Excel.
        people = excel_rows(download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
        assert len(people) == 7
        assert people[0][:10] == ["職員番号", "氏名", "所属", "役割", "提出", "状態", "完了数", "対象数", "書き出し日時", "記録の古さ(日)"]
        row = next(r for r in people if r[1] == "山田 花子")
        assert row[0] == "00101" and row[5:10] == ["完了", "6", "6", "2026/11/25 09:00", "2"] and row[-1] == "2026/11/27"
        assert all(TIME.match(t) for t in column(people, "書き出し日時") if t)
        assert all(re.fullmatch(r"\d+", n) for n in column(people, "完了数") + column(people, "対象数") if n)
        detail = excel_rows(download(page, lambda: page.get_by_role("button", name="明細をCSVで書き出す(Excel用・1モジュール1行)").click()))
        sato = [r for r in detail if r[1] == "佐藤 一郎"]
        assert len(sato) == len(MODULES)
        why = next(r for r in sato if r[5] == "why-us-first")
        assert dict(zip(detail[0], why)).items() >= {
            "状態": "完了", "完了日時": "2026/11/21 12:00", "学習の完了数": "3", "学習の対象数": "3",
            "実践の完了数(自己申告)": "1", "実践の対象数": "2", "理解度チェックの点": "4", "理解度チェック": "合格",
        }.items()
        assert [r[7] for r in detail if r[1] == "鈴木 次郎"] == ["未提出"]
        for name in ("完了日時", "更新日時", "書き出し日時"):
            assert all(TIME.match(t) for t in column(detail, name) if t)
        rates = excel_rows(download(page, lambda: page.get_by_role("button", name="完了率をCSVで書き出す(Excel用)").click()))
        assert rates[1] == ["全体", "名簿の全員", "4", "1", "1", "0", "2", "25", "2026/11/27"]
        expect(page.locator("[data-role=rates-feedback]")).to_contain_text("書き出しました")

        # The same roster saved as 「CSV UTF-8」 gives the same report.
        page.get_by_label("職員名簿のファイル(CSV)").set_input_files(bom)
        expect(feedback).to_contain_text("4 人を読み込みました(UTF-8")
        expect(page.locator("[data-role=roster-problems] li")).to_have_count(0)
        expect(headline).to_contain_text("名簿 4 人のうち、提出 2 人、未提出 2 人。名簿にない記録 2 人。名簿で先頭の0が消えていた職員番号 1 人分も照合しました。")
        expect(headline).to_contain_text("(完了率 25%)")
        guard.assert_clean()
    finally:
        context.close()


def city_records(folder: Path, first: int, last: int, **kw) -> list[Path]:
    return [
        write(folder, f"r{i:05d}.json", record(f"{i:05d}", f"職員 {i:05d}", f"課{i % 10:02d}", "all-staff",
                                               {MODULES[i % 3]: "2026-11-20T01:00:00.000Z"}, exported="2026-11-21T00:00:00.000Z", **kw))
        for i in range(first, last + 1)
    ]


def test_a_city_folder_and_more_selections_make_one_report(page, site, guard, tmp_path):
    folder = tmp_path / "集めた記録"
    city_records(folder, 1, 2000)
    (folder / "readme.txt").write_text("提出先のメモ", encoding="utf-8")
    later = city_records(tmp_path / "later", 2001, 2400)
    last = city_records(tmp_path / "last", 2401, 2500)
    # 00005 again, from another PC, with another module done since.
    last.append(write(tmp_path / "last", "r00005-pc2.json", record("00005", "職員 00005", "課05", "all-staff",
                                                                      {MODULES[5]: "2026-11-26T01:00:00.000Z"}, exported="2026-11-26T02:00:00.000Z")))
    page.goto(site.url(AGGREGATE))
    page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
    status = page.locator(".dx-aggregate [data-role=status]")
    progress = page.locator("[data-role=progress]")

    # A slower PC: the reading is cancelled part way, and what was read is kept.
    cdp = page.context.new_cdp_session(page)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 6})
    page.get_by_label("修了記録を集めたフォルダー").set_input_files(folder)
    expect(progress).to_be_visible()
    expect(status).to_contain_text(re.compile(r"2000 ファイル(を読み込んでいます|のうち \d+ ファイルを読みました)"))
    expect(page.locator("progress[data-role=progress-bar]")).to_have_attribute("max", "2000")
    page.get_by_role("button", name="読み込みを中止する").click()
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 1})
    expect(status).to_contain_text("読み込みを中止しました。2000 ファイルのうち")
    expect(progress).to_be_hidden()
    read = int(re.search(r"いま (\d+) 人分", status.inner_text()).group(1))
    assert 0 < read < 2000
    expect(page.locator("[data-role=people] caption")).to_contain_text(f"{read} 人")

    # The same folder again: what was read is skipped, the rest is read.
    page.get_by_label("修了記録を集めたフォルダー").set_input_files(folder)
    expect(status).to_contain_text(f"すでに読み込んだ {read} ファイルは読み直しませんでした")
    expect(status).to_contain_text("いま 2000 人分の集計です")
    expect(page.locator("[data-role=refused]")).to_contain_text("readme.txt — JSONファイルではないため読みませんでした")
    page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files(later)
    expect(status).to_contain_text("いま 2400 人分の集計です")
    page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files(last)
    expect(status).to_contain_text("いま 2500 人分の集計です")
    expect(page.locator("[data-role=merged] li")).to_have_text(re.compile(r"^職員 00005\(00005\): .*r00005\.json.*r00005-pc2\.json"))
    expect(page.locator("[data-role=headline]")).to_contain_text("記録の届いた 2500 人")
    people = excel_rows(download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
    assert len(people) == 2501
    row = next(r for r in people if r[0] == "00005")
    assert row[6:8] == ["2", "6"]  # the module of each PC
    guard.assert_clean()

    page.get_by_role("button", name="最初からやり直す").click()
    expect(page.locator("[data-role=reset-feedback]")).to_contain_text("すべて外しました")
    expect(page.locator("[data-role=result]")).to_be_hidden()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_six_thousand_records_page_filter_and_export_whole(page, site, guard, tmp_path):
    folder = tmp_path / "records"
    city_records(folder, 1, 3000)
    city_records(folder, 3001, 6000, due="2026-11-10")  # overdue by the 基準日
    page.goto(site.url(AGGREGATE))
    page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
    page.get_by_label("修了記録を集めたフォルダー").set_input_files(folder)
    status = page.locator(".dx-aggregate [data-role=status]")
    expect(status).to_contain_text("いま 6000 人分の集計です", timeout=60_000)
    table = page.locator("[data-role=people]")
    expect(table.locator("tbody tr")).to_have_count(50)
    expect(page.locator("[data-role=page-text]")).to_have_text("1〜50 人目 / 6000 人(1 / 120 ページ)")
    expect(page.locator("[data-kind=所属] tbody tr")).to_have_count(10)
    assert page.locator("[data-rate='所属:課03'] td").first.inner_text() == "600"
    page.get_by_role("button", name="次の50人").click()
    expect(page.locator("[data-role=page-text]")).to_contain_text("51〜100 人目")

    page.get_by_label("所属", exact=True).select_option("課03")
    page.get_by_label("状態", exact=True).select_option("期限超過")
    expect(page.locator("[data-role=page-text]")).to_have_text("1〜50 人目 / 300 人(1 / 6 ページ)")
    expect(table.locator("tbody tr").first.locator("td").nth(1)).to_have_text("課03")
    filtered = excel_rows(download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
    assert len(filtered) == 301 and set(column(filtered, "状態")) == {"期限超過"}
    page.get_by_label("所属", exact=True).select_option("")
    page.get_by_label("状態", exact=True).select_option("")
    rows = excel_rows(download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
    assert len(rows) == 6001
    assert sorted(column(rows, "職員番号")) == [f"{i:05d}" for i in range(1, 6001)]
    assert all(TIME.match(t) for t in column(rows, "書き出し日時"))
    assert {(d, t) for d, t in zip(column(rows, "完了数"), column(rows, "対象数"))} == {("1", "6")}
    guard.assert_clean()


def test_the_engine_loads_when_files_are_first_chosen_and_reads_them(page, site, guard, tmp_path):
    # The page loads the small part (aggregate.js); the engine comes with the first choice,
    # which it then reads as if it had been there from the start.
    engines = []
    page.on("request", lambda request: "aggregate-engine.js" in request.url and engines.append(request.url))
    one = write(tmp_path / "one", "sato.json", record("00102", "佐藤 一郎", "デジタル推進課", "dx-lead", {"why-us-first": "2026-11-21T03:00:00.000Z"}))
    page.goto(site.url(AGGREGATE))
    page.wait_for_load_state("load")
    assert engines == [] and page.evaluate("typeof DX.aggregate") == "undefined"
    assert page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").input_value() != ""
    page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
    page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files([one])
    status = page.locator(".dx-aggregate [data-role=status]")
    expect(status).to_contain_text("1 ファイルのうち 1 ファイルを集計に入れました")
    assert len(engines) == 1
    # The date chosen before the engine came is the one the report uses.
    assert page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").input_value() == AS_OF
    guard.assert_clean()
