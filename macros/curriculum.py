"""研修カリキュラム: roles, the six programs and the self-study modules, from data/curriculum/.

Three collections, one file each (a list per file keeps the curriculum readable in one
place). Field-level mistakes are reported by pydantic at their line; references between
the files (roles, steps, modules, checklist items, prerequisites and their cycles) are
checked by :func:`check` once everything is loaded, and reported the same way.

The completion rule of a module (学習 required, 実践 self-declared and never required) is
in ``macros/completion.py``, and again in ``docs/assets/curriculum.js``.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from markupsafe import Markup, escape
from pydantic import Field

from . import completion, decision_tree, selfcheck
from .checklist import store_key as checklist_key
from .diagnostics import SourceError
from .messages import unknown
from .model import Id, Model, PageRef, Text, Title, ref
from .render import render
from .sitedata import Collection, Document, SiteData

Format = Literal["研修", "実習", "ワークショップ", "タウンミーティング", "プロジェクト"]


class Role(Model):
    id: Id
    name: Title
    summary: Text
    last_reviewed: dt.date
    """最終確認日 of the role's generated page (curriculum/roles/<id>.md)."""


class RolesFile(Model):
    roles: list[Role] = Field(min_length=1)


class ChecklistActivity(Model):
    checklist: Id
    items: list[Id] = Field(default_factory=list)
    """Items that count for the module; empty means every item of the checklist."""


class Reflection(Model):
    id: Id
    """Stored in the record as ``reflection/<module>/<id>``: never change it once published."""
    question: Text


class Module(Model):
    id: Id
    number: int = Field(ge=1, le=120)
    """Permanent position in assignment codes. Never reuse the number of a removed module."""
    title: Title
    minutes: int = Field(ge=5, le=600)
    roles: list[Id] | None = None
    """Who it is for; by default everyone its program is for."""
    objectives: list[Text] = Field(min_length=1)
    read: list[PageRef] = Field(min_length=1)
    checklists: list[ChecklistActivity] = Field(default_factory=list)
    trees: list[Annotated[Id, ref("decisions")]] = Field(default_factory=list)
    reflections: list[Reflection] = Field(default_factory=list)
    last_reviewed: dt.date
    """最終確認日 of the module's generated page (curriculum/modules/<id>.md)."""
    retired: bool = False
    """Retired from the course: kept so that its number, old codes and completion stay valid."""


class ModulesFile(Model):
    modules: list[Module] = Field(min_length=1)


class Program(Model):
    id: Id
    number: int = Field(ge=1, le=99)
    title: Title
    aim: Text
    audience: list[Id] = Field(min_length=1)
    steps: list[Id] = Field(min_length=1)
    format: Format
    length: Text
    """The site's suggestion: the article gives names and order only."""
    prerequisites: list[Id] = Field(default_factory=list)
    outputs: list[Text] = Field(min_length=1)
    modules: list[Id] = Field(min_length=1)
    last_reviewed: dt.date
    """最終確認日 of the program's generated page (curriculum/programs/<id>.md)."""


class ProgramsFile(Model):
    programs: list[Program] = Field(min_length=1)


PAGE_DIR = "curriculum"


def _generated(key: str, page):
    def pages(raw) -> list[str]:
        return [page(item["id"]) for item in raw.get(key) or [] if isinstance(item, dict) and isinstance(item.get("id"), str)]

    return pages


def _page_of(kind: str):
    return lambda item_id: f"{PAGE_DIR}/{kind}/{item_id}.md"


ROLES = Collection("roles", "curriculum/roles.yml", RolesFile, pages=_generated("roles", _page_of("roles")), items="roles")
MODULES = Collection("modules", "curriculum/modules.yml", ModulesFile, pages=_generated("modules", _page_of("modules")), items="modules")
PROGRAMS = Collection("programs", "curriculum/programs.yml", ProgramsFile, pages=_generated("programs", _page_of("programs")), items="programs")
COLLECTIONS = [ROLES, MODULES, PROGRAMS]


def program_page(program_id: str) -> str:
    return f"{PAGE_DIR}/programs/{program_id}.md"


def role_page(role_id: str) -> str:
    return f"{PAGE_DIR}/roles/{role_id}.md"


def module_page(module_id: str) -> str:
    return f"{PAGE_DIR}/modules/{module_id}.md"


def tree_page(tree_id: str) -> str:
    return f"decisions/{tree_id}.md"


def reflection_key(module_id: str, question_id: str) -> str:
    return f"reflection/{module_id}/{question_id}"


def tree_key(tree_id: str) -> str:
    return f"tree/{tree_id}"


def _one(data: SiteData, name: str) -> Document | None:
    docs = data.documents.get(name) or []
    return docs[0] if docs else None


# --- cross-file checks -------------------------------------------------------------------


def check(data: SiteData, docs_pages: set[str] | None = None) -> list[SourceError]:
    """References between the curriculum files and the rest of the data; every error, located.

    Runs on whatever validated: a reference into a file that failed is not checked (its own
    errors are reported), so one mistake is never reported as several.
    """
    roles_doc, modules_doc, programs_doc = (_one(data, c.name) for c in COLLECTIONS)
    errors: list[SourceError] = []
    names = [c.name for c in COLLECTIONS]
    present = [d is not None or n in data.failed for n, d in zip(names, (roles_doc, modules_doc, programs_doc))]
    if not any(present):
        return []  # a site without a curriculum
    errors += [
        SourceError(f"data/{c.pattern}", 1, "ファイルがありません。研修カリキュラムには roles.yml・modules.yml・programs.yml の3つが要ります(./dev new module などで作れます)。")
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
                    errors.append(programs_doc.error(unknown("モジュール", module_id, module_by_id, "modules.yml の id から選ぶか、./dev new module で作ってください。"), *at, "modules", j))
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


# --- the curriculum as the renderers see it ---------------------------------------------


class Curriculum:
    """Validated curriculum with the lookups the pages need."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.roles = _one(data, "roles").value.roles
        self.modules = _one(data, "modules").value.modules
        self.programs = sorted(_one(data, "programs").value.programs, key=lambda p: p.number)
        (steps_file,) = data.all("steps")
        self.steps = steps_file.steps
        self.role = {r.id: r for r in self.roles}
        self.module = {m.id: m for m in self.modules}
        self.program = {p.id: p for p in self.programs}
        self.step = {s.id: s for s in self.steps}
        self.program_of = {m: p for p in self.programs for m in p.modules}
        self.checklist = {c.id: c for c in data.all("checklists")}

    def module_roles(self, module: Module) -> list[str]:
        if module.roles is not None:
            return module.roles
        program = self.program_of.get(module.id)
        return program.audience if program else []

    def retired_modules(self) -> list[Module]:
        return sorted((m for m in self.modules if m.retired), key=lambda m: m.number)

    def ordered_modules(self) -> list[Module]:
        """Programs in prerequisite order (number breaks ties), each program's modules in its order."""
        done: list[str] = []
        remaining = list(self.programs)
        while remaining:
            ready = [p for p in remaining if all(q in done for q in p.prerequisites)]
            program = ready[0] if ready else remaining[0]
            done.append(program.id)
            remaining.remove(program)
        return [self.module[m] for pid in done for m in self.program[pid].modules]

    def modules_for(self, role_id: str) -> list[Module]:
        return [m for m in self.ordered_modules() if role_id in self.module_roles(m)]

    def program_minutes(self, program: Program) -> int:
        return sum(self.module[m].minutes for m in program.modules)

    def dependents(self, program_id: str) -> list[Program]:
        return [p for p in self.programs if program_id in p.prerequisites]

    def checklist_items(self, module: Module) -> list[dict]:
        out = []
        for activity in module.checklists:
            checklist = self.checklist[activity.checklist]
            wanted = activity.items or [i.id for i in checklist.items]
            for item in checklist.items:
                if item.id in wanted:
                    out.append({"checklist": checklist, "item": item, "key": checklist_key(checklist.id, item.id)})
        return out

    def tree(self, tree_id: str):
        return self.data.get("decisions", tree_id)

    def spec(self, module: Module, link) -> dict:
        """What the browser needs to apply the completion rule to a module."""
        program = self.program_of.get(module.id)
        return {
            "id": module.id,
            "number": module.number,
            "title": module.title,
            "minutes": module.minutes,
            "program": program.title if program else "",
            "programNumber": program.number if program else None,
            "retired": module.retired,
            "roles": self.module_roles(module),
            "page": link(module_page(module.id)),
            **completion.spec(
                module,
                [entry["key"] for entry in self.checklist_items(module)],
                [reflection_key(module.id, r.id) for r in module.reflections],
                selfcheck.of(self.data, module.id),
            ),
        }

    def catalog(self, link, retired: bool = True) -> dict:
        """Modules for the browser. Retired ones are kept (after the others) so that old
        assignment codes, which name modules by number, still open and count completion."""
        modules = self.ordered_modules() + (self.retired_modules() if retired else [])
        return {
            "modules": [self.spec(m, link) for m in modules],
            "roles": [{"id": r.id, "name": r.name, "modules": [m.id for m in self.modules_for(r.id)]} for r in self.roles],
        }


PROFILE_KEYS = (("profile/name", "氏名"), ("profile/section", "所属"), ("profile/role", "役割"))


def progress_catalog(data: SiteData) -> list[dict]:
    """Labels for 「わたしの進捗」's CSV: reflections and the person's details typed in わたしの学習."""
    cur = Curriculum(data)
    rows = [
        {"key": reflection_key(m.id, r.id), "kind": "振り返り", "group": m.title, "label": r.question}
        for m in cur.ordered_modules() + cur.retired_modules()
        for r in m.reflections
    ]
    rows += [{"key": key, "kind": "受講者情報", "group": "わたしの学習", "label": label} for key, label in PROFILE_KEYS]
    return rows


def duration(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest}分"
    return f"{hours}時間{rest}分" if rest else f"{hours}時間"


# --- the map ------------------------------------------------------------------------------

_GUTTER = 70
_STEP_W = 172
_ROLE_W = 58
_HEAD = 64
_ROW = 100
_BOX_H = 84
_CHAR = 13  # px per full-width character at the title's font size


def _wrap(text: str, width: int) -> list[str]:
    per_line = max(4, (width - 16) // _CHAR)
    return [text[i : i + per_line] for i in range(0, len(text), per_line)][:3]


def _split_name(name: str) -> list[str]:
    """Role names in two short lines under a narrow column, at a natural break."""
    if len(name) <= 4:
        return [name]
    if "・" in name:
        head, _, tail = name.partition("・")
        return [head + "・", tail]
    for suffix in ("リーダー", "担当"):
        if name.endswith(suffix):
            return [name[: -len(suffix)], suffix]
    half = (len(name) + 1) // 2
    return [name[:half], name[half:]]


def map_layout(cur: Curriculum) -> dict:
    """Boxes, role marks and prerequisite arrows, in SVG user units."""
    step_index = {s.id: i for i, s in enumerate(cur.steps)}
    steps_x = _GUTTER
    roles_x = steps_x + _STEP_W * len(cur.steps) + 16
    width = roles_x + _ROLE_W * len(cur.roles) + 8
    height = _HEAD + _ROW * len(cur.programs) + 8
    boxes = {}
    for row, program in enumerate(cur.programs):
        cols = sorted(step_index[s] for s in program.steps)
        x = steps_x + cols[0] * _STEP_W + 6
        w = (cols[-1] - cols[0] + 1) * _STEP_W - 12
        y = _HEAD + row * _ROW + (_ROW - _BOX_H) // 2
        boxes[program.id] = {
            "program": program,
            "x": x, "y": y, "w": w, "h": _BOX_H,
            "lines": _wrap(f"{program.number} {program.title}", w),
            "marks": [roles_x + k * _ROLE_W + _ROLE_W // 2 for k, r in enumerate(cur.roles) if r.id in program.audience],
            "cy": y + _BOX_H // 2,
        }
    arrows = []
    lane = 0
    for program in cur.programs:
        for prereq in program.prerequisites:
            src, dst = boxes[prereq], boxes[program.id]
            lane_x = _GUTTER - 12 - 12 * (lane % 4)
            lane += 1
            sy, dy = src["cy"] + 8, dst["cy"] - 8
            arrows.append({
                "d": f"M{src['x']},{sy} H{lane_x} V{dy} H{dst['x'] - 2}",
                "from": prereq, "to": program.id,
            })
    return {
        "width": width, "height": height, "boxes": list(boxes.values()), "arrows": arrows,
        "steps": [{"step": s, "x": steps_x + i * _STEP_W, "w": _STEP_W} for i, s in enumerate(cur.steps)],
        "roles": [
            {"role": r, "cx": roles_x + k * _ROLE_W + _ROLE_W // 2, "lines": _split_name(r.name)}
            for k, r in enumerate(cur.roles)
        ],
        "roles_x": roles_x, "head": _HEAD, "row": _ROW,
    }


# --- renderers ----------------------------------------------------------------------------


def render_map(cur: Curriculum, page, mark=escape) -> Markup:
    return render("curriculum_map.html", mark=mark, cur=cur, layout=map_layout(cur), link=page.links,
                  program_page=program_page, role_page=role_page, duration=duration)


def render_program(cur: Curriculum, page, program_id: str, titles: dict[str, str], mark=escape) -> Markup:
    program = cur.program.get(program_id)
    if program is None:
        return page.error(f"unknown program '{program_id}' (known: {', '.join(cur.program)})", f'"{program_id}"')
    return render("curriculum_program.html", mark=mark, cur=cur, program=program, link=page.links, program_page=program_page,
                  role_page=role_page, module_page=module_page, duration=duration, titles=titles)


def render_role_path(cur: Curriculum, page, role_id: str, mark=escape) -> Markup:
    role = cur.role.get(role_id)
    if role is None:
        return page.error(f"unknown role '{role_id}' (known: {', '.join(cur.role)})", f'"{role_id}"')
    modules = cur.modules_for(role_id)
    return render("curriculum_role.html", mark=mark, cur=cur, role=role, modules=modules, total=duration(sum(m.minutes for m in modules)),
                  link=page.links, program_page=program_page, module_page=module_page, duration=duration,
                  catalog=cur.catalog(page.links))


def render_roles_index(cur: Curriculum, page, mark=escape) -> Markup:
    rows = [(r, cur.modules_for(r.id)) for r in cur.roles]
    return render("curriculum_roles.html", mark=mark, rows=rows, link=page.links, role_page=role_page, duration=duration)


def render_module(cur: Curriculum, page, module_id: str, titles: dict[str, str], mark=escape) -> Markup:
    module = cur.module.get(module_id)
    if module is None:
        return page.error(f"unknown module '{module_id}' (known: {', '.join(cur.module)})", f'"{module_id}"')
    trees = []
    for tree_id in module.trees:
        tree = cur.tree(tree_id)
        page_ref = getattr(tree, "page", None) or tree_page(tree_id)
        trees.append({"id": tree_id, "key": tree_key(tree_id), "title": getattr(tree, "title", None),
                      "page": page_ref if page_ref in titles else None})
    check = selfcheck.of(cur.data, module.id)
    reads = [{"ref": ref, "key": completion.read_key(module.id, ref), "id": completion.page_id(ref)} for ref in module.read]
    return render("curriculum_module.html", mark=mark, cur=cur, module=module, program=cur.program_of.get(module.id),
                  items=cur.checklist_items(module), trees=trees, link=page.links, titles=titles,
                  program_page=program_page, role_page=role_page, duration=duration,
                  reflection_key=reflection_key, spec=cur.spec(module, page.links), reads=reads,
                  selfcheck=selfcheck.render_selfcheck(check, page, titles, mark) if check else None,
                  tree_widget=lambda tree_id: decision_tree.render_tree(cur.data, page, mark, titles, tree_id))


def render_assign(cur: Curriculum, page, mark=escape) -> Markup:
    return render("curriculum_assign.html", mark=mark, cur=cur, link=page.links, catalog=cur.catalog(page.links, retired=False),
                  learning=page.links(f"{PAGE_DIR}/my-learning.md"), duration=duration, module_page=module_page)


def render_my_learning(cur: Curriculum, page, mark=escape) -> Markup:
    return render("curriculum_learning.html", mark=mark, cur=cur, link=page.links, catalog=cur.catalog(page.links),
                  site_id=page.config_extra("site_id"))


def render_aggregate(cur: Curriculum, page, mark=escape) -> Markup:
    return render("curriculum_aggregate.html", mark=mark, cur=cur, link=page.links, catalog=cur.catalog(page.links),
                  site_id=page.config_extra("site_id"))
