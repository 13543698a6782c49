"""The handbook's pages as JupyterLab and the live app show them: Sphinx's roles and directives
made readable, facilitator notes left out, citations as names and years, code cells untouched."""

from __future__ import annotations

import re

import jupytext
import pytest

from actionlearning.site.toc import toc_pages
from actionlearning.site.lite import page_notebook
from actionlearning.site.readable import readable
from tests.conftest import REPO
from tests.site.test_book import _note_lines

RAW = re.compile(r"\{[\w:.-]+\}`|^\s*(`{3,}|:{3,})\{", re.M)  # a role, or a directive's fence


@pytest.fixture(scope="module")
def notebooks():
    """Every page of the handbook, as a trainee's notebook."""
    return {page: page_notebook(page) for page in toc_pages()}


def _markdown(nb) -> str:
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def test_no_page_shows_raw_myst_or_a_facilitator_note(notebooks):
    notes = _note_lines()
    assert notes, "the session pages carry facilitator notes, so this can fail"
    for page, nb in notebooks.items():
        text = _markdown(nb)
        raw = [m.group(0) for m in RAW.finditer(text)]
        assert not raw, f"{page.relative_to(REPO)} shows raw MyST: {raw[:5]}"
        assert "facilitator-note" not in text and "source/session-" not in text, page
        for line in notes:
            assert " ".join(line.split()[:8]) not in text, f"{page} shows a facilitator note: {line}"


def test_code_cells_stay_code_cells_as_written(notebooks):
    for page, nb in notebooks.items():
        written = jupytext.reads(page.read_text("utf-8"), fmt="md:myst")
        assert [c.source for c in nb.cells if c.cell_type == "code"] == \
            [c.source for c in written.cells if c.cell_type == "code"], page


def test_citations_name_authors_and_years_as_the_website_does(notebooks):
    from pybtex.database import parse_file

    keys = set(parse_file(str(REPO / "book" / "references.bib")).entries)
    session_1 = _markdown(notebooks[REPO / "book/sessions/session-01.md"])
    assert "the easiest way in (Revans, 2011); his 1980 book goes further (Revans, 1980)." in session_1
    assert "- Pedler and Abbott (2013): the most practical guide" in session_1
    assert "The THRIVE Framework (Wolpert *et al.*, 2019) was offered" in session_1
    every = "\n".join(_markdown(nb) for nb in notebooks.values())
    assert "(McGill and Brockbank, 2004; Pedler and Abbott, 2013)" in every
    cited = {k for k in keys if re.search(rf"\b{k}\b", every)}
    assert not cited, f"citation keys shown instead of names: {sorted(cited)}"
    bibliography = _markdown(notebooks[REPO / "book/bibliography.md"])
    assert bibliography.count("\n- ") == len(keys) and "Donald A\\. Schön" in bibliography


def test_terms_links_and_boxes_read_as_text(notebooks):
    session_1 = _markdown(notebooks[REPO / "book/sessions/session-01.md"])
    assert "explain Revans's L = P + Q in your own words" in session_1
    exercise = "../../exercises/session-01/why-action-learning.ipynb"
    assert f"[Download the exercise notebook]({exercise})" in session_1
    assert "> **A note on your own expertise**\n>\n> Many of you know" in session_1
    toolkit = _markdown(notebooks[REPO / "book/toolkit/index.md"])
    assert "| A set meeting on one page | The shape" in toolkit  # {doc} without text: the page's title
    glossary = _markdown(notebooks[REPO / "book/glossary.md"])
    assert "**Action learning**  \nA way of learning" in glossary
    programme = _markdown(notebooks[REPO / "book/programme.md"])
    assert "| 1 | 1. Why action learning? Revans, Lewin and the system |" in programme


def test_the_conversion_keeps_code_and_knows_each_kind_of_box():
    text = "\n".join([
        "Use `{term}` as in ``{term}`Presenter` ``; a {term}`time-out <Time-out>` and {ref}`the label`.",
        "```python", "x = {term}`not a role`", "```",
        "::::{grid} 1 2", ":gutter: 2", "", ":::{grid-item-card} A card", "Card **body**.", ":::", "::::",
        "```{tip}", "Lightly.", "```",
        "```{facilitator-note}", "For trainers.", "```",
        "{download}`Master <../../source/session-01/x.ipynb>` {doc}`Session 2 <../sessions/session-02>`",
        "☐ **Purpose**", ": What are the sets for?",
    ])
    assert readable(text).split("\n") == [
        "Use `{term}` as in ``{term}`Presenter` ``; a time-out and the label.",
        "```python", "x = {term}`not a role`", "```",
        "> **A card**", ">", "> Card **body**.", "",
        "> **Tip**", ">", "> Lightly.", "",
        "Master Session 2",
        "☐ **Purpose**  ", "What are the sets for?",
    ]
