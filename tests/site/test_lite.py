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


GATHERED = Path(__file__).resolve().parents[2] / "_build" / "lite"


def _gathered() -> Path:
    """The live handbook's Python as make book gathered it (skip, or in CI fail, if it did not)."""
    if not (GATHERED / "jupyter-lite.json").is_file():
        if os.environ.get("CI"):
            pytest.fail("make test gathers the live handbook's Python before the tests, but it is missing")
        pytest.skip("the live handbook's Python is gathered by make book / make test")
    return GATHERED


def test_the_gathered_folder_names_every_file_its_lock_lists():
    """What make book gathered here: each wheel in the lock is there with its hash, and the app
    will not fall back to PyPI; the kernel's own wheels start with Pyodide, not installed after."""
    folder = _gathered()
    pyodide = folder / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text("utf-8"))
    for entry in lock["packages"].values():
        data = (pyodide / entry["file_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["file_name"]
    assert {"actionlearning", "ipywidgets", "pyyaml", "ipython", "micropip"} <= set(lock["packages"])
    assert lock["packages"]["pyyaml"]["file_name"].endswith("py3-none-any.whl")  # pure Python
    settings = json.loads((folder / "jupyter-lite.json").read_text("utf-8"))["jupyter-config-data"]
    kernel = settings["litePluginSettings"]["@jupyterlite/pyodide-kernel-extension:kernel"]
    assert kernel["disablePyPIFallback"] is True
    assert {"actionlearning", *lite.KERNEL_WHEELS} <= set(kernel["loadPyodideOptions"]["packages"]) <= set(lock["packages"])


def test_the_gathered_python_is_bytecode_that_pyodide_imports_without_compiling():
    """Third-party modules ship as bytecode in place of their sources (RECORD says so), the
    handbook's own package keeps its sources with bytecode beside them, the standard library's
    start-up modules are compiled; and Pyodide itself (under Node) starts the kernel and the
    package from the gathered folder, every module it imports on the way loaded as bytecode."""
    import shutil
    import subprocess

    pyodide = _gathered() / "static" / "pyodide"
    lock = json.loads((pyodide / "pyodide-lock.json").read_text("utf-8"))["packages"]
    with zipfile.ZipFile(pyodide / lock["ipython"]["file_name"]) as wheel:
        names = wheel.namelist()
        record = wheel.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode()
    assert "IPython/core/interactiveshell.pyc" in names and "IPython/core/interactiveshell.py" not in names
    assert "IPython/core/interactiveshell.pyc,," in record.splitlines()
    with zipfile.ZipFile(pyodide / lock["actionlearning"]["file_name"]) as wheel:
        names = wheel.namelist()
    assert "actionlearning/practice/questions/__init__.py" in names
    assert any(n.startswith("actionlearning/practice/questions/__pycache__/__init__.cpython-3") for n in names)
    with zipfile.ZipFile(pyodide / "python_stdlib.zip") as stdlib:
        assert "argparse.pyc" in stdlib.namelist()  # IPython imports it as it starts

    node = shutil.which("node")
    if node is None:
        pytest.skip("Node.js is not installed here (make book needs it: it comes with npm)")
    script = f"""
const {{ loadPyodide }} = await import({json.dumps((pyodide / "pyodide.mjs").as_uri())});
const py = await loadPyodide({{ indexURL: {json.dumps(str(pyodide) + "/")},
  packages: {json.dumps(list(lite.PRELOAD))}, stdout: () => {{}}, stderr: () => {{}} }});
console.log(py.runPython(`
import sys
compiled = []  # every module compiled from its source as it is imported
sys.addaudithook(lambda event, args: compiled.append(str(args[1])) if event == "compile" and str(args[1]).endswith(".py") else None)
for name in {list(lite.STARTUP_IMPORTS)!r}:
    __import__(name)
str(len(sys.modules)) + " " + ",".join(compiled)
`));
"""
    done = subprocess.run([node, "--input-type=module", "-e", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    count, _, compiled_at_start = done.stdout.strip().rpartition("\n")[2].partition(" ")
    assert int(count) > 300  # the kernel and the package really started
    assert compiled_at_start == "", f"compiled from source as they started: {compiled_at_start}"
