"""The engine's macro calls with literal arguments, run without compiling the page as Jinja.

mkdocs-macros compiles every page's Markdown as a Jinja template. On a large course that
was a fifth of the macros' time, for pages whose only Jinja is calls such as
``{{ worksheet("dx-plan") }}`` or ``{{ faq_related() }}``. When every ``{{``, ``{%`` and
``{#`` of a page is such a call to one of the engine's own macros, :func:`render` writes
the page exactly as Jinja would (each call's result as ``str()`` of it, the text between
with Jinja's newline handling) and the pluglet tells mkdocs-macros the page is done
(``render_macros: false`` for that page only, taken off again before anything else reads
the page). Anything else on a page (a variable, a filter, a statement, a comment, a
macro of another module, an argument that is not a plain string or number) leaves the
whole page to mkdocs-macros and Jinja, as before: authors keep all of Jinja.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from . import stash
from .diagnostics import page_errors

# A string without escapes, braces or line breaks, or a decimal integer (Jinja's own reading
# of these is the text itself and int()).
_LITERAL = r"""(?:"[^"\\{}\r\n]*"|'[^'\\{}\r\n]*'|0(?![0-9_])|[1-9][0-9]*(?![0-9_.]))"""
_ARGUMENT = rf"(?:[A-Za-z_][A-Za-z0-9_]*[ \t]*=[ \t]*)?{_LITERAL}"
_CALL = re.compile(
    rf"\{{\{{[ \t]*([A-Za-z_][A-Za-z0-9_]*)[ \t]*\([ \t]*((?:{_ARGUMENT}(?:[ \t]*,[ \t]*{_ARGUMENT})*)?)[ \t]*\)[ \t]*\}}\}}"
)
_ONE_ARGUMENT = re.compile(rf"(?:([A-Za-z_][A-Za-z0-9_]*)[ \t]*=[ \t]*)?({_LITERAL})")
_JINJA_START = re.compile(r"\{[{%#]")
_NEWLINE = re.compile(r"(\r\n|\r|\n)")  # jinja2.lexer.newline_re
# The Jinja environment mkdocs-macros builds when mkdocs.yml sets none of its j2_ options.
_DEFAULTS = {
    "variable_start_string": "{{",
    "variable_end_string": "}}",
    "block_start_string": "{%",
    "comment_start_string": "{#",
    "line_statement_prefix": None,
    "line_comment_prefix": None,
    "keep_trailing_newline": False,
    "newline_sequence": "\n",
    "finalize": None,
    "autoescape": False,
}

Call = tuple[int, int, str, tuple[Any, ...], dict[str, Any]]


def _value(literal: str) -> Any:
    return literal[1:-1] if literal[0] in "\"'" else int(literal)


def literal_calls(markdown: str) -> list[Call] | None:
    """Every Jinja construct of the text as ``(start, end, name, args, kwargs)``, or None if
    any one is something other than a call with literal arguments."""
    calls: list[Call] = []
    position = 0
    while True:
        start = _JINJA_START.search(markdown, position)
        if start is None:
            return calls
        match = _CALL.match(markdown, start.start())
        if match is None:
            return None
        args: list[Any] = []
        kwargs: dict[str, Any] = {}
        for argument in _ONE_ARGUMENT.finditer(match.group(2)):
            keyword, literal = argument.group(1, 2)
            if keyword is None:
                if kwargs:
                    return None  # a positional argument after a keyword: Jinja's error to report
                args.append(_value(literal))
            elif keyword in kwargs:
                return None
            else:
                kwargs[keyword] = _value(literal)
        calls.append((match.start(), match.end(), match.group(1), tuple(args), kwargs))
        position = match.end()


def jinja_text(text: str) -> str:
    """Template text without any Jinja in it, as Jinja writes it out (jinja2.lexer: one
    trailing line break dropped, line breaks written as ``\\n``)."""
    lines = _NEWLINE.split(text)[::2]
    if lines[-1] == "":
        del lines[-1]
    return "\n".join(lines)


def render(markdown: str, macros: dict[str, Callable[..., Any]]) -> str | None:
    """The page as Jinja would render it, if every construct in it is a literal call to one
    of ``macros``; else None, before any macro has run."""
    calls = literal_calls(markdown)
    if calls is None or any(name not in macros for _, _, name, _, _ in calls):
        return None
    parts = []
    last = 0
    for start, end, name, args, kwargs in calls:
        parts.append(_NEWLINE.sub("\n", markdown[last:start]))
        parts.append(str(macros[name](*args, **kwargs)))
        last = end
    parts.append(jinja_text(markdown[last:]))
    return "".join(parts)


class Pluglet:
    """mkdocs-macros' ``on_pre_page_macros`` / ``on_post_page_macros`` for the engine's macros."""

    FLAG = "render_macros"

    def __init__(self) -> None:
        self.macros: dict[str, Callable[..., Any]] = {}
        self._restore: tuple[Any, Any] | None = None

    def register(self, name: str, function: Callable[..., Any]) -> None:
        """A macro of the engine as registered with mkdocs-macros (the function Jinja calls)."""
        self.macros[name] = function

    def _applies(self, env) -> bool:
        jinja = env.env
        if any(getattr(jinja, key) != value for key, value in _DEFAULTS.items()) or jinja.extensions:
            return False  # j2_ options, or a Jinja extension (j2_extensions) that may rewrite the source
        if not env.config["render_by_default"] or len(env.pre_macro_functions) != 1 or len(env.post_macro_functions) != 1:
            return False
        meta = env.page.meta or {}
        if meta.get(self.FLAG) is False or "ignore_macros" in meta:
            return False
        title = env.page.title
        if title and env.has_j2(title):
            return False
        # Each name must be what Jinja would call: no page or site variable of that name.
        return all(name not in meta and name not in env.variables and jinja.globals.get(name) is function
                   for name, function in self.macros.items())

    def pre(self, env) -> None:
        self._restore = None
        if not self._applies(env):
            return
        src_uri = env.page.file.src_uri
        widgets = len(stash._pending.get(src_uri, ()))
        errors = len(page_errors.errors)
        try:
            text = render(env.markdown, self.macros)
        except Exception:
            # Left to Jinja, which runs the calls again and reports the error its own way:
            # what the calls before the failing one kept for the page is forgotten first.
            del stash._pending.setdefault(src_uri, [])[widgets:]
            del page_errors.errors[errors:]
            return
        if text is None:
            return
        meta = env.page.meta
        self._restore = (meta, meta.get(self.FLAG, _ABSENT))
        meta[self.FLAG] = False
        env.markdown = text

    def post(self, env) -> None:
        if self._restore is None:
            return
        meta, before = self._restore
        self._restore = None
        if before is _ABSENT:
            meta.pop(self.FLAG, None)
        else:
            meta[self.FLAG] = before


_ABSENT = object()
