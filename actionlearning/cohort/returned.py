"""Notebooks returned outside the exchange: by email, or downloaded from a learning platform.

nbgrader's ZipCollect does the extracting and the copying into ``submitted/``; this module
decides which file is whose, from the trainee id in its name (or in a folder's name above it),
and what to do with files that are not notebooks, name nobody on the roster, or come several
times from one trainee. The plan is plain data, made by :func:`plan_returned` and handed to
:class:`ReturnedCollector`, nbgrader's collector plugin for the cohort.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from nbgrader.plugins import ExtractorPlugin, FileNameCollectorPlugin
from traitlets import Dict

from actionlearning.cohort.problems import Problem
from actionlearning.cohort.untrusted import Skipped, printable

NOTEBOOK = ".ipynb"


@dataclass(frozen=True)
class ReturnedFile:
    path: Path  # where nbgrader extracted it
    shown: str  # its path inside what the trainer gave, for messages
    modified: datetime  # aware
    digest: str


@dataclass
class Plan:
    """What to collect: ``chosen`` maps an extracted file to (trainee id, notebook name, timestamp)."""

    chosen: dict[str, tuple[str, str, datetime]] = field(default_factory=dict)
    problems: dict[str, list[Problem]] = field(default_factory=dict)  # by trainee id
    unmatched: list[Problem] = field(default_factory=list)  # files that name nobody on the roster

    def add(self, trainee: str, problem: Problem) -> None:
        self.problems.setdefault(trainee, []).append(problem)


def _boundary(word: str) -> re.Pattern:
    return re.compile(rf"(?<![a-z0-9]){re.escape(word)}(?![a-z0-9])")


def find_trainee(shown: str, ids: list[str], notebooks: list[str]) -> list[str]:
    """The roster ids that appear in ``shown`` (a file's path) as whole words; the notebook names
    are removed first, so that an id such as ``why`` is not found in ``why-action-learning``."""
    text = shown.lower()
    for nb in notebooks:
        text = text.replace(Path(nb).stem.lower(), " ")
    hits = [i for i in ids if _boundary(i).search(text)]
    # an id found only inside a longer id that was also found (t1 inside t1-b) does not count
    return [i for i in hits if not any(i != j and i in j and _boundary(j).search(text) for j in hits)]


def match_notebook(filename: str, notebooks: list[str]) -> str | None:
    """Which released notebook a returned file is: the only one, or the one its name contains."""
    if len(notebooks) == 1:
        return notebooks[0]
    lower = filename.lower()
    named = [nb for nb in notebooks if Path(nb).stem.lower() in lower]
    return max(named, key=len) if named else None


def plan_returned(
    files: list[ReturnedFile],
    ids: list[str],
    notebooks: list[str],
    existing: dict[str, tuple[datetime | None, dict[str, str]]],
) -> Plan:
    """Decide what to collect. ``existing`` maps a trainee id to the timestamp and the notebook
    digests of the submission already collected for them, if any."""
    plan = Plan()
    candidates: dict[tuple[str, str], list[ReturnedFile]] = {}
    others: dict[str, list[ReturnedFile]] = {}
    for f in sorted(files, key=lambda f: f.shown):
        found = find_trainee(f.shown, ids, notebooks)
        if not found:
            plan.unmatched.append(Problem(
                "unknown-trainee",
                f"{f.shown} names no trainee on the roster",
                "if it is a trainee's work, rename it with their roster id in the name (for example "
                f"<id>-{notebooks[0] if notebooks else 'exercise.ipynb'}) and collect again; otherwise ignore it",
                fatal=True))
            continue
        if len(found) > 1:
            plan.unmatched.append(Problem(
                "ambiguous-trainee", f"{f.shown} names more than one trainee ({', '.join(found)})",
                "rename it so that only its owner's id appears, and collect again", fatal=True))
            continue
        tid = found[0]
        if not f.path.name.lower().endswith(NOTEBOOK):
            others.setdefault(tid, []).append(f)
            continue
        nb = match_notebook(f.path.name, notebooks)
        if nb is None:
            plan.add(tid, Problem(
                "unknown-notebook", f"{f.shown} is not one of this exercise's notebooks "
                f"({', '.join(notebooks)})", "rename it after the notebook it answers and collect again",
                fatal=True))
            continue
        candidates.setdefault((tid, nb), []).append(f)

    chosen_for: dict[str, list[str]] = {}
    for (tid, nb), group in sorted(candidates.items()):
        group = sorted(group, key=lambda f: f.modified, reverse=True)
        newest = group[0]
        distinct = {f.digest for f in group}
        if len(group) > 1 and len(distinct) > 1:
            if group[1].modified == newest.modified:
                plan.add(tid, Problem(
                    "several-submissions",
                    f"{len(group)} different copies of {nb} from this trainee with the same time "
                    f"({', '.join(f.shown for f in group)}), so which is the latest cannot be told",
                    "keep only the one to grade in the zip or folder, and collect again", fatal=True))
                continue
            plan.add(tid, Problem(
                "several-submissions",
                f"{len(group)} copies of {nb} from this trainee; collected the newest, {newest.shown} "
                f"({newest.modified:%Y-%m-%d %H:%M}), and ignored {', '.join(f.shown for f in group[1:])}",
                "nothing, unless another copy is the one to grade: then remove the others and collect again"))
        before_time, before_digests = existing.get(tid, (None, {}))
        if before_digests.get(nb) == newest.digest:
            chosen_for.setdefault(tid, []).append("unchanged")
            continue
        if before_time is not None and newest.modified <= before_time:
            plan.add(tid, Problem(
                "several-submissions",
                f"{newest.shown} ({newest.modified:%Y-%m-%d %H:%M}) is older than the submission "
                f"already collected ({before_time:%Y-%m-%d %H:%M}); kept that one",
                "nothing, unless this file is the one to grade"))
            continue
        if before_time is not None:
            plan.add(tid, Problem(
                "several-submissions",
                f"{newest.shown} replaces the submission collected earlier ({before_time:%Y-%m-%d %H:%M})",
                "nothing"))
        plan.chosen[str(newest.path)] = (tid, nb, newest.modified)
        chosen_for.setdefault(tid, []).append(nb)

    for tid, group in others.items():
        names = ", ".join(f.shown for f in group)
        has_notebook = tid in chosen_for or bool(existing.get(tid, (None, {}))[1])
        plan.add(tid, Problem(
            "not-a-notebook",
            f"{names} {'is' if len(group) == 1 else 'are'} not a notebook" + (
                "; ignored" if has_notebook else ", and no notebook came from this trainee"),
            "ask the trainee to send the .ipynb file itself (in JupyterLab: File > Download); "
            "then collect again", fatal=not has_notebook))
    return plan


def left_out(plan: Plan, skipped: list[Skipped], given: str, ids: list[str], notebooks: list[str]) -> None:
    """Report the files left out of what was given (links, pipes, unsafe paths, files too large):
    against the trainee a file names, when it names one, else as unmatched."""
    collected = {tid for tid, _, _ in plan.chosen.values()}
    for item in skipped:
        found = find_trainee(item.shown, ids, notebooks)
        mine = found[0] if len(found) == 1 else None
        problem = Problem(item.kind, f"{item.shown} in {printable(given)} was left out: {item.why}",
                          "if it is a trainee's work, ask them to send the notebook file itself; "
                          "otherwise nothing", fatal=mine not in collected)
        if mine:
            plan.add(mine, problem)
        else:
            plan.unmatched.append(problem)


# --- nbgrader's ZipCollect plugins for the cohort --------------------------------------------


class ReturnedExtractor(ExtractorPlugin):
    """nbgrader's extractor, keeping each file's time (that of the file given, or of its entry in
    the zip it came in), so that the newest of several copies, and lateness, can be told. The
    files it is given are plain files: zips were unpacked, bounded, before (see ``untrusted``)."""

    def extract(self, archive_path: str, extracted_path: str) -> None:
        super().extract(archive_path, extracted_path)
        for folder, _, names in os.walk(archive_path):
            rel = os.path.relpath(folder, archive_path)
            for name in names:
                stamp = os.stat(os.path.join(folder, name)).st_mtime
                target = os.path.normpath(os.path.join(extracted_path, rel, name))
                if os.path.isfile(target):
                    os.utime(target, (stamp, stamp))


class ReturnedCollector(FileNameCollectorPlugin):
    """nbgrader's collector plugin, following the cohort's plan: the files it chose, no others."""

    plan = Dict({}, help="extracted path -> [student_id, file_id, ISO timestamp]").tag(config=True)

    def collect(self, submitted_file: str):
        chosen = self.plan.get(os.path.normpath(submitted_file))
        if not chosen:
            return None
        student_id, file_id, timestamp = chosen
        return {"student_id": student_id, "file_id": file_id, "timestamp": timestamp}
