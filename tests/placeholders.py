"""Writing over a stub's placeholders (「(…を書く)」) as its author would, for tests that
make stubs with ``python -m dxcourse new`` and then build them."""

from __future__ import annotations

import itertools
from pathlib import Path


_FILLED = itertools.count(1)


def fill_placeholders(path: Path) -> None:
    """Writes over each placeholder of a stub (「(…を書く)」), as its author would: a sentence
    where it stands alone in a page's body, else a short noun phrase."""
    import re

    from dxcourse.rules import find_placeholders

    lines = path.read_text(encoding="utf-8").split("\n")
    fences = 0
    for i, line in enumerate(lines):
        if path.suffix == ".md" and line == "---":
            fences += 1
        for found in find_placeholders(line):
            in_body = path.suffix == ".md" and fences >= 2
            alone = re.fullmatch(r"(?:\d+\. |- )?" + re.escape(found), line.strip())
            words = f"窓口の手続きの見直し{next(_FILLED)}"
            lines[i] = lines[i].replace(found, f"{words}をします。" if in_body and alone else words, 1)
    path.write_text("\n".join(lines), encoding="utf-8")


def fill_all_placeholders(root: Path) -> None:
    """Every file of a course that still holds a stub's placeholder, filled."""
    from dxcourse.rules import placeholders

    for path in sorted({e.path for e in placeholders(root, root / "docs")}):
        fill_placeholders(root / path)
