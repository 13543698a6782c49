"""A throwaway PostgreSQL cluster for the tests and benchmarks: Debian's postgresql, started on a
private Unix socket (no TCP port), its data in a temporary folder, stopped and removed after.

PostgreSQL refuses to run as root, so under root (CI) the cluster runs as ``nobody``; the tests,
as root, can still reach its socket. A URL for a cohort's gradebook names a database on it."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

NOBODY = 65534
SUPERUSER = "grader"


def postgres_bin() -> Path | None:
    """The folder of Debian's newest PostgreSQL server programs (initdb, pg_ctl), if installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"),
                   key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0)
    if found:
        return found[-1].parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def need_postgres() -> Path:
    """The server's programs; skip without them, saying why; in CI, fail instead."""
    programs = postgres_bin()
    if programs is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is missing in CI: .ci/run should have installed Debian's postgresql")
        pytest.skip("Debian's postgresql is not installed (apt-get install postgresql); CI always runs these")
    return programs


def _as_server(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--", *command]



@contextmanager
def throwaway_cluster():
    """Start a cluster; yield a function giving a gradebook URL for a database name."""
    programs = need_postgres()
    # a short path: a Unix socket's path may be at most 107 bytes
    base = Path(tempfile.mkdtemp(prefix="al-pg-"))
    data, sockets = base / "data", base / "socket"
    sockets.mkdir()
    if os.geteuid() == 0:
        for path in (base, sockets):
            os.chown(path, NOBODY, NOBODY)
    run = {"capture_output": True, "text": True, "timeout": 120, "cwd": base}
    try:
        done = subprocess.run(_as_server([str(programs / "initdb"), "-D", str(data), "-U", SUPERUSER,
                                          "--auth=trust", "-E", "UTF8", "--no-sync"]), **run)
        assert done.returncode == 0, done.stdout + done.stderr
        options = f"-k {sockets} -c listen_addresses='' -c fsync=off -c max_connections=60"
        done = subprocess.run(_as_server([str(programs / "pg_ctl"), "-D", str(data), "-o", options,
                                          "-l", str(base / "server.log"), "-w", "start"]), **run)
        assert done.returncode == 0, done.stdout + done.stderr + _log(base)
        try:
            yield lambda database: f"postgresql://{SUPERUSER}@/{database}?host={sockets}"
        finally:
            subprocess.run(_as_server([str(programs / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                       "-w", "stop"]), **run)
    finally:
        shutil.rmtree(base, ignore_errors=True)


def _log(base: Path) -> str:
    log = base / "server.log"
    return log.read_text("utf-8", "replace")[-2000:] if log.is_file() else ""
