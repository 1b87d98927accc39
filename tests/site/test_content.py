"""The built site carries the article: every question linked both ways, every FAQ entry
complete, every glossary term explained where it is used, every page dated.

Runs on both builds (served: directory URLs; folder bundle: ``page.html``).
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.glossary import abbreviations, terms

from .htmltree import Node, built_path, parse, resolve

ROOT = Path(__file__).resolve().parents[2]

# The article's questions, in its exact words (shown as quotations),
# and the FAQ entry that answers each.
ARTICLE_QUESTIONS = [
    ("step-0", "faq/executive-mindset.md", "幹部職員(管理職)がブレーキになってしまう。幹部職員のマインドチェンジをどうやったらいいか?"),
    ("step-0", "faq/service-design-cases.md", "サービスデザインの真似られる事例はないですか?"),
    ("step-0", "faq/one-hour-basics.md", "1時間ぐらいでDXの基礎的な共通理解できませんか?"),
    ("step-1", "faq/vision-how.md", "ビジョンってどうやって立てたらいいですか?"),
    ("step-1", "faq/beyond-immediate-issues.md", "目先の課題しか集められません、どうしたらいいですか?"),
    ("step-1", "faq/standardization-overload.md", "17業務の更改だけで手一杯で、他に何していいのかわかりません。"),
    ("step-1", "faq/priorities.md", "全体構成の優先順位はどうしていったらいいでしょうか・・。"),
    ("step-2", "faq/staff-training.md", "職員の人材育成ってどうすればいいですか?RPAやAIやデータサイエンスの勉強をして貰えばいいですか?"),
    ("step-2", "faq/usual-vendor.md", "いつも頼んでいる業者に外部人材としてDXの依頼をかければいいですか?"),
    ("step-2", "faq/organization-first.md", "先に組織から作ってしまいました。どうしたらよいでしょうか。"),
]
# Questions nobody asked in the article but its answers settle.
SETTLED_QUESTIONS = [
    ("step-1", "faq/rpa-now.md", "今、RPAを進めるべきか"),
    ("step-1", "faq/ai-ocr.md", "AI-OCRを入れるべきか"),
]
ALL_QUESTIONS = ARTICLE_QUESTIONS + SETTLED_QUESTIONS

STEP_SECTIONS = ["よくある質問", "背景", "回答・アドバイス", "次にやること"]
FAQ_SECTIONS = ["結論", "理由", "進め方", "関連"]


@pytest.fixture(scope="module", params=["online", "offline"])
def build(request, builds):
    return Build(getattr(builds, request.param), directory_urls=request.param == "online")


class Build:
    def __init__(self, site: Path, directory_urls: bool) -> None:
        self.site = site
        self.directory_urls = directory_urls
        self._cache: dict[str, Node] = {}

    def path(self, md_path: str) -> str:
        return built_path(md_path, self.directory_urls)

    def page(self, md_path: str) -> Node:
        if md_path not in self._cache:
            self._cache[md_path] = parse((self.site / self.path(md_path)).read_text(encoding="utf-8"))
        return self._cache[md_path]

    def article(self, md_path: str) -> Node:
        return self.page(md_path).find("article")

    def links(self, md_path: str, node: Node | None = None) -> list[tuple[Node, str]]:
        """``(a, built file it points at)`` for each relative link in ``node`` (default: article)."""
        node = node or self.article(md_path)
        return [
            (a, resolve(self.path(md_path), a.attrs["href"]))
            for a in node.iter("a")
            if "href" in a.attrs and not re.match(r"^[a-z]+:", a.attrs["href"])
        ]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def docs_pages() -> list[str]:
    from tests.project import page_paths

    return page_paths(ROOT)


def test_the_article_questions_are_exactly_the_asked_entries():
    _, _, faq = load_sources(ROOT, ROOT / "docs")
    asked = [(e.meta.step, e.src_uri, e.meta.question) for e in faq.entries if e.meta.asked]
    assert asked == ARTICLE_QUESTIONS
    settled = {(e.meta.step, e.src_uri, e.meta.question) for e in faq.entries if not e.meta.asked}
    assert set(SETTLED_QUESTIONS) <= settled


def test_every_entry_is_linked_both_ways(build):
    """Entries added later are covered too: the lists come from their front matter."""
    _, _, faq = load_sources(ROOT, ROOT / "docs")
    for entry in faq.entries:
        step_page = f"steps/{entry.meta.step}.md"
        assert build.path(entry.src_uri) in {t for _, t in build.links(step_page)}, entry.src_uri
        related = build.article(entry.src_uri).find("ul", "dx-faq-related")
        assert build.path(step_page) in {t for _, t in build.links(entry.src_uri, related)}, entry.src_uri


@pytest.mark.parametrize(("step", "entry", "question"), ALL_QUESTIONS, ids=[q[1] for q in ALL_QUESTIONS])
def test_step_page_links_each_question_to_its_entry(build, step, entry, question):
    step_page = f"steps/{step}.md"
    section = build.article(step_page).find("div", "dx-faq-list")
    assert section is not None, f"{step_page} has no generated question list"
    items = [li for li in section.iter("li") if squash(question) in squash(li.text())]
    assert len(items) == 1, f"{question!r} is not listed once on {step_page}"
    targets = [target for _, target in build.links(step_page, items[0])]
    assert targets == [build.path(entry)]


@pytest.mark.parametrize(("step", "entry", "question"), ALL_QUESTIONS, ids=[q[1] for q in ALL_QUESTIONS])
def test_entry_links_back_to_its_step_page(build, step, entry, question):
    article = build.article(entry)
    related = article.find("ul", "dx-faq-related")
    assert related is not None, f"{entry} has no generated related links"
    assert build.path(f"steps/{step}.md") in [target for _, target in build.links(entry, related)]
    assert squash(question) in squash(article.find("p", "dx-faq-question").text())


@pytest.mark.parametrize(("step", "entry", "question"), ALL_QUESTIONS, ids=[q[1] for q in ALL_QUESTIONS])
def test_entry_has_the_four_parts_in_order(build, step, entry, question):
    headings = [h.text().strip().rstrip("¶") for h in build.article(entry).iter("h2")]
    # A 出典 list may follow, on entries that state dated facts.
    assert headings in (FAQ_SECTIONS, [*FAQ_SECTIONS, "出典"])


def test_faq_index_links_every_entry(build):
    targets = {target for _, target in build.links("faq/index.md")}
    assert {build.path(entry) for _, entry, _ in ALL_QUESTIONS} <= targets


@pytest.mark.parametrize("step", ["step-0", "step-1", "step-2"])
def test_step_page_has_its_sections(build, step):
    article = build.article(f"steps/{step}.md")
    headings = [h.text().strip().rstrip("¶") for h in article.iter("h2")]
    number = step[-1]
    # A 出典 list follows on pages that state dated facts.
    assert headings in ([f"手順書でのステップ{number}", *STEP_SECTIONS], [f"手順書でのステップ{number}", *STEP_SECTIONS, "出典"])


def test_step_1_keeps_its_second_background(build):
    headings = [h.text() for h in build.article("steps/step-1.md").iter("h3")]
    assert any(h.startswith("背景その2") for h in headings)


def test_step_3_is_summarised_and_marked_as_outside_the_article(build):
    article = build.article("steps/index.md")
    (section,) = [h for h in article.iter("h2") if h.attrs.get("id") == "step-3"]
    text = squash(article.text())
    assert "出典記事はステップ3を扱っていません" in text
    assert "令和7年度末" in text and "ガバメントクラウド" in text and "20業務" in text


def test_start_page_links_the_step_pages(build):
    targets = {target for _, target in build.links("index.md")}
    assert {build.path(f"steps/step-{n}.md") for n in range(3)} <= targets


@pytest.fixture(scope="module")
def glossary():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    return terms(data), abbreviations(data)


def test_glossary_page_lists_every_term(build, glossary):
    term_list, _ = glossary
    article = build.article("glossary.md")
    entries = {dt.attrs.get("id"): dt.text() for dt in article.iter("dt")}
    for term in term_list:
        assert term.id in entries, f"{term.term} has no entry on the 用語集 page"
        assert entries[term.id].startswith(term.term)


@pytest.mark.parametrize("md_path", docs_pages())
def test_every_abbr_has_a_glossary_title(build, glossary, md_path):
    _, spellings = glossary
    for abbr in build.page(md_path).iter("abbr"):
        assert abbr.attrs.get("title"), f"<abbr>{abbr.text()}</abbr> on {md_path} has no title"
        assert spellings.get(abbr.text()) == abbr.attrs["title"], f"{abbr.text()} on {md_path}"


@pytest.mark.parametrize("md_path", [p for p in docs_pages() if p != "glossary.md"])
def test_every_term_used_on_a_page_is_explained_there(build, glossary, md_path):
    _, spellings = glossary
    article = build.article(md_path)
    text = article.text()
    explained = {abbr.text() for abbr in article.iter("abbr")}
    titles = {abbr.attrs["title"] for abbr in article.iter("abbr")}
    missing = [s for s in spellings if s in text and s not in explained and spellings[s] not in titles]
    # An ASCII term inside a longer ASCII word is not a use of it.
    missing = [s for s in missing if re.search(rf"(?<![A-Za-z0-9]){re.escape(s)}(?![A-Za-z0-9])", text)]
    assert missing == []


@pytest.mark.parametrize("md_path", docs_pages())
def test_each_term_in_running_text_has_one_tab_stop(build, md_path):
    """The first use of a term in a page's own text is focusable, so its tooltip opens from
    the keyboard; later uses are not (one stop per term). Inside a link the link is the stop;
    lists generated by widgets (class dx-...) link to pages that explain their terms."""
    stops: dict[str, int] = {}
    in_text: set[str] = set()
    for abbr in build.article(md_path).iter("abbr"):
        title = abbr.attrs["title"]
        in_link = any(node.tag == "a" for node in abbr.ancestors())
        generated = any(c.startswith("dx-") for node in abbr.ancestors() for c in node.attrs.get("class", "").split())
        if abbr.attrs.get("tabindex") == "0":
            assert not in_link, f"focusable {abbr.text()} inside a link on {md_path}"
            stops[title] = stops.get(title, 0) + 1
        if not in_link and not generated:
            in_text.add(title)
    assert all(count == 1 for count in stops.values())
    assert in_text <= set(stops)


@pytest.mark.parametrize("md_path", docs_pages())
def test_every_page_shows_its_review_date(build, md_path):
    data, pages, _ = load_sources(ROOT, ROOT / "docs")
    if md_path in pages:
        day = pages[md_path].meta.last_reviewed
    else:  # generated from the data, with the item's last_reviewed
        from dxcourse.generate import pages as generated

        day = dt.date.fromisoformat(generated(data)[md_path].last_reviewed)
    line = build.page(md_path).find("p", "dx-reviewed")
    assert line is not None
    time = line.find("time")
    assert time.attrs["datetime"] == day.isoformat()
    assert time.text().startswith(f"{day.year}年{day.month}月{day.day}日")
    assert "(令和" in time.text()


def test_faq_entries_are_tagged_by_step_and_topic(build):
    for step, entry, _ in ALL_QUESTIONS:
        tags = [link.text().strip() for link in build.article(entry).iter("a") if link.has_class("md-tag")]
        assert f"ステップ{step[-1]}" in tags
        assert len(tags) >= 2
