"""One question, one label: a Markdown link to an FAQ entry, a decision tree or a worksheet is
labelled with that page's title, and a link to a program with the program's exact name."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from dxcourse import generate, load_sources

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
LINK = re.compile(r"\[([^\]]+)\]\(([^)#\s]+\.md)(#[^)]*)?\)")
TITLE = re.compile(r"^title: (.*)$", re.M)
LABELLED = re.compile(r"^(faq|decisions|worksheets|curriculum/programs)/(?!index\.md)")


def titles() -> dict[str, str]:
    found = {}
    for page in DOCS.rglob("*.md"):
        title = TITLE.search(page.read_text(encoding="utf-8")).group(1).strip()
        found[page.relative_to(DOCS).as_posix()] = title
    # Program, module and role pages are made from the data at build time (macros/generate.py).
    data, _, _ = load_sources(ROOT, DOCS)
    found.update({uri: page.title for uri, page in generate.pages(data, {}).items()})
    return found


def test_links_to_questions_trees_worksheets_and_programs_use_one_label():
    known = titles()
    wrong = []
    for page in sorted(DOCS.rglob("*.md")):
        source = page.relative_to(DOCS).as_posix()
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), start=1):
            for match in LINK.finditer(line):
                target = posixpath.normpath(posixpath.join(posixpath.dirname(source), match.group(2)))
                if match.group(3) or not LABELLED.match(target):
                    continue
                wanted = known[target]
                if target.startswith("curriculum/programs/"):
                    wanted = re.sub(r"^\d+ ", "", wanted)  # the program's name, as the article gives it
                if match.group(1) != wanted:
                    wrong.append(f"docs/{source}:{number}: [{match.group(1)}] should be [{wanted}]")
    assert wrong == [], "\n".join(wrong)


def test_the_faq_entry_and_the_tree_on_one_question_share_their_title():
    known = titles()
    assert known["faq/rpa-now.md"] == known["decisions/rpa-now.md"]
    assert known["faq/ai-ocr.md"] == known["decisions/ai-ocr-now.md"]
    assert known["faq/organization-first.md"] == known["decisions/organization-first.md"]
