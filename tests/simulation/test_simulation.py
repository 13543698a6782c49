"""The simulation core: scenario files, the validator, the engine, the debrief and the CLI.

The packaged scenarios are checked exhaustively: every path through every scenario is played
and compared, number for number, with sums taken straight from the YAML.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import actionlearning.cli
from actionlearning.cli import scenario as scenario_cli
from actionlearning.simulation import (
    FACILITATOR,
    MOVES,
    STAGES,
    Problem,
    Round,
    ScenarioError,
    check_choices,
    iter_paths,
    load_scenario,
    parse_choices,
    parse_scenario,
    play,
    scenario_files,
    validate,
)

DATA = Path(__file__).resolve().parents[1] / "data" / "scenarios"
BAD = sorted(DATA.glob("bad-*.yaml"))
MINIMAL = DATA / "valid-minimal.yaml"
FILES = scenario_files()
IDS = [f.name.rsplit(".", 1)[0] for f in FILES]
LIBRARY = {name: load_scenario(name) for name in IDS}
EXPECTED_LIBRARY = {"will-my-director-hear": 2, "advice-in-disguise": 5, "rush-to-solutions": 6}


@pytest.fixture(scope="module", params=IDS)
def scenario(request):
    return load_scenario(request.param)


def raw(scenario):
    """The scenario's YAML as plain data: the independent source for expected sums."""
    return yaml.safe_load(Path(scenario.source).read_text("utf-8"))


def expected_totals(data: dict, path: tuple[int, ...]):
    """Walk the raw YAML along a path (0-based choices) and add everything up by hand."""
    moments = {m["id"]: m for m in data["moments"]}
    moment = data["moments"][0]
    clock, per_stage = 0, Counter()
    airtime = Counter()
    measures = {
        name: (v["start"] if isinstance(v, dict) else v) for name, v in data["measures"].items()
    }
    for index in path:
        choice = moment["choices"][index]
        clock += choice["minutes"]
        per_stage[moment["stage"]] += choice["minutes"]
        airtime.update(choice.get("airtime", {}))
        for name, delta in choice.get("effects", {}).items():
            measures[name] += delta
        moment = moments[choice["next"]]
    return moment, clock, per_stage, airtime, measures


# --- the library ----------------------------------------------------------------------------


def test_the_library_holds_the_three_scenarios():
    found = {load_scenario(f).id: load_scenario(f).session for f in FILES}
    assert EXPECTED_LIBRARY.items() <= found.items()


def test_the_library_has_a_scenario_for_every_session_theme():
    from actionlearning.course.programme import load_programme

    sessions = {load_scenario(f).session for f in FILES}
    assert len(FILES) >= 9
    assert sessions == {s.number for s in load_programme().sessions}


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_every_packaged_scenario_validates(path):
    assert validate(path) == []
    s = load_scenario(path)
    assert path.name == f"{s.id}.yaml", "a packaged scenario's file is named after its id"
    assert load_scenario(s.id) == s, "loading by name and by path agree"


def test_every_path_ends_at_an_ending_within_time_with_exact_accounting(scenario):
    data = raw(scenario)
    paths = list(iter_paths(scenario))
    assert len(paths) == len(set(paths)) == scenario.count_paths()
    for path in paths:
        game = play(scenario, path)
        assert game.finished and game.ending is not None, path
        end, clock, per_stage, airtime, measures = expected_totals(data, path)
        assert game.moment.id == end["id"] and "ending" in end
        assert game.clock == clock, path  # exact: minutes are quarter-minute multiples
        for stage in scenario.stages:
            assert per_stage[stage.name] <= stage.minutes, (path, stage.name)
        assert game.clock <= scenario.minutes
        assert game.stage_time_left == scenario.stage(game.moment.stage).minutes - per_stage[
            game.moment.stage]
        assert game.airtime == {p: airtime.get(p, 0) for p in scenario.people}, path
        assert game.measures == measures, path
        assert sum(game.airtime.values()) <= game.clock


def test_content_meets_the_brief(scenario):
    """At least six decisions on every path, at least three distinct endings (good, mixed and
    poor among them), two to four choices everywhere, grounded feedback."""
    lengths = {len(p) for p in iter_paths(scenario)}
    assert min(lengths) >= 6
    reached = {play(scenario, p).moment.id for p in iter_paths(scenario)}
    endings = {m.id: m.ending.outcome for m in scenario.endings}
    assert reached == set(endings) and len(endings) >= 3
    assert set(endings.values()) == {"good", "mixed", "poor"}
    for m in scenario.decisions:
        assert 2 <= len(m.choices) <= 4
        assert len({c.label for c in m.choices}) == len(m.choices)
        assert all(len(c.feedback.split()) >= 25 for c in m.choices), m.id
    frameworks = ["Revans", "Marquardt", "McGill", "Pedler", "Edmonstone", "Bion", "Karpman",
                  "Lewin", "Tuckman", "Schön", "MITI"]
    feedback = " ".join(c.feedback for m in scenario.decisions for c in m.choices)
    assert sum(name in feedback for name in frameworks) >= 5
    sectors = " ".join(f"{m.role} {m.organisation}" for m in scenario.members)
    for sector in ("CAMHS", "ICB", "Council"):
        assert sector in sectors
    assert re.search(r"School|Academy|charity|Forum", sectors)


def test_every_person_speaks_and_is_accounted(scenario):
    speakers = {line.speaker for m in scenario.moments for line in m.lines if line.speaker}
    speakers |= {line.speaker for m in scenario.decisions for c in m.choices for line in c.response
                 if line.speaker}
    assert speakers == {m.id for m in scenario.members}


def test_the_expert_path_is_valid_and_ends_well(scenario):
    assert check_choices(scenario, scenario.expert_path) is None
    debrief = play(scenario, scenario.expert_path).debrief()
    assert debrief.outcome == "good" and debrief.followed_expert and not debrief.differences
    good = [m for m in scenario.endings if m.ending.outcome == "good"]
    assert debrief.ending_moment in good


def test_measures_agree_with_the_endings(scenario):
    """The expert path scores at least as well as any poor path, and good endings score
    better than poor ones on average: the numbers in a debrief tell the same story."""
    totals = {"good": [], "mixed": [], "poor": []}
    for path in iter_paths(scenario):
        game = play(scenario, path)
        totals[game.ending.outcome].append(sum(game.measures.values()))
    expert = sum(play(scenario, scenario.expert_path).measures.values())
    assert expert >= max(totals["poor"]) and expert >= max(totals["mixed"])
    mean = {k: sum(v) / len(v) for k, v in totals.items()}
    assert mean["good"] > mean["mixed"] > mean["poor"]


def test_expert_choices_are_not_always_in_the_same_position():
    positions = Counter()
    for f in FILES:
        s = load_scenario(f)
        experts = (s.expert_choice(m.id) for m in s.decisions)
        positions.update(e for e in experts if e is not None)
    assert len(positions) >= 3 and max(positions.values()) <= 0.5 * sum(positions.values())


def test_every_choice_is_on_some_path(scenario):
    used = {(m.id, i) for m in scenario.decisions for i in range(len(m.choices))}
    seen = set()
    for path in iter_paths(scenario):
        game = Round(scenario)
        for index in path:
            seen.add((game.moment.id, index))
            game.choose(index)
    assert seen == used


# --- the engine -----------------------------------------------------------------------------


def test_round_tracks_clock_stage_airtime_and_measures():
    s = load_scenario(MINIMAL)
    game = Round(s)

    def where():
        return game.moment.id, game.clock, game.stage.name, game.stage_time_left

    assert where() == ("start", 0, "questioning", 10)
    assert game.airtime == {"ana": 0, "ben": 0, FACILITATOR: 0}
    assert game.measures == {"ownership": 5, "safety": 5}
    labels = [c.label for c in game.choices]
    assert labels == ["Ask Ben for the question underneath.", "Stay silent."]
    assert game.expert_choice() == 0 and game.decision == 1
    step = game.choose(1)
    assert (step.number, step.index, step.clock_before, step.clock_after) == (1, 1, 0, 2.5)
    assert step.stage_time_left == 7.5 and step.differs
    assert step.expert_choice.label.startswith("Ask Ben")
    assert where() == ("list", 2.5, "action", 5)
    assert game.airtime == {"ana": 1, "ben": 1, FACILITATOR: 0}
    assert game.measures == {"ownership": 4, "safety": 5.5}
    game.airtime["ana"] = 99  # copies: the round is not changed through them
    game.measures["safety"] = 99
    assert game.airtime["ana"] == 1 and game.measures["safety"] == 5.5
    game.choose(0)
    assert game.finished and game.ending.title == "Half way" and game.path == (1, 0)
    assert game.clock == 4.5 and game.stage_time_left == 3 and game.time_left == 10.5
    game.undo()
    assert game.moment.id == "list" and game.clock == 2.5 and game.path == (1,)
    game.restart()
    assert game.moment.id == "start" and game.clock == 0 and not game.steps
    assert game.airtime == {"ana": 0, "ben": 0, FACILITATOR: 0}


@pytest.mark.parametrize("bad", [2, -1, 99, "1", 1.0, True, None])
def test_an_invalid_choice_raises_a_clear_value_error(bad):
    game = Round(load_scenario(MINIMAL))
    message = "There is no choice .* at moment 'start': choose an index from 0 to 1"
    with pytest.raises(ValueError, match=message):
        game.choose(bad)
    assert game.clock == 0 and not game.steps


def test_choosing_after_the_end_and_debriefing_before_it_are_refused():
    game = Round(load_scenario(MINIMAL))
    with pytest.raises(ValueError, match="not finished: decision 1 .*'start'"):
        game.debrief()
    with pytest.raises(ValueError, match="no choice to take back"):
        game.undo()
    game.choose(0)
    game.choose(0)
    with pytest.raises(ValueError, match="already ended .*restart"):
        game.choose(0)


def test_play_reports_which_decision_was_invalid():
    s = load_scenario(MINIMAL)
    with pytest.raises(ValueError, match="Decision 2: There is no choice 5"):
        play(s, [0, 5])
    with pytest.raises(ValueError, match="ended at 'good-end' after 2 choices"):
        play(s, [0, 0, 0])
    assert play(MINIMAL, [0, 0]).ending.title == "Her own action"  # a path works too


def test_debrief_reports_path_feedback_measures_airtime_and_differences():
    s = load_scenario("advice-in-disguise")
    path = list(s.expert_path)
    path[2] = 1  # at "exploring", stay silent instead of handing Leanne the choice
    path = path[:3]
    game = play(s, path)
    while not game.finished:  # then follow the expert's (or the moment's) advice where known
        game.choose(game.expert_choice())
    d = game.debrief()
    assert [st.moment.id for st in d.steps][:3] == ["marcus-interrupts", "clarifying", "exploring"]
    assert d.steps[2].differs and d.differences[0] is d.steps[2]
    assert d.steps[2].expert_choice.label.startswith("Turn to Leanne")
    assert not d.followed_expert
    assert all(st.choice.feedback for st in d.steps)
    total = sum(a.minutes for a in d.airtime)
    assert total == sum(game.airtime.values())
    assert abs(sum(a.share for a in d.airtime) - 1) < 1e-9
    assert {a.person for a in d.airtime} == set(s.people)
    for m in d.measures:
        assert m.end == game.measures[m.name] and m.change == m.end - m.start
    assert d.clock == game.clock
    assert d.interventions == sum(st.choice.move != "silence" for st in d.steps)
    assert 0 <= d.facilitator_share <= 1


def test_markdown_export_holds_the_whole_round():
    s = load_scenario("rush-to-solutions")
    path = [0, 1, 0, 0, 1, 0, 2]
    md = play(s, path).debrief().to_markdown()
    game = play(s, path)
    assert md.startswith(f"# {s.title}\n")
    for step in game.steps:
        assert step.choice.label in md and step.choice.feedback in md
    assert game.ending.title in md and game.ending.text in md
    for heading in ("## The round", "## Measures", "## Airtime",
                    "## Where you differed from an experienced facilitator",
                    "## For your reflective log"):
        assert heading in md
    for part in ("Description", "Feelings", "Evaluation", "Analysis", "Conclusion", "Action plan"):
        assert f"**{part}.**" in md
    assert "| Carys Morgan |" in md and "| Presenter ownership" in md
    assert "An experienced facilitator would choose" in md


def test_determinism():
    a = play("will-my-director-hear", [0, 1, 2, 0, 1, 0]).debrief()
    b = play(load_scenario("will-my-director-hear"), [0, 1, 2, 0, 1, 0]).debrief()
    assert a == b and a.to_markdown() == b.to_markdown() and a.to_text() == b.to_text()
    assert load_scenario("rush-to-solutions") == load_scenario("rush-to-solutions")
    assert list(iter_paths(load_scenario("rush-to-solutions"))) == list(
        iter_paths(load_scenario("rush-to-solutions")))


@settings(max_examples=150, deadline=None)
@given(data=st.data(), which=st.sampled_from(IDS))
def test_random_rounds_keep_their_invariants(data, which):
    s = LIBRARY[which]
    game, replay = Round(s), []
    minutes = 0
    while not game.finished:
        index = data.draw(st.integers(0, len(game.choices) - 1))
        before = game.stage_time_left
        stage = game.stage.name
        step = game.choose(index)
        replay.append(index)
        minutes += step.choice.minutes
        assert game.clock == minutes == step.clock_after
        assert step.stage_time_left == before - step.choice.minutes >= 0
        assert step.stage.name == stage
        assert sum(game.airtime.values()) <= game.clock
    again = play(s, replay)
    assert again.debrief() == game.debrief()
    assert again.debrief().to_markdown() == game.debrief().to_markdown()


def test_parse_choices_and_check_choices():
    assert parse_choices("2,1, 3") == [1, 0, 2]
    for bad in ("2,x", "0,1", "", "1,,2", "-1"):
        with pytest.raises(ValueError, match="whole numbers from 1"):
            parse_choices(bad)
    s = load_scenario(MINIMAL)
    assert check_choices(s, [0, 0]) is None
    assert "has only 2 choices" in check_choices(s, [0, 4])
    assert "not finished after 1 choices" in check_choices(s, [0])
    assert "ends after 2 choices" in check_choices(s, [0, 0, 1])


# --- validation -----------------------------------------------------------------------------


def expected_problems(path: Path) -> list[tuple[int | None, str]]:
    """The problems a fixture declares in its '# expect:' comments, with their lines."""
    found = []
    for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        for marker, at in (("# expect-file:", None), ("# expect:", number)):
            if marker in line:
                found += [(at, part.strip()) for part in line.split(marker, 1)[1].split(" | ")]
                break
    return found


@pytest.mark.parametrize("path", BAD, ids=[p.stem for p in BAD])
def test_malformed_scenarios_are_rejected_with_lines_and_messages(path):
    expected = expected_problems(path)
    assert expected, f"{path.name} declares no expected problem"
    problems = validate(path)
    for line, fragment in expected:
        assert any(p.line == line and fragment in p.message for p in problems), (
            f"expected at line {line}: {fragment!r}; got:\n" + "\n".join(map(str, problems)))
    for p in problems:  # and nothing unexpected
        assert any(p.line == line and fragment in p.message for line, fragment in expected), str(p)
    assert all(p.file == str(path) for p in problems)
    assert [p.line or 0 for p in problems] == sorted(p.line or 0 for p in problems)
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    assert caught.value.problems == problems
    for p in problems:
        assert str(p) in str(caught.value)


def test_the_fixtures_cover_the_brief():
    names = {p.stem for p in BAD}
    assert {"bad-syntax", "bad-duplicate-id", "bad-unknown-next", "bad-unreachable", "bad-dead-end",
            "bad-missing-feedback", "bad-undeclared", "bad-over-time"} <= names


def test_specific_lines():
    """A few fixtures spelled out, so the expected lines are visible in the test itself."""
    by_file = {p.stem: validate(p) for p in BAD}
    assert [(p.line, p.message[:32]) for p in by_file["bad-syntax"]] == [
        (34, "YAML syntax error: mapping value")]
    assert [p.line for p in by_file["bad-duplicate-id"]] == [21, 108]
    missing = DATA / "bad-missing-feedback.yaml"
    assert str(by_file["bad-missing-feedback"][0]).startswith(f"{missing}:82: ")
    assert [p.line for p in by_file["bad-over-time"]] == [58]
    assert "choosing 1, 1 spends 4 minutes" in by_file["bad-over-time"][0].message
    assert len(by_file["bad-types"]) == 13  # every problem, not just the first


def test_every_problem_is_reported_not_just_the_first():
    text = MINIMAL.read_text("utf-8")
    text = text.replace("move: redirect", "move: lecture")
    text = text.replace("        feedback: Restraint, but the advice goes unremarked.\n", "")
    text = text.replace("next: poor-end", "next: nowhere")
    problems = parse_error(text)
    assert len(problems) == 4, problems  # move, feedback, next, and poor-end now unreachable


def parse_error(text: str) -> list[Problem]:
    with pytest.raises(ScenarioError) as caught:
        parse_scenario(text, "t.yaml")
    return caught.value.problems


@pytest.mark.parametrize("path", FILES, ids=IDS)
def test_time_check_finds_exactly_the_longest_path_in_each_stage(path):
    """Lower each stage's budget just below the longest path's spending (found by brute force):
    the validator must report that stage, with that many minutes and a path that really
    overruns; at the exact budget it must be content."""
    s = load_scenario(path)
    data = raw(s)
    worst = Counter()
    for p in iter_paths(s):
        _, _, per_stage, _, _ = expected_totals(data, p)
        for name, spent in per_stage.items():
            worst[name] = max(worst[name], spent)
    text = Path(s.source).read_text("utf-8")
    for stage in s.stages:
        pattern = re.compile(rf"^  {re.escape(stage.name)}: .*$", re.M)
        assert len(pattern.findall(text)) == 1
        assert parse_scenario(pattern.sub(f"  {stage.name}: {worst[stage.name]}", text)) is not None
        problems = parse_error(pattern.sub(f"  {stage.name}: {worst[stage.name] - 0.25}", text))
        assert len(problems) == 1, problems
        message = problems[0].message
        assert f"stage '{stage.name}'" in message
        assert f"spends {worst[stage.name]:g} minutes" in message
        numbers = re.search(r"choosing ([\d, ]+) spends", message).group(1)
        game = Round(s)
        for index in parse_choices(numbers):
            game.choose(index)
        spent = sum(step.choice.minutes for step in game.steps if step.stage.name == stage.name)
        assert spent == worst[stage.name]


def test_problem_and_error_formatting(tmp_path):
    assert str(Problem("a.yaml", 3, "bad")) == "a.yaml:3: bad"
    assert str(Problem("a.yaml", None, "is empty")) == "a.yaml: is empty"
    missing = tmp_path / "nope.yaml"
    assert [str(p) for p in validate(missing)] == [f"{missing}: no such file"]
    assert "is a folder" in validate(tmp_path)[0].message
    err = ScenarioError([Problem("a.yaml", 1, "x"), Problem("a.yaml", 2, "y")])
    assert str(err) == "the scenario has 2 problems:\n  a.yaml:1: x\n  a.yaml:2: y"
    assert isinstance(err, ValueError)


def test_unknown_name_is_a_scenario_error_naming_the_library():
    with pytest.raises(ScenarioError, match="no scenario called 'nope'.*advice-in-disguise"):
        load_scenario("nope")


def test_schema_vocabulary():
    assert STAGES[0] == "check-in" and STAGES[-1] == "check-out" and len(STAGES) == 9
    assert "silence" in MOVES and "redirect" in MOVES


def test_the_schema_docstring_example_is_kept_in_step():
    """The schema docstring teaches by example; its field names must be the loader's."""
    from actionlearning.simulation import checker, schema

    doc = schema.__doc__
    for fields in (checker._TOP, checker._MOMENT, checker._CHOICE, checker._ENDING, checker._MEMBER):
        for name in fields:
            assert f"{name}:" in doc or f"``{name}``" in doc, name


# --- the command line -----------------------------------------------------------------------


@pytest.fixture
def run(monkeypatch, capsys):
    """Run `actionlearning scenario ...` through the real CLI, wired as it will be."""
    groups = actionlearning.cli.COMMAND_GROUPS
    if "actionlearning.cli.scenario" not in groups:
        wired = (*groups, "actionlearning.cli.scenario")
        monkeypatch.setattr(actionlearning.cli, "COMMAND_GROUPS", wired)

    def run(*argv, inputs=None):
        if inputs is not None:
            answers = iter(inputs)

            def fake_input(prompt=""):
                try:
                    return next(answers)
                except StopIteration:
                    raise EOFError from None

            monkeypatch.setattr("builtins.input", fake_input)
        code = actionlearning.cli.main(["scenario", *argv])
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_cli_registers_a_scenario_group():
    parser = argparse.ArgumentParser()
    scenario_cli.register(parser.add_subparsers())
    args = parser.parse_args(["scenario", "play", "x", "--choices", "1,2"])
    assert args.func is scenario_cli.run_play and args.choices == "1,2"


def test_cli_validate_library_and_good_file(run):
    code, out, err = run("validate")
    assert code == 0 and "all valid" in err
    for name in IDS:
        assert f"{name}.yaml: ok (" in out
    code, out, _ = run("validate", str(MINIMAL))
    assert code == 0 and out == f"{MINIMAL}: ok (3 decision points, 3 endings, 4 paths, 15 min)\n"


def test_cli_validate_lists_every_problem_as_file_line_message(run):
    code, out, err = run("validate", str(DATA / "bad-types.yaml"), str(MINIMAL))
    assert code == 1
    lines = out.splitlines()
    expected = [str(p) for p in validate(DATA / "bad-types.yaml")]
    assert lines[:-1] == expected and lines[-1].startswith(f"{MINIMAL}: ok")
    assert all(re.match(rf"{re.escape(str(DATA))}/bad-types.yaml:\d+: ", line) for line in expected)
    assert "2 files checked: 1 with problems (13 in all)" in err


def test_cli_validate_a_folder(run):
    code, out, _ = run("validate", str(DATA))
    assert code == 1
    total = sum(len(validate(p)) for p in BAD)
    assert len([line for line in out.splitlines() if ": ok (" not in line]) == total


def test_cli_list(run):
    code, out, _ = run("list")
    assert code == 0
    for name, session in EXPECTED_LIBRARY.items():
        assert re.search(rf"^{name}\s+session {session}  ", out, re.M)
    assert "decision points" in out and "paths" in out


def test_cli_play_with_choices_prints_transcript_and_debrief(run, tmp_path):
    s = load_scenario("will-my-director-hear")
    choices = ",".join(str(i + 1) for i in s.expert_path)
    report = tmp_path / "round.md"
    code, out, err = run("play", "will-my-director-hear", "--choices", choices,
                         "--markdown", str(report))
    assert code == 0 and err == ""
    assert out.index("Will my director hear about this?") < out.index("Siobhan Kerr:") < out.index(
        "You chose 2:") < out.index("Ending: A contract the set owns (good)") < out.index("Debrief")
    for heading in ("Your path, with feedback:", "Measures:", "Airtime:",
                    "Where you differed from an experienced facilitator:"):
        assert heading in out
    assert "Nowhere: you made the choices an experienced facilitator would make." in out
    assert report.read_text("utf-8") == play(s, s.expert_path).debrief().to_markdown()


def test_cli_play_shows_differences_and_coaching(run):
    code, out, _ = run("play", str(MINIMAL), "--choices", "2,2", "--coach")
    assert code == 0
    assert "Feedback: Restraint, but the advice goes unremarked." in out
    assert "Decision 1 (exploratory questions): you chose “Stay silent.”" in out
    expert = "An experienced facilitator would choose: “Ask Ben for the question underneath.”"
    assert expert in out
    assert "off the expert's route" in out  # "list" has no expert choice in the minimal file
    assert "Ending: A list (poor)" in out


@pytest.mark.parametrize("choices, message", [
    ("2,x", "--choices: choice 2 is 'x'; give whole numbers from 1"),
    ("0", "--choices: choice 1 is '0'"),
    ("1,3", "choice 2 is 3, but decision 2 (moment 'deeper') has only 2 choices"),
    ("1", "the round is not finished after 1 choices: decision 2 (moment 'deeper') needs a choice"),
    ("1,1,1", "the round ends after 2 choices (at 'good-end'), but 3 were given"),
])
def test_cli_play_rejects_a_bad_choice_list_clearly(run, choices, message):
    code, out, err = run("play", str(MINIMAL), "--choices", choices)
    assert code == 2 and out == ""
    assert err.startswith("error: ") and message in err


def test_cli_play_unknown_or_invalid_scenario(run):
    code, out, err = run("play", "no-such-scenario")
    assert code == 1 and "no scenario called 'no-such-scenario'" in err
    code, out, err = run("play", str(DATA / "bad-dead-end.yaml"))
    assert code == 1 and "bad-dead-end.yaml:70: moment 'list' is a dead end" in err


def test_cli_play_interactive(run):
    code, out, _ = run("play", str(MINIMAL), inputs=["7", "maybe", "1", "1"])
    assert code == 0
    assert out.count("Please type a number from 1 to 2.") == 2
    assert "Ending: Her own action (good)" in out
    code, out, _ = run("play", str(MINIMAL), inputs=["2", "q"])
    assert code == 1 and "Round left unfinished." in out
    code, out, _ = run("play", str(MINIMAL), inputs=[])  # end of input
    assert code == 1 and "Round left unfinished." in out


def test_cli_scenario_without_action_prints_help(run):
    code, _, err = run()
    assert code == 2 and "validate" in err and "play" in err


def test_a_valid_chain_of_500_moments_validates_without_recursion(capsys):
    """The checks and the path count walk the graph with stacks, not recursion."""
    data = yaml.safe_load(MINIMAL.read_text("utf-8"))
    data["stages"] = {"questioning": 600, "action": 5}
    data["expert_path"] = [1] * 500 + data["expert_path"][1:]  # along the chain, then as before
    start, rest = data["moments"][0], data["moments"][1:]
    chain = []
    for n in range(500):
        moment = yaml.safe_load(yaml.safe_dump(start))
        moment["id"] = "start" if n == 0 else f"step-{n}"
        target = f"step-{n + 1}" if n < 499 else start["choices"][0]["next"]
        for choice in moment["choices"]:
            choice["next"] = target if n < 499 else choice["next"]
            choice["minutes"] = 1
            choice["airtime"] = {"ana": 0.5}
        chain.append(moment)
    data["moments"] = chain + rest
    from actionlearning.simulation import check_text

    scenario, problems = check_text(yaml.safe_dump(data, sort_keys=False), "chain.yaml")
    assert problems == [], problems[:3]
    assert scenario.count_paths() >= 2 ** 499
