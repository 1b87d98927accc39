"""Facts the site adds (data/facts.yml): refused without a source, warned about when stale."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest

from dxcourse import facts, load_sources

from .test_curriculum import errors, line, project

ROOT = Path(__file__).resolve().parents[2]
FACTS = "data/facts.yml"


def test_the_real_facts_load_each_with_a_source_and_a_status():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    table = facts.known(data)
    assert {"interview-date", "adviser-days", "gov-cloud-effort", "tejunsho-editions", "dss-edition"} <= set(table)
    assert table["interview-date"].status == "inferred"  # the article gives no year
    for fact in table.values():
        assert fact.source is not None and fact.source.publisher and fact.source.title
        assert fact.status != "verified" or fact.source.url


def test_a_fact_without_a_source_and_status_rules_are_refused_at_their_lines(tmp_path):
    root = project(tmp_path, {FACTS: [
        # No source at all.
        ("    source:\n      publisher: 記事の筆者(note)\n      title: 自治体DX推進計画の各ステップでの困り事(と私の回答)\n    checked_on: 2026-12-05\n    note: 記事は7月と8月",
         "    checked_on: 2026-12-05\n    note: 記事は7月と8月"),
        # Verified, but no address to check it at.
        ("      url: https://dx-navi.soumu.go.jp/support/advisor\n", ""),
        # Unverified, with nowhere to check.
        ("    where_to_check: IPAのホームページの「デジタルスキル標準」のページ\n", ""),
    ]})
    found = errors(root)
    assert found == [
        f"{FACTS}:{line(root, FACTS, '- id: interview-date')}: facts[0]: 事実 'interview-date' に出典(source: publisher・title・url)がありません。"
        "出典のない事実は載せられません。出典を書くか、ページからその事実を消してください。",
        f"{FACTS}:{line(root, FACTS, '- id: dss-edition')}: facts[3]: status: unverified(確かめられていない)には、読者が確かめられる場所を where_to_check に書いてください。",
        f"{FACTS}:{line(root, FACTS, '- id: adviser-days')}: facts[4]: status: verified の事実には、確かめた出典のアドレス(source.url)を書いてください。",
    ], found


def test_a_fact_checked_longer_ago_than_the_configured_age_is_a_warning(tmp_path, caplog):
    root = project(tmp_path, {FACTS: [("    checked_on: 2026-12-05\n    note: 記事は7月と8月", "    checked_on: 2025-10-01\n    note: 記事は7月と8月")]})
    data, _, _ = load_sources(root, root / "docs")
    today = dt.date(2026, 12, 5)
    with caplog.at_level(logging.WARNING, logger="mkdocs.plugins.dx.facts"):
        found = facts.warn_stale(data, {"fact_max_age_months": 12}, today)
    assert [str(e) for e in found] == [
        f"{FACTS}:{line(root, FACTS, 'checked_on: 2025-10-01')}: 事実 'interview-date' は 2025-10-01 に確かめたきりです(14か月前。上限は12か月)。"
        "出典をもう一度確かめて checked_on を更新するか、ページからその事実を消してください。"
    ]
    # A warning under the mkdocs logger: `mkdocs build --strict` counts it and fails.
    assert [r.name for r in caplog.records] == ["mkdocs.plugins.dx.facts"]
    assert caplog.records[0].levelno == logging.WARNING
    # The age is configurable: with 24 months the same fact is fresh; the default is 12.
    assert facts.warn_stale(data, {"fact_max_age_months": 24}, today) == []
    assert len(facts.stale(data, facts.max_age_months({}), today)) == 1
    with pytest.raises(ValueError, match="fact_max_age_months"):
        facts.max_age_months({"fact_max_age_months": "12か月"})


def test_the_real_facts_are_fresh_today():
    data, _, _ = load_sources(ROOT, ROOT / "docs")
    assert facts.stale(data, facts.DEFAULT_MAX_AGE_MONTHS, dt.date(2026, 12, 5)) == []
