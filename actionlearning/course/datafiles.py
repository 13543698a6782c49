"""The workbook's own data files (actionlearning/course/data/*.yaml): reading them, walking their
entries with every problem named, and finding an entry by its id."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from typing import TypeVar

import yaml

T = TypeVar("T")


def read_yaml(name: str) -> object:
    """The parsed YAML of ``data/<name>`` inside the package."""
    return yaml.safe_load(resources.files("actionlearning.course").joinpath("data", name).read_text("utf-8"))


class UnknownId(KeyError, ValueError):
    """No entry has that id (a KeyError for lookups, a ValueError for arguments)."""

    def __str__(self) -> str:
        return str(self.args[0])


def by_id(items: Iterable[T], item_id: str, kind: str) -> T:
    """The item whose ``id`` is ``item_id``; UnknownId naming the known ids otherwise."""
    items = tuple(items)
    for item in items:
        if item.id == item_id:
            return item
    known = ", ".join(item.id for item in items)
    raise UnknownId(f"no {kind} called {item_id!r}; known {kind}s: {known}")


def _present(value: object) -> bool:
    return value is not None and value != [] and value != {} and str(value).strip() != ""


def entries(
    data: object,
    key: str,
    kind: str,
    fields: Sequence[str],
    source: str,
    problems: list[str],
    error: type[Exception] = ValueError,
    also: str = "",
) -> Iterator[tuple[str, dict]]:
    """Each entry of the data file's top-level list ``key``, as ``(where, raw)``.

    ``where`` names the entry for messages ("replays.yaml: transcript 2 (hannah)"). An entry
    that is not a mapping, or lacks one of ``fields``, is recorded in ``problems`` and skipped;
    a reused id is recorded and the entry still yielded, so that its other problems are found
    too. No top-level list at all raises ``error``. ``also`` names what else a mapping holds.
    """
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise error(f"{source}: expected a top-level '{key}:' list")
    seen: set[str] = set()
    for n, raw in enumerate(data[key], start=1):
        where = f"{source}: {kind} {n}"
        if not isinstance(raw, dict):
            problems.append(f"{where}: expected a mapping with {', '.join(fields)}{also}")
            continue
        where = f"{where} ({raw.get('id', 'no id')})"
        missing = [f for f in fields if not _present(raw.get(f))]
        if missing:
            problems.append(f"{where}: missing {', '.join(missing)}")
            continue
        if raw["id"] in seen:
            problems.append(f"{where}: the id {raw['id']!r} is used twice")
        seen.add(raw["id"])
        yield where, raw
