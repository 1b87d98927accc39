"""mkdocs-macros entry point: load and validate the data, then register one macro per widget."""

from __future__ import annotations

from pathlib import Path

from . import checklist, progress, steps
from .pagecontext import PageContext
from .sitedata import load_site_data

COLLECTIONS = [steps.COLLECTION, checklist.COLLECTION]


def define_env(env) -> None:
    root = Path(env.project_dir)
    data = load_site_data(root, COLLECTIONS, Path(env.conf["docs_dir"]))
    page = PageContext(env)
    catalog = checklist.catalog(data)

    @env.macro
    def steps_overview():
        return steps.render_overview(data, page)

    def checklist_macro(checklist_id: str):
        return checklist.render_checklist(data, page, checklist_id)

    env.macro(checklist_macro, "checklist")

    @env.macro
    def progress_page():
        return progress.render_progress(data, page, catalog)
