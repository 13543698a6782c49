"""The handbook build: cold (a fresh copy, nothing cached), warm (again, nothing changed),
after one page changes; and the heaviest page a reader downloads."""

import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.conftest import REPO


def _fresh_copy(into: Path) -> Path:
    """The committed book sources (and the installed widget scripts and live handbook's Python)
    in a new folder."""
    files = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        (into / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / name, into / name)
    shutil.copytree(REPO / "_build" / "widgets-js", into / "_build" / "widgets-js")
    (into / "_build" / "lite").symlink_to(REPO / "_build" / "lite", target_is_directory=True)
    return into


def _timed_build(path: Path) -> float:
    """Build the copy from inside it, so its execution cache is its own (cold at first)."""
    started = time.perf_counter()
    result = subprocess.run(
        ["make", "--no-print-directory", "-C", str(path), "html", f"BIN={Path(sys.executable).parent}"],
        capture_output=True, text=True,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"the book did not build:\n{result.stdout[-3000:]}{result.stderr[-3000:]}")
    return elapsed


def _page_weight(site: Path, page: Path) -> int:
    """The page and every local script, stylesheet and image it loads, in bytes."""
    html = page.read_text("utf-8")
    assets = set(re.findall(r'(?:src|href)="([^"#?]+\.(?:js|css|png|svg|woff2?))', html))
    total = page.stat().st_size
    for asset in assets:
        file = (page.parent / asset).resolve()
        if file.is_file() and site in file.parents:
            total += file.stat().st_size
    return total


def run() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        book = _fresh_copy(Path(tmp))
        print("building the handbook from a fresh copy (cold)...", flush=True)
        cold = _timed_build(book)
        print(f"cold build:             {cold:6.1f} s")
        warm = _timed_build(book)
        print(f"warm, nothing changed:  {warm:6.1f} s")
        print(f"cold / warm:            {cold / warm:6.1f} x")
        page = book / "book" / "sessions" / "session-01.md"
        page.write_text(page.read_text("utf-8") + "\nA sentence added for the benchmark.\n", "utf-8")
        one = _timed_build(book)
        print(f"one page changed:       {one:6.1f} s   ({cold / one:.1f} x faster than cold)")
        site = book / "_build" / "html"
        weights = {p: _page_weight(site, p) for p in site.rglob("*.html")}
        heaviest = max(weights, key=weights.get)
        print(f"heaviest page:          {heaviest.relative_to(site)}: {weights[heaviest] / 1e6:.2f} MB "
              f"with its scripts and styles (HTML alone {heaviest.stat().st_size / 1e3:.0f} kB)")
