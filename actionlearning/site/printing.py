"""The handbook in print: an A4 book (``make pdf``), and the toolkit's handouts as sheets.

    python -m actionlearning.site.printing trainee   # or trainer; after make book (EDITION=...)

It writes ``_build/handbook-EDITION.pdf`` and one PDF per handout in ``_build/sheets/EDITION/``.

**The route.** Debian's Chromium prints the built website, with the handbook's print stylesheet
(book/_static/workbook.css). Playwright's Python API drives it; it never uses a browser of its
own. Chromium lays the pages out exactly as trainees see them: the same tables, cards, widgets'
first screens and citations, and the same editions. It handles A4 (CSS ``@page``), page numbers
and running heads (``@page`` margin boxes), and each page's outline of headings. Jupyter Book's
LaTeX route would need TeX Live (over a gigabyte from Debian), and it would re-render every
widget, card and custom directive through a second toolchain that the site never tests.

Chromium cannot number a contents list (CSS ``target-counter``) or vary a running head by
chapter (CSS ``string-set``). So each page of the handbook is printed on its own, with its title
as the running head, and numbered on from the page before. The title page and contents are
printed last, once every number is known, in roman numerals. pypdf then joins them, labels the
pages (i, ii, ... then 1, 2, ...), and builds the outline from the parts, the pages and their
headings.
"""

from __future__ import annotations

import argparse
import datetime
import html
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from actionlearning.site.editions import EDITIONS
from actionlearning.site.serving import serving
from actionlearning.site.toc import REPO, source_title, toc_parts

BOOK_TITLE = "Action Learning Set Facilitation"
SUBTITLE = "A handbook for facilitators of action learning sets, in nine sessions"
EDITION_NAMES = {"trainee": "Trainee edition", "trainer": "Trainer edition, with facilitator notes"}
SITES = {"trainee": REPO / "_build" / "html", "trainer": REPO / "_build" / "trainer" / "_build" / "html"}
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
_PAGE_MARGINS = "18mm 17mm 20mm"
_HEAD = "font: 8.5pt 'Liberation Sans', 'DejaVu Sans', sans-serif; color: #5b6573;"


class PrintingError(Exception):
    """Something the person printing can put right; the message says what."""


@dataclass
class Printed:
    """One page of the handbook, printed: where it sits in the book and what it holds."""

    part: str
    name: str  # book/sessions/session-01
    title: str
    pdf: object  # the printed page, read back (a pypdf PdfReader)
    first_page: int  # its first page in the main matter, from 1

    @property
    def pages(self) -> int:
        return len(self.pdf.pages)


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def page_title(name: str, repo: Path = REPO) -> str:
    """A page's title: the first heading of its MyST source."""
    return source_title(repo / f"{name}.md") or name.rsplit("/", 1)[-1].replace("-", " ").capitalize()


def _page_style(title: str, first_page: int) -> str:
    """A4, the running head (book and page title), and page numbers that go on from the page before."""
    return (
        f"@page {{ size: A4; margin: {_PAGE_MARGINS};"
        f" @top-left {{ content: {_css_string(BOOK_TITLE)}; {_HEAD} }}"
        f" @top-right {{ content: {_css_string(title)}; {_HEAD} }}"
        f" @bottom-center {{ content: counter(page); {_HEAD} }} }}"
        f" html {{ counter-reset: page {first_page - 1}; }}"
    )


def _open(browser, url: str):
    page = browser.new_page(viewport={"width": 1100, "height": 1400})
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    # Widgets are drawn by a script once the page has loaded: wait until none is left to draw.
    page.wait_for_function(
        "() => [...document.querySelectorAll('script[type=\"application/vnd.jupyter.widget-view+json\"]')]"
        ".every(s => s.parentElement.querySelector('.jupyter-widgets'))", timeout=30_000)
    # On paper nothing can be clicked open: a worked path or a folded answer prints open.
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    return page


def _print(page, path: Path):
    """Print the page to ``path``; return it read back (a pypdf PdfReader)."""
    from pypdf import PdfReader

    # Chromium builds a page's outline of headings from its tags, so the print is tagged
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True, outline=True, tagged=True)
    return PdfReader(path)


def _version() -> str:
    try:
        version = metadata.version("actionlearning")
    except metadata.PackageNotFoundError:
        version = "unknown"
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO, capture_output=True,
                                text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        commit = ""
    return f"{version} ({commit})" if commit else version


def front_matter_html(edition: str, printed: list[Printed], when: datetime.date, version: str) -> str:
    """The title page and the contents, with every page number."""
    rows, part = [], None
    for item in printed:
        if item.part != part:
            part = item.part
            if part:
                rows.append(f'<li class="part">{html.escape(part)}</li>')
        rows.append(f'<li><span class="title">{html.escape(item.title)}</span>'
                    f'<span class="page">{item.first_page}</span></li>')
    return f"""<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><title>{html.escape(BOOK_TITLE)}</title><style>
@page {{ size: A4; margin: {_PAGE_MARGINS}; @bottom-center {{ content: counter(page, lower-roman); {_HEAD} }} }}
@page cover {{ @bottom-center {{ content: none; }} }}
body {{ font-family: 'Liberation Serif', 'DejaVu Serif', Georgia, serif; color: #222832; font-size: 11pt; }}
.cover {{ page: cover; height: 250mm; display: flex; flex-direction: column; break-after: page; }}
.cover h1 {{ font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 30pt; margin: 55mm 0 4mm;
  color: #1d3b44; line-height: 1.15; }}
.cover .subtitle {{ font-size: 14pt; margin: 0 0 14mm; }}
.cover .edition {{ font-size: 13pt; font-weight: bold; color: #4a7c8c; }}
.cover .imprint {{ margin-top: auto; font-size: 10pt; color: #48566b; line-height: 1.6; }}
h2 {{ font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-size: 18pt; color: #1d3b44; }}
ol {{ list-style: none; padding: 0; margin: 0; }}
li {{ display: flex; align-items: baseline; gap: 0.4em; margin: 0.28em 0; break-inside: avoid; }}
li .title {{ flex: 1 1 auto; display: flex; gap: 0.4em; }}
li .title::after {{ content: ""; flex: 1 1 auto; border-bottom: 1px dotted #8a94a3; transform: translateY(-0.3em); }}
li.part {{ font-family: 'Liberation Sans', 'DejaVu Sans', sans-serif; font-weight: bold; margin-top: 0.9em;
  color: #1d3b44; break-after: avoid; }}
</style></head><body>
<section class="cover">
  <h1>{html.escape(BOOK_TITLE)}</h1>
  <p class="subtitle">{html.escape(SUBTITLE)}</p>
  <p class="edition">{html.escape(EDITION_NAMES[edition])}</p>
  <div class="imprint">
    <div>Printed {when.strftime('%-d %B %Y')} from the handbook's website</div>
    <div>Version {html.escape(version)}</div>
    <div>&copy; {when.year} The Action Learning Set Facilitation workbook team</div>
  </div>
</section>
<section class="contents"><h2>Contents</h2><ol>
{chr(10).join(rows)}
</ol></section>
</body></html>"""


def _outline(writer, printed: list[Printed], offset: int) -> None:
    """Parts, then pages, then each page's own headings, as the PDF's bookmarks."""
    parents: dict[str, object] = {}
    for item in printed:
        start = offset + item.first_page - 1
        parent = None
        if item.part:
            if item.part not in parents:
                parents[item.part] = writer.add_outline_item(item.part, start)
            parent = parents[item.part]
        entry = writer.add_outline_item(item.title, start, parent=parent)
        _copy_headings(writer, item.pdf, item.pdf.outline, entry, start, item.title)


def _copy_headings(writer, reader, outline, parent, offset: int, title: str) -> None:
    last = None
    for node in outline:
        if isinstance(node, list):
            _copy_headings(writer, reader, node, last if last is not None else parent, offset, title)
            continue
        if node.title.strip() == title.strip():
            last = parent  # the page's own title: its headings go under the page's entry
            continue
        last = writer.add_outline_item(node.title, offset + reader.get_destination_page_number(node), parent=parent)


def print_book(edition: str, site: Path | None = None, out: Path | None = None,
               sheets: Path | None = None, when: datetime.date | None = None,
               with_handouts: bool = True, parts: tuple[str, ...] | None = None) -> tuple[Path, list[Path]]:
    """Print the edition's book and (with ``with_handouts``) its handouts from its built site;
    returns their paths. ``parts`` (captions from _toc.yml) prints only those parts."""
    from playwright.sync_api import sync_playwright
    from pypdf import PdfWriter

    site = site or SITES[edition]
    out = out or REPO / "_build" / f"handbook-{edition}.pdf"
    sheets = sheets or REPO / "_build" / "sheets" / edition
    when = when or datetime.date.today()
    if not (site / "index.html").is_file():
        raise PrintingError(f"there is no built {edition} site in {site}: build it first "
                            f"(make book EDITION={edition}), or run make pdf EDITION={edition}")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if not chromium:
        raise PrintingError("printing needs Debian's Chromium: apt-get install chromium")

    pages = [(part, name) for part, names in toc_parts() for name in names if parts is None or part in parts]
    out.parent.mkdir(parents=True, exist_ok=True)
    sheets.mkdir(parents=True, exist_ok=True)
    for old in sheets.glob("*.pdf"):  # a sheet whose page no longer asks for it
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp, serving(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        printed: list[Printed] = []
        handouts: list[Path] = []
        next_page = 1
        for number, (part, name) in enumerate(pages, start=1):
            title = page_title(name)
            page = _open(browser, f"{base}/{name}.html")
            page.add_style_tag(content=_page_style(title, next_page))
            item = Printed(part, name, title, _print(page, Path(tmp) / f"{number:02d}.pdf"), next_page)
            printed.append(item)
            print(f"  [{number}/{len(pages)}] {name}: pages {next_page}-{next_page + item.pages - 1}", flush=True)
            next_page += item.pages
            if with_handouts:
                handouts += _print_handout(page, name, title, sheets)
            page.close()
        page = browser.new_page()
        page.set_content(front_matter_html(edition, printed, when, _version()), wait_until="load")
        front = _print(page, Path(tmp) / "front.pdf")
        browser.close()

        writer = PdfWriter()
        writer.append(front, import_outline=False)
        offset = len(writer.pages)
        for item in printed:
            writer.append(item.pdf, import_outline=False)
        writer.add_outline_item("Contents", 1 if offset > 1 else 0)
        _outline(writer, printed, offset)
        writer.set_page_label(0, offset - 1, style="/r")
        writer.set_page_label(offset, len(writer.pages) - 1, style="/D", start=1)
        writer.add_metadata({"/Title": f"{BOOK_TITLE} ({EDITION_NAMES[edition].split(',')[0].lower()})",
                             "/Author": "The Action Learning Set Facilitation workbook team",
                             "/Subject": SUBTITLE, "/Creator": "make pdf: Chromium, joined by pypdf"})
        writer.page_mode = "/UseOutlines"
        with out.open("wb") as f:
            writer.write(f)
    return out, handouts


# Type sizes (pt) and columns tried for a handout, largest first, until it fits one sheet.
SHEET_FITS = ((9.5, 1), (9, 1), (8.5, 1), (8.5, 2), (8, 2), (7.6, 2), (7.2, 2))


def _sheet_style(title: str, size: float, columns: int) -> str:
    # on the section, not the article: Chromium scales a multi-column article down to one page
    # rather than break it across pages, and the fit would only seem to succeed
    columns_rule = f" .bd-article > section {{ column-count: {columns}; column-gap: 7mm; }}" if columns > 1 else ""
    return (
        f"@page {{ size: A4; margin: 11mm 12mm 13mm;"
        f" @top-left {{ content: none; }} @top-right {{ content: none; }}"
        f" @bottom-center {{ content: {_css_string(title + ' · ' + BOOK_TITLE)}; {_HEAD} }} }}"
        f" html {{ font-size: {size}pt !important; }}{columns_rule}"
        " .bd-article h1 { column-span: all; font-size: 1.7em !important; margin: 0 0 0.3em !important; }"
        " .bd-article h2 { font-size: 1.2em !important; margin: 0.5em 0 0.2em !important; }"
        " .bd-article :is(p, dd, li) { margin-bottom: 0.25em !important; line-height: 1.3 !important; }"
        " .bd-article dl { margin-bottom: 0.2em !important; }"
    )


def handout_sheets(marker: str) -> list[list[str]]:
    """The sheets a handout page asks for, from its ``al-handout`` marker: ``page`` for the whole
    page on one sheet, or sheets separated by commas, each one or more of the page's sections
    (their ids) joined by ``+``."""
    marker = marker.strip()
    if marker in ("", "page"):
        return [[]]
    return [[part.strip() for part in sheet.split("+") if part.strip()] for sheet in marker.split(",") if sheet.strip()]


def _print_handout(page, name: str, title: str, sheets: Path) -> list[Path]:
    """Each sheet of a handout page (marked ``al-handout`` in its front matter) alone on one A4
    sheet: the page's title and the sections asked for, in the largest type that fits, in one
    column or two."""
    marker = page.locator('meta[name="al-handout"]')
    if not marker.count():
        return []
    made = []
    for sections in handout_sheets(marker.get_attribute("content") or ""):
        # A listed id may be a section's own or a label just inside it: print the section.
        found = page.evaluate("""(ids) => ids.map(id => {
            const el = document.getElementById(id);
            return el && (el.matches('section') ? el : el.closest('section')).id;
        })""", sections)
        missing = [given for given, section in zip(sections, found, strict=True) if not section]
        if missing:
            raise PrintingError(f"{name}: its al-handout marker names sections it does not have: {', '.join(missing)}")
        sections = found
        page.evaluate("""(ids) => {
            document.querySelectorAll('.bd-article section section').forEach(s => {
                s.style.display = !ids.length || ids.includes(s.id) || s.closest(ids.map(i => '#' + CSS.escape(i)).join(',') || 'x-none') ? '' : 'none';
            });
            document.querySelectorAll('.bd-article > section > :not(h1):not(section)').forEach(e => {
                e.style.display = ids.length ? 'none' : '';
            });
        }""", sections)
        # A sheet of one section is named after it; the whole page, or several sections, after the page.
        stem = name.rsplit("/", 1)[-1] + (f"-{sections[0]}" if len(sections) == 1 else "")
        path = sheets / f"{stem}.pdf"
        footer = title if len(sections) != 1 else f"{title}: " + page.locator(f"#{sections[0]} > h2").first.inner_text().strip()
        style = None
        for size, columns in SHEET_FITS:
            if style is not None:
                style.evaluate("s => s.remove()")
            style = page.add_style_tag(content=_sheet_style(footer.rstrip("#").strip(), size, columns))
            if len(_print(page, path).pages) == 1:
                break
        else:
            print(f"      warning: {stem} does not fit one A4 sheet even at {size}pt", file=sys.stderr)
        style.evaluate("s => s.remove()")
        print(f"      handout: {path}", flush=True)
        made.append(path)
    return made


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actionlearning.site.printing", description=__doc__.split("\n")[0])
    parser.add_argument("edition", choices=EDITIONS)
    parser.add_argument("--site", type=Path, help="the built site to print (default: the edition's)")
    parser.add_argument("--out", type=Path, help="the book's PDF (default: _build/handbook-EDITION.pdf)")
    parser.add_argument("--sheets", type=Path, help="the handouts' folder (default: _build/sheets/EDITION)")
    args = parser.parse_args(argv)
    try:
        book, handouts = print_book(args.edition, args.site, args.out, args.sheets)
    except PrintingError as error:
        print(f"make pdf: {error}", file=sys.stderr)
        return 2
    print(f"The {args.edition} edition as a PDF: {book}")
    if handouts:
        print(f"Its handouts, one PDF each: {handouts[0].parent}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
