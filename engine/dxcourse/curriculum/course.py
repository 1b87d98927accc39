"""The validated curriculum with the lookups the pages and the browser need."""

from __future__ import annotations

from .. import completion, selfcheck
from ..checklist import store_key as checklist_key
from ..sitedata import SiteData
from .models import Module, Program, one_document, module_page, reflection_key


class Curriculum:
    """Validated curriculum with the lookups the pages need."""

    def __init__(self, data: SiteData) -> None:
        self.data = data
        self.roles = one_document(data, "roles").value.roles
        self.modules = one_document(data, "modules").value.modules
        self.programs = sorted(one_document(data, "programs").value.programs, key=lambda p: p.number)
        (steps_file,) = data.all("steps")
        self.steps = steps_file.steps
        self.role = {r.id: r for r in self.roles}
        self.module = {m.id: m for m in self.modules}
        self.program = {p.id: p for p in self.programs}
        self.step = {s.id: s for s in self.steps}
        self.program_of = {m: p for p in self.programs for m in p.modules}
        self.checklist = {c.id: c for c in data.all("checklists")}
        self._ordered: list[Module] | None = None

    def module_roles(self, module: Module) -> list[str]:
        if module.roles is not None:
            return module.roles
        program = self.program_of.get(module.id)
        return program.audience if program else []

    def retired_modules(self) -> list[Module]:
        return sorted((m for m in self.modules if m.retired), key=lambda m: m.number)

    def ordered_modules(self) -> list[Module]:
        """Programs in prerequisite order (number breaks ties), each program's modules in its order.

        Worked out once per Curriculum (one a build): every module page and catalog asks."""
        if self._ordered is None:
            self._ordered = self._order_modules()
        return list(self._ordered)

    def _order_modules(self) -> list[Module]:
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


# Every key わたしの学習 writes about the person (assets/my-learning.js): none may be filed
# in 「わたしの進捗」's CSV as something the site no longer has.
PROFILE_KEYS = (
    ("profile/staff-id", "職員番号"),
    ("profile/name", "氏名"),
    ("profile/section", "所属"),
    ("profile/role", "役割"),
)


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
