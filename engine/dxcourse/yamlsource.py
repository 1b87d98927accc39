"""Line-aware YAML loading, and mapping of validation errors back to source lines.

Each mapping key's and sequence item's line is kept (:class:`YamlMap`, :class:`YamlSeq`), so
a pydantic error location such as ``("items", 3, "text")`` can be turned into the line a
person should edit.
"""

from __future__ import annotations

from collections.abc import Sequence
from types import UnionType
from pathlib import Path
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode
from ruamel.yaml.resolver import VersionedResolver

from .diagnostics import SourceError
from .messages import pydantic_message, yaml_problem


def load_yaml(path: Path, display: str) -> tuple[Any, list[SourceError]]:
    """Parse one file; a syntax error becomes a located error instead of an exception."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [SourceError(display, 1, f"UTF-8 の文字として読めません({exc.reason})。エディターで文字コードを UTF-8 にして保存し直してください。")]
    return parse_yaml(text, display)


class DuplicateKey(MarkedYAMLError):
    pass


class YamlMap(dict):
    """A mapping read from YAML, with the 1-based lines of itself, of each key and of each value.

    A plain dict underneath (ruamel's CommentedMap was several times slower to build, to
    iterate and to validate, for line records that are all the build needs of it)."""

    __slots__ = ("line", "key_lines", "value_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.key_lines: dict[Any, int] = {}
        self.value_lines: dict[Any, int] = {}


class YamlSeq(list):
    """A sequence read from YAML, with the 1-based lines of itself and of each item."""

    __slots__ = ("line", "item_lines")

    def __init__(self, line: int) -> None:
        super().__init__()
        self.line = line
        self.item_lines: list[int] = []


# libyaml (C) composes the node tree about six times faster than ruamel's pure-Python
# round-trip loader, which was the largest part of the build's own time. The nodes carry
# their lines; _build turns them into YamlMap and YamlSeq with those lines, for line_of.
# Only plain YAML is needed: no comments kept.
class _Resolver(VersionedResolver):
    """ruamel's resolver, with the YAML version's resolvers looked up once per document.

    ruamel works the version out again for every scalar, by attribute lookups that fail and
    raise on the C parser; on a course of a few hundred files that was most of the data's
    loading time. With the C parser the version cannot change within a document (it is
    always the loader's: directives are not read), so the first answer is kept."""

    @property
    def versioned_resolver(self) -> Any:
        cached = self.__dict__.get("_dx_versioned_resolver")
        if cached is None:
            cached = self.__dict__["_dx_versioned_resolver"] = VersionedResolver.versioned_resolver.fget(self)
        return cached


_COMPOSER = YAML(typ="safe", pure=False)
_COMPOSER.Resolver = _Resolver
_SCALARS = _COMPOSER.constructor


def _build(node: Node) -> Any:
    if isinstance(node, MappingNode):
        mapping = YamlMap(node.start_mark.line + 1)
        for key_node, value_node in node.value:
            key = _build(key_node)
            if key in mapping:
                raise DuplicateKey(
                    "while constructing a mapping", node.start_mark, f"found duplicate key '{key}'", key_node.start_mark
                )
            mapping[key] = _build(value_node)
            mapping.key_lines[key] = key_node.start_mark.line + 1
            mapping.value_lines[key] = value_node.start_mark.line + 1
        return mapping
    if isinstance(node, SequenceNode):
        sequence = YamlSeq(node.start_mark.line + 1)
        for item in node.value:
            sequence.append(_build(item))
            sequence.item_lines.append(item.start_mark.line + 1)
        return sequence
    tag = node.tag
    # Kept as text: the model parses dates, so 2026-13-01 becomes a located field error
    # instead of a bare ValueError with no line. A string is its text, as ruamel would
    # construct it (most scalars are strings; ruamel's path is the slow part of loading).
    if tag == "tag:yaml.org,2002:timestamp" or tag == "tag:yaml.org,2002:str":
        return node.value
    return _SCALARS.construct_object(node, deep=True)


def _pure_python_error(text: str) -> MarkedYAMLError | None:
    """The same mistake as ruamel's own parser words it (its messages are the ones explained
    to people); None if only libyaml refuses the text."""
    try:
        YAML(typ="rt").load(text)
    except MarkedYAMLError as exc:
        return exc
    return None


# The last parse of each file (display name), by its text. The build reads every data file
# twice (the data, then the stubs' placeholders), and `mkdocs serve` reloads the whole course
# on every save: an unchanged file is parsed once. What comes back is shared, so nothing may
# change it (nothing does: the models are validated from it, errors are located with it).
_parsed: dict[tuple[str, int], tuple[str, Any, list[SourceError]]] = {}


def parse_yaml(text: str, display: str, line_offset: int = 0) -> tuple[Any, list[SourceError]]:
    key = (display, line_offset)
    cached = _parsed.get(key)
    if cached is None or cached[0] != text:
        cached = _parsed[key] = (text, *_parse_yaml(text, display, line_offset))
    return cached[1], list(cached[2])


def _parse_yaml(text: str, display: str, line_offset: int) -> tuple[Any, list[SourceError]]:
    try:
        node = _COMPOSER.compose(text)
        return (None if node is None else _build(node)), []
    except MarkedYAMLError as fast_error:
        exc = _pure_python_error(text) or fast_error
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + line_offset
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.problem:
            problem = f"{exc.context}; {exc.problem}"
        return None, [SourceError(display, line, yaml_problem(problem))]


def line_of(node: Any, loc: Sequence[int | str], default: int = 0) -> int:
    """1-based line of the deepest part of ``loc`` that exists in ``node``."""
    line = default
    for key in loc:
        if isinstance(node, YamlMap) and key in node:
            line = node.key_lines[key]
            node = node[key]
        elif isinstance(node, YamlSeq) and isinstance(key, int) and 0 <= key < len(node):
            line = node.item_lines[key]
            node = node[key]
        else:
            break
    if line == default and isinstance(node, (YamlMap, YamlSeq)):
        line = node.line
    return line or 1


def strings(node: Any, skip_keys: frozenset[str] | set[str] = frozenset(), line: int = 0):
    """``(line, text)`` of every string in a document read by :func:`parse_yaml`, leaving out
    the values of ``skip_keys`` (at any depth); a value's line is where the value starts."""
    if isinstance(node, YamlMap):
        for key, value in node.items():
            if key not in skip_keys:
                yield from strings(value, skip_keys, node.value_lines[key])
    elif isinstance(node, YamlSeq):
        for item_line, value in zip(node.item_lines, node):
            yield from strings(value, skip_keys, item_line)
    elif isinstance(node, str):
        yield line, node


def _unwrap(tp: Any) -> Any:
    """The model or list inside ``Annotated[...]`` / ``X | None``."""
    while True:
        origin = get_origin(tp)
        if origin is Annotated:
            tp = get_args(tp)[0]
        elif origin in (Union, UnionType):
            args = [a for a in get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else next((a for a in args if get_origin(a) is list or _is_model(a)), args[0])
        else:
            return tp


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def fields_at(model: type[BaseModel] | None, loc: Sequence[int | str]) -> list[str]:
    """The field names allowed at ``loc`` in ``model`` (for 「もしかして」 on an unknown key)."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int) and get_origin(tp) is list:
            tp = get_args(tp)[0]
        elif _is_model(tp) and part in tp.model_fields:
            tp = tp.model_fields[part].annotation
        else:
            return []
    tp = _unwrap(tp)
    return list(tp.model_fields) if _is_model(tp) else []


def describe(error: dict[str, Any], model: type[BaseModel] | None = None) -> str:
    """A short message for one pydantic error, naming the field, in Japanese."""
    where = ""
    for part in error["loc"]:
        if isinstance(part, int):
            where += f"[{part}]"
        elif not str(part).startswith("function-"):
            where += f".{part}" if where else str(part)
    kind = error["type"]
    if kind == "missing":
        name = str(error["loc"][-1]) if error["loc"] else where
        return f"必須の項目 '{where}' がありません。「{name}: …」を書き足してください。"
    fields = fields_at(model, [p for p in error["loc"][:-1]]) if kind == "extra_forbidden" else None
    message = pydantic_message(error, fields)
    return f"{where}: {message}" if where else message


def validate(
    model: type[BaseModel],
    raw: Any,
    display: str,
    context: dict[str, Any] | None = None,
    line_offset: int = 0,
) -> tuple[Any, list[SourceError]]:
    """Validate ``raw`` into ``model``; every failure comes back located, none raised."""
    try:
        return model.model_validate(raw, context=context), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = error["loc"]
            if error["type"] == "missing":
                loc = loc[:-1]  # the missing key has no line; point at its parent
            line = line_of(raw, loc) + line_offset
            errors.append(SourceError(display, line, describe(error, model)))
        return None, errors
