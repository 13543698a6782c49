"""Reading a trainee's free text: the helpers the free-text checks share.

A draft arrives as a string or a list of lines; it is read sentence by sentence (list lines
count as sentences, without their bullets or numbers); a check looks for the first sentence
matching its patterns and quotes it back, so the trainee sees what was found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from actionlearning.checks import ItemResult

_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")
_BULLET = re.compile(r"^\s*(?:[-*•·–]+|\d+[.)]|[a-z][.)])\s*", re.I)


def rx(pattern: str) -> re.Pattern[str]:
    """A case-insensitive pattern."""
    return re.compile(pattern, re.I)


def as_text(draft: object) -> str | None:
    """A string, or a list of strings joined as lines; None for anything else."""
    if isinstance(draft, str):
        return draft
    if isinstance(draft, (list, tuple)) and all(isinstance(x, str) for x in draft):
        return "\n".join(draft)
    return None


def sentences(text: str) -> list[str]:
    """The text's sentences and list lines, without bullets or numbering, curly quotes made plain."""
    found = []
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    for part in _SPLIT.split(text):
        part = _BULLET.sub("", part).strip()
        if part:
            found.append(" ".join(part.split()))
    return found


def first(parts: Sequence[str], *patterns: re.Pattern[str]) -> str | None:
    """The first sentence matching every pattern."""
    for part in parts:
        if all(p.search(part) for p in patterns):
            return part
    return None


def quote(text: str, limit: int = 70) -> str:
    """The text in quotation marks, spaces folded, cut with an ellipsis beyond ``limit``."""
    text = " ".join(str(text).split())
    return "'" + (text if len(text) <= limit else text[: limit - 1].rstrip() + "…") + "'"


# --- scoring one element of a draft -----------------------------------------------------
# Reasons are format strings: {found} is the quoted sentence that earned the credit.


def best_level(item: str, parts: Sequence[str], levels, missing: str) -> ItemResult:
    """Credit from the first level some sentence reaches; ``levels`` are (points, patterns,
    reason) from the fullest down, and ``missing`` is the reason when none is reached."""
    for points, patterns, reason in levels:
        found = first(parts, *patterns)
        if found:
            return ItemResult(item, points, 1.0, reason.format(found=quote(found)))
    return ItemResult(item, 0.0, 1.0, missing)


def both_halves(item: str, one: str | None, other: str | None, *, only_one: str, only_other: str,
                missing: str) -> ItemResult:
    """Full credit when both halves of an element were found (``one`` and ``other`` are the
    sentences, or None), half credit asking for the other half when one was, none otherwise."""
    if one and other:
        said = quote(one) if one == other else f"{quote(one)} and {quote(other)}"
        return ItemResult(item, 1.0, 1.0, f"found {said}")
    if one:
        return ItemResult(item, 0.5, 1.0, only_one.format(found=quote(one)))
    if other:
        return ItemResult(item, 0.5, 1.0, only_other.format(found=quote(other)))
    return ItemResult(item, 0.0, 1.0, missing)
