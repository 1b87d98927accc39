"""Every 「」 on the built site, and what kind it is (issue 21): the article's words are <q>
elements (CSS draws their brackets, tests/site/test_quotes.py checks them); every other 「」 is
a registered title, term or label, another source's words with the source named, or a
worksheet's 記入例. None is left unclassified."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from dxcourse import brackets, generate, load_sources

from .htmltree import parse

ROOT = Path(__file__).resolve().parents[2]


def known() -> tuple[dict[str, str], set[str]]:
    data, pages, _ = load_sources(ROOT, ROOT / "docs")
    titles = {uri: p.meta.title for uri, p in pages.items()}
    titles.update({uri: p.title for uri, p in generate.pages(data, {}).items()})
    return brackets.registry(data, titles), brackets.examples(data)


def every_bracket(site: Path):
    """(page, text inside 「」) for every 「」 in the visible text of the built site."""
    for html in sorted(site.rglob("*.html")):
        body = parse(html.read_text(encoding="utf-8")).find("body")
        if body is None:
            continue
        for q in list(body.iter("q")):
            q.children = ["<引用>"]
        for script in list(body.iter("script")):
            script.children = []
        for m in brackets.BRACKET.finditer(body.text()):
            yield html.relative_to(site).as_posix(), m.group(1)


def kind_of(text: str, registry: dict[str, str], examples: set[str]) -> str | None:
    kind = brackets.classify(text, registry)
    if kind is None and text.strip() in examples:
        kind = "example"
    return kind


def test_every_bracket_on_the_built_site_is_of_a_known_kind(builds):
    registry, examples = known()
    kinds: Counter = Counter()
    unknown = []
    for page, text in every_bracket(builds.online):
        kind = kind_of(text, registry, examples)
        if kind is None:
            unknown.append(f"{page}: 「{text}」")
        else:
            kinds[kind] += 1
    assert unknown == [], "「」 of no known kind:\n" + "\n".join(unknown)
    # Each kind is in use, so the classification is not vacuous.
    assert {"title", "term", "label", "source-title", "source-quote", "example"} <= set(kinds), kinds
    print("\n".join(f"{brackets.KIND_NAMES[k]}: {n}" for k, n in kinds.most_common()))


def test_a_changed_quote_would_be_caught_on_the_site():
    registry, examples = known()
    # The examples of altered quotes: none of them is registered, so they cannot pass.
    for altered in ("何のためにやるのか", "スキャン→文字起こし→人が目で確認", "それはそちらの部署の仕事でしょう", "来年度やりたいこと"):
        assert kind_of(altered, registry, examples) is None, altered
    assert re.fullmatch(brackets.BRACKET.pattern, "「うれしい」")
