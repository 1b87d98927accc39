"""The theme's templates are compiled once per process (dxcourse/build/pages.py): serve's next build reuses them."""

from __future__ import annotations

import pytest
from jinja2 import DictLoader, Environment

from dxcourse.build.pages import CompiledTemplates


def test_next_environment_reuses_the_compiled_template_and_recompiles_an_edited_one(monkeypatch):
    cache = CompiledTemplates()
    sources = {"main.html": "<p>{{ title }}</p>"}
    first = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert first.get_template("main.html").render(title="a") == "<p>a</p>"

    second = Environment(loader=DictLoader(sources), bytecode_cache=cache)

    def no_compile(*args, **kwargs):
        raise AssertionError("compiled again")

    monkeypatch.setattr(second, "compile", no_compile)
    assert second.get_template("main.html").render(title="b") == "<p>b</p>"

    sources["main.html"] = "<h1>{{ title }}</h1>"  # edited while serving
    third = Environment(loader=DictLoader(sources), bytecode_cache=cache)
    assert third.get_template("main.html").render(title="c") == "<h1>c</h1>"
