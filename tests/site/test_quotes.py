"""Quotations of the source article are exact, and marked as quotations in data.

The article's words live in data as ``quote:`` (decision-tree bases, worksheets, self-checks), as the ``question`` of
an FAQ entry the article asks (``asked: true``), or as ``{{ article_quote("…") }}`` in a page.
All of them render as ``<q data-source="article">``. This lists every one on the built site
and finds each in the article, after removing whitespace (the article breaks lines and
indents with spaces). Text the site writes itself may not put 「」 after 記事の回答/背景.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from dxcourse import load_sources
from dxcourse.decision_tree import DecisionTree

from .htmltree import parse

ROOT = Path(__file__).resolve().parents[2]
# The article is not in the repository: it is someone else's text, and the site only quotes
# it. The team keeps it in shared/seed/ beside the checkout (CI has the same); elsewhere name
# the file with DX_SOURCE_ARTICLE.
SEED = ROOT.parent / "shared" / "seed"


def article_path() -> Path:
    named = os.environ.get("DX_SOURCE_ARTICLE")
    found = [Path(named)] if named else sorted(SEED.glob("*.txt"))
    if not found or not found[0].is_file():
        pytest.fail(f"出典の記事の本文が見つかりません({named or SEED}/*.txt)。DX_SOURCE_ARTICLE にファイルを指定してください。")
    return found[0]


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def article() -> str:
    return squash(article_path().read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def data_quotes():
    """Every quotation the data attributes to the article: (where, text)."""
    data, _, faq = load_sources(ROOT, ROOT / "docs")
    found = []
    for tree in data.all("decisions"):
        assert isinstance(tree, DecisionTree)
        for outcome in tree.outcomes:
            found += [(f"{tree.id}/{outcome.id}", p.quote) for p in outcome.basis.article if p.quote]
    for sheet in data.all("worksheets"):
        found += [(f"worksheet {sheet.id}", p.quote) for p in sheet.basis.article if p.quote]
    for check in data.all("selfchecks"):
        found += [(f"selfcheck {check.id}/{q.id}", q.quote) for q in check.questions if q.quote]
    # Any other `quote:` in the data must be one of the above: a new kind of data with quotes
    # needs adding here, so that none escapes the check.
    for path in sorted((ROOT / "data").rglob("*.yml")):
        for text in re.findall(r"^\s*-?\s*quote:\s*(.+)$", path.read_text(encoding="utf-8"), re.M):
            assert any(squash(text) == squash(q) for _, q in found), f"{path}: quote not collected: {text}"
    found += [(e.src_uri, e.meta.question) for e in faq.entries if e.meta.asked]
    for md in sorted((ROOT / "docs").rglob("*.md")):
        for text in re.findall(r'article_quote\("([^"]+)"\)', md.read_text(encoding="utf-8")):
            found.append((md.relative_to(ROOT).as_posix(), text))
    return found


def test_every_quotation_in_data_is_the_article_s_exact_words(data_quotes, article):
    assert len(data_quotes) >= 40
    wrong = [(where, text) for where, text in data_quotes if squash(text) not in article]
    assert not wrong, "not in the article word for word:\n" + "\n".join(f"{w}: 「{t}」" for w, t in wrong)


def test_every_quotation_on_the_built_site_is_exact_and_comes_from_data(builds, data_quotes, article):
    marked = {squash(text) for _, text in data_quotes}
    seen = set()
    for html in builds.online.rglob("*.html"):
        root = parse(html.read_text(encoding="utf-8"))
        for q in root.iter("q"):
            text = squash(q.text())
            assert q.attrs.get("data-source") == "article", f"{html}: <q> without data-source: {text}"
            assert text in article, f"{html}: not the article's words: 「{text}」"
            assert text in marked, f"{html}: quotation not from a quote field in data: 「{text}」"
            seen.add(text)
    assert seen == marked, f"quotations in data never shown: {marked - seen}"


# Where the site speaks of the article's answer or background, a 「 that follows is a claim
# that these are its words: it must be a <q> instead.
ATTRIBUTED = re.compile(
    r"記事(の(回答|答え|背景|質問|言葉)(では|は|に|で)?|の言う|が言う|は|が)「|筆者(の言う|は|が)「"
    # 記事によると、…「…」: the bracket later in the same sentence is still the article's
    r"|(記事|筆者)(によると|によれば|の言葉では)[^。「]*「"
    # 「…」という問い・質問: the site presents the words as someone's question
    r"|「[^「」]*」という(問い|質問|声|答え)"
    # 記事/筆者 … 「…」と答え・述べ・書い: the words are said to be theirs
    r"|(記事|筆者)[^。「]*「[^「」]*」と(答え|述べ|書い|言い|言っ|問いかけ)"
)


def test_no_unmarked_quotation_is_attributed_to_the_article(builds):
    for html in builds.online.rglob("*.html"):
        root = parse(html.read_text(encoding="utf-8"))
        article = root.find("article")
        if article is None:
            continue
        for q in list(article.iter("q")):
            q.children = ["<引用>"]
        text = squash(article.text())
        match = ATTRIBUTED.search(text)
        assert match is None, f"{html}: {text[max(0, match.start() - 20): match.end() + 30]}"
