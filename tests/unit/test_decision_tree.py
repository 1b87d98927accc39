"""Decision trees: every path of every real tree ends in an outcome, and a broken tree is
refused with each mistake at its ``data/decisions/FILE.yml:LINE``."""

from __future__ import annotations

from pathlib import Path

import pytest
from markupsafe import Markup, escape

from dxcourse import COLLECTIONS
from dxcourse.decision_tree import COLLECTION, Outcome, Question, numbering, paths, render_tree
from dxcourse.diagnostics import SourceErrors, page_errors
from dxcourse.render import Links
from dxcourse.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[2]
CONTRACT_IDS = {"rpa-now", "ai-ocr-now", "usual-vendor", "organization-first"}


@pytest.fixture(scope="module")
def real_trees():
    return load_site_data(ROOT, COLLECTIONS, ROOT / "docs").all("decisions")


def test_the_trees_other_pages_refer_to_exist(real_trees):
    assert CONTRACT_IDS <= {tree.id for tree in real_trees}


def test_every_path_of_every_tree_ends_in_an_outcome_and_reaches_every_node(real_trees):
    for tree in real_trees:
        walked = list(paths(tree))
        reached = {tree.start.id}
        for path in walked:
            assert isinstance(path.outcome, Outcome)
            # Each answer is an option of the question it is given to, and leads to the next one.
            for (question, option), following in zip(path.answers, [*path.answers[1:], None]):
                assert isinstance(question, Question) and option in question.options
                assert option.next == (following[0].id if following else path.outcome.id)
            reached |= {question.id for question, _ in path.answers} | {path.outcome.id}
        assert reached == set(tree.nodes()), f"{tree.id}: not reached: {set(tree.nodes()) - reached}"
        assert len({p.fragment for p in walked}) == len(walked)


def test_each_question_offers_two_or_more_answers_and_each_outcome_says_what_to_do(real_trees):
    for tree in real_trees:
        assert all(len(q.options) >= 2 for q in tree.questions), tree.id
        assert all(o.actions and o.links and o.explanation for o in tree.outcomes), tree.id


def test_every_outcome_rests_on_the_article_and_no_go_rests_on_site_additions_only(real_trees):
    for tree in (t for t in real_trees if t.source == "article"):
        for outcome in tree.outcomes:
            assert outcome.basis.article, (tree.id, outcome.id)
            if outcome.tone == "go":
                assert any(point.quote for point in outcome.basis.article), (tree.id, outcome.id)


# The article says stop, without exception, to RPA (except between things that truly will not
# change) and to AI-OCR; a tree may not end either in a go.
ARTICLE_STOPS = {"rpa-now": {"stop", "conditional"}, "ai-ocr-now": {"stop"}}


def test_no_path_ends_in_go_where_the_article_says_stop(real_trees):
    trees = {t.id: t for t in real_trees}
    for tree_id, allowed in ARTICLE_STOPS.items():
        for path in paths(trees[tree_id]):
            assert path.outcome.tone in allowed, (tree_id, path.fragment, path.outcome.id)
    # The one exception the article allows for RPA is the conditional one, and it quotes it.
    (conditional,) = [o for o in trees["rpa-now"].outcomes if o.tone == "conditional"]
    assert any("本当に変わらないモノ同士" in (p.quote or "") for p in conditional.basis.article)


def test_staff_training_a_tools_course_goes_ahead_only_when_hr_has_planned_posts_and_careers(real_trees):
    """The article's data-scientist answer: training without a place to use it and a career
    path is wasted, so a tools course HR has planned posts and a career path for may go on;
    one without them is rethought, and that line is labelled as the site's inference."""
    tree = {t.id: t for t in real_trees}["staff-training"]
    assert tree.node("what-taught") is not None
    tools_paths = []
    for path in paths(tree):
        answers = dict((q.id, o.id) for q, o in path.answers)
        if answers.get("what-taught") != "tools":
            continue
        tools_paths.append(path)
        if answers.get("tools-posts") == "yes":
            assert path.outcome.id != "teach-the-work", path.fragment
        else:
            assert path.outcome.tone == "stop", path.fragment
    assert any(dict((q.id, o.id) for q, o in p.answers).get("tools-posts") == "yes" and p.outcome.tone == "go" for p in tools_paths)
    rethink = next(o for o in tree.outcomes if o.id == "teach-the-work")
    assert rethink.basis.site and "推定" in rethink.basis.site


def test_rpa_now_stops_running_bots_too_instead_of_keeping_them_until_migration(real_trees):
    tree = {t.id: t for t in real_trees}["rpa-now"]
    stop = next(o for o in tree.outcomes if o.id == "stop-standard-area")
    text = " ".join(stop.actions)
    assert "稼働中のものも止め" in text
    assert "移行の時期まで" not in text


def test_rpa_now_has_a_branch_for_systems_already_migrated(real_trees):
    tree = {t.id: t for t in real_trees}["rpa-now"]
    migrated = [p for p in paths(tree) if p.answers[0][1].id == "migrated"]
    assert {p.outcome.id for p in migrated} >= {"use-data-linkage", "stop-migrated"}
    assert all(p.outcome.tone != "go" for p in migrated)


# --- refused trees -------------------------------------------------------------------

GOOD = """\
id: t
title: 問いですか
summary: 何を決めるかの説明です。
order: 1
page: index.md
questions:
  - id: q1
    text: 一つ目の問いですか。
    options:
      - id: yes
        label: はい
        next: q2
      - id: no
        label: いいえ
        next: stop
  - id: q2
    text: 二つ目の問いですか。
    options:
      - id: yes
        label: はい
        next: go
      - id: no
        label: いいえ
        next: stop
outcomes:
  - id: stop
    verdict: いったん止める
    tone: stop
    title: 止めます。
    explanation: [理由です。]
    actions: [次にやることです。]
    links: [index.md]
    basis: {article: [{says: 記事の要点です。}]}
  - id: go
    verdict: 進めてよい
    tone: go
    title: 進めます。
    explanation: [理由です。]
    actions: [次にやることです。]
    links: [index.md]
    basis: {article: [{quote: 記事の原文です。}]}
"""


def load(tmp_path: Path, text: str, name: str = "t.yml"):
    (tmp_path / "data" / "decisions").mkdir(parents=True, exist_ok=True)
    (tmp_path / "data" / "decisions" / name).write_text(text, encoding="utf-8")
    (tmp_path / "docs").mkdir(exist_ok=True)
    (tmp_path / "docs" / "index.md").write_text("# page\n", encoding="utf-8")
    return load_site_data(tmp_path, [COLLECTION], tmp_path / "docs")


def errors_of(tmp_path: Path, text: str) -> list[str]:
    with pytest.raises(SourceErrors) as caught:
        load(tmp_path, text)
    return [str(e) for e in caught.value.errors]


def edit(old: str, new: str, count: int = 1) -> str:
    assert GOOD.count(old) >= count, old
    return GOOD.replace(old, new, count)


def test_the_good_fixture_loads(tmp_path):
    (tree,) = load(tmp_path, GOOD).all("decisions")
    assert [p.fragment for p in paths(tree)] == ["q1.yes/q2.yes", "q1.yes/q2.no", "q1.no"]


def test_unknown_next(tmp_path):
    text = edit("        next: go\n", "        next: gone\n")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:21: 質問 'q2' の選択肢 'yes' の行き先 'gone' がありません(もしかして: go)。next を質問か結論の id にしてください。",
        "data/decisions/t.yml:34: 'go' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
    ]


def test_cycle(tmp_path):
    text = edit("        next: go\n", "        next: q1\n")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:21: 堂々めぐりです(q1 → q2 → q1)。質問 'q2' の選択肢 'yes' が前の問いに戻るので、"
        "結論に着きません。next を直してください。",
        "data/decisions/t.yml:34: 'go' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
    ]


def test_a_question_pointing_at_itself_is_a_cycle(tmp_path):
    text = edit("        next: stop\n", "        next: q1\n")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:15: 堂々めぐりです(q1 → q1)。質問 'q1' の選択肢 'no' が前の問いに戻るので、"
        "結論に着きません。next を直してください。",
    ]


def test_unreachable_node(tmp_path):
    text = edit("        next: q2\n", "        next: stop\n")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:16: 'q2' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
        "data/decisions/t.yml:34: 'go' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
    ]


def test_a_question_with_one_option(tmp_path):
    text = edit("      - id: no\n        label: いいえ\n        next: stop\n  - id: q2", "  - id: q2")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:9: 質問 'q1' の選択肢が1つしかありません。選択肢を2つ以上にしてください。",
    ]


def test_a_path_that_does_not_end_in_an_outcome(tmp_path):
    # q2 keeps its id and text but offers nothing: the walk q1 → q2 stops at a question.
    text = GOOD.replace(
        "    options:\n      - id: yes\n        label: はい\n        next: go\n      - id: no\n        label: いいえ\n        next: stop\n",
        "    options: []\n",
    )
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:16: q1 → q2 の道筋が結論に着きません。質問 'q2' に選択肢(options)を書いてください。",
        "data/decisions/t.yml:28: 'go' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
    ]


def test_a_go_outcome_without_the_article_s_words_is_refused(tmp_path):
    text = edit("{article: [{quote: 記事の原文です。}]}", "{article: [{says: 記事の要点です。}], site: このサイトの補足です。}")
    (message,) = errors_of(tmp_path, text)
    assert message.startswith("data/decisions/t.yml:")
    assert "tone: go" in message and "quote" in message


def test_a_paraphrase_in_quotation_marks_and_a_quote_with_brackets_are_refused(tmp_path):
    text = edit("{says: 記事の要点です。}", "{says: 記事は「止める」と言います。}")
    text = text.replace("{quote: 記事の原文です。}", "{quote: 「記事の原文です。」}")
    messages = errors_of(tmp_path, text)
    assert len(messages) == 2
    assert any("says は要約なので「」を使えません" in m for m in messages)
    assert any("quote には「」を付けずに" in m for m in messages)


def test_duplicate_id_within_a_list(tmp_path):
    text = edit("  - id: q2\n", "  - id: q1\n")
    assert errors_of(tmp_path, text) == ["data/decisions/t.yml:16: id 'q1' が同じリストの中で重なっています。どちらかを別の id にしてください。"]


def test_duplicate_id_between_a_question_and_an_outcome(tmp_path):
    extra = GOOD[GOOD.index("  - id: go\n"):].replace("  - id: go\n", "  - id: q2\n")
    assert errors_of(tmp_path, GOOD + extra) == [
        "data/decisions/t.yml:42: id 'q2' が質問と結論の両方で使われています。どちらかを別の id にしてください。",
    ]


def test_schema_and_graph_errors_of_two_files_come_together(tmp_path):
    load_text = edit("        next: q2\n", "        next: q3\n")
    (tmp_path / "data" / "decisions").mkdir(parents=True)
    (tmp_path / "data" / "decisions" / "a.yml").write_text(load_text, encoding="utf-8")
    bad_schema = GOOD.replace("id: t\n", "id: u\n").replace("    tone: go\n", "    tone: green\n")
    (tmp_path / "data" / "decisions" / "b.yml").write_text(bad_schema, encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# page\n", encoding="utf-8")
    with pytest.raises(SourceErrors) as caught:
        load_site_data(tmp_path, [COLLECTION], tmp_path / "docs")
    assert [str(e) for e in caught.value.errors] == [
        "data/decisions/a.yml:12: 質問 'q1' の選択肢 'yes' の行き先 'q3' がありません(あるもの: go, q1, q2, stop)。next を質問か結論の id にしてください。",
        "data/decisions/a.yml:16: 'q2' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
        "data/decisions/a.yml:34: 'go' には最初の問い 'q1' からたどり着けません。どこかの選択肢の next にするか、消してください。",
        "data/decisions/b.yml:36: outcomes[1].tone: 次のどれかにしてください: stop, conditional, go(今は 'green')。",
    ]


# --- rendering -----------------------------------------------------------------------


class FakePage:
    links = Links("decisions/t/", use_directory_urls=True)

    def __init__(self):
        self.errors = []

    def error(self, message, needle):
        self.errors.append(message)
        return Markup("<p>error</p>")


def plain(text: str) -> Markup:
    """The glossary marker without a glossary: escaping only."""
    return escape(text)


def test_text_from_yaml_is_escaped(tmp_path):
    hostile = '<img src=x onerror="alert(1)">'
    data = load(tmp_path, GOOD.replace("text: 一つ目の問いですか。", f"text: '{hostile}'"))
    html = render_tree(data, FakePage(), plain, {"index.md": "トップ"}, "t")
    assert hostile not in html
    assert "&lt;img src=x" in html


def test_the_outline_holds_every_node_and_where_each_answer_leads(tmp_path):
    data = load(tmp_path, GOOD)
    html = render_tree(data, FakePage(), plain, {"index.md": "トップ"}, "t")
    for node_id in ("q1", "q2", "stop", "go"):
        assert f'data-node="{node_id}"' in html
    assert 'data-option="yes" data-next="q2"' in html
    assert 'data-verdict="いったん止める"' in html
    assert 'href="../../">トップ</a>' in html
    assert '<q class="dx-quote" data-source="article">記事の原文です。</q>' in html
    assert "記事の回答(要約):</span> 記事の要点です。" in html
    assert numbering(data.get("decisions", "t")) == {"q1": "問1", "q2": "問2", "stop": "結論A", "go": "結論B"}


def test_an_unknown_tree_is_a_page_error(tmp_path):
    data = load(tmp_path, GOOD)
    page = FakePage()
    render_tree(data, page, plain, {}, "nope")
    assert page.errors == ["unknown decision tree 'nope' (known: t)"]
    page_errors.errors.clear()


LOCAL = (
    GOOD.replace("page: index.md\n", "page: index.md\nsource: local\n", 1)
    .replace("basis: {article: [{says: 記事の要点です。}]}", "basis: {local: 窓口の混み具合から、当市はこう判断します。}")
    .replace("basis: {article: [{quote: 記事の原文です。}]}", "basis: {local: 当市の人員で回せるので進めます。}")
)


def test_a_local_tree_needs_no_article_and_is_labelled_as_the_municipalitys_own_judgement(tmp_path):
    data = load(tmp_path, LOCAL)
    (tree,) = data.all("decisions")
    assert tree.source == "local"
    html = render_tree(data, FakePage(), plain, {"index.md": "トップ"}, "t")
    assert "この自治体の判断(出典の記事にはない考え):</span> 当市の人員で回せるので進めます。" in html
    assert "記事の" not in html and 'data-source="article"' not in html


def test_a_local_tree_may_not_cite_the_article(tmp_path):
    text = LOCAL.replace("basis: {local: 当市の人員で回せるので進めます。}", "basis: {article: [{quote: 記事の原文です。}]}")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:42: 結論 'go': source: local のツリーは記事を引きません。basis の article と site を消し、local: にこの自治体の判断の理由を書いてください。",
    ]


def test_a_local_tree_needs_its_own_reason(tmp_path):
    text = LOCAL.replace("basis: {local: 窓口の混み具合から、当市はこう判断します。}", "basis: {}")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:34: 結論 'stop': source: local のツリーでは、basis の local: に、この自治体がそう判断する理由を書いてください。",
    ]


def test_an_article_tree_may_not_carry_a_local_reason_or_go_without_the_article(tmp_path):
    text = edit("basis: {article: [{says: 記事の要点です。}]}", "basis: {local: 当市の判断です。}")
    assert errors_of(tmp_path, text) == [
        "data/decisions/t.yml:33: 結論 'stop': local: は source: local のツリーでだけ使えます。記事に基づかない判断なら、ツリーに source: local と書いてください。",
    ]
    text = edit("basis: {article: [{says: 記事の要点です。}]}", "basis: {}")
    assert "根拠に記事の点(article の quote か says)を1つ以上書いてください" in errors_of(tmp_path, text)[0]


def test_a_course_without_a_source_article_has_only_local_trees(tmp_path):
    from dxcourse.decision_tree import source_errors

    article_tree = load(tmp_path, GOOD)
    assert [str(e) for e in source_errors(article_tree, "")] == [
        "data/decisions/t.yml:1: このサイトには出典の記事が設定されていません(mkdocs.yml の extra.source.name)。ツリーに source: local と書いてください。"
    ]
    assert source_errors(article_tree, "記事") == []
    assert source_errors(load(tmp_path, LOCAL), "") == []
