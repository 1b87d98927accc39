"""SCORM=true: the site as a SCORM 1.2 content package, dist/<site_id>-scorm12.zip.

One SCO per learning module (data/curriculum/modules.yml), organised by program in the
curriculum's order. A SCO's launch file is ``scorm/<module>.html``: a thin frame page that
holds the LMS session (docs/assets/scorm.js) and shows the site's pages in an inner frame.
A module's activities live on several pages (the module page, its checklist, its decision
trees, the pages to read); with the session held by the launch page, moving between them
never calls LMSFinish, which many LMSs take as the end of the attempt.

Like the folder bundle, the package has no site address and no directory URLs: an LMS
serves the files as they are, from a path of its own.
"""

from __future__ import annotations

import os
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.plugins import event_priority

PROJECT = Path(__file__).resolve().parent.parent
if str(PROJECT) not in sys.path:
    sys.path.insert(0, str(PROJECT))

PACKAGE = Path(__file__).resolve().parent / "scorm_package"
# The ADL control documents, copied unchanged to the package root as SCORM 1.2 asks.
SCHEMAS = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")
RUNTIME = "assets/scorm.js"
LAUNCH_DIR = "scorm"


def scorm_enabled() -> bool:
    return os.environ.get("SCORM", "").lower() in {"1", "true", "yes"}


def on_config(config):
    if not scorm_enabled():
        return config
    config.site_url = ""
    config.use_directory_urls = False
    # First, before store.js: inside a SCO it names the learner's own record (see scorm.js).
    config.extra_javascript.insert(0, ExtraScriptValue(RUNTIME))
    return config


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(PACKAGE),
        autoescape=True,  # XML and HTML alike: titles come from YAML
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def _curriculum(config):
    from macros import load_sources
    from macros.curriculum import Curriculum

    data, _pages, _entries = load_sources(PROJECT, Path(config.docs_dir))
    return Curriculum(data)


def organisation(cur) -> list[dict]:
    """Programs in the curriculum's order, each with its modules in the program's order."""
    groups: list[dict] = []
    for module in cur.ordered_modules():
        program = cur.program_of[module.id]
        if not groups or groups[-1]["program"].id != program.id:
            groups.append({"program": program, "modules": []})
        groups[-1]["modules"].append(module)
    return groups


def launch_path(module_id: str) -> str:
    return f"{LAUNCH_DIR}/{module_id}.html"


def write_package(config) -> list[str]:
    """Writes the launch pages, the schemas and imsmanifest.xml into site_dir; returns its files."""
    from macros.curriculum import module_page
    from macros.render import Links

    site_dir = Path(config.site_dir)
    cur = _curriculum(config)
    env = _environment()
    launch = env.get_template("launch.html")
    groups = organisation(cur)
    for group in groups:
        for module in group["modules"]:
            path = launch_path(module.id)
            links = Links(path, False)
            target = site_dir / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(
                launch.render(
                    module=module,
                    program=group["program"],
                    site_name=config.site_name,
                    site_id=config.extra.get("site_id", "site"),
                    spec=cur.spec(module, links),
                    content=links(module_page(module.id)),
                    root="../",  # launch pages sit one folder down
                ),
                encoding="utf-8",
            )
    # Its links start at the server's root; an LMS never shows it, and outside the package
    # those links would point at the LMS's own pages.
    (site_dir / "404.html").unlink(missing_ok=True)
    for name in SCHEMAS:
        (site_dir / name).write_bytes((PACKAGE / "schemas" / name).read_bytes())
    controls = {"imsmanifest.xml", *SCHEMAS}
    files = sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file())
    # Launch pages are listed by their own SCO; everything else is the shared asset.
    files = [f for f in files if f not in controls and not f.startswith(LAUNCH_DIR + "/")]
    manifest = env.get_template("imsmanifest.xml").render(
        identifier=f"{config.extra.get('site_id', 'site')}-scorm12",
        title=config.site_name,
        description=config.site_description or "",
        groups=groups,
        launch_path=launch_path,
        files=[quote(f) for f in files],
    )
    (site_dir / "imsmanifest.xml").write_text(manifest, encoding="utf-8")
    launches = [launch_path(m.id) for g in groups for m in g["modules"]]
    return ["imsmanifest.xml", *SCHEMAS, *launches, *files]


# Last, with the folder bundle's zip: after every other hook has written its files.
@event_priority(-200)
def on_post_build(config):
    if not scorm_enabled():
        return
    site_dir = Path(config.site_dir)
    names = write_package(config)
    dist = Path(os.environ.get("DX_DIST_DIR", PROJECT / "dist"))
    dist.mkdir(exist_ok=True)
    target = dist / f"{config.extra.get('site_id', 'site')}-scorm12.zip"
    partial = target.with_suffix(".zip.partial")
    # imsmanifest.xml first, at the root: what an LMS looks for on import.
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        for name in names:
            package.write(site_dir / name, name)
    partial.replace(target)
