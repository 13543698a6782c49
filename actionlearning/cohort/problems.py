"""What went wrong with one trainee's work, said so a trainer can act on it.

A :class:`Problem` names what was wrong, where (file, line, cell), and what to do. ``fatal``
problems stop that trainee's submission from being graded; the others are notes on work that
was graded all the same. Problems are stored in the cohort's records, so they are plain data.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


class CohortError(RuntimeError):
    """A command cannot go ahead; the message says what, where and what to do."""


@dataclass(frozen=True)
class Problem:
    kind: str  # a stable slug: "corrupt-json", "not-utf8", "kernel-died"... (safe to anonymise)
    what: str  # what was wrong, and where
    todo: str = ""  # what the trainer can do about it
    fatal: bool = False  # True when the work could not be graded because of it

    def __str__(self) -> str:
        return f"{self.what}. {self.todo}" if self.todo else self.what

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict) -> Problem:
        return cls(**{k: data[k] for k in ("kind", "what", "todo", "fatal") if k in data})


def first_fatal(problems: list[Problem]) -> Problem | None:
    return next((p for p in problems if p.fatal), None)
