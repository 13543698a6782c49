"""`cohort collect --from` against returned files an opponent made (tests/data/hostile_returned.py,
written blind, without reading the code it attacks): links to secrets and to /etc, pipes,
sockets and devices, path traversal in zips, zip bombs, lying sizes, damaged and encrypted
entries, names full of terminal codes.

Each case runs the real command in a process of its own, with a time limit (a pipe read or a
link loop would hang a careless tool), on a fresh copy of one released cohort. Then: nothing
from outside the input is in the cohort home, nothing was written outside it, no traceback and
no raw control characters reached the terminal; a case to be refused as a whole is refused with
a clear message and nothing collected; otherwise every genuine notebook is collected exactly."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest

from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.release import release
from tests import cohort_support as ts
from tests.conftest import REPO
from tests.data.hostile_returned import FORBIDDEN_MARKER, NOTEBOOK_NAME, ROSTER, hostile_cases

S = ts.SESSION
SECRET = b"the trainer's private notes 4e1c7a"
OUTSIDE = [Path("/etc/passwd"), Path("/etc/hostname")]
# what a terminal would obey: C0 controls but the line break, DEL, and C1 controls (CSI among them)
CONTROL = {chr(c) for c in [*range(0x20), 0x7F, *range(0x80, 0xA0)]} - {"\n"}

assert NOTEBOOK_NAME == ts.NOTEBOOK  # the corpus names the notebook the cohort releases


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A released cohort of the corpus's trainees, and every hostile case built beside it."""
    base = tmp_path_factory.mktemp("hostile")
    roster = base / "roster.csv"
    roster.write_text("id,first_name,last_name,email\n" + "".join(
        f"{tid},First,{tid.upper()},\n" for tid in ROSTER), encoding="utf-8")
    cohort = create_cohort(base / "template", "spring", roster, 9, date.today() - timedelta(days=3),
                           exchange=str(base / "exchange"))
    release(cohort, S)
    notebook = (cohort.root / "release" / S / ts.NOTEBOOK).read_bytes()
    secret = base / "trainer-secret.txt"
    secret.write_bytes(SECRET)
    cases = hostile_cases(base / "cases", secret, notebook)
    assert {c.name for c in cases} <= set(CASE_NAMES), "a case named unlike its builder would go untested"
    return base, notebook, {case.name: case for case in cases}


# the corpus decides which cases exist (some need root or a socket); each is a test of its own
CASE_NAMES = [c.__name__.lstrip("_").replace("_", "-") for c in
              __import__("tests.data.hostile_returned", fromlist=["_BUILDERS"])._BUILDERS]


def _forbidden() -> list[bytes]:
    found = [SECRET, FORBIDDEN_MARKER]
    for path in OUTSIDE:
        try:
            found += [line for line in path.read_bytes().splitlines() if len(line) > 8]
        except OSError:
            pass
    return found


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_returned_files(corpus, tmp_path, name):
    base, notebook, cases = corpus
    case = cases.get(name)
    if case is None:
        pytest.skip(f"the corpus does not build {name} here (it needs root or a feature this machine lacks)")
    home = tmp_path / "home"
    shutil.copytree(base / "template", home, symlinks=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "actionlearning", "cohort", "collect", "spring", S,
             "--from", str(case.path), "--home", str(home), "--exchange", str(base / "exchange")],
            cwd=REPO, capture_output=True, timeout=120, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
        out = (done.stdout + done.stderr).decode("utf-8", "replace")
        leaked = sorted({str(p) for p in case.escapes if os.path.lexists(p)})
    finally:
        for path in case.escapes:
            if os.path.islink(path) or os.path.isfile(path):
                os.unlink(path)
            elif os.path.isdir(path):
                shutil.rmtree(path)
    context = f"{case.name}: {case.attack}\n{out}"
    assert not leaked, f"wrote outside the cohort: {leaked}\n{context}"
    assert "Traceback" not in out and done.returncode in (0, 1), context
    assert not CONTROL & set(out), f"raw control characters reached the terminal\n{context}"

    stored = [p for p in home.rglob("*") if p.is_file() and not p.is_symlink()]
    for path in stored:
        data = path.read_bytes()
        for secret in _forbidden():
            assert secret not in data, f"{secret[:40]!r} from outside the input is in {path}\n{context}"
    links = {p.relative_to(home) for p in home.rglob("*") if p.is_symlink()}
    assert links == {p.relative_to(base / "template") for p in (base / "template").rglob("*")
                     if p.is_symlink()}, context

    collected = {tid: home / "spring" / "submitted" / tid / S / ts.NOTEBOOK for tid in ROSTER}
    if case.must_refuse_whole:
        assert done.returncode == 1 and "error:" in out, context
        assert "Nothing was collected" in out or "nothing was collected" in out, context
        assert not [t for t, p in collected.items() if p.exists()], context
    else:
        assert done.returncode == 0, context
        for tid in case.good_trainees:
            assert collected[tid].is_file(), f"{tid}'s genuine notebook was not collected\n{context}"
            assert collected[tid].read_bytes() == notebook, context
