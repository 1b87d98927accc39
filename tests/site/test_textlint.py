"""The site's Japanese prose passes textlint (.textlintrc: preset-ja-technical-writing, tuned,
and the site's 表記 in prh.yml) with zero errors: every page in docs/ and the text of every
data file. The lint is ``check``'s (dxcourse/prose.py); this test runs it on this course and
demands that it ran, since a test machine has Node and textlint (./dev test installs them)."""

from __future__ import annotations

from dxcourse import prose
from tests.project import ROOT


def test_textlint_finds_nothing_in_the_pages_and_the_data():
    result = prose.lint(ROOT)
    assert result.skipped is None, result.skipped
    assert result.errors == [], f"{len(result.errors)} textlint error(s):\n" + "\n".join(map(str, result.errors))
