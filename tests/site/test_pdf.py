"""The printed handbook (make pdf, actionlearning/site/printing.py), read back as a reader would
get it: with pdftotext and pdfinfo from Debian's poppler-utils, and pypdf for the outline and
page labels. Both editions are printed once for the module, from the sites the tests build."""

from __future__ import annotations

import datetime
import re
import shutil
import subprocess

import pytest

from actionlearning.site import printing
from actionlearning.site.editions import _NOTE_BLOCK
from actionlearning.site.toc import toc_parts
from tests.conftest import REPO

pytestmark = pytest.mark.book
WHEN = datetime.date(2027, 3, 1)
A4 = (595.0, 842.0)  # points
# The printed type, as pdftotext measures a word's box: about 1.16 times the font's size. Below
# this a sheet has been shrunk to fit rather than laid out to.
SMALLEST_WORD_BOX = 8.0


def _need_poppler():
    if not shutil.which("pdftotext"):
        if __import__("os").environ.get("CI"):
            pytest.fail("the printed handbook's tests need Debian's poppler-utils (.ci/run installs it)")
        pytest.skip("apt-get install poppler-utils to read the printed handbook back")


def text(pdf, first=None, last=None, layout=False) -> str:
    args = ["pdftotext"] + (["-layout"] if layout else [])
    args += (["-f", str(first), "-l", str(last or first)] if first else []) + [str(pdf), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def page_size(pdf) -> tuple[float, float]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    width, height = re.search(r"Page size:\s+([\d.]+) x ([\d.]+) pts", info).groups()
    return float(width), float(height)


def word_boxes(pdf) -> list[float]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return [float(b) - float(a) for a, b in re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', out)]


@pytest.fixture(scope="module")
def books(built_site, trainer_site, tmp_path_factory):
    _need_poppler()
    # The trainee edition as make pdf prints it (its command line); the trainer's on a given date.
    folder = tmp_path_factory.mktemp("trainee")
    assert printing.main(["trainee", "--site", str(built_site), "--out", str(folder / "book.pdf"),
                          "--sheets", str(folder / "sheets")]) == 0
    made = {"trainee": (folder / "book.pdf", sorted((folder / "sheets").glob("*.pdf")))}
    folder = tmp_path_factory.mktemp("trainer")
    # What differs in the trainer's edition is the sessions' facilitator notes: only the sessions
    # are printed (the rest, handouts included, is the same as the trainee's).
    made["trainer"] = printing.print_book("trainer", trainer_site, folder / "book.pdf", folder / "sheets", WHEN,
                                          with_handouts=False, parts=("Sessions",))
    return made


@pytest.fixture(scope="module")
def trainee(books):
    return books["trainee"][0]


def _outline(pdf):
    from pypdf import PdfReader

    reader = PdfReader(pdf)

    def walk(nodes):
        items = []
        for node in nodes:
            if isinstance(node, list):
                items[-1][2].extend(walk(node))
            else:
                items.append((node.title, reader.page_labels[reader.get_destination_page_number(node)], []))
        return items

    return reader, walk(reader.outline)


def test_every_page_is_a4(books):
    for book, sheets in books.values():
        for pdf in [book, *sheets]:
            width, height = page_size(pdf)
            assert abs(width - A4[0]) < 2 and abs(height - A4[1]) < 2, (pdf, width, height)


def test_the_title_page_names_the_course_edition_date_and_version(books):
    for edition, (book, _) in books.items():
        cover = " ".join(text(book, 1).split())
        when = WHEN if edition == "trainer" else datetime.date.today()
        assert printing.BOOK_TITLE in cover and printing.EDITION_NAMES[edition] in cover
        assert f"Printed {when.day} {when:%B %Y}" in cover and re.search(r"Version \d+\.\d+\.\d+", cover)


def test_pages_are_numbered_roman_then_from_one_and_each_page_shows_its_number(trainee):
    reader, _ = _outline(trainee)
    labels = reader.page_labels
    front = labels.index("1")
    assert front >= 2 and labels[:front] == ["i", "ii", "iii", "iv"][:front]
    assert labels[front:] == [str(n) for n in range(1, len(labels) - front + 1)]
    for index in (front, front + 7, len(labels) // 2, len(labels) - 1):
        lines = [line.strip() for line in text(trainee, index + 1).splitlines() if line.strip()]
        assert lines[-1] == labels[index], (index, lines[-3:])


def test_the_contents_list_gives_the_page_each_chapter_starts_on(trainee):
    _, outline = _outline(trainee)
    starts = {title: label for part in outline for title, label, _ in [part] + part[2]}
    contents = text(trainee, 2, 3, layout=True)
    listed = 0
    for _, names in toc_parts():
        for name in names:
            title = printing.page_title(name)
            match = re.search(re.escape(title[:40]) + r".*?(\d+)\s*$", contents, re.M)
            assert match, f"{title} is not in the contents list"
            assert match.group(1) == starts[title], (title, match.group(1), starts[title])
            listed += 1
    assert listed == sum(len(names) for _, names in toc_parts())


def test_the_outline_mirrors_the_table_of_contents(books):
    for edition, (book, _) in books.items():
        _, outline = _outline(book)
        parts = {title: children for title, _, children in outline}
        printed = toc_parts() if edition == "trainee" else [p for p in toc_parts() if p[0] == "Sessions"]
        captions = {caption for caption, _ in toc_parts() if caption}
        assert captions & set(parts) == {caption for caption, _ in printed if caption}, edition
        for caption, names in printed:
            if caption:
                assert [c[0] for c in parts[caption]] == [printing.page_title(n) for n in names], caption
        sessions = [title for title, _, _ in parts["Sessions"]]
        assert sessions == [f"Session {n}: " + s.split(": ", 1)[1] for n, s in enumerate(sessions, start=1)]
        assert len(sessions) == 9
        bare = [title for title, _, children in parts["Sessions"] if not children]
        assert not bare, f"each session lists its sections; these do not: {bare}"


def test_nothing_of_the_website_is_printed(books):
    for book, sheets in books.values():
        for pdf in [book, *sheets]:
            words = text(pdf)
            for chrome in ("Skip to main content", "Back to top", "Ctrl+K", "Search", "127.0.0.1",
                           "This week's exercise, live", "Opens in a new tab"):
                assert chrome not in words, (pdf.name, chrome)
            assert not re.search(r"^\s*None\s*$", words, re.M), pdf.name
            # a heading's anchor (Sphinx's "#" or pilcrow) after its text
            assert not re.search(r"\S\s*[#¶]\s*$", words, re.M), pdf.name


def test_widgets_print_their_first_screen_under_a_note_for_paper(trainee):
    words = " ".join(text(trainee).split())
    assert words.count("A live exercise. On paper you see its first screen.") >= 8
    assert "its buttons need Python" not in words  # the website's note, not the paper's
    assert "Issue 1 of" in words  # the issue sorter's first screen


def test_the_trainer_edition_has_every_facilitator_note_and_the_trainee_edition_none(books):
    trainee_words = " ".join(text(books["trainee"][0]).split())
    trainer_words = " ".join(text(books["trainer"][0]).split())
    notes = 0
    for page in sorted((REPO / "book").rglob("*.md")):
        for block in _NOTE_BLOCK.finditer(page.read_text("utf-8")):
            body = [line for line in block.group(0).splitlines()[1:] if line.strip() and not line.startswith(":")]
            words = re.sub(r"[*_`{}]|\[|\]\([^)]*\)", "", body[0]).split()[:7]
            phrase = " ".join(words).replace("'", "’")
            assert phrase in trainer_words.replace("'", "’"), (page.name, phrase)
            assert phrase not in trainee_words.replace("'", "’"), (page.name, phrase)
            notes += 1
    assert notes >= 9


def test_each_handout_prints_alone_on_one_sheet_in_type_that_was_not_shrunk(books):
    from pypdf import PdfReader

    sheets = books["trainee"][1]
    assert books["trainer"][1] == []  # printed without them (the handouts are the same)
    observation = [f"observation-sheets-session-{n}" for n in range(1, 10)]
    assert sorted(p.stem for p in sheets) == ["contracting-checklist", "contracting-checklist-a-ground-rules-template",
                                              "meeting-on-a-page", *observation, "process-review"]
    for sheet in sheets:
        assert len(PdfReader(sheet).pages) == 1, sheet.name
        boxes = sorted(word_boxes(sheet))
        assert boxes[len(boxes) // 2] >= SMALLEST_WORD_BOX, (sheet.name, boxes[len(boxes) // 2])
    checklist = " ".join(text(next(p for p in sheets if p.stem == "contracting-checklist")).split())
    assert "With sponsors" in checklist and "Our agreement" not in checklist
    template = " ".join(text(next(p for p in sheets if p.stem.endswith("template"))).split())
    assert "Our agreement" in template and "With sponsors" not in template
    fifth = " ".join(text(next(p for p in sheets if p.stem.endswith("session-5"))).split())
    assert "Session 5" in fifth and "Session 6" not in fifth and "The debrief" in fifth


def test_links_that_leave_the_handbook_print_their_address_and_others_print_as_text(trainee):
    words = " ".join(text(trainee).split())
    assert re.search(r"\(https?://\S+\)", words), "an outside link prints its address"
    assert "/book/" not in words and ".html" not in words


def test_a_missing_site_or_a_bad_handout_marker_is_said_plainly(tmp_path):
    with pytest.raises(printing.PrintingError, match="make book EDITION=trainer"):
        printing.print_book("trainer", site=tmp_path, out=tmp_path / "x.pdf", sheets=tmp_path / "s")
    assert printing.handout_sheets("page") == [[]]
    assert printing.handout_sheets(" a+b , c ") == [["a", "b"], ["c"]]


def test_page_titles_skip_front_matter():
    assert printing.page_title("book/toolkit/contracting-checklist") == "Contracting checklist and ground rules"
    assert printing.page_title("book/sessions/session-04").startswith("Session 4: ")
