"""The theme's Jinja environment: the filter for the 最終確認日 line in ``overrides/main.html``,
and its templates compiled once per process.

A hook, because the theme's Jinja environment is not mkdocs-macros' one: macros render
Markdown, while the date sits in the page template around it.
"""

from __future__ import annotations

from jinja2 import BytecodeCache


class CompiledTemplates(BytecodeCache):
    """The theme's templates, compiled, kept in memory for the next build in the process.

    ``mkdocs serve`` makes a new Jinja environment on every save, and compiling Material's
    templates again was about a sixth of each rebuild. Jinja keeps each template's source
    checksum with its code, so a template that changed is compiled again."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


COMPILED = CompiledTemplates()


def on_env(env, config, files):
    from ..pages import format_reviewed

    env.filters["dx_reviewed"] = format_reviewed
    env.bytecode_cache = COMPILED
    return env
