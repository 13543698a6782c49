"""Handing answers in as plain values, and reading them back where the grader can trust them.

In the trainee's kernel, a grade cell's visible half calls :func:`hand_in` with the answers it
marks. Each answer makes a JSON round trip, so what leaves the kernel is only ``str``, ``int``,
``float``, ``bool``, ``None``, ``list`` and ``dict``: an object that claims to equal anything,
a ``str`` subclass with a lying ``__eq__``, or a function cannot come through. The answers are
shown as an output of the cell, under a media type of their own.

The grader never asks the kernel anything else. After the notebook has run, it reads that
output from the saved notebook with :func:`read_answers`, which checks again that it holds
only plain values of a sensible size, and scores them with code the trainee's cells never
touched. Whatever the trainee's code does to the kernel, the most it can change is what is
handed in: the same as writing those answers.
"""

from __future__ import annotations

import json
import math
import numbers
from dataclasses import dataclass

MIME = "application/vnd.actionlearning.answers+json"
MAX_CHARS = 200_000  # of JSON: far above any honest answer, far below a memory problem
MAX_DEPTH = 12


def _as_json(value: object) -> object:
    """What JSON cannot hold, where a trainee might fairly use it: exact fractions, decimals and
    NumPy numbers become floats, sets become sorted lists. Anything else is refused."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, (set, frozenset)):
        return sorted((_plain(v) for v in value), key=repr)
    raise TypeError(f"{type(value).__name__} is not plain data")


def _plain(value: object) -> object:
    return json.loads(json.dumps(value, allow_nan=False, default=_as_json))


def hand_in(**answers: object) -> dict:
    """Hand the answers in for marking, as plain values; returns them as the grader will read them.

    Call it in a grade cell: ``answers = checks.hand_in(labels=labels)``. An answer that is not
    plain data is handed in as ``None`` and the output says why, so the self-check shows it.
    """
    plain: dict[str, object] = {}
    unreadable: dict[str, str] = {}
    for name, value in answers.items():
        try:
            plain[name] = _plain(value)
        except (TypeError, ValueError, RecursionError) as exc:
            plain[name] = None
            unreadable[name] = f"{type(value).__name__} is not plain data ({type(exc).__name__})"
    try:
        from IPython.display import display
    except ImportError:  # outside IPython there is no notebook to hand in to
        return plain
    summary = ", ".join(f"{n} ({'could not be read: ' + unreadable[n] if n in unreadable else 'read'})"
                        for n in answers) or "nothing"
    display({MIME: {"answers": plain, "unreadable": unreadable},
             "text/plain": f"Handed in for marking: {summary}."}, raw=True)
    return plain


@dataclass(frozen=True)
class HandedIn:
    """What a grade cell handed in, as read from the saved notebook; ``problem`` when it could
    not be read honestly (and then ``answers`` is empty)."""

    answers: dict
    problem: str = ""  # why nothing could be read: the cell then scores nothing
    remark: str = ""  # something odd about a hand-in that was read all the same
    unreadable: tuple[str, ...] = ()  # answers that were not plain data in the kernel


def read_answers(outputs: list) -> HandedIn:
    """The answers a grade cell's ``outputs`` hand in: the last hand-in output, checked again."""
    found = [o for o in outputs if o.get("output_type") in ("display_data", "execute_result")
             and MIME in (o.get("data") or {})]
    if not found:
        error = next((o for o in outputs if o.get("output_type") == "error"), None)
        why = (f"the cell stopped with {error.get('ename', 'an error')} before handing them in"
               if error else "the cell showed no hand-in output: the notebook's code may have "
               "changed how the kernel shows output")
        return HandedIn({}, f"no answers were handed in ({why})")
    try:  # the saved notebook's own JSON, as plain types (nbformat hands dict subclasses)
        text = json.dumps(found[-1]["data"][MIME], allow_nan=False)
    except (TypeError, ValueError, RecursionError) as exc:
        return HandedIn({}, f"the hand-in output cannot be read as JSON ({type(exc).__name__})")
    size = len(text)
    if size > MAX_CHARS:
        return HandedIn({}, f"the answers handed in are {size:,} characters long, over the limit "
                            f"of {MAX_CHARS:,}")
    bundle = json.loads(text)
    if not isinstance(bundle, dict) or not isinstance(bundle.get("answers"), dict):
        return HandedIn({}, "the hand-in output is not in the shape hand_in() writes")
    why = _not_plain(bundle["answers"])
    if why:
        return HandedIn({}, f"the answers handed in are not plain values ({why})")
    unreadable = bundle.get("unreadable") if isinstance(bundle.get("unreadable"), dict) else {}
    remark = (f"the cell handed in {len(found)} times (the notebook's code may have added "
              "outputs); the last was read") if len(found) > 1 else ""
    return HandedIn(bundle["answers"], remark=remark, unreadable=tuple(sorted(map(str, unreadable))))


def _not_plain(value: object, depth: int = 0) -> str:
    if depth > MAX_DEPTH:
        return f"nested more than {MAX_DEPTH} deep"
    if value is None or type(value) in (str, int, bool):
        return ""
    if type(value) is float:
        return "" if math.isfinite(value) else "a number that is not finite"
    if type(value) is list:
        return next((w for w in (_not_plain(v, depth + 1) for v in value) if w), "")
    if type(value) is dict:
        if not all(type(k) is str for k in value):
            return "a key that is not text"
        return next((w for w in (_not_plain(v, depth + 1) for v in value.values()) if w), "")
    return f"a value of type {type(value).__name__}"
