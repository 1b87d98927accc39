"""SCORM=true: the site as SCORM content packages, dist/<site_id>-scorm12.zip (SCORM 1.2,
what Japanese LMSs import most widely) and dist/<site_id>-scorm2004.zip (2004 4th edition).

One SCO per learning module (data/curriculum/modules.yml), organised by program in the
curriculum's order. Retired modules (``retired: true``) stay in the package, in a last group
and labelled (廃止): an LMS that receives an updated package keeps a learner's tracks by the
item identifiers, and deletes those of items that are gone. Every identifier is derived from
a program or module id, never from a position, so it stays the same from build to build. A SCO's launch file is ``scorm/<module>.html``: a thin frame page that
holds the LMS session (assets/scorm.js) and shows the site's pages in an inner frame.
A module's activities live on several pages (the module page, its checklist, its decision
trees, the pages to read); with the session held by the launch page, moving between them
never calls LMSFinish, which many LMSs take as the end of the attempt.

Like the folder bundle, the package has no site address and no directory URLs: an LMS
serves the files as they are, from a path of its own.
"""

from __future__ import annotations

import os
import zipfile
from pathlib import Path
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from mkdocs.config.config_options import ExtraScriptValue

from . import course_root

PACKAGE = Path(__file__).resolve().parent / "scorm_package"
# The ADL control documents, copied unchanged to the package root as SCORM 1.2 asks.
SCHEMAS = ("imscp_rootv1p1p2.xsd", "adlcp_rootv1p2.xsd", "imsmd_rootv1p2p1.xsd", "ims_xml.xsd")
SCHEMAS_2004 = tuple(sorted(p.name for p in (PACKAGE / "schemas2004").iterdir()))
RUNTIME = "assets/scorm.js"
LAUNCH_DIR = "scorm"
# Minutes without any exchange with the LMS after which the bar warns that the LMS session
# may have ended (extra.scorm_idle_minutes). Moodle's default session timeout
# ($CFG->sessiontimeout, admin/settings/server.php) is 8 hours.
IDLE_MINUTES = 480
RETIRED_GROUP = "RETIRED"


def scorm_enabled() -> bool:
    return os.environ.get("SCORM", "").lower() in {"1", "true", "yes"}


def idle_minutes(extra) -> float:
    """extra.scorm_idle_minutes, checked: a positive number of minutes."""
    value = (extra or {}).get("scorm_idle_minutes", IDLE_MINUTES)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not value > 0:
        from mkdocs.exceptions import PluginError

        raise PluginError(
            f"mkdocs.yml: extra.scorm_idle_minutes {value!r} は使えません。"
            f"LMSとのやり取りが途切れてから注意を出すまでの分を、正の数で書いてください(例: {IDLE_MINUTES})。"
        )
    return value


def on_config(config):
    idle_minutes(config.extra)
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
    from .. import load_sources
    from ..curriculum import Curriculum

    data, _pages, _entries = load_sources(course_root(config), Path(config.docs_dir))
    return Curriculum(data)


def organisation(cur) -> list[dict]:
    """Programs in the curriculum's order, each with its modules in the program's order, then
    the retired modules (program None), so that their items and tracks stay in the LMS."""
    groups: list[dict] = []
    for module in cur.ordered_modules():
        program = cur.program_of[module.id]
        if not groups or groups[-1]["program"].id != program.id:
            groups.append({"program": program, "modules": []})
        groups[-1]["modules"].append(module)
    retired = cur.retired_modules()
    if retired:
        groups.append({"program": None, "modules": retired})
    return groups


def group_identifier(group: dict) -> str:
    return f"PROGRAM-{group['program'].id}" if group["program"] else RETIRED_GROUP


def group_title(group: dict) -> str:
    program = group["program"]
    return f"{program.number}. {program.title}" if program else "廃止したモジュール"


def item_title(module) -> str:
    return f"{module.title}(廃止)" if module.retired else module.title


def launch_path(module_id: str) -> str:
    return f"{LAUNCH_DIR}/{module_id}.html"


def write_package(config) -> tuple[str, list[str]]:
    """Writes the launch pages, the 1.2 schemas and imsmanifest.xml into site_dir.

    Returns the 2004 manifest and the content files both packages share.
    """
    from ..curriculum import module_page
    from ..render import Links

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
                    idle_minutes=idle_minutes(config.extra),
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
        group_identifier=group_identifier,
        group_title=group_title,
        item_title=item_title,
        files=[quote(f) for f in files],
    )
    (site_dir / "imsmanifest.xml").write_text(manifest, encoding="utf-8")
    manifest_2004 = env.get_template("imsmanifest2004.xml").render(
        identifier=f"{config.extra.get('site_id', 'site')}-scorm2004",
        title=config.site_name,
        groups=groups,
        launch_path=launch_path,
        group_identifier=group_identifier,
        group_title=group_title,
        item_title=item_title,
        files=[quote(f) for f in files],
    )
    launches = [launch_path(m.id) for g in groups for m in g["modules"]]
    return manifest_2004, [*launches, *files]


# Last, with the folder bundle's zip (dxcourse.plugin): after every other plugin has written its files.
def on_post_build(config):
    if not scorm_enabled():
        return
    site_dir = Path(config.site_dir)
    manifest_2004, content = write_package(config)
    dist = Path(os.environ.get("DX_DIST_DIR", course_root(config) / "dist"))
    dist.mkdir(exist_ok=True)
    site_id = config.extra.get("site_id", "site")
    # site-scorm/ is the 1.2 package unzipped; the 2004 one differs in its control files only.
    _zip(dist / f"{site_id}-scorm12.zip", (site_dir / "imsmanifest.xml").read_bytes(),
         [(site_dir / n, n) for n in (*SCHEMAS, *content)])
    _zip(dist / f"{site_id}-scorm2004.zip", manifest_2004.encode("utf-8"),
         [(PACKAGE / "schemas2004" / n, n) for n in SCHEMAS_2004] + [(site_dir / n, n) for n in content])


def _zip(target: Path, manifest: bytes, files: list[tuple[Path, str]]) -> None:
    partial = target.with_suffix(".zip.partial")
    # imsmanifest.xml first, at the root: what an LMS looks for on import.
    with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as package:
        package.writestr("imsmanifest.xml", manifest)
        for path, name in files:
            package.write(path, name)
    partial.replace(target)
