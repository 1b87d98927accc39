"""Every 「」 in the sources is a registered title, term or label, or the build refuses it at
its file:line; text that is the article's own words is told to use article_quote()/quote:."""

from __future__ import annotations

from pathlib import Path

from dxcourse import brackets, load_sources

from tests.project import fixture_project, problems

from .test_curriculum import errors, line, project

ROOT = Path(__file__).resolve().parents[2]


def test_another_source_s_words_must_name_the_source(tmp_path):
    root = project(tmp_path, {"data/labels.yml": [("source: 地方公共団体情報システムの標準化に関する法律 第10条}", "}")]})
    found = errors(root)
    wanted = "kind: source-quote には、だれの言葉・資料かを source に書いてください。"
    assert [e for e in found if wanted in e] and all(e.startswith("data/labels.yml:") for e in found), found


def test_the_article_s_words_in_plain_brackets_are_told_to_use_article_quote(tmp_path, monkeypatch):
    # The engine's fixture course and an article of its own: the check knows the article's
    # words only from the file that DX_SOURCE_ARTICLE names.
    article = tmp_path / "article.txt"
    article.write_text("窓口の改革について\n住民を待たせる時間は、\n役所の都合で生まれています。\n", encoding="utf-8")
    page, checklist = "docs/faq/why-start.md", "data/checklists/step-1.yml"
    root = fixture_project(tmp_path / "course", {
        page: [("住民を待たせている時間と、", "「住民を待たせる時間は、役所の都合で生まれています」。住民を待たせている時間と、")],
        checklist: [("text: 窓口で住民が待っている時間をはかった", "text: 「窓口で住民が待っている時間」をはかった")],
    })
    not_registered = (
        "は、登録された題名・用語・画面の言葉ではありません。要約なら「」を外してください。"
        "用語・画面の言葉・ほかの資料の言葉なら data/labels.yml に登録してください(ほかの資料の言葉は source も)。"
    )
    monkeypatch.setenv("DX_SOURCE_ARTICLE", str(article))
    assert problems(root) == [
        f"{checklist}:{line(root, checklist, '「窓口で住民が待っている時間」')}: 「窓口で住民が待っている時間」{not_registered}",
        f"{page}:{line(root, page, '「住民を待たせる時間は')}: "
        "「住民を待たせる時間は、役所の都合で生まれています」は出典の記事の言葉です。"
        "ページでは {{ article_quote(\"住民を待たせる時間は、役所の都合で生まれています\") }}、"
        "データでは quote: で示すか、「」を外して要約にしてください。",
    ]
    # Without the article at hand, the same words are refused as any other unregistered text.
    monkeypatch.delenv("DX_SOURCE_ARTICLE")
    assert problems(root)[1] == f"{page}:{line(root, page, '「住民を待たせる時間は')}: 「住民を待たせる時間は、役所の都合で生まれています」{not_registered}"


def test_registered_titles_terms_and_labels_pass_and_others_do_not():
    data, pages, _ = load_sources(ROOT, ROOT / "docs")
    titles = {uri: p.meta.title for uri, p in pages.items()}
    known = brackets.registry(data, titles)
    assert brackets.classify("自治体DX推進手順書", known) == "source-title"
    assert brackets.classify("うれしい", known) == "term"
    assert brackets.classify("わたしの学習", known) == "title"
    assert brackets.classify("利用するよう努めるものとする", known) == "source-quote"
    assert brackets.classify("何のためにやるのか", known) is None
    assert brackets.classify("それはそちらの部署の仕事でしょう", known) is None
