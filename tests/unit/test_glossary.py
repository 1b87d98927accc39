"""The glossary: its data, and the Japanese-aware abbreviation extension (Markdown in, HTML out)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from mkdocs.exceptions import ConfigurationError

from dxcourse import COLLECTIONS
from dxcourse.diagnostics import SourceErrors
from dxcourse.glossary import COLLECTION, JapaneseAbbrExtension, abbreviations, install, marker, terms
from dxcourse.sitedata import load_site_data

ROOT = Path(__file__).resolve().parents[2]

GLOSSARY = {"DX": "デジタル変革", "RPA": "定型操作の自動化", "17業務": "標準化の対象", "標準化": "標準化の対象"}


def html(text: str, glossary=GLOSSARY) -> str:
    return markdown.markdown(text, extensions=[JapaneseAbbrExtension(glossary=glossary), "attr_list"])


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # Stock `abbr` uses \b, which never matches next to kana or kanji.
        ("DXの推進", '<p><abbr tabindex="0" title="デジタル変革">DX</abbr>の推進</p>'),
        ("自治体DX推進", '<p>自治体<abbr tabindex="0" title="デジタル変革">DX</abbr>推進</p>'),
        # ASCII terms keep ASCII boundaries.
        ("DXF形式とADX", "<p>DXF形式とADX</p>"),
        ("17業務と117業務", '<p><abbr tabindex="0" title="標準化の対象">17業務</abbr>と117業務</p>'),
        # One tab stop per term on a page: later occurrences, and aliases, get none.
        (
            "DXとDX、標準化と17業務",
            '<p><abbr tabindex="0" title="デジタル変革">DX</abbr>と<abbr title="デジタル変革">DX</abbr>、'
            '<abbr tabindex="0" title="標準化の対象">標準化</abbr>と<abbr title="標準化の対象">17業務</abbr></p>',
        ),
        # Inside a link the link is the tab stop.
        (
            "[RPAの話](x.md)とRPA",
            '<p><a href="x.md"><abbr title="定型操作の自動化">RPA</abbr>の話</a>と'
            '<abbr tabindex="0" title="定型操作の自動化">RPA</abbr></p>',
        ),
        # Code is left alone.
        ("`RPA`", "<p><code>RPA</code></p>"),
    ],
)
def test_markdown_in_html_out(source, expected):
    assert html(source) == expected


def test_page_local_definitions_still_work():
    assert html("KPIを測る\n\n*[KPI]: 重要業績評価指標", glossary={}) == (
        '<p><abbr tabindex="0" title="重要業績評価指標">KPI</abbr>を測る</p>'
    )


def test_marker_escapes_text_and_wraps_terms():
    mark = marker_for({"RPA": 'a "quoted" <b>'})
    assert str(mark("<i>RPA</i>")) == '&lt;i&gt;<abbr title="a &#34;quoted&#34; &lt;b&gt;">RPA</abbr>&lt;/i&gt;'


def marker_for(glossary: dict[str, str]):
    class Data:
        def all(self, name):
            from dxcourse.glossary import GlossaryFile

            items = [
                {"id": f"t{i}", "term": key, "definition": value} for i, (key, value) in enumerate(glossary.items())
            ]
            return [GlossaryFile.model_validate({"terms": items})]

    return marker(Data())


def test_a_spelling_names_one_term_only(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "data" / "glossary.yml").write_text(
        "terms:\n  - id: a\n    term: RPA\n    definition: x\n  - id: b\n    term: ロボ\n    definition: y\n"
        "    aliases: [RPA]\n",
        encoding="utf-8",
    )
    with pytest.raises(SourceErrors) as caught:
        load_site_data(tmp_path, [COLLECTION], tmp_path / "docs")
    assert [str(e) for e in caught.value.errors] == ["data/glossary.yml:8: 'RPA' is already defined by term 'a'"]


# The terms the issue asks for, and the ones the site's text leans on.
REQUIRED_TERMS = [
    "DX", "RPA", "AI-OCR", "PMO", "CIO", "LGWAN", "標準化", "17業務", "20業務", "ガバメントクラウド",
    "サービスデザイン", "タレントマネジメント", "チェンジマネジメント", "データ連携", "三層の対策",
    "デジタルスキル標準", "地域情報化アドバイザー", "タウンミーティング", "KPI", "デジタル化",
    "デジタルファースト", "原課", "キャリアパス", "自治体DX推進手順書",
]


def test_the_real_glossary_has_every_required_term():
    data = load_site_data(ROOT, COLLECTIONS, ROOT / "docs")
    spellings = abbreviations(data)
    assert [term for term in REQUIRED_TERMS if term not in spellings] == []
    assert all(len(term.tooltip) <= 160 for term in terms(data))


def test_stock_abbr_in_the_config_is_refused():
    data = load_site_data(ROOT, COLLECTIONS, ROOT / "docs")
    with pytest.raises(ConfigurationError, match="remove 'abbr'"):
        install({"markdown_extensions": ["toc", "abbr"]}, data)
    config = {"markdown_extensions": ["toc"]}
    install(config, data)
    assert isinstance(config["markdown_extensions"][-1], JapaneseAbbrExtension)


def test_readings_sort_in_gojuon_order():
    from dxcourse.glossary import reading_key

    readings = ["あいおーてぃー", "あーるぴーえー", "えーあいおーしーあーる", "えるじーわん", "がばめんとくらうど", "かいご"]
    assert sorted(readings, key=reading_key) == [
        "あーるぴーえー", "あいおーてぃー", "えーあいおーしーあーる", "えるじーわん", "かいご", "がばめんとくらうど",
    ]
