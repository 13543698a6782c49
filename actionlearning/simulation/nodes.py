"""Reading typed values from YAML nodes, with every problem reported at its line.

The scenario checker reads a document composed by ``yaml.compose``, so every node keeps the
line it came from; :class:`NodeReader` turns nodes into text, ids and numbers, or records a
:class:`~actionlearning.simulation.problems.Problem` and returns ``None``.
"""

from __future__ import annotations

import difflib
import re
from typing import Iterable

from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from actionlearning.simulation.problems import Problem

ID = re.compile(r"^[a-z][a-z0-9_-]*$")  # member, moment and scenario ids
MEASURE = re.compile(r"^[a-z][a-z0-9_]*$")  # measure names


def line_of(node: Node) -> int:
    return node.start_mark.line + 1


def describe(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {
        "null": "empty",
        "bool": f"true/false ({node.value})",
        "int": f"a number ({node.value})",
        "float": f"a number ({node.value})",
    }.get(tag, f"text ('{clip(node.value)}')")


def clip(text: str, n: int = 30) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= n else text[: n - 1] + "…"


def suggest(word: str, options: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(options), n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def named(node: Node, fallback: str, noun: str) -> str:
    """"member 'ben'" when the mapping has a plain id, else the fallback ("member 2")."""
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "id" and isinstance(value, ScalarNode):
                if ID.match(value.value):
                    return f"{noun} '{value.value}'"
    return fallback


def fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else f"{x:g}"


class NodeReader:
    """Typed access to YAML nodes; what cannot be read is recorded in ``problems``."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []
        self._constructor = SafeConstructor()

    def add(self, where: Node | int | None, message: str) -> None:
        line = line_of(where) if isinstance(where, Node) else where
        self.problems.append(Problem(self.file, line, message))

    def mapping(self, node: Node, what: str, fields: dict[str, bool],
                missing: dict[str, str] | None = None) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.add(node, f"{what} should be a mapping of fields, not {describe(node)}")
            return None
        found: dict[str, Node] = {}
        lines: dict[str, int] = {}
        for key_node, value in node.value:
            if not isinstance(key_node, ScalarNode):
                self.add(key_node, f"{what}: a field name should be plain text")
                continue
            key = key_node.value
            if key in found or key in lines:
                self.add(key_node, f"{what} gives '{key}' twice (first at line {lines[key]})")
                continue
            lines[key] = line_of(key_node)
            if key not in fields:
                self.add(
                    key_node,
                    f"unknown field '{key}' in {what}{suggest(key, fields)} "
                    f"(fields: {', '.join(fields)})",
                )
                continue
            found[key] = value
        for name, required in fields.items():
            if required and name not in found and name not in lines:
                self.add(node, f"{what} has no '{name}'{(missing or {}).get(name, '')}")
        return found

    def sequence(self, node: Node, what: str) -> list[Node] | None:
        if not isinstance(node, SequenceNode):
            self.add(node, f"{what} should be a list, not {describe(node)}")
            return None
        return list(node.value)

    def text(self, node: Node, what: str) -> str | None:
        if not isinstance(node, ScalarNode):
            self.add(node, f"{what} should be text, not {describe(node)}")
            return None
        if node.tag.endswith(":null") or not node.value.strip():
            self.add(node, f"{what} is empty")
            return None
        return " ".join(node.value.split())

    def ident(self, node: Node, what: str, pattern: re.Pattern = ID) -> str | None:
        value = self.text(node, what)
        if value is not None and not pattern.match(value):
            allowed = "lower-case letters, digits and underscores" if pattern is MEASURE else (
                "lower-case letters, digits, hyphens and underscores"
            )
            self.add(node, f"{what} '{value}' should start with a letter and use only {allowed}")
            return None
        return value

    def number(self, node: Node, what: str, *, positive: bool = False,
               non_negative: bool = False) -> float | None:
        if not isinstance(node, ScalarNode) or not node.tag.endswith((":int", ":float")):
            self.add(node, f"{what} should be a number, not {describe(node)}")
            return None
        value = float(self._constructor.construct_object(node))
        if value != value or value in (float("inf"), float("-inf")):
            self.add(node, f"{what} should be a finite number, not {node.value}")
            return None
        if not (value * 4).is_integer():
            self.add(node, f"{what} is {node.value}; use whole minutes or halves or quarters "
                           "(0.5, 0.25), which keeps every sum exact")
            return None
        if positive and value <= 0:
            self.add(node, f"{what} should be more than 0, not {node.value}")
            return None
        if non_negative and value < 0:
            self.add(node, f"{what} should not be negative ({node.value})")
            return None
        return value

    def integer(self, node: Node, what: str, low: int, high: int) -> int | None:
        if not isinstance(node, ScalarNode) or not node.tag.endswith(":int"):
            self.add(node, f"{what} should be a whole number, not {describe(node)}")
            return None
        value = int(self._constructor.construct_object(node))
        if not low <= value <= high:
            self.add(node, f"{what} should be between {low} and {high}, not {value}")
            return None
        return value
