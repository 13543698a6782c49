"""The handbook's table of contents (_toc.yml), read once for everything that walks the book:
the trainee's lab, the printed book and the tests."""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def toc_parts(repo: Path = REPO) -> list[tuple[str, list[str]]]:
    """The book's parts in reading order, each a caption and its pages' names (``book/...``,
    without a suffix). The root page comes first, in a part with no caption."""
    import yaml

    toc = yaml.safe_load((repo / "_toc.yml").read_text("utf-8"))
    parts = [("", [toc["root"]])]
    parts += [(part.get("caption", ""), [c["file"] for c in part["chapters"]]) for part in toc.get("parts", [])]
    return parts


def toc_pages(repo: Path = REPO) -> list[Path]:
    """Every page of the handbook, as its table of contents lists them."""
    return [repo / f"{name}.md" for _, names in toc_parts(repo) for name in names]


def source_title(source: Path) -> str | None:
    """The title of a MyST page: its first heading, after any front matter (whose YAML comments
    also start with "# "); ``None`` when it has none."""
    text = source.read_text("utf-8")
    if text.startswith("---\n"):
        text = text.split("\n---\n", 1)[-1]
    for line in text.split("\n"):
        if line.startswith("# "):
            return line[2:].strip()
    return None
