"""The command puts off jsonschema's IRI grammar (a second at every start) without losing it:
nothing compiles it while nbformat loads, and an IRI is still checked when something asks."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from actionlearning.cli.quick_start import DEFERRED, defer_iri_grammar
defer_iri_grammar()
import nbformat, jsonschema
print("lark" in sys.modules, type(sys.modules[DEFERRED]).__name__)
checker = jsonschema.FormatChecker()
print(checker.conforms("https://example.org/päth", "iri"), checker.conforms("no iri has spaces", "iri"))
print(type(sys.modules[DEFERRED]).__name__)
"""


def test_the_iri_grammar_waits_until_an_iri_is_checked():
    done = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split("\n")[:3] == ["False _Deferred", "True False", "module"]


def test_a_grammar_already_loaded_is_left_alone():
    done = subprocess.run([sys.executable, "-c", (
        "import sys, rfc3987_syntax\n"
        "from actionlearning.cli.quick_start import defer_iri_grammar\n"
        "before = sys.modules['rfc3987_syntax']\n"
        "defer_iri_grammar()\n"
        "print(sys.modules['rfc3987_syntax'] is before)")], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "True", done.stderr
