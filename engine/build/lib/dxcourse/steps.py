"""The four steps of 総務省's 自治体DX推進手順書, and the overview the start page shows."""

from __future__ import annotations

from markupsafe import Markup
from pydantic import Field

from .model import Id, Model, PageRef, Text, Title
from .render import render
from .sitedata import Collection


class Step(Model):
    id: Id
    number: int = Field(ge=0, le=9)
    title: Title
    summary: Text
    covered: bool
    """Whether the source article covers this step (it covers 0, 1 and 2)."""
    page: PageRef | None = None


class StepsFile(Model):
    steps: list[Step] = Field(min_length=1)


COLLECTION = Collection("steps", "steps.yml", StepsFile)


def render_overview(data, page) -> Markup:
    (steps_file,) = data.all("steps")
    return render("steps_overview.html", steps=steps_file.steps, link=page.links)
