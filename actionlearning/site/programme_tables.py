"""A Sphinx extension for the handbook: the course's tables, drawn from the course's data.

- ``{programme-table} sessions`` and ``{programme-table} variants``: the programme, from
  ``data/programme.yaml``. Session titles link to their pages once those pages are in the book; a
  page that uses the directive is rebuilt when the data changes or pages are added or removed.
- ``{session-plan} session-03`` (or ``six-meeting 2``): a meeting's timed plan, from ``data/plans/``.
- ``{competence-framework}`` (``levels``, ``stages``, ``self-assessment``): the facilitator
  competence framework, from ``data/competences.yaml``.
- ``{observation-sheet} session-03``: the observers' sheet for a meeting's presenter slots.

The handbook can never disagree with the data: a page using one of these is rebuilt when its
data changes.
"""

from __future__ import annotations

import abc

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

from actionlearning.course import competences, observation, plans, programme

TABLES = {"sessions": programme.sessions_table, "variants": programme.variants_table}


class DataDirective(SphinxDirective, abc.ABC):
    """Renders Markdown made from the course's data files, and rebuilds when they change."""

    optional_arguments = 2
    data_files: tuple = ()
    titles = False  # whether the Markdown has headings of its own

    @abc.abstractmethod
    def markdown(self) -> str:
        """The Markdown to render; a KeyError or ValueError becomes the directive's error."""

    def run(self) -> list[nodes.Node]:
        for path in self.data_files:
            self.env.note_dependency(str(path))
        try:
            text = self.markdown()
        except (KeyError, ValueError) as exc:
            raise self.error(f"{self.name}: {exc}") from exc
        container = nodes.container(classes=[f"al-{self.name}"])
        self.state.nested_parse(StringList(text.splitlines(), self.env.docname), 0, container,
                                match_titles=self.titles)
        return container.children if self.titles else [container]


class ProgrammeTable(DataDirective):
    required_arguments = 1
    optional_arguments = 0
    data_files = (programme.DATA,)

    def markdown(self) -> str:
        kind = self.arguments[0]
        if kind not in TABLES:
            raise ValueError(f"takes one of {', '.join(TABLES)}, not {kind!r}")
        users = self.env.domaindata.setdefault("actionlearning", {}).setdefault("programme", set())
        users.add(self.env.docname)

        def link(session: programme.Session) -> str | None:
            return f"/{session.page}" if session.page in self.env.found_docs else None

        return TABLES[kind](programme.load_programme(), link=link)


def _plan_files() -> tuple:
    return tuple(p for p in plans.PLANS.iterdir() if p.name.endswith(".yaml"))


class SessionPlan(DataDirective):
    required_arguments = 1
    optional_arguments = 1

    @property
    def data_files(self) -> tuple:
        return (programme.DATA, *_plan_files())

    def markdown(self) -> str:
        return plans.plan_table(plans.plan(" ".join(self.arguments)))


class CompetenceFramework(DataDirective):
    optional_arguments = 1
    data_files = (competences.DATA,)
    VIEWS = {
        "indicators": competences.framework_markdown,
        "levels": competences.levels_markdown,
        "stages": competences.stages_markdown,
        "self-assessment": competences.self_assessment_markdown,
    }

    @property
    def titles(self) -> bool:
        return self.view == "indicators"

    @property
    def view(self) -> str:
        return self.arguments[0] if self.arguments else "indicators"

    def markdown(self) -> str:
        if self.view not in self.VIEWS:
            raise ValueError(f"takes one of {', '.join(self.VIEWS)}, not {self.view!r}")
        return self.VIEWS[self.view]()


class ObservationSheet(DataDirective):
    required_arguments = 1
    optional_arguments = 1

    @property
    def data_files(self) -> tuple:
        return (competences.DATA, programme.DATA, *_plan_files())

    def markdown(self) -> str:
        return observation.sheet_markdown(plans.plan(" ".join(self.arguments)))


def _rebuild_on_new_pages(app, env, added, changed, removed) -> list[str]:
    if not (added or removed):
        return []
    return sorted(env.domaindata.get("actionlearning", {}).get("programme", set()))


def _forget(app, env, docname) -> None:
    env.domaindata.get("actionlearning", {}).get("programme", set()).discard(docname)


def setup(app: Sphinx) -> dict:
    app.add_directive("programme-table", ProgrammeTable)
    app.add_directive("session-plan", SessionPlan)
    app.add_directive("competence-framework", CompetenceFramework)
    app.add_directive("observation-sheet", ObservationSheet)
    app.connect("env-get-outdated", _rebuild_on_new_pages)
    app.connect("env-purge-doc", _forget)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
