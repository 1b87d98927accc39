"""Prints the site's build, size and transfer figures. A measurement, not a test.

    ./dev bench

Build time is compared, in the same run, with a plain Material build of the same Markdown
with macros and hooks off, so the figure means something on any machine. The same Markdown
is docs/ and the pages the build generates from the data (their macro calls unrendered, as
in every other page of the plain build); docs/ alone is printed beside it. The search
figures follow (bench/search.py), then the aggregation page's (bench/aggregate.py).
"""

from __future__ import annotations

import gzip
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from dxcourse.build.assets import LAZY  # noqa: E402  (scripts a page adds on first use)
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
ASSET_REF = re.compile(r"""(?:src|href)="([^"#?]+)""")
# Budgets (issue 14): what a page costs in the site's own JS and CSS, and the build's cost
# beside a plain Material build of the same Markdown, measured side by side in one run.
OWN_ASSETS_BUDGET_GZIP = 20 * 1024
BUILD_RATIO_BUDGET = 1.5


def build(config: Path, site_dir: Path, offline: bool = False, dist: Path | None = None) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    if dist:
        env["DX_DIST_DIR"] = str(dist)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, check=True,
    )
    return time.perf_counter() - started


def site_markdown(target: Path) -> Path:
    """The site's Markdown as files: docs/, plus the pages the build generates from the data
    (module, program and role pages, hooks/generated.py), each with its macro call unrendered."""
    import shutil

    sys.path.insert(0, str(ROOT))
    from mkdocs.config import load_config

    from dxcourse import load_sources
    from dxcourse.generate import pages

    shutil.copytree(ROOT / "docs", target)
    extra = dict(load_config(str(ROOT / "mkdocs.yml"))["extra"])
    data, _, _ = load_sources(ROOT, ROOT / "docs", extra)
    for page in pages(data, extra).values():
        (target / page.src_uri).parent.mkdir(parents=True, exist_ok=True)
        (target / page.src_uri).write_text(page.markdown, encoding="utf-8")
    return target


def plain_config(work: Path, docs: Path, macros_plugin: bool = False) -> Path:
    """The same Markdown with Material alone: MkDocs' INHERIT, with macros, hooks and overrides removed.

    With ``macros_plugin``, mkdocs-macros runs too, over every page, with a module that
    defines nothing (calls are kept as text): what the plugin itself costs, before any of
    this site's data, widgets or search.
    """
    work.mkdir(parents=True)
    plugins = "[{search: {lang: ja}}, tags]"
    if macros_plugin:
        (work / "nomacros.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
        plugins = "[{search: {lang: ja}}, tags, {macros: {module_name: nomacros, on_undefined: keep}}]"
    # theme.custom_dir (overrides/) resolves next to this config: an empty one, since the
    # site's overrides use a filter that its hooks provide.
    (work / "overrides").mkdir()
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {ROOT / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"plugins: {plugins}\n"
        "hooks: []\n"
        "watch: []\n",
        encoding="utf-8",
    )
    return config


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def kb(n: int) -> str:
    return f"{n / 1024:8.1f} KiB"


def page_transfer(site: Path, html: Path) -> tuple[int, int]:
    """Bytes of the page and every local file it references, raw and gzip."""
    files = {html}
    for ref in ASSET_REF.findall(html.read_text(encoding="utf-8")):
        if "://" in ref or ref.startswith(("mailto:", "data:")):
            continue
        target = (html.parent / ref).resolve()
        if target.is_file() and target.suffix in {".css", ".js", ".png", ".svg", ".ico", ".woff2"}:
            files.add(target)
    data = [f.read_bytes() for f in files]
    return sum(map(len, data)), sum(map(gz, data))


def own_assets(site: Path, html: Path) -> tuple[list[Path], int]:
    """The site's own scripts and stylesheets (docs/assets) a page loads, and their gzip total."""
    files = []
    for ref in ASSET_REF.findall(html.read_text(encoding="utf-8")):
        target = (site / ref.lstrip("/") if ref.startswith("/") else html.parent / ref).resolve()
        if target.parent == (site / "assets").resolve() and target.suffix in {".css", ".js"} and target not in files:
            files.append(target)
    return files, sum(gz(f.read_bytes()) for f in files)


def verdict(ok: bool) -> str:
    return "within budget" if ok else "OVER BUDGET"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        plain = plain_config(work / "plain", site_markdown(work / "markdown"))
        docs_only = plain_config(work / "plain-docs", ROOT / "docs")
        with_plugin = plain_config(work / "plain-macros", work / "markdown", macros_plugin=True)
        real_times, plain_times, docs_times, plugin_times = [], [], [], []
        for _ in range(RUNS):
            real_times.append(build(ROOT / "mkdocs.yml", work / "site"))
            plain_times.append(build(plain, work / "plain-site"))
            docs_times.append(build(docs_only, work / "plain-docs-site"))
            plugin_times.append(build(with_plugin, work / "plain-macros-site"))
        real, base, docs_base, plugin_base = (statistics.median(t) for t in (real_times, plain_times, docs_times, plugin_times))
        pages = sum(1 for _ in (work / "markdown").rglob("*.md"))
        build(ROOT / "mkdocs.yml", work / "offline", offline=True, dist=work / "dist")
        (zip_path,) = (work / "dist").glob("*.zip")

        print(f"build (median of {RUNS})")
        print(f"  this site            {real:6.2f} s")
        print(f"  plain Material       {base:6.2f} s   (the same {pages} pages of Markdown, macros and hooks off)")
        print(f"  ratio                {real / base:6.2f} x   budget {BUILD_RATIO_BUDGET} x: {verdict(real / base <= BUILD_RATIO_BUDGET)}")
        print(f"  plain Material, docs/ alone {docs_base:6.2f} s   (without the generated pages; ratio {real / docs_base:.2f} x)")
        print(f"  plain Material + mkdocs-macros doing nothing {plugin_base:6.2f} s   ({plugin_base / base:.2f} x plain: the plugin's own share)")

        print("the site's own assets (docs/assets)")
        own = [p for p in sorted((ROOT / "docs/assets").glob("*")) if p.suffix in {".css", ".js"}]
        for path in own:
            data = path.read_bytes()
            print(f"  {path.name:22} {kb(len(data))} raw {kb(gz(data))} gzip")
        total = b"".join(p.read_bytes() for p in own)
        print(f"  {'total':22} {kb(len(total))} raw {kb(gz(total))} gzip")

        site = work / "site"
        sizes = {html: page_transfer(site, html) for html in site.rglob("*.html")}
        largest = max(sizes, key=lambda h: sizes[h][0])
        raw, packed = sizes[largest]
        print("largest page, with everything it loads")
        print(f"  {largest.relative_to(site).as_posix():22} {kb(raw)} raw {kb(packed)} gzip")

        own = {html: own_assets(site, html) for html in site.rglob("*.html")}
        heaviest = max(own, key=lambda h: own[h][1])
        files, total_gz = own[heaviest]
        lightest = min(own, key=lambda h: own[h][1])
        print("the site's own JS and CSS a page loads (gzip, each file compressed alone)")
        print(f"  heaviest: {heaviest.relative_to(site).as_posix():30} {kb(total_gz)}   budget {kb(OWN_ASSETS_BUDGET_GZIP).strip()}: {verdict(total_gz <= OWN_ASSETS_BUDGET_GZIP)}")
        for path in files:
            print(f"    {path.name:24} {kb(gz(path.read_bytes()))}")
        print(f"  lightest: {lightest.relative_to(site).as_posix():30} {kb(own[lightest][1])}")
        # Engines loaded on first use (hooks/assets.py LAZY; NAME-engine.js is added by NAME.js):
        # the heaviest page that can add each, with it. Counted here, not hidden.
        print("  with what loads on first use (search box used, files chosen)")
        for path in LAZY.values():
            engine = (site / path).resolve()
            loader = engine.with_name(engine.name.replace("-engine", ""))
            pages = [h for h in own if loader in own[h][0]]
            if not pages:
                continue
            page = max(pages, key=lambda h: own[h][1])
            total = own[page][1] + gz(engine.read_bytes())
            print(f"    {page.relative_to(site).as_posix():30} + {engine.name:20} {kb(total)}")

        print("offline bundle")
        print(f"  {zip_path.name:22} {kb(zip_path.stat().st_size)}")

    if os.environ.get("BENCH_PART") == "build":  # the build and size figures alone
        return
    # Search: quality beside Material's search, latency and index size (bench/search.py).
    import search

    search.main()

    # Aggregation of 1,000 / 5,000 / 30,000 completion records in Chromium (bench/aggregate.py).
    import aggregate

    aggregate.main()


if __name__ == "__main__":
    main()
