"""The search extractor's fast tokenizer gives exactly html.parser's sections, and hands
anything outside its grammar to html.parser (dxcourse/sitesearch/extract.py)."""

from __future__ import annotations

import pytest
from dxcourse.sitesearch import extract
from dxcourse.sitesearch.extract import split_sections, split_sections_reference

PAGES = [
    "<h1 id=\"t\">題名</h1><p>前文&amp;その他</p><h2 id=\"a\">見出し<a class=\"headerlink\" href=\"#a\">&para;</a></h2><p>本文\n続き</p>",
    "<div class=\"dx-js-only\" hidden><button>押す</button></div><p data-search-exclude>除く</p><p>残る</p>",
    "<dl><dt id=\"term\">用語</dt><dd>説明 &lt;b&gt; &#12354; &unknown; a&b</dd></dl>",
    "<p>改行<br/>自己終了<br />と<img alt=\"x &quot;y&quot;\" src=a.png></p><span aria-hidden=\"true\">隠す</span>",
    "<script>if (a < b && c > d) { x = '</p>'; }</script><style>p > a { }</style><p>後</p>",
    "<!-- コメント --><h3 id=\"b\">三</h3><p>文</p><!--dx-widget:0-->",
    "<p title='単一引用符' class=dx-visually-hidden>属性</p><p>可視</p>",
    "<P CLASS=\"Big\">大文字</P><p>a < b と 2 > 1</p>",
    "<!DOCTYPE html><p>宣言</p>",
    "<p>未完の<a href=\"x",
    "<h2 id=\"c\">見出しだけ</h2>",
    "<div><p>閉じない<div>入れ子</p></div><textarea>入力</textarea><select><option>選ぶ</option></select>",
    "<p>ends with an entity &amp",
    # Attributes are read only when they can matter: an entity may spell a skipped class.
    "<a class=\"header&#108;ink\" href=\"#x\">リンク</a><p>本文</p><span aria-hidden=\"false\">見える</span>",
    "<p CLASS=\"dx-js-only\">隠れる</p><p class=\"HeaderLink\">大文字のクラス</p><dt class=\"x\">名前なし</dt><dt ID=\"T\">名前</dt>",
    "",
]


@pytest.mark.parametrize("html", PAGES)
def test_same_sections_as_html_parser(html):
    assert split_sections(html) == split_sections_reference(html)


def test_markdown_html_takes_the_fast_path():
    # The fast path is used for what Markdown writes; a page it cannot read would still be
    # right, only slower, so this checks that the speed-up is real.
    extract._sections_fast(PAGES[0])
    extract._sections_fast(PAGES[4])


@pytest.mark.parametrize("html", ["<!DOCTYPE html><p>宣言</p>", "<p>a < b</p>", "<p>未完の<a href=\"x", "</ p>"])
def test_unusual_html_goes_to_html_parser(html):
    with pytest.raises(extract._Unusual):
        extract._sections_fast(html)
