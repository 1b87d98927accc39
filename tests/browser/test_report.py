"""The personnel department's report: roster, merged records, who was given what, a matrix that
reads at 1366 and on a phone, every CSV opened in LibreOffice Calc as Excel would, city scale.
The pure logic (parsing, matching, merging, scope, rates, CSV rows) is tested in Node (tests/js).

Records are written here as the learner's page exports them (RECORD-FORMAT.md, version 2;
one version 1 record), so these tests follow the report alone: the learner's side has its
own journey in test_curriculum.py.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import ON_THE_BUNDLE, assert_axe_clean
from .excel import TEXT_FORM as TEXT_ID
from .excel import as_excel_shows, check_calc_types
from .widgets import SITE_ID

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
        "site": SITE_ID,
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
    """The CSV as Japanese Excel reads it: BOM, CRLF, JST times, no cell that becomes a date;
    a 職員番号 written so that Excel keeps it as text (="00123"), returned as Excel shows it."""
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text)))
    ids = [i for i, name in enumerate(rows[0]) if name == "職員番号"]
    for row in rows[1:]:
        for cell in row:
            assert not re.fullmatch(r"\d+/\d+", cell), cell
            assert "T" not in cell or not re.search(r"\d{4}-\d{2}-\d{2}T", cell), cell
            assert not re.fullmatch(r"\d{4}-\d{2}-\d{2}", cell), f"one date format (YYYY/MM/DD): {cell}"
        for i in ids:
            assert row[i] == "" or TEXT_ID.match(row[i]), row[i]
            row[i] = as_excel_shows(row[i])
    return rows


def column(rows, name):
    i = rows[0].index(name)
    return [r[i] for r in rows[1:]]


def matrix(page) -> dict[str, dict[str, str]]:
    """The table shown, as {name: {header: text}}; a module's header is its short label (M1…)."""
    table = page.locator("[data-role=people]")
    header = [re.split(r"\s", t.strip(), maxsplit=1)[0] for t in table.locator("thead th").all_inner_texts()]
    out = {}
    for row in table.locator("tbody tr").all():
        cells = row.locator("th, td").all_inner_texts()
        out[cells[0]] = dict(zip(header, cells))
    return out


def state_of(cell: str) -> str:
    """A compact module cell's state word (the symbol is for the eye; the word is in the cell too)."""
    return cell.split("\n")[-1].strip() if "\n" in cell else cell[1:].strip()


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


@ON_THE_BUNDLE
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
            # 00130 typed for 00103 (a swap): the page points at the likely roster entry.
            write(recs, "typo.json", record("00130", "鈴木 次朗", "デジタル推進課", "", exported="2026-11-10T00:00:00.000Z")),
            write(recs, "version-1.json", record("", "伊藤 旧版", "企画課", "", {"why-us-first": "2026-11-01T00:00:00.000Z"}, version=1)),
        ]
        page.goto(site.url(AGGREGATE))
        expect(page.locator(".md-sidebar--secondary")).to_be_hidden()  # no table of contents: full width
        page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
        template = excel_rows(download(page, lambda: page.get_by_role("button", name="名簿のひな形をダウンロードする(CSV)").click()))
        assert template == [["職員番号", "氏名", "所属", "役割", "受講指示コード"]]
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
        expect(page.locator("[data-role=scope-note]")).to_contain_text("受講指示が追加されていないため")
        merged = page.locator("[data-role=merged] li")
        expect(merged).to_have_count(1)
        expect(merged).to_contain_text("山田 花子(00101): yamada-pc1.json(2026/11/20 09:00 書き出し)、yamada-pc2.json(2026/11/25 09:00 書き出し)")
        unlisted = page.locator("[data-role=unlisted] li")
        expect(unlisted).to_have_count(2)
        expect(unlisted.filter(has_text="職員番号なし 伊藤 旧版")).to_have_count(1)
        expect(unlisted.filter(has_text="00130")).to_contain_text("名簿の 00103 鈴木 次郎(デジタル推進課) の打ち間違いかもしれません")
        rate = lambda kind, name: page.locator(f"[data-rate='{kind}:{name}'] td").all_inner_texts()  # noqa: E731
        assert rate("所属", "デジタル推進課") == ["2", "0", "1", "0", "1", "0%"]
        first = page.locator("[data-kind=モジュール] tbody tr").first.locator("td").all_inner_texts()
        assert first == ["4", "2", "0", "0", "2", "50%"]  # why-us-first: 山田, 佐藤 done; 2 未提出

        rows = matrix(page)
        assert len(rows) == 6
        yamada = rows["山田 花子"]
        assert (yamada["提出"], yamada["状態"], yamada["完了/対象"]) == ("提出済み", "完了", "6/6")
        assert yamada["所属"] == "総務部 職員課"  # the roster's section, not the record's
        assert (yamada["書き出し日時"], yamada["記録の古さ"]) == ("2026/11/25 09:00", "基準日の2日前")
        assert state_of(yamada["M1"]) == "完了"
        sato = rows["佐藤 一郎"]
        assert sato["記録の古さ"] == "基準日の5日前" and [state_of(sato[f"M{i}"]) for i in (1, 2)] == ["完了", "未完了"]
        # 提出 and 状態 say different things: a person without a record has an unknown state.
        assert (rows["鈴木 次郎"]["提出"], rows["鈴木 次郎"]["状態"], state_of(rows["鈴木 次郎"]["M1"])) == ("未提出", "不明", "未提出")
        assert rows["髙橋 三郎"]["役割"] == "管理職"
        assert rows["鈴木 次郎"]["職員番号"] == "00103"

        # Filters apply to the summary and the table.
        table = page.locator("[data-role=people]")
        page.get_by_label("所属", exact=True).select_option("デジタル推進課")
        expect(table.locator("tbody tr")).to_have_count(3)
        expect(page.locator("[data-role=filter-feedback]")).to_contain_text("3 人が該当します")
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
        assert_axe_clean(axe, page, guard)

        # Every CSV opens right in Excel: ids as text with their zeros, times as date-times,
        # counts as numbers (LibreOffice Calc stands in for Excel).
        people_csv = download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click())
        people = excel_rows(people_csv)
        assert len(people) == 7
        assert people[0][:10] == ["職員番号", "氏名", "所属", "役割", "提出", "状態", "完了数", "対象数", "書き出し日時", "記録の古さ(日)"]
        row = next(r for r in people if r[1] == "山田 花子")
        assert row[0] == "00101" and row[5:10] == ["完了", "6", "6", "2026/11/25 09:00", "2"] and row[-1] == "2026/11/27"
        calc = check_calc_types(people_csv, ids=("職員番号",), times=("書き出し日時",), dates=("基準日",), numbers=("完了数", "対象数", "記録の古さ(日)"))
        assert [r["職員番号"] for r in calc][:3] == [r[0] for r in people[1:4]]
        assert {r["職員番号"] for r in calc} >= {"00101", "00102", "00103", "00104"}
        yamada_calc = next(r for r in calc if r["氏名"] == "山田 花子")
        assert yamada_calc["書き出し日時"] == datetime(2026, 11, 25, 9, 0) and yamada_calc["完了数"] == 6 and yamada_calc["基準日"] == datetime(2026, 11, 27)
        detail_csv = download(page, lambda: page.get_by_role("button", name="明細をCSVで書き出す(Excel用・1モジュール1行)").click())
        detail = excel_rows(detail_csv)
        assert len([r for r in detail if r[1] == "佐藤 一郎"]) == len(MODULES)
        check_calc_types(detail_csv, ids=("職員番号",), times=("完了日時", "更新日時", "書き出し日時"), dates=("期限", "基準日"),
                         numbers=("学習の完了数", "学習の対象数", "実践の完了数(自己申告)", "実践の対象数", "理解度チェックの点", "理解度チェックの満点"))
        rates_csv = download(page, lambda: page.get_by_role("button", name="完了率をCSVで書き出す(Excel用)").click())
        rates = excel_rows(rates_csv)
        assert rates[1] == ["全体", "名簿の全員", "4", "1", "1", "0", "2", "25", "2026/11/27"]
        check_calc_types(rates_csv, dates=("基準日",), numbers=("人数", "完了", "未完了", "期限超過", "未提出", "完了率(%)"))
        expect(page.locator("[data-role=rates-feedback]")).to_contain_text("書き出しました")
        # Filtered, the total row says who it counts.
        page.get_by_label("所属", exact=True).select_option("デジタル推進課")
        rates = excel_rows(download(page, lambda: page.get_by_role("button", name="完了率をCSVで書き出す(Excel用)").click()))
        assert rates[1][:3] == ["全体", "絞り込んだ人(所属 デジタル推進課)", "2"]
        page.get_by_label("所属", exact=True).select_option("")
        files_csv = download(page, lambda: page.get_by_role("button", name="ファイルの一覧をCSVで書き出す(Excel用)").click())
        listed = check_calc_types(files_csv, ids=("職員番号",), times=("書き出し日時",))
        assert {r["職員番号"] for r in listed} == {"00101", "00102", "00130", None}
        template_calc = check_calc_types(download(page, lambda: page.get_by_role("button", name="名簿のひな形をダウンロードする(CSV)").click()))
        assert template_calc == []

        # The same roster saved as 「CSV UTF-8」 gives the same report.
        page.get_by_label("職員名簿のファイル(CSV)").set_input_files(bom)
        expect(feedback).to_contain_text("4 人を読み込みました(UTF-8")
        expect(page.locator("[data-role=roster-problems] li")).to_have_count(0)
        expect(headline).to_contain_text("名簿 4 人のうち、提出 2 人、未提出 2 人。名簿にない記録 2 人。名簿で先頭の0が消えていた職員番号 1 人分も照合しました。")
        expect(headline).to_contain_text("(完了率 25%)")
        # And the report's own CSV, used as a roster, reads its ="00101" ids back.
        roster_again = tmp_path / "修了集計を名簿に.csv"
        roster_again.write_bytes(people_csv)
        page.get_by_label("職員名簿のファイル(CSV)").set_input_files(roster_again)
        # Five people: the version 1 record's row has no 職員番号 and is refused with its line.
        expect(feedback).to_contain_text("5 人を読み込みました(UTF-8")
        expect(page.locator("[data-role=roster-problems]")).to_contain_text("職員番号がありません")
        assert "00101" in matrix(page)["山田 花子"]["職員番号"]
        guard.assert_clean()
    finally:
        context.close()


def role_codes(page, due: str) -> dict[str, str]:
    """Assignment codes for every role's modules, made by the site's own encoder."""
    return page.evaluate(
        """(due) => {
          const c = JSON.parse(document.querySelector("[data-module=aggregate]").getAttribute("data-catalog"));
          const number = Object.fromEntries(c.modules.map((m) => [m.id, m.number]));
          return Object.fromEntries(c.roles.map((r) => [r.id, DX.curriculum.encode(r.modules.map((id) => number[id]), due)]));
        }""",
        due,
    )


def catalog(page) -> dict:
    """The course's roles (their modules) and module titles, as the aggregation page has them:
    the tests follow a course whose roles or modules differ (a customised copy)."""
    return page.evaluate(
        """() => {
          const c = JSON.parse(document.querySelector("[data-module=aggregate]").getAttribute("data-catalog"));
          return {roles: Object.fromEntries(c.roles.map((r) => [r.id, r.modules])),
                  title: Object.fromEntries(c.modules.map((m) => [m.id, m.title]))};
        }"""
    )


def module_columns(page, title: dict[str, str]) -> list[str]:
    """The module ids of the table's module columns (headed M1…, then the title), in order."""
    by_title = {t: m for m, t in title.items()}
    heads = page.locator("[data-role=people] thead th").all_inner_texts()
    return [by_title[h.strip().split(None, 1)[1]] for h in heads if re.match(r"M\d+\s", h.strip())]


def scoped_record(staff_id, name, section, role, code, due, modules, done=()):
    rec = record(staff_id, name, section, role, {m: "2026-11-20T01:00:00.000Z" for m in done}, exported="2026-11-21T00:00:00.000Z", modules=modules)
    rec["assignments"] = [{"code": code, "name": "", "section": "", "due": due, "modules": modules}]
    return rec


@ON_THE_BUNDLE
def test_two_assignments_scope_the_report_and_filter_by_assignment(browser, site, guard, tmp_path, axe):
    context = browser.new_context(locale="ja-JP", viewport={"width": 1366, "height": 768}, accept_downloads=True)
    guard.attach(context)
    page = context.new_page()
    try:
        page.goto(site.url(AGGREGATE))
        page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
        codes = role_codes(page, "2026-12-01")
        course = catalog(page)
        manager, all_staff = course["roles"]["manager"], course["roles"]["all-staff"]
        assert len(manager) > 2 and len(all_staff) >= 2
        # Mixed roles; one manager has submitted (2 of theirs done), one 全職員 has submitted all.
        roster = tmp_path / "名簿.csv"
        roster.write_bytes(roster_csv([
            ("職員番号", "氏名", "所属", "役割"),
            ("01001", "管理 一郎", "総務課", "管理職"),
            ("01002", "管理 二郎", "福祉課", "管理職"),
            ("01003", "人事 花子", "職員課", "人事担当"),
            ("01004", "全員 太郎", "福祉課", "全職員"),
            ("01005", "全員 次郎", "総務課", "全職員"),
        ], "utf-8-sig"))
        records = [
            write(tmp_path / "r", "m1.json", scoped_record("01001", "管理 一郎", "総務課", "manager", codes["manager"], "2026-12-01", manager, done=manager[:2])),
            write(tmp_path / "r", "a1.json", scoped_record("01004", "全員 太郎", "福祉課", "all-staff", codes["all-staff"], "2026-12-01", all_staff, done=all_staff)),
        ]
        page.get_by_label("職員名簿のファイル(CSV)").set_input_files(roster)
        page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files(records)
        status = page.locator(".dx-aggregate [data-role=status]")
        expect(status).to_contain_text("2 ファイルのうち 2 ファイルを集計に入れました")
        columns = module_columns(page, course["title"])
        assert set(columns) == set(manager) | set(all_staff)
        # Before HR says who got what: 人事 花子 is 未提出 in every column.
        assert [state_of(v) for k, v in matrix(page)["人事 花子"].items() if re.fullmatch(r"M\d+", k)] == ["未提出"] * len(columns)

        # HR adds both assignments: 全職員 to everyone on the roster, 管理職 to the role.
        page.get_by_label("受講指示のコード").fill(codes["all-staff"].lower())
        page.get_by_label("指示名(任意)").fill("全職員研修")
        page.get_by_role("button", name="受講指示を追加する").click()
        assignment_feedback = page.locator("[data-role=assignment-feedback]")
        expect(assignment_feedback).to_contain_text(f"受講指示 {codes['all-staff']} を追加しました(対象: 名簿の全員、{len(all_staff)}モジュール)")
        page.get_by_label("受講指示のコード").fill(codes["manager"])
        page.get_by_label("名簿の役割で選ぶ(下の役割から)").check()
        page.get_by_role("button", name="受講指示を追加する").click()
        expect(assignment_feedback).to_contain_text("対象の役割を一つ以上選んでください")
        expect(page.get_by_label("首長・幹部", exact=True)).to_be_focused()
        page.get_by_label("名簿の全員").check()
        page.get_by_label("管理職", exact=True).check()  # a role ticked: 「役割で選ぶ」 goes with it
        expect(page.get_by_label("名簿の役割で選ぶ(下の役割から)")).to_be_checked()
        page.get_by_role("button", name="受講指示を追加する").click()
        expect(assignment_feedback).to_contain_text(f"受講指示 {codes['manager']} を追加しました(対象: 管理職、{len(manager)}モジュール)")
        expect(page.locator("[data-role=assignments] li")).to_have_count(2)
        expect(page.locator("[data-role=scope-note]")).to_contain_text("受講指示 2 件の対象に沿って")

        rows = matrix(page)
        mods = lambda name: [state_of(v) for k, v in rows[name].items() if re.fullmatch(r"M\d+", k)]  # noqa: E731
        def expected(assigned: list[str], done: list[str], others: str = "対象外") -> list[str]:
            return ["完了" if m in done else ("未完了" if m in assigned else others) for m in columns]

        assert mods("人事 花子") == ["未提出" if m in all_staff else "対象外" for m in columns]
        assert rows["人事 花子"]["完了/対象"] == f"—/{len(all_staff)}"
        assert mods("管理 一郎") == expected(manager, manager[:2])
        assert rows["管理 一郎"]["完了/対象"] == f"2/{len(manager)}"
        assert mods("全員 太郎") == expected(all_staff, all_staff)
        assert rows["全員 太郎"]["状態"] == "完了"
        # Denominators per module: 管理職-only modules count the two managers, 全職員's all five.
        module_rates = {r.locator("th").inner_text(): r.locator("td").all_inner_texts() for r in page.locator("[data-kind=モジュール] tbody tr").all()}
        manager_only = next(m for m in manager[:2] if m not in all_staff)
        assert module_rates[course["title"][manager_only]] == ["2", "1", "0", "0", "1", "50%"]
        # A 全職員 module counts all five; the managers' record has it done only if among their two.
        both = all_staff[0]
        by_manager = both in manager[:2]
        rate_row = ["5", "2", "0", "0", "3", "40%"] if by_manager else ["5", "1", "1", "0", "3", "20%"]
        assert module_rates[course["title"][both]] == rate_row
        expect(page.locator("[data-rate='役割:人事担当'] td")).to_have_text(["1", "0", "0", "0", "1", "0%"])

        # Filter by assignment: its people and modules only.
        page.get_by_label("受講指示", exact=True).select_option(codes["manager"])
        expect(page.locator("[data-role=people] tbody tr")).to_have_count(2)
        expect(page.locator("[data-role=people] thead th")).to_have_count(4 + len(manager) + 5)
        page.get_by_label("受講指示", exact=True).select_option(codes["all-staff"])
        expect(page.locator("[data-role=people] tbody tr")).to_have_count(5)
        expect(page.locator("[data-role=people] thead th")).to_have_count(4 + len(all_staff) + 5)
        assert matrix(page)["管理 一郎"]["完了/対象"] == "0/2" and matrix(page)["管理 一郎"]["状態"] == "未完了"
        expect(page.locator("[data-role=headline]")).to_contain_text("(絞り込み後): 完了 1 人、未完了 1 人、期限超過 0 人、未提出 3 人(完了率 20%)")
        people = excel_rows(download(page, lambda: page.get_by_role("button", name="表をCSVで書き出す(Excel用)").click()))
        assert people[0][10:] == [course["title"][m] for m in columns if m in all_staff] + ["基準日"]
        rates = excel_rows(download(page, lambda: page.get_by_role("button", name="完了率をCSVで書き出す(Excel用)").click()))
        assert rates[1][:3] == ["全体", f"絞り込んだ人(受講指示 {codes['all-staff']}(全職員研修))", "5"]
        page.get_by_label("受講指示", exact=True).select_option("")

        # Sorting: by 状態, then the other way; aria-sort says which.
        header = page.locator("[data-role=people] thead th:has(button[data-sort=state])")
        page.get_by_role("button", name="状態", exact=True).click()
        expect(header).to_have_attribute("aria-sort", "ascending")
        expect(page.get_by_role("button", name="状態", exact=True)).to_be_focused()
        states = [r["状態"] for r in matrix(page).values()]
        assert states == ["不明", "不明", "不明", "未完了", "完了"]
        page.get_by_role("button", name="状態", exact=True).click()
        expect(header).to_have_attribute("aria-sort", "descending")
        assert [r["状態"] for r in matrix(page).values()] == ["完了", "未完了", "不明", "不明", "不明"]
        expect(page.locator("[data-role=people] th[aria-sort]")).to_have_count(1)
        expect(page.locator("[data-role=filter-feedback]")).to_contain_text("「状態」の降順に並べ替えました")
        assert_axe_clean(axe, page, guard)

        # Removing an assignment widens nothing it should not: 管理職 only left.
        page.get_by_role("button", name=f"{codes['all-staff']} を外す").click()
        expect(page.locator("[data-role=assignments] li")).to_have_count(1)
        expect(page.locator("[data-role=scope-note]")).to_contain_text("どの受講指示の対象でもない 2 人は完了率に数えません")
        assert matrix(page)["人事 花子"]["状態"] == "対象なし"
        guard.assert_clean()
    finally:
        context.close()


@ON_THE_BUNDLE
def test_the_roster_column_gives_each_person_their_assignment(page, site, guard, tmp_path):
    page.goto(site.url(AGGREGATE))
    page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
    codes = role_codes(page, "2026-12-01")
    roster = tmp_path / "名簿.csv"
    roster.write_bytes(roster_csv([
        ("職員番号", "氏名", "所属", "受講指示コード"),
        ("02001", "甲", "総務課", codes["hr"]),
        ("02002", "乙", "総務課", f"{codes['hr']}、{codes['all-staff']}"),
        ("02003", "丙", "総務課", ""),
    ], "cp932"))
    page.get_by_label("職員名簿のファイル(CSV)").set_input_files(roster)
    expect(page.locator("[data-role=roster-feedback]")).to_contain_text("受講指示コードの列から 2 人の受講指示を読みました")
    rows = matrix(page)
    assert [rows[n]["完了/対象"] for n in ("甲", "乙", "丙")] == ["—/3", "—/5", "—"]
    assert rows["丙"]["状態"] == "対象なし"
    options = page.get_by_label("受講指示", exact=True).locator("option").all_inner_texts()
    assert options[0] == "すべての受講指示" and len(options) == 3
    assert all("名簿の受講指示コードの列" in o for o in options[1:])
    guard.assert_clean()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_the_matrix_reads_at_1366_and_on_a_phone(browser, site, guard, tmp_path, axe):
    """Ten modules visible without sideways scrolling at 1366 px; header row and caption stay
    in view; the scroll hint shows when the table is wider than its box. Screenshots saved."""
    shots = Path(os.environ.get("DX_SCREENSHOTS", tmp_path))
    shots.mkdir(parents=True, exist_ok=True)
    every = ["why-us-first", "beyond-tools", "dx-basics-continuous", "observe-first", "vision-from-ureshii", "rethink-rpa-ai-ocr",
             "priorities-and-plan", "people-and-careers", "outside-help", "measure-and-adapt"]
    folder = tmp_path / "records"
    for i in range(1, 41):
        rec = record(f"{i:05d}", f"職員 {i:05d}", f"課{i % 4:02d}", "manager", {m: "2026-11-20T01:00:00.000Z" for m in every[: i % 11]}, modules=every,
                     due="2026-11-25" if i % 3 == 0 else "2026-12-01")
        write(folder, f"r{i:05d}.json", rec)
    for width, height in ((1366, 768), (390, 844)):
        context = browser.new_context(locale="ja-JP", viewport={"width": width, "height": height}, accept_downloads=True)
        guard.attach(context)
        page = context.new_page()
        try:
            page.goto(site.url(AGGREGATE))
            page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
            page.get_by_label("修了記録を集めたフォルダー").set_input_files(folder)
            expect(page.locator(".dx-aggregate [data-role=status]")).to_contain_text("いま 40 人分の集計です")
            region = page.locator(".dx-aggregate__scroll")
            heads = page.locator("[data-role=people] thead th")
            expect(heads).to_have_count(4 + 10 + 5)
            box = region.bounding_box()
            last_module = heads.nth(4 + 9).bounding_box()
            caption = page.locator("[data-role=caption]")
            hint = page.locator("[data-role=scroll-hint]")
            if width == 1366:
                assert last_module["x"] + last_module["width"] <= box["x"] + box["width"], "every module's status is in view without scrolling"
                assert page.locator(".dx-aggregate__legend").is_visible()
            # Scrolled down inside the table, the header row is still at the top of the box.
            region.evaluate("e => { e.scrollTop = 400; }")
            page.wait_for_timeout(100)
            head_box = heads.first.bounding_box()
            assert abs(head_box["y"] - box["y"]) < 3, (head_box, box)
            region.evaluate("e => { e.scrollTop = 0; }")
            # Wider than its box (always on a phone): the hint is visible, and the page itself does not scroll sideways.
            wider = region.evaluate("e => e.scrollWidth > e.clientWidth + 1")
            assert hint.is_visible() == wider
            if width == 390:
                assert wider
            assert page.evaluate("() => document.documentElement.scrollWidth") <= width
            caption.scroll_into_view_if_needed()
            expect(caption).to_contain_text("職員×モジュールの状態")
            page.locator("#dx-aggregate-table-title").scroll_into_view_if_needed()
            page.screenshot(path=str(shots / f"report-{width}x{height}.png"))
            page.screenshot(path=str(shots / f"report-{width}x{height}-full.png"), full_page=True)
            assert_axe_clean(axe, page, guard)
        finally:
            context.close()


def city_records(folder: Path, first: int, last: int, **kw) -> list[Path]:
    return [
        write(folder, f"r{i:05d}.json", record(f"{i:05d}", f"職員 {i:05d}", f"課{i % 10:02d}", "all-staff",
                                               {MODULES[i % 3]: "2026-11-20T01:00:00.000Z"}, exported="2026-11-21T00:00:00.000Z", **kw))
        for i in range(first, last + 1)
    ]


@ON_THE_BUNDLE
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
    expect(page.locator("[data-role=caption]")).to_contain_text(f"{read} 人")

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
    assert {r["所属"] for r in matrix(page).values()} == {"課03"}
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
    parts = ("aggregate-read.js", "aggregate-roster.js", "aggregate-merge.js", "aggregate-model.js", "aggregate-engine.js")
    page.on("request", lambda request: any(f"/{p}" in request.url for p in parts) and engines.append(request.url))
    one = write(tmp_path / "one", "sato.json", record("00102", "佐藤 一郎", "デジタル推進課", "dx-lead", {"why-us-first": "2026-11-21T03:00:00.000Z"}))
    page.goto(site.url(AGGREGATE))
    page.wait_for_load_state("load")
    assert engines == [] and page.evaluate("typeof DX.aggregate") == "undefined"
    assert page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").input_value() != ""
    page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").fill(AS_OF)
    page.get_by_label("修了記録のファイル(JSON、複数選べます)").set_input_files([one])
    status = page.locator(".dx-aggregate [data-role=status]")
    expect(status).to_contain_text("1 ファイルのうち 1 ファイルを集計に入れました")
    # The engine's five parts, each once, in load order, each with its version.
    assert [next(p for p in parts if f"/{p}" in url) for url in engines] == list(parts)
    assert all(re.search(r"\?v=[0-9a-f]{10}$", url) for url in engines)
    # The date chosen before the engine came is the one the report uses.
    assert page.get_by_label("基準日(この日を過ぎた未完了を「期限超過」とします)").input_value() == AS_OF
    guard.assert_clean()


@pytest.mark.parametrize("site", ["served"], indirect=True)
def test_the_other_csvs_open_in_calc_with_ids_as_text_and_real_dates(page, site, guard):
    """The assignment CSV, the learner's record CSV and the progress CSV, opened as Excel would
    (LibreOffice Calc): 職員番号 text with its zeros, dates and times date-times, counts numbers."""
    page.goto(site.url("curriculum/assign.md"))
    page.get_by_label("指示名 *").fill("令和8年度 事前学習")
    page.get_by_label("発行する所属 *").fill("総務部 職員課")
    page.get_by_label("期限 *").fill("2027-01-29")
    page.locator("#dx-assign-module-people-and-careers").check()
    page.locator("#dx-assign-module-measure-and-adapt").check()
    page.get_by_role("button", name="受講指示をつくる").click()
    code = page.locator("[data-role=code]").inner_text().strip()
    expect(page.locator(".dx-sheet__sign")).to_contain_text("職員番号:")  # a blank for it on the A4 sheet
    assign = check_calc_types(download(page, lambda: page.get_by_role("button", name="CSVを書き出す(Excel用)").click()),
                              times=("発行日時",), dates=("期限",), numbers=("順", "モジュール番号", "目安(分)"))
    assert [r["期限"] for r in assign] == [datetime(2027, 1, 29)] * 2 and [r["順"] for r in assign] == [1, 2]

    page.goto(site.url("curriculum/my-learning.md"))
    page.get_by_label("受講指示のコード").fill(code)
    page.get_by_role("button", name="コードで開く").click()
    page.get_by_label("職員番号 *").fill("00123")
    page.get_by_label("氏名 *").fill("山田 花子")
    page.get_by_label("所属 *").fill("総務部 職員課")
    learner = download(page, lambda: page.get_by_role("button", name="修了記録を書き出す(CSV・Excel用)").click())
    rows = check_calc_types(learner, ids=("職員番号",), dates=("期限",), times=("完了日時", "最終更新日時", "書き出し日時"),
                            numbers=("学習完了数", "学習対象数", "実践完了数(自己申告)", "実践対象数"))
    assert [r["職員番号"] for r in rows] == ["00123", "00123"]
    assert rows[0]["期限"] == datetime(2027, 1, 29) and isinstance(rows[0]["書き出し日時"], datetime)

    page.goto(site.url("progress.md"))
    progress = check_calc_types(download(page, lambda: page.get_by_role("button", name="一覧を書き出す(CSV・Excel用)").click()),
                                times=("更新日時",), numbers=("完了数", "対象数"))
    staff = [r for r in progress if r["キー"] == "profile/staff-id"]
    assert [r["状態"] for r in staff] == ["00123"]  # text, zeros kept, wherever the row is filed
    guard.assert_clean()


def test_an_assignment_added_first_loads_the_engine_and_is_kept(page, site, guard):
    # The first action on the page may be 「受講指示を追加する」: the engine comes, then handles that click.
    page.goto(site.url(AGGREGATE))
    page.wait_for_load_state("load")
    assert page.evaluate("typeof DX.aggregate") == "undefined"
    code = role_codes(page, "2026-12-01")["hr"]
    page.get_by_label("受講指示のコード").fill("")
    page.get_by_role("button", name="受講指示を追加する").click()
    feedback = page.locator("[data-role=assignment-feedback]")
    expect(feedback).to_contain_text("コードを入力してください")
    expect(page.get_by_label("受講指示のコード")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("受講指示のコード").fill(code)
    page.get_by_role("button", name="受講指示を追加する").click()
    expect(feedback).to_contain_text(f"受講指示 {code} を追加しました(対象: 名簿の全員、3モジュール)")
    expect(page.get_by_label("受講指示のコード")).not_to_have_attribute("aria-invalid", "true")
    page.get_by_label("受講指示のコード").fill(code)
    page.get_by_role("button", name="受講指示を追加する").click()
    expect(feedback).to_contain_text("もう追加してあります")
    expect(page.locator("[data-role=assignments] li")).to_have_count(1)
    guard.assert_clean()
