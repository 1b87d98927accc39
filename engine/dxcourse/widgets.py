"""The engine's scripts and widgets, in one list: adding a widget is adding one entry here.

A widget is HTML that a template writes with ``data-module="NAME"`` and a script,
``assets/NAME.js``, that starts on it (``DX.register("NAME", ...)``); its own stylesheet,
``assets/NAME.css``, loads with it when there is one. Each entry says:

- ``templates``: the templates (``templates/*.html``) that write the widget;
- ``reads``: the ``data-*`` attributes its script reads from that HTML (attributes the script
  sets itself are not listed). This is the contract between template and script:
  tests/unit/test_widget_contract.py holds both to it;
- ``needs``: the shared scripts it uses (they load before it, in :data:`SCRIPTS` order);
- ``store``: whether it keeps anything in the browser record (else its pages need no store);
- ``styles``: stylesheets it needs besides its own.

:data:`ENTRIES` is also the load order of every script a page can carry. Libraries (a
shared script, no widget) and the scripts every page loads are entries too, so their place
in the order is set here. The build (``dxcourse/build/assets.py``) takes everything from
this module, and so does the pluglet (``define_env`` registers :func:`macros`): a widget's
entry names its macro too. Macros that write content without a script are in :data:`CONTENT`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from . import checklist, curriculum, decision_diagram, decision_tree, example, facts, faq, glossary, progress, sources, steps, worksheet

CURRICULUM_CSS = "assets/curriculum.css"


@dataclass(frozen=True)
class Script:
    name: str
    """``assets/NAME.js``; for a widget also its ``data-module`` name."""
    kind: Literal["widget", "library", "always"]
    """widget: loads on pages with the widget; library: when a widget or the page needs it;
    always: on every page."""
    templates: tuple[str, ...] = ()
    reads: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    store: bool = True
    styles: tuple[str, ...] = ()
    macro: tuple[str, Callable[..., Any]] | None = None
    """The macro that writes the widget into a page: its name and its renderer, which takes
    the build's :class:`Context` and the macro's arguments."""

    @property
    def path(self) -> str:
        return f"assets/{self.name}.js"


def widget(name: str, templates: tuple[str, ...], reads: tuple[str, ...], needs: tuple[str, ...] = (),
           store: bool = True, styles: tuple[str, ...] = (), macro: tuple[str, Callable[..., Any]] | None = None) -> Script:
    return Script(name, "widget", templates, tuple(sorted(reads)), needs, store, styles, macro)


@dataclass(frozen=True)
class Context:
    """What the macros render from, made once per build by ``define_env``."""

    data: Any
    page: Any
    mark: Callable[..., Any]
    titles: dict[str, str]
    cur: Any
    entries: Any
    catalog: list[dict]


# The widgets' renderers (macros with a script of their own) ----------------------------

def _checklist(c: Context, checklist_id: str):
    return checklist.render_checklist(c.data, c.page, c.mark, checklist_id, c.titles)


def _progress_page(c: Context):
    return progress.render_progress(c.data, c.page, c.catalog, c.mark, c.cur.catalog(c.page.links)["modules"])


def _decision_tree(c: Context, tree_id: str):
    return decision_tree.render_tree(c.data, c.page, c.mark, c.titles, tree_id)


def _learning_module(c: Context, module_id: str):
    return curriculum.render_module(c.cur, c.page, module_id, c.titles, c.mark)


def _learning_path(c: Context, role_id: str):
    return curriculum.render_role_path(c.cur, c.page, role_id, c.mark)


def _my_learning(c: Context):
    return curriculum.render_my_learning(c.cur, c.page, c.mark)


def _assignment_builder(c: Context):
    return curriculum.render_assign(c.cur, c.page, c.mark)


def _completion_aggregate(c: Context):
    return curriculum.render_aggregate(c.cur, c.page, c.mark)


def _worksheet(c: Context, sheet_id: str):
    return worksheet.render_worksheet(c.data, c.page, c.mark, c.titles, sheet_id)


ENTRIES = [
    Script("store", "library"),  # the browser record; on pages whose widgets keep something
    Script("csv", "always"),  # CSV for Excel (DX.csv, DX.excelTime): several widgets write CSV files
    Script("site", "always"),  # start-up: loads what a page needs and starts its widgets
    widget("checklist", ("checklist.html",), ("data-action", "data-key", "data-role"), macro=("checklist", _checklist)),
    widget("progress", ("progress.html",),
           ("data-action", "data-catalog", "data-keys", "data-modules", "data-tree-key"),
           needs=("completion",), macro=("progress_page", _progress_page)),  # needs: the completion rule, for its CSV
    Script("glossary", "library"),  # on pages with a glossary term (<abbr>)
    widget("decision-tree", ("decision_tree.html",),
           ("data-action", "data-key", "data-kind", "data-next", "data-node", "data-option", "data-part", "data-role",
            "data-start", "data-title", "data-tree", "data-verdict"), macro=("decision_tree", _decision_tree)),
    Script("completion", "library"),  # the completion rule
    Script("curriculum", "library"),  # the curriculum's codes, dates and catalog
    widget("learning-module", ("curriculum_module.html",), ("data-key", "data-module", "data-role", "data-spec", "data-tree"),
           needs=("completion",), macro=("learning_module", _learning_module)),
    widget("role-path", ("curriculum_role.html",), ("data-module-id", "data-role"),
           needs=("completion", "curriculum"), styles=(CURRICULUM_CSS,), macro=("learning_path", _learning_path)),
    widget("my-learning", ("curriculum_learning.html",), ("data-action", "data-key", "data-site"),
           needs=("completion", "curriculum"), styles=(CURRICULUM_CSS,), macro=("my_learning", _my_learning)),
    widget("assign", ("curriculum_assign.html",), ("data-action", "data-learning", "data-role"),
           needs=("curriculum",), store=False, styles=(CURRICULUM_CSS,), macro=("assignment_builder", _assignment_builder)),
    widget("aggregate", ("curriculum_aggregate.html",), ("data-role",),
           needs=("curriculum",), store=False, styles=(CURRICULUM_CSS,), macro=("completion_aggregate", _completion_aggregate)),
    # Inside a module's page: learning_module renders it.
    widget("selfcheck", ("selfcheck.html",), ("data-action", "data-answer", "data-key", "data-pass", "data-question", "data-role")),
    widget("worksheet", ("worksheet.html",), ("data-action", "data-key", "data-label", "data-module", "data-role"),
           macro=("worksheet", _worksheet)),
    # The site's own search box; on first use it loads its engine (build/assets.py LAZY) and search/dx-index.js.
    Script("search", "always"),
]

WIDGETS = {entry.name: entry for entry in ENTRIES if entry.kind == "widget"}
SCRIPTS = [entry.path for entry in ENTRIES]
"""Every script a page can carry, in load order."""
ALWAYS = tuple(entry.path for entry in ENTRIES if entry.kind == "always")
WIDGET_NEEDS = {name: tuple(f"assets/{need}.js" for need in w.needs) for name, w in WIDGETS.items() if w.needs}
STORELESS = {name for name, w in WIDGETS.items() if not w.store}
WIDGET_STYLES = {f'data-module="{name}"': w.styles for name, w in WIDGETS.items() if w.styles}
"""Stylesheets a widget needs besides its own, keyed by the text that marks it in a page."""


# Macros that write content without a script of their own ------------------------------

CONTENT: dict[str, Callable[..., Any]] = {
    "steps_overview": lambda c: steps.render_overview(c.data, c.page),
    "faq_questions": lambda c, step_id: faq.render_questions(c.entries, c.data, c.page, c.mark, step_id),
    "faq_index": lambda c, by="step": faq.render_index(c.entries, c.data, c.page, c.mark, by),
    "faq_question": lambda c: faq.render_question(c.entries, c.data, c.page, c.mark),
    "faq_related": lambda c: faq.render_related(c.entries, c.data, c.page, c.mark),
    "glossary_terms": lambda c: glossary.render_glossary(c.data, c.page, c.titles),
    "decision_diagram": lambda c, tree_id: decision_diagram.render_diagram(c.data, c.page, c.mark, tree_id),
    "sources": lambda c, *ids: sources.render_sources(c.data, c.page, c.mark, ids),
    "article_quote": lambda c, text: sources.render_quote(c.page, c.mark, text),
    "fact": lambda c, fact_id: facts.render_marker(c.data, c.page, fact_id),
    "facts_list": lambda c: facts.render_list(c.data, c.page, c.mark, c.titles),
    "worked_example": lambda c, sheet_id: example.render_example(c.data, c.page, c.mark, sheet_id),
    "worksheet_index": lambda c: worksheet.render_index(c.data, c.page, c.mark),
    "worksheet_links": lambda c: worksheet.render_links(c.data, c.page, c.mark),
    "decision_index": lambda c: decision_tree.render_index(c.data, c.page, c.mark),
    "curriculum_map": lambda c: curriculum.render_map(c.cur, c.page, c.mark),
    "curriculum_program": lambda c, program_id: curriculum.render_program(c.cur, c.page, program_id, c.titles, c.mark),
    "learning_paths": lambda c: curriculum.render_roles_index(c.cur, c.page, c.mark),
}


def macros() -> dict[str, Callable[..., Any]]:
    """Every macro of the engine: name -> renderer(context, *arguments)."""
    found = {w.macro[0]: w.macro[1] for w in WIDGETS.values() if w.macro}
    assert not set(found) & set(CONTENT), "a macro name is used twice"
    return {**found, **CONTENT}
