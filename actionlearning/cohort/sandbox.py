"""The grading sandbox: every trainee notebook runs inside bubblewrap, with bounded resources.

A trainee's code is untrusted. nbgrader, left to its defaults, runs it with the trainer's own
rights, where it can read other trainees' reflections, the masters and the gradebook. Here the
kernel that runs a notebook is started through Debian's ``bwrap`` (bubblewrap) and sees:

- the Python environment, read-only (the interpreter, the virtual environment, the workbook's
  own ``actionlearning`` package, nothing else of the repository);
- a private, size-limited copy of the one notebook's folder as its working folder, and a
  private, size-limited ``/tmp``;
- no network (its own network namespace: not even 127.0.0.1 on the host), no other processes
  (its own process namespace), and no cohort home, masters, gradebook, other trainees' work or
  trainer's home.

Memory, processes, CPU time and the size of any file are bounded with ``prlimit``; printed
output is bounded by :class:`SandboxedExecute`. Run as root (CI, a hub), the kernel also drops to
an unprivileged account of its own, since the kernel ignores process limits for root. The
kernel talks to the grader over Unix sockets in a folder shared with the sandbox alone
(jupyter_client's IPC transport), so it needs no TCP port.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

NOBODY = 65534
# Run as root, each kernel runs as an account of its own from this range (no name needed): the
# kernel counts the process limit per account, so one notebook's processes, or another batch
# graded at the same time, can never use up another notebook's.
KERNEL_UIDS = range(200_000, 400_000)


def kernel_uid() -> int:
    """The account a kernel runs as: a fresh one when run as root, else the trainer's own."""
    import secrets

    return KERNEL_UIDS[secrets.randbelow(len(KERNEL_UIDS))] if os.geteuid() == 0 else os.getuid()
INSTALL = ("install bubblewrap (Debian and Ubuntu: `sudo apt-get install bubblewrap`; Fedora: "
           "`sudo dnf install bubblewrap`), and make sure unprivileged user namespaces are allowed")
SUBMITTED_INSIDE = "/.submitted"  # where the notebook's folder is seen, read-only, to be copied


@dataclass(frozen=True)
class Limits:
    """What one notebook may use while it is graded (settable per cohort, in cohort.json)."""

    memory_mb: int = 2048  # address space of the kernel and anything it starts
    processes: int = 64  # processes and threads it may run at once
    cpu_seconds: int = 900  # CPU time for the whole notebook (a cell's wall-clock limit is separate)
    file_mb: int = 64  # the largest file it may write
    disk_mb: int = 128  # all it may write, in its folder and again in /tmp
    output_mb: int = 4  # what one cell may print; the rest is dropped, and the trainer told

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> Limits:
        data = data or {}
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown sandbox limits {', '.join(unknown)}; known: {', '.join(sorted(known))}")
        values = {}
        for name, value in data.items():
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"the sandbox limit {name} must be a whole number of at least 1, not {value!r}")
            values[name] = value
        return cls(**values)

    def describe(self) -> str:
        return (f"{self.memory_mb} MB memory, {self.processes} processes, {self.cpu_seconds} s of CPU, "
                f"files up to {self.file_mb} MB, {self.disk_mb} MB of disk, {self.output_mb} MB of output")


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def unavailable() -> str:
    """Why the sandbox cannot run here, with what to do; empty when it can."""
    bwrap = bwrap_path()
    if bwrap is None:
        return f"bubblewrap (bwrap) is not installed: {INSTALL}"
    probe = [bwrap, "--unshare-all", "--die-with-parent", "--ro-bind", "/", "/", "true"]
    if os.geteuid() == 0:
        probe = [bwrap, "--unshare-pid", "--unshare-net", "--die-with-parent", "--ro-bind", "/", "/", "true"]
    try:
        result = subprocess.run(probe, capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"bubblewrap could not start ({exc}): {INSTALL}"
    if result.returncode != 0:
        return f"bubblewrap cannot make a sandbox here ({result.stderr.strip()[:200]}): {INSTALL}"
    return ""


def _ancestors(path: str, made: set[str]) -> list[str]:
    """bwrap makes the folders above a mount point private (0700) when run as root: make each
    readable, outermost first, so the unprivileged kernel can reach what is mounted there."""
    args = []
    for parent in reversed(Path(path).parents[:-1]):
        text = str(parent)
        if text not in made and text not in ("/usr", "/tmp", "/proc", "/dev"):
            made.add(text)
            args += ["--perms", "0755", "--dir", text]
    return args


def readable_python() -> list[str]:
    """What the kernel must be able to read: the interpreter, the environment and the package."""
    import actionlearning

    package = str(Path(actionlearning.__file__).resolve().parent)
    paths = {str(Path(sys.base_prefix).resolve()), str(Path(sys.prefix).resolve()), package}
    executable = Path(sys.executable)
    if executable.is_symlink():
        paths.add(str(executable.resolve().parent.parent))
    return sorted(p for p in paths if not p.startswith("/usr/"))


def sandbox_command(kernel_cmd: list[str], *, workdir: str, sockets: str, limits: Limits,
                    uid: int = NOBODY) -> list[str]:
    """``kernel_cmd`` wrapped in bubblewrap and prlimit, with ``workdir`` (the notebook's folder)
    seen as a private copy, and ``sockets`` (the connection folder) shared."""
    root = os.geteuid() == 0
    made: set[str] = set()
    args = [bwrap_path() or "bwrap", "--die-with-parent", "--new-session",
            "--unshare-ipc", "--unshare-pid", "--unshare-net", "--unshare-uts", "--unshare-cgroup-try"]
    if not root:
        args.insert(1, "--unshare-user")
    args += ["--clearenv", "--ro-bind", "/usr", "/usr"]
    for name in ("lib", "lib64", "bin", "sbin"):
        target = Path("/") / name
        if target.is_symlink():
            args += ["--symlink", os.readlink(target), str(target)]
        elif target.is_dir():
            args += ["--ro-bind", str(target), str(target)]
    for name in ("/etc/ld.so.cache", "/etc/localtime"):
        if Path(name).exists():
            args += ["--ro-bind", name, name]
    args += ["--proc", "/proc", "--dev", "/dev",
             "--perms", "1777", "--size", str(limits.disk_mb << 20), "--tmpfs", "/tmp"]
    for path in readable_python():
        args += _ancestors(path, made) + ["--ro-bind", path, path]
    args += _ancestors(sockets, made) + ["--bind", sockets, sockets]
    args += ["--ro-bind", workdir, SUBMITTED_INSIDE]
    args += _ancestors(workdir, made) + [
        "--perms", "1777", "--size", str(limits.disk_mb << 20), "--tmpfs", workdir, "--chdir", workdir]
    args += ["--setenv", "HOME", "/tmp", "--setenv", "PATH", f"{Path(sys.executable).parent}:/usr/bin:/bin",
             "--setenv", "LANG", "C.UTF-8", "--setenv", "PYTHONDONTWRITEBYTECODE", "1",
             "--setenv", "JPY_PARENT_PID", "1"]  # a kernel with a parent: no console banner
    limited = ["prlimit", f"--as={limits.memory_mb << 20}", f"--nproc={_nproc(limits, root)}",
               f"--cpu={limits.cpu_seconds}", f"--fsize={limits.file_mb << 20}", "--core=0", "--"]
    drop = ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups",
            "--inh-caps=-all", "--bounding-set=-all", "--"] if root else []
    # copy the notebook's folder in (as root, before dropping privileges, since the cohort's
    # folders are the trainer's alone), then drop to the kernel's own account, under limits
    copy = f"cp -R {SUBMITTED_INSIDE}/. . 2>/dev/null; chmod -R a+rwX . 2>/dev/null; exec \"$@\""
    return args + ["--", "/bin/sh", "-c", copy, "sandbox", *drop, *limited, *kernel_cmd]


def _nproc(limits: Limits, root: bool) -> int:
    """RLIMIT_NPROC counts every process of the account: as root's kernel account, its own; as the
    trainer, theirs too, so allow for those already running."""
    if root:
        return limits.processes
    try:
        uid = os.getuid()
        running = sum(1 for p in Path("/proc").iterdir() if p.name.isdigit() and p.stat().st_uid == uid)
    except OSError:
        running = 256
    return running + limits.processes
