"""研修カリキュラム: roles, the six programs and the self-study modules, from data/curriculum/.

Three collections, one file each (a list per file keeps the curriculum readable in one
place). Field-level mistakes are reported by pydantic at their line (``models``); references
between the files (roles, steps, modules, checklist items, prerequisites and their cycles)
are checked by :func:`check` once everything is loaded, and reported the same way
(``checks``). ``course`` is the validated curriculum as pages see it, ``diagram`` lays out
the map, and ``widgets`` renders each of the curriculum's macros.

The completion rule of a module (学習 required, 実践 self-declared and never required) is
in ``completion.py``, and again in ``assets/completion.js``.
"""

from .checks import check
from .course import PROFILE_KEYS, Curriculum, duration, progress_catalog
from .diagram import map_layout
from .models import (
    COLLECTIONS, MODULES, PAGE_DIR, PROGRAMS, ROLES, Format, Module, Program, Role, module_page, program_page,
    reflection_key, role_page, tree_key, tree_page,
)
from .widgets import (
    render_aggregate, render_assign, render_map, render_module, render_my_learning, render_program, render_role_path,
    render_roles_index,
)

__all__ = [
    "COLLECTIONS", "MODULES", "PAGE_DIR", "PROFILE_KEYS", "PROGRAMS", "ROLES", "Curriculum", "Format", "Module", "Program",
    "Role", "check", "duration", "map_layout", "module_page", "program_page", "progress_catalog", "reflection_key",
    "render_aggregate", "render_assign", "render_map", "render_module", "render_my_learning", "render_program",
    "render_role_path", "render_roles_index", "role_page", "tree_key", "tree_page",
]
