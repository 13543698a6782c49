"""Benchmark for trustworthy marks: cheats tried and marks gained, blind gaming answers tried
and marks gained (the goal for both is 0), and an estimate of the trainer's manual marking time.

The cheats (tests/data/gaming/cheats.yaml) run through nbgrader with the workbook's own
configuration, every cheat against every exercise; the tests run a subset of them. The gaming
answers are scored as autograde scores them. The marking time is an estimate from the masters:
reading what the trainee writes at 200 words a minute, about 30 seconds per rubric criterion,
and a minute and a half to write a comment on each part the trainer marks.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from pathlib import Path

import yaml

from tests.conftest import REPO
from tests.grading_support import (
    SESSIONS,
    Course,
    marking_cell,
    score_answer,
    source_of,
    with_code_first,
)

GAMING = REPO / "tests" / "data" / "gaming"
READING_WPM = 200
MINUTES_PER_CRITERION = 0.5
MINUTES_PER_COMMENT = 1.5
# The blind corpora's first score, before any check was tuned on them (session 1's answers were
# re-keyed to the reordered items, nothing else changed): 259 of 273 answers scored as a fair
# marker would. Kept here so later figures can be read against it.
FIRST_BLIND_SCORE = (259, 273)


def _cheats() -> None:
    cheats = yaml.safe_load((GAMING / "cheats.yaml").read_text("utf-8"))["cheats"]
    with tempfile.TemporaryDirectory() as tmp:
        course = Course(Path(tmp) / "course")
        gained, tried, stopped, seconds = 0.0, 0, 0, []
        for sid in SESSIONS:
            name, notebook = course.released(sid)
            blank = course.autograde("blank", sid, name, notebook)
            for cheat in cheats:
                started = time.perf_counter()
                graded = course.autograde(f"{cheat['id']}", sid, name, with_code_first(notebook, cheat["code"]))
                seconds.append(time.perf_counter() - started)
                tried += 1
                if not graded.ok:
                    stopped += 1
                    continue
                gained += sum(max(0.0, s - blank.scores.get(c, 0.0)) for c, s in graded.scores.items())
            print(f"  {sid}: {len(cheats)} cheats tried", flush=True)
    print(f"cheats: {tried} tried ({len(cheats)} cheats x {len(SESSIONS)} exercises), "
          f"marks gained over a blank submission: {gained:g} (goal 0); "
          f"{stopped} stopped the notebook and were reported as failures")
    print(f"autograde time per cheating notebook: median {sorted(seconds)[len(seconds) // 2]:.2f} s")


def _gaming() -> None:
    good = adversarial = 0
    lost_good = gained_bad = 0.0
    for sid in SESSIONS:
        master = json.loads(next((REPO / "source" / sid).glob("*.ipynb")).read_text("utf-8"))
        for item in yaml.safe_load((GAMING / f"{sid}.yaml").read_text("utf-8"))["items"]:
            if marking_cell(master, item["answer_cell"]) is None:
                continue
            for entry in item["good"]:
                fraction, _ = score_answer(master, item["answer_cell"], entry["code"])
                good += 1
                lost_good += 1 - fraction
            for entry in item["adversarial"]:
                fraction, _ = score_answer(master, item["answer_cell"], entry["code"])
                adversarial += 1
                gained_bad += fraction
    print(f"gaming answers (written blind): {adversarial} tried, marks gained {gained_bad:.2f} items' "
          f"worth (goal 0); good answers: {good} tried, marks missed {lost_good:.2f} items' worth "
          f"(goal 0)")
    print(f"first score on the blind corpora, before tuning: {FIRST_BLIND_SCORE[0]} of "
          f"{FIRST_BLIND_SCORE[1]} ({100 * FIRST_BLIND_SCORE[0] / FIRST_BLIND_SCORE[1]:.0f}%)")


def _words_expected(prompt: str, answer: str) -> int:
    """How much the trainee writes for one part: the prompt's own word range if it gives one,
    else the length of the master's model answer."""
    found = re.findall(r"(\d+)\s+(?:to|and)\s+(\d+)\s+words", prompt)
    if found:
        return int(found[-1][1])
    solution = answer.split("### BEGIN SOLUTION")[-1].split("### END SOLUTION")[0]
    return len(re.findall(r"[A-Za-z']+", solution))


def marking_minutes(master: dict) -> float:
    """Estimated minutes for the trainer to mark one trainee's notebook."""
    cells = master["cells"]
    minutes = 0.0
    for i, cell in enumerate(cells):
        md = cell["metadata"].get("nbgrader", {})
        if not md.get("task"):
            continue
        text = source_of(cell)
        scheme = text.split("=== BEGIN MARK SCHEME ===")[-1].split("=== END MARK SCHEME ===")[0]
        criteria = len(re.findall(r"^\s*(?:\d+\.|-)\s+\*\*", scheme, flags=re.M)) or 1
        answer = next((source_of(c) for c in cells[i + 1:] if c["metadata"].get("nbgrader", {}).get("solution")
                       or c["cell_type"] == "markdown"), "")
        minutes += _words_expected(text, answer) / READING_WPM
        minutes += criteria * MINUTES_PER_CRITERION + MINUTES_PER_COMMENT
    return minutes


def _marking_time() -> None:
    per = {}
    for sid in SESSIONS:
        master = json.loads(next((REPO / "source" / sid).glob("*.ipynb")).read_text("utf-8"))
        per[sid] = marking_minutes(master)
    shown = ", ".join(f"{sid[-2:]}: {m:.1f}" for sid, m in per.items())
    mean = sum(per.values()) / len(per)
    print(f"trainer's marking per trainee per week (estimate, minutes): {shown}")
    print(f"  mean {mean:.1f}, most {max(per.values()):.1f} (aim at most 10)")


def run() -> None:
    _gaming()
    _marking_time()
    _cheats()


if __name__ == "__main__":
    run()
