"""The register of published ids: ``data/published.yml``.

Once a version of the site has been handed out, its ids and module numbers live on in
browser records, completion records and assignment codes. The register lists them; the
build refuses data that drops one (retire it instead: ``retired: true``) or gives a
published module number to another module.

Rule: ``./dev build`` (the command that makes what is published) adds every id of the
data to the register after a successful build; ``./dev publish`` does only that. Nothing
is ever removed from the register. Commit it with the content.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .diagnostics import SourceError
from .sitedata import SiteData
from .yamlsource import line_of, load_yaml

FILE = "data/published.yml"

HEADER = """\
# 公開済みの id と番号の台帳です。./dev build(公開用のビルド)と ./dev publish が書き足します。
# ここにある id は、ブラウザの記録・修了記録・受講指示のコードに残っています。
# データから消すとビルドが止まります。やめるときは消さずに retired: true を付けてください(MAINTAINING.md)。
# この台帳は手で消したり書き換えたりしないでください。
"""


def current(data: SiteData) -> dict[str, Any]:
    """What the data publishes now: module numbers, tree ids, checklist item ids."""
    modules = {m.id: m.number for f in data.all("modules") for m in f.modules}
    trees = sorted(data.ids("decisions"))
    items = {c.id: [i.id for i in c.items] for c in data.all("checklists")}
    return {"modules": modules, "trees": trees, "checklist_items": items}


def read(root: Path) -> tuple[Any, list[SourceError]]:
    path = root / FILE
    if not path.is_file():
        return None, []
    raw, problems = load_yaml(path, FILE)
    if problems:
        return None, problems
    if raw is None:
        return {}, []
    if not isinstance(raw, dict):
        return None, [SourceError(FILE, 1, "台帳の形が壊れています。git で前の版に戻してください。")]
    return raw, []


def check(root: Path, data: SiteData) -> list[SourceError]:
    """Every published id is still in the data, and published numbers keep their module."""
    raw, errors = read(root)
    if raw is None:
        return errors
    module_docs = data.documents.get("modules", [])
    if module_docs:
        doc = module_docs[0]
        by_id = {m.id: (i, m) for i, m in enumerate(doc.value.modules) if m}
        unverified = data.unverified.get("modules", set())
        registered = raw.get("modules") or {}
        owner_of = {number: module_id for module_id, number in registered.items()}
        for module_id, number in registered.items():
            line = line_of(raw, ("modules", module_id))
            if module_id in unverified:
                continue
            if module_id not in by_id:
                errors.append(SourceError(
                    doc.display, 1,
                    f"公開済みのモジュール '{module_id}'(番号 {number})が modules.yml にありません。"
                    f"消さずに戻して retired: true を付けてください(古い受講指示のコードと修了記録が使っています。{FILE}:{line})。"))
            elif by_id[module_id][1].number != number:
                i, _ = by_id[module_id]
                errors.append(doc.error(
                    f"公開済みのモジュール '{module_id}' の番号は {number} です。番号は受講指示のコードに入っているので変えられません。{number} に戻してください。",
                    "modules", i, "number"))
        for i, module in enumerate(doc.value.modules):
            if module is None:
                continue
            owner = owner_of.get(module.number)
            if owner is not None and owner != module.id and module.id not in registered:
                free = max([*owner_of, *(m.number for m in doc.value.modules if m)], default=0) + 1
                errors.append(doc.error(
                    f"番号 {module.number} は公開済みのモジュール '{owner}' のものです(廃止していても再利用できません)。"
                    f"まだ使っていない番号にしてください(次に使える番号: {free})。",
                    "modules", i, "number"))
    if "decisions" not in data.failed:
        trees = set(data.ids("decisions"))
        for k, tree_id in enumerate(raw.get("trees") or []):
            if tree_id not in trees:
                errors.append(SourceError(
                    FILE, line_of(raw, ("trees", k)),
                    f"公開済みの判断ツリー '{tree_id}' が data/decisions/ にありません。ファイルを消さずに戻し、retired: true を付けてください(記録と結果のリンクが使っています)。"))
    if "checklists" not in data.failed:
        lists = {c.id: {i.id for i in c.items} for c in data.all("checklists")}
        for list_id, items in (raw.get("checklist_items") or {}).items():
            for k, item_id in enumerate(items or []):
                if list_id not in lists or item_id not in lists[list_id]:
                    where = f"data/checklists/{list_id}.yml"
                    errors.append(SourceError(
                        FILE, line_of(raw, ("checklist_items", list_id, k)),
                        f"公開済みのチェックリストの項目 '{list_id}/{item_id}' が {where} にありません。項目を消さずに戻し、retired: true を付けてください(チェックの記録が使っています)。"))
    return errors


def merged(old: Any, now: dict[str, Any]) -> dict[str, Any]:
    """The register with the data's ids added; nothing removed."""
    old = old or {}
    modules = dict(old.get("modules") or {})
    for module_id, number in now["modules"].items():
        modules.setdefault(module_id, number)
    trees = list(old.get("trees") or [])
    trees += [t for t in now["trees"] if t not in trees]
    items = {k: list(v or []) for k, v in (old.get("checklist_items") or {}).items()}
    for list_id, ids in now["checklist_items"].items():
        have = items.setdefault(list_id, [])
        have += [i for i in ids if i not in have]
    return {"modules": modules, "trees": trees, "checklist_items": items}


def dump(register: dict[str, Any]) -> str:
    lines = [HEADER.rstrip("\n"), "modules:"]
    lines += [f"  {module_id}: {number}" for module_id, number in sorted(register["modules"].items(), key=lambda kv: kv[1])]
    lines.append("trees:")
    lines += [f"  - {tree_id}" for tree_id in register["trees"]]
    lines.append("checklist_items:")
    for list_id, ids in register["checklist_items"].items():
        lines.append(f"  {list_id}:")
        lines += [f"    - {item_id}" for item_id in ids]
    return "\n".join(lines) + "\n"


def write(root: Path, data: SiteData) -> Path:
    old, errors = read(root)
    if errors:
        raise SystemExit("\n".join(str(e) for e in errors))
    path = root / FILE
    path.write_text(dump(merged(old, current(data))), encoding="utf-8")
    return path
