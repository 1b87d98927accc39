"""Decision trees: one YAML file per tree in ``data/decisions/``, rendered by ``{{ decision_tree("id") }}``.

A tree is a list of questions and a list of outcomes. The first question is where every
walk starts; each option names the node it leads to. The build refuses a tree in which a
walk could go astray (:func:`check_tree`): every path from the start must end in an
outcome, and every node must lie on some path.

The browser keeps the answers in the URL fragment, ``#<tree id>=<question>.<option>/...``
(see ``assets/decision-tree.js``), so node and option ids are part of published links:
do not rename them once published.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from markupsafe import Markup
from pydantic import Field

from .diagnostics import SourceError
from .messages import hint
from .model import Id, Model, PageRef, Text, Title
from .quotes import ArticlePoint
from .render import render
from .sitedata import Collection, Document, SiteData


class Option(Model):
    id: Id
    """Written into result links (``q1.yes``): never change it once published."""
    label: Title
    next: Id
    """The id of the question or outcome this answer leads to."""


class Question(Model):
    id: Id
    text: Text
    help: Text | None = None
    options: list[Option] = Field(default_factory=list)
    """Two or more; checked by :func:`check_tree` so the message can say which question."""


class OutcomeBasis(Model):
    """What an outcome rests on. A tree from the source article (``source: article``) gives the
    article's points, and apart from them the site's own nuance; a municipality's own tree
    (``source: local``) gives its own reason instead, never presented as the article's."""

    article: list[ArticlePoint] = Field(default_factory=list)
    """The article's words (``quote``) or the site's summary of its point (``says``)."""
    site: Text | None = None
    """Nuance the site adds; shown as 「このサイトの補足」, never as the article's."""
    local: Text | None = None
    """``source: local`` trees only: why this municipality judges so (この自治体の判断)."""


class Outcome(Model):
    id: Id
    verdict: Title
    """The short answer shown first and stored in the progress record (いったん止める)."""
    tone: Literal["stop", "conditional", "go"]
    """Only the colour and icon of the verdict; the verdict text carries the meaning."""
    title: Title
    """One line saying what the verdict means for this case."""
    explanation: list[Text] = Field(min_length=1)
    """Why: one paragraph per item."""
    actions: list[Text] = Field(min_length=1)
    """What to do next, in order."""
    links: list[PageRef] = Field(min_length=1)
    """FAQ entries and step pages to read next."""
    basis: OutcomeBasis
    """What the verdict rests on: the article's points (a "go" needs its own words), or, in a
    ``source: local`` tree, the municipality's own reason."""


class DecisionTree(Model):
    id: Id
    """Stored in the browser record (``tree/<id>``) and referred to by other pages."""
    title: Title
    """The question the tree answers, as a clerk would ask it."""
    summary: Text
    """One line for the 判断ツリー index: who it is for and what it settles."""
    order: int = Field(ge=1, le=99)
    """Position in the index and on 「わたしの進捗」: the order the article raises the questions."""
    page: PageRef
    """The page that shows this tree (for the index and 「わたしの進捗」)."""
    questions: list[Question] = Field(min_length=1)
    """The first question is the start of every walk."""
    outcomes: list[Outcome] = Field(min_length=1)
    source: Literal["article", "local"] = "article"
    """``article``: the verdicts rest on the source article. ``local``: this municipality's own
    judgement (no article quote needed), labelled as such wherever the tree is shown."""
    retired: bool = False
    """Retired: left out of the index; its page stays (old links) and says so."""

    @property
    def start(self) -> Question:
        return self.questions[0]

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.nodes().get(node_id)

    def nodes(self) -> dict[str, Question | Outcome]:
        return {n.id: n for n in [*self.questions, *self.outcomes]}


def _path_text(path: list[str]) -> str:
    return " → ".join(path)


def check_tree(doc: Document[DecisionTree]) -> list[SourceError]:
    """Rules across a tree's nodes, each reported at the line to edit.

    - node ids are unique across questions and outcomes (within a list, the data layer
      already reports duplicates);
    - every ``next`` names a node of this tree;
    - a question offers at least two options;
    - no walk loops back on itself (a cycle never reaches an outcome);
    - no walk stops at a question that offers nothing to choose;
    - every node is reached from the first question.
    """
    tree = doc.value
    errors: list[SourceError] = []
    location: dict[str, tuple] = {}
    for kind, nodes in (("questions", tree.questions), ("outcomes", tree.outcomes)):
        for index, node in enumerate(nodes):
            if node.id in location:
                errors.append(doc.error(f"id '{node.id}' が質問と結論の両方で使われています。どちらかを別の id にしてください。", kind, index, "id"))
            else:
                location[node.id] = (kind, index)
    questions = {q.id: (i, q) for i, q in enumerate(tree.questions)}

    for index, question in enumerate(tree.questions):
        for o, option in enumerate(question.options):
            if option.next not in location:
                errors.append(
                    doc.error(
                        f"質問 '{question.id}' の選択肢 '{option.id}' の行き先 '{option.next}' がありません({hint(option.next, location)})。next を質問か結論の id にしてください。",
                        "questions", index, "options", o, "next",
                    )
                )
        if len(question.options) == 1:
            errors.append(
                doc.error(f"質問 '{question.id}' の選択肢が1つしかありません。選択肢を2つ以上にしてください。", "questions", index, "options")
            )

    # Depth-first walk of every path from the start. "on_path" finds cycles; "done" keeps
    # a node shared by several paths from being walked again.
    reached: set[str] = set()
    done: set[str] = set()
    reported_dead_ends: set[str] = set()

    def walk(node_id: str, path: list[str]) -> None:
        reached.add(node_id)
        if node_id not in questions or node_id in done:
            return
        index, question = questions[node_id]
        if not question.options and node_id not in reported_dead_ends:
            reported_dead_ends.add(node_id)
            errors.append(
                doc.error(
                    f"{_path_text([*path, node_id])} の道筋が結論に着きません。質問 '{node_id}' に選択肢(options)を書いてください。",
                    "questions", index, "id",
                )
            )
        for o, option in enumerate(question.options):
            if option.next in path or option.next == node_id:
                cycle = [*path[path.index(option.next):], node_id, option.next] if option.next in path else [node_id, node_id]
                errors.append(
                    doc.error(
                        f"堂々めぐりです({_path_text(cycle)})。質問 '{node_id}' の選択肢 '{option.id}' が前の問いに戻るので、結論に着きません。next を直してください。",
                        "questions", index, "options", o, "next",
                    )
                )
            elif option.next in location:
                walk(option.next, [*path, node_id])
        done.add(node_id)

    walk(tree.start.id, [])
    for index, outcome in enumerate(tree.outcomes):
        errors += _basis_errors(doc, index, outcome)
        if tree.source == "article" and outcome.tone == "go" and outcome.basis.article and not any(p.quote for p in outcome.basis.article):
            errors.append(
                doc.error(
                    f"結論 '{outcome.id}' は「進めてよい」側(tone: go)ですが、根拠に記事の原文(quote)がありません。"
                    "記事の言葉で裏付けるか、tone を conditional か stop にしてください",
                    "outcomes", index, "basis",
                )
            )
    for node_id, (kind, index) in location.items():
        if node_id not in reached:
            errors.append(doc.error(f"'{node_id}' には最初の問い '{tree.start.id}' からたどり着けません。どこかの選択肢の next にするか、消してください。", kind, index, "id"))
    return errors


def _basis_errors(doc: Document[DecisionTree], index: int, outcome: Outcome) -> list[SourceError]:
    basis = outcome.basis
    where = ("outcomes", index, "basis")
    if doc.value.source == "local":
        if basis.article or basis.site:
            return [doc.error(f"結論 '{outcome.id}': source: local のツリーは記事を引きません。basis の article と site を消し、local: にこの自治体の判断の理由を書いてください。", *where)]
        if not basis.local:
            return [doc.error(f"結論 '{outcome.id}': source: local のツリーでは、basis の local: に、この自治体がそう判断する理由を書いてください。", *where)]
        return []
    if basis.local:
        return [doc.error(f"結論 '{outcome.id}': local: は source: local のツリーでだけ使えます。記事に基づかない判断なら、ツリーに source: local と書いてください。", *where)]
    if not basis.article:
        return [doc.error(f"結論 '{outcome.id}': 根拠に記事の点(article の quote か says)を1つ以上書いてください。記事に基づかない、この自治体の判断なら、ツリーに source: local と書き、basis に local: を書きます。", *where)]
    return []


def source_errors(data: SiteData, source_name: str) -> list[SourceError]:
    """A course without a source article (``extra.source.name: ""``) has only local trees."""
    if source_name:
        return []
    return [
        doc.error("このサイトには出典の記事が設定されていません(mkdocs.yml の extra.source.name)。ツリーに source: local と書いてください。", "id")
        for doc in data.documents.get("decisions", [])
        if doc.value is not None and doc.value.source == "article"
    ]


COLLECTION = Collection("decisions", "decisions/*.yml", DecisionTree, cross_check=check_tree)


@dataclass(frozen=True)
class Path:
    """One walk from the start: the answers given and the outcome reached."""

    answers: tuple[tuple[Question, Option], ...]
    outcome: Outcome

    @property
    def fragment(self) -> str:
        """The answers as the browser writes them after ``#<tree id>=``."""
        return "/".join(f"{q.id}.{o.id}" for q, o in self.answers)


def paths(tree: DecisionTree) -> Iterator[Path]:
    """Every walk from the first question to an outcome (the tree has been checked)."""

    def walk(node_id: str, answers: tuple) -> Iterator[Path]:
        node = tree.node(node_id)
        if isinstance(node, Outcome):
            yield Path(answers, node)
            return
        for option in node.options:
            yield from walk(option.next, (*answers, (node, option)))

    yield from walk(tree.start.id, ())


def store_key(tree_id: str) -> str:
    return f"tree/{tree_id}"


def numbering(tree: DecisionTree) -> dict[str, str]:
    """Display labels: 問1, 問2 … for questions, 結論A, 結論B … for outcomes."""
    labels = {q.id: f"問{i}" for i, q in enumerate(tree.questions, start=1)}
    labels.update({o.id: f"結論{chr(ord('A') + i)}" for i, o in enumerate(tree.outcomes)})
    return labels


def render_tree(data: SiteData, page, mark, titles: dict[str, str], tree_id: str) -> Markup:
    tree = data.get("decisions", tree_id)
    if tree is None:
        known = ", ".join(data.ids("decisions"))
        return page.error(f"unknown decision tree '{tree_id}' (known: {known})", f'decision_tree("{tree_id}")')
    return render(
        "decision_tree.html",
        tree=tree,
        labels=numbering(tree),
        key=store_key(tree.id),
        link=page.links,
        mark=mark,
        titles=titles,
    )


def in_order(data: SiteData) -> list[DecisionTree]:
    return sorted(data.all("decisions"), key=lambda t: (t.order, t.id))


def render_index(data: SiteData, page, mark) -> Markup:
    return render("decision_index.html", trees=[t for t in in_order(data) if not t.retired], link=page.links, mark=mark)


def catalog(data: SiteData) -> list[dict]:
    """Rows for 「わたしの進捗」's CSV: the record holds only the outcome reached."""
    return [
        {"key": store_key(t.id), "kind": "判断ツリー", "group": "判断ツリー", "label": t.title}
        for t in in_order(data)
    ]
