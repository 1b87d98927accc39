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
    pages: Any = None
    """Optional ``f(raw) -> [src_uri]``: pages the build generates from this file (see generate.py)."""
    items: str | None = None
    """The file's list field (``modules``), for a file that holds a list: when the file has
    errors, its items that are right are still checked against the other files."""


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
    failed: set[str] = field(default_factory=set)
    """Collections with at least one file that did not validate: checks across files skip
    what they cannot know, so one mistake is not reported again as many."""
    generated: set[str] = field(default_factory=set)
    """Pages the build generates from the data (``curriculum/modules/<id>.md`` and so on)."""
    unverified: dict[str, set[str]] = field(default_factory=dict)
    """Ids of list items that did not validate, per collection: they exist, so references
    to them are not reported as unknown."""

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
    site, errors = collect_site_data(root, collections, docs_dir)
    if errors:
        raise SourceErrors(errors)
    return site


def collect_site_data(
    root: Path, collections: Sequence[Collection], docs_dir: Path | None = None
) -> tuple[SiteData, list[SourceError]]:
    """Every file that validates, and every error of the others: nothing raised.

    Files are parsed first, so the pages generated from the data are known before any
    ``PageRef`` is checked (a module may link to another module's generated page).
    """
    data_dir = root / "data"
    parsed: dict[str, list[tuple[Path, str, Any, list[SourceError]]]] = {}
    site = SiteData()
    for collection in collections:
        files = parsed[collection.name] = []
        for path in sorted(data_dir.glob(collection.pattern)):
            display = path.relative_to(root).as_posix()
            raw, problems = load_yaml(path, display)
            if not problems and raw is None:
                problems = [SourceError(display, 1, "ファイルが空です。中身を書くか、ファイルを消してください。")]
            files.append((path, display, raw, problems))
            if collection.pages and not problems:
                try:
                    site.generated.update(collection.pages(raw))
                except (AttributeError, TypeError, KeyError):
                    pass  # a badly shaped file: its validation errors say why
    context: dict[str, Any] = {"ids": {}}
    if docs_dir is not None:
        context["pages"] = docs_pages(docs_dir) | site.generated
    errors: list[SourceError] = []
    for collection in collections:
        documents: list[Document] = []
        first_line_of_id: dict[str, str] = {}
        unreadable = False
        for path, display, raw, problems in parsed[collection.name]:
            if not problems:
                value, problems = validate(collection.model, raw, display, context)
                problems += [
                    SourceError(display, line_of(raw, loc), f"id '{item_id}' が同じリストの中で重なっています。どちらかを別の id にしてください。")
                    for item_id, loc in duplicate_ids(raw)
                ]
            errors.extend(problems)
            if problems and collection.items and isinstance(raw, dict):
                partial = _partial(collection, raw, display, context, site)
                if partial is not None:
                    site.failed.add(collection.name)
                    documents.append(Document(partial, raw, display))
                    continue
            if problems:
                site.failed.add(collection.name)
                # Keep its id known, so references to it do not add noise to the report.
                if isinstance(raw, dict) and isinstance(raw.get("id"), str):
                    first_line_of_id.setdefault(raw["id"], display)
                elif getattr(collection.model, "model_fields", {}).get("id") is not None:
                    unreadable = True
                continue
            doc = Document(value, raw, display)
            if collection.cross_check:
                errors.extend(collection.cross_check(doc))
            file_id = getattr(value, "id", None)
            if file_id is not None:
                if file_id in first_line_of_id:
                    errors.append(
                        doc.error(f"id '{file_id}' は {first_line_of_id[file_id]} でも使われています。どちらかを別の id にしてください。", "id")
                    )
                    continue
                first_line_of_id[file_id] = f"{display}:{doc.line('id')}"
            documents.append(doc)
        site.documents[collection.name] = documents
        # A file whose id could not be read: any id may be its, so references are not checked.
        context["ids"][collection.name] = None if unreadable else set(first_line_of_id)
    return site, errors


def _partial(collection: Collection, raw: dict, display: str, context: dict[str, Any], site: SiteData) -> Any | None:
    """The file's model with only the list items that validate; ``None`` in place of the
    others (indices stay those of the file, so errors keep their lines)."""
    from typing import get_args

    items = raw.get(collection.items)
    if not isinstance(items, list):
        return None
    item_model = get_args(collection.model.model_fields[collection.items].annotation)[0]
    kept: list[Any] = []
    for item in items:
        value, problems = validate(item_model, item, display, context)
        kept.append(value if not problems else None)
        if problems and isinstance(item, dict) and isinstance(item.get("id"), str):
            site.unverified.setdefault(collection.name, set()).add(item["id"])
    return collection.model.model_construct(**{collection.items: kept})
