"""Only the trainee submits as the trainee: on a shared exchange an entry is collected only when
the trainee's own account made it; forgeries are refused and reported; the newest genuine
submission is the one graded; and nothing in an entry is followed or read that is not a file.

The first tests make entries as the test's own account. The last makes two real accounts
(useradd) and hands work in as each, as trainees on a shared server would: it needs root, so it
runs in CI (as root) and skips elsewhere, saying why."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import uuid
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from actionlearning.cohort.collect import collect
from actionlearning.cohort.create import create_cohort
from actionlearning.cohort.release import release
from actionlearning.cohort.store import SETTINGS, load_cohort
from actionlearning.cohort.untrusted import printable
from tests import cohort_support as ts

S, NB = ts.SESSION, ts.NOTEBOOK
FORMAT = "%Y-%m-%d %H:%M:%S.%f UTC"  # nbgrader's timestamp format


def _roster(folder: Path, rows: list[tuple[str, str]]) -> Path:
    path = folder / "roster.csv"
    path.write_text("id,first_name,last_name,email,username\n"
                    + "".join(f"{tid},First,{tid.upper()},,{user}\n" for tid, user in rows), encoding="utf-8")
    return path


def _shared_folder() -> Path:
    """A folder every account on the machine can reach, as a shared exchange is."""
    folder = Path(tempfile.mkdtemp(prefix="al-exchange-"))
    folder.chmod(0o755)
    return folder


def _cohort(tmp_path: Path, exchange: Path, rows, **kw):
    return create_cohort(tmp_path / "home", "spring", _roster(tmp_path, rows), 9,
                         date.today() - timedelta(days=3), exchange=str(exchange), **kw)


def _entry(cohort, claims: str, when: datetime, notebook: bytes, as_user: str | None = None,
           extra: dict[str, str] | None = None) -> Path:
    """Hand in an entry as nbgrader's submit names it (claims+session+time+random, with a
    timestamp.txt), as ``as_user`` when given (a real account), else as the test's own account."""
    inbound = Path(cohort.exchange) / cohort.course_id / "inbound"
    stamp = when.astimezone(timezone.utc).strftime(FORMAT)
    entry = inbound / f"{claims}+{S}+{stamp}+{uuid.uuid4().hex[:12]}"
    staging = Path(tempfile.mkdtemp(prefix="al-handin-"))
    try:
        staging.chmod(0o755)
        (staging / NB).write_bytes(notebook)
        (staging / "timestamp.txt").write_text(stamp, encoding="utf-8")
        for path in staging.iterdir():
            path.chmod(0o644)
        script = 'mkdir "$1" && cp "$2"/* "$1"/' + "".join(
            f' && ln -s "{target}" "$1/{name}"' for name, target in (extra or {}).items())
        subprocess.run(["sh", "-c", script, "sh", str(entry), str(staging)], check=True,
                       user=as_user, group=as_user, extra_groups=[] if as_user else None)
    finally:
        shutil.rmtree(staging)
    return entry


def _nb(cohort, marker: str) -> bytes:
    return ts.dumps(ts.set_answer(ts.answered(cohort), "answer-question", f"# {marker}")).encode()


def _collected(cohort, tid: str) -> str:
    path = cohort.root / "submitted" / tid / S / NB
    return path.read_text("utf-8") if path.is_file() else ""


def _row(batch, tid: str):
    return next(r for r in batch.rows if r.trainee.id == tid)


# --- as the test's own account ---------------------------------------------------------------


def test_an_entry_made_by_another_account_is_refused_and_reported(tmp_path):
    exchange = _shared_folder()
    try:
        cohort = _cohort(tmp_path, exchange, [("t01", ""), ("t02", "")])
        release(cohort, S)
        # made by this test's account, which is not t01's (there is no account t01)
        _entry(cohort, "t01", datetime.now(timezone.utc), _nb(cohort, "forged"))
        batch = collect(cohort, S)
        row = _row(batch, "t01")
        assert _collected(cohort, "t01") == ""
        assert row.status == "failed" and row.failure.kind == "forged-submission"
        assert "was made by the account" in row.reason and "not theirs ('t01')" in row.reason
        assert _row(batch, "t01").result == "refused a forgery"
        assert _row(batch, "t02").status == "missing"
    finally:
        shutil.rmtree(exchange)


def test_with_the_owner_check_off_the_batch_says_so(tmp_path):
    exchange = _shared_folder()
    try:
        cohort = _cohort(tmp_path, exchange, [("t01", "")], check_owner=False)
        release(cohort, S)
        _entry(cohort, "t01", datetime.now(timezone.utc), _nb(cohort, "one account for all"))
        batch = collect(cohort, S)
        assert "one account for all" in _collected(cohort, "t01")
        assert any("check_owner is off" in m for m in batch.messages)
    finally:
        shutil.rmtree(exchange)


def test_nothing_in_an_entry_is_followed_or_read_unless_it_is_a_file(tmp_path):
    secret = tmp_path / "trainer-secret.txt"
    secret.write_text("the trainer's private key", encoding="utf-8")
    exchange = _shared_folder()
    try:
        cohort = _cohort(tmp_path, exchange, [("t01", ""), ("t02", ""), ("t03", "")], check_owner=False)
        release(cohort, S)
        now = datetime.now(timezone.utc)
        # a notebook that is a link to a secret; a link to a folder; a pipe; a whole entry that is a link
        _entry(cohort, "t01", now, _nb(cohort, "t01 genuine"), extra={"notes.txt": str(secret), "etc": "/etc"})
        pipe_entry = _entry(cohort, "t02", now, _nb(cohort, "t02 genuine"))
        os.mkfifo(pipe_entry / "extra.ipynb")
        inbound = Path(cohort.exchange) / cohort.course_id / "inbound"
        (inbound / f"t03+{S}+{now.strftime(FORMAT)}+linked").symlink_to(pipe_entry, target_is_directory=True)
        batch = collect(cohort, S)  # a pipe read would hang here; a link followed would copy the secret
        stored = b"".join(p.read_bytes() for p in (cohort.root / "submitted").rglob("*") if p.is_file())
        assert b"private key" not in stored and b"root:" not in stored
        assert "t01 genuine" in _collected(cohort, "t01") and "t02 genuine" in _collected(cohort, "t02")
        notes = {r.trainee.id: " ".join(n.what for n in r.notes) for r in batch.rows}
        assert "notes.txt" in notes["t01"] and "symbolic link" in notes["t01"]
        assert "etc" in notes["t01"]
        assert "extra.ipynb" in notes["t02"] and "named pipe" in notes["t02"]
        assert _collected(cohort, "t03") == "" and _row(batch, "t03").failure.kind == "forged-submission"
        assert "a link or a file" in _row(batch, "t03").reason
    finally:
        shutil.rmtree(exchange)


def test_a_name_with_terminal_codes_is_shown_printable(tmp_path):
    exchange = _shared_folder()
    try:
        cohort = _cohort(tmp_path, exchange, [("t01", "")], check_owner=False)
        release(cohort, S)
        _entry(cohort, "\x1b[31mmallory\x1b[0m", datetime.now(timezone.utc), _nb(cohort, "x"))
        batch = collect(cohort, S)
        text = " ".join(p.what for p in batch.unmatched)
        assert "mallory" in text and "\x1b" not in text and "\\x1b" in text
    finally:
        shutil.rmtree(exchange)


def test_printable_escapes_what_a_terminal_would_obey():
    assert printable("t01\x1b[2J\r\n.ipynb") == "t01\\x1b[2J\\r\\n.ipynb"
    assert printable("Siân O'Neill – notes") == "Siân O'Neill – notes"
    assert printable(os.fsdecode(b"caf\xe9.ipynb")) == "caf\\xe9.ipynb"
    assert printable("a\u202eb") == "a\\u202eb"  # right-to-left override


# --- two real accounts -----------------------------------------------------------------------


def _why_no_accounts() -> str:
    if os.geteuid() != 0:
        return "making test accounts needs root (CI runs as root)"
    if not shutil.which("useradd"):
        return "useradd is not installed"
    return ""


@pytest.fixture
def accounts():
    """Two real accounts, made for the test and removed after it."""
    why = _why_no_accounts()
    if why:
        if os.environ.get("CI"):
            pytest.fail(f"CI must run the two-account test, but: {why}")
        pytest.skip(why)
    names = [f"al{uuid.uuid4().hex[:8]}{who}" for who in ("a", "b")]
    for name in names:
        subprocess.run(["useradd", "--no-create-home", "--user-group", name], check=True)
    try:
        yield names
    finally:
        for name in names:
            subprocess.run(["userdel", name], check=False)


def test_only_the_trainees_own_account_submits_for_them(tmp_path, accounts):
    alice, bob = accounts
    exchange = _shared_folder()
    try:
        cohort = _cohort(tmp_path, exchange, [("t01", alice), ("t02", bob)])
        release(cohort, S)
        assert os.stat(Path(cohort.exchange) / cohort.course_id / "inbound").st_mode & 0o003  # shared
        start = datetime.now(timezone.utc) - timedelta(hours=2)
        # Alice hands in; Bob forges an entry in her name, dated later, once by her id and once by
        # her account name; Bob hands in his own
        _entry(cohort, alice, start, _nb(cohort, "alice first"), as_user=alice)
        _entry(cohort, "t01", start + timedelta(days=300), _nb(cohort, "bob forged by id"), as_user=bob)
        _entry(cohort, alice, start + timedelta(days=300), _nb(cohort, "bob forged by account"), as_user=bob)
        _entry(cohort, bob, start, _nb(cohort, "bob's own"), as_user=bob)

        batch = collect(cohort, S)
        assert "alice first" in _collected(cohort, "t01")
        assert "bob's own" in _collected(cohort, "t02")
        row = _row(batch, "t01")
        forged = [n for n in row.notes if n.kind == "forged-submission"]
        assert len(forged) == 2 and all(f"the account {bob!r}" in n.what for n in forged)
        assert row.status == "submitted"
        assert not [n for n in _row(batch, "t02").notes if n.kind == "forged-submission"]

        # Alice hands in again, later: the newest genuine one is collected, the forgeries still not
        _entry(cohort, alice, start + timedelta(hours=1), _nb(cohort, "alice second"), as_user=alice)
        collect(cohort, S)
        assert "alice second" in _collected(cohort, "t01")
    finally:
        shutil.rmtree(exchange)


def test_a_forgery_collected_while_the_check_was_off_is_replaced_once_it_is_on(tmp_path, accounts):
    alice, bob = accounts
    exchange = _shared_folder()
    try:
        cohort = _cohort(tmp_path, exchange, [("t01", alice), ("t02", bob)], check_owner=False)
        release(cohort, S)
        start = datetime.now(timezone.utc) - timedelta(hours=2)
        _entry(cohort, alice, start, _nb(cohort, "alice genuine"), as_user=alice)
        _entry(cohort, alice, start + timedelta(days=300), _nb(cohort, "bob forged"), as_user=bob)
        collect(cohort, S)
        assert "bob forged" in _collected(cohort, "t01")  # the check was off: it looked newest

        settings = cohort.root / SETTINGS
        data = json.loads(settings.read_text("utf-8"))
        settings.write_text(json.dumps({**data, "check_owner": True}), encoding="utf-8")
        collect(load_cohort(cohort.root.parent, cohort.name), S)
        assert "alice genuine" in _collected(cohort, "t01")
    finally:
        shutil.rmtree(exchange)
