"""mkdocs-macros entry point: load and validate the data, then register one macro per widget."""

from __future__ import annotations

from pathlib import Path

from . import brackets, checklist, checks, curriculum, decision_diagram, decision_tree, example, facts, faq, generate, glossary, progress, published, render, selfcheck, sources, stash, steps, worksheet
from .diagnostics import SourceError, SourceErrors
from .pagecontext import PageContext
from .pages import load_pages
from .sitedata import collect_site_data, docs_pages

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
    ``./dev check`` prints the errors; the build raises them (:func:`load_sources`).
    """
    data, errors = collect_site_data(root, COLLECTIONS, docs_dir)
    errors += curriculum.check(data)
    errors += selfcheck.check(data)
    errors += worksheet.check(data)
    errors += example.check(data)
    if extra is not None:
        errors += checks.site_id_errors(root, extra)
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
    errors += published.check(root, data)
    errors += bracket_errors(root, docs_dir, data, pages, extra)
    return data, pages, entries, errors


def bracket_errors(root: Path, docs_dir: Path, data, pages, extra: dict | None):
    """Every 「」 in the sources is registered (macros/brackets.py), or an error at its line."""
    if data.failed:
        return []  # titles and labels are not all known yet: report the data's own errors first
    titles = {uri: p.meta.title for uri, p in pages.items()}
    titles.update({uri: p.title for uri, p in generate.pages(data, extra or {}).items()})
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
    render.SITE["source_name"] = checks.source_name(extra)
    generate.PAGES.clear()
    generate.PAGES.update(generate.pages(data, extra))
    glossary.install(env.conf, data)
    page = PageContext(env)
    macro = stash.deferring(page, env.macro)
    mark = glossary.marker(data)
    titles = {uri: p.meta.title for uri, p in pages.items()}
    titles.update({uri: p.title for uri, p in generate.PAGES.items()})
    cur = curriculum.Curriculum(data)
    catalog = (
        checklist.catalog(data) + decision_tree.catalog(data) + curriculum.progress_catalog(data)
        + selfcheck.progress_catalog(data, cur.ordered_modules(), titles) + worksheet.catalog(data)
    )

    @macro
    def steps_overview():
        return steps.render_overview(data, page)

    @macro
    def faq_questions(step_id: str):
        return faq.render_questions(entries, data, page, mark, step_id)

    @macro
    def faq_index(by: str = "step"):
        return faq.render_index(entries, data, page, mark, by)

    @macro
    def faq_question():
        return faq.render_question(entries, data, page, mark)

    @macro
    def faq_related():
        return faq.render_related(entries, data, page, mark)

    @macro
    def glossary_terms():
        return glossary.render_glossary(data, page, titles)

    def checklist_macro(checklist_id: str):
        return checklist.render_checklist(data, page, mark, checklist_id)

    macro(checklist_macro, "checklist")

    @macro
    def progress_page():
        return progress.render_progress(data, page, catalog, mark, cur.catalog(page.links)["modules"])

    def decision_tree_macro(tree_id: str):
        return decision_tree.render_tree(data, page, mark, titles, tree_id)

    macro(decision_tree_macro, "decision_tree")

    def decision_diagram_macro(tree_id: str):
        return decision_diagram.render_diagram(data, page, mark, tree_id)

    macro(decision_diagram_macro, "decision_diagram")

    def sources_macro(*ids: str):
        return sources.render_sources(data, page, mark, ids)

    macro(sources_macro, "sources")

    def article_quote(text: str):
        return sources.render_quote(page, mark, text)

    macro(article_quote, "article_quote")

    def fact_macro(fact_id: str):
        return facts.render_marker(data, page, fact_id)

    macro(fact_macro, "fact")

    @macro
    def facts_list():
        return facts.render_list(data, page, mark, titles)

    def worksheet_macro(sheet_id: str):
        return worksheet.render_worksheet(data, page, mark, titles, sheet_id)

    macro(worksheet_macro, "worksheet")

    @macro
    def worked_example(sheet_id: str):
        return example.render_example(data, page, mark, sheet_id)

    @macro
    def worksheet_index():
        return worksheet.render_index(data, page, mark)

    @macro
    def worksheet_links():
        return worksheet.render_links(data, page, mark)

    @macro
    def decision_index():
        return decision_tree.render_index(data, page, mark)

    @macro
    def curriculum_map():
        return curriculum.render_map(cur, page, mark)

    @macro
    def curriculum_program(program_id: str):
        return curriculum.render_program(cur, page, program_id, titles, mark)

    @macro
    def learning_path(role_id: str):
        return curriculum.render_role_path(cur, page, role_id, mark)

    @macro
    def learning_paths():
        return curriculum.render_roles_index(cur, page, mark)

    @macro
    def learning_module(module_id: str):
        return curriculum.render_module(cur, page, module_id, titles, mark)

    @macro
    def assignment_builder():
        return curriculum.render_assign(cur, page, mark)

    @macro
    def my_learning():
        return curriculum.render_my_learning(cur, page, mark)

    @macro
    def completion_aggregate():
        return curriculum.render_aggregate(cur, page, mark)
