"""The workbook's own data files (actionlearning/data/*.yaml): reading them, and finding an
entry by its id with an error that lists the ones there are."""

from __future__ import annotations

from collections.abc import Iterable
from importlib import resources
from typing import TypeVar

import yaml

T = TypeVar("T")


def read_yaml(name: str) -> object:
    """The parsed YAML of ``data/<name>`` inside the package."""
    return yaml.safe_load(resources.files("actionlearning").joinpath("data", name).read_text("utf-8"))


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
