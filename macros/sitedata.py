"""Loads ``data/**/*.yml`` into typed models, or reports every mistake at once.

Each widget module declares a :class:`Collection`: which files it owns and the model of
one file. Collections load in the order given, so a later one may refer to the ids of an
earlier one (a module naming a checklist, say) through the validation context.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from pydantic import BaseModel

from .diagnostics import SourceError, SourceErrors
from .yamlsource import line_of, load_yaml, validate

M = TypeVar("M", bound=BaseModel)


@dataclass(frozen=True)
class Collection(Generic[M]):
    """A kind of data file: ``pattern`` is a glob under ``data/``; ``model`` is one file."""

    name: str
    pattern: str
    model: type[M]
    cross_check: Any = None
    """Optional ``f(documents, display) -> list[SourceError]`` for rules across a file's nodes."""


@dataclass(frozen=True)
class Document(Generic[M]):
    """One validated file: the model, and the parsed YAML kept for locating errors."""

    value: M
    raw: Any
    display: str

    def line(self, *loc: int | str) -> int:
        return line_of(self.raw, loc)

    def error(self, message: str, *loc: int | str) -> SourceError:
        return SourceError(self.display, self.line(*loc), message)


@dataclass
class SiteData:
    documents: dict[str, list[Document]] = field(default_factory=dict)

    def all(self, collection: str) -> list[Any]:
        return [doc.value for doc in self.documents.get(collection, [])]

    def get(self, collection: str, item_id: str) -> Any | None:
        for doc in self.documents.get(collection, []):
            if doc.value.id == item_id:
                return doc.value
        return None

    def ids(self, collection: str) -> list[str]:
        return [value.id for value in self.all(collection)]


def docs_pages(docs_dir: Path) -> set[str]:
    return {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}


def duplicate_ids(node: Any, loc: tuple[int | str, ...] = ()) -> Iterable[tuple[str, tuple]]:
    """Yield ``(id, loc)`` for each repeated ``id`` in any list of mappings, at any depth.

    Works on the parsed YAML, not the model, so duplicates are reported even in a file
    that has other errors too.
    """
    if isinstance(node, dict):
        for key, child in node.items():
            yield from duplicate_ids(child, (*loc, key))
    elif isinstance(node, list):
        seen: set[str] = set()
        for index, item in enumerate(node):
            item_id = item.get("id") if isinstance(item, dict) else None
            if isinstance(item_id, str):
                if item_id in seen:
                    yield item_id, (*loc, index, "id")
                seen.add(item_id)
            yield from duplicate_ids(item, (*loc, index))


def load_site_data(root: Path, collections: Sequence[Collection], docs_dir: Path | None = None) -> SiteData:
    """Load every collection under ``root/data``; raise :class:`SourceErrors` listing all."""
    data_dir = root / "data"
    context: dict[str, Any] = {"ids": {}}
    if docs_dir is not None:
        context["pages"] = docs_pages(docs_dir)
    site = SiteData()
    errors: list[SourceError] = []
    for collection in collections:
        documents: list[Document] = []
        first_line_of_id: dict[str, str] = {}
        for path in sorted(data_dir.glob(collection.pattern)):
            display = path.relative_to(root).as_posix()
            raw, problems = load_yaml(path, display)
            if not problems and raw is None:
                problems = [SourceError(display, 1, "the file is empty")]
            if not problems:
                value, problems = validate(collection.model, raw, display, context)
                problems += [
                    SourceError(display, line_of(raw, loc), f"duplicate id '{item_id}'")
                    for item_id, loc in duplicate_ids(raw)
                ]
            errors.extend(problems)
            if problems:
                # Keep its id known, so references to it do not add noise to the report.
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    first_line_of_id.setdefault(raw["id"], display)
                continue
            doc = Document(value, raw, display)
            if collection.cross_check:
                errors.extend(collection.cross_check(doc))
            file_id = getattr(value, "id", None)
            if file_id is not None:
                if file_id in first_line_of_id:
                    errors.append(
                        doc.error(f"duplicate id '{file_id}' (also in {first_line_of_id[file_id]})", "id")
                    )
                    continue
                first_line_of_id[file_id] = f"{display}:{doc.line('id')}"
            documents.append(doc)
        site.documents[collection.name] = documents
        context["ids"][collection.name] = set(first_line_of_id)
    if errors:
        raise SourceErrors(errors)
    return site
