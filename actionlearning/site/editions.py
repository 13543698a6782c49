"""A Sphinx extension for the handbook's two editions, built from the same pages.

The trainee edition (the default) leaves out everything marked for trainers; the trainer
edition (``ACTIONLEARNING_EDITION=trainer``, or ``make book EDITION=trainer``) shows it:

    ```{facilitator-note}
    What a trainer running the live session needs: timings, what to watch, the master.
    ```

Left out means left out: not hidden with CSS, not in the search index, not in the page's
copied source or its notebook download, and any download inside it (a master with
solutions) is never copied into the trainee site.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.util.docutils import SphinxDirective

EDITIONS = ("trainee", "trainer")


def edition() -> str:
    value = os.environ.get("ACTIONLEARNING_EDITION", "trainee").strip().lower() or "trainee"
    if value not in EDITIONS:
        raise ValueError(
            f"ACTIONLEARNING_EDITION is {value!r}; use one of {', '.join(EDITIONS)} "
            "(for example: make book EDITION=trainer)"
        )
    return value


_NOTE_BLOCK = re.compile(r"^(`{3,})\{facilitator-note\}.*?^\1[ \t]*\n?", re.S | re.M)


def strip_facilitator_notes(text: str) -> str:
    """A page's MyST source without its facilitator notes (for the trainee edition)."""
    return _NOTE_BLOCK.sub("", text)


class FacilitatorNote(SphinxDirective):
    has_content = True
    optional_arguments = 1
    final_argument_whitespace = True

    def run(self) -> list[nodes.Node]:
        if self.env.config.actionlearning_edition != "trainer":
            return []
        title = self.arguments[0] if self.arguments else "Facilitator's note"
        note = nodes.admonition(classes=["facilitator-note"])
        note += nodes.title(title, title)
        self.state.nested_parse(self.content, self.content_offset, note)
        return [note]


def _strip_notes_from_copied_sources(app, exception) -> None:
    """Sphinx copies each page's source into _sources/ for its "show source" link, after the
    page is written; in the trainee edition, take the notes out of those copies too."""
    if exception or app.config.actionlearning_edition == "trainer" or app.builder.format != "html":
        return
    sources = Path(app.outdir, "_sources")
    for copy in sources.rglob("*.md") if sources.is_dir() else ():
        text = copy.read_text("utf-8")
        if "{facilitator-note}" in text:
            copy.write_text(strip_facilitator_notes(text), "utf-8")


def setup(app: Sphinx) -> dict:
    # A config value, so that switching edition invalidates Sphinx's cached pages.
    app.add_config_value("actionlearning_edition", edition(), "env")
    app.add_directive("facilitator-note", FacilitatorNote)
    app.connect("build-finished", _strip_notes_from_copied_sources)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
