"""One place per widget (dxcourse/widgets.py): every widget a template writes is registered
there, and the ``data-*`` attributes its script reads are exactly those the registry lists,
each of them written by the widget's template."""

from __future__ import annotations

import re

import pytest

from dxcourse import checks, widgets
from dxcourse.build import assets
from tests.project import ASSETS, ENGINE, ROOT

TEMPLATES = ENGINE / "templates"
_READ = [
    re.compile(r'(?:get|has)Attribute\(\s*"(data-[a-z0-9-]+)"'),
    re.compile(r"\[(data-[a-z0-9-]+)(?=[\]=~^$*|])"),  # in a selector: [data-role=...]
]
_DATASET = re.compile(r"\.dataset\.([a-zA-Z0-9]+)")
_WRITE = re.compile(r'(?:set|remove)Attribute\(\s*"(data-[a-z0-9-]+)"')


def read_by(script: str) -> set[str]:
    """The data-* attributes a script reads, less those it sets itself."""
    found = {name for pattern in _READ for name in pattern.findall(script)}
    found |= {"data-" + re.sub(r"[A-Z]", lambda m: "-" + m[0].lower(), name) for name in _DATASET.findall(script)}
    return found - set(_WRITE.findall(script))


def written_by(template: str) -> set[str]:
    return set(re.findall(r"\s(data-[a-z0-9-]+)(?=[\s=>/])", template))


def test_every_widget_in_a_template_is_registered_with_its_templates():
    in_templates: dict[str, set[str]] = {}
    for path in TEMPLATES.glob("*.html"):
        for name in re.findall(r'data-module="([a-z0-9-]+)"', path.read_text(encoding="utf-8")):
            in_templates.setdefault(name, set()).add(path.name)
    assert in_templates == {name: set(w.templates) for name, w in widgets.WIDGETS.items()}


@pytest.mark.parametrize("name", sorted(widgets.WIDGETS))
def test_the_script_reads_exactly_the_listed_attributes_and_the_template_writes_them(name):
    widget = widgets.WIDGETS[name]
    script = (ASSETS / f"{name}.js").read_text(encoding="utf-8")
    assert f'DX.register("{name}"' in script
    assert read_by(script) == set(widget.reads), f"assets/{name}.js reads other data-* attributes than widgets.py lists"
    template = "".join((TEMPLATES / t).read_text(encoding="utf-8") for t in widget.templates)
    missing = set(widget.reads) - written_by(template)
    assert missing == set(), f"{', '.join(widget.templates)} do not write {sorted(missing)}"


def test_the_contract_check_can_fail():
    # The extraction sees reads in each form the scripts use, and a contract broken either way.
    script = 'a.getAttribute("data-key"); b.querySelector("[data-role=x]"); c.dataset.treeKey; d.setAttribute("data-done", "1"); e.hasAttribute("data-done")'
    assert read_by(script) == {"data-key", "data-role", "data-tree-key"}
    assert written_by('<div data-module="x" data-key="k"><p data-role="r" hidden></p></div>') == {"data-module", "data-key", "data-role"}


def test_every_script_is_in_the_one_list_and_the_build_takes_it_from_there():
    lazy = set(assets.LAZY.values())
    on_disk = {f"assets/{p.name}" for p in ASSETS.glob("*.js")}
    # scorm.js is the SCORM package's runtime, added by build/scorm.py, not by a page's widgets.
    assert set(widgets.SCRIPTS) == on_disk - lazy - {"assets/scorm.js"}
    assert assets.SCRIPTS == widgets.SCRIPTS
    for w in widgets.WIDGETS.values():
        for need in w.needs:
            assert widgets.ENTRIES[[e.name for e in widgets.ENTRIES].index(need)].kind == "library", need


def test_each_widget_names_its_macro_and_every_macro_the_pages_call_is_registered():
    # The self-check is drawn inside a module's page by learning_module, not by a macro of its own.
    assert {name for name, w in widgets.WIDGETS.items() if w.macro is None} == {"selfcheck"}
    registered = widgets.macros()
    called = set()
    for page in ROOT.joinpath("docs").rglob("*.md"):
        called |= set(re.findall(r"\{\{-?\s*([a-z_]+)\(", page.read_text(encoding="utf-8")))
    assert called <= set(registered)
    assert set(checks.MACROS) <= set(registered)
