"""A Sphinx extension that offers each notebook page of the handbook as a .ipynb download.

The handbook's notebook pages are MyST Markdown; trainees who want to work in JupyterLab
without jupytext need a real notebook. Each page whose front matter names a kernel is
converted by jupytext, without outputs, into ``_sources/<page>.ipynb`` beside the Markdown
source, and sphinx-book-theme's download menu offers it. In the trainee edition the
facilitator notes are taken out first, as they are from the page itself.
"""

from __future__ import annotations

from pathlib import Path

import jupytext
from sphinx.application import Sphinx

from actionlearning.site.editions import strip_facilitator_notes


def _offer_notebook(app, pagename, templatename, context, doctree) -> None:
    if "kernelspec" not in app.env.metadata.get(pagename, {}):
        return
    text = Path(app.env.doc2path(pagename)).read_text("utf-8")
    if app.config.actionlearning_edition != "trainer":
        text = strip_facilitator_notes(text)
    notebook = jupytext.reads(text, fmt="md:myst")
    target = Path(app.outdir, "_sources", f"{pagename}.ipynb")
    target.parent.mkdir(parents=True, exist_ok=True)
    jupytext.write(notebook, target, fmt="ipynb")
    context["ipynb_source"] = f"{pagename}.ipynb"


def setup(app: Sphinx) -> dict:
    app.setup_extension("actionlearning.site.editions")
    # before sphinx-book-theme (priority 500) builds the download menu from the context
    app.connect("html-page-context", _offer_notebook, priority=400)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
