"""Self-checks (data/selfchecks/*.yml): every mistake at its file:line, all at once, in Japanese."""

from __future__ import annotations

from pathlib import Path

from dxcourse import load_sources
from dxcourse.selfcheck import of

from .test_curriculum import MODULES, errors, line, project

ROOT = Path(__file__).resolve().parents[2]
OBSERVE = "data/selfchecks/observe-first.yml"
BASICS = "data/selfchecks/dx-basics-continuous.yml"
VENDOR = "data/selfchecks/outside-help.yml"


def test_every_module_has_a_self_check_whose_answers_are_among_its_choices():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    for doc in data.documents["modules"]:
        for module in doc.value.modules:
            check = of(data, module.id)
            assert check is not None, module.id
            assert 3 <= len(check.questions) <= 5 and 1 <= check.pass_mark <= len(check.questions)
            reads = {r.partition("#")[0] for r in module.read}
            assert all(q.answer in q.choices and q.page.partition("#")[0] in reads for q in check.questions)


def test_field_mistakes_and_in_file_rules_are_reported_together(tmp_path):
    root = project(tmp_path, {
        # Field errors (pydantic): a missing explanation, a choice key that is not one letter.
        OBSERVE: [("    explanation: サービスデザインは、事例をまねるのではなく、観察から始めるものです。\n", ""),
                  ("      c: 事例の仕組みを提供しているベンダーに、見積りを頼む", "      cc: 事例の仕組みを提供しているベンダーに、見積りを頼む")],
        # In-file rules: too few questions, a pass mark above them, one choice, an answer not offered.
        BASICS: [("pass_mark: 2", "pass_mark: 9"),
                 ("      b: DXの解説書を何冊も書いている研究者\n      c: 最新のAIツールに詳しい、取引先の営業担当\n    answer: a\n",
                  "    answer: d\n")],
        VENDOR: [("  - id: neutral-help", "  - id: who-knows")],
    })
    # Drop the third question of dx-basics-continuous: two remain.
    file = root / BASICS
    text = file.read_text(encoding="utf-8")
    file.write_text(text[: text.index("  - id: why-practitioner")], encoding="utf-8")
    assert errors(root) == [
        f"{BASICS}:{line(root, BASICS, 'pass_mark: 9')}: pass_mark(合格に必要な正答数)は1から問いの数(2)までにしてください。",
        f"{BASICS}:{line(root, BASICS, 'questions:')}: 問いは3〜5問にしてください(今は2問です)。",
        f"{BASICS}:{line(root, BASICS, 'choices:', after='who-to-learn-from')}: 選択肢は2〜5個にしてください(今は1個です)。",
        f"{BASICS}:{line(root, BASICS, 'answer: d')}: answer の「d」が choices にありません。choices の記号(a)から選んでください。",
        f"{BASICS}:{line(root, BASICS, 'why:', after='who-to-learn-from')}: why には、選択肢ごとに正しい・誤りの理由を書いてください(足りない記号: なし、choices にない記号: b、c)。",
        f"{OBSERVE}:{line(root, OBSERVE, '- id: copy-cases')}: 必須の項目 'questions[0].explanation' がありません。「explanation: …」を書き足してください。",
        f"{OBSERVE}:{line(root, OBSERVE, 'cc: ')}: questions[0].choices.cc.[key]: 形が正しくありません(今は 'cc')。",
        f"{VENDOR}:{line(root, VENDOR, '- id: who-knows', after='業務のスペシャリスト')}: id 'who-knows' が同じリストの中で重なっています。どちらかを別の id にしてください。",
    ]


def test_a_self_check_must_belong_to_a_module_and_link_to_its_read_pages(tmp_path):
    root = project(tmp_path, {
        OBSERVE: [("id: observe-first", "id: observe-firstly")],
        VENDOR: [("    page: faq/usual-vendor.md\n  - id: who-knows", "    page: faq/rpa-now.md\n  - id: who-knows")],
        MODULES: [("read: [faq/one-hour-basics.md", "read: [About-Us.md, faq/one-hour-basics.md")],
    })
    (root / "docs/About-Us.md").write_text("---\ntitle: x\nlast_reviewed: 2026-11-26\n---\n", encoding="utf-8")
    found = errors(root)
    assert len(found) == 4, found
    # The module lost its self-check to the renamed file: that is a content rule of check.
    assert any(e.startswith(f"{MODULES}:") and "モジュール 'observe-first' に理解度チェックがありません。" in e for e in found)
    assert f"{OBSERVE}:{line(root, OBSERVE, 'id: observe-firstly')}: モジュール「observe-firstly」は data/curriculum/modules.yml にありません。id をモジュールの id にしてください。" in found
    assert (f"{VENDOR}:{line(root, VENDOR, 'page: faq/rpa-now.md')}: page はこのモジュールの「読むページ」(faq/usual-vendor.md)のどれかにしてください。") in found
    assert (f"{MODULES}:{line(root, MODULES, 'About-Us.md')}: 読むページ「About-Us.md」から記録用の名前(About-Us)を作れません。"
            "英小文字・数字・ハイフンのパスにしてください。") in found


def test_every_choice_is_explained_and_an_article_answer_quotes_the_article(tmp_path):
    """Self-checks that teach: each choice says why it is right or wrong; an answer credited to
    the article carries the article's words; quotes carry no brackets of their own."""
    root = project(tmp_path, {
        OBSERVE: [("      c: 事例の仕組みを提供しているベンダーに、見積りを頼む\n", "      c: 事例の仕組みを提供しているベンダーに、見積りを頼む\n      d: 住民にアンケートを送る\n"),
                  ("    quote: サービスデザインなんだから、事例真似るんじゃなくて、ちゃんと観察からしなかったらあかんやろうが。\n", "")],
        BASICS: [("    quote: 業務改革のプロジェクトマネージャー経験ある人に聞くといいよ。", "    quote: 「業務改革のプロジェクトマネージャー経験ある人に聞くといいよ。」")],
    })
    found = errors(root)
    assert found == [
        f"{BASICS}:{line(root, BASICS, 'quote: 「')}: quote には「」を付けずに、記事の原文だけを書いてください(表示のときに付きます)。",
        f"{OBSERVE}:{line(root, OBSERVE, 'why:')}: why には、選択肢ごとに正しい・誤りの理由を書いてください(足りない記号: d、choices にない記号: なし)。",
        f"{OBSERVE}:{line(root, OBSERVE, 'source: article')}: source: article の問いには、答えの根拠になる記事の原文を quote に書いてください(このサイトの考えなら source: site)。",
    ], found


def test_every_real_question_explains_every_choice_and_credits_its_source():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    for check in data.all("selfchecks"):
        for q in check.questions:
            assert set(q.why) == set(q.choices), (check.id, q.id)
            assert q.source in {"article", "site"} and (q.source == "site" or q.quote), (check.id, q.id)
            # Scenario questions: none asks the reader to recall a bracketed phrase.
            assert "「" not in q.question, (check.id, q.id)
