"""A Sphinx extension for the handbook: the programme tables, drawn from the programme data.

``{programme-table} sessions`` and ``{programme-table} variants`` render the tables from
``actionlearning/course/data/programme.yaml`` at build time, so the handbook can never disagree with
the schedule. Session titles link to their pages once those pages are in the book; a page that
uses the directive is rebuilt when the data changes or pages are added or removed.
"""

from __future__ import annotations

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from actionlearning.course import programme

TABLES = {"sessions": programme.sessions_table, "variants": programme.variants_table}


class ProgrammeTable(SphinxDirective):
    required_arguments = 1

    def run(self) -> list[nodes.Node]:
        kind = self.arguments[0]
        if kind not in TABLES:
            raise self.error(f"programme-table takes one of {', '.join(TABLES)}, not {kind!r}")
        self.env.note_dependency(str(programme.DATA))
        users = self.env.domaindata.setdefault("actionlearning", {}).setdefault("programme", set())
        users.add(self.env.docname)

        def link(session: programme.Session) -> str | None:
            return f"/{session.page}" if session.page in self.env.found_docs else None

        text = TABLES[kind](programme.load_programme(), link=link)
        container = nodes.container(classes=["al-programme-table"])
        self.state.nested_parse(StringList(text.splitlines(), self.env.docname), 0, container)
        return [container]


def _rebuild_on_new_pages(app, env, added, changed, removed) -> list[str]:
    if not (added or removed):
        return []
    return sorted(env.domaindata.get("actionlearning", {}).get("programme", set()))


def _forget(app, env, docname) -> None:
    env.domaindata.get("actionlearning", {}).get("programme", set()).discard(docname)


def setup(app: Sphinx) -> dict:
    app.add_directive("programme-table", ProgrammeTable)
    app.connect("env-get-outdated", _rebuild_on_new_pages)
    app.connect("env-purge-doc", _forget)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
