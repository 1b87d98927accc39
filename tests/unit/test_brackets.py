"""Every 「」 in the sources is a registered title, term or label, or the build refuses it at
its file:line; text that is the article's own words is told to use article_quote()/quote:."""

from __future__ import annotations

from pathlib import Path

from dxcourse import brackets, load_sources

from .test_curriculum import errors, line, project

ROOT = Path(__file__).resolve().parents[2]


def test_another_source_s_words_must_name_the_source(tmp_path):
    root = project(tmp_path, {"data/labels.yml": [("source: 地方公共団体情報システムの標準化に関する法律 第10条}", "}")]})
    found = errors(root)
    wanted = "kind: source-quote には、だれの言葉・資料かを source に書いてください。"
    assert [e for e in found if wanted in e] and all(e.startswith("data/labels.yml:") for e in found), found


def test_the_article_s_words_in_plain_brackets_are_told_to_use_article_quote(tmp_path, monkeypatch):
    article = next((ROOT.parent / "shared" / "seed").glob("*.txt"))
    monkeypatch.setenv("DX_SOURCE_ARTICLE", str(article))
    page = "docs/faq/executive-mindset.md"
    root = project(tmp_path, {
        page: [(
            "記事によると、多くの幹部職員は {{ article_quote(\"なぜ、自分のところが最初にやる必要があるのか。他の後追いでいいのではないか\") }} と考えています。",
            "記事によると、多くの幹部職員は「他の後追いでいいのではないか」と考えています。")],
        "data/checklists/step-1.yml": [("text: 何のためにやるのかを、", "text: 「何のためにやるのか」を、")],
    })
    assert errors(root) == [
        f"data/checklists/step-1.yml:{line(root, 'data/checklists/step-1.yml', '「何のためにやるのか」')}: "
        "「何のためにやるのか」は、登録された題名・用語・画面の言葉ではありません。要約なら「」を外してください。"
        "用語・画面の言葉・ほかの資料の言葉なら data/labels.yml に登録してください(ほかの資料の言葉は source も)。",
        f"{page}:{line(root, page, '「他の後追いでいいのではないか」')}: "
        "「他の後追いでいいのではないか」は出典の記事の言葉です。ページでは {{ article_quote(\"他の後追いでいいのではないか\") }}、"
        "データでは quote: で示すか、「」を外して要約にしてください。",
    ]


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
