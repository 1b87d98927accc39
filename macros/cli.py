"""``./dev check``, ``./dev new KIND ID`` and ``./dev publish``: the maintainer's commands.

Run as ``python -m macros.cli COMMAND`` from the project folder (``./dev`` does this).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _config(root: Path):
    """mkdocs.yml as MkDocs reads it (``!ENV`` and all); ``(extra, docs_dir, errors)``."""
    from mkdocs.config import load_config
    from mkdocs.exceptions import ConfigurationError

    from .diagnostics import SourceError

    try:
        config = load_config(str(root / "mkdocs.yml"))
    except (ConfigurationError, OSError, ValueError) as exc:
        return {}, root / "docs", [SourceError("mkdocs.yml", 1, f"mkdocs.yml を読めません: {exc}")]
    return dict(config["extra"]), Path(config["docs_dir"]), []


def check(root: Path) -> int:
    from . import check_sources

    extra, docs_dir, errors = _config(root)
    data, pages, entries, found = check_sources(root, docs_dir, extra)
    errors = sorted(set(errors + found))
    for error in errors:
        print(error)
    if errors:
        print(f"\n{len(errors)} 件の誤りがあります。上の「ファイル:行」を開いて直してください。", file=sys.stderr)
        return 1
    from . import facts

    stale = facts.stale(data, facts.max_age_months(extra))
    for problem in stale:
        print(f"注意: {problem}")
    print(f"誤りはありません(データ {sum(len(v) for v in data.documents.values())} ファイル、ページ {len(pages)} 枚を確かめました)。")
    if stale:
        print(f"確かめ直しの時期を過ぎた事実が {len(stale)} 件あります。--strict のビルドは止まります。", file=sys.stderr)
        return 1
    return 0


def _light_extra(root: Path) -> dict:
    """Only ``extra:`` of mkdocs.yml (its other tags need MkDocs' loader, which is slow)."""
    from ruamel.yaml import YAML

    text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    block, inside = [], False
    for line in text.splitlines():
        if line.startswith("extra:"):
            inside = True
        elif inside and line and not line.startswith((" ", "#")):
            break
        if inside:
            block.append(line)
    try:
        return (YAML(typ="safe").load("\n".join(block)) or {}).get("extra") or {}
    except Exception:  # noqa: BLE001 - ./dev check reports a broken mkdocs.yml
        return {}


def new(root: Path, kind: str, item_id: str, program: str | None) -> int:
    from .scaffold import ScaffoldError
    from .scaffold import new as scaffold

    extra = _light_extra(root)
    try:
        written = scaffold(root, kind, item_id, extra, program)
    except ScaffoldError as exc:
        print(exc, file=sys.stderr)
        return 2
    print("次のファイルを書きました:")
    for line in written:
        print(f"  {line}")
    print("「(…を書く)」の部分を書き換えてから、./dev check で確かめてください。")
    return 0


def publish(root: Path) -> int:
    from . import check_sources
    from .published import FILE, write

    extra, docs_dir, errors = _config(root)
    data, _, _, found = check_sources(root, docs_dir, extra)
    errors = sorted(set(errors + found))
    if errors:
        for error in errors:
            print(error)
        print("\n誤りがあるので、公開済みの台帳は更新していません。", file=sys.stderr)
        return 1
    write(root, data)
    print(f"{FILE} を更新しました(公開済みの id と番号を書き足しました)。コミットしてください。")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="./dev", description="サイトの元のファイルを確かめる・作る")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="すべてのデータとページを確かめ、誤りをすべて示す(サイトは書き出さない)")
    new_parser = sub.add_parser("new", help="新しいモジュールなどのひな形を書く")
    new_parser.add_argument("kind", help="faq | module | program | role | tree | worksheet")
    new_parser.add_argument("id", help="半角の英小文字・数字を「-」でつないだ id")
    new_parser.add_argument("--program", help="module のとき: 入れるプログラムの id(既定は最後のプログラム)")
    sub.add_parser("publish", help="公開済みの id と番号を data/published.yml に書き足す")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.command == "check":
        return check(root)
    if args.command == "new":
        return new(root, args.kind, args.id, args.program)
    return publish(root)


if __name__ == "__main__":
    sys.exit(main())
