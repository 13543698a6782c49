"""JupyterLab for the workbook, as `make lab` opens it: a trainee's, or a trainer's.

    python -m actionlearning.site.lab trainee [--workspace FOLDER] [JUPYTER LAB OPTIONS...]
    python -m actionlearning.site.lab trainer [JUPYTER LAB OPTIONS...]

**A trainee's lab shows trainee material only.** It opens on a workspace of the trainee's own,
outside the repository (``~/action-learning-work``, or ``--workspace`` or
``$ACTIONLEARNING_WORKSPACE``), which holds the handbook's pages as notebooks (their text made
readable without Sphinx, the facilitator notes left out) and the weekly exercises as released
(``exercises/``), never the trainers' masters (``source/``). Outside the repository, because the
handbook asks trainees to keep their reflections and logs out of the workbook's folders, which
are shared and published; and no `make clean`, fresh clone or `git clean` can reach it. The work
in it is never lost: each launch only adds what is missing, brings up to date a page the trainee
has not changed, and keeps, and says so, a page they have changed (as nbgitpuller does). The
folder is readable by the trainee alone, and so is what Lab saves there.

nbgrader's tools for trainers (formgrader, assignment creation, the course list) are switched off
for that launch alone, in a Jupyter configuration folder of the workspace's own put first on
``JUPYTER_CONFIG_PATH``: the labextension's plugins in ``labconfig/page_config.json`` and the
server extensions in ``jupyter_server_config.json``. Its assignment list (the Assignments tab),
which fails with "Error fetching courses!" without an exchange, is there only when one exists:
``$ACTIONLEARNING_EXCHANGE``, or the folder nbgrader's own configuration names.

**A trainer's lab keeps everything:** the whole repository, source/ and formgrader included,
with the handbook's MyST pages opening as notebooks (``lab_settings``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from actionlearning.course.exercises import EXCHANGE_ENV, nbgrader_helpers_on_path
from actionlearning.site.toc import toc_pages

REPO = Path(__file__).resolve().parents[2]
EDITIONS = ("trainee", "trainer")
WORKSPACE_ENV = "ACTIONLEARNING_WORKSPACE"
STATE = ".actionlearning"  # in the workspace, hidden from Lab: what the course gave, Lab's settings
LOCAL_KERNEL = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}

NBGRADER = "@jupyter/nbgrader"
TRAINERS_PLUGINS = (f"{NBGRADER}:formgrader", f"{NBGRADER}:create-assignment", f"{NBGRADER}:course-list")
EXCHANGE_PLUGINS = (f"{NBGRADER}:assignment-list", f"{NBGRADER}:menu")  # the menu opens it alone then
TRAINERS_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.course_list")
EXCHANGE_SERVER = ("nbgrader.server_extensions.assignment_list",)


ELSEWHERE = "choose a folder outside the workbook, e.g. `make lab WORKSPACE=~/action-learning-work`."


class WorkspaceError(RuntimeError):
    """The workspace cannot be used; the message says why and what to do."""


def default_workspace() -> Path:
    return Path(os.environ.get(WORKSPACE_ENV) or Path.home() / "action-learning-work").expanduser()


# --- what the course gives a trainee ----------------------------------------------------------


def course_files(repo: Path = REPO) -> dict[str, bytes]:
    """What a trainee's workspace holds, by path in it: each handbook page as a notebook on this
    machine's Python (as the live app has it: readable, without facilitator notes), and each
    exercise as released. Never anything from source/."""
    import nbformat

    from actionlearning.course.exercises import notebooks
    from actionlearning.site.lite import live_path, page_notebook

    files = {}
    for page in toc_pages(repo):
        nb = page_notebook(page)
        nb.metadata["kernelspec"] = dict(LOCAL_KERNEL)
        for number, cell in enumerate(nb.cells):  # the same bytes for the same page, every time
            cell.id = f"cell-{number}"
        name = live_path(page.relative_to(repo).with_suffix("").as_posix())
        files[name] = nbformat.writes(nb).encode("utf-8")
    for exercise in notebooks(repo / "exercises"):
        files[exercise.relative_to(repo).as_posix()] = exercise.read_bytes()
    return files


# --- the workspace: add what is missing, never change what the trainee changed ----------------


@dataclass
class Report:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)  # unchanged by the trainee: the course's new one
    kept: list[str] = field(default_factory=list)  # changed by the trainee, and by the course since

    def lines(self) -> list[str]:
        out = []
        if self.added:
            folders = sorted(Counter(path.split("/")[0] for path in self.added).items())
            out.append("Added from the course: " + ", ".join(f"{n} in {f}/" for f, n in folders) + ".")
        if self.updated:
            out.append(f"Brought {len(self.updated)} page(s) you had not changed up to date: "
                       f"{_some(self.updated)}.")
        for path in self.kept:
            out.append(f"Kept yours: {path}. The course's version has changed since you began it; "
                       "to have the new one too, rename yours and run `make lab` again.")
        return out


def _some(paths: list[str], most: int = 3) -> str:
    return ", ".join(paths[:most]) + (f" and {len(paths) - most} more" if len(paths) > most else "")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sync(workspace: Path, files: dict[str, bytes]) -> Report:
    """Bring ``workspace`` the course's ``files`` without losing any of the trainee's work.

    A file that is missing is added. A file the trainee has not changed since the course gave it
    is brought up to date when the course's version changes. A file the trainee has changed is
    never touched: when the course's version changes it is kept, and the report says so once.
    What the course gave is remembered in ``.actionlearning/course.json``.
    """
    record_file = workspace / STATE / "course.json"
    record = json.loads(record_file.read_text("utf-8")) if record_file.is_file() else {}
    report = Report()
    for path, data in sorted(files.items()):
        target = workspace / path
        new = _sha(data)
        entry = record.setdefault(path, {"base": None, "told": None})
        if not target.exists():
            if _create(target, data):
                report.added.append(path)
                entry.update(base=new, told=None)
            continue
        current = _sha(target.read_bytes())
        if current == new:
            entry.update(base=new, told=None)
        elif current == entry["base"]:  # the course's own copy, untouched: nothing of theirs to lose
            _replace(target, data, expected=current)
            report.updated.append(path)
            entry.update(base=new, told=None)
        elif entry["told"] != new:  # theirs, and the course has moved on: keep it, say so once
            report.kept.append(path)
            entry["told"] = new
    _write_atomically(record_file, (json.dumps(record, indent=1, sort_keys=True) + "\n").encode("utf-8"))
    return report


def _create(target: Path, data: bytes) -> bool:
    """Write a new file, whole or not at all, and never over one that appeared meanwhile."""
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".new-", delete=False) as tmp:
        tmp.write(data)
    try:
        os.link(tmp.name, target)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links
        if target.exists():
            return False
        os.replace(tmp.name, target)
        return True
    finally:
        Path(tmp.name).unlink(missing_ok=True)
    return True


def _replace(target: Path, data: bytes, expected: str) -> None:
    """Replace a file the trainee has not changed, checking again just before."""
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".new-", delete=False) as tmp:
        tmp.write(data)
    if _sha(target.read_bytes()) == expected:
        os.replace(tmp.name, target)
    else:
        Path(tmp.name).unlink()


def _write_atomically(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=target.parent, prefix=".new-", delete=False) as tmp:
        tmp.write(data)
    os.replace(tmp.name, target)


def check_workspace(workspace: Path, repo: Path = REPO) -> None:
    """Refuse a workspace where the trainee's work could be removed or published: inside _build
    (`make clean` removes it), or anywhere in the repository that git would commit."""
    workspace = workspace.resolve()
    if not workspace.is_relative_to(repo.resolve()):
        return
    if workspace.is_relative_to(repo.resolve() / "_build"):
        raise WorkspaceError(f"{workspace} is inside _build, which `make clean` removes: {ELSEWHERE}")
    try:
        ignored = subprocess.run(["git", "-C", str(repo), "check-ignore", "-q", str(workspace)],
                                 capture_output=True).returncode == 0
    except FileNotFoundError:  # no git to ask
        ignored = False
    if not ignored:
        raise WorkspaceError(f"{workspace} is inside the workbook, whose folders are shared and "
                             f"published, and git would commit it: {ELSEWHERE}")


def prepare_workspace(workspace: Path, repo: Path = REPO) -> Report:
    """Make the workspace (readable by its owner alone) and bring it the course's files."""
    check_workspace(workspace, repo)
    if not workspace.exists():
        workspace.mkdir(parents=True, mode=0o700)
    return sync(workspace, course_files(repo))


# --- the trainee's Lab: nbgrader's trainers' tools off, for this launch alone --------------------


def exchange() -> Path | None:
    """The nbgrader exchange a trainee fetches from and submits to, if there is one:
    $ACTIONLEARNING_EXCHANGE, else the folder nbgrader's own configuration (a JupyterHub's,
    say) or its default names, when it exists."""
    named = os.environ.get(EXCHANGE_ENV)
    if named:
        root = Path(named).expanduser()
    else:
        from jupyter_core.paths import jupyter_config_path
        from nbgrader.exchange.default.exchange import Exchange
        from traitlets.config import Application

        app = Application()
        app.load_config_file("nbgrader_config", path=jupyter_config_path())
        root = Path(app.config.Exchange.get("root", Exchange.class_traits()["root"].default_value))
    return root if root.is_dir() else None


def trainee_config(folder: Path, exchange_root: Path | None) -> Path:
    """Write the trainee's Jupyter configuration into ``folder``; return it."""
    plugins = TRAINERS_PLUGINS + (() if exchange_root else EXCHANGE_PLUGINS)
    server = TRAINERS_SERVER + (() if exchange_root else EXCHANGE_SERVER)
    settings = {
        "labconfig/page_config.json": {"disabledExtensions": {p: True for p in plugins}},
        "jupyter_server_config.json": {"ServerApp": {"jpserver_extensions": {s: False for s in server}}},
    }
    if exchange_root and os.environ.get(EXCHANGE_ENV):  # tell nbgrader in the lab where it is
        settings["nbgrader_config.json"] = {"Exchange": {"root": str(exchange_root)}}
    (folder / "nbgrader_config.json").unlink(missing_ok=True)  # an earlier launch's exchange
    for name, value in settings.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(json.dumps(value, indent=1) + "\n", "utf-8")
    return folder


def command(edition: str, workspace: Path | None = None, extra: list[str] | None = None,
            repo: Path = REPO) -> tuple[list[str], dict[str, str], Path]:
    """Set the edition's lab up: the command that starts it, its environment and its folder."""
    nbgrader_helpers_on_path()
    env = dict(os.environ)
    if edition == "trainer":
        from actionlearning.site.lab_settings import write_overrides

        root = repo
        print(f"The trainer's lab, on the whole workbook ({root}): source/ and formgrader included; "
              f"the handbook's pages open as notebooks ({write_overrides(Path(sys.prefix))}).")
    else:
        root = (workspace or default_workspace()).expanduser().resolve()
        report = prepare_workspace(root, repo)
        found = exchange()
        config = trainee_config(root / STATE / "jupyter", found)
        first = [str(config), env.get("JUPYTER_CONFIG_PATH")]
        env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(filter(None, first))
        _tell_trainee(root, report, found)
        # what Lab reopens is the workspace's own, never a trainer's lab's tabs (source/ and all)
        extra = [f"--LabApp.workspaces_dir={root / STATE / 'lab-workspaces'}", *(extra or [])]
    jupyter = Path(sys.executable).with_name("jupyter")
    return [str(jupyter) if jupyter.exists() else "jupyter", "lab", f"--ServerApp.root_dir={root}",
            *(extra or [])], env, root


def _tell_trainee(root: Path, report: Report, found: Path | None) -> None:
    if os.name == "posix" and root.stat().st_mode & 0o077:
        print(f"Your work lives in {root}. Others on this computer can open that folder: "
              f"`chmod 700 {root}` keeps your reflections to yourself.")
    else:
        print(f"Your work lives in {root}, a folder of your own that only you can open.")
    for line in report.lines():
        print(f"  {line}")
    print("  JupyterLab shows that folder alone: the handbook's pages as notebooks, and the exercises.\n"
          "  What you save there stays there: `make clean` and later runs of `make lab` never change\n"
          "  a file you have changed.")
    if found:
        print(f"  Your course's exchange is {found}: fetch and submit exercises in the Assignments tab.")
    elif os.environ.get(EXCHANGE_ENV):
        print(f"  {EXCHANGE_ENV} names {os.environ[EXCHANGE_ENV]}, which does not exist: without an "
              "exchange there is no Assignments tab; ask your trainer how to hand exercises in.")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actionlearning.site.lab", allow_abbrev=False,
                                     description=__doc__.split("\n")[0],
                                     epilog="Other options are passed to `jupyter lab`.")
    parser.add_argument("edition", choices=EDITIONS)
    parser.add_argument("--workspace", type=Path, default=None, help="the trainee's folder (default: "
                        f"${WORKSPACE_ENV}, else ~/action-learning-work)")
    args, extra = parser.parse_known_args(argv)
    try:
        if args.edition == "trainee":
            os.umask(0o077)  # what Lab saves in the workspace is the trainee's alone, as the folder is
        argv_, env, root = command(args.edition, args.workspace, extra)
    except WorkspaceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    os.chdir(root)  # nbgrader reads its configuration from the folder it starts in, too
    os.execvpe(argv_[0], argv_, env)


if __name__ == "__main__":
    raise SystemExit(main())
