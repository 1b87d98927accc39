"""The curriculum's data files as models: roles, modules and programs, and the paths and
browser keys derived from their ids."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import Field

from ..model import Id, Model, PageRef, Text, Title, ref
from ..sitedata import Collection, Document, SiteData


Format = Literal["研修", "実習", "ワークショップ", "タウンミーティング", "プロジェクト"]


class Role(Model):
    id: Id
    name: Title
    summary: Text
    last_reviewed: dt.date
    """最終確認日 of the role's generated page (curriculum/roles/<id>.md)."""


class RolesFile(Model):
    roles: list[Role] = Field(min_length=1)


class ChecklistActivity(Model):
    checklist: Id
    items: list[Id] = Field(default_factory=list)
    """Items that count for the module; empty means every item of the checklist."""


class Reflection(Model):
    id: Id
    """Stored in the record as ``reflection/<module>/<id>``: never change it once published."""
    question: Text


class Module(Model):
    id: Id
    number: int = Field(ge=1, le=120)
    """Permanent position in assignment codes. Never reuse the number of a removed module."""
    title: Title
    minutes: int = Field(ge=5, le=600)
    roles: list[Id] | None = None
    """Who it is for; by default everyone its program is for."""
    objectives: list[Text] = Field(min_length=1)
    read: list[PageRef] = Field(min_length=1)
    checklists: list[ChecklistActivity] = Field(default_factory=list)
    trees: list[Annotated[Id, ref("decisions")]] = Field(default_factory=list)
    reflections: list[Reflection] = Field(default_factory=list)
    last_reviewed: dt.date
    """最終確認日 of the module's generated page (curriculum/modules/<id>.md)."""
    retired: bool = False
    """Retired from the course: kept so that its number, old codes and completion stay valid."""


class ModulesFile(Model):
    modules: list[Module] = Field(min_length=1)


class Program(Model):
    id: Id
    number: int = Field(ge=1, le=99)
    title: Title
    aim: Text
    audience: list[Id] = Field(min_length=1)
    steps: list[Id] = Field(min_length=1)
    format: Format
    length: Text
    """The site's suggestion: the article gives names and order only."""
    prerequisites: list[Id] = Field(default_factory=list)
    outputs: list[Text] = Field(min_length=1)
    modules: list[Id] = Field(min_length=1)
    last_reviewed: dt.date
    """最終確認日 of the program's generated page (curriculum/programs/<id>.md)."""


class ProgramsFile(Model):
    programs: list[Program] = Field(min_length=1)


PAGE_DIR = "curriculum"


def _generated(key: str, page):
    def pages(raw) -> list[str]:
        return [page(item["id"]) for item in raw.get(key) or [] if isinstance(item, dict) and isinstance(item.get("id"), str)]

    return pages


def _page_of(kind: str):
    return lambda item_id: f"{PAGE_DIR}/{kind}/{item_id}.md"


ROLES = Collection("roles", "curriculum/roles.yml", RolesFile, pages=_generated("roles", _page_of("roles")), items="roles")
MODULES = Collection("modules", "curriculum/modules.yml", ModulesFile, pages=_generated("modules", _page_of("modules")), items="modules")
PROGRAMS = Collection("programs", "curriculum/programs.yml", ProgramsFile, pages=_generated("programs", _page_of("programs")), items="programs")
COLLECTIONS = [ROLES, MODULES, PROGRAMS]


def program_page(program_id: str) -> str:
    return f"{PAGE_DIR}/programs/{program_id}.md"


def role_page(role_id: str) -> str:
    return f"{PAGE_DIR}/roles/{role_id}.md"


def module_page(module_id: str) -> str:
    return f"{PAGE_DIR}/modules/{module_id}.md"


def tree_page(tree_id: str) -> str:
    return f"decisions/{tree_id}.md"


def reflection_key(module_id: str, question_id: str) -> str:
    return f"reflection/{module_id}/{question_id}"


def tree_key(tree_id: str) -> str:
    return f"tree/{tree_id}"


def one_document(data: SiteData, name: str) -> Document | None:
    docs = data.documents.get(name) or []
    return docs[0] if docs else None
