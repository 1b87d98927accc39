"""理解度チェック: a few questions per learning module, one YAML file each in data/selfchecks/.

The file's ``id`` is the module's id. Each question names its choices (``a:``, ``b:``, ...),
the right one (``answer``), an explanation, why each choice is right or wrong (``why``), whose
answer it is (``source``: the article, with its exact words in ``quote``, or the site's own
suggestion) and the page that teaches it, which must be one of the module's ``read`` pages. ``pass_mark`` is how many right answers pass. The browser
grades (assets/selfcheck.js) and keeps ``selfcheck/<module>`` in the record; without
JavaScript the questions are readable, with each answer behind a ``<details>``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from markupsafe import Markup
from pydantic import Field, StringConstraints

from .completion import page_id, read_key, selfcheck_key, valid_page_id
from .diagnostics import SourceError
from .model import Id, Model, PageRef, Text
from .quotes import quote_html
from .render import render
from .sitedata import Collection, Document, SiteData

MIN_QUESTIONS, MAX_QUESTIONS = 3, 5
MIN_CHOICES, MAX_CHOICES = 2, 5

ChoiceId = Annotated[str, StringConstraints(pattern=r"^[a-z]$")]


class Question(Model):
    id: Id
    """Kept in the record's answers: never change it once published."""
    question: Text
    choices: dict[ChoiceId, Text]
    answer: ChoiceId
    explanation: Text
    why: dict[ChoiceId, Text]
    """For every choice, why it is right or wrong."""
    source: Literal["article", "site"]
    """Whose answer this is: the article's, or the site's own suggestion."""
    quote: Text | None = None
    """With ``source: article``: the article's words the answer rests on, exactly, without 「」."""
    page: PageRef
    """The page that teaches the answer: one of the module's ``read`` pages."""


class SelfCheck(Model):
    id: Id
    """The module's id."""
    pass_mark: int
    """Right answers needed to pass."""
    questions: list[Question]


def _file_rules(doc: Document) -> list[SourceError]:
    """Rules within one file, each at the line to edit, in Japanese."""
    check = doc.value
    errors = []
    count = len(check.questions)
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        errors.append(doc.error(f"問いは{MIN_QUESTIONS}〜{MAX_QUESTIONS}問にしてください(今は{count}問です)。", "questions"))
    if not 1 <= check.pass_mark <= count:
        errors.append(doc.error(f"pass_mark(合格に必要な正答数)は1から問いの数({count})までにしてください。", "pass_mark"))
    for i, q in enumerate(check.questions):
        if not MIN_CHOICES <= len(q.choices) <= MAX_CHOICES:
            errors.append(doc.error(f"選択肢は{MIN_CHOICES}〜{MAX_CHOICES}個にしてください(今は{len(q.choices)}個です)。", "questions", i, "choices"))
        if set(q.why) != set(q.choices):
            missing = "、".join(sorted(set(q.choices) - set(q.why))) or "なし"
            extra = "、".join(sorted(set(q.why) - set(q.choices))) or "なし"
            errors.append(doc.error(
                f"why には、選択肢ごとに正しい・誤りの理由を書いてください(足りない記号: {missing}、choices にない記号: {extra})。",
                "questions", i, "why"))
        if q.source == "article" and not q.quote:
            errors.append(doc.error(
                "source: article の問いには、答えの根拠になる記事の原文を quote に書いてください(このサイトの考えなら source: site)。",
                "questions", i, "source"))
        if q.quote and (q.quote[0] in "「『" or q.quote[-1] in "」』"):
            errors.append(doc.error("quote には「」を付けずに、記事の原文だけを書いてください(表示のときに付きます)。", "questions", i, "quote"))
        if q.answer not in q.choices:
            known = "、".join(q.choices)
            errors.append(doc.error(f"answer の「{q.answer}」が choices にありません。choices の記号({known})から選んでください。", "questions", i, "answer"))
    return errors


COLLECTION = Collection("selfchecks", "selfchecks/*.yml", SelfCheck, cross_check=_file_rules)


def check(data: SiteData) -> list[SourceError]:
    """Against the modules: each file belongs to a module and links only to its read pages;
    every read page has an id that fits a record key."""
    modules_docs = data.documents.get("modules") or []
    if not modules_docs or "modules" in data.failed:
        return []  # the modules file has its own errors: nothing to check against yet
    modules_doc = modules_docs[0]
    modules = {m.id: m for m in modules_doc.value.modules if m is not None}
    unverified = data.unverified.get("modules", set())
    errors = []
    for i, module in enumerate(modules_doc.value.modules):
        if module is None:
            continue
        for j, ref in enumerate(module.read):
            if not valid_page_id(ref):
                errors.append(modules_doc.error(
                    f"読むページ「{ref}」から記録用の名前({page_id(ref)})を作れません。英小文字・数字・ハイフンのパスにしてください。",
                    "modules", i, "read", j))
    for doc in data.documents.get("selfchecks", []):
        if doc.value.id in unverified:
            continue  # that module has errors of its own; check against it once they are fixed
        module = modules.get(doc.value.id)
        if module is None:
            errors.append(doc.error(
                f"モジュール「{doc.value.id}」は data/curriculum/modules.yml にありません。id をモジュールの id にしてください。", "id"))
            continue
        pages = {ref.partition("#")[0] for ref in module.read}
        for i, q in enumerate(doc.value.questions):
            if q.page.partition("#")[0] not in pages:
                errors.append(doc.error(
                    f"page はこのモジュールの「読むページ」({'、'.join(module.read)})のどれかにしてください。", "questions", i, "page"))
    return errors


def of(data: SiteData, module_id: str) -> SelfCheck | None:
    return data.get("selfchecks", module_id)


def render_selfcheck(check: SelfCheck, page, titles: dict[str, str], mark) -> Markup:
    return render("selfcheck.html", check=check, key=selfcheck_key(check.id), link=page.links, titles=titles, mark=mark, quote=quote_html)


def progress_catalog(data: SiteData, modules, titles: dict[str, str]) -> list[dict]:
    """Rows for 「わたしの進捗」's CSV: each module's self-check and pages marked read."""
    rows = []
    for m in modules:
        rows += [
            {"key": read_key(m.id, ref), "kind": "読んだページ", "group": m.title, "label": titles.get(ref.partition("#")[0], ref)}
            for ref in m.read
        ]
        if of(data, m.id) is not None:
            rows.append({"key": selfcheck_key(m.id), "kind": "理解度チェック", "group": m.title, "label": "理解度チェック"})
    return rows
