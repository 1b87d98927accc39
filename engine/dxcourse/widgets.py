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
this module; the macros that render the widgets are in ``dxcourse/__init__.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

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

    @property
    def path(self) -> str:
        return f"assets/{self.name}.js"


def widget(name: str, templates: tuple[str, ...], reads: tuple[str, ...], needs: tuple[str, ...] = (),
           store: bool = True, styles: tuple[str, ...] = ()) -> Script:
    return Script(name, "widget", templates, tuple(sorted(reads)), needs, store, styles)


ENTRIES = [
    Script("store", "library"),  # the browser record; on pages whose widgets keep something
    Script("site", "always"),  # start-up: loads what a page needs and starts its widgets
    widget("checklist", ("checklist.html",), ("data-action", "data-key", "data-role")),
    widget("progress", ("progress.html",),
           ("data-action", "data-catalog", "data-keys", "data-modules", "data-role", "data-tree-key"),
           needs=("completion",)),  # the completion rule, for its CSV
    Script("glossary", "library"),  # on pages with a glossary term (<abbr>)
    widget("decision-tree", ("decision_tree.html",),
           ("data-action", "data-key", "data-kind", "data-next", "data-node", "data-option", "data-part", "data-role",
            "data-start", "data-title", "data-tree", "data-verdict")),
    Script("completion", "library"),  # the completion rule
    Script("curriculum", "library"),  # the curriculum's codes, dates and catalog
    widget("learning-module", ("curriculum_module.html",), ("data-key", "data-role", "data-spec", "data-tree"),
           needs=("completion",)),
    widget("role-path", ("curriculum_role.html",), ("data-module-id", "data-role"),
           needs=("completion", "curriculum"), styles=(CURRICULUM_CSS,)),
    widget("my-learning", ("curriculum_learning.html",), ("data-action", "data-key", "data-site"),
           needs=("completion", "curriculum"), styles=(CURRICULUM_CSS,)),
    widget("assign", ("curriculum_assign.html",), ("data-action", "data-learning", "data-role"),
           needs=("curriculum",), store=False, styles=(CURRICULUM_CSS,)),
    widget("aggregate", ("curriculum_aggregate.html",), ("data-role",),
           needs=("curriculum",), store=False, styles=(CURRICULUM_CSS,)),
    widget("selfcheck", ("selfcheck.html",), ("data-action", "data-answer", "data-key", "data-pass", "data-question", "data-role")),
    widget("worksheet", ("worksheet.html",), ("data-action", "data-key", "data-label", "data-module", "data-role")),
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
