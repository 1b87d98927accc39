"""Adds the pages generated from the data (generate.py) to the build as virtual files."""

from __future__ import annotations

from mkdocs.structure.files import File


def on_files(files, config):
    from ..generate import PAGES

    for page in PAGES.values():
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files
