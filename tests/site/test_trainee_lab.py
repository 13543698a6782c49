"""A trainee's JupyterLab shows trainee material only, and never loses their work; a trainer's
keeps everything. The workspace is checked directly; then one trainee lab, launched as `make lab`
launches it, is driven in Chromium, while a trainer's lab is asked for the page it would send."""

from __future__ import annotations

import json
import os
import re
import socket
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from actionlearning.site import lab
from tests.conftest import REPO
from tests.site.browsing import SCREENSHOTS, run_all_until

# --- the workspace ------------------------------------------------------------------------------


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and lab.STATE not in p.relative_to(folder).parts}


def test_the_workspace_holds_the_pages_and_released_exercises_never_source(tmp_path):
    workspace = tmp_path / "work"
    report = lab.prepare_workspace(workspace)
    files = _tree(workspace)
    pages = {f"{p.relative_to(REPO).with_suffix('').as_posix()}.ipynb" for p in lab.toc_pages()}
    exercises = {p.relative_to(REPO).as_posix() for p in (REPO / "exercises").rglob("*.ipynb")
                 if ".ipynb_checkpoints" not in p.parts}
    assert set(files) == pages | exercises and sorted(report.added) == sorted(files)
    assert not (workspace / "source").exists()
    assert stat.S_IMODE(workspace.stat().st_mode) == 0o700  # reflections are the trainee's alone
    for name in exercises:
        assert files[name] == (REPO / name).read_bytes()  # as released
    page = json.loads(files["book/sessions/session-01.ipynb"])
    assert page["metadata"]["kernelspec"]["name"] == "python3"  # this machine's Python, not Pyodide
    for text in files.values():
        assert b"BEGIN SOLUTION" not in text and b"{facilitator-note}" not in text
    again = lab.prepare_workspace(workspace)  # idempotent: nothing to say, nothing changed
    assert again.lines() == [] and _tree(workspace) == files


def test_running_it_again_never_changes_what_the_trainee_changed(tmp_path):
    course = {"book/a.ipynb": b"a1", "book/b.ipynb": b"b1", "exercises/s/c.ipynb": b"c1"}
    lab.sync(tmp_path, course)
    (tmp_path / "book/a.ipynb").write_bytes(b"my reflection")  # edited
    (tmp_path / "exercises/s/c.ipynb").unlink()  # deleted: the course's copy comes back
    (tmp_path / "book/mine.ipynb").write_bytes(b"my own notebook")
    changed = {"book/a.ipynb": b"a2", "book/b.ipynb": b"b2", "exercises/s/c.ipynb": b"c1",
               "book/d.ipynb": b"d1"}
    report = lab.sync(tmp_path, changed)
    assert (tmp_path / "book/a.ipynb").read_bytes() == b"my reflection"
    assert (tmp_path / "book/b.ipynb").read_bytes() == b"b2"  # untouched by the trainee: brought up to date
    assert (tmp_path / "book/mine.ipynb").read_bytes() == b"my own notebook"
    assert report.kept == ["book/a.ipynb"] and report.updated == ["book/b.ipynb"]
    assert report.added == ["book/d.ipynb", "exercises/s/c.ipynb"]
    assert any("Kept yours: book/a.ipynb" in line for line in report.lines())
    assert lab.sync(tmp_path, changed).lines() == []  # said once
    (tmp_path / "book/b.ipynb").write_bytes(b"now mine")
    lab.sync(tmp_path, {**changed, "book/b.ipynb": b"b3"})
    assert (tmp_path / "book/b.ipynb").read_bytes() == b"now mine"
    # a file of the trainee's where the course would put one, before any record: theirs
    other = tmp_path / "other"
    (other / "book").mkdir(parents=True)
    (other / "book/a.ipynb").write_bytes(b"theirs")
    assert lab.sync(other, course).kept == ["book/a.ipynb"]
    assert (other / "book/a.ipynb").read_bytes() == b"theirs"


@pytest.mark.parametrize("inside", ["_build/work", "book/work"])
def test_a_workspace_is_refused_where_work_could_be_removed_or_published(inside):
    with pytest.raises(lab.WorkspaceError, match="outside the workbook"):
        lab.check_workspace(REPO / inside)


def test_nbgraders_trainers_tools_are_off_and_assignments_only_with_an_exchange(tmp_path, monkeypatch):
    monkeypatch.setenv("ACTIONLEARNING_EXCHANGE", str(tmp_path / "none"))
    assert lab.exchange() is None
    config = lab.trainee_config(tmp_path / "config", None)
    disabled = json.loads((config / "labconfig/page_config.json").read_text())["disabledExtensions"]
    assert set(disabled) == {f"@jupyter/nbgrader:{p}" for p in
                             ("formgrader", "create-assignment", "course-list", "assignment-list", "menu")}
    server = json.loads((config / "jupyter_server_config.json").read_text())["ServerApp"]
    assert server["jpserver_extensions"] == {f"nbgrader.server_extensions.{e}": False
                                             for e in ("formgrader", "course_list", "assignment_list")}
    (tmp_path / "exchange").mkdir()
    monkeypatch.setenv("ACTIONLEARNING_EXCHANGE", str(tmp_path / "exchange"))
    assert lab.exchange() == tmp_path / "exchange"
    lab.trainee_config(config, lab.exchange())
    disabled = json.loads((config / "labconfig/page_config.json").read_text())["disabledExtensions"]
    assert "@jupyter/nbgrader:assignment-list" not in disabled and "@jupyter/nbgrader:formgrader" in disabled
    nbgrader = json.loads((config / "nbgrader_config.json").read_text())
    assert nbgrader == {"Exchange": {"root": str(tmp_path / "exchange")}}


# --- the labs themselves --------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _launch(edition: str, tmp_path: Path, env: dict[str, str]) -> tuple[subprocess.Popen, str, Path]:
    """Start a lab as `make lab` does, with the tests' options passed through to jupyter lab."""
    port, log = _free_port(), tmp_path / f"{edition}.log"
    workspace = ["--workspace", str(tmp_path / "work")] if edition == "trainee" else []
    options = ["--no-browser", "--allow-root", f"--port={port}", "--ServerApp.ip=127.0.0.1",
               "--ServerApp.token=workbook-test", "--LabApp.news_url=",
               "--LabServerApp.extra_labextensions_path=[]", "--LabApp.expose_app_in_browser=True",
               f"--FileCheckpoints.checkpoint_dir={tmp_path / edition}"]
    process = subprocess.Popen([sys.executable, "-m", "actionlearning.site.lab", edition, *workspace,
                                *options], stdout=log.open("w"), stderr=subprocess.STDOUT, env=env, cwd=REPO)
    return process, f"http://127.0.0.1:{port}", log


def _get(url: str, timeout: float = 90) -> tuple[int, str]:
    """A page of a starting server: its status and text, once it answers."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status, response.read().decode("utf-8")
        except urllib.error.HTTPError as exc:
            return exc.code, ""
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def _page_config(base: str) -> dict:
    """What the server tells Lab's page: its jupyter-config-data."""
    status, html = _get(f"{base}/lab?token=workbook-test")
    assert status == 200
    found = re.search(r'<script id="jupyter-config-data"[^>]*>(.*?)</script>', html, re.S)
    return json.loads(found.group(1))


@pytest.mark.browser
def test_a_trainees_lab_shows_trainee_material_only_and_a_trainers_everything(browser, tmp_path):
    env = {**os.environ, "ACTIONLEARNING_EXCHANGE": str(tmp_path / "no-exchange")}
    trainee, base, log = _launch("trainee", tmp_path, env)
    trainer, trainer_base, trainer_log = _launch("trainer", tmp_path, env)
    # Run All scrolls to the end: keep every cell in the page for the widget to be found
    tracker = Path(os.environ["JUPYTERLAB_SETTINGS_DIR"], "@jupyterlab", "notebook-extension",
                   "tracker.jupyterlab-settings")
    tracker.parent.mkdir(parents=True, exist_ok=True)
    tracker.write_text('{"windowingMode": "none"}', encoding="utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    seen: list[str] = []
    page.on("console", lambda m: seen.append(f"{m.type}: {m.text}"))
    try:
        config = _page_config(base)
        assert {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                "@jupyter/nbgrader:assignment-list"} <= set(config["disabledExtensions"])
        # the tabs Lab reopens are the workspace's own: never a trainer's lab's, nor theirs in it
        assert Path(config["workspacesDir"]).is_relative_to(tmp_path / "work" / lab.STATE)
        assert _get(f"{base}/formgrader?token=workbook-test")[0] == 404  # the server extensions are off
        assert _get(f"{base}/courses?token=workbook-test")[0] == 404
        listing = json.loads(_get(f"{base}/api/contents?token=workbook-test")[1])
        assert {item["name"] for item in listing["content"]} == {"book", "exercises"}
        assert "Your work lives in" in log.read_text("utf-8")

        page.goto(f"{base}/lab/tree/book/sessions/session-01.ipynb?token=workbook-test")
        page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=120000)
        page.locator(".jp-BreadCrumbs-home").first.click()  # the file browser, at the top of what it shows
        page.locator(".jp-DirListing-item[title^='Name: exercises']").wait_for(timeout=30000)
        browser_items = page.locator(".jp-DirListing-content .jp-DirListing-itemName").all_inner_texts()
        assert sorted(browser_items) == ["book", "exercises"], browser_items
        # markdown cells are rendered a moment after the notebook shows: wait for the first citation
        page.locator(".jp-MarkdownOutput", has_text="(Revans, 2011)").first.wait_for(timeout=60000)
        text = page.locator(".jp-Notebook").inner_text()
        assert "(Revans, 2011)" in text and "Before the session." not in text
        assert not re.search(r"\{(term|cite:p|cite:t|doc|download|facilitator-note)\}", text)
        menus = page.locator(".lm-MenuBar-itemLabel").all_inner_texts()
        assert "Nbgrader" not in menus, menus
        # no command to open them, so nothing in a menu or the command palette can (Lab hides an
        # item whose command does not exist); the trainer's lab has them all (below)
        commands = page.evaluate("() => window.jupyterapp.commands.listCommands()")
        assert not [c for c in commands if c.startswith("nbgrader:open")], commands
        assert not page.get_by_title("Nbgrader Create Assignment").count()

        widget = page.locator(".jp-OutputArea .jupyter-widgets.widget-vbox").filter(
            has=page.get_by_role("button", name="Puzzle")).first
        run_all_until(page, widget, seen)
        for button in ("Puzzle", "Q: questioning insight", "Check"):  # sort a card: Python answers
            widget.get_by_role("button", name=button).click()
        widget.get_by_text(re.compile(r"[1-9]\d* of \d+ judgements matched so far")).wait_for(timeout=30000)
        assert "Error fetching courses!" not in page.locator("body").inner_text()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "trainee-lab-session-01.png"))
        # a {download} of the week's exercise is a link that opens the workspace's copy
        page.get_by_role("link", name="Download the exercise notebook").click()
        page.locator(".lm-TabBar-tabLabel", has_text="why-action-learning.ipynb").wait_for(timeout=30000)
        page.close()  # before the server stops: a server with a page open can hang as it stops

        # the trainer's lab: the whole workbook, nbgrader's every tool
        config = _page_config(trainer_base)
        assert not any(p.startswith("@jupyter/nbgrader") for p in config["disabledExtensions"])
        assert Path(config["serverRoot"]).resolve() == REPO
        listing = json.loads(_get(f"{trainer_base}/api/contents?token=workbook-test")[1])
        assert "source" in {item["name"] for item in listing["content"]}
        assert "nbgrader.server_extensions.formgrader | extension was successfully loaded" in \
            trainer_log.read_text("utf-8")
    except Exception as exc:
        server_log = log.read_text("utf-8", errors="replace")[-3000:]
        raise AssertionError(f"{exc}\nconsole: {seen[-15:]}\n{server_log}") from exc
    finally:
        page.close()
        for process in (trainee, trainer):
            process.terminate()
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
