"""Prints the site's build, size and transfer figures. A measurement, not a test.

    ./dev bench

Build time is compared, in the same run, with a plain Material build of the same Markdown
(macros and the engine's plugin off), so the figure means something on any machine. The
same Markdown is docs/ and the pages the build generates from the data (their macro calls
unrendered, as in every other page of the plain build). Two sizes: this course, and a course
about ten times its size made from it (bench/bigcourse.py), each beside its plain build, all
interleaved in one run. Then the time from saving a page to its reload under ``serve``, the
size figures, the search figures (bench/search.py) and the aggregation page's
(bench/aggregate.py).

BENCH_RUNS (default 3) sets the builds per figure; BENCH_COPIES (default 14) the size of the
large course; BENCH_PART=build stops after the build and size figures.
"""

from __future__ import annotations

import gzip
import os
import re
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import dxcourse  # noqa: E402  (the installed engine, as the course uses it)
from bigcourse import make_course  # noqa: E402
from dxcourse.build.assets import LAZY  # noqa: E402  (scripts a page adds on first use)

ENGINE_ASSETS = Path(dxcourse.__file__).resolve().parent / "assets"
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
COPIES = int(os.environ.get("BENCH_COPIES", "14"))
SERVE_EDITS = 5
ASSET_REF = re.compile(r"""(?:src|href)="([^"#?]+)""")
# Budgets: what a page costs in the site's own JS and CSS (issue 14); the build beside a
# plain Material build of the same Markdown at ten times this course's content, and the
# edit-to-reload time of `serve` at this size (issue 23).
OWN_ASSETS_BUDGET_GZIP = 20 * 1024
LARGE_RATIO_BUDGET = 1.3
RELOAD_BUDGET = 2.0


def build(config: Path, site_dir: Path, offline: bool = False, dist: Path | None = None) -> tuple[float, float]:
    """Build; return (wall seconds, CPU seconds of the build process). On a machine shared
    with other work the CPU time is the steadier figure; both are printed."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "true" if offline else "false"}
    if dist:
        env["DX_DIST_DIR"] = str(dist)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=env, check=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def site_markdown(course: Path, target: Path) -> Path:
    """The course's Markdown as files: docs/, plus the pages the build generates from the data
    (module, program and role pages), each with its macro call unrendered."""
    from mkdocs.config import load_config

    from dxcourse import load_sources
    from dxcourse.generate import pages

    shutil.copytree(course / "docs", target)
    extra = dict(load_config(str(course / "mkdocs.yml"))["extra"])
    data, _, _ = load_sources(course, course / "docs", extra)
    for page in pages(data, extra).values():
        (target / page.src_uri).parent.mkdir(parents=True, exist_ok=True)
        (target / page.src_uri).write_text(page.markdown, encoding="utf-8")
    return target


def plain_config(course: Path, work: Path, docs: Path, macros_plugin: bool = False) -> Path:
    """The same Markdown with Material alone: MkDocs' INHERIT of the course's mkdocs.yml with
    its plugin list replaced (no ``dxcourse`` plugin, no macros pluglet) and no watch.

    With ``macros_plugin``, mkdocs-macros runs too, over every page, with a module that
    defines nothing (calls are kept as text): what the plugin itself costs, before any of
    the engine's data, widgets or search.
    """
    work.mkdir(parents=True)
    plugins = "[{search: {lang: ja}}, tags]"
    if macros_plugin:
        (work / "nomacros.py").write_text("def define_env(env):\n    pass\n", encoding="utf-8")
        plugins = "[{search: {lang: ja}}, tags, {macros: {module_name: nomacros, on_undefined: keep}}]"
    config = work / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {course / 'mkdocs.yml'}\n"
        f"docs_dir: {docs}\n"
        f"plugins: {plugins}\n"
        "watch: []\n",
        encoding="utf-8",
    )
    return config


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def serve_reload(course: Path, page: str = "faq/ai-ocr.md", url_path: str = "faq/ai-ocr/") -> list[float]:
    """Seconds from saving a page to the served page showing the change, under
    ``python -m dxcourse serve`` (127.0.0.1 only), once per edit."""
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "dxcourse", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=course, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}/{url_path}"
    source = course / "docs" / page
    original = source.read_text(encoding="utf-8")
    times = []
    try:
        deadline = time.monotonic() + 180
        while _get(url) is None:  # the first build
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("mkdocs serve did not start")
            time.sleep(0.2)
        for edit in range(SERVE_EDITS):
            marker = f"dx-bench-edit-{edit}-{time.time_ns()}"
            time.sleep(1.0)  # apart from the previous save, as a person's saves are
            saved = time.perf_counter()
            source.write_text(f"{original}\n{marker}\n", encoding="utf-8")
            deadline = time.monotonic() + 120
            while True:
                body = _get(url)
                if body is not None and marker in body:
                    times.append(time.perf_counter() - saved)
                    break
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("the edited page was not served within 120 s")
                time.sleep(0.05)
    finally:
        source.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
    return times


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


def course_copy(target: Path) -> Path:
    """This course's sources (mkdocs.yml, docs/, data/) in ``target``: serve edits a copy."""
    target.mkdir(parents=True)
    for name in ("mkdocs.yml", "docs", "data"):
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy2)(src, target / name)
    return target


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        large = make_course(work / "large", COPIES).parent
        small_md = site_markdown(ROOT, work / "small-md")
        large_md = site_markdown(large, work / "large-md")
        configs = {
            "small": ROOT / "mkdocs.yml",
            "small plain": plain_config(ROOT, work / "small-plain", small_md),
            "large": large / "mkdocs.yml",
            "large plain": plain_config(large, work / "large-plain", large_md),
            "docs only plain": plain_config(ROOT, work / "docs-plain", ROOT / "docs"),
            "macros plain": plain_config(ROOT, work / "macros-plain", small_md, macros_plugin=True),
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in configs}
        for _ in range(RUNS):  # interleaved, so a busy spell of the machine hits every build alike
            for name, config in configs.items():
                times[name].append(build(config, work / "out" / name.replace(" ", "-")))
        wall = {name: statistics.median(w for w, _ in t) for name, t in times.items()}
        cpu = {name: statistics.median(c for _, c in t) for name, t in times.items()}
        pages = {size: sum(1 for _ in md.rglob("*.md")) for size, md in (("small", small_md), ("large", large_md))}
        extra_pages = pages["large"] - pages["small"]
        build(ROOT / "mkdocs.yml", work / "offline", offline=True, dist=work / "dist")
        (zip_path,) = (work / "dist").glob("*.zip")

        print(f"build (median of {RUNS}, each beside a plain Material build of the same Markdown: macros and the engine off)")
        print("  CPU seconds of the build process (steady on a shared machine), then wall-clock seconds")
        for size, label in (("small", "this course"), ("large", f"ten times ({COPIES} copies)")):
            ratio, wall_ratio = cpu[size] / cpu[f"{size} plain"], wall[size] / wall[f"{size} plain"]
            note = f"budget {LARGE_RATIO_BUDGET} x: {verdict(ratio <= LARGE_RATIO_BUDGET)}" if size == "large" else "fixed costs dominate"
            print(f"  {label:28} {pages[size]:4} pages  CPU {cpu[size]:6.2f} s  plain {cpu[f'{size} plain']:6.2f} s  ratio {ratio:5.2f} x   {note}")
            print(f"  {'':28} {'':4}        wall {wall[size]:6.2f} s  plain {wall[f'{size} plain']:6.2f} s  ratio {wall_ratio:5.2f} x")
        for label, measure in (("CPU", cpu), ("wall", wall)):
            per_page = (measure["large"] - measure["small"]) / extra_pages
            per_page_plain = (measure["large plain"] - measure["small plain"]) / extra_pages
            print(f"  per added page ({label:4})  {per_page * 1000:6.1f} ms   plain {per_page_plain * 1000:6.1f} ms   ({per_page / per_page_plain:.2f} x; over the {extra_pages} pages the large course adds)")
        print(f"  plain Material, docs/ alone: CPU {cpu['docs only plain']:6.2f} s   (without the generated pages; this course {cpu['small'] / cpu['docs only plain']:.2f} x)")
        print(f"  plain Material + mkdocs-macros doing nothing: CPU {cpu['macros plain']:6.2f} s   ({cpu['macros plain'] / cpu['small plain']:.2f} x plain: the plugin's own share)")
        sys.stdout.flush()
        reloads = serve_reload(course_copy(work / "serve"))
        reload = statistics.median(reloads)
        print(f"serve: saving a page to the page served with the change (this course, median of {len(reloads)})")
        print(f"  {reload:6.2f} s   (each: {', '.join(f'{t:.2f}' for t in reloads)})   budget {RELOAD_BUDGET} s: {verdict(reload <= RELOAD_BUDGET)}")

        print("the site's own assets (the engine's dxcourse/assets)")
        own = [p for p in sorted(ENGINE_ASSETS.glob("*")) if p.suffix in {".css", ".js"}]
        for path in own:
            data = path.read_bytes()
            print(f"  {path.name:22} {kb(len(data))} raw {kb(gz(data))} gzip")
        total = b"".join(p.read_bytes() for p in own)
        print(f"  {'total':22} {kb(len(total))} raw {kb(gz(total))} gzip")

        site = work / "out" / "small"
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
        # Engines loaded on first use (dxcourse/build/assets.py LAZY; NAME-engine.js is added by NAME.js):
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
