"""The handbook's MyST as plain Markdown, for the places that show a page's text as it is written:
JupyterLab and the live app (JupyterLite), which know nothing of Sphinx's roles and directives.

``readable(text, page)`` turns the roles and directives the pages use into what a reader
should see there:

- ``{term}`Presenter``` and ``{term}`time-out <Time-out>``` become "Presenter" and "time-out";
- ``{cite:p}`revans2011abc``` becomes "(Revans, 2011)" and ``{cite:t}`...``` "Revans (2011)",
  from book/references.bib: the names and years the website cites;
- ``{doc}``, ``{ref}`` and ``{numref}`` become their text (a page's title when none is given);
- ``{download}`Text <path>``` becomes a link, except to a trainer's master in source/;
- admonitions (``{admonition}``, ``{note}``, ``{tip}``, ``{important}``...) and cards become a
  quoted block under a bold title; grids become their cards;
- the glossary and definition lists become bold terms over their definitions, the bibliography
  the formatted list of references, and ``{programme-table}`` the programme's table;
- ``{facilitator-note}`` is left out (it is for trainers' eyes).

Code, in fences and in backticks, is left as it is. Use it on a notebook's Markdown cells: code
cells are not MyST.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from actionlearning.site.toc import source_title

REPO = Path(__file__).resolve().parents[2]
BIBLIOGRAPHY = "references.bib"

# a role and its text, or a code span (kept), scanned together so a role inside code stays code
_INLINE = re.compile(r"(?:\{(?P<role>[\w:+.-]+)\})?(?P<ticks>`+)(?P<text>.+?)(?P=ticks)(?!`)")
_EXPLICIT = re.compile(r"^(?P<text>.*?)\s*<(?P<target>[^<>]+)>$", re.S)
_FENCE = re.compile(r"^(?P<indent> {0,3})(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
_DIRECTIVE = re.compile(r"^\{(?P<name>[\w:.-]+)\}\s*(?P<argument>.*)$")
_OPTION = re.compile(r"^\s*:[\w-]+:(\s.*)?$")

ADMONITIONS = {"note": "Note", "tip": "Tip", "hint": "Hint", "important": "Important",
               "warning": "Warning", "caution": "Caution", "attention": "Attention",
               "danger": "Danger", "error": "Error", "seealso": "See also"}
CODE = ("code", "code-block", "sourcecode")
KEPT = ("code-cell", "raw")  # a notebook's cells, should a whole page be given
LEFT_OUT = ("facilitator-note",)


def readable(text: str, page: Path | None = None) -> str:
    """``text`` (a page's Markdown, or one cell's) as Markdown without Sphinx's roles and
    directives; ``page`` is the file it comes from, for the targets of ``{doc}``."""
    return "\n".join(_blocks(text.split("\n"), page))


# --- blocks: fences, directives, definition lists ----------------------------------------------


def _blocks(lines: list[str], page: Path | None) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(lines):
        fence = _FENCE.match(lines[i])
        if fence:
            end = _closing(lines, i, fence)
            body = lines[i + 1:end]
            directive = _DIRECTIVE.match(fence["info"].strip())
            if directive and directive["name"] not in KEPT:
                out += _directive(directive["name"], directive["argument"].strip(), body, page)
            else:  # code, and code cells, as they are
                out += lines[i:end + 1]
            i = end + 1
        elif i + 1 < len(lines) and lines[i].strip() and lines[i + 1].startswith(": "):
            i = _definitions(lines, i, out, page)
        else:
            out.append(_inline(lines[i], page))
            i += 1
    return out


def _closing(lines: list[str], start: int, fence: re.Match) -> int:
    """The line closing the fence opened at ``start`` (CommonMark's rule: the same character, at
    least as many, nothing else), or the end of the text."""
    mark = fence["fence"]
    for j in range(start + 1, len(lines)):
        stripped = lines[j].strip()
        if stripped and set(stripped) == {mark[0]} and len(stripped) >= len(mark):
            return j
    return len(lines)


def _definitions(lines: list[str], i: int, out: list[str], page: Path | None) -> int:
    """A MyST definition list entry (a term, then ``: definition``), as the term with its
    definition on the next line."""
    term = _inline(lines[i], page)
    i += 1
    definition: list[str] = []
    while i < len(lines) and (lines[i].startswith(": ") or lines[i].startswith("  ")):
        definition.append(lines[i][2:])
        i += 1
    out.append(f"{term}  ")
    out += _blocks(definition, page)
    return i


def _directive(name: str, argument: str, body: list[str], page: Path | None) -> list[str]:
    options, body = _options(body)
    if name in LEFT_OUT:
        return []
    if name in CODE:
        return [f"```{argument}", *body, "```"]
    if name == "admonition" or name in ADMONITIONS:
        return _boxed(argument or ADMONITIONS.get(name, "Note"), body, page)
    if name in ("grid-item-card", "card"):
        return _boxed(argument, body, page)
    if name == "glossary":
        return _glossary(body, "sorted" in options, page)
    if name == "bibliography":
        return references(_bibliography_file(page))
    if name == "programme-table":
        from actionlearning.course import programme

        table = {"sessions": programme.sessions_table, "variants": programme.variants_table}[argument]
        return table(programme.load_programme()).split("\n")
    if name == "grid":  # its argument is the columns at each width
        return _blocks(body, page)
    # a directive this list does not know: its content, under its title if it has one
    return ([f"**{_inline(argument, page)}**", ""] if argument else []) + _blocks(body, page)


def _options(body: list[str]) -> tuple[set[str], list[str]]:
    """A directive's ``:option: value`` lines (their names) and the content after them."""
    names: set[str] = set()
    i = 0
    while i < len(body) and _OPTION.match(body[i]):
        names.add(body[i].strip().split(":")[1])
        i += 1
    while i < len(body) and not body[i].strip():
        i += 1
    return names, body[i:]


def _boxed(title: str, body: list[str], page: Path | None) -> list[str]:
    """A quoted block under a bold title: how Markdown shows a box."""
    content = ([f"**{_inline(title, page)}**", ""] if title else []) + _blocks(body, page)
    return [f"> {line}" if line.strip() else ">" for line in content] + [""]


def _glossary(body: list[str], sort: bool, page: Path | None) -> list[str]:
    """The glossary's terms in bold, each over its definition."""
    entries: list[tuple[list[str], list[str]]] = []
    for line in body:
        if line.strip() and not line.startswith((" ", "\t")):
            if not entries or entries[-1][1]:
                entries.append(([], []))
            entries[-1][0].append(line.strip())
        elif entries:
            entries[-1][1].append(line[2:] if line.startswith("  ") else line.strip())
    if sort:
        entries.sort(key=lambda entry: entry[0][0].lower())
    out: list[str] = []
    for terms, definition in entries:
        out.append("  \n".join(f"**{_inline(term, page)}**" for term in terms) + "  ")
        out += _blocks(_trimmed(definition), page) + [""]
    return out


def _trimmed(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


# --- inline: roles ----------------------------------------------------------------------------


def _inline(line: str, page: Path | None) -> str:
    return _INLINE.sub(lambda m: _role(m, page), line)


def _role(match: re.Match, page: Path | None) -> str:
    role, content = match["role"], match["text"]
    if role is None:  # a code span
        return match[0]
    explicit = _EXPLICIT.match(content)
    text, target = (explicit["text"], explicit["target"]) if explicit else (None, content.strip())
    if role.startswith("cite"):
        keys = [key.strip() for key in content.split(",") if key.strip()]
        return cite(keys, textual=role in ("cite:t", "cite:ts"), bib=_bibliography_file(page))
    if role == "doc":
        return text or page_title(target, page)
    if role == "download":
        shown = text or Path(target).name
        return shown if re.search(r"(^|/)source/", target) else f"[{shown}]({target})"
    return text or target  # term, ref, numref and the rest: the words the reader sees


def page_title(target: str, page: Path | None) -> str:
    """The title (first heading) of the page a ``{doc}`` role names, else its name."""
    if target.startswith("/") or page is None:
        base = _above(page, "_toc.yml", REPO) / target.lstrip("/")
    else:
        base = page.parent / target
    source = base.with_name(base.name + ".md")
    title = source_title(source) if source.is_file() else None
    return _inline(title, source) if title else Path(target).name.replace("-", " ").capitalize()


def _above(page: Path | None, name: str, otherwise: Path) -> Path:
    """The nearest folder above ``page`` that holds ``name`` (the handbook's root holds _toc.yml,
    its book/ folder references.bib), else ``otherwise``."""
    for folder in (page.resolve().parents if page else ()):
        if (folder / name).exists():
            return folder
    return otherwise


def _bibliography_file(page: Path | None) -> Path:
    return _above(page, BIBLIOGRAPHY, REPO / "book") / BIBLIOGRAPHY


# --- citations and references, as the website shows them ---------------------------------------


@functools.lru_cache(maxsize=4)
def _entries(bib: Path, modified: float):
    from pybtex.database import parse_file

    return parse_file(str(bib)).entries


@functools.lru_cache(maxsize=4)
def _labels(bib: Path, modified: float) -> dict[str, tuple[str, str]]:
    """Each reference's names and year, as its citations give them."""
    from pybtex.plugin import find_plugin

    text = find_plugin("pybtex.backends", "text")()
    return {key: (authors(entry, text), entry.fields.get("year", "n.d."))
            for key, entry in _entries(bib, modified).items()}


def authors(entry, text) -> str:
    """The names a citation gives: one, two joined by "and", or the first *et al.*"""
    people = entry.persons.get("author") or entry.persons.get("editor") or []
    names = [" ".join(part.render(text) for part in person.rich_last_names) for person in people]
    if len(names) > 2:
        return f"{names[0]} *et al.*"
    return " and ".join(names) or entry.fields.get("title", "Anonymous")


def cite(keys: list[str], textual: bool = False, bib: Path | None = None) -> str:
    """A citation by author and year, as the website gives it, in round brackets: "(Revans, 2011;
    Kolb, 1984)", or, in running text, "Revans (2011)". A key missing from the references shows
    as it is."""
    bib = bib or REPO / "book" / BIBLIOGRAPHY
    labels = _labels(bib, bib.stat().st_mtime)
    found = [labels.get(key, (key, "")) for key in keys]
    if textual:
        return "; ".join(f"{who} ({year})" if year else who for who, year in found)
    return "(" + "; ".join(f"{who}, {year}" if year else who for who, year in found) + ")"


def references(bib: Path) -> list[str]:
    """Every reference, formatted and sorted as the website's bibliography (pybtex's plain
    style), as a Markdown list."""
    from pybtex.database import BibliographyData
    from pybtex.plugin import find_plugin

    style = find_plugin("pybtex.style.formatting", "plain")()
    markdown = find_plugin("pybtex.backends", "markdown")()
    entries = BibliographyData(entries=_entries(bib, bib.stat().st_mtime))
    formatted = style.format_bibliography(entries)
    return [f"- {' '.join(entry.text.render(markdown).split())}" for entry in formatted] + [""]
