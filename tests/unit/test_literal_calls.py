"""Pages whose only Jinja is literal calls of the engine's macros (dxcourse/literal_calls.py):
the same text as Jinja writes, and everything else left to Jinja."""

from __future__ import annotations

import jinja2
import pytest
from markupsafe import Markup

from dxcourse import literal_calls, stash
from dxcourse.diagnostics import page_errors


def _macros(log: list):
    def widget(*args, **kwargs):
        log.append((args, kwargs))
        return Markup(f"<!--w:{args!r}:{sorted(kwargs.items())!r}-->")

    def number(n):
        return n * 2

    return {"worksheet": widget, "faq_related": widget, "sources": widget, "double": number}


def _jinja(text: str, macros) -> str:
    """What mkdocs-macros' environment (no j2_ options) writes for the text."""
    return jinja2.Environment(undefined=jinja2.StrictUndefined).from_string(text).render(**macros)


SAME_AS_JINJA = [
    "",
    "no jinja at all\n",
    "no jinja, no final break",
    "two breaks at the end\n\n",
    "windows\r\nline\r\nbreaks\r\n",
    "old mac\rbreaks\r",
    '# Title\n\n{{ worksheet("dx-plan") }}\n',
    '{{ worksheet("dx-plan") }}',  # a call at the very end: nothing dropped after it
    "{{faq_related()}}\r\ntext\r\n{{ faq_related( ) }}\r\n",
    """{{ sources("a", 'b', "日本語の 引用") }} and {{ double(21) }}, {{ double(0) }}\n""",
    '{{ worksheet("x", by="step") }} {{ worksheet(by = "y") }}\n',
    '<!-- html -->\n{{ worksheet("a b", "c=d") }}<br>\n',
    "{ single braces } and }} alone, and {-\n",
]


@pytest.mark.parametrize("text", SAME_AS_JINJA)
def test_rendered_text_is_what_jinja_writes(text):
    fast_log, jinja_log = [], []
    assert literal_calls.render(text, _macros(fast_log)) == _jinja(text, _macros(jinja_log))
    assert fast_log == jinja_log  # the same calls, with the same arguments, in the same order


@pytest.mark.parametrize("text", [
    "{{ page.title }}",  # a variable
    '{{ worksheet("a") | upper }}',  # a filter
    "{% if true %}x{% endif %}",  # a statement
    "{# a comment #}",
    '{{- worksheet("a") }}',  # whitespace control
    '{{ worksheet("a\\nb") }}',  # an escape
    '{{ worksheet("a", ) }}',  # a trailing comma
    "{{ worksheet(x) }}",  # a name as argument
    "{{ worksheet(-1) }}",
    "{{ worksheet(1.5) }}",
    "{{ worksheet(01) }}",
    '{{ worksheet(by="a", "b") }}',  # positional after keyword
    '{{ worksheet(by="a", by="b") }}',
    '{{ other_module_macro("a") }}',  # not one of the engine's macros
    '{{ worksheet(\n"a") }}',  # a call over lines
    '{{ worksheet("a") }} then {{ page.url }}',  # one construct that is not a call: the whole page
    "{{{ worksheet() }}}",
])
def test_anything_else_leaves_the_whole_page_to_jinja_before_any_macro_runs(text):
    log = []
    assert literal_calls.render(text, _macros(log)) is None
    assert log == []


class _Page:
    def __init__(self, meta, title="Title"):
        self.meta = meta
        self.title = title
        self.file = type("File", (), {"src_uri": "p.md"})()


class _Env:
    """The parts of mkdocs-macros' plugin object the pluglet reads."""

    def __init__(self, markdown, macros, meta=None, title="Title", variables=None):
        self.env = jinja2.Environment(undefined=jinja2.StrictUndefined)
        self.env.globals.update(macros)
        self.config = {"render_by_default": True}
        self.pre_macro_functions = [object()]
        self.post_macro_functions = [object()]
        self.page = _Page({} if meta is None else meta, title)
        self.variables = variables or {}
        self.markdown = markdown

    def has_j2(self, text):
        return any(s in text for s in ("{{", "{%", "{#"))


def _pluglet(macros):
    pluglet = literal_calls.Pluglet()
    for name, function in macros.items():
        pluglet.register(name, function)
    return pluglet


def test_pluglet_writes_the_page_and_takes_its_flag_off_again():
    macros = _macros([])
    env = _Env('a {{ double(2) }} b\n', macros, meta={"title": "x"})
    pluglet = _pluglet(macros)
    pluglet.pre(env)
    assert env.markdown == "a 4 b"
    assert env.page.meta["render_macros"] is False  # mkdocs-macros: nothing left to render
    pluglet.post(env)
    assert env.page.meta == {"title": "x"}


@pytest.mark.parametrize("change", [
    lambda env: env.page.meta.update(render_macros=False),  # the author turned macros off
    lambda env: env.page.meta.update(double=5),  # a page variable of a macro's name
    lambda env: env.variables.update(double=5),  # a site variable of a macro's name
    lambda env: setattr(env.page, "title", "{{ double(1) }}"),  # mkdocs-macros renders the title too
    lambda env: env.pre_macro_functions.append(object()),  # another module's hook may change the page
    lambda env: setattr(env.env, "variable_start_string", "[["),  # j2_ options
    lambda env: env.env.add_extension("jinja2.ext.do"),  # j2_extensions
    lambda env: env.env.globals.update(double=lambda n: n),  # not the engine's function
])
def test_pluglet_leaves_the_page_to_mkdocs_macros(change):
    macros = _macros([])
    env = _Env("a {{ double(2) }} b\n", macros)
    change(env)
    meta = dict(env.page.meta)
    pluglet = _pluglet(macros)
    pluglet.pre(env)
    assert env.markdown == "a {{ double(2) }} b\n"
    assert env.page.meta == meta
    pluglet.post(env)
    assert env.page.meta == meta


def test_a_failing_call_is_left_to_jinja_with_nothing_kept_from_the_calls_before_it():
    stash.clear()
    errors = len(page_errors.errors)

    def fine():
        page_errors.add("docs/p.md", 1, "recorded by a call that worked")
        return stash.put("p.md", Markup("<div>first</div>"))

    def broken():
        raise ValueError("bad id")

    macros = {"fine": fine, "broken": broken}
    env = _Env("{{ fine() }}\n{{ broken() }}\n", macros)
    _pluglet(macros).pre(env)
    assert env.markdown == "{{ fine() }}\n{{ broken() }}\n"
    assert "render_macros" not in env.page.meta
    assert stash._pending.get("p.md") == []
    assert len(page_errors.errors) == errors
    stash.clear()
