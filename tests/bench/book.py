"""The handbook build: cold (a fresh copy, nothing cached) and warm (again, nothing changed)."""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from tests.conftest import REPO, build_book


def _fresh_copy(into: Path) -> Path:
    """The committed book sources (and the installed widget scripts) in a new folder."""
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, into / name)
    shutil.copytree(REPO / "_build" / "widgets-js", into / "_build" / "widgets-js")
    return into


def _timed_build(path: Path) -> float:
    started = time.perf_counter()
    result = build_book(path)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the book did not build:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = _fresh_copy(Path(tmp))
        print("building the handbook from a fresh copy (cold)...", flush=True)
        cold = _timed_build(book)
        print(f"cold build:             {cold:6.1f} s")
        warm = _timed_build(book)
        print(f"warm, nothing changed:  {warm:6.1f} s")
        print(f"cold / warm:            {cold / warm:6.1f} x")
