"""Files that come from outside, read without trusting them: a trainee's entry in the exchange,
and the folders and zips of notebooks returned by email or from a learning platform.

Whoever made these files may have meant harm, and the trainer's commands run with the trainer's
rights. So nothing here follows a symbolic link (folders are walked through their own file
descriptors, so a link swapped in half-way is not followed either), opens a pipe, device or
socket, or writes outside the folder it is given; a zip is measured before anything is unpacked;
and every name is made printable before it is shown. What is left out is reported, with why.
"""

from __future__ import annotations

import contextlib
import os
import stat
import unicodedata
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from actionlearning.cohort.problems import CohortError

CHUNK = 1 << 20


@dataclass(frozen=True)
class Bounds:
    """How much one folder or zip of returned work may hold. A notebook is rarely over a few MB;
    nbgrader itself refuses files over 100 MB."""

    file_mb: int = 100  # one file, unpacked
    total_mb: int = 500  # everything, unpacked (nested zips included)
    entries: int = 10_000  # files and folders
    # unpacked over packed size, for entries over 10 MB: a notebook with a long repeated output
    # packs about 250 times; a zip bomb's zeros about 1,000 times
    ratio: int = 500
    depth: int = 40  # folders within folders; zips within zips count too

    def describe(self) -> str:
        return (f"{self.file_mb} MB a file, {self.total_mb} MB in all, {self.entries:,} entries, "
                f"{self.depth} folders deep, unpacking at most {self.ratio} times the packed size")


BOUNDS = Bounds()


class UnsafeInput(CohortError):
    """What was given is refused as a whole: the message says why and what to do."""


class DamagedZip(UnsafeInput):
    """A zip that cannot be read (inside another zip, it is skipped instead)."""


class ZipBomb(UnsafeInput):
    """A zip over the bounds by itself (inside another zip, it is skipped instead)."""


@dataclass(frozen=True)
class Skipped:
    """A file left out: its path inside what was given (printable) and why."""

    shown: str
    why: str
    kind: str  # "not-a-file", "unsafe-path", "too-large", "damaged", "duplicate"


def printable(text: str) -> str:
    """``text`` with control and invisible characters (ANSI codes, line breaks, bytes that were
    not valid in the file system's encoding) shown as escapes, safe to print to a terminal."""
    out = []
    for ch in text:
        if 0xDC80 <= ord(ch) <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{ord(ch) - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp", "Co", "Cn"):
            out.append(ch.encode("unicode_escape").decode("ascii") if ord(ch) < 0x10000 or ch == "\t"
                       else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return "".join(out)


def _not_a_file(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "a symbolic link (links are never followed)"
    if stat.S_ISFIFO(mode):
        return "a named pipe, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not an ordinary file"


class _Budget:
    """What has been taken so far, against the bounds, across one whole input."""

    def __init__(self, bounds: Bounds, label: str):
        self.bounds, self.label = bounds, label
        self.bytes = self.entries = 0

    def entry(self) -> None:
        self.entries += 1
        if self.entries > self.bounds.entries:
            raise UnsafeInput(f"{self.label} holds more than {self.bounds.entries:,} files and folders. "
                              "Nothing was collected from it: give a zip or folder of the notebooks alone.")

    def add(self, size: int) -> None:
        self.bytes += size
        if self.bytes > self.bounds.total_mb * 1e6:
            raise UnsafeInput(f"{self.label} would unpack to more than {self.bounds.total_mb} MB. Nothing was "
                              "collected from it: give a zip or folder of the notebooks alone.")


# --- folders ----------------------------------------------------------------------------------


def copy_tree(source: Path, target: Path, *, bounds: Bounds = BOUNDS, ignore=None,
              label: str | None = None) -> list[Skipped]:
    """Copy the ordinary files and folders below ``source`` into ``target`` (created), keeping
    their times. Links, pipes, devices and sockets are left out, as are files over the bound and
    names ``ignore`` picks (``ignore(folder, names)``, as for :func:`shutil.copytree`); each is
    reported. Raises :class:`UnsafeInput` when the whole is over the bounds."""
    budget = _Budget(bounds, label or printable(str(source)))
    return _copy_tree(source, target, bounds, ignore, budget)


def _copy_tree(source: Path, target: Path, bounds: Bounds, ignore, budget: _Budget,
               prefix: str = "") -> list[Skipped]:
    skipped: list[Skipped] = []
    target.mkdir(parents=True, exist_ok=True)
    top = len(Path(source).parts)
    for folder, dirs, files, dir_fd in os.fwalk(source, follow_symlinks=False):
        rel = Path(folder).parts[top:]
        here = target.joinpath(*rel)
        left_out = set(ignore(folder, dirs + files)) if ignore else set()
        for name in list(dirs):
            shown = printable(prefix + "/".join((*rel, name)))
            mode = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
            if not stat.S_ISDIR(mode):  # a link to a folder
                dirs.remove(name)
                skipped.append(Skipped(shown, _not_a_file(mode), "not-a-file"))
            elif name in left_out:
                dirs.remove(name)
            elif len(rel) + 1 >= bounds.depth or not _fits(here / name):
                dirs.remove(name)
                skipped.append(Skipped(shown, f"a folder more than {bounds.depth} levels deep, or a path "
                                              "too long to copy", "unsafe-path"))
            else:
                budget.entry()
                (here / name).mkdir(exist_ok=True)
        for name in files:
            if name in left_out:
                continue
            shown = printable(prefix + "/".join((*rel, name)))
            if not _fits(here / name):
                skipped.append(Skipped(shown, "a path too long to copy", "unsafe-path"))
                continue
            why = _copy_file(name, dir_fd, here / name, bounds, budget)
            if why:
                skipped.append(Skipped(shown, *why))
    return skipped


def _copy_file(name: str, dir_fd: int, target: Path, bounds: Bounds, budget: _Budget):
    """Copy one file opened without following links; (why, kind) when it is left out."""
    try:
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=dir_fd)
    except OSError:  # a link (ELOOP), or a socket: neither can be opened as a file
        mode = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
        return _not_a_file(mode), "not-a-file"
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return _not_a_file(info.st_mode), "not-a-file"
        if info.st_size > bounds.file_mb * 1e6:
            return f"{info.st_size / 1e6:,.0f} MB, over the limit of {bounds.file_mb} MB a file", "too-large"
        budget.entry()
        budget.add(info.st_size)
        with open(target, "wb") as out:
            left = info.st_size  # what it held when measured, even if it grows meanwhile
            while left > 0 and (block := fh.read(min(CHUNK, left))):
                out.write(block)
                left -= len(block)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))
    return None


def regular_files(folder: Path) -> tuple[list[Path], list[Skipped]]:
    """The ordinary files below ``folder``, found without following links, and what else is there."""
    files, skipped = [], []
    top = len(Path(folder).parts)
    for here, dirs, names, dir_fd in os.fwalk(folder, follow_symlinks=False):
        rel = Path(here).parts[top:]
        for name in list(dirs) + names:
            mode = os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode
            if stat.S_ISREG(mode):
                files.append(Path(here) / name)
            elif not stat.S_ISDIR(mode):
                skipped.append(Skipped(printable("/".join((*rel, name))), _not_a_file(mode), "not-a-file"))
                if name in dirs:
                    dirs.remove(name)
    return sorted(files), skipped


# --- zips -------------------------------------------------------------------------------------


def _entry_parts(name: str) -> tuple[str, ...] | None:
    """A zip entry's path as folder names, or None when it would land outside (absolute, ``..``,
    a drive letter). Windows back-slashes count as separators."""
    path = name.replace("\\", "/")
    if path.startswith("/") or (len(path) > 1 and path[1] == ":") or "\0" in path:
        return None
    parts = tuple(p for p in PurePosixPath(path).parts if p not in ("", "."))
    return None if ".." in parts or not parts else parts


NAME_MAX = 255  # bytes in one file or folder name, on Linux, macOS and Windows alike
PATH_MAX = 4096 - 1024  # bytes in a whole path, leaving room for where it is unpacked


def _fits(path: Path) -> bool:
    return len(os.fsencode(str(path))) < 4096


def _too_long(parts: tuple[str, ...]) -> bool:
    sizes = [len(os.fsencode(p)) for p in parts]
    return max(sizes) > NAME_MAX or sum(sizes) + len(sizes) > PATH_MAX


def _is_link(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def unpack_zip(archive: Path, target: Path, *, zone: str = "UTC", bounds: Bounds = BOUNDS,
               label: str | None = None) -> list[Skipped]:
    """Unpack ``archive`` into ``target``, zips inside it into folders of their own, each file
    keeping its time in the zip (read in ``zone``: zips keep local times). The zip is measured
    before anything is written; :class:`UnsafeInput` when it is over the bounds or damaged."""
    budget = _Budget(bounds, label or printable(archive.name))
    return _unpack(archive, target, ZoneInfo(zone), bounds, budget, depth=1, prefix="")


def _unpack(archive: Path, target: Path, zone: ZoneInfo, bounds: Bounds, budget: _Budget,
            depth: int, prefix: str) -> list[Skipped]:
    label = budget.label if not prefix else printable(prefix.rstrip("/"))
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        # ValueError: UnicodeDecodeError for a name flagged as UTF-8 that is not
        raise DamagedZip(f"The zip file {label} is damaged ({printable(str(exc))}). Nothing was "
                         "collected from it: download it again.") from exc
    with zf:
        infos = zf.infolist()
        _measure(infos, bounds, label)
        skipped: list[Skipped] = []
        counts = Counter(_entry_parts(i.filename) for i in infos if not i.is_dir())
        target.mkdir(parents=True, exist_ok=True)
        for info in infos:
            shown = prefix + printable(info.filename)
            parts = _entry_parts(info.filename)
            budget.entry()
            if parts is None:
                skipped.append(Skipped(shown, "its path would put it outside the folder it is unpacked "
                                              "into (an absolute path or '..')", "unsafe-path"))
            elif _too_long(parts):
                skipped.append(Skipped(shown, f"a name longer than the {NAME_MAX} bytes a file system allows",
                                       "unsafe-path"))
            elif len(parts) + depth > bounds.depth:
                skipped.append(Skipped(shown, f"more than {bounds.depth} folders deep", "unsafe-path"))
            elif info.is_dir():
                target.joinpath(*parts).mkdir(parents=True, exist_ok=True)
            elif _is_link(info):
                skipped.append(Skipped(shown, "a symbolic link (links are never followed)", "not-a-file"))
            elif counts[parts] > 1:
                skipped.append(Skipped(shown, f"{counts[parts]} entries in the zip have this name, so which "
                                              "is meant cannot be told", "duplicate"))
            elif info.file_size > bounds.file_mb * 1e6:
                skipped.append(Skipped(shown, f"{info.file_size / 1e6:,.0f} MB unpacked, over the limit of "
                                              f"{bounds.file_mb} MB a file", "too-large"))
            else:
                skipped += _unpack_entry(zf, info, target.joinpath(*parts), zone, bounds, budget, depth, shown)
    return skipped


def _measure(infos: list[zipfile.ZipInfo], bounds: Bounds, label: str) -> None:
    """Refuse a zip bomb before unpacking anything: too many entries, too much in all, or an
    entry packed far more tightly than real work ever is."""
    if len(infos) > bounds.entries:
        raise ZipBomb(f"The zip {label} holds {len(infos):,} entries, more than {bounds.entries:,}. "
                          "Nothing was collected from it: give a zip of the notebooks alone.")
    total = sum(i.file_size for i in infos)
    if total > bounds.total_mb * 1e6:
        raise ZipBomb(f"The zip {label} would unpack to {total / 1e6:,.0f} MB, more than {bounds.total_mb} MB. "
                          "Nothing was collected from it: give a zip of the notebooks alone.")
    for info in infos:
        if info.file_size > 10e6 and info.file_size > bounds.ratio * max(info.compress_size, 1):
            raise ZipBomb(
                f"The zip {label} looks like a zip bomb: {printable(info.filename)} would unpack to "
                f"{info.file_size / 1e6:,.0f} MB from {info.compress_size / 1e3:,.0f} KB, more than "
                f"{bounds.ratio} times its packed size. Nothing was "
                "collected from it; if it is genuine, unpack it yourself and give the folder.")


def _unpack_entry(zf: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path, zone: ZoneInfo,
                  bounds: Bounds, budget: _Budget, depth: int, shown: str) -> list[Skipped]:
    path.parent.mkdir(parents=True, exist_ok=True)
    budget.add(info.file_size)
    try:
        with zf.open(info) as fh, open(path, "xb") as out:  # "x": never through a link
            written = 0
            while block := fh.read(CHUNK):
                written += len(block)
                if written > info.file_size:  # the zip lied about the size
                    raise zipfile.BadZipFile("more data than the zip declares")
                out.write(block)
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, RuntimeError, zlib.error) as exc:
        # RuntimeError: encrypted; NotImplementedError: an unknown method; zlib.error: bad deflate
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
        return [Skipped(shown, f"damaged or unreadable in the zip ({printable(str(exc))})", "damaged")]
    moment = _entry_time(info, zone)
    os.utime(path, (moment, moment))
    if path.suffix.lower() != ".zip":
        return []
    if depth >= bounds.depth:
        raise UnsafeInput(f"{budget.label} holds zips within zips more than {bounds.depth} deep. "
                          "Nothing was collected from it.")
    try:
        return _unpack(path, path.with_suffix(""), zone, bounds, budget, depth + 1, prefix=shown + "/")
    except DamagedZip as exc:
        return [Skipped(shown, f"a damaged zip ({exc})", "damaged")]
    except ZipBomb as exc:
        return [Skipped(shown, f"a zip over the bounds ({exc})", "too-large")]
    finally:
        path.unlink(missing_ok=True)


def _entry_time(info: zipfile.ZipInfo, zone: ZoneInfo) -> float:
    """A zip entry's modification time (zip files store local time without a zone)."""
    try:
        return datetime(*info.date_time, tzinfo=zone).timestamp()
    except ValueError:
        return datetime.now().timestamp()


def unpack_zips_in(folder: Path, *, zone: str, bounds: Bounds = BOUNDS, label: str) -> list[Skipped]:
    """Unpack every zip found in ``folder`` (already made safe by :func:`copy_tree`) into a folder
    beside it named after it, as nbgrader's extractor would, but bounded."""
    budget = _Budget(bounds, label)
    files, _ = regular_files(folder)
    budget.add(sum(p.stat().st_size for p in files))
    skipped: list[Skipped] = []
    for path in (p for p in files if p.suffix.lower() == ".zip"):
        shown = printable(str(path.relative_to(folder)))
        try:
            skipped += _unpack(path, path.with_suffix(""), ZoneInfo(zone), bounds, budget,
                               depth=len(path.relative_to(folder).parts), prefix=shown + "/")
        except DamagedZip as exc:
            skipped.append(Skipped(shown, f"a damaged zip ({exc})", "damaged"))
        except ZipBomb as exc:
            skipped.append(Skipped(shown, f"a zip over the bounds ({exc})", "too-large"))
        path.unlink()
    return skipped
