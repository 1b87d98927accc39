"""The curriculum's widgets: map, program, role path, module, assignment, my learning, report."""

from __future__ import annotations

from markupsafe import Markup, escape

from .. import completion, decision_tree, selfcheck
from ..render import render
from .models import PAGE_DIR, module_page, program_page, reflection_key, role_page, tree_key, tree_page
from .course import Curriculum, duration
from .diagram import map_layout


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
