"""The ``actionlearning`` command (also ``python -m actionlearning``).

One module per command group, each thin over the rest of the package: it parses, calls and
prints. Each registers itself through a ``register(subparsers)`` function listed in
``COMMAND_GROUPS``; its handler is stored as the parser's ``func`` default and returns the exit
code.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from actionlearning import __version__
from actionlearning.cli.quick_start import defer_iri_grammar

# Modules that provide register(subparsers): one per command group.
COMMAND_GROUPS = (
    "actionlearning.cli.programme",
    "actionlearning.cli.question",
    "actionlearning.cli.scenario",
    "actionlearning.cli.cohort",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actionlearning",
        description="The Action Learning Set Facilitation workbook: programme, practice and exercises.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name in COMMAND_GROUPS:
        importlib.import_module(name).register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    defer_iri_grammar()
    parser = build_parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "func"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.func(args) or 0)
    except BrokenPipeError:  # the reader went away (`actionlearning ... | head`): not an error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
