"""The folder bundle on any PC (issue 13): the extract-first notice, icons sized in the HTML,
the read-me in the zip, and the shared address kept apart from site_url."""

from __future__ import annotations

import re
import zipfile
from types import SimpleNamespace

from dxcourse.build import bundle as bundle_hook

README = "はじめにお読みください.txt"
UNSIZED_ICON = re.compile(r'<svg(?![^>]*\swidth=)[^>]*viewBox="0 0 24 24"')
SHARE_META = re.compile(r'<meta name="dx-share-url" content="([^"]*)">')


def test_the_zip_holds_the_read_me_at_its_top_folder_in_utf8_with_bom_and_crlf(builds):
    with zipfile.ZipFile(builds.zip) as archive:
        (top,) = {name.split("/", 1)[0] for name in archive.namelist()}
        info = archive.getinfo(f"{top}/{README}")
        assert info.flag_bits & 0x800, "the name must be flagged UTF-8 for Explorer"
        data = archive.read(info)
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\n") == data.count(b"\r\n") > 20
    text = data.decode("utf-8-sig")
    for words in ("すべて展開", "index.html", "わたしの進捗", "記録を書き出す(JSON)", "読み込む", "別のパソコン", f"dx:{top}:progress"):
        assert words in text, words


def test_every_bundle_page_says_extract_first_and_sizes_its_icons(builds):
    pages = sorted(builds.offline.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert 'class="dx-extract-notice"' in html, page
        assert "zipを展開してから、展開したフォルダーの index.html を開いてください" in html, page
        assert not UNSIZED_ICON.search(html), page
    served = (builds.online / "index.html").read_text(encoding="utf-8")
    assert "dx-extract-notice" not in served


def test_the_shared_address_is_kept_apart_from_site_url(builds, server):
    served = (builds.online / "index.html").read_text(encoding="utf-8")
    assert SHARE_META.findall(served) == [server.url + "site/"]
    offline = (builds.offline / "index.html").read_text(encoding="utf-8")
    assert SHARE_META.findall(offline) == []  # built without DX_SITE_URL
    assert 'rel="canonical"' not in offline
    assert '<meta name="dx-backup-reminder-days" content="7">' in served


def test_the_bundle_keeps_the_shared_address_when_dx_site_url_is_set(monkeypatch):
    monkeypatch.setenv("OFFLINE", "true")
    config = SimpleNamespace(site_url="http://intranet.example.lg.jp/dx-guide/", extra={}, use_directory_urls=True)
    bundle_hook.on_config(config)
    assert config.site_url == ""  # no canonical links to a server in a folder
    assert config.extra == {"dx_share_url": "http://intranet.example.lg.jp/dx-guide/", "dx_bundle": True}
    monkeypatch.setenv("OFFLINE", "false")
    config = SimpleNamespace(site_url="", extra={}, use_directory_urls=True)
    bundle_hook.on_config(config)
    assert config.extra == {"dx_share_url": "", "dx_bundle": False}
