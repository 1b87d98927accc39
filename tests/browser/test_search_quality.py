"""Search quality on the real pages: the staff queries in tests/search_queries.yml.

The ranking runs in the browser, in engine/dxcourse/assets/search.js, over each build's own index.
Hits count by result row, as staff see them (a row is a section).
"""

from __future__ import annotations

import pytest

from dxcourse.sitesearch.quality import hit_rate, load_queries, markdown_path, misses, tagged
from tests.conftest import ROOT

from .conftest import ON_THE_BUNDLE

pytestmark = pytest.mark.browser

QUERIES = load_queries(ROOT / "tests/search_queries.yml")


def test_the_query_file_is_big_enough_and_names_real_pages():
    assert len(QUERIES) >= 40
    for query in QUERIES:
        for path in query.pages:
            assert (ROOT / "docs" / path).is_file(), f"{query.query}: no page {path}"


@ON_THE_BUNDLE
def test_staff_queries_find_their_pages(page, site, guard):
    page.goto(site.url("index.md"))
    page.evaluate("() => new Promise(done => DXSearch.load(done))")
    locations = page.evaluate("queries => queries.map(q => DXSearch.locations(q))", [q.query for q in QUERIES])
    ranked = [[markdown_path(location, ROOT / "docs") for location in found] for found in locations]
    at_1, at_5 = hit_rate(QUERIES, ranked, 1), hit_rate(QUERIES, ranked, 5)
    assert at_5 >= 0.95, misses(QUERIES, ranked, 5)
    assert at_1 >= 0.8, misses(QUERIES, ranked, 1)
    # The site's own tools by staff's words, and words typed in the other kana: every one in the first 5.
    groups = tagged(QUERIES, ranked)
    assert set(groups) == {"feature", "kana"}
    for queries, rows in groups.values():
        assert hit_rate(queries, rows, 5) == 1.0, misses(queries, rows, 5)
    guard.assert_clean()
