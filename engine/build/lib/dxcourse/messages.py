"""Error messages in Japanese, for the people who edit the YAML and Markdown.

Three tables: ruamel.yaml's parser problems, pydantic's error types, and a nearest-id hint
(「もしかして」) for unknown ids. Each message says what is wrong and what to do.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from typing import Any

# --- 「もしかして」 ------------------------------------------------------------------------


def nearest(value: str, known: Iterable[str]) -> str | None:
    """The known id closest to ``value``, when one is close enough to be a likely typo."""
    candidates = sorted(str(k) for k in known)
    # Look-alike characters first: step-l for step-1, O for 0.
    plain = str(value).translate(_LOOKALIKE)
    same = [c for c in candidates if c.translate(_LOOKALIKE) == plain and c != value]
    if same:
        return same[0]
    found = difflib.get_close_matches(str(value), candidates, n=1, cutoff=0.6)
    return found[0] if found else None


_LOOKALIKE = str.maketrans({"l": "1", "I": "1", "i": "1", "O": "0", "o": "0", "_": "-", " ": "-"})


def hint(value: str, known: Iterable[str]) -> str:
    """「 もしかして: x」, or a short list of what exists when nothing is close."""
    known = sorted(str(k) for k in known)
    guess = nearest(value, known)
    if guess:
        return f"もしかして: {guess}"
    if not known:
        return "まだ1つもありません"
    shown = ", ".join(known[:8])
    return f"あるもの: {shown}{' ほか' if len(known) > 8 else ''}"


def unknown(what: str, value: str, known: Iterable[str], fix: str = "") -> str:
    """``what`` ('モジュール') ``value`` is not among ``known``: say so, hint, and how to fix."""
    tail = f" {fix}" if fix else " 綴りを確かめるか、先にそれを作ってください。"
    return f"{what} '{value}' はありません({hint(value, known)})。{tail.strip()}"


# --- YAML syntax ---------------------------------------------------------------------------

_YAML_PROBLEMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"found character '\\t' that cannot start any token|found a tab character"),
     "タブ文字は使えません。字下げは半角スペースにしてください。"),
    (re.compile(r"mapping values are not allowed"),
     "ここに「:」は書けません。字下げがずれていないか、値に「: 」を含むなら値全体を引用符(\"…\")で囲んでください。"),
    (re.compile(r"could not find expected ':'"),
     "「キー: 値」の「:」が見つかりません。行の字下げと「:」の後の半角スペースを確かめてください。"),
    (re.compile(r"expected <block end>, but found '<block mapping start>'|expected <block end>, but found '<block sequence start>'"),
     "字下げがそろっていません。同じ階層の行は、同じ数の半角スペースで始めてください。"),
    (re.compile(r"expected <block end>, but found '-'|did not find expected '-' indicator"),
     "リストの「- 」の位置がそろっていません。同じリストの「- 」は同じ字下げにしてください。"),
    (re.compile(r"expected <block end>, but found"),
     "字下げがそろっていないか、前の行の続きとして読めない行があります。字下げを確かめてください。"),
    (re.compile(r"did not find expected key"),
     "キーがあるはずの位置に別のものがあります。字下げと「- 」の位置を確かめてください。"),
    (re.compile(r"duplicate key \"?([^\"]*)\"?|found duplicate key \"?([^\" ]*)"),
     "同じキーが同じ場所に2回あります。どちらか一方を消してください。"),
    (re.compile(r"found unexpected end of stream|found unknown escape character|while scanning a quoted scalar"),
     "引用符(\" または ')が閉じていません。対になる引用符を書き足してください。"),
    (re.compile(r"expected ',' or ']'"),
     "[ ] のリストが閉じていないか、区切りの「,」がありません。"),
    (re.compile(r"expected ',' or '}'"),
     "{ } が閉じていないか、区切りの「,」がありません。"),
    (re.compile(r"found undefined alias"),
     "「*」で始まる値は別名(alias)として読まれます。文字として書くなら引用符で囲んでください。"),
    (re.compile(r"found character '([@`])' that cannot start any token"),
     "「@」や「`」で始まる値は、引用符(\"…\")で囲んでください。"),
    (re.compile(r"found character '%' that cannot start any token"),
     "「%」で始まる値は、引用符(\"…\")で囲んでください。"),
    (re.compile(r"expected a comment or a line break"),
     "値の後ろに余分な文字があります。値に引用符を使ったなら、閉じた後ろに何も書かないでください。"),
    (re.compile(r"expected the node content, but found|expected a single document"),
     "値があるはずの位置に記号があります。記号で始まる値は引用符で囲んでください。"),
]


def yaml_problem(problem: str) -> str:
    """ruamel.yaml's parser text → what a person should do, in Japanese."""
    for pattern, text in _YAML_PROBLEMS:
        if pattern.search(problem):
            return f"YAMLの書き方の誤り: {text}"
    return f"YAMLの書き方の誤り: 字下げ・「:」・引用符を確かめてください(YAMLの解析器の説明: {problem})。"


# --- pydantic ------------------------------------------------------------------------------


def _fmt_expected(ctx: dict[str, Any]) -> str:
    expected = str(ctx.get("expected", ""))
    return expected.replace(" or ", ", ").replace("'", "")


_PYDANTIC: dict[str, Any] = {
    "string_type": lambda c, v: "文字を書いてください(数や true/false は引用符で囲むと文字になります)。",
    "string_too_short": lambda c, v: "空にはできません。文字を書いてください。",
    "string_too_long": lambda c, v: f"長すぎます。{c.get('max_length')}文字以内にしてください。",
    "int_type": lambda c, v: f"整数を書いてください(今は {v!r})。",
    "int_parsing": lambda c, v: f"整数を書いてください(今は {v!r})。",
    "int_from_float": lambda c, v: f"小数ではなく整数を書いてください(今は {v!r})。",
    "bool_type": lambda c, v: "true か false を書いてください。",
    "bool_parsing": lambda c, v: f"true か false を書いてください(今は {v!r})。",
    "greater_than_equal": lambda c, v: f"{c.get('ge')} 以上にしてください(今は {v!r})。",
    "greater_than": lambda c, v: f"{c.get('gt')} より大きくしてください(今は {v!r})。",
    "less_than_equal": lambda c, v: f"{c.get('le')} 以下にしてください(今は {v!r})。",
    "less_than": lambda c, v: f"{c.get('lt')} より小さくしてください(今は {v!r})。",
    "too_short": lambda c, v: f"少なくとも{c.get('min_length')}つ書いてください。",
    "too_long": lambda c, v: f"多すぎます。{c.get('max_length')}つまでにしてください。",
    "literal_error": lambda c, v: f"次のどれかにしてください: {_fmt_expected(c)}(今は {v!r})。",
    "enum": lambda c, v: f"次のどれかにしてください: {_fmt_expected(c)}(今は {v!r})。",
    "date_type": lambda c, v: "日付を 2026-11-27 の形(年-月-日)で書いてください。",
    "date_parsing": lambda c, v: f"日付を 2026-11-27 の形(年-月-日)で書いてください(今は {v!r})。",
    "date_from_datetime_parsing": lambda c, v: f"日付を 2026-11-27 の形(年-月-日)で、ありうる日付で書いてください(今は {v!r})。",
    "date_from_datetime_inexact": lambda c, v: "時刻を付けず、日付だけを 2026-11-27 の形で書いてください。",
    "list_type": lambda c, v: "リストで書いてください(「- 」で始まる行を並べるか、[a, b] の形)。",
    "dict_type": lambda c, v: "「キー: 値」の組で書いてください。",
    "model_type": lambda c, v: "「キー: 値」の組で書いてください。",
    "model_attributes_type": lambda c, v: "「キー: 値」の組で書いてください。",
    "none_required": lambda c, v: "ここには何も書かないでください。",
}

_ID_PATTERN = "^[a-z0-9]+(?:-[a-z0-9]+)*$"


def pydantic_message(error: dict[str, Any], fields: list[str] | None = None) -> str:
    """One pydantic error as Japanese text, without the field path (the caller adds it)."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    value = error.get("input")
    if kind == "missing":
        return "必須の項目がありません。書き足してください。"
    if kind == "extra_forbidden":
        name = str(error["loc"][-1]) if error["loc"] else ""
        guess = nearest(name, fields or [])
        tip = f"もしかして: {guess}" if guess else (f"使える項目: {', '.join(fields)}" if fields else "")
        return f"この項目は使えません({tip})。綴りを確かめるか、消してください。" if tip else "この項目は使えません。綴りを確かめるか、消してください。"
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == _ID_PATTERN:
            return f"id は半角の英小文字・数字を「-」でつないだ形にしてください(例: my-module。今は {value!r})。"
        return f"形が正しくありません(今は {value!r})。"
    if kind == "value_error":
        message = error["msg"]
        return message[len("Value error, "):] if message.startswith("Value error, ") else message
    make = _PYDANTIC.get(kind)
    if make is not None:
        return make(ctx, value)
    return f"値が正しくありません: {error['msg']}"
