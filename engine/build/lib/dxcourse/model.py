"""Base model and reference types shared by every widget's data.

References are checked during validation through pydantic's validation context, so an
unknown page or id is reported at the line that names it, like any other field error.
"""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, StringConstraints, ValidationInfo

from .messages import nearest, unknown

Id = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", max_length=64),
]
"""Stable identifier: lower-case ASCII words joined by hyphens. Stored in browser records."""

# Free text has a ceiling, so a pasted document or a runaway line stops the build at its line
# instead of making a page nobody can read. A paragraph today is at most about 100 characters.
TEXT_MAX = 400
TITLE_MAX = 60

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TEXT_MAX)]
"""A sentence or short paragraph."""

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=TITLE_MAX)]
"""A title, name, label or term: shown in headings, buttons, tables and the navigation."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _context(info: ValidationInfo) -> dict[str, Any]:
    return info.context or {}


def _check_page(value: str, info: ValidationInfo) -> str:
    pages = _context(info).get("pages")
    path = value.partition("#")[0]
    if pages is not None and path not in pages:
        guess = nearest(path, pages)
        tip = f"もしかして: {guess}" if guess else "docs/ からの相対パスで書きます。例: steps/step-1.md"
        raise ValueError(f"ページ '{path}' がありません({tip})。パスを直すか、そのページを作ってください。")
    return value


PageRef = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1), AfterValidator(_check_page)]
"""A docs-relative Markdown path, optionally with ``#anchor``; must exist in ``docs/``."""


KIND_NAMES = {
    "steps": "ステップ",
    "glossary": "用語",
    "checklists": "チェックリスト",
    "decisions": "判断ツリー",
    "roles": "役割",
    "modules": "モジュール",
    "programs": "プログラム",
}
"""Collection names as the messages call them."""


def ref(kind: str) -> AfterValidator:
    """A validator that accepts only ids already loaded for collection ``kind``."""

    def check(value: str, info: ValidationInfo) -> str:
        known = _context(info).get("ids", {}).get(kind)
        if known is not None and value not in known:
            raise ValueError(unknown(KIND_NAMES.get(kind, kind), value, known))
        return value

    return AfterValidator(check)
