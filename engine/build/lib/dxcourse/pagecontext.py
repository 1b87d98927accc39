"""What a macro needs to know about the page it is rendering on."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from .diagnostics import page_errors
from .render import Links, render


class PageContext:
    """Wraps the mkdocs-macros env for widget renderers: links and located page errors."""

    def __init__(self, env) -> None:
        self._env = env

    @property
    def links(self) -> Links:
        return Links(self._env.page.url, self._env.conf["use_directory_urls"])

    @property
    def src_uri(self) -> str:
        return self._env.page.file.src_uri

    @property
    def source(self) -> str:
        return "docs/" + self._env.page.file.src_uri

    def config_extra(self, key: str):
        return self._env.conf["extra"][key]

    def error(self, message: str, needle: str) -> Markup:
        """Record a mistake at the line of the page that contains ``needle``.

        The build stops before writing, with every such error; the marker returned here is
        only seen by ``mkdocs serve``, which keeps running so the author can fix the page.
        """
        path = Path(self._env.page.file.abs_src_path)
        line = 1
        for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if needle in text:
                line = number
                break
        page_errors.add(self.source, line, message)
        return render("error.html", message=message)
