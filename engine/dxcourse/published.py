"""The register of published ids: ``data/published.yml``.

Once a version of the site has been handed out, its ids and module numbers live on in
browser records, completion records and assignment codes. The register lists them; the
build refuses data that drops one (retire it instead: ``retired: true``) or gives a
published module number to another module.

Rule: ``python -m dxcourse build`` (the command that makes what is published) adds every id
of the data to the register after a successful build; ``python -m dxcourse publish`` does
only that. Nothing
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
# 公開済みの id と番号の台帳です。python -m dxcourse build(公開用のビルド)と publish が書き足します。
# ここにある id は、ブラウザの記録・修了記録・受講指示のコードに残っています。
# データから消すとビルドが止まります。やめるときは消さずに retired: true を付けてください。
# この台帳は手で消したり書き換えたりしないでください。
"""


MISSING = (
    f"{FILE}(公開済みの id と番号の台帳)がありません。git の記録では、このコースは公開済みです。"
    "台帳がないと、公開済みの id を消しても誰も気づきません。次のコマンドで戻してください: "
)
"""The start of the error when a register that git knows of is missing."""


def _git(root: Path, *args: str) -> str | None:
    import subprocess

    try:
        result = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired):
        return None  # no git: nothing to tell from
    return result.stdout.strip() if result.returncode == 0 else None


def missing(root: Path) -> SourceError | None:
    """The register is gone although git shows it was committed (the course was published):
    an error with the command that restores it. A course that never had one has nothing
    published yet; ``publish`` (and ``build``) start its register."""
    if (root / FILE).is_file():
        return None
    if not _git(root, "log", "-1", "--format=%h", "--", FILE):
        return None
    if _git(root, "cat-file", "-e", f"HEAD:{FILE}") is not None:
        restore = f"git checkout HEAD -- {FILE}"
    else:
        deleted = _git(root, "log", "-1", "--format=%h", "--diff-filter=D", "--", FILE)
        restore = f"git checkout {deleted}^ -- {FILE}"
    return SourceError(FILE, 1, MISSING + restore)


def _faq_pages(docs_dir: Path) -> list[str]:
    folder = docs_dir / "faq"
    return sorted(p.stem for p in folder.glob("*.md") if p.name != "index.md") if folder.is_dir() else []


def current(data: SiteData, docs_dir: Path | None = None, extra: dict[str, Any] | None = None) -> dict[str, Any]:
    """What the data publishes now: every id a browser record, a result link, an assignment
    code or an LMS keeps."""
    modules = {m.id: m.number for f in data.all("modules") for m in f.modules}
    trees = sorted(data.ids("decisions"))
    items = {c.id: [i.id for i in c.items] for c in data.all("checklists")}
    reflections = {m.id: [r.id for r in m.reflections] for f in data.all("modules") for m in f.modules if m.reflections}
    questions = {t.id: [q.id for q in t.questions] for t in sorted(data.all("decisions"), key=lambda t: t.id)}
    roles = [r.id for f in data.all("roles") for r in f.roles]
    site_id = (extra or {}).get("site_id")
    return {
        "site_id": site_id if isinstance(site_id, str) else None,
        "modules": modules, "trees": trees, "checklist_items": items, "reflections": reflections,
        "tree_questions": questions, "roles": roles, "faq": _faq_pages(docs_dir) if docs_dir else [],
    }


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


def _mkdocs_line(root: Path, key: str) -> int:
    config = root / "mkdocs.yml"
    if config.is_file():
        for number, text in enumerate(config.read_text(encoding="utf-8").splitlines(), start=1):
            if text.strip().startswith(f"{key}:"):
                return number
    return 1


def check(root: Path, data: SiteData, extra: dict[str, Any] | None = None, docs_dir: Path | None = None) -> list[SourceError]:
    """Every published id is still in the data, and published numbers keep their module."""
    gone = missing(root)
    if gone is not None:
        return [gone]
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
        if "modules" not in data.failed:
            for module_id, ids in (raw.get("reflections") or {}).items():
                if module_id not in by_id:
                    continue  # the module's own error says how to restore it
                i, module = by_id[module_id]
                have = {r.id for r in module.reflections}
                for k, reflection_id in enumerate(ids or []):
                    if reflection_id not in have:
                        errors.append(doc.error(
                            f"公開済みの振り返りの問い '{module_id}/{reflection_id}' がありません。id を戻してください"
                            f"(ブラウザの記録が使っていて、消すと修了したモジュールが未完了に戻ります。{FILE}:{line_of(raw, ('reflections', module_id, k))})。"
                            "問いの文は変えてかまいません。問いをやめるときは、このモジュールに retired: true を付け、新しい id のモジュールを作ってください。",
                            "modules", i, "reflections"))
    if "decisions" not in data.failed:
        trees = {t.id: t for t in data.all("decisions")}
        tree_docs = {doc.value.id: doc for doc in data.documents.get("decisions", [])}
        for k, tree_id in enumerate(raw.get("trees") or []):
            if tree_id not in trees:
                errors.append(SourceError(
                    FILE, line_of(raw, ("trees", k)),
                    f"公開済みの判断ツリー '{tree_id}' が data/decisions/ にありません。ファイルを消さずに戻し、retired: true を付けてください(記録と結果のリンクが使っています)。"))
        for tree_id, ids in (raw.get("tree_questions") or {}).items():
            if tree_id not in trees:
                continue  # the tree's own error says how to restore it
            have = {q.id for q in trees[tree_id].questions}
            for k, question_id in enumerate(ids or []):
                if question_id not in have:
                    errors.append(tree_docs[tree_id].error(
                        f"公開済みの判断ツリーの問い '{tree_id}/{question_id}' がありません。id を戻してください(結果のリンクとブラウザの記録が使っています。"
                        f"{FILE}:{line_of(raw, ('tree_questions', tree_id, k))})。問いの文は変えてかまいません。問いの組み立てを変えるときは、"
                        "このツリーに retired: true を付け、新しい id のツリーを作ってください。", "questions"))
    if "checklists" not in data.failed:
        lists = {c.id: {i.id for i in c.items} for c in data.all("checklists")}
        for list_id, items in (raw.get("checklist_items") or {}).items():
            for k, item_id in enumerate(items or []):
                if list_id not in lists or item_id not in lists[list_id]:
                    where = f"data/checklists/{list_id}.yml"
                    errors.append(SourceError(
                        FILE, line_of(raw, ("checklist_items", list_id, k)),
                        f"公開済みのチェックリストの項目 '{list_id}/{item_id}' が {where} にありません。項目を消さずに戻し、retired: true を付けてください(チェックの記録が使っています)。"))
    if "roles" not in data.failed and data.documents.get("roles"):
        roles = {r.id for f in data.all("roles") for r in f.roles}
        for k, role_id in enumerate(raw.get("roles") or []):
            if role_id not in roles:
                errors.append(SourceError(
                    FILE, line_of(raw, ("roles", k)),
                    f"公開済みの役割 '{role_id}' が data/curriculum/roles.yml にありません。消さずに戻してください(受講指示のコードと記録が使っています)。"
                    "使わなくなった役割は、programs.yml のどのプログラムの audience からも外します。"))
    if docs_dir is not None:
        pages = set(_faq_pages(docs_dir))
        for k, name in enumerate(raw.get("faq") or []):
            if name not in pages:
                errors.append(SourceError(
                    FILE, line_of(raw, ("faq", k)),
                    f"公開済みのよくある質問のページ docs/faq/{name}.md がありません。消さずに戻してください(リンク・ブックマーク・読んだ記録が使っています)。"
                    "名前を変えたいときは、古いページを残し、新しいページへのリンクを書きます。"))
    site_id = (extra or {}).get("site_id")
    published = raw.get("site_id")
    if extra is not None and published and isinstance(site_id, str) and site_id != published:
        errors.append(SourceError(
            "mkdocs.yml", _mkdocs_line(root, "site_id"),
            f"extra.site_id は公開済みの '{published}' です({FILE}:{line_of(raw, ('site_id',))})。変えると、職員のブラウザの記録もLMSの記録も読めなくなります。"
            f"'{published}' に戻してください。別の自治体のサイトとして始めるとき(このコースをコピーして名前を変えたとき)は、"
            f"python -m dxcourse publish --new-site-id で台帳の site_id を '{site_id}' に書き換えます。"))
    return errors


SITE_ID_ERROR = "extra.site_id は公開済みの "
"""How the error of a changed site_id starts (``publish --new-site-id`` accepts the change)."""


def merged(old: Any, now: dict[str, Any], new_site_id: bool = False) -> dict[str, Any]:
    """The register with the data's ids added; nothing removed (but the site_id, when the
    maintainer says the site is a new one)."""
    old = old or {}
    modules = dict(old.get("modules") or {})
    for module_id, number in now["modules"].items():
        modules.setdefault(module_id, number)

    def listed(key: str) -> list[str]:
        have = list(old.get(key) or [])
        return have + [i for i in now[key] if i not in have]

    def grouped(key: str) -> dict[str, list[str]]:
        out = {k: list(v or []) for k, v in (old.get(key) or {}).items()}
        for group, ids in now[key].items():
            have = out.setdefault(group, [])
            have += [i for i in ids if i not in have]
        return out

    return {
        "site_id": (now.get("site_id") if new_site_id else None) or old.get("site_id") or now.get("site_id"),
        "modules": modules,
        "trees": listed("trees"),
        "checklist_items": grouped("checklist_items"),
        "reflections": grouped("reflections"),
        "tree_questions": grouped("tree_questions"),
        "roles": listed("roles"),
        "faq": listed("faq"),
    }


def dump(register: dict[str, Any]) -> str:
    lines = [HEADER.rstrip("\n")]
    if register.get("site_id"):
        lines.append(f"site_id: {register['site_id']}")
    lines.append("modules:")
    lines += [f"  {module_id}: {number}" for module_id, number in sorted(register["modules"].items(), key=lambda kv: kv[1])]
    for key in ("trees",):
        lines.append(f"{key}:")
        lines += [f"  - {i}" for i in register[key]]
    for key in ("checklist_items", "reflections", "tree_questions"):
        lines.append(f"{key}:")
        for group, ids in register[key].items():
            lines.append(f"  {group}:")
            lines += [f"    - {i}" for i in ids]
    for key in ("roles", "faq"):
        lines.append(f"{key}:")
        lines += [f"  - {i}" for i in register[key]]
    return "\n".join(lines) + "\n"


def write(root: Path, data: SiteData, docs_dir: Path | None = None, extra: dict[str, Any] | None = None, new_site_id: bool = False) -> bool:
    """Adds the data's ids to the register; True when the file changed."""
    old, errors = read(root)
    if errors:
        raise SystemExit("\n".join(str(e) for e in errors))
    path = root / FILE
    text = dump(merged(old, current(data, docs_dir if docs_dir is not None else root / "docs", extra), new_site_id))
    before = path.read_text(encoding="utf-8") if path.is_file() else None
    if text == before:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return True
