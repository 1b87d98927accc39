"""Adds the pages generated from the data (macros/generate.py) to the build as virtual files."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.structure.files import File

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))


def on_files(files, config):
    from macros.generate import PAGES

    for page in PAGES.values():
        files.append(File.generated(config, page.src_uri, content=page.markdown))
    return files
