"""``python -m dxcourse new KIND ID``: a stub that builds at once, with every allowed value in comments.

Module, program and role stubs are only YAML (their pages are generated). A tree gets its
data file and its page; an FAQ entry is only a page. Text is appended to the YAML files so
that their comments stay as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from .checks import source_name
from .curriculum import Format

KINDS = ("faq", "module", "program", "role", "tree", "worksheet")
ID_RULE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class ScaffoldError(Exception):
    """A plain Japanese message for the person running ``python -m dxcourse new``."""


def _today() -> str:
    return dt.date.today().isoformat()


def _formats() -> str:
    return " / ".join(Format.__args__)


def _append(path: Path, block: str) -> None:
    text = path.read_text(encoding="utf-8")
    if not text.endswith("\n"):
        text += "\n"
    path.write_text(text + block, encoding="utf-8")


def _ids_in(path: Path, key: str) -> list[str]:
    """``- id: x`` entries directly under ``key:`` (two-space list items)."""
    if not path.is_file():
        return []
    return re.findall(r"^  - id: *([a-z0-9-]+) *$", path.read_text(encoding="utf-8"), re.M)


def _numbers(path: Path) -> list[int]:
    return [int(n) for n in re.findall(r"^    number: *(\d+)\b", path.read_text(encoding="utf-8"), re.M)] if path.is_file() else []


def _published_numbers(root: Path) -> list[int]:
    path = root / "data/published.yml"
    if not path.is_file():
        return []
    block = path.read_text(encoding="utf-8").split("\ntrees:")[0]
    return [int(n) for n in re.findall(r"^  [a-z0-9-]+: *(\d+) *$", block, re.M)]


def _first_step(root: Path) -> tuple[str, int]:
    path = root / "data/steps.yml"
    if not path.is_file():
        raise ScaffoldError("data/steps.yml がありません。このコマンドはコースのフォルダー(mkdocs.yml のあるところ)で実行してください。")
    text = path.read_text(encoding="utf-8")
    ids = re.findall(r"^  - id: *([a-z0-9-]+)", text, re.M)
    numbers = re.findall(r"^    number: *(\d+)", text, re.M)
    if not ids:
        raise ScaffoldError("data/steps.yml にステップがありません。先にステップを書いてください。")
    return ids[0], int(numbers[0]) if numbers else 0


def add_to_program(root: Path, program_id: str, module_id: str) -> None:
    """Adds ``module_id`` to the ``modules:`` of program ``program_id`` in programs.yml."""
    path = root / "data/curriculum/programs.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    try:
        start = lines.index(f"  - id: {program_id}")
    except ValueError:
        raise ScaffoldError(f"プログラム '{program_id}' が programs.yml にありません。") from None
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - ")), len(lines))
    for i in range(start, end):
        match = re.match(r"^(    modules: *)\[(.*?)\]( *#.*)?$", lines[i])
        if match:
            items = [x.strip() for x in match[2].split(",") if x.strip()]
            lines[i] = f"{match[1]}[{', '.join([*items, module_id])}]{match[3] or ''}"
            break
        if re.match(r"^    modules: *(#.*)?$", lines[i]):
            j = i + 1
            while j < end and lines[j].startswith("      - "):
                j += 1
            lines.insert(j, f"      - {module_id}")
            break
    else:
        raise ScaffoldError(f"プログラム '{program_id}' に modules: の行が見つかりません。")
    path.write_text("\n".join(lines), encoding="utf-8")


def _program_audience(root: Path, program_id: str) -> list[str]:
    """The ``audience`` of a program in programs.yml (empty when it cannot be read)."""
    from ruamel.yaml import YAML

    try:
        raw = YAML(typ="safe").load((root / "data/curriculum/programs.yml").read_text(encoding="utf-8")) or {}
    except Exception:  # noqa: BLE001 - check reports a broken programs.yml
        return []
    for program in raw.get("programs") or []:
        if isinstance(program, dict) and program.get("id") == program_id:
            return [str(r) for r in program.get("audience") or []]
    return []


def _module_block(module_id: str, number: int, role_ids: list[str]) -> str:
    return f"""\
  # --- python -m dxcourse new module {module_id} が作りました。id と number は公開後に変えないでください。
  - id: {module_id}
    number: {number}            # 受講指示のコードに入る番号(1〜120)。使ったことのない番号だけ
    title: (モジュールの名前を書く)
    minutes: 30                 # 目安の時間(分、5〜600)
    last_reviewed: {_today()}   # このモジュールのページの最終確認日
    # roles: [{", ".join(role_ids)}]   # 対象の役割(省略するとプログラムの対象と同じ)。使える id(プログラムの対象): {", ".join(role_ids)}
    objectives:                 # 学習のめあて(1つ以上)
      - (この学習でできるようになることを書く)
    read: [index.md]            # 読むページ(docs/ からのパス、1つ以上)。例:steps/step-1.md, faq/rpa-now.md
    # checklists:               # 取り組むチェックリストの項目(項目を省くとリスト全部)
    #   - checklist: step-0
    #     items: [why-us-first]
    # trees: [rpa-now]          # 結論まで答える判断ツリー(data/decisions/ の id)
    reflections:                # 振り返りの問い(checklists・trees・reflections のどれか1つ以上が必要)
      - id: first-thought       # 記録の鍵。公開後は変えない
        question: (職場で試したいことを一つ挙げてください、のような問いを書く)
    # retired: true             # やめるときは消さずにこれを付ける(MAINTAINING.md「廃止する」)
"""


def _modules_line(root: Path, program_id: str) -> bool:
    """Whether program ``program_id`` has a ``modules:`` line that add_to_program can edit."""
    lines = (root / "data/curriculum/programs.yml").read_text(encoding="utf-8").split("\n")
    if f"  - id: {program_id}" not in lines:
        return False
    start = lines.index(f"  - id: {program_id}")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("  - ")), len(lines))
    return any(re.match(r"^    modules: *(\[.*?\])? *(#.*)?$", lines[i]) for i in range(start, end))


def _selfcheck_block(module_id: str) -> str:
    questions = "".join(f"""\
  - id: q{n}
    question: (問い{n}を書く)
    choices:
      a: (正しい選択肢を書く)
      b: (誤った選択肢を書く)
    answer: a
    explanation: (なぜ a が正しいかを書く)
    why:                        # 選択肢ごとに、正しい・誤りの理由
      a: (a が正しい理由を書く)
      b: (b が誤りである理由を書く)
    source: site                # site: このサイトの考え / article: 記事の答え(そのときは quote に記事の原文)
    page: index.md              # 答えが書いてあるページ(モジュールの read のどれか)
""" for n in (1, 2, 3))
    return f"""\
# 理解度チェック。python -m dxcourse new module {module_id} が作りました。
# id はモジュールの id です。問いの id はブラウザの記録に残るので、公開後は変えないでください。
id: {module_id}
pass_mark: 2                    # 合格に必要な正答数(1〜問いの数)
questions:                      # 問いは3〜5問。選択肢は2〜5個(a, b, c, ...)
{questions}"""


def _check_module(root: Path, module_id: str, program_id: str | None) -> str:
    """Refuses a module stub before anything is written; returns the program it goes into."""
    modules = root / "data/curriculum/modules.yml"
    programs = root / "data/curriculum/programs.yml"
    for path in (modules, programs):
        if not path.is_file():
            raise ScaffoldError(f"{path.relative_to(root).as_posix()} がありません。このコマンドはコースのフォルダー(mkdocs.yml のあるところ)で実行してください。")
    if module_id in _ids_in(modules, "modules"):
        raise ScaffoldError(f"モジュール '{module_id}' はもう modules.yml にあります。別の id にしてください。")
    _refuse_existing(root, root / f"data/selfchecks/{module_id}.yml")
    program_ids = _ids_in(programs, "programs")
    if not program_ids:
        raise ScaffoldError("programs.yml にプログラムがありません。先に python -m dxcourse new program <id> で作ってください。")
    program_id = program_id or program_ids[-1]
    if program_id not in program_ids:
        raise ScaffoldError(f"プログラム '{program_id}' が programs.yml にありません。" + unknown_hint(program_id, program_ids))
    if not _modules_line(root, program_id):
        raise ScaffoldError(f"プログラム '{program_id}' に modules: の行が見つかりません。programs.yml に「    modules: []」を書いてから、もう一度実行してください。")
    return program_id


def unknown_hint(item_id: str, known: list[str]) -> str:
    from .messages import nearest

    guess = nearest(item_id, known)
    return f"もしかして: {guess}" if guess else f"使える id: {', '.join(known)}"


def new_module(root: Path, module_id: str, program_id: str | None = None) -> list[str]:
    program_id = _check_module(root, module_id, program_id)
    modules = root / "data/curriculum/modules.yml"
    number = max([*_numbers(modules), *_published_numbers(root), 0]) + 1
    role_ids = _program_audience(root, program_id)
    _append(modules, _module_block(module_id, number, role_ids))
    add_to_program(root, program_id, module_id)
    selfcheck = root / f"data/selfchecks/{module_id}.yml"
    selfcheck.parent.mkdir(parents=True, exist_ok=True)
    selfcheck.write_text(_selfcheck_block(module_id), encoding="utf-8")
    return [
        f"data/curriculum/modules.yml(モジュール '{module_id}'、番号 {number} を末尾に追加)",
        f"data/curriculum/programs.yml(プログラム '{program_id}' の modules に追加。別のプログラムに移すときは、そちらの modules に書き換えてください)",
        f"data/selfchecks/{module_id}.yml(理解度チェック)",
        f"ページ curriculum/modules/{module_id}.md はビルドのときにデータから作られます",
    ]


def new_program(root: Path, program_id: str) -> list[str]:
    programs = root / "data/curriculum/programs.yml"
    if program_id in _ids_in(programs, "programs"):
        raise ScaffoldError(f"プログラム '{program_id}' はもう programs.yml にあります。別の id にしてください。")
    role_ids = _ids_in(root / "data/curriculum/roles.yml", "roles")
    if not role_ids:
        raise ScaffoldError("roles.yml に役割がありません。先に python -m dxcourse new role <id> で作ってください。")
    step_id, _ = _first_step(root)
    number = max([*_numbers(programs), 0]) + 1
    module_id = f"{program_id}-1"
    modules = root / "data/curriculum/modules.yml"
    if not modules.is_file():
        raise ScaffoldError("data/curriculum/modules.yml がありません。このコマンドはコースのフォルダー(mkdocs.yml のあるところ)で実行してください。")
    if module_id in _ids_in(modules, "modules"):
        raise ScaffoldError(f"プログラムと一緒に作るモジュール '{module_id}' が、もう modules.yml にあります。プログラムを別の id にしてください。")
    _refuse_existing(root, root / f"data/selfchecks/{module_id}.yml")
    _append(programs, f"""\
  # --- python -m dxcourse new program {program_id} が作りました。id は公開後に変えないでください。
  - id: {program_id}
    number: {number}                 # 表示の順番(1〜99)
    title: (プログラムの名前を書く)
    aim: (ねらいを1〜2文で書く)
    audience: [{role_ids[0]}]        # 対象の役割(1つ以上)。使える id: {", ".join(role_ids)}
    steps: [{step_id}]               # 対応するステップ(data/steps.yml の id、1つ以上)
    format: 研修                     # 形式。使える値: {_formats()}
    length: (長さの目安を書く。例:半日(3時間))
    prerequisites: []                # 先に受けるプログラムの id
    outputs:                         # 受講後に手元に残るもの(1つ以上)
      - (成果物を書く)
    modules: []                      # このプログラムの学習モジュール(1つ以上。順番どおり)
    last_reviewed: {_today()}        # このプログラムのページの最終確認日
""")
    written = [f"data/curriculum/programs.yml(プログラム '{program_id}'、番号 {number} を末尾に追加)"]
    written += new_module(root, module_id, program_id)
    return written


def new_role(root: Path, role_id: str) -> list[str]:
    roles = root / "data/curriculum/roles.yml"
    if not roles.is_file():
        raise ScaffoldError("data/curriculum/roles.yml がありません。このコマンドはコースのフォルダー(mkdocs.yml のあるところ)で実行してください。")
    if role_id in _ids_in(roles, "roles"):
        raise ScaffoldError(f"役割 '{role_id}' はもう roles.yml にあります。別の id にしてください。")
    _append(roles, f"""\
  # --- python -m dxcourse new role {role_id} が作りました。id は記録と受講指示に使われるので、公開後に変えないでください。
  - id: {role_id}
    name: (役割の名前を書く。例:窓口担当)
    summary: (どんな人か、1文で書く)
    last_reviewed: {_today()}   # この役割のページの最終確認日
    # 対象にするには、programs.yml のプログラムの audience に '{role_id}' を足します。
""")
    return [f"data/curriculum/roles.yml(役割 '{role_id}' を末尾に追加)", f"ページ curriculum/roles/{role_id}.md はビルドのときにデータから作られます"]


def _refuse_existing(root: Path, *paths: Path) -> None:
    for path in paths:
        if path.exists():
            raise ScaffoldError(f"{path.relative_to(root)} はもうあります。別の id にしてください。")


def _next_order(folder: Path) -> int:
    """One past the highest `order:` among the YAML files of a folder."""
    orders = [int(n) for p in folder.glob("*.yml") for n in re.findall(r"^order: *(\d+)", p.read_text(encoding="utf-8"), re.M)]
    return max([*orders, 0]) + 1


def new_tree(root: Path, tree_id: str, extra: dict | None = None) -> list[str]:
    data_file = root / f"data/decisions/{tree_id}.yml"
    page = root / f"docs/decisions/{tree_id}.md"
    _refuse_existing(root, data_file, page)
    order = _next_order(root / "data/decisions")
    # A course without a source article (extra.source.name) has only local trees.
    if source_name(extra):
        source_line = "source: article          # 使える値: article(記事に基づく判断)/ local(この自治体の判断。basis に local: を書く)\n"
        go_basis = """      article:                  # 根拠。quote: 記事の原文そのまま(「」なし)/ says: 記事の要点の要約(「」なし)
        - says: (この結論の根拠を書く)
      site: (記事にはない、このサイトの補足を書く。なければこの行を消す)"""
        stop_basis = """      article:
        - says: (この結論の根拠を書く)"""
    else:
        source_line = "source: local            # このコースには出典の記事がない(mkdocs.yml の extra.source.name)ので local だけ\n"
        go_basis = "      local: (この自治体がそう判断する理由を書く)"
        stop_basis = go_basis
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(f"""\
# 判断ツリー。python -m dxcourse new tree {tree_id} が作りました。
# 最初の問いが出発点です。どの答えをたどっても結論に着くようにします(ビルドが確かめます)。
# id(ツリー・問い・選択肢・結論)は結果のリンクと記録に残るので、公開後は変えないでください。
# やめるときは消さずに retired: true を付けます(MAINTAINING.md「廃止する」)。
id: {tree_id}
title: (ツリーが答える問いを書く。例:今、窓口の電子化を進めてよいですか)
summary: (一覧に出す1文を書く。誰のための、何を決めるツリーか)
order: {order}                  # 判断ツリーの一覧での順番(1〜99)
page: decisions/{tree_id}.md   # このツリーを表示するページ
{source_line}questions:
  - id: first
    text: (最初の問いを書く)
    help: (答えに迷う人への補足を書く。なければこの行を消す)
    options:                    # 選択肢は2つ以上。next は問いか結論の id
      - id: yes
        label: はい
        next: go
      - id: no
        label: いいえ
        next: stop
outcomes:
  - id: go
    verdict: 条件付きで進める    # 結論の短い言葉(記録に残る)
    tone: conditional           # 色とアイコン。使える値: stop / conditional / go(go は basis に記事の原文 quote があるときだけ)
    title: (この結論の意味を1行で書く)
    explanation:                # 理由(段落ごとに1項目)
      - (理由を書く)
    actions:                    # 次にやること(順番どおり)
      - (やることを書く)
    links: [index.md]           # 次に読むページ(docs/ からのパス、1つ以上)
    basis:
{go_basis}
  - id: stop
    verdict: いったん止める
    tone: stop
    title: (この結論の意味を1行で書く)
    explanation:
      - (理由を書く)
    actions:
      - (やることを書く)
    links: [index.md]
    basis:
{stop_basis}
""", encoding="utf-8")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"""\
---
title: (ツリーが答える問いを書く)
last_reviewed: {_today()}
hide: [toc]
---

# (ツリーが答える問いを書く)

{{{{ decision_tree("{tree_id}") }}}}

## 判断の流れの図

{{{{ decision_diagram("{tree_id}") }}}}

ほかの判断ツリーは、[判断ツリーの一覧](index.md)から選べます。
""", encoding="utf-8")
    return [f"data/decisions/{tree_id}.yml", f"docs/decisions/{tree_id}.md(ページの本文はここに書きます)"]


def new_faq(root: Path, faq_id: str, extra: dict | None = None) -> list[str]:
    page = root / f"docs/faq/{faq_id}.md"
    if page.exists():
        raise ScaffoldError(f"docs/faq/{faq_id}.md はもうあります。別の名前にしてください。")
    step_id, step_number = _first_step(root)
    orders = []
    for p in (root / "docs/faq").glob("*.md"):
        text = p.read_text(encoding="utf-8")
        if re.search(rf"^step: *{re.escape(step_id)} *$", text, re.M):
            orders += [int(n) for n in re.findall(r"^order: *(\d+)", text, re.M)]
    article = source_name(extra)
    source_comment = (
        f"local(このサイトの問い)/ article(出典の{article}での問い。記事に質問として挙がっていれば asked: true も書く)"
        if article else "local だけ(mkdocs.yml の extra.source.name がないので article は使えません)"
    )
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"""\
---
# python -m dxcourse new faq {faq_id} が作りました。ファイル名({faq_id})はリンク先になるので、公開後は変えないでください。
title: (問いをです・ます体で書く。例:窓口の手続きをオンラインにすべきですか)
question: (問いを短く書く。60字まで)
source: local            # 使える値: {source_comment}
step: {step_id}           # data/steps.yml の id
order: {max([*orders, 0]) + 1}                 # 同じステップの中での順番(1〜99、重ならない番号)
tags: [ステップ{step_number}, (トピックを書く)]   # ステップのタグ(ステップ{step_number})と、トピックを1つ以上
last_reviewed: {_today()}
---

{{{{ faq_question() }}}}

## 結論

(結論を書く)

## 理由

(理由を書く)

## 進め方

1. (進め方を書く)

## 関連

{{{{ faq_related() }}}}
""", encoding="utf-8")
    return [f"docs/faq/{faq_id}.md(よくある質問の一覧とステップのページに自動で載ります)"]


def new_worksheet(root: Path, worksheet_id: str, extra: dict | None = None) -> list[str]:
    data_file = root / f"data/worksheets/{worksheet_id}.yml"
    page = root / f"docs/worksheets/{worksheet_id}.md"
    _refuse_existing(root, data_file, page)
    order = _next_order(root / "data/worksheets")
    step_id, _ = _first_step(root)
    # A course without a source article (extra.source.name) gives its own reason instead.
    basis = (
        """  article:                      # 根拠。quote: 記事の原文そのまま(「」なし)/ says: 記事の要点の要約(「」なし)
    - says: (このシートが形にする記事の助言を書く)"""
        if source_name(extra)
        else "  local: (この自治体がこのシートを使う理由を書く)   # このコースには出典の記事がない(mkdocs.yml の extra.source.name)ので local だけ"
    )
    data_file.parent.mkdir(parents=True, exist_ok=True)
    data_file.write_text(f"""\
# ワークシート。python -m dxcourse new worksheet {worksheet_id} が作りました。
# id(シート・節・欄・列)はブラウザの記録の鍵なので、公開後は変えないでください。
id: {worksheet_id}
title: (ワークシートの名前を書く)
summary: (一覧に出す1文を書く。このシートで何ができあがるか)
step: {step_id}                    # 手順書のステップ(data/steps.yml の id)
order: {order}                        # ワークシートの一覧での順番(1〜99)
page: worksheets/{worksheet_id}.md  # このシートを表示するページ
used_in:                        # このシートへのリンクを出すページ({{{{ worksheet_links() }}}} のあるページ)
  - steps/{step_id}.md
purpose:                        # いつ、何のために使うか(段落ごとに1項目)
  - (このシートを使う場面を書く)
basis:
{basis}
sections:
  - id: main
    title: (節の見出しを書く)
    fields:
      - id: goal
        kind: text              # 使える値: text(1行) / textarea(複数行、lines で印刷の高さ) / table(rows × columns)
        label: (欄の見出しを書く)
        help: (書き方の説明を書く)
        example: (記入例を書く)
      - id: notes
        kind: textarea
        lines: 4
        label: (欄の見出しを書く)
""", encoding="utf-8")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(f"""\
---
title: (ワークシートの名前を書く)
last_reviewed: {_today()}
---

# (ワークシートの名前を書く)

{{{{ worksheet("{worksheet_id}") }}}}
""", encoding="utf-8")
    return [f"data/worksheets/{worksheet_id}.yml", f"docs/worksheets/{worksheet_id}.md"]


def new(root: Path, kind: str, item_id: str, extra: dict | None = None, program: str | None = None) -> list[str]:
    if kind not in KINDS:
        raise ScaffoldError(f"種類 '{kind}' は作れません。使える種類: {', '.join(KINDS)}")
    if not ID_RULE.match(item_id or "") or len(item_id) > 64:
        raise ScaffoldError(f"id '{item_id}' は使えません。半角の英小文字・数字を「-」でつないだ形にしてください(例:local-rules)。")
    if not (root / "mkdocs.yml").is_file() or not (root / "data").is_dir():
        raise ScaffoldError("mkdocs.yml か data/ がありません。このコマンドはコースのフォルダー(mkdocs.yml のあるところ)で実行してください。")
    if program is not None and kind != "module":
        raise ScaffoldError(f"--program は module のときだけ使えます({kind} には使えません)。")
    if kind == "module":
        return new_module(root, item_id, program)
    if kind == "program":
        return new_program(root, item_id)
    if kind == "role":
        return new_role(root, item_id)
    if kind == "tree":
        return new_tree(root, item_id, extra)
    if kind == "faq":
        return new_faq(root, item_id, extra)
    return new_worksheet(root, item_id, extra)
