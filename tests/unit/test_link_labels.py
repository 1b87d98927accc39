"""One question, one label. That a link is labelled with its target's title is a rule of
``check`` (dxcourse/rules.py, tested in test_content_rules.py); here, this course's FAQ entry
and the decision tree on the same question share their title."""

from __future__ import annotations

import re
from pathlib import Path

from dxcourse import generate, load_sources

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TITLE = re.compile(r"^title: (.*)$", re.M)


def titles() -> dict[str, str]:
    found = {}
    for page in DOCS.rglob("*.md"):
        title = TITLE.search(page.read_text(encoding="utf-8")).group(1).strip()
        found[page.relative_to(DOCS).as_posix()] = title
    # Program, module and role pages are made from the data at build time (macros/generate.py).
    data, _, _ = load_sources(ROOT, DOCS)
    found.update({uri: page.title for uri, page in generate.pages(data, {}).items()})
    return found


def test_the_faq_entry_and_the_tree_on_one_question_share_their_title():
    known = titles()
    assert known["faq/rpa-now.md"] == known["decisions/rpa-now.md"]
    assert known["faq/ai-ocr.md"] == known["decisions/ai-ocr-now.md"]
    assert known["faq/organization-first.md"] == known["decisions/organization-first.md"]
