"""The live handbook's Python, gathered without running a browser: Pyodide's lock rewritten to
name exactly the wheels gathered, with requirements read as Python in the browser reads them."""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
from pathlib import Path

import pytest

from actionlearning.site import lite


def _wheel(folder: Path, name: str, version: str, requires: list[str], modules: list[str]) -> Path:
    path = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(path, "w") as zf:
        meta = f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n" + "".join(
            f"Requires-Dist: {r}\n" for r in requires)
        zf.writestr(f"{name}-{version}.dist-info/METADATA", meta)
        for module in modules:
            zf.writestr(f"{module}/__init__.py", "")
    return path


LOCK = {"info": {"python": "3.14.2", "platform": "emscripten_5_0_3"}, "packages": {
    "ipython": {"name": "ipython", "version": "9.12.0", "depends": ["traitlets", "prompt_toolkit"]},
    "traitlets": {"name": "traitlets", "version": "5.14.3", "depends": []},
    "prompt-toolkit": {"name": "prompt_toolkit", "version": "3.0.52", "depends": ["wcwidth"]},
    "wcwidth": {"name": "wcwidth", "version": "0.6.0", "depends": []},
    "numpy": {"name": "numpy", "version": "2.3.0", "depends": []},
}}


def test_the_closure_follows_the_lock_with_names_made_canonical():
    assert lite._closure(LOCK, ("ipython",)) == {"ipython", "traitlets", "prompt-toolkit", "wcwidth"}


def test_the_rewritten_lock_names_only_the_wheels_with_browser_requirements(tmp_path):
    wheels = [
        _wheel(tmp_path, "widgetlib", "1.0", ["traitlets>=5", "pywin32; sys_platform == 'win32'",
                                               "sniffio; sys_platform == 'emscripten'",
                                               "pytest; extra == 'test'", "missing-here"], ["widgetlib"]),
        _wheel(tmp_path, "traitlets", "5.14.3", [], ["traitlets"]),
        _wheel(tmp_path, "sniffio", "1.3.1", [], ["sniffio"]),
    ]
    lock = lite.rewrite_lock(LOCK, wheels)
    assert lock["info"] == LOCK["info"]
    assert sorted(lock["packages"]) == ["sniffio", "traitlets", "widgetlib"]  # not numpy or ipython
    entry = lock["packages"]["widgetlib"]
    # Windows-only and test-only requirements dropped; one not among the wheels cannot be named
    assert entry["depends"] == ["sniffio", "traitlets"]
    assert entry["imports"] == ["widgetlib"] and entry["file_name"] == wheels[0].name
    assert entry["sha256"] == hashlib.sha256(wheels[0].read_bytes()).hexdigest()


def test_a_pyodide_the_kernel_was_not_built_for_is_refused_clearly(tmp_path):
    npm = tmp_path / "pyodide"
    npm.mkdir()
    (npm / "package.json").write_text(json.dumps({"version": "0.1.0"}), "utf-8")
    with pytest.raises(lite.LiteError, match=f"kernel was built for {lite.pyodide_version()}"):
        lite.assemble(tmp_path / "lite", npm_pyodide=npm)
    with pytest.raises(lite.LiteError, match="run `make book`"):
        lite.assemble(tmp_path / "lite", npm_pyodide=tmp_path / "nowhere")


def test_the_gathered_folder_names_every_file_its_lock_lists():
    """What make book gathered here: each wheel in the lock is there with its hash, and the app
    will not fall back to PyPI."""
    folder = Path(__file__).resolve().parents[2] / "_build" / "lite"
    if not (folder / "jupyter-lite.json").is_file():
        if os.environ.get("CI"):
            pytest.fail("make test gathers the live handbook's Python before the tests, but it is missing")
        pytest.skip("the live handbook's Python is gathered by make book / make test")
    pyodide = folder / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text("utf-8"))
    for entry in lock["packages"].values():
        data = (pyodide / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file_name"]
    assert {"actionlearning", "ipywidgets", "pyyaml", "ipython", "micropip"} <= set(lock["packages"])
    assert lock["packages"]["pyyaml"]["file_name"].endswith("py3-none-any.whl")  # pure Python
    settings = json.loads((folder / "jupyter-lite.json").read_text("utf-8"))["jupyter-config-data"]
    kernel = settings["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True and "actionlearning" in kernel["loadPyodideOptions"]["packages"]
