"""Build hooks: the folder bundle's links; stop before writing when pages had errors; zip it.

OFFLINE=true builds the bundle that opens from a folder (file://). Material's offline
plugin is not used: all it did was turn off directory URLs and add its iframe-worker shim
(from unpkg, unless listed locally) for Material's search worker, and the site's own search
needs no worker. The zip is a hook because a municipality hands staff one file whose top
folder holds index.html.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path


from . import course_root


def offline_enabled() -> bool:
    return os.environ.get("OFFLINE", "").lower() in {"1", "true", "yes"}


README_NAME = "はじめにお読みください.txt"
README_SOURCE = Path(__file__).with_name("bundle-readme.txt")
# Material's icons carry only a viewBox: without the site's CSS (a page opened inside a zip)
# each one is drawn as wide as the window. A size in the HTML keeps them icon-sized.
UNSIZED_ICON = re.compile(r'<svg(?![^>]*\swidth=)([^>]*\sviewBox="0 0 24 24")')


def on_config(config):
    # The address others can open (DX_SITE_URL), kept apart from site_url: links meant for
    # other people use it from either build (meta dx-share-url, see overrides/main.html).
    config.extra["dx_share_url"] = config.site_url or ""
    config.extra["dx_bundle"] = offline_enabled()
    if offline_enabled():
        # A folder has no address: no canonical links to a web server in the bundle.
        config.site_url = ""
        # A folder has no server to map faq/x/ to faq/x/index.html: link to the files.
        config.use_directory_urls = False
    return config


def on_env(env, config, files):
    from ..diagnostics import page_errors

    # Pages are converted but nothing is written yet: a failed build lands nothing half-made.
    page_errors.raise_if_any()
    return env


def on_post_page(output, page, config):
    if not offline_enabled():
        return output
    return UNSIZED_ICON.sub(r'<svg width="24" height="24"\1', output)


def on_post_template(output, template_name, config):
    return on_post_page(output, None, config)  # 404.html


def readme_text(config) -> bytes:
    """The zip's read-me for Windows Notepad and Explorer: UTF-8 with a BOM, CRLF line ends."""
    text = README_SOURCE.read_text(encoding="utf-8").format(
        site_name=config.site_name, folder=config.extra.get("site_id", "site"), site_id=config.extra.get("site_id", "site")
    )
    return ("\ufeff" + text.replace("\r\n", "\n").replace("\n", "\r\n")).encode("utf-8")


# Last (dxcourse.plugin): after every other plugin has written its files, the search index included.
def on_post_build(config):
    if not offline_enabled():
        return
    site_dir = Path(config.site_dir)
    (site_dir / README_NAME).write_bytes(readme_text(config))
    folder = config.extra.get("site_id", "site")
    dist = Path(os.environ.get("DX_DIST_DIR", course_root(config) / "dist"))
    dist.mkdir(exist_ok=True)
    target = dist / f"{folder}-offline.zip"
    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                bundle.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(target)
