"""The maintainer's commands: ``python -m dxcourse check|new|publish|build|serve|init``.

Run them in the course's folder (where mkdocs.yml is), on any OS; ``./dev`` in this
repository is a thin wrapper that also installs what a Debian machine lacks.
"""

from __future__ import annotations

import argparse
import os
import subprocess
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
    from . import check_sources, prose, rules

    extra, docs_dir, errors = _config(root)
    data, pages, entries, found = check_sources(root, docs_dir, extra)
    found += rules.placeholders(root, docs_dir)
    lint = prose.lint(root, docs_dir)
    errors = sorted(set(errors + found + lint.errors))
    for error in errors:
        print(error)
    if lint.skipped:
        print(lint.skipped, file=sys.stderr)
    if errors:
        print(f"\n{len(errors)} 件の誤りがあります。上の「ファイル:行」を開いて直してください。", file=sys.stderr)
        return 1
    from . import facts

    stale = facts.stale(data, facts.max_age_months(extra))
    for problem in stale:
        print(f"注意: {problem}")
    linted = "" if lint.skipped else "、文章の校正も済みました"
    print(f"誤りはありません(データ {sum(len(v) for v in data.documents.values())} ファイル、ページ {len(pages)} 枚を確かめました{linted})。")
    if stale:
        print(f"確かめ直しの時期を過ぎた事実が {len(stale)} 件あります。--strict のビルドは止まります。", file=sys.stderr)
        return 1
    return 0


def _light_extra(root: Path) -> dict:
    """Only ``extra:`` of mkdocs.yml (its other tags need MkDocs' loader, which is slow)."""
    from ruamel.yaml import YAML

    try:
        text = (root / "mkdocs.yml").read_text(encoding="utf-8")
    except OSError:
        return {}  # not a course's folder: the command says so
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
    except Exception:  # noqa: BLE001 - check reports a broken mkdocs.yml
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
    print("「(…を書く)」の部分を書き換えてから、python -m dxcourse check で確かめてください。")
    return 0


def publish(root: Path, new_site_id: bool = False) -> int:
    from . import check_sources
    from .published import FILE, SITE_ID_ERROR, write

    extra, docs_dir, errors = _config(root)
    data, _, _, found = check_sources(root, docs_dir, extra)
    if new_site_id:
        # The maintainer says the site is a new one: its site_id goes into the register.
        found = [e for e in found if not (e.path == "mkdocs.yml" and e.message.startswith(SITE_ID_ERROR))]
    errors = sorted(set(errors + found))
    if errors:
        for error in errors:
            print(error)
        print("\n誤りがあるので、公開済みの台帳は更新していません。", file=sys.stderr)
        return 1
    if write(root, data, docs_dir, extra, new_site_id):
        print(f"{FILE} を更新しました(公開済みの id と番号を書き足しました)。コミットしてください。")
    else:
        print(f"{FILE} は変わりません(公開済みの id と番号は、すべて台帳にあります)。")
    return 0


ENGINES = ("mkdocs", "properdocs")


def _engine(name: str | None) -> str:
    engine = name or os.environ.get("DX_ENGINE") or "mkdocs"
    if engine not in ENGINES:
        raise SystemExit(f"エンジンは mkdocs か properdocs です: {engine}")
    return engine


def _run_engine(engine: str, args: list[str], **env: str) -> int:
    """MkDocs (or ProperDocs) in this Python, with the course folder as the working folder.

    The config file is named: ProperDocs looks for properdocs.yml first and warns when it falls
    back to mkdocs.yml, which both engines read."""
    command, *rest = args
    return subprocess.call([sys.executable, "-m", engine, command, "-f", "mkdocs.yml", *rest], env={**os.environ, **env})


def build(root: Path, engine: str) -> int:
    """The three builds of ``python -m dxcourse build``, then the register (what is built is published)."""
    for zip_file in (root / "dist").glob("*.zip"):
        # Zips of an earlier build (another site_id, say) must not be handed out by mistake.
        zip_file.unlink()
    steps = [
        ([], {}),
        (["-d", "site-offline"], {"OFFLINE": "true"}),
        (["-d", "site-scorm"], {"SCORM": "true"}),
    ]
    for args, env in steps:
        code = _run_engine(engine, ["build", "--strict", *args], **env)
        if code:
            return code
    code = publish(root)
    if code == 0:
        zips = " ".join(sorted(p.relative_to(root).as_posix() for p in (root / "dist").glob("*.zip")))
        print(f"イントラネット用: site/  フォルダー配布用: site-offline/  SCORM(LMS用): site-scorm/  zip: {zips}")
    return code


def serve(engine: str, address: str) -> int:
    # DX_DRAFT: a stub's placeholders are only noted while writing (check and build refuse them).
    return _run_engine(engine, ["serve", "--strict", "-a", address], DX_DRAFT="true")


def init(folder: Path, site_name: str | None, site_id: str | None) -> int:
    from .starter import StarterError, create

    if site_name is None and sys.stdin.isatty():
        site_name = input("サイトの名前(例: 〇〇市 DX 自習ガイド): ").strip()
    if site_id is None and sys.stdin.isatty():
        site_id = input("site_id(半角の英小文字・数字・「-」。例: oo-city-dx): ").strip()
    if not site_name or not site_id:
        print("サイトの名前と site_id を指定してください: python -m dxcourse init フォルダー --site-name 名前 --site-id id", file=sys.stderr)
        return 2
    try:
        written = create(folder, site_name, site_id)
    except StarterError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{folder} に新しいコースを作りました({len(written)} ファイル)。次の順に進めてください:")
    print(f"  cd {folder}")
    print("  python -m dxcourse check    (誤りがないか確かめる)")
    print("  python -m dxcourse serve    (http://127.0.0.1:8000/ で見ながら書く)")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m dxcourse", description="コースの元のファイルを確かめる・作る・ビルドする")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="すべてのデータとページを確かめ、誤りをすべて示す(サイトは書き出さない)")
    new_parser = sub.add_parser("new", help="新しいモジュールなどのひな形を書く")
    new_parser.add_argument("kind", help="faq | module | program | role | tree | worksheet")
    new_parser.add_argument("id", help="半角の英小文字・数字を「-」でつないだ id")
    new_parser.add_argument("--program", help="module のとき: 入れるプログラムの id(既定は最後のプログラム)")
    publish_parser = sub.add_parser("publish", help="公開済みの id と番号を data/published.yml に書き足す")
    publish_parser.add_argument("--new-site-id", action="store_true",
                                help="mkdocs.yml の site_id を新しいサイトのものとして台帳に書く(コピーして別の自治体のサイトにしたとき。前の id の記録は読めなくなります)")
    build_parser = sub.add_parser("build", help="site/・site-offline/・site-scorm/ と dist/*.zip を作り、台帳に書き足す")
    build_parser.add_argument("--engine", choices=ENGINES, help="ビルドに使うもの(既定: 環境変数 DX_ENGINE か mkdocs)")
    serve_parser = sub.add_parser("serve", help="書きながら見る(保存すると再読み込み)")
    serve_parser.add_argument("--engine", choices=ENGINES, help="既定: 環境変数 DX_ENGINE か mkdocs")
    serve_parser.add_argument("-a", "--address", default=os.environ.get("DX_ADDR", "127.0.0.1:8000"), help="既定: 環境変数 DX_ADDR か 127.0.0.1:8000")
    init_parser = sub.add_parser("init", help="新しい自治体のコースを、小さなひな形から作る")
    init_parser.add_argument("folder", help="作るフォルダー(ないか、空であること)")
    init_parser.add_argument("--site-name", help="サイトの名前")
    init_parser.add_argument("--site-id", help="ブラウザの記録の鍵になる id(半角の英小文字・数字・「-」)")
    args = parser.parse_args(argv)
    root = Path.cwd()
    if args.command == "check":
        return check(root)
    if args.command == "new":
        return new(root, args.kind, args.id, args.program)
    if args.command == "build":
        return build(root, _engine(args.engine))
    if args.command == "serve":
        return serve(_engine(args.engine), args.address)
    if args.command == "init":
        return init(Path(args.folder), args.site_name, args.site_id)
    return publish(root, args.new_site_id)


if __name__ == "__main__":
    sys.exit(main())
