"""The engine as an outside municipality gets it: the wheel, installed into a fresh venv, makes a
new course with ``init`` that passes ``check`` and builds under MkDocs and ProperDocs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def run(args: list, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, env=env)
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    # Built from a copy: a build in engine/ itself would leave build/ there for a parallel ./dev.
    work = tmp_path_factory.mktemp("wheel")
    def leave_out(folder: str, names: list[str]) -> list[str]:
        top = Path(folder) == ROOT / "engine"
        return [n for n in names if n == "__pycache__" or n.endswith(".egg-info") or (top and n == "build")]

    shutil.copytree(ROOT / "engine", work / "engine", ignore=leave_out)
    run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", work / "dist", work / "engine"], cwd=work)
    (built,) = (work / "dist").glob("dxcourse-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel, tmp_path_factory) -> Path:
    """A fresh venv with the locked dependencies and the wheel: nothing from this checkout."""
    path = tmp_path_factory.mktemp("venv") / "venv"
    run([sys.executable, "-m", "venv", path], cwd=path.parent)
    python = path / "bin" / "python"
    run([python, "-m", "pip", "install", "-q", "--require-hashes", "--no-deps", "-r", ROOT / "requirements.lock"], cwd=path.parent)
    run([python, "-m", "pip", "install", "-q", "--no-deps", wheel], cwd=path.parent)
    return path


def test_the_wheel_carries_the_engine_and_its_data(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for name in (
        "dxcourse/plugin.py", "dxcourse/cli.py", "dxcourse/assets/site.js", "dxcourse/assets/site.css",
        "dxcourse/overrides/main.html", "dxcourse/templates/decision_tree.html",
        "dxcourse/build/scorm_package/imsmanifest.xml", "dxcourse/starter_course/mkdocs.yml",
        "dxcourse/starter_course/gitignore", "dxcourse/build/assets.py",
    ):
        assert name in names, name
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "dxcourse = dxcourse.plugin:DxCoursePlugin" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_init_in_an_empty_folder_gives_a_course_that_checks_and_builds_with_either_engine(venv, tmp_path):
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "OFFLINE", "SCORM", "DX_SITE_URL"}}
    env.update(NO_MKDOCS_2_WARNING="1", DX_DIST_DIR=str(tmp_path / "dist"))
    made = run([python, "-m", "dxcourse", "init", "town", "--site-name", "見本町 DX 自習コース", "--site-id", "mihon-town"], cwd=tmp_path, env=env)
    course = tmp_path / "town"
    assert "python -m dxcourse check" in made.stdout
    assert (course / ".gitignore").is_file() and (course / ".github" / "workflows" / "site.yml").is_file()
    assert "dxcourse==" in (course / "requirements.txt").read_text(encoding="utf-8")
    assert "site_id: mihon-town" in (course / "mkdocs.yml").read_text(encoding="utf-8")
    checked = run([python, "-m", "dxcourse", "check"], cwd=course, env=env)
    assert "誤りはありません" in checked.stdout
    run([python, "-m", "mkdocs", "build", "--strict", "-d", tmp_path / "mk"], cwd=course, env=env)
    run([python, "-m", "properdocs", "build", "--strict", "-d", tmp_path / "pd"], cwd=course, env=env)
    for site in (tmp_path / "mk", tmp_path / "pd"):
        page = (site / "decisions" / "start-small" / "index.html").read_text(encoding="utf-8")
        assert "この自治体の判断(出典の記事にはない考え)" in page
        assert (site / "assets" / "site.js").is_file() and (site / "search" / "dx-index.js").is_file()
    # The two engines differ in the generator tag alone.
    strip = lambda text: "\n".join(line for line in text.splitlines() if 'name="generator"' not in line)  # noqa: E731
    for html in (tmp_path / "mk").rglob("*.html"):
        twin = tmp_path / "pd" / html.relative_to(tmp_path / "mk")
        assert strip(html.read_text(encoding="utf-8")) == strip(twin.read_text(encoding="utf-8")), html


def test_init_refuses_a_folder_in_use_and_a_bad_site_id_writing_nothing(venv, tmp_path):
    python = venv / "bin" / "python"
    used = tmp_path / "used"
    used.mkdir()
    (used / "memo.txt").write_text("残す", encoding="utf-8")
    for folder, site_id in ((used, "ok-id"), (tmp_path / "new", "Bad_ID")):
        result = subprocess.run([python, "-m", "dxcourse", "init", folder, "--site-name", "町", "--site-id", site_id], cwd=tmp_path, capture_output=True, text=True)
        assert result.returncode == 2
        assert result.stderr.strip()
    assert sorted(p.name for p in used.iterdir()) == ["memo.txt"]
    assert not (tmp_path / "new").exists()
