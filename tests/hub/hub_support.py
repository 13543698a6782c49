"""What the hub's end-to-end test needs: real accounts on this machine, a workbook they can run,
commands run as one of them, and a JupyterHub started and stopped as root.

Only root can make accounts and start a hub that runs each person's server as them, so the test
runs as root (CI is) and elsewhere skips, saying why. Every account it makes is named here and
removed afterwards, with anything still running as it."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import REPO

PROXY = REPO / "tests" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
PATH = f"{Path(sys.executable).parent}:/usr/local/bin:/usr/bin:/bin"


def need_a_hub() -> None:
    """Skip without root, the account tools or the proxy, saying why; in CI, fail instead."""
    why = ""
    if os.geteuid() != 0:
        why = "the hub test makes real accounts and runs each person's server as them: it needs root"
    elif not shutil.which("useradd") or not shutil.which("runuser"):
        why = "useradd and runuser (Debian's passwd and util-linux) are needed to make and use accounts"
    elif not PROXY.exists():
        why = f"JupyterHub's proxy is not installed at {PROXY}: `make test` installs it"
    if why:
        if os.environ.get("CI") == "true":
            pytest.fail(f"The hub test cannot run in CI: {why}")
        pytest.skip(why + "; CI always runs it")


@contextmanager
def accounts(names: list[str]):
    """Make each account (removing a leftover of the same name first); remove them all after."""
    def remove(name):
        subprocess.run(["pkill", "-KILL", "-u", name], capture_output=True)
        subprocess.run(["userdel", "-r", "-f", name], capture_output=True)

    for name in names:
        remove(name)
        done = subprocess.run(["useradd", "-m", "-s", "/bin/bash", name], capture_output=True, text=True)
        assert done.returncode == 0, f"useradd {name}: {done.stderr}"
    try:
        yield
    finally:
        for name in names:
            remove(name)


@contextmanager
def reachable(*paths: Path):
    """Let every account pass through the folders above ``paths`` (o+x), as a shared server's
    software must be; put each folder's mode back afterwards. The interpreter may live under
    /root (pyenv), which is private."""
    changed: dict[Path, int] = {}
    for path in paths:
        for folder in [*reversed(Path(path).resolve().parents), Path(path).resolve()]:
            mode = stat.S_IMODE(folder.stat().st_mode)
            if folder not in changed and not mode & stat.S_IXOTH:
                changed[folder] = mode
                folder.chmod(mode | stat.S_IXOTH)
    try:
        yield
    finally:
        for folder, mode in changed.items():
            folder.chmod(mode)


def as_account(name: str, *command: str, cwd: Path | None = None, check: bool = True,
               stdin: str | None = None) -> subprocess.CompletedProcess:
    """Run ``command`` as the account ``name``, with a clean environment of its own."""
    home = Path(f"/home/{name}")
    done = subprocess.run(
        ["runuser", "-u", name, "--", "env", "-i", f"HOME={home}", f"USER={name}", "LANG=C.UTF-8",
         f"PATH={PATH}", *command],
        cwd=cwd or home, capture_output=True, text=True, timeout=600, input=stdin)
    if check:
        assert done.returncode == 0, f"{name}: {' '.join(command)}\n{done.stdout}\n{done.stderr}"
    return done


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


@contextmanager
def running_hub(config: Path, url: str, environment: dict[str, str], log: Path):
    """Start JupyterHub (as root) with ``config``; yield once it answers at ``url``; stop it and
    everything it started. Services ignore the hub's first signal and cost it 30 s each, so its
    own children are stopped first (all but the proxy, which it stops itself)."""
    state = config.parent / "state"
    state.mkdir(exist_ok=True)
    (state / "jupyterhub.sqlite").unlink(missing_ok=True)  # no servers remembered from a last run
    with log.open("w") as out:
        hub = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(config)], cwd=state,
                               stdout=out, stderr=subprocess.STDOUT, start_new_session=True,
                               env={**os.environ, "PATH": f"{PATH}:{os.environ.get('PATH', '')}", **environment})
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"{url}/hub/health", timeout=5):
                    break
            except OSError:
                if hub.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the hub did not start:\n{log.read_text()[-3000:]}") from None
                time.sleep(0.5)
        yield hub
    finally:
        proxy = (state / "proxy.pid").read_text().strip() if (state / "proxy.pid").exists() else ""
        children = subprocess.run(["pgrep", "-P", str(hub.pid)], capture_output=True, text=True).stdout.split()
        for child in children:
            if child != proxy:
                _signal(int(child), signal.SIGTERM)
        hub.terminate()
        try:
            hub.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(hub.pid, signal.SIGKILL)
            hub.wait()
        if proxy:
            _signal(int(proxy), signal.SIGTERM)


def _signal(pid: int, sig: int) -> None:
    try:
        os.kill(pid, sig)
    except ProcessLookupError:
        pass
