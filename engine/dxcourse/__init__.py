"""dxcourse: the engine of a municipal DX self-study course (MkDocs + Material).

This module is the widgets' mkdocs-macros pluglet (``macros: modules: [dxcourse]``): it loads
and validates the course's data, then registers one macro per widget. The build steps are the
MkDocs plugin ``dxcourse`` (``dxcourse.plugin``); the maintainer's commands are
``python -m dxcourse``.
"""

from __future__ import annotations

__version__ = "0.2.0"

import functools
import logging
import os
from pathlib import Path

from . import brackets, checklist, checks, curriculum, decision_tree, example, facts, faq, generate, glossary, literal_calls, published, render, rules, selfcheck, sources, stash, steps, widgets, worksheet
from .diagnostics import SourceError, SourceErrors
from .pagecontext import PageContext
from .pages import load_pages
from .sitedata import collect_site_data, docs_pages

_log = logging.getLogger("mkdocs.plugins.dxcourse")

COLLECTIONS = [
    steps.COLLECTION,
    glossary.COLLECTION,
    checklist.COLLECTION,
    decision_tree.COLLECTION,
    sources.COLLECTION,
    facts.COLLECTION,
    brackets.COLLECTION,
    worksheet.COLLECTION,
    example.COLLECTION,
    *curriculum.COLLECTIONS,
    selfcheck.COLLECTION,
]


def check_sources(root: Path, docs_dir: Path, extra: dict | None = None):
    """Every check of the sources, without rendering: ``(data, pages, entries, errors)``.

    Checks across files run on whatever validated, so one run reports every mistake.
    ``python -m dxcourse check`` prints the errors; the build raises them (:func:`load_sources`).
    """
    data, errors = collect_site_data(root, COLLECTIONS, docs_dir)
    errors += curriculum.check(data)
    errors += selfcheck.check(data)
    errors += worksheet.check(data)
    errors += example.check(data)
    if extra is not None:
        errors += checks.site_id_errors(root, extra)
        errors += decision_tree.source_errors(data, checks.source_name(extra))
        try:
            facts.max_age_months(extra)
        except ValueError as problem:
            errors.append(SourceError("mkdocs.yml", 1, str(problem)))
    errors += generate.conflicts(docs_dir, data.generated)
    known_pages = docs_pages(docs_dir) | data.generated
    pages, page_errors = load_pages(
        docs_dir, faq.model_for, faq.context(data, docs_dir, known_pages, None if extra is None else checks.source_name(extra)), root, faq.check_sections
    )
    errors += page_errors
    entries, entry_errors = faq.Faq.from_pages(pages)
    errors += entry_errors
    scan_errors, shown = checks.scan_pages(docs_dir, data, known_pages)
    errors += scan_errors
    errors += checks.shown_somewhere(data, shown)
    errors += rules.missing_selfchecks(data)
    titles = {uri: p.meta.title for uri, p in pages.items()}
    titles.update({uri: p.title for uri, p in generate.pages(data, extra).items()})
    errors += rules.link_labels(docs_dir, titles)
    errors += published.check(root, data, extra, docs_dir)
    errors += bracket_errors(root, docs_dir, data, titles)
    return data, pages, entries, errors


def bracket_errors(root: Path, docs_dir: Path, data, titles: dict[str, str]):
    """Every 「」 in the sources is registered (brackets.py), or an error at its line."""
    if data.failed:
        return []  # titles and labels are not all known yet: report the data's own errors first
    return brackets.scan(docs_dir, data, brackets.registry(data, titles), brackets.article_text(root))


def load_sources(root: Path, docs_dir: Path, extra: dict | None = None):
    """Data files, then every page's front matter; raise once with every error of both."""
    data, pages, entries, errors = check_sources(root, docs_dir, extra)
    if errors:
        raise SourceErrors(errors)
    return data, pages, entries


def define_env(env) -> None:
    root = Path(env.project_dir)
    extra = dict(env.conf["extra"])
    data, pages, entries = load_sources(root, Path(env.conf["docs_dir"]), extra)
    facts.warn_stale(data, extra)
    # A stub's placeholders: a warning, so an error under --strict; while writing (serve sets
    # DX_DRAFT) only a note, so that a stub can be viewed before it is written.
    level = logging.INFO if os.environ.get("DX_DRAFT", "").lower() in {"1", "true", "yes"} else logging.WARNING
    for error in rules.placeholders(root, Path(env.conf["docs_dir"])):
        _log.log(level, str(error))
    render.SITE["source_name"] = checks.source_name(extra)
    generate.PAGES.clear()
    generate.PAGES.update(generate.pages(data, extra))
    glossary.install(env.conf, data)
    page = PageContext(env)
    macro = stash.deferring(page, env.macro)
    titles = {uri: p.meta.title for uri, p in pages.items()}
    titles.update({uri: p.title for uri, p in generate.PAGES.items()})
    cur = curriculum.Curriculum(data)
    catalog = (
        checklist.catalog(data) + decision_tree.catalog(data) + curriculum.progress_catalog(data)
        + selfcheck.progress_catalog(data, cur.ordered_modules() + cur.retired_modules(), titles) + worksheet.catalog(data)
    )
    context = widgets.Context(data=data, page=page, mark=glossary.marker(data), titles=titles, cur=cur, entries=entries, catalog=catalog)
    # Every macro, from the one list of widgets (dxcourse/widgets.py).
    _LITERAL_CALLS.macros.clear()
    for name, renderer in widgets.macros().items():
        macro(functools.partial(renderer, context), name)
        _LITERAL_CALLS.register(name, env.macros[name])


# A page whose only Jinja is calls of the engine's macros with literal arguments is written
# without compiling it as a template (dxcourse/literal_calls.py): the same Markdown, sooner.
_LITERAL_CALLS = literal_calls.Pluglet()


def on_pre_page_macros(env) -> None:
    _LITERAL_CALLS.pre(env)


def on_post_page_macros(env) -> None:
    _LITERAL_CALLS.post(env)
