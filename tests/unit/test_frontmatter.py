"""Front matter of pages and FAQ entries: every mistake at once, as ``docs/FILE.md:LINE: message``.

Lines are counted in the Markdown file: the YAML starts on line 2, after the opening ``---``.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.diagnostics import SourceErrors
from dxcourse.pages import format_reviewed, split_front_matter, wareki_year

STEPS = """
steps:
  - id: step-0
    number: 0
    title: 認識共有
    summary: 共有します。
    covered: true
    page: steps/step-0.md
  - id: step-1
    number: 1
    title: 全体方針
    summary: 決めます。
    covered: true
"""

GLOSSARY = """
terms:
  - id: rpa
    term: RPA
    definition: 定型操作を代行させる仕組み。
"""

SECTIONS = "\n## 結論\n\nはい。\n\n## 理由\n\nです。\n\n## 進め方\n\n1. 進めます。\n\n## 関連\n\nなし。\n"

GOOD_ENTRY = """---
title: 今、RPAを進めるべきですか
question: 今RPAを進めるべきか
asked: false
step: step-0
order: 1
tags: [ステップ0, RPA]
last_reviewed: 2026-11-26
source: article
---
""" + SECTIONS

PLAIN_PAGE = "---\ntitle: トップ\nlast_reviewed: 2026-11-26\n---\n\n# トップ\n"


def project(tmp_path: Path, pages: dict[str, str], data: dict[str, str] | None = None) -> Path:
    data = {"steps.yml": STEPS, "glossary.yml": GLOSSARY, **(data or {})}
    for name, text in data.items():
        path = tmp_path / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    for name, text in {"index.md": PLAIN_PAGE, "steps/step-0.md": PLAIN_PAGE, **pages}.items():
        path = tmp_path / "docs" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def errors_of(root: Path) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load_sources(root, root / "docs")
    return [str(e) for e in caught.value.errors]


def entry(**changes: str | None) -> str:
    """GOOD_ENTRY with some front-matter lines replaced (value None: line removed)."""
    lines = GOOD_ENTRY.split("\n")
    for key, value in changes.items():
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        if value is None:
            del lines[index]
        else:
            lines[index] = f"{key}: {value}"
    return "\n".join(lines)


def test_good_sources_load(tmp_path):
    root = project(tmp_path, {"faq/rpa-now.md": GOOD_ENTRY, "faq/index.md": PLAIN_PAGE})
    data, pages, faq = load_sources(root, root / "docs")
    (item,) = faq.entries
    assert item.src_uri == "faq/rpa-now.md"
    assert item.meta.topics == ["RPA"]
    assert item.meta.last_reviewed == dt.date(2026, 11, 26)
    assert pages["index.md"].meta.title == "トップ"


def test_page_without_last_reviewed(tmp_path):
    root = project(tmp_path, {"about.md": "---\ntitle: このサイトについて\n---\n\n# このサイトについて\n"})
    assert errors_of(root) == ["docs/about.md:2: 必須の項目 'last_reviewed' がありません。「last_reviewed: …」を書き足してください。"]


def test_page_without_front_matter(tmp_path):
    root = project(tmp_path, {"about.md": "# このサイトについて\n"})
    assert errors_of(root) == ["docs/about.md:1: front matter がありません。ファイルの先頭に「---」「title: …」「last_reviewed: 2026-11-27」「---」の4行を書いてください。"]


def test_date_that_is_not_a_date(tmp_path):
    root = project(tmp_path, {"about.md": "---\ntitle: x\nlast_reviewed: 2026/11/26\n---\n"})
    (message,) = errors_of(root)
    assert message.startswith("docs/about.md:3: last_reviewed: 日付を 2026-11-27 の形(年-月-日)で")


def test_impossible_date(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(last_reviewed="2026-13-01")})
    (message,) = errors_of(root)
    assert message.startswith("docs/faq/x.md:8: last_reviewed: 日付を 2026-11-27 の形(年-月-日)で、ありうる日付で")


def test_misspelt_key_on_a_page(tmp_path):
    root = project(tmp_path, {"about.md": "---\ntitle: x\nlast_reviewd: 2026-11-26\n---\n"})
    assert errors_of(root) == [
        "docs/about.md:2: 必須の項目 'last_reviewed' がありません。「last_reviewed: …」を書き足してください。",
        "docs/about.md:3: last_reviewd: この項目は使えません(もしかして: last_reviewed)。綴りを確かめるか、消してください。",
    ]


def test_entry_missing_question(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(question=None)})
    assert errors_of(root) == ["docs/faq/x.md:2: 必須の項目 'question' がありません。「question: …」を書き足してください。"]


def test_entry_with_unknown_step(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(step="step-9")})
    assert errors_of(root) == ["docs/faq/x.md:5: step: ステップ 'step-9' はありません(もしかして: step-1)。綴りを確かめるか、先にそれを作ってください。"]


def test_entry_tags_must_name_its_step(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(tags="[RPA, 標準化]")})
    assert errors_of(root) == ["docs/faq/x.md:7: tags: ステップのタグ 'ステップ0' を tags に入れてください。"]


def test_entry_tags_must_not_name_another_step(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(tags="[ステップ0, ステップ1, RPA]")})
    assert errors_of(root) == ["docs/faq/x.md:7: tags: step と違うステップのタグがあります: ステップ1。step に合わせて直してください。"]


def test_entry_needs_a_topic(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(tags="[ステップ0]")})
    (message,) = errors_of(root)
    assert message.startswith("docs/faq/x.md:7: tags: 少なくとも2つ書いてください。")


def test_entry_question_too_long(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(question="あ" * 61)})
    (message,) = errors_of(root)
    assert message.startswith("docs/faq/x.md:3: question: 長すぎます。60文字以内にしてください。")


def test_entry_yaml_syntax_error_is_counted_in_the_file(tmp_path):
    root = project(tmp_path, {"faq/x.md": entry(tags="[ステップ0, RPA")})
    (message,) = errors_of(root)
    assert message.startswith("docs/faq/x.md:8: YAMLの書き方の誤り: [ ] のリストが閉じていないか")


MISSING_REASON = "見出し「## 理由」がありません。「## 結論」の節の後に書いてください(結論・理由・進め方・関連の順)。"


def line_of_heading(text: str, heading: str) -> int:
    return text.split("\n").index(heading) + 1


def test_entry_missing_section(tmp_path):
    text = GOOD_ENTRY.replace("## 理由\n\nです。\n\n", "")
    root = project(tmp_path, {"faq/x.md": text})
    # Reported where it belongs: after 結論's section, at the heading that follows it.
    assert errors_of(root) == [f"docs/faq/x.md:{line_of_heading(text, '## 進め方')}: " + MISSING_REASON]


def test_entry_missing_first_and_last_sections(tmp_path):
    text = GOOD_ENTRY.replace("## 結論\n\nはい。\n\n", "").replace("\n## 関連\n\nなし。\n", "")
    root = project(tmp_path, {"faq/x.md": text})
    assert errors_of(root) == [
        f"docs/faq/x.md:{line_of_heading(text, '## 理由')}: 見出し「## 結論」がありません。本文の最初に書いてください(結論・理由・進め方・関連の順)。",
        f"docs/faq/x.md:{len(text.split(chr(10)))}: 見出し「## 関連」がありません。「## 進め方」の節の後に書いてください(結論・理由・進め方・関連の順)。",
    ]


def test_page_saved_with_a_bom_builds(tmp_path):
    # Notepad's 「UTF-8 (BOM付き)」: the front matter must still be found.
    root = project(tmp_path, {"faq/x.md": "\ufeff" + GOOD_ENTRY, "about.md": "\ufeff" + PLAIN_PAGE})
    data, pages, entries = load_sources(root, root / "docs")
    assert pages["about.md"].meta.title == "トップ"
    assert [e.src_uri for e in entries.entries] == ["faq/x.md"]


def test_titles_and_texts_have_a_ceiling(tmp_path):
    long_title = "---\ntitle: " + "長" * 61 + "\nlast_reviewed: 2026-11-26\n---\n"
    root = project(tmp_path, {"about.md": long_title})
    (message,) = errors_of(root)
    assert message == "docs/about.md:2: title: 長すぎます。60文字以内にしてください。"


def test_entry_sections_out_of_order(tmp_path):
    text = GOOD_ENTRY.replace("## 結論\n\nはい。\n\n## 理由\n\nです。", "## 理由\n\nです。\n\n## 結論\n\nはい。")
    root = project(tmp_path, {"faq/x.md": text})
    assert errors_of(root) == ["docs/faq/x.md:12: 見出し「## 理由」の位置が違います。結論・理由・進め方・関連の順に並べてください。"]


def test_section_errors_come_with_front_matter_errors(tmp_path):
    text = entry(step="step-9").replace("## 理由\n\nです。\n\n", "")
    root = project(tmp_path, {"faq/x.md": text})
    assert errors_of(root) == [
        "docs/faq/x.md:5: step: ステップ 'step-9' はありません(もしかして: step-1)。綴りを確かめるか、先にそれを作ってください。",
        f"docs/faq/x.md:{line_of_heading(text, '## 進め方')}: " + MISSING_REASON,
    ]


def test_two_entries_with_the_same_order(tmp_path):
    root = project(tmp_path, {"faq/a.md": GOOD_ENTRY, "faq/b.md": GOOD_ENTRY})
    assert errors_of(root) == ["docs/faq/b.md:6: order 1 は docs/faq/a.md が使っています。同じステップの中で重ならない番号にしてください。"]


def test_every_error_of_data_and_pages_at_once(tmp_path):
    root = project(
        tmp_path,
        {
            "about.md": "---\ntitle: x\n---\n",
            "faq/x.md": entry(order="0", asked="maybe"),
            "faq/y.md": entry(question=None, step="step-1").replace("ステップ0", "ステップ1"),
        },
        {"glossary.yml": "terms:\n  - id: rpa\n    term: RPA\n"},
    )
    errors = errors_of(root)
    assert errors[0] == "data/glossary.yml:2: 必須の項目 'terms[0].definition' がありません。「definition: …」を書き足してください。"
    assert errors[1] == "docs/about.md:2: 必須の項目 'last_reviewed' がありません。「last_reviewed: …」を書き足してください。"
    assert errors[2].startswith("docs/faq/x.md:4: asked: true か false を書いてください")
    assert errors[3].startswith("docs/faq/x.md:6: order: 1 以上にしてください")
    assert errors[4] == "docs/faq/y.md:2: 必須の項目 'question' がありません。「question: …」を書き足してください。"
    assert len(errors) == 5


def test_front_matter_split_counts_lines():
    yaml, body, body_line = split_front_matter("---\ntitle: x\nlast_reviewed: 2026-11-26\n---\n\n# x\n")
    assert yaml == "title: x\nlast_reviewed: 2026-11-26\n"
    assert body == "\n# x\n"
    assert body_line == 5
    assert split_front_matter("# x\n") == (None, "# x\n", 1)


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2026, 11, 26), "2026年11月26日(令和8年)"),
        (dt.date(2019, 5, 1), "2019年5月1日(令和元年)"),
        (dt.date(2020, 1, 1), "2020年1月1日(令和2年)"),
        (dt.date(2019, 4, 30), "2019年4月30日"),
        ("2025-03-31", "2025年3月31日(令和7年)"),
    ],
)
def test_review_date_with_wareki(day, expected):
    assert format_reviewed(day) == expected


def test_wareki_before_reiwa_is_not_guessed():
    assert wareki_year(dt.date(2000, 1, 1)) is None


def test_the_real_pages_load():
    root = Path(__file__).resolve().parents[2]
    _, pages, faq = load_sources(root, root / "docs")
    assert all(page.meta.last_reviewed for page in pages.values())
    assert len([e for e in faq.entries if e.meta.asked]) == 10
    assert len(faq.entries) >= 12
