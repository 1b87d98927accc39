"""The engine's MkDocs plugin (entry point ``dxcourse``): everything a course gets besides its
widgets (the mkdocs-macros pluglet, ``dxcourse.define_env``).

It runs the build steps in ``dxcourse.build`` in a fixed order, the order they ran in as hooks:
pages generated from the data, the widgets' HTML put back after Markdown, the engine's assets
and theme overrides, the site's search, the folder bundle (OFFLINE=true) and the SCORM
packages (SCORM=true). List it after ``macros`` in ``plugins:``.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from .build import assets, bundle, generated, pages, scorm, search_index, widgets

OVERRIDES = Path(__file__).resolve().parent / "overrides"


def _each(*steps):
    """One event handler that hands the event's first argument through each step in turn."""

    def handler(self, item, **kwargs):
        for step in steps:
            result = step(item, **kwargs)
            if result is not None:
                item = result
        return item

    return handler


class DxCoursePlugin(BasePlugin):
    def on_config(self, config):
        # The engine's templates come after the course's own (theme.custom_dir), before Material's.
        dirs = config.theme.dirs
        dirs.insert(1 if config.theme.custom_dir else 0, str(OVERRIDES))
        for step in (assets.on_config, bundle.on_config, scorm.on_config):
            config = step(config) or config
        return config

    def on_pre_build(self, *, config):
        widgets.on_pre_build(config)
        search_index.on_pre_build(config)

    on_files = _each(generated.on_files, assets.on_files)
    on_nav = _each(search_index.on_nav)
    on_env = _each(bundle.on_env, pages.on_env)
    on_page_content = _each(widgets.on_page_content, search_index.on_page_content)
    on_page_context = _each(assets.on_page_context, search_index.on_page_context)
    on_template_context = _each(assets.on_template_context, search_index.on_template_context)
    on_post_page = _each(bundle.on_post_page)
    on_post_template = _each(bundle.on_post_template)

    def _write_site_files(self, *, config):
        assets.on_post_build(config)
        search_index.on_post_build(config)

    def _write_packages(self, *, config):
        bundle.on_post_build(config)
        scorm.on_post_build(config)

    # The zips last, after every other plugin has written its files (the search index included).
    on_post_build = CombinedEvent(_write_site_files, event_priority(-200)(_write_packages))
