"""The facilitator competence framework: competences, behavioural indicators at three levels, and
the stages of practice after the course.

Everything comes from ``data/competences.yaml``, the one source of truth that the handbook's
framework page, the observation sheets, the portfolio and readiness review and the supervision
log's trajectory all read.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from actionlearning.course.datafiles import by_id, entries, read_yaml

SOURCE = "competences.yaml"
DATA = resources.files("actionlearning.course").joinpath("data", SOURCE)


class FrameworkError(ValueError):
    """The competence framework's data file is malformed."""


@dataclass(frozen=True)
class Level:
    id: str
    name: str
    meaning: str


@dataclass(frozen=True)
class Competence:
    id: str
    name: str
    summary: str
    sessions: tuple[int, ...]
    indicators: Mapping[str, tuple[str, ...]]  # level id -> observable behaviours
    look_for: tuple[str, ...]


@dataclass(frozen=True)
class Stage:
    id: str
    name: str
    all_at: str  # the level every competence must reach
    established: tuple[str, ...]  # competences that must be established


@dataclass(frozen=True)
class Framework:
    levels: tuple[Level, ...]
    stages: tuple[Stage, ...]
    competences: tuple[Competence, ...]

    def competence(self, competence_id: str) -> Competence:
        return by_id(self.competences, competence_id, "competence")

    def level(self, level_id: str) -> Level:
        return by_id(self.levels, level_id, "level")

    def rank(self, level_id: str) -> int:
        """1 for the first level, 2 for the next..."""
        return [lv.id for lv in self.levels].index(self.level(level_id).id) + 1

    def stage_reached(self, ratings: Mapping[str, str]) -> Stage | None:
        """The furthest stage of practice that ``ratings`` (competence id -> level id, every
        competence rated) meet, or None when not even the first."""
        self.check_ratings(ratings, where="the ratings")
        reached = None
        for stage in self.stages:
            floor = self.rank(stage.all_at)
            if all(self.rank(r) >= floor for r in ratings.values()) and all(
                self.rank(ratings[c]) >= len(self.levels) for c in stage.established
            ):
                reached = stage
        return reached

    def check_ratings(self, ratings: Mapping[str, str], where: str) -> None:
        """Raise FrameworkError naming every unknown competence or level, and any missing one."""
        problems = []
        known = {c.id for c in self.competences}
        levels = {lv.id for lv in self.levels}
        for competence_id, level_id in ratings.items():
            if competence_id not in known:
                problems.append(f"{competence_id!r} is not a competence (known: {', '.join(sorted(known))})")
            elif level_id not in levels:
                problems.append(
                    f"{competence_id}: {level_id!r} is not a level (choose {', '.join(lv.id for lv in self.levels)})"
                )
        missing = [c.id for c in self.competences if c.id not in ratings]
        if missing:
            problems.append(f"no rating for {', '.join(missing)}")
        if problems:
            raise FrameworkError(f"{where}: " + "; ".join(problems))


@cache
def load_framework() -> Framework:
    return parse_framework(read_yaml(SOURCE))


def parse_framework(data: object, source: str = SOURCE) -> Framework:
    """Build the framework from parsed YAML, naming every problem at once."""
    problems: list[str] = []
    if not isinstance(data, dict):
        raise FrameworkError(f"{source}: expected a mapping with levels, stages and competences")
    levels = tuple(
        Level(str(raw["id"]), str(raw["name"]), str(raw["meaning"]))
        for _, raw in entries(data, "levels", "level", ("id", "name", "meaning"), source, problems, FrameworkError)
    )
    level_ids = [lv.id for lv in levels]
    competences = []
    for where, raw in entries(
        data, "competences", "competence", ("id", "name", "summary", "sessions", "indicators", "look_for"),
        source, problems, FrameworkError,
    ):
        indicators = raw["indicators"]
        if not isinstance(indicators, dict) or sorted(indicators) != sorted(level_ids):
            problems.append(f"{where}: indicators must give each level ({', '.join(level_ids)}) its own list")
            continue
        if not all(isinstance(v, list) and v for v in indicators.values()):
            problems.append(f"{where}: each level's indicators must be a non-empty list")
            continue
        competences.append(
            Competence(
                id=str(raw["id"]),
                name=str(raw["name"]),
                summary=str(raw["summary"]),
                sessions=tuple(int(n) for n in raw["sessions"]),
                indicators={lv: tuple(map(str, indicators[lv])) for lv in level_ids},
                look_for=tuple(map(str, raw["look_for"])),
            )
        )
    competence_ids = {c.id for c in competences}
    stages = []
    for where, raw in entries(data, "stages", "stage", ("id", "name", "requires"), source, problems, FrameworkError):
        requires = raw["requires"] if isinstance(raw["requires"], dict) else {}
        all_at = str(requires.get("all", ""))
        established = tuple(map(str, requires.get("established", ())))
        if all_at not in level_ids:
            problems.append(f"{where}: requires.all must be one of {', '.join(level_ids)}, not {all_at!r}")
        unknown = [c for c in established if c not in competence_ids]
        if unknown:
            problems.append(f"{where}: requires.established names unknown competences: {', '.join(unknown)}")
        stages.append(Stage(str(raw["id"]), str(raw["name"]), all_at, established))
    if not 8 <= len(competences) <= 12:
        problems.append(f"{source}: the framework has {len(competences)} competences; it should have 8 to 12")
    if problems:
        raise FrameworkError("\n".join(problems))
    return Framework(levels, tuple(stages), tuple(competences))


# --- Markdown for the handbook --------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def framework_markdown(framework: Framework | None = None) -> str:
    """Each competence under its own heading: what it is for, then a table of its indicators at
    each level (the levels as columns, so a reader sees growth along a row)."""
    fw = framework or load_framework()
    out = []
    for n, c in enumerate(fw.competences, start=1):
        sessions = ", ".join(str(s) for s in c.sessions)
        label = "Session" if len(c.sessions) == 1 else "Sessions"
        out += [f"### {n}. {c.name}", "", f"{c.summary} *{label} {sessions}.*", ""]
        out.append("| " + " | ".join(lv.name for lv in fw.levels) + " |")
        out.append("|" + "---|" * len(fw.levels))
        depth = max(len(v) for v in c.indicators.values())
        for i in range(depth):
            cells = [_cell(c.indicators[lv.id][i]) if i < len(c.indicators[lv.id]) else "" for lv in fw.levels]
            out.append("| " + " | ".join(cells) + " |")
        out.append("")
    return "\n".join(out)


def levels_markdown(framework: Framework | None = None) -> str:
    fw = framework or load_framework()
    rows = ["| Level | What it looks like |", "|---|---|"]
    rows += [f"| **{lv.name}** | {_cell(lv.meaning)} |" for lv in fw.levels]
    return "\n".join(rows)


def stages_markdown(framework: Framework | None = None) -> str:
    """The stages of practice and what each asks of the competences."""
    fw = framework or load_framework()
    rows = ["| Stage of practice | Every competence at least | And established |", "|---|---|---|"]
    for stage in fw.stages:
        established = ", ".join(fw.competence(c).name for c in stage.established) or "—"
        rows.append(f"| {stage.name} | {fw.level(stage.all_at).name} | {_cell(established)} |")
    return "\n".join(rows)


def self_assessment_markdown(framework: Framework | None = None) -> str:
    """A grid to print or copy: each competence against the levels, with room for evidence."""
    fw = framework or load_framework()
    rows = ["| Competence | " + " | ".join(lv.name for lv in fw.levels) + " | Evidence (when, what happened) |"]
    rows.append("|---|" + ":---:|" * len(fw.levels) + "---|")
    for n, c in enumerate(fw.competences, start=1):
        rows.append(f"| {n}. {_cell(c.name)} | " + " | ".join("☐" for _ in fw.levels) + " | |")
    return "\n".join(rows)
