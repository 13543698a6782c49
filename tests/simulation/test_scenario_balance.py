"""Balance across the scenario library: the simulated rounds must not teach a formula.

A blind review of the nine rounds found two: holding a silence was almost always the worst
thing a facilitator could do, and asking for a commitment from 1 to 10 was the key to the best
ending. Holding a silence and failing to intervene are different things, and a slot can close
well in more than one way. These tests look at the whole library and fail if either formula
returns, naming the scenario and the moment where it does.

How an option is ranked: at each decision point, by the sum of its effects on the scenario's
measures (what the debrief shows a trainee). The experienced facilitator's choice must be among
the best by that sum, so "best" means the same thing to the tests, the debrief and the author.
A silence-like option is one whose move is ``silence`` (the schema's "stay silent and let the
set work"), whether it holds a silence or lets something run. A rating is an option that asks
for a number on a scale ("from 1 to 10").

Run this file as a script for the figures, on the library or on a folder of scenario files:
``.venv/bin/python -m tests.simulation.test_scenario_balance [folder]``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter, defaultdict, deque
from pathlib import Path
from typing import Iterable, NamedTuple

import pytest

from actionlearning.simulation import Choice, Moment, Scenario, check_text, load_library

LIBRARY = load_library()

#: Bounds the library must keep, with the figures it had when the review found the formulas.
SILENCE_BEST_AT_LEAST = 0.25  # of silence-like options, the share that are the best option
SILENCE_WORST_AT_MOST = 0.50  # ... and the share that are the worst (was 49 of 71, 69%)
RATING_EXPERT_AT_MOST = 0.50  # of rating options, the share that are the expert's choice
TYPE_BEST_AT_MOST = 0.45  # of decision points, the share at which any one move is best (was 50%)

RATING = re.compile(r"\b1 to 10\b|\bscale of\b|\bout of (10|ten)\b", re.I)
SILENCE_OPENING = re.compile(
    r"^(say nothing|stay (quiet|silent)|(hold|keep) the silence|wait\b|nod,? and wait)", re.I
)


class Option(NamedTuple):
    scenario: Scenario
    moment: Moment
    index: int  # 0-based
    choice: Choice
    rank: str  # best, worst, middle, or level (every option scores the same)

    @property
    def where(self) -> str:
        return f"{self.scenario.id}/{self.moment.id} (choice {self.index + 1})"


def score(choice: Choice) -> float:
    return sum(choice.effects.values())


def is_silence(choice: Choice) -> bool:
    return choice.move == "silence"


def is_rating(choice: Choice) -> bool:
    return bool(RATING.search(choice.label))


def kind(choice: Choice) -> str:
    """The kind of move, with a 1-to-10 rating counted as a kind of its own."""
    return "rating" if is_rating(choice) else choice.move


def ranks(moment: Moment) -> list[str]:
    scores = [score(c) for c in moment.choices]
    high, low = max(scores), min(scores)
    if high == low:
        return ["level"] * len(scores)
    return ["best" if s == high else "worst" if s == low else "middle" for s in scores]


def options(library: Iterable[Scenario]) -> list[Option]:
    return [
        Option(s, m, i, c, r)
        for s in library
        for m in s.decisions
        for i, (c, r) in enumerate(zip(m.choices, ranks(m)))
    ]


def good_closings(s: Scenario) -> dict[str, set[tuple[str, str]]]:
    """For each good ending, the closing moves that reach it: (moment id, kind)."""
    good = {m.id for m in s.endings if m.ending.outcome == "good"}
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for m in s.decisions:
        for c in m.choices:
            if c.next in good:
                found[c.next].add((m.id, kind(c)))
    return found


def good_without_rating(s: Scenario) -> set[str]:
    """The good endings a trainee can reach without choosing any 1-to-10 rating."""
    seen, queue = {s.start.id}, deque([s.start])
    while queue:
        m = queue.popleft()
        for c in m.choices:
            if not is_rating(c) and c.next not in seen:
                seen.add(c.next)
                queue.append(s.moment(c.next))
    return {e.id for e in s.endings if e.ending.outcome == "good" and e.id in seen}


def best_types(library: Iterable[Scenario]) -> tuple[Counter, dict[str, list[str]], int]:
    """How many decision points each move is (jointly) best at, where, and out of how many."""
    counts: Counter = Counter()
    where: dict[str, list[str]] = defaultdict(list)
    points = 0
    for s in library:
        for m in s.decisions:
            r = ranks(m)
            if r[0] == "level":
                continue
            points += 1
            for move in {c.move for c, x in zip(m.choices, r) if x == "best"}:
                counts[move] += 1
                where[move].append(f"{s.id}/{m.id}")
    return counts, where, points


def _share(part: int, whole: int) -> str:
    return f"{part} of {whole} ({part / whole:.0%})" if whole else "0 of 0"


# --- the tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("scenario", LIBRARY, ids=lambda s: s.id)
def test_the_experts_choice_is_among_the_best_by_its_effects(scenario):
    for m in scenario.decisions:
        expert = scenario.expert_choice(m.id)
        if expert is None:
            continue
        top = max(score(c) for c in m.choices)
        assert score(m.choices[expert]) == top, (
            f"{scenario.id}/{m.id}: the expert's choice {expert + 1} moves the measures by "
            f"{score(m.choices[expert]):g}, but another choice moves them by {top:g}; the "
            "experienced facilitator's choice should be among the best, so that 'best' means "
            "one thing in the debrief and in these tests"
        )


def test_holding_a_silence_is_often_the_best_move():
    silent = [o for o in options(LIBRARY) if is_silence(o.choice)]
    best = [o for o in silent if o.rank == "best"]
    assert len(best) >= SILENCE_BEST_AT_LEAST * len(silent), (
        f"silence-like options are the best option only {_share(len(best), len(silent))}, "
        f"at: {', '.join(o.where for o in best) or 'nowhere'}; where silence truly serves the "
        "presenter (after a deep question, when she is about to go further, when the set is "
        "rushing), let the scenario say so"
    )


def test_silence_is_not_usually_the_worst_move():
    silent = [o for o in options(LIBRARY) if is_silence(o.choice)]
    worst = [o for o in silent if o.rank == "worst"]
    assert len(worst) <= SILENCE_WORST_AT_MOST * len(silent), (
        f"silence-like options are the worst option {_share(len(worst), len(silent))}, at: "
        f"{', '.join(o.where for o in worst)}; keep silence the worst move only where it is "
        "a failure to intervene"
    )


@pytest.mark.parametrize("scenario", LIBRARY, ids=lambda s: s.id)
def test_every_silence_shows_what_it_did(scenario):
    """A silence's consequence is shown, not only judged: holding a silence and letting harm
    run look the same in a label, and differ in what happens next."""
    for m in scenario.decisions:
        for i, c in enumerate(m.choices, 1):
            if is_silence(c):
                assert c.response, (
                    f"{scenario.id}/{m.id}: choice {i} is a silence ({c.label!r}) with no "
                    "response lines; show what the silence does before the feedback judges it"
                )
            elif SILENCE_OPENING.match(c.label):
                pytest.fail(f"{scenario.id}/{m.id}: choice {i} ({c.label!r}) reads as a silence "
                            f"but its move is {c.move!r}")


@pytest.mark.parametrize("scenario", LIBRARY, ids=lambda s: s.id)
def test_more_than_one_good_way_to_close(scenario):
    """Two or more good endings, reached by closing moves of different kinds."""
    closings = good_closings(scenario)
    pairs = {(ending, k) for ending, found in closings.items() for _, k in found}
    distinct = any(e1 != e2 and k1 != k2 for e1, k1 in pairs for e2, k2 in pairs)
    detail = "; ".join(
        f"'{ending}' by " + ", ".join(f"{k} at {mid}" for mid, k in sorted(found))
        for ending, found in sorted(closings.items())
    )
    assert distinct, (
        f"{scenario.id}: good endings and the closing moves that reach them: {detail or 'none'}; "
        "give the round at least two good endings reached by different kinds of closing move "
        "(the presenter's own words for a next step, a question to take away, an agreed "
        "check-back, a held silence, a rating...)"
    )


@pytest.mark.parametrize("scenario", LIBRARY, ids=lambda s: s.id)
def test_no_good_ending_needs_a_rating(scenario):
    ratings = [f"{m.id} (choice {i})" for m in scenario.decisions
               for i, c in enumerate(m.choices, 1) if is_rating(c)]
    assert good_without_rating(scenario), (
        f"{scenario.id}: every route to a good ending passes a 1-to-10 rating, at "
        f"{', '.join(ratings)}; a rating can be one good way to close, not the only one"
    )


def test_a_rating_is_not_usually_the_experts_choice():
    rated = [o for o in options(LIBRARY) if is_rating(o.choice)]
    chosen = [o for o in rated if o.scenario.expert_choice(o.moment.id) == o.index]
    assert len(chosen) <= RATING_EXPERT_AT_MOST * len(rated), (
        f"the experienced facilitator chooses the 1-to-10 rating at {_share(len(chosen), len(rated))} "
        f"of the moments that offer one: {', '.join(o.where for o in chosen)}"
    )


def test_no_kind_of_move_is_usually_best():
    counts, where, points = best_types(LIBRARY)
    for move, n in counts.most_common():
        assert n <= TYPE_BEST_AT_MOST * points, (
            f"'{move}' is the best option at {_share(n, points)} decision points, more than "
            f"{TYPE_BEST_AT_MOST:.0%}; for example at {', '.join(where[move][:12])}"
        )


# --- figures, for authors and reviewers -------------------------------------------------------


def report(library: list[Scenario]) -> str:
    out = []
    every = options(library)
    silent = [o for o in every if is_silence(o.choice)]
    tally = Counter(o.rank for o in silent)
    points_with = {(o.scenario.id, o.moment.id) for o in silent}
    out.append(f"decision points: {len({(o.scenario.id, o.moment.id) for o in every})}; "
               f"with a silence-like option: {len(points_with)}")
    out.append(f"silence-like options: {len(silent)}: best {_share(tally['best'], len(silent))}, "
               f"worst {_share(tally['worst'], len(silent))}, middle {tally['middle']}, "
               f"level {tally['level']}")
    chosen = sum(o.scenario.expert_choice(o.moment.id) == o.index for o in silent)
    out.append(f"  the expert's choice at {chosen}")
    for s in library:
        mine = Counter(o.rank for o in silent if o.scenario is s)
        out.append(f"  {s.id:30} best {mine['best']}, worst {mine['worst']}, "
                   f"middle {mine['middle']}")
    counts, _, points = best_types(library)
    out.append("best option, by move, at decision points: " + ", ".join(
        f"{move} {_share(n, points)}" for move, n in counts.most_common()))
    rated = [o for o in every if is_rating(o.choice)]
    expert = [o for o in rated if o.scenario.expert_choice(o.moment.id) == o.index]
    out.append(f"rating options: {len(rated)}; best {sum(o.rank == 'best' for o in rated)}; "
               f"the expert's choice at {len(expert)}")
    needs = []
    for s in library:
        closings = good_closings(s)
        kinds = sorted({k for found in closings.values() for _, k in found})
        free = good_without_rating(s)
        if not free:
            needs.append(s.id)
        out.append(f"  {s.id:30} good endings {len(closings)}, closing kinds {kinds}, "
                   f"good without a rating: {len(free)}")
    out.append(f"rounds whose good endings all need the rating: {len(needs)} {needs}")
    return "\n".join(out)


def _load_folder(folder: Path) -> list[Scenario]:
    found = []
    for path in sorted(folder.glob("*.yaml")):
        scenario, problems = check_text(path.read_text("utf-8"), str(path))
        assert scenario is not None, problems
        found.append(scenario)
    return sorted(found, key=lambda s: (s.session, s.id))


if __name__ == "__main__":
    print(report(_load_folder(Path(sys.argv[1])) if len(sys.argv) > 1 else LIBRARY))
