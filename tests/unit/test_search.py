"""Search, Python side: normalisation, query terms, sections from HTML, the index script."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from dxcourse.sitesearch.extract import Section, split_sections
from dxcourse.sitesearch.index import GLOBAL_NAME, IndexedPage, index_data, index_script
from dxcourse.sitesearch.kinds import page_kind
from dxcourse.sitesearch.normalize import normalize, normalize_unit, query_terms, units
from dxcourse.sitesearch.quality import StaffQuery, distinct, hit_rate, markdown_path, tagged

ROOT_DIR = Path(__file__).parents[2]
CASES = yaml.safe_load((Path(__file__).parents[1] / "search_normalize_cases.yml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[repr(c[0]) for c in CASES])
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_normalize_by_table_agrees_with_unit_by_unit():
    # normalize() takes a str.translate shortcut for text without joining marks: it must give
    # what the unit-by-unit rule (the one search.js mirrors) gives, before and after a text
    # with marks has been seen.
    texts = [text for text, _ in CASES] + ["ｶﾞｲﾄﾞﾗｲﾝ・ＡＩ－ＯＣＲ サーバー", "か\u3099ん e\u0301"]
    for text in texts + texts:
        assert normalize(text) == "".join(normalize_unit(unit) for _, unit in units(text)), text


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("健康保険", ["健康保険"]),
        ("ＲＰＡ　導入", ["rpa", "導入"]),  # full-width space separates terms
        ("  DX   推進 ", ["dx", "推進"]),
        ("ー", []),  # nothing left to search for
        ("", []),
    ],
)
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_sections_split_at_h2_and_h3_with_their_anchors():
    html = """
    <h1 id="t">標準化<a class="headerlink" href="#t">¶</a></h1>
    <p>はじめの段落</p>
    <h2 id="対象業務">対象業務<a class="headerlink" href="#対象業務">¶</a></h2>
    <p>住民基本台帳など</p>
    <h3 id="国保">国民健康保険</h3>
    <p>本文</p>
    <h4 id="deep">細目</h4>
    <p>細目の本文</p>
    """
    assert split_sections(html) == [
        Section("", "標準化", "はじめの段落"),
        Section("対象業務", "対象業務", "住民基本台帳など"),
        Section("国保", "国民健康保険", "本文 細目 細目の本文"),
    ]


def test_section_text_joins_japanese_source_lines_but_keeps_blocks_apart():
    html = "<h2 id=a>見出し</h2><p>一行目の\n  つづき</p><ul><li>項目</li><li>次</li></ul><p>RPA\nを使う</p>"
    (section,) = split_sections(html)
    assert section.text == "一行目のつづき 項目 次 RPA を使う"


def test_section_text_leaves_out_scripts_permalinks_and_marked_parts():
    html = (
        '<h2 id="a">見出し<a class="headerlink" href="#a">¶</a></h2><p>本文<script>var x = "秘密";</script></p>'
        '<div data-search-exclude><p>除外</p></div><svg aria-hidden="true"><text>飾り</text></svg><p>&lt;残る&gt;</p>'
    )
    (section,) = split_sections(html)
    assert section.text == "本文 <残る>"


def test_index_holds_text_and_its_normalised_form():
    page = IndexedPage("faq/rpa/", "ＲＰＡをやめる？", [Section("", "ＲＰＡをやめる？", "チェンジマネージメント")])
    data = index_data([page])
    assert data["pages"] == [["faq/rpa/", "ＲＰＡをやめる？", "rpaをやめる?", "", "", ""]]
    assert data["sections"] == [[0, "", "ＲＰＡをやめる？", "チェンジマネージメント", "rpaをやめる?", "チェンジマネジメント"]]


def test_index_script_assigns_one_global_with_the_text_intact():
    script = index_script([IndexedPage("x/", "</script>", [Section("", "a", '"b"')])])
    prefix = f"window.{GLOBAL_NAME}="
    assert script.startswith(prefix) and script.endswith(";\n")
    assert json.loads(script[len(prefix) : -2])["pages"][0][1] == "</script>"


def test_a_term_with_an_anchor_is_a_section_and_excluded_parts_are_left_out():
    html = (
        '<h1>用語集</h1><p>説明</p><dl><dt id="pmo">PMO</dt><dd><p>調整の役割</p>'
        '<p data-search-exclude>関連するページ: 先に組織をつくってしまいました</p></dd>'
        "<dt>番号なし</dt><dd>同じ節</dd></dl>"
    )
    assert split_sections(html) == [
        Section("", "用語集", "説明"),
        Section("pmo", "PMO", "調整の役割 番号なし 同じ節"),
    ]


@pytest.mark.parametrize(
    ("location", "page"),
    [
        ("", "index.md"),
        ("index.html#a", "index.md"),
        ("faq/rpa-now/#結論", "faq/rpa-now.md"),
        ("faq/rpa-now.html", "faq/rpa-now.md"),
        ("faq/", "faq/index.md"),
        ("faq/index.html#faq-step-1", "faq/index.md"),
    ],
)
def test_result_locations_map_back_to_their_markdown_pages(location, page):
    assert markdown_path(location, Path(__file__).parents[2] / "docs") == page


def test_hit_rate_counts_a_query_once_when_any_expected_page_is_in_the_first_k():
    queries = [StaffQuery("a", ("x.md", "y.md")), StaffQuery("b", ("z.md",))]
    ranked = [["w.md", "y.md", "x.md"], ["z.md"]]
    assert hit_rate(queries, ranked, 1) == 0.5
    assert hit_rate(queries, ranked, 2) == 1.0
    assert distinct(["a", "b", "a"]) == ["a", "b"]


def test_what_a_reader_without_javascript_never_sees_is_not_indexed():
    html = """<h2 id="t">質問に答える<span class="dx-visually-hidden">:見えない題</span></h2>
    <p>本文</p><div class="dx-js-only" hidden><a>前の問いに戻る</a></div>
    <p hidden>答えを一つ選んでください。</p><textarea>入力欄</textarea><select><option>選択肢</option></select>"""
    assert split_sections(html) == [Section("t", "質問に答える", "本文")]


@pytest.mark.parametrize(
    ("src", "kind"),
    [
        ("index.md", "トップ"),
        ("steps/step-1.md", "ステップ"),
        ("faq/index.md", "よくある質問"),
        ("faq/rpa-now.md", "よくある質問"),
        ("decisions/rpa-now.md", "判断ツリー"),
        ("curriculum/modules/x.md", "研修"),
        ("curriculum/my-learning.md", "研修"),
        ("curriculum/assign.md", "人事部門向け"),
        ("curriculum/aggregate.md", "人事部門向け"),
        ("hr.md", "人事部門向け"),
        ("worksheets/vision-workshop.md", "ワークシート"),
        ("glossary.md", "用語集"),
        ("new-page.md", "ページ"),
    ],
)
def test_each_page_has_a_kind_for_its_results(src, kind):
    assert page_kind(src) == kind


def test_normalisation_in_the_browser_script_matches_python():
    # engine/dxcourse/assets/search-engine.js, run by Node (its pure functions need no browser).
    script = (
        "const e = require('./engine/dxcourse/assets/search-engine.js');"
        "let t = ''; process.stdin.on('data', d => t += d);"
        "process.stdin.on('end', () => console.log(JSON.stringify(JSON.parse(t).map(c => e.normalize(c[0])))));"
    )
    node = shutil.which("node")
    assert node, "node not found: ./dev test installs it"
    result = subprocess.run(
        [node, "-e", script], cwd=ROOT_DIR, input=json.dumps(CASES), capture_output=True, text=True, check=True
    )
    got = json.loads(result.stdout)
    assert list(zip([c[0] for c in CASES], got)) == [(text, expected) for text, expected in CASES]


def test_page_keywords_are_kept_as_written_and_normalised_apart():
    page = IndexedPage("progress/", "わたしの進捗", [Section("", "わたしの進捗", "本文")], "わたしの進捗", ("バックアップ", "ＣＳＶ"))
    assert index_data([page])["pages"][0][4:] == ["バックアップ\nＣＳＶ", "バックアップ\ncsv"]


def test_tagged_queries_are_grouped_with_their_rankings():
    queries = [StaffQuery("a", ("x.md",), "kana"), StaffQuery("b", ("y.md",)), StaffQuery("c", ("z.md",), "kana")]
    ranked = [["x.md"], ["y.md"], ["w.md"]]
    groups = tagged(queries, ranked)
    assert list(groups) == ["kana"]
    assert groups["kana"] == ([queries[0], queries[2]], [["x.md"], ["w.md"]])
    assert hit_rate(*groups["kana"], 5) == 0.5


def test_a_page_converted_again_reuses_its_sections_and_keeps_each_build_s_title():
    from types import SimpleNamespace

    from dxcourse.build import search_index

    def page(title):
        return SimpleNamespace(meta={}, title=title, url="faq/x/", file=SimpleNamespace(src_uri="faq/x.md"))

    html = "<p>前置き</p><h2 id=\"a\">見出し</h2><p>本文</p>"
    search_index.on_pre_build(None)
    search_index.on_page_content(html, page("題名1"), None, None)
    first = search_index._pages["faq/x.md"].sections
    search_index.on_pre_build(None)  # serve's next build: the same HTML, another title
    search_index.on_page_content(html, page("題名2"), None, None)
    second = search_index._pages["faq/x.md"].sections
    assert [s.heading for s in first] == ["題名1", "見出し"]
    assert [s.heading for s in second] == ["題名2", "見出し"]
    assert second[1] is first[1]  # not extracted again
    search_index.on_page_content(html.replace("本文", "新しい本文"), page("題名2"), None, None)
    assert search_index._pages["faq/x.md"].sections[1].text == "新しい本文"
