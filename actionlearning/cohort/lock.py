"""One writer at a time: the commands that change a cohort (release, collect, autograde,
feedback) each hold the cohort's lock while they run.

Two at once would each read the records, the gradebook and the submissions, change them and
write them back, losing the other's changes: two autogrades fail trainees with a database
IntegrityError, and a collect during an autograde loses what collect found. So a second
command waits for the first, saying which one it is waiting for (or, asked not to wait,
refuses). The lock is the operating system's (``flock``), so it is let go however a command
ends, even killed, and never needs clearing by hand.
"""

from __future__ import annotations

import fcntl
import functools
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime

from actionlearning.cohort.problems import CohortError

LOCK = ".lock"


class CohortBusy(CohortError):
    """Another command is writing to the cohort, and this one was asked not to wait."""


def _say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _holder(fd: int) -> str:
    """Which command holds the lock, as it wrote when it took it."""
    try:
        data = json.loads(os.pread(fd, 4096, 0) or b"{}")
        started = datetime.fromisoformat(data["started"])
        return f"`{data['command']}` (process {data['pid']}, running since {started:%H:%M:%S})"
    except (ValueError, KeyError, TypeError):
        return "another command"


@contextmanager
def writing(cohort, command: str, *, wait: bool = True,
            waiting: Callable[[str], None] = _say) -> Iterator[None]:
    """Hold ``cohort``'s lock for ``command``; when another holds it, wait (telling ``waiting``
    which command is being waited for) or, unless ``wait``, raise :class:`CohortBusy`."""
    fd = os.open(cohort.root / LOCK, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            busy = f"{_holder(fd)} is changing the cohort {cohort.name}"
            if not wait:
                raise CohortBusy(f"{busy}, so {command} did nothing: run it again when that has "
                                 "finished.") from None
            waiting(f"Waiting: {busy}; {command} starts when that has finished (Ctrl-C stops waiting).")
            fcntl.flock(fd, fcntl.LOCK_EX)
        note = {"command": command, "pid": os.getpid(), "started": datetime.now().isoformat(timespec="seconds")}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(note).encode(), 0)
        yield
    finally:
        os.close(fd)  # lets the lock go


def one_writer(command: str):
    """Run the decorated function, whose first argument is a cohort, holding that cohort's lock."""
    def decorate(function):
        @functools.wraps(function)
        def wrapped(cohort, *args, **kwargs):
            with writing(cohort, command):
                return function(cohort, *args, **kwargs)
        return wrapped
    return decorate
