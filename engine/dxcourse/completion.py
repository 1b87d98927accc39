"""The completion rule of a learning module (version 2), shared with assets/completion.js.

A module's activities fall into two groups:

- 学習 (learning), what a learner can truthfully finish: each page listed under ``read``
  marked read (``read/<module>/<page id>`` is ``true``), the module's self-check passed
  (``selfcheck/<module>`` holds ``passed: true``), every listed decision tree walked to an
  outcome (``tree/<id>`` holds a non-empty string ``outcome``) and every reflection answered
  (``reflection/<module>/<question>`` holds a non-blank string).
- 実践 (practice), the workplace actions of the listed checklist items
  (``checklist/<list>/<item>`` is ``true``): kept and reported as 自己申告, never required.

A module is complete when every 学習 activity is done; it was completed at the latest
``at`` among them. ``updatedAt`` is the latest ``at`` among all the module's keys, practice
included, so that per-module "newest wins" merges see practice changes too.

:func:`status` is the Python statement of the rule (the unit tests hold it and the browser's
implementation to the same cases); :func:`spec` is what the browser needs to apply it.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

_PAGE_ID = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")


def page_id(ref: str) -> str:
    """A listed page's id in ``read/<module>/<page id>``: its docs path without ``.md``, with
    ``/`` and ``#`` as ``-`` (``steps/index.md#step-3`` → ``steps-index-step-3``). Page paths
    are already permanent link targets, so the id is as stable as the page."""
    path, _, anchor = ref.partition("#")
    stem = path[: -len(".md")] if path.endswith(".md") else path
    return "-".join(part for part in (stem.replace("/", "-"), anchor) if part)


def valid_page_id(ref: str) -> bool:
    return bool(_PAGE_ID.match(page_id(ref)))


def read_key(module_id: str, ref: str) -> str:
    return f"read/{module_id}/{page_id(ref)}"


def selfcheck_key(module_id: str) -> str:
    return f"selfcheck/{module_id}"


def spec(module, checklist_keys: list[str], reflection_keys: list[str], selfcheck=None) -> dict[str, Any]:
    """The parts of the rule for one module: keys by kind, and the self-check's pass mark."""
    return {
        "read": [read_key(module.id, ref) for ref in module.read],
        "trees": list(module.trees),
        "reflections": reflection_keys,
        "selfcheck": (
            {"key": selfcheck_key(module.id), "passMark": selfcheck.pass_mark, "max": len(selfcheck.questions)}
            if selfcheck is not None
            else None
        ),
        "checklist": checklist_keys,
    }


# --- the rule, over a progress record's items -----------------------------------------------


def _tree_done(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("outcome"), str) and value["outcome"] != ""


def _reflection_done(value: Any) -> bool:
    return isinstance(value, str) and value.strip() != ""


def _passed(value: Any) -> bool:
    return isinstance(value, dict) and value.get("passed") is True


def _later(a: str | None, b: str | None) -> str | None:
    if not b:
        return a
    if not a:
        return b
    return b if datetime.fromisoformat(b.replace("Z", "+00:00")) > datetime.fromisoformat(a.replace("Z", "+00:00")) else a


def status(spec: dict[str, Any], items: dict[str, dict]) -> dict[str, Any]:
    """Apply the rule to ``items`` (a progress record's ``items``: key → {value, at})."""

    def value(key: str) -> Any:
        entry = items.get(key)
        return entry.get("value") if entry else None

    learning: list[tuple[str, bool]] = [(k, value(k) is True) for k in spec["read"]]
    learning += [(f"tree/{t}", _tree_done(value(f"tree/{t}"))) for t in spec["trees"]]
    learning += [(k, _reflection_done(value(k))) for k in spec["reflections"]]
    check = spec.get("selfcheck")
    self_check = None
    if check:
        stored = value(check["key"])
        learning.append((check["key"], _passed(stored)))
        if isinstance(stored, dict):
            self_check = {
                "score": stored.get("score"), "max": stored.get("max"), "passMark": check["passMark"],
                "passed": _passed(stored), "at": items[check["key"]]["at"],
            }
    practice = [(k, value(k) is True) for k in spec["checklist"]]
    done = sum(ok for _, ok in learning)
    complete = bool(learning) and done == len(learning)
    completed_at = None
    if complete:
        for key, _ in learning:
            completed_at = _later(completed_at, (items.get(key) or {}).get("at"))
    updated_at = None
    for key, _ in learning + practice:
        updated_at = _later(updated_at, (items.get(key) or {}).get("at"))
    return {
        "learning": {"done": done, "total": len(learning)},
        "practice": {"done": sum(ok for _, ok in practice), "total": len(practice)},
        "selfCheck": self_check,
        "complete": complete,
        "completedAt": completed_at,
        "updatedAt": updated_at,
    }
