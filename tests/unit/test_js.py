"""The browser scripts' plain functions, tested in Node (`node --test tests/js/`): fast, no
browser. This runs them as part of `./dev test`; `node --test tests/js/` runs them alone."""

from __future__ import annotations

import re
import shutil
import subprocess

from dxcourse.build.assets import LAZY
from tests.conftest import ROOT
from tests.project import ASSETS

NODE = shutil.which("node")


def test_the_scripts_pure_logic_passes_under_node():
    assert NODE, "node is needed for tests/js (./dev test installs it)"
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/js").glob("*.test.js"))
    assert len(files) >= 5, files
    run = subprocess.run([NODE, "--test", *files], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    assert "# fail 0" in run.stdout and "# pass 0" not in run.stdout, run.stdout[-2000:]


def test_the_aggregation_loader_and_the_build_name_the_same_engine_parts_in_order():
    loader = (ASSETS / "aggregate.js").read_text(encoding="utf-8")
    parts = re.findall(r'"(aggregate-[a-z]+)"', re.search(r"var PARTS = \[([^\]]*)\]", loader)[1])
    lazy = [(name, path) for name, path in LAZY.items() if name.startswith("dx-aggregate-")]
    assert [f"dx-{p}" for p in parts] == [name for name, _ in lazy]  # meta names: versions the loader asks for
    assert [f"assets/{p}.js" for p in parts] == [path for _, path in lazy]
    assert parts[-1] == "aggregate-engine" and len(parts) == 5  # the view last: it uses the other four
