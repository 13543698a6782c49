"""What each batch found, per session and trainee: kept in ``records/SESSION.json``.

nbgrader's gradebook holds the scores; these records hold what it does not: why a submission
could not be collected or graded, and the notes on work graded all the same. Each trainee's
entry is written as soon as their step is done (atomically), so an interrupted batch loses
nothing and a rerun picks up where it stopped.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from actionlearning.cohort.problems import Problem
from actionlearning.cohort.store import Cohort, write_private

STEPS = ("exchange", "returned", "screen", "autograde", "feedback")


class Records:
    def __init__(self, cohort: Cohort, session: str):
        self.path = cohort.root / "records" / f"{session}.json"
        self.data = self._load()
        # this batch's own folder of logs, made when the first is kept: a rerun never overwrites them
        started = datetime.now(timezone.utc)
        self.logs = cohort.root / "logs" / session / f"{started:%Y-%m-%dT%H%M%S.%fZ}-{os.getpid()}"

    def _load(self) -> dict:
        if not self.path.is_file():
            return {"trainees": {}, "unmatched": {}}
        try:
            return json.loads(self.path.read_text("utf-8"))
        except ValueError:
            damaged = self.path.with_suffix(".damaged.json")
            self.path.replace(damaged)  # keep it for the trainer; start afresh
            return {"trainees": {}, "unmatched": {}}

    def save(self) -> None:
        write_private(self.path, json.dumps(self.data, indent=1, ensure_ascii=False) + "\n")

    def step(self, trainee: str, step: str) -> dict:
        return self.data["trainees"].get(trainee, {}).get(step, {})

    def set(self, trainee: str, step: str, problems: list[Problem], **extra) -> None:
        entry = {"at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                 "problems": [p.to_dict() for p in problems], **extra}
        self.data["trainees"].setdefault(trainee, {})[step] = entry
        self.save()

    def clear(self, trainee: str, step: str) -> None:
        if self.data["trainees"].get(trainee, {}).pop(step, None) is not None:
            self.save()

    def problems(self, trainee: str, *steps: str) -> list[Problem]:
        found = []
        for step in steps or STEPS:
            found += [Problem.from_dict(p) for p in self.step(trainee, step).get("problems", [])]
        return found

    def set_unmatched(self, channel: str, problems: list[Problem]) -> None:
        self.data.setdefault("unmatched", {})[channel] = [p.to_dict() for p in problems]
        self.save()

    def unmatched(self) -> list[Problem]:
        return [Problem.from_dict(p) for ps in self.data.get("unmatched", {}).values() for p in ps]


def keep_log(records: Records, trainee: str, step: str, result: dict | None) -> Path:
    """Keep nbgrader's log of a step (its traceback too, on failure) in the batch's own folder,
    readable by the owner only."""
    path = records.logs / f"{trainee}-{step}.log"
    text = (result or {}).get("log") or ""
    if result and result.get("error"):
        text += "\n" + result["error"]
    write_private(path, text)
    return path
