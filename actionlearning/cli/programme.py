"""``actionlearning programme``: the sessions, or the meetings of a 3-, 6- or 9-meeting variant."""

from __future__ import annotations

import argparse

from actionlearning.course.programme import MEETING_COUNTS, load_programme


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "programme",
        help="show the nine sessions, or the meetings of a shorter programme",
        description="Show the programme: the nine sessions, or the meetings of a variant.",
    )
    p.add_argument(
        "--meetings", type=int, choices=MEETING_COUNTS, help="show the meetings of this variant"
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    programme = load_programme()
    if args.meetings is None:
        for s in programme.sessions:
            print(f"{s.slug}  {s.title}")
    else:
        for m in programme.meetings(args.meetings):
            sessions = ", ".join(s.slug for s in m.sessions)
            print(f"meeting {m.number}  week {m.week:>2}  {sessions}  {m.title}")
    return 0
