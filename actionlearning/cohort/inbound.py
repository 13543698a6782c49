"""The exchange's inbound folder, read without trusting it.

On a shared exchange every trainee can write to ``inbound/``, and an entry's name says whose
submission it is: anyone could make one in another trainee's name, with any time in it. The
computer account that made an entry cannot be forged, so an entry is a trainee's own only when
their account owns it (the roster's ``username``, else their id). nbgrader's collect checks the
owner too, but only logs a warning and collects the forgery; here a forgery is never collected,
and :class:`OwnedCollect` (nbgrader's collect, of exactly the entry chosen) copies the entry
without following links or reading pipes.
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nbgrader.exchange.default.collect import ExchangeCollect
from nbgrader.utils import ignore_patterns, parse_utc
from traitlets import Bool, List, Unicode

from actionlearning.cohort.problems import Problem
from actionlearning.cohort.roster import Trainee
from actionlearning.cohort.store import Cohort
from actionlearning.cohort.untrusted import Skipped, copy_tree, printable


@dataclass(frozen=True)
class Entry:
    """One submission in the exchange: who it names, when it says it was made, who made it."""

    path: Path
    claims: str  # the account or id before the first "+"
    when: datetime | None  # naive UTC, from the name
    owner: str  # the account that owns it
    is_folder: bool  # a real folder, not a link or a file

    @property
    def shown(self) -> str:
        return printable(self.path.name)


def inbound(cohort: Cohort) -> Path:
    return Path(cohort.exchange) / cohort.course_id / "inbound"


def account_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return f"uid {uid}"


def entries(cohort: Cohort, session: str) -> list[Entry]:
    """Each submission of ``session`` in the exchange (links and files included, never followed)."""
    found = []
    folder = inbound(cohort)
    if not folder.is_dir():
        return found
    for path in folder.glob(f"*+{session}+*"):
        parts = path.name.rsplit("+", 3)  # as nbgrader splits it: user+assignment+time[+random]
        if len(parts) < 3 or parts[1] != session:
            continue
        try:
            when = parse_utc(parts[2])
        except (ValueError, OverflowError):
            when = None
        info = path.lstat()
        found.append(Entry(path, parts[0], when, account_name(info.st_uid), stat.S_ISDIR(info.st_mode)))
    return sorted(found, key=lambda e: (e.when or datetime.min, e.path.name), reverse=True)


def claimed_by(trainee: Trainee, all_entries: list[Entry]) -> list[Entry]:
    """The entries in ``trainee``'s name (their account or their id), newest first."""
    return [e for e in all_entries if e.claims in (trainee.id, trainee.account)]


def is_own(entry: Entry, trainee: Trainee, check_owner: bool = True) -> bool:
    """Whether ``entry`` is the trainee's own: a real folder, made by their account."""
    return entry.is_folder and (not check_owner or entry.owner == trainee.account)


class OwnedCollect(ExchangeCollect):
    """nbgrader's collect of one chosen entry, into the trainee's roster id, copied without
    following links or reading pipes and devices (what is left out is kept in ``skipped``)."""

    entry = Unicode(help="the inbound folder to collect")
    trainee = Unicode(help="the roster id to collect it for")
    replace = Bool(False, help="replace what was collected before, even if its time is later "
                               "(it came from a forgery)")
    skipped = List()

    def init_src(self):
        super().init_src()  # checks the course and the permissions
        record = self._path_to_record(self.entry)
        record["username"] = self.trainee
        self.src_records = [record]

    def copy_files(self):
        dest = self.coursedir.format_path(self.coursedir.submitted_directory, self.trainee,
                                          self.coursedir.assignment_id)
        if self.replace and os.path.isdir(dest):
            shutil.rmtree(dest)
        super().copy_files()

    def do_copy(self, src, dest, log=None):
        """As nbgrader's, but never through a link, a pipe or a device."""
        dir_size = self.get_size(src)  # nbgrader's own limit on the whole submission
        if dir_size > 1000 * self.coursedir.max_dir_size:
            raise RuntimeError(f"Directory size is too big. Size is {dir_size}, maximum size is "
                               f"{1000 * self.coursedir.max_dir_size}")
        self.skipped = copy_tree(Path(src), Path(dest), label=printable(Path(src).name), ignore=ignore_patterns(
            exclude=self.coursedir.ignore, include=self.coursedir.include,
            max_file_size=self.coursedir.max_file_size, log=self.log))


def skipped_problems(skipped: list[Skipped]) -> list[Problem]:
    return [Problem(s.kind, f"{s.shown} in the submission was left out: {s.why}",
                    "nothing, unless it is the notebook: then ask the trainee to submit the file itself")
            for s in skipped]
