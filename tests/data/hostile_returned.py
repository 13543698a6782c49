"""Hostile "returned notebooks" corpus for the trainer's ``collect --from PATH`` command.

The trainer's tool takes a zip file, or a folder, of Jupyter notebooks that trainees
handed back (by email or as a learning-platform download), works out which trainee each
file belongs to from the roster id in its file or folder name (``t01-why-action-learning.ipynb``
or ``t01/why-action-learning.ipynb``), and copies it into the trainer's private store. The tool
runs as the trainer, and in CI that is often root.

This module builds inputs that an opponent would send: a hostile trainee, or a hostile file
that turned up in the download. The opponent wants to

* read files the trainer can read (``/etc/passwd``, ``/etc/hostname``, or the ``secret``
  file a test names) and have them copied into the store;
* write outside the destination (path traversal, absolute names, symlinks written through);
* exhaust disk or memory (zip bombs, lying size fields, sparse files, 100,000 entries);
* hang the tool (named pipes, symlink loops);
* crash the whole batch with an exception the tool did not expect (``RecursionError``,
  ``UnicodeDecodeError``, ``RuntimeError`` for encrypted entries, ``NotImplementedError`` for
  unknown compression, ``zlib.error``, ``UnicodeEncodeError`` when printing a name);
* mess up the trainer's terminal with escape sequences in names.

It was written *blind*, as an opponent: without reading the tool's code, only from the
description of what the tool does. Nothing here assumes how the tool defends itself; each
:class:`Case` says only what a safe tool should end up doing.

How a test is expected to use it
--------------------------------
``hostile_cases(tmp, secret, notebook)`` builds every case under its own sub-folder of
``tmp`` and returns the list. For each case a test would run the tool (in a subprocess, with
a timeout: some cases hang a naive tool for ever) and then check that

* the content of ``secret`` (and of ``/etc/passwd``, ``/etc/hostname``) is nowhere in the store;
* no stored file contains :data:`FORBIDDEN_MARKER` (content that lives outside the input and
  is reachable only by following a symlink out of it);
* none of ``case.escapes`` exists (places outside the destination a vulnerable tool would
  write to; the test should also delete them afterwards in case it does);
* the tool did not die with a traceback and did not echo raw control characters;
* if ``case.must_refuse_whole``: the tool refused the whole input with a clear message and
  collected nothing;
* otherwise: every trainee in ``case.good_trainees`` had their genuine notebook (the exact
  ``notebook`` bytes) collected, and the hostile entries were skipped.

Content of hostile entries that a tool *may* harmlessly collect (for instance after cleaning
up a silly name) carries :data:`TAINT_MARKER`, so a test can tell it apart from a genuine
notebook. Trainees not listed in ``good_trainees`` are the opponent's slots: whether anything
is collected for them is up to the tool, as long as it is not forbidden content.

Left out on purpose: hard links to ``secret`` (indistinguishable from an ordinary file the
trainer handed over, so no verdict is fair), and a clone of ``/dev/zero`` (a vulnerable tool
would fill the test machine's disk; the device case uses the null device instead, and only
when the builder may create device nodes, i.e. as root).

Standard library only. Building everything takes a few seconds (the 1 GiB bomb dominates) and
well under 20 MB of disk.
"""

import json
import os
import secrets as _secrets
import shutil
import socket
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Callable

ROSTER: tuple[str, ...] = ("t01", "t02", "t03")
NOTEBOOK_NAME = "why-action-learning.ipynb"

#: In every hostile entry a tool might harmlessly collect (it is not a genuine notebook).
TAINT_MARKER = b"hostile-returned-taint-6b1f0c"
#: In content outside the input root; it must never reach the store.
FORBIDDEN_MARKER = b"hostile-returned-forbidden-93d7e2"

MiB = 1 << 20
GiB = 1 << 30


@dataclass(frozen=True)
class Case:
    name: str  # short slug, e.g. "symlink-to-secret"
    path: Path  # the zip file or folder to pass to --from
    attack: str  # one sentence: what it tries
    must_refuse_whole: bool  # refuse everything with a clear message (True) or skip bad entries
    good_trainees: tuple[str, ...]  # genuine notebooks that must still be collected (when False)
    # Paths outside the destination that a vulnerable tool would create; must not exist after.
    escapes: tuple[Path, ...] = ()


# --------------------------------------------------------------------------------------------
# Content helpers
# --------------------------------------------------------------------------------------------


def _marked(notebook: bytes, key: str, marker: bytes) -> bytes:
    """The genuine notebook with ``marker`` added to its metadata (still a valid notebook)."""
    try:
        nb = json.loads(notebook)
    except ValueError:
        nb = None
    if isinstance(nb, dict):
        meta = nb.get("metadata")
        if not isinstance(meta, dict):
            meta = nb["metadata"] = {}
        meta[key] = marker.decode("ascii")
        return json.dumps(nb, indent=1).encode("utf-8") + b"\n"
    return notebook + b"\n" + marker + b"\n"


def _nb(tid: str, sep: str = "-") -> str:
    return f"{tid}{sep}{NOTEBOOK_NAME}"


def _deflate(data: bytes, level: int = 9) -> bytes:
    co = zlib.compressobj(level, zlib.DEFLATED, -15)
    return co.compress(data) + co.flush()


def _deflate_zeros(total: int, prefix: bytes = b"") -> tuple[bytes, int, int]:
    """Raw deflate of ``prefix`` + ``total`` zero bytes, streamed; returns (payload, crc, size)."""
    co = zlib.compressobj(9, zlib.DEFLATED, -15)
    out = [co.compress(prefix)]
    crc = zlib.crc32(prefix)
    chunk = bytes(MiB)
    left = total
    while left:
        piece = chunk if left >= MiB else bytes(left)
        out.append(co.compress(piece))
        crc = zlib.crc32(piece, crc)
        left -= len(piece)
    out.append(co.flush())
    return b"".join(out), crc, len(prefix) + total


# --------------------------------------------------------------------------------------------
# A raw zip writer: full control over names, flags, modes and size fields
# --------------------------------------------------------------------------------------------

_DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1  # 2024-01-01
_UTF8_FLAG = 0x800


@dataclass
class _Raw:
    name: bytes
    data: bytes = b""  # uncompressed content (used for CRC and size unless overridden)
    method: int = zipfile.ZIP_STORED
    flags: int = 0
    mode: int = stat.S_IFREG | 0o644
    payload: bytes | None = None  # the bytes stored in the archive
    crc: int | None = None
    size: int | None = None  # uncompressed size written in both headers
    reuse: int | None = None  # point this central record at an earlier entry's local header


def _raw(name: str, data: bytes = b"", **kw) -> _Raw:
    """A raw entry with a text name, encoded as a normal zip writer would."""
    try:
        encoded = name.encode("ascii")
        flags = 0
    except UnicodeEncodeError:
        encoded = name.encode("utf-8")
        flags = _UTF8_FLAG
    kw["flags"] = kw.get("flags", 0) | flags
    return _Raw(encoded, data, **kw)


def _write_raw_zip(path: Path, entries: list[_Raw]) -> None:
    body = bytearray()
    central = bytearray()
    offsets: list[int] = []
    for e in entries:
        if e.payload is not None:
            payload = e.payload
        elif e.method == zipfile.ZIP_DEFLATED:
            payload = _deflate(e.data)
        else:
            payload = e.data
        crc = e.crc if e.crc is not None else zlib.crc32(e.data)
        size = e.size if e.size is not None else len(e.data)
        if e.reuse is None:
            offset = len(body)
            body += struct.pack(
                "<IHHHHHIIIHH",
                0x04034B50, 20, e.flags, e.method, 0, _DOS_DATE,
                crc, len(payload), size, len(e.name), 0,
            )
            body += e.name
            body += payload
        else:
            offset = offsets[e.reuse]
        offsets.append(offset)
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50, (3 << 8) | 20, 20, e.flags, e.method, 0, _DOS_DATE,
            crc, len(payload), size, len(e.name), 0, 0, 0, 0,
            (e.mode & 0xFFFF) << 16, offset,
        )
        central += e.name
    cd_offset = len(body)
    count = len(entries)
    tail = bytearray()
    if count > 0xFFFF:
        zip64_at = cd_offset + len(central)
        tail += struct.pack(
            "<IQHHIIQQQQ", 0x06064B50, 44, (3 << 8) | 45, 45, 0, 0,
            count, count, len(central), cd_offset,
        )
        tail += struct.pack("<IIQI", 0x07064B50, 0, zip64_at, 1)
        short = 0xFFFF
    else:
        short = count
    tail += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, short, short, len(central), cd_offset, 0)
    with open(path, "wb") as fh:
        fh.write(body)
        fh.write(central)
        fh.write(tail)


# --------------------------------------------------------------------------------------------
# Case builders
# --------------------------------------------------------------------------------------------


@dataclass
class _Ctx:
    tmp: Path
    secret: Path
    notebook: bytes
    tainted: bytes
    forbidden: bytes
    token: str

    def home(self, name: str) -> Path:
        """The case's own sub-folder of tmp."""
        d = self.tmp / name
        d.mkdir(parents=True, exist_ok=False)
        return d

    def folder(self, name: str, good: tuple[str, ...], style: str = "-") -> Path:
        """A returned-notebooks folder holding the genuine notebooks of ``good``."""
        root = self.home(name) / "returned"
        root.mkdir()
        for tid in good:
            if style == "/":
                (root / tid).mkdir()
            (root / _nb(tid, style)).write_bytes(self.notebook)
        return root

    def genuine(self, good: tuple[str, ...], style: str = "-") -> list[_Raw]:
        return [_raw(_nb(tid, style), self.notebook, method=zipfile.ZIP_DEFLATED) for tid in good]

    def evil_tmp(self, what: str) -> Path:
        return Path("/tmp") / f"evil-{self.token}-{what}"


Builder = Callable[[_Ctx], "Case | None"]
_BUILDERS: list[Builder] = []


def _case(fn: Builder) -> Builder:
    _BUILDERS.append(fn)
    return fn


# ---- folders: links and special files ------------------------------------------------------


@_case
def _symlink_to_secret(c: _Ctx) -> Case:
    good = ("t02", "t03")
    root = c.folder("symlink-to-secret", good)
    (root / _nb("t01")).symlink_to(c.secret)
    return Case(
        "symlink-to-secret", root,
        "t01's 'notebook' is a symlink to the trainer's secret file, hoping the tool copies "
        "whatever the link points at into the store.",
        False, good,
    )


@_case
def _symlinked_folder_to_etc(c: _Ctx) -> Case:
    good = ("t01", "t03")
    root = c.folder("symlinked-folder-to-etc", good, "/")
    (root / "t02").symlink_to("/etc", target_is_directory=True)
    return Case(
        "symlinked-folder-to-etc", root,
        "t02's folder is a symlink to /etc, so a tool that walks into it and takes t02's files "
        "copies /etc/passwd, /etc/hostname and friends.",
        False, good,
    )


@_case
def _symlinked_folder_escape(c: _Ctx) -> Case:
    good = ("t01", "t03")
    root = c.folder("symlinked-folder-escape", good, "/")
    outside = root.parent / "outside"
    outside.mkdir()
    (outside / NOTEBOOK_NAME).write_bytes(c.forbidden)
    (root / "t02").symlink_to(outside, target_is_directory=True)
    return Case(
        "symlinked-folder-escape", root,
        "t02's folder is a symlink to a folder outside the input holding a perfectly valid "
        "why-action-learning.ipynb (marked forbidden), testing that the tool never leaves the "
        "input root even when the file itself looks genuine.",
        False, good,
    )


@_case
def _symlink_loop(c: _Ctx) -> Case:
    good = ("t01", "t02")
    root = c.folder("symlink-loop", good, "/")
    (root / "t01" / "again").symlink_to("..", target_is_directory=True)
    (root / "loop-a").symlink_to("loop-b")
    (root / "loop-b").symlink_to("loop-a")
    (root / _nb("t03")).symlink_to(_nb("t03"))
    return Case(
        "symlink-loop", root,
        "a directory cycle (t01/again -> ..), a two-link loop and a notebook that links to "
        "itself, to make a link-following walker recurse for ever or die with ELOOP.",
        False, good,
    )


@_case
def _dangling_symlink(c: _Ctx) -> Case:
    good = ("t01", "t02")
    root = c.folder("dangling-symlink", good)
    (root / _nb("t03")).symlink_to(root.parent / "does-not-exist" / NOTEBOOK_NAME)
    return Case(
        "dangling-symlink", root,
        "t03's notebook is a symlink to nothing, so an unguarded open() raises "
        "FileNotFoundError in the middle of the batch.",
        False, good,
    )


@_case
def _named_pipe(c: _Ctx) -> Case | None:
    if not hasattr(os, "mkfifo"):
        return None
    good = ("t01", "t03")
    root = c.folder("named-pipe", good)
    os.mkfifo(root / _nb("t02"))
    return Case(
        "named-pipe", root,
        "t02's notebook is a named pipe with no writer, so opening it to read or copy blocks "
        "the tool for ever.",
        False, good,
    )


@_case
def _unix_socket(c: _Ctx) -> Case | None:
    if not hasattr(socket, "AF_UNIX"):
        return None
    good = ("t01", "t02")
    root = c.folder("unix-socket", good)
    target = root / _nb("t03")
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        if len(os.fsencode(target)) < 100:
            sock.bind(os.fspath(target))
        else:  # AF_UNIX paths are limited to about 108 bytes: bind relative to the folder
            cwd = os.getcwd()
            os.chdir(root)
            try:
                sock.bind(target.name)
            finally:
                os.chdir(cwd)
    except OSError:
        sock.close()
        return None
    sock.close()
    return Case(
        "unix-socket", root,
        "t03's notebook is a Unix socket, which cannot be opened for reading (ENXIO) and makes "
        "shutil.copy raise, aiming to crash the batch.",
        False, good,
    )


@_case
def _device_node(c: _Ctx) -> Case | None:
    good = ("t02", "t03")
    root = c.folder("device-node", good)
    try:
        os.mknod(root / _nb("t01"), stat.S_IFCHR | 0o644, os.makedev(1, 3))
    except (AttributeError, OSError):
        shutil.rmtree(root.parent)
        return None
    return Case(
        "device-node", root,
        "t01's notebook is a character device (a clone of /dev/null, standing in for /dev/zero), "
        "testing that the tool copies only regular files rather than trusting st_size.",
        False, good,
    )


@_case
def _sparse_huge_file(c: _Ctx) -> Case:
    good = ("t02", "t03")
    root = c.folder("sparse-huge-file", good)
    with open(root / _nb("t01"), "wb") as fh:
        fh.truncate(GiB)
    return Case(
        "sparse-huge-file", root,
        "t01's notebook is a sparse 1 GiB file (almost nothing on disk), so copying or reading "
        "it whole eats a gigabyte of disk or memory; a size cap should skip it.",
        False, good,
    )


@_case
def _directory_named_like_notebook(c: _Ctx) -> Case:
    good = ("t01", "t03")
    root = c.folder("directory-named-like-notebook", good)
    (root / _nb("t02")).mkdir()
    (root / _nb("t02") / "x.ipynb").write_bytes(c.tainted)
    return Case(
        "directory-named-like-notebook", root,
        "t02's notebook is a directory, so an unguarded read raises IsADirectoryError "
        "mid-batch.",
        False, good,
    )


@_case
def _setuid_modes(c: _Ctx) -> Case:
    good = ROSTER
    root = c.folder("setuid-modes", good)
    os.chmod(root / _nb("t01"), 0o6777)
    return Case(
        "setuid-modes", root,
        "t01's genuine notebook is setuid, setgid and world-writable, so a copy that keeps modes "
        "(shutil.copy, copy2) plants a setuid, world-writable file in the trainer's store.",
        False, good,
    )


# ---- folders: names and structure ----------------------------------------------------------


@_case
def _folder_terminal_escapes(c: _Ctx) -> Case:
    good = ("t01", "t02")
    root = c.folder("folder-terminal-escapes", good)
    name = "t03-why-action-learning\x1b[31mred\x1b[0m\x1b]0;pwned\x07\x1b[2J\r.ipynb"
    (root / name).write_bytes(c.tainted)
    return Case(
        "folder-terminal-escapes", root,
        "t03's file name carries ANSI colour, window-title and clear-screen escapes and a "
        "carriage return, to garble the trainer's terminal when the tool prints it.",
        False, good,
    )


@_case
def _folder_undecodable_name(c: _Ctx) -> Case:
    good = ("t02", "t03")
    root = c.folder("folder-undecodable-name", good)
    raw = os.fsencode(root) + b"/t01-why-action-learning-\xff\xfe\x9b.ipynb"
    fd = os.open(raw, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(fd, c.tainted)
    finally:
        os.close(fd)
    return Case(
        "folder-undecodable-name", root,
        "t01's file name is not valid UTF-8 (bytes ff fe 9b), so Python sees surrogate escapes "
        "and printing or encoding the name raises UnicodeEncodeError.",
        False, good,
    )


@_case
def _deep_nesting(c: _Ctx) -> Case:
    good = ("t02", "t03")
    root = c.folder("deep-nesting", good)
    deep = root.joinpath(*(["d"] * 200), "t01")
    deep.mkdir(parents=True)
    (deep / NOTEBOOK_NAME).write_bytes(c.tainted)
    return Case(
        "deep-nesting", root,
        "a notebook for t01 buried 200 folders deep, to blow a recursive walker's stack or "
        "produce destination paths too long for the file system.",
        False, good,
    )


@_case
def _json_depth_bomb(c: _Ctx) -> Case:
    good = ("t02", "t03")
    root = c.folder("json-depth-bomb", good)
    (root / _nb("t01")).write_bytes(b"[" * 200_000 + b"]" * 200_000)
    return Case(
        "json-depth-bomb", root,
        "t01's notebook is valid JSON nested 200,000 arrays deep, so json.loads raises "
        "RecursionError (not JSONDecodeError) and crashes a tool that validates notebooks.",
        False, good,
    )


@_case
def _impersonation(c: _Ctx) -> Case:
    good = ("t01", "t03")
    root = c.folder("impersonation", good, "/")
    (root / "t02").mkdir()
    (root / "t02" / _nb("t01")).write_bytes(c.tainted)
    (root / "t02" / _nb("t03")).write_bytes(c.tainted)
    return Case(
        "impersonation", root,
        "t02 hands in files named for t01 and t03 inside their own folder, hoping to overwrite "
        "the other trainees' genuine work in the store.",
        False, good,
    )


# ---- zips: names ---------------------------------------------------------------------------


@_case
def _zip_dotdot(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-dotdot") / "returned.zip"
    far = c.evil_tmp("dotdot.ipynb")
    entries = c.genuine(good) + [
        _raw("../../escape.ipynb", c.tainted),
        _raw("t01/../../../t01-why-action-learning.ipynb", c.tainted),
        _raw("t01/" + "../" * 40 + far.relative_to("/").as_posix(), c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-dotdot", path,
        "zip-slip: entries named ../../escape.ipynb and t01/../../../…, one with enough ../ to "
        "land in /tmp from any extraction folder, to write outside the destination.",
        False, good, (far,),
    )


@_case
def _zip_absolute(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-absolute") / "returned.zip"
    a = c.evil_tmp("abs.ipynb")
    b = c.evil_tmp("abs-t01-why-action-learning.ipynb")
    entries = c.genuine(good) + [_raw(str(a), c.tainted), _raw(str(b), c.tainted)]
    _write_raw_zip(path, entries)
    return Case(
        "zip-absolute", path,
        "entries with absolute names under /tmp, so a tool that joins the entry name onto the "
        "destination (Path(dest) / name) writes to the absolute path instead.",
        False, good, (a, b),
    )


@_case
def _zip_windows_paths(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-windows-paths") / "returned.zip"
    far = c.evil_tmp("win.ipynb")
    entries = c.genuine(good) + [
        _raw("..\\..\\evil.ipynb", c.tainted),
        _raw("t01\\..\\..\\..\\t01-why-action-learning.ipynb", c.tainted),
        _raw("t01\\" + "..\\" * 40 + "tmp\\" + far.name, c.tainted),
        _raw("C:\\Windows\\Temp\\t01-why-action-learning.ipynb", c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-windows-paths", path,
        "Windows-style names (..\\..\\evil.ipynb, C:\\…) that escape the destination once a "
        "tool 'helpfully' turns backslashes into slashes.",
        False, good, (far,),
    )


@_case
def _zip_terminal_escapes(c: _Ctx) -> Case:
    good = ("t01", "t02")
    path = c.home("zip-terminal-escapes") / "returned.zip"
    entries = c.genuine(good) + [
        _raw("t03-\x1b[31mred\x1b[0m\n.ipynb", c.tainted),
        _raw("t03/\x1b]0;pwned\x07\x1b[2J\x1b[3J\u009b31mwhy-action-learning.ipynb", c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-terminal-escapes", path,
        "entry names with ANSI colour, window-title and clear-screen escapes, an 8-bit CSI and "
        "a newline, to garble the terminal or forge extra lines of the tool's report.",
        False, good,
    )


@_case
def _zip_cp437_high_bytes(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-cp437-high-bytes") / "returned.zip"
    entries = c.genuine(good) + [
        _Raw(b"t01-why-action-learning\x80\x9b\xe1\xfe\xff.ipynb", c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-cp437-high-bytes", path,
        "t01's entry name has bytes 0x80-0xff without the UTF-8 flag, so it decodes as cp437 "
        "mojibake that other decoders (latin-1) turn into C1 control characters.",
        False, good,
    )


@_case
def _zip_invalid_utf8_flagged(c: _Ctx) -> Case:
    path = c.home("zip-invalid-utf8-flagged") / "returned.zip"
    entries = c.genuine(ROSTER) + [
        _Raw(b"t01-why-action-learning-\xff\xfe\xc0\xaf.ipynb", c.tainted, flags=_UTF8_FLAG),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-invalid-utf8-flagged", path,
        "an entry flagged as UTF-8 whose name is not valid UTF-8 (including the overlong '/' "
        "c0 af), so zipfile.ZipFile() itself raises UnicodeDecodeError, not BadZipFile.",
        True, (),
    )


@_case
def _zip_nul_in_name(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-nul-in-name") / "returned.zip"
    entries = c.genuine(good) + [
        _Raw(b"t01-why-action-learning.ipynb\x00/../../../../etc/evil", c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-nul-in-name", path,
        "t01's entry name has a NUL followed by a traversal, which Python silently truncates "
        "but other layers (orig_filename, os calls) see or reject with ValueError.",
        False, good,
    )


@_case
def _zip_long_name(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-long-name") / "returned.zip"
    entries = c.genuine(good) + [
        _raw("t01-" + "A" * 60_000 + "-why-action-learning.ipynb", c.tainted),
        _raw("t01/" + "B" * 300 + "/why-action-learning.ipynb", c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-long-name", path,
        "t01's entry names are 60,000 characters long or have a 300-byte folder name, so using "
        "them on disk raises 'File name too long' mid-batch.",
        False, good,
    )


@_case
def _zip_duplicate_names(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-duplicate-names") / "returned.zip"
    entries = [
        _raw(_nb("t01"), c.notebook, method=zipfile.ZIP_DEFLATED),
        _raw(_nb("t01"), c.tainted, method=zipfile.ZIP_DEFLATED),
    ] + c.genuine(good)
    _write_raw_zip(path, entries)
    return Case(
        "zip-duplicate-names", path,
        "two entries both named t01-why-action-learning.ipynb with different content, so which "
        "one the tool collects depends on lookup order (the last one wins in zipfile).",
        False, good,
    )


@_case
def _zip_directory_entry(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-directory-entry") / "returned.zip"
    entries = c.genuine(good) + [
        _raw(_nb("t01") + "/", mode=stat.S_IFDIR | 0o755),
        _raw("t01/" + NOTEBOOK_NAME + "/", mode=stat.S_IFDIR | 0o755),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-directory-entry", path,
        "t01's notebook entries are directory entries (names ending in /), which read as empty "
        "or create folders where a file is expected.",
        False, good,
    )


# ---- zips: modes and links -----------------------------------------------------------------


@_case
def _zip_symlink_to_passwd(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-symlink-to-passwd") / "returned.zip"
    entries = c.genuine(good) + [
        _raw(_nb("t01"), b"/etc/passwd", mode=stat.S_IFLNK | 0o777),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-symlink-to-passwd", path,
        "t01's entry is a zip symlink (S_IFLNK in external_attr) to /etc/passwd, so an extractor "
        "that honours Unix modes creates a link and the tool then copies /etc/passwd.",
        False, good,
    )


@_case
def _zip_symlink_to_secret(c: _Ctx) -> Case:
    good = ("t01", "t03")
    path = c.home("zip-symlink-to-secret") / "returned.zip"
    entries = c.genuine(good) + [
        _raw(_nb("t02"), os.fsencode(c.secret), mode=stat.S_IFLNK | 0o777),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-symlink-to-secret", path,
        "t02's entry is a zip symlink to the trainer's secret file, to have its content "
        "collected as t02's notebook.",
        False, good,
    )


@_case
def _zip_symlink_write_through(c: _Ctx) -> Case:
    good = ("t01", "t03")
    home = c.home("zip-symlink-write-through")
    outside = home / "outside"
    outside.mkdir()
    path = home / "returned.zip"
    entries = c.genuine(good) + [
        _raw("t02", os.fsencode(outside), mode=stat.S_IFLNK | 0o777),
        _raw("t02/" + NOTEBOOK_NAME, c.tainted, method=zipfile.ZIP_DEFLATED),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-symlink-write-through", path,
        "entry t02 is a symlink to a folder outside the destination and the next entry writes "
        "t02/why-action-learning.ipynb through it (with zipfile's extractall it instead raises "
        "NotADirectoryError).",
        False, good, (outside / NOTEBOOK_NAME,),
    )


@_case
def _zip_setuid_modes(c: _Ctx) -> Case:
    good = ROSTER
    path = c.home("zip-setuid-modes") / "returned.zip"
    entries = [
        _raw(_nb("t01"), c.notebook, method=zipfile.ZIP_DEFLATED, mode=stat.S_IFREG | 0o6777),
    ] + c.genuine(("t02", "t03"))
    _write_raw_zip(path, entries)
    return Case(
        "zip-setuid-modes", path,
        "t01's genuine notebook is stored with mode 6777, so a tool that restores zip "
        "permissions plants a setuid, world-writable file in the trainer's store.",
        False, good,
    )


# ---- zips: unreadable entries --------------------------------------------------------------


@_case
def _zip_encrypted_entry(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-encrypted-entry") / "returned.zip"
    entries = c.genuine(good) + [
        _raw(_nb("t01"), c.tainted, flags=0x1, payload=os.urandom(12) + c.tainted),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-encrypted-entry", path,
        "t01's entry is flagged as encrypted, so zipfile raises RuntimeError (not BadZipFile) "
        "when it is opened, crashing a tool that only expects BadZipFile.",
        False, good,
    )


@_case
def _zip_unsupported_method(c: _Ctx) -> Case:
    good = ("t01", "t03")
    path = c.home("zip-unsupported-method") / "returned.zip"
    entries = c.genuine(good) + [
        _raw(_nb("t02"), c.tainted, method=99, payload=os.urandom(64)),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-unsupported-method", path,
        "t02's entry uses compression method 99 (WinZip AES), so zipfile raises "
        "NotImplementedError when it is opened.",
        False, good,
    )


@_case
def _zip_corrupt_deflate(c: _Ctx) -> Case:
    good = ("t01", "t02")
    path = c.home("zip-corrupt-deflate") / "returned.zip"
    entries = c.genuine(good) + [
        _raw(_nb("t03"), c.tainted, method=zipfile.ZIP_DEFLATED,
             payload=b"\xff" * 16 + os.urandom(48)),
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-corrupt-deflate", path,
        "t03's entry holds garbage where the deflate stream should be, so reading it raises "
        "zlib.error (not BadZipFile) half-way through the batch.",
        False, good,
    )


@_case
def _zip_lying_size(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-lying-size") / "returned.zip"
    payload, crc, _actual = _deflate_zeros(256 * MiB, prefix=c.notebook)
    entries = [
        _raw(_nb("t01"), method=zipfile.ZIP_DEFLATED, payload=payload, crc=crc,
             size=len(c.notebook)),
    ] + c.genuine(good)
    _write_raw_zip(path, entries)
    return Case(
        "zip-lying-size", path,
        "t01's entry declares the size of a small notebook in both headers but its data "
        "inflates to 256 MiB, beating a tool that checks declared sizes and then streams the "
        "data; zipfile stops at the declared size and raises BadZipFile (bad CRC) on read.",
        False, good,
    )


# ---- zips: whole-archive attacks -----------------------------------------------------------


@_case
def _zip_bomb(c: _Ctx) -> Case:
    path = c.home("zip-bomb") / "returned.zip"
    chunk = bytes(MiB)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open(_nb("t01"), "w", force_zip64=True) as fh:
            for _ in range(GiB // MiB):
                fh.write(chunk)
        for tid in ("t02", "t03"):
            zf.writestr(_nb(tid), c.notebook)
    return Case(
        "zip-bomb", path,
        "a 1 MB zip whose t01 entry inflates to 1 GiB of zeros, to exhaust disk or memory; the "
        "whole archive is hostile and should be refused.",
        True, (),
    )


@_case
def _zip_overlap_bomb(c: _Ctx) -> Case:
    path = c.home("zip-overlap-bomb") / "returned.zip"
    payload, crc, size = _deflate_zeros(64 * MiB)
    kernel = _raw(_nb("t01"), method=zipfile.ZIP_DEFLATED, payload=payload, crc=crc, size=size)
    copies = [
        _raw(_nb("t01"), method=zipfile.ZIP_DEFLATED, payload=payload, crc=crc, size=size, reuse=0)
        for _ in range(1999)
    ]
    _write_raw_zip(path, [kernel] + copies + c.genuine(("t02", "t03")))
    return Case(
        "zip-overlap-bomb", path,
        "2,000 central-directory records all point at the same 64 MiB-of-zeros entry, so a "
        "0.2 MB zip claims 125 GiB (a non-recursive 'overlapping files' bomb).",
        True, (),
    )


@_case
def _zip_many_entries(c: _Ctx) -> Case:
    path = c.home("zip-many-entries") / "returned.zip"
    entries = c.genuine(ROSTER) + [
        _Raw(b"t%02d/%05d.ipynb" % (i % 3 + 1, i)) for i in range(100_000)
    ]
    _write_raw_zip(path, entries)
    return Case(
        "zip-many-entries", path,
        "100,000 empty entries, all under trainee folders, to make the tool spend minutes, "
        "flood the terminal or fill the store's inodes; an entry-count limit should refuse it.",
        True, (),
    )


@_case
def _zip_nested(c: _Ctx) -> Case:
    good = ("t02", "t03")
    path = c.home("zip-nested") / "returned.zip"
    inner = BytesIO()
    chunk = bytes(MiB)
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open(_nb("t01"), "w", force_zip64=True) as fh:
            for _ in range(200):
                fh.write(chunk)
    middle = BytesIO()
    with zipfile.ZipFile(middle, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("t01-returned.zip", inner.getvalue())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("t01-returned.zip", middle.getvalue())
        for tid in good:
            zf.writestr(_nb(tid), c.notebook)
    return Case(
        "zip-nested", path,
        "t01 returns a zip inside a zip inside a zip whose innermost notebook is 200 MiB of "
        "zeros, to bomb a tool that helpfully unpacks nested archives.",
        False, good,
    )


@_case
def _zip_truncated(c: _Ctx) -> Case:
    path = c.home("zip-truncated") / "returned.zip"
    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for tid in ROSTER:
            zf.writestr(_nb(tid), c.notebook)
    data = buf.getvalue()
    path.write_bytes(data[: len(data) * 3 // 5])
    return Case(
        "zip-truncated", path,
        "a download cut off part-way, so the central directory is missing and zipfile raises "
        "BadZipFile; the tool should say so rather than print a traceback.",
        True, (),
    )


@_case
def _zip_not_a_zip(c: _Ctx) -> Case:
    path = c.home("zip-not-a-zip") / "returned.zip"
    path.write_bytes(
        b"<!DOCTYPE html>\n<html><head><title>Session expired</title></head>"
        b"<body>\x1b[2J\x1b]0;pwned\x07Please log in again.</body></html>\n"
    )
    return Case(
        "zip-not-a-zip", path,
        "a '.zip' that is really the platform's HTML 'session expired' page (with terminal "
        "escapes), which a tool should refuse without echoing it.",
        True, (),
    )


@_case
def _zip_empty_file(c: _Ctx) -> Case:
    path = c.home("zip-empty-file") / "returned.zip"
    path.write_bytes(b"")
    return Case(
        "zip-empty-file", path,
        "a zero-byte '.zip' (a failed download), which should be refused with a clear message.",
        True, (),
    )


# --------------------------------------------------------------------------------------------


def hostile_cases(tmp: Path, secret: Path, notebook: bytes) -> list[Case]:
    """Build every case under tmp. `secret` is a file (outside tmp) whose content must never be
    copied; `notebook` is the bytes of a valid notebook to use for genuine entries."""
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    ctx = _Ctx(
        tmp=tmp,
        secret=Path(secret).absolute(),
        notebook=notebook,
        tainted=_marked(notebook, "hostile_taint", TAINT_MARKER),
        forbidden=_marked(notebook, "hostile_forbidden", FORBIDDEN_MARKER),
        token=_secrets.token_hex(6),
    )
    cases = []
    for build in _BUILDERS:
        case = build(ctx)
        if case is not None:
            cases.append(case)
    return cases
