"""``actionlearning scenario``: validate, list and play simulated set rounds.

    actionlearning scenario validate [PATH ...]     every problem as FILE:LINE: message
    actionlearning scenario list                    the packaged library
    actionlearning scenario play NAME_OR_PATH [--choices 2,1,3] [--markdown FILE] [--coach]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actionlearning.simulation import text
from actionlearning.simulation.debrief import step_text
from actionlearning.simulation.engine import Round, check_choices, parse_choices
from actionlearning.simulation.loader import (
    ScenarioError,
    load_scenario,
    scenario_files,
    validate,
)
from actionlearning.simulation.schema import Scenario


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "scenario",
        help="validate, list and play simulated set rounds",
        description="Simulated set rounds: you facilitate, choose at critical moments, and "
        "read a debrief.",
    )
    sub = p.add_subparsers(title="scenario commands", metavar="ACTION")
    p.set_defaults(func=lambda args: _usage(p))

    v = sub.add_parser(
        "validate",
        help="check scenario files, reporting every problem as FILE:LINE: message",
        description="Check scenario files (or every *.yaml in a folder). With no path, check "
        "the packaged library. Exit status 0 when all are valid, 1 otherwise.",
    )
    v.add_argument("paths", nargs="*", metavar="PATH", help="scenario files or folders")
    v.set_defaults(func=run_validate)

    ls = sub.add_parser("list", help="list the packaged scenarios",
                        description="List the packaged scenarios.")
    ls.set_defaults(func=run_list)

    pl = sub.add_parser(
        "play",
        help="play a scenario in the terminal",
        description="Play a scenario as the facilitator. Without --choices you are asked at each "
        "decision; with --choices the round plays through and prints the transcript and the "
        "debrief.",
    )
    pl.add_argument("scenario", metavar="NAME_OR_PATH", help="a packaged scenario's id, or a file")
    pl.add_argument("--choices", metavar="N,N,...",
                    help="one choice per decision, numbered from 1, e.g. 2,1,3")
    pl.add_argument("--markdown", metavar="FILE", type=Path,
                    help="also write the round and debrief as Markdown, for your reflective log")
    pl.add_argument("--coach", action="store_true",
                    help="show the feedback after each choice rather than only in the debrief")
    pl.set_defaults(func=run_play)


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _expand(paths: list[str]) -> list:
    if not paths:
        return list(scenario_files())
    files: list = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted([*p.glob("*.yaml"), *p.glob("*.yml")])
            files.extend(found or [p])  # an empty folder is reported by validate()
        else:
            files.append(p)
    return files


def _summary(s: Scenario) -> str:
    return (f"{len(s.decisions)} decision points, {len(s.endings)} endings, "
            f"{s.count_paths()} paths, {text.minutes(s.minutes)}")


def run_validate(args: argparse.Namespace) -> int:
    files = _expand(args.paths)
    bad = problems_total = 0
    for f in files:
        problems = validate(f)
        if problems:
            bad += 1
            problems_total += len(problems)
            for p in problems:
                print(p)
        else:
            print(f"{f}: ok ({_summary(load_scenario(f))})")
    n = len(files)
    if bad:
        print(f"{n} file{'s' if n != 1 else ''} checked: {bad} with problems "
              f"({problems_total} in all).", file=sys.stderr)
        return 1
    print(f"{n} file{'s' if n != 1 else ''} checked: all valid.", file=sys.stderr)
    return 0


def run_list(args: argparse.Namespace) -> int:
    status = 0
    for f in scenario_files():
        try:
            s = load_scenario(f)
        except ScenarioError as exc:
            print(f"{f.name}: invalid; run 'actionlearning scenario validate {f}'", file=sys.stderr)
            for p in exc.problems:
                print(f"  {p}", file=sys.stderr)
            status = 1
            continue
        print(f"{s.id:<34} session {s.session}  {s.title}")
        print(f"{'':<34} {_summary(s)}")
    return status


def run_play(args: argparse.Namespace) -> int:
    try:
        scenario = load_scenario(args.scenario)
    except ScenarioError as exc:
        print(f"error: cannot play {args.scenario}:", file=sys.stderr)
        for p in exc.problems:
            print(f"  {p}", file=sys.stderr)
        return 1
    planned = None
    if args.choices is not None:
        try:
            planned = parse_choices(args.choices)
        except ValueError as exc:
            print(f"error: --choices: {exc}", file=sys.stderr)
            return 2
        why = check_choices(scenario, planned)
        if why:
            print(f"error: --choices {args.choices}: {why}. Numbers count from 1; the expert "
                  f"path, for comparison, is "
                  f"{','.join(str(i + 1) for i in scenario.expert_path)}.", file=sys.stderr)
            return 2

    game = Round(scenario)
    print(text.introduction_text(scenario))
    while not game.finished:
        print()
        print(text.moment_text(scenario, game.moment, game.clock, game.stage_time_left))
        print()
        print(text.choices_text(game.moment))
        if planned is not None:
            index = planned[len(game.steps)]
        else:
            index = _ask(len(game.choices))
            if index is None:
                print("\nRound left unfinished.")
                return 1
        step = game.choose(index)
        print(step_text(step, scenario))
        if args.coach:
            print(text.wrap(f"Feedback: {step.choice.feedback}", "    ", "    "))
    print()
    print(text.moment_text(scenario, game.moment, game.clock, game.stage_time_left))
    print()
    print(text.ending_text(game.moment))
    debrief = game.debrief()
    print()
    print(debrief.to_text())
    if args.markdown:
        try:
            args.markdown.write_text(debrief.to_markdown(), "utf-8")
        except OSError as exc:
            print(f"error: cannot write {args.markdown}: {exc.strerror or exc}", file=sys.stderr)
            return 1
        print(f"\nThe round is written to {args.markdown} for your reflective log.")
    return 0


def _ask(n: int) -> int | None:
    while True:
        try:
            answer = input(f"Your choice (1-{n}, or q to stop): ").strip().lower()
        except EOFError:
            return None
        if answer in ("q", "quit"):
            return None
        if answer.isdigit() and 1 <= int(answer) <= n:
            return int(answer) - 1
        print(f"Please type a number from 1 to {n}.")
