"""A municipality's customised copy of this project, made with MAINTAINING.md's recipes: the
site renamed, a module added (with its self-check) and one retired, a local FAQ entry and a
local decision tree. CI runs the test suite inside such a copy: the tests must hold for any
course, reading this course's facts from its data (tests/project.py), never from its texts.

    python tests/customise.py DEST     # DEST must not exist
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SITE_ID = "kakuu-city-dx"
SITE_NAME = "架空市 DXガイド"


def copy_checkout(dest: Path) -> Path:
    """The files git knows (tracked, or new and not ignored): what a municipality's clone holds."""
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode("utf-8").split("\0")):
        source = ROOT / name
        if source.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, dest / name)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    if old not in text:
        raise SystemExit(f"{path}: {old!r} not found")
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def customise(root: Path) -> None:
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    edit(config, re.search(r"^  site_id: \S+$", text, re.M)[0], f"  site_id: {SITE_ID}")
    edit(config, re.search(r"^site_name: .*$", text, re.M)[0], f"site_name: {SITE_NAME}")

    # Retire the last module of the first program with two or more, as MAINTAINING.md says.
    programs = root / "data/curriculum/programs.yml"
    modules = root / "data/curriculum/modules.yml"
    lists = re.findall(r"^    modules: \[([^\]]+)\]$", programs.read_text(encoding="utf-8"), re.M)
    chosen = next(ids for ids in lists if "," in ids)
    ids = [i.strip() for i in chosen.split(",")]
    edit(modules, f"  - id: {ids[-1]}\n", f"  - id: {ids[-1]}\n    retired: true\n")
    numbers = [int(n) for n in re.findall(r"^    number: (\d+)$", modules.read_text(encoding="utf-8"), re.M)]
    edit(programs, f"modules: [{chosen}]", f"modules: [{', '.join([*ids[:-1], 'local-rules'])}]")
    append(modules, f"""  - id: local-rules
    number: {max(numbers) + 1}
    last_reviewed: 2026-12-01
    title: 庁内の決まりを見直す
    minutes: 20
    objectives:
      - 紙とはんこを前提にした庁内の決まりを一つ見つけられる
    read: [faq/local-question.md]
    trees: [local-tree]
    reflections:
      - id: first-rule
        question: 最初に見直したい庁内の決まりは何ですか。
""")
    (root / "data/selfchecks/local-rules.yml").write_text("""\
# 理解度チェック「庁内の決まりを見直す」。
id: local-rules
pass_mark: 2
questions:
  - id: first
    question: 庁内の決まりを見直すとき、最初にすることはどれですか。
    choices:
      a: その決まりが何のためにあるかを、担当課に確かめる
      b: 決まりをすぐに廃止する
    answer: a
    explanation: 目的が分かれば、紙やはんこのほかに目的を満たす方法を考えられます。
    why:
      a: 目的が分かれば、ほかの方法を考えられます。
      b: 目的を確かめずに廃止すると、必要な確認まで消えます。
    source: site
    page: faq/local-question.md
  - id: who
    question: 決まりを変える案は、だれと一緒に考えますか。
    choices:
      a: その決まりを使っている担当課
      b: 情報政策課だけ
    answer: a
    explanation: 決まりを使っている課が、変えた後の仕事を担います。
    why:
      a: 決まりを使っている課が、変えた後の仕事を担います。
      b: 情報政策課だけでは、現場の仕事に合いません。
    source: site
    page: faq/local-question.md
  - id: when
    question: 見直した決まりは、いつから使いますか。
    choices:
      a: 関係する課に知らせ、切り替えの日を決めてから
      b: 案ができた日から
    answer: a
    explanation: 切り替えの日を決めて知らせないと、古い書式と新しい書式が混ざります。
    why:
      a: 切り替えの日を知らせると、書式が混ざりません。
      b: 知らせずに変えると、古い書式と新しい書式が混ざります。
    source: site
    page: faq/local-question.md
""", encoding="utf-8")

    steps = re.findall(r"^  - id: (\S+)\n    number: (\d+)$", (root / "data/steps.yml").read_text(encoding="utf-8"), re.M)
    step_id, number = steps[0]
    (root / "docs/faq/local-question.md").write_text(f"""\
---
title: 紙とはんこの決まりは、どこから見直しますか
question: 紙とはんこの決まりは、どこから見直しますか
source: local
step: {step_id}
order: 99
tags: [ステップ{number}, 庁内の決まり]
last_reviewed: 2026-12-01
---

{{{{ faq_question() }}}}

## 結論

件数の多い申請の決まりから見直します。

## 理由

件数が多いほど、紙とはんこに使う時間が大きいからです。

## 進め方

1. 申請の件数を、決まりごとに数えます。
1. 件数の多い順に、担当課と目的を確かめます。

## 関連

{{{{ faq_related() }}}}
""", encoding="utf-8")
    (root / "data/decisions/local-tree.yml").write_text("""\
# 架空市の判断ツリー(source: local)。
id: local-tree
title: この決まりを今見直してよいですか
summary: 庁内の決まりを今見直してよいかを判断します。
order: 99
page: decisions/local-tree.md
source: local
questions:
  - id: counted
    text: その決まりを使う申請の件数を数えましたか。
    options:
      - id: yes
        label: はい
        next: go
      - id: no
        label: いいえ
        next: count-first
outcomes:
  - id: go
    verdict: 進めてよい
    tone: go
    title: 件数の多い決まりから見直します。
    explanation:
      - 件数が分かれば、見直した効果を確かめられます。
    actions:
      - 担当課と、決まりの目的を確かめます。
    links: [faq/local-question.md]
    basis:
      local: 架空市では、件数で効果を確かめられる見直しから始めると決めています。
  - id: count-first
    verdict: いったん止める(先に数える)
    tone: stop
    title: 先に、申請の件数を数えます。
    explanation:
      - 件数がないと、どの決まりから見直すかを決められません。
    actions:
      - 1か月分の申請の件数を数えます。
    links: [faq/local-question.md]
    basis:
      local: 見直しの順番を、件数で決めるためです。
""", encoding="utf-8")
    (root / "docs/decisions/local-tree.md").write_text("""\
---
title: この決まりを今見直してよいですか
last_reviewed: 2026-12-01
hide: [toc]
---

# この決まりを今見直してよいですか

{{ decision_tree("local-tree") }}
""", encoding="utf-8")


if __name__ == "__main__":
    dest = Path(sys.argv[1]).resolve()
    if dest.exists():
        raise SystemExit(f"{dest} already exists")
    customise(copy_checkout(dest))
    # MAINTAINING.md: a copy that becomes another city's site puts its own site_id in the register.
    subprocess.run([sys.executable, "-m", "dxcourse", "publish", "--new-site-id"], cwd=dest, check=True, stdout=subprocess.DEVNULL)
    print(dest)
