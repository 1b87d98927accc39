"""References between the curriculum files and the rest of the data, checked once all is loaded."""

from __future__ import annotations

from ..diagnostics import SourceError
from ..messages import unknown
from ..sitedata import Document, SiteData
from .models import COLLECTIONS, one_document


def check(data: SiteData, docs_pages: set[str] | None = None) -> list[SourceError]:
    """References between the curriculum files and the rest of the data; every error, located.

    Runs on whatever validated: a reference into a file that failed is not checked (its own
    errors are reported), so one mistake is never reported as several.
    """
    roles_doc, modules_doc, programs_doc = (one_document(data, c.name) for c in COLLECTIONS)
    errors: list[SourceError] = []
    names = [c.name for c in COLLECTIONS]
    present = [d is not None or n in data.failed for n, d in zip(names, (roles_doc, modules_doc, programs_doc))]
    if not any(present):
        return []  # a site without a curriculum
    errors += [
        SourceError(f"data/{c.pattern}", 1, "ファイルがありません。研修カリキュラムには roles.yml・modules.yml・programs.yml の3つが要ります(python -m dxcourse new module などで作れます)。")
        for c, ok in zip(COLLECTIONS, present) if not ok
    ]
    unverified = data.unverified
    role_ids = {r.id for r in roles_doc.value.roles if r} | unverified.get("roles", set()) if roles_doc else None
    module_by_id = {m.id: m for m in modules_doc.value.modules if m} if modules_doc else None
    module_ids = set(module_by_id or ()) | unverified.get("modules", set())
    program_ids = {p.id for p in programs_doc.value.programs if p} | unverified.get("programs", set()) if programs_doc else None
    steps = data.all("steps")
    step_ids = {s.id for f in steps for s in f.steps} if "steps" not in data.failed else None
    checklists = {c.id: c for c in data.all("checklists")}
    checklists_known = "checklists" not in data.failed
    trees = {t.id: t for t in data.all("decisions")}

    # Modules: numbers, checklist items, at least one activity.
    if modules_doc:
        numbers: dict[int, str] = {}
        for i, module in enumerate(modules_doc.value.modules):
            if module is None:
                continue
            at = ("modules", i)
            if module.number in numbers:
                errors.append(modules_doc.error(
                    f"番号 {module.number} はモジュール '{numbers[module.number]}' が使っています。まだ使っていない番号にしてください(次に使える番号: {_next_number(modules_doc)})。",
                    *at, "number"))
            numbers.setdefault(module.number, module.id)
            for j, role in enumerate(module.roles or []):
                if role_ids is not None and role not in role_ids:
                    errors.append(modules_doc.error(unknown("役割", role, role_ids, "roles.yml の id から選んでください。"), *at, "roles", j))
            for j, activity in enumerate(module.checklists):
                checklist = checklists.get(activity.checklist)
                if checklist is None:
                    if checklists_known:
                        errors.append(modules_doc.error(unknown("チェックリスト", activity.checklist, checklists, "data/checklists/ のファイルの id から選んでください。"),
                                                        *at, "checklists", j, "checklist"))
                    continue
                items = {item.id: item for item in checklist.items}
                for k, item in enumerate(activity.items):
                    if item not in items:
                        errors.append(modules_doc.error(
                            unknown(f"チェックリスト '{activity.checklist}' の項目", item, items, f"data/checklists/{activity.checklist}.yml の items の id から選んでください。"),
                            *at, "checklists", j, "items", k))
                    elif items[item].retired and not module.retired:
                        errors.append(modules_doc.error(
                            f"チェックリスト '{activity.checklist}' の項目 '{item}' は廃止されています(retired: true)。このモジュールの items から外してください。",
                            *at, "checklists", j, "items", k))
                if not activity.items and not module.retired and all(item.retired for item in checklist.items):
                    errors.append(modules_doc.error(f"チェックリスト '{activity.checklist}' の項目はすべて廃止されています。このモジュールから外してください。", *at, "checklists", j, "checklist"))
            for j, tree_id in enumerate(module.trees):
                tree = trees.get(tree_id)
                if tree is not None and getattr(tree, "retired", False) and not module.retired:
                    errors.append(modules_doc.error(f"判断ツリー '{tree_id}' は廃止されています(retired: true)。このモジュールの trees から外してください。", *at, "trees", j))
            if not (module.checklists or module.trees or module.reflections):
                errors.append(modules_doc.error("モジュールには活動が1つ以上要ります。checklists・trees・reflections のどれかを書いてください。", *at, "id"))

    # Programs: roles, steps, modules (each in exactly one program), prerequisites.
    owner: dict[str, str] = {}
    if programs_doc:
        program_numbers: dict[int, str] = {}
        for i, program in enumerate(programs_doc.value.programs):
            if program is None:
                continue
            at = ("programs", i)
            if program.number in program_numbers:
                errors.append(programs_doc.error(f"番号 {program.number} はプログラム '{program_numbers[program.number]}' が使っています。別の番号にしてください。", *at, "number"))
            program_numbers.setdefault(program.number, program.id)
            for j, role in enumerate(program.audience):
                if role_ids is not None and role not in role_ids:
                    errors.append(programs_doc.error(unknown("役割", role, role_ids, "roles.yml の id から選んでください。"), *at, "audience", j))
            for j, step in enumerate(program.steps):
                if step_ids is not None and step not in step_ids:
                    errors.append(programs_doc.error(unknown("ステップ", step, step_ids, "data/steps.yml の id から選んでください。"), *at, "steps", j))
            for j, module_id in enumerate(program.modules):
                if module_by_id is None:
                    continue
                if module_id not in module_by_id:
                    if module_id in module_ids:
                        continue  # a module with errors of its own
                    errors.append(programs_doc.error(unknown("モジュール", module_id, module_by_id, "modules.yml の id から選ぶか、python -m dxcourse new module で作ってください。"), *at, "modules", j))
                elif module_by_id[module_id].retired:
                    errors.append(programs_doc.error(f"モジュール '{module_id}' は廃止されています(retired: true)。このプログラムの modules から外してください(モジュールは modules.yml に残します)。", *at, "modules", j))
                elif module_id in owner:
                    errors.append(programs_doc.error(f"モジュール '{module_id}' はすでにプログラム '{owner[module_id]}' に入っています。1つのモジュールは1つのプログラムにだけ入れてください。", *at, "modules", j))
                else:
                    owner[module_id] = program.id
                    module = module_by_id[module_id]
                    outside = [r for r in (module.roles or []) if role_ids is not None and r in role_ids and r not in program.audience]
                    if outside:
                        errors.append(programs_doc.error(
                            f"モジュール '{module_id}' の対象({', '.join(outside)})が、このプログラムの audience にいません。audience に足すか、モジュールの roles から外してください。",
                            *at, "modules", j))
            for j, prereq in enumerate(program.prerequisites):
                if prereq not in program_ids:
                    errors.append(programs_doc.error(unknown("前提のプログラム", prereq, program_ids, "programs.yml の id から選んでください。"), *at, "prerequisites", j))
                elif prereq == program.id:
                    errors.append(programs_doc.error("プログラムは自分自身を前提にできません。prerequisites から外してください。", *at, "prerequisites", j))
        errors += _cycles(programs_doc)
    if modules_doc and programs_doc and "programs" not in unverified:
        for i, module in enumerate(modules_doc.value.modules):
            if module and module.id not in owner and not module.retired:
                errors.append(modules_doc.error(
                    f"モジュール '{module.id}' はどのプログラムにも入っていません。programs.yml のどれかのプログラムの modules に足してください(やめるなら retired: true)。",
                    "modules", i, "id"))
    return errors


def _next_number(doc: Document) -> int:
    return max((m.number for m in doc.value.modules if m), default=0) + 1


def _cycles(doc: Document) -> list[SourceError]:
    """Each prerequisite cycle once, at the line of the edge that closes it."""
    programs = {p.id: (i, p) for i, p in enumerate(doc.value.programs) if p}
    state: dict[str, int] = {}  # 1 visiting, 2 done
    errors = []
    path: list[str] = []

    def visit(pid: str) -> None:
        state[pid] = 1
        path.append(pid)
        index, program = programs[pid]
        for j, prereq in enumerate(program.prerequisites):
            if prereq not in programs or prereq == pid:
                continue
            if state.get(prereq) == 1:
                cycle = path[path.index(prereq):] + [prereq]
                errors.append(doc.error(f"前提のプログラムが循環しています: {' → '.join(cycle)}。どれか1つの prerequisites を外してください。", "programs", index, "prerequisites", j))
            elif prereq not in state:
                visit(prereq)
        path.pop()
        state[pid] = 2

    for pid in programs:
        if pid not in state:
            visit(pid)
    return errors
