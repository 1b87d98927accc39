"""Build hooks: the folder bundle's links; stop before writing when pages had errors; zip it.

OFFLINE=true builds the bundle that opens from a folder (file://). Material's offline
plugin is not used: all it did was turn off directory URLs and add its iframe-worker shim
(from unpkg, unless listed locally) for Material's search worker, and the site's own search
needs no worker. The zip is a hook because a municipality hands staff one file whose top
folder holds index.html.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path

from mkdocs.plugins import event_priority

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))


def offline_enabled() -> bool:
    return os.environ.get("OFFLINE", "").lower() in {"1", "true", "yes"}


def on_config(config):
    if offline_enabled():
        # A folder has no address: no canonical links to a web server in the bundle.
        config.site_url = ""
        # A folder has no server to map faq/x/ to faq/x/index.html: link to the files.
        config.use_directory_urls = False
    return config


def on_env(env, config, files):
    from macros.diagnostics import page_errors

    # Pages are converted but nothing is written yet: a failed build lands nothing half-made.
    page_errors.raise_if_any()
    return env


# Last, after every other hook and plugin has written its files (the search index included).
@event_priority(-200)
def on_post_build(config):
    if not offline_enabled():
        return
    site_dir = Path(config.site_dir)
    folder = config.extra.get("site_id", "site")
    dist = Path(os.environ.get("DX_DIST_DIR", PROJECT / "dist"))
    dist.mkdir(exist_ok=True)
    target = dist / f"{folder}-offline.zip"
    partial = target.with_suffix(".zip.partial")
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(site_dir.rglob("*")):
            if path.is_file():
                bundle.write(path, f"{folder}/{path.relative_to(site_dir).as_posix()}")
    partial.replace(target)
