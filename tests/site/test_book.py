"""The handbook: it builds with warnings as errors, every page is there with its content, the
session pages share one shape, and no solution or hidden-test text reaches the website."""

from __future__ import annotations

import re
import shutil
from html import unescape

import pytest

from actionlearning.course.programme import load_programme
from tests.conftest import REPO, build_book, secret_lines, site_lock

pytestmark = pytest.mark.book

SESSION_HEADINGS = [
    "Learning outcomes",
    "Session plan",
    "Key ideas",
    "A worked example",
    "Practice",
    "Reflection exercise",
    "Further reading",
]


def toc_files() -> list[str]:
    """Every page the table of contents lists, by its name in the repository (book/intro)."""
    from actionlearning.site.toc import toc_pages

    return [page.relative_to(REPO).with_suffix("").as_posix() for page in toc_pages(REPO)]


def session_pages() -> list:
    return sorted((REPO / "book" / "sessions").glob("session-*.md"))


def _text(html: str) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))
    return unescape(text).replace("\u2019", "'")  # Sphinx's smart quotes


def test_every_page_in_the_table_of_contents_is_built_and_has_content(built_site):
    for page in toc_files():
        html_path = built_site / f"{page}.html"
        assert html_path.is_file(), f"{page} is in _toc.yml but was not built"
        words = len(_text(html_path.read_text("utf-8")).split())
        assert words > 300, f"{page} has only {words} words"
    assert (built_site / "index.html").is_file()


def test_every_session_page_is_in_the_table_of_contents():
    assert {f"book/sessions/{p.stem}" for p in session_pages()} <= set(toc_files())


@pytest.mark.parametrize("page", session_pages(), ids=lambda p: p.stem)
def test_session_pages_share_the_headings_and_a_180_minute_plan(page):
    text = page.read_text("utf-8")
    number = int(page.stem.split("-")[1])
    assert text.count(f"# Session {number}: {load_programme().session(number).title}") == 1
    headings = re.findall(r"^## (.+?)\s*$", text, flags=re.M)
    assert headings == SESSION_HEADINGS
    plan = text.split("## Session plan", 1)[1].split("\n## ", 1)[0]
    # The plan is drawn from its data file (tests/course/test_plans.py holds it to the rules)
    assert f"```{{session-plan}} {page.stem}\n```" in plan, f"{page.name}: no session-plan directive"
    assert not re.search(r"^\| *Start", plan, flags=re.M), f"{page.name}: a hand-written plan table"
    assert len(text.split()) > 2500


def test_programme_page_tables_come_from_the_programme_data(built_site):
    text = _text((built_site / "book" / "programme.html").read_text("utf-8"))
    for session in load_programme().sessions:
        assert session.title in text
    assert "session-04, session-05" in text.replace("`", "").replace(" ,", ",")


def test_no_solution_or_hidden_test_text_reaches_the_site(built_site):
    secrets = secret_lines()
    assert secrets
    with site_lock():  # another worker's build may be rewriting the site's files meanwhile
        _no_secrets_in(built_site, secrets)


def _no_secrets_in(built_site, secrets):
    for path in built_site.rglob("*"):
        if path.suffix not in {".html", ".ipynb", ".txt", ".js", ".md"} or "_static" in path.parts:
            continue
        text = path.read_text("utf-8", errors="replace")
        for marker in ("BEGIN SOLUTION", "BEGIN HIDDEN TESTS", "BEGIN MARK SCHEME"):
            assert marker not in text, f"{path} contains {marker}"
        for line in secrets:
            assert line not in text, f"{path} leaks {line!r}"


def _pages_with_notes() -> list[str]:
    return [f"book/sessions/{p.stem}" for p in session_pages() if "```{facilitator-note}" in p.read_text("utf-8")]


def _note_lines() -> set[str]:
    """Distinctive lines of every facilitator note in the session pages."""
    lines = set()
    for page in session_pages():
        for note in re.findall(r"```\{facilitator-note\}.*?\n(.*?)```", page.read_text("utf-8"), flags=re.S):
            lines |= {line.strip() for line in note.splitlines() if len(line.strip()) > 40 and "{" not in line}
    return lines


def test_the_trainee_edition_leaves_out_facilitator_notes(built_site):
    notes = _note_lines()
    assert _pages_with_notes() and notes, "the session pages carry facilitator notes, so this can fail"
    pages = {
        p: p.read_text("utf-8")
        for p in built_site.rglob("*")
        if p.suffix in {".html", ".md", ".ipynb", ".txt"} or p.name == "searchindex.js"
    }
    for path, html in pages.items():
        assert "facilitator-note" not in html, path
        text = _text(html)
        for line in notes:
            assert " ".join(line.split()[:8]) not in text, f"{path} shows a facilitator note: {line}"


def test_the_trainer_edition_shows_the_notes_and_the_masters(trainer_site):
    for page in _pages_with_notes():
        html = (trainer_site / f"{page}.html").read_text("utf-8")
        assert "facilitator-note admonition" in html and "Facilitator’s note" in html, page
    masters = list(trainer_site.rglob("_downloads/**/*.ipynb"))
    assert any("BEGIN SOLUTION" in p.read_text("utf-8") for p in masters)


def test_each_notebook_page_offers_a_clean_ipynb_download(built_site):
    import nbformat

    for name in [f for f in toc_files() if f.startswith("book/sessions/")]:
        notebook = built_site / "_sources" / f"{name}.ipynb"
        nb = nbformat.read(notebook, as_version=4)
        nbformat.validate(nb)
        assert not any(c.get("outputs") for c in nb.cells if c.cell_type == "code")
        assert "_sources/" + name + ".ipynb" in (built_site / f"{name}.html").read_text("utf-8")


def test_the_exercise_download_is_the_trainee_version(built_site):
    downloads = list((built_site / "_downloads").rglob("why-action-learning.ipynb"))
    assert downloads
    assert downloads[0].read_bytes() == (REPO / "exercises/session-01/why-action-learning.ipynb").read_bytes()


def _mini_book(tmp_path, pages: dict[str, str], config: str | None = None):
    """A book with the handbook's own configuration (or ``config``) and only ``pages``."""
    for name in ("_config.yml", "book/references.bib"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / name, tmp_path / name)
    if config is not None:
        (tmp_path / "_config.yml").write_text(config, "utf-8")
    shutil.copytree(REPO / "book" / "_static", tmp_path / "book" / "_static")
    (tmp_path / "_build" / "widgets-js").mkdir(parents=True)
    (tmp_path / "_build" / "lite").symlink_to(REPO / "_build" / "lite", target_is_directory=True)
    names = list(pages)
    toc = f"format: jb-book\nroot: book/{names[0]}\n"
    if names[1:]:
        toc += "chapters:\n" + "".join(f"  - file: book/{n}\n" for n in names[1:])
    (tmp_path / "_toc.yml").write_text(toc)
    for name, text in pages.items():
        (tmp_path / f"book/{name}.md").write_text(text, "utf-8")
    # its JupyterLite build keeps its state in the shared _build/lite, as the handbook's builds do:
    # one at a time, or two builds' state collides and one fails
    with site_lock():
        return build_book(tmp_path)


NOTEBOOK_FRONT = (REPO / "book/sessions/session-01.md").read_text("utf-8").split("\n---\n", 1)[0] + "\n---\n"


def test_a_failing_cell_or_a_broken_reference_fails_the_build_naming_the_page(tmp_path):
    """The same configuration, on a two-page book that is broken on purpose."""
    result = _mini_book(tmp_path, {
        "cell": f"{NOTEBOOK_FRONT}# Cell\n\n```{{code-cell}} ipython3\n1 / 0\n```\n",
        "ref": "# Ref\n\nSee {doc}`no-such-page`.\n",
    })
    log = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.search(r"book/cell\.md.*(Executing notebook failed|ZeroDivisionError)", log), log[-3000:]
    assert re.search(r"book/ref\.md.*no-such-page", log), log[-3000:]


def test_repository_and_launch_buttons_appear_once_configured(tmp_path):
    config = (REPO / "_config.yml").read_text("utf-8")
    config = re.sub(r'^  url: ""', "  url: https://github.com/example/workbook", config, flags=re.M)
    config = re.sub(r'jupyterhub_url: ""', "jupyterhub_url: https://hub.example.org", config)
    config = re.sub(r'binderhub_url: ""', "binderhub_url: https://mybinder.org", config)
    config = config.replace("use_repository_button: false", "use_repository_button: true")
    result = _mini_book(tmp_path, {"intro": "# Intro\n\nThe landing page.\n", "page": f"{NOTEBOOK_FRONT}# A page\n\n```{{code-cell}} ipython3\n1 + 1\n```\n"}, config)
    assert result.returncode == 0, result.stdout[-3000:]
    html = (tmp_path / "_build/html/book/page.html").read_text("utf-8")
    assert "https://hub.example.org/hub/user-redirect/git-pull?repo=https%3A//github.com/example/workbook" in html
    assert "https://mybinder.org/v2/gh/example/workbook/main?urlpath=lab/tree/book/page.md" in html
    assert 'href="https://github.com/example/workbook"' in html
