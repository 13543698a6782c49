"""The live handbook's Python: what the JupyterLite app in the website runs on, gathered at
set-up from the package registries into one folder, so that nothing at run time leaves the site.

Trainees on managed laptops and NHS networks cannot install Python, and many of those networks
block CDNs; by default the Pyodide kernel fetches Pyodide and every package from one. Here:

- Pyodide's core comes from the npm registry (``book/_widgets/package.json`` pins the version
  the kernel was built for; the package holds the core only);
- the wheels the kernel needs come from PyPI, pure Python, with the workbook's own package,
  ipywidgets and PyYAML (built as pure Python: Pyodide's own is compiled and on its CDN);
- Pyodide's lock is rewritten to name exactly those wheels and nothing else, so a package that
  is not here fails at once, in the browser, instead of being fetched from elsewhere.

`make book` runs ``python -m actionlearning.site.lite`` once (again when a pin changes); the
site's build then copies the folder into the JupyterLite app (``jupyterlite_dir``).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata as metadata
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

REPO = Path(__file__).resolve().parents[2]
NPM_PYODIDE = REPO / "book" / "_widgets" / "node_modules" / "pyodide"
COMPILE_BYTECODE = REPO / "book" / "_widgets" / "compile-bytecode.mjs"
# What the kernel imports as it starts, and what every session page imports: loaded with
# Pyodide itself, while it starts, so neither the kernel nor a page's first cell installs anything.
PRELOAD = ("micropip", "ipython", "jedi", "comm", "piplite", "ipykernel", "pyodide-kernel", "actionlearning")
# The kernel's own wheels, which its JupyterLab extension carries (else it installs them one by
# one with micropip after Pyodide has started).
KERNEL_WHEELS = ("piplite", "ipykernel", "pyodide-kernel")
LABEXTENSIONS = Path(sys.prefix, "share", "jupyter", "labextensions")
KERNEL_PYPI = LABEXTENSIONS / "@jupyterlite" / "pyodide-kernel-extension" / "static" / "pypi"
# From PyPI, beside what Pyodide's lock names for the packages above, at the versions installed
# here: the widgets' Python and JavaScript halves must match.
FROM_PYPI = ("ipywidgets", "jupyterlab-widgets", "comm", "ipython-pygments-lexers")
PURE_BUILT = {"pyyaml": "PYYAML_FORCE_LIBYAML"}  # Pyodide's wheel is compiled: build a pure one
CORE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide.js")


class LiteError(RuntimeError):
    """The live handbook's Python could not be gathered; the message says what to do."""


def pyodide_version() -> str:
    """The Pyodide the installed JupyterLite kernel was built for."""
    from jupyterlite_pyodide_kernel.constants import PYODIDE_VERSION

    return PYODIDE_VERSION


def _pip(*args: str, env: dict[str, str] | None = None) -> None:
    done = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True,
                          env={**os.environ, **(env or {})})
    if done.returncode:
        raise LiteError(f"pip {' '.join(args)} failed:\n{done.stderr[-3000:]}")


def _browser_environment() -> dict[str, str]:
    """Markers as Pyodide's Python sees them, for reading wheels' requirements."""
    env = default_environment()
    env.update(python_version="3.14", python_full_version="3.14.2", sys_platform="emscripten",
               platform_system="Emscripten", platform_machine="wasm32", implementation_name="cpython",
               os_name="posix", extra="")
    return env


def _metadata(wheel: Path) -> tuple[list[str], list[str]]:
    """(requirements for the browser, top-level import names) of a wheel."""
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        meta = next(n for n in names if n.endswith(".dist-info/METADATA"))
        message = Parser().parsestr(zf.read(meta).decode("utf-8"))
        top = next((n for n in names if n.endswith(".dist-info/top_level.txt")), None)
        imports = (zf.read(top).decode("utf-8").split() if top else
                   sorted({n.split("/")[0].removesuffix(".py") for n in names
                           if "/" in n and not n.split("/")[0].endswith((".dist-info", ".data"))}
                          | {n.removesuffix(".py") for n in names if "/" not in n and n.endswith(".py")}))
    env = _browser_environment()
    wanted = []
    for line in message.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate(env):
            wanted.append(canonicalize_name(req.name))
    return wanted, imports


def _by_name(lock: dict) -> dict[str, dict]:
    """The lock's packages by canonical name."""
    return {canonicalize_name(k): v for k, v in lock["packages"].items()}


def _closure(lock: dict, roots: tuple[str, ...]) -> set[str]:
    """The packages ``roots`` need, by Pyodide's lock (names canonical)."""
    packages = _by_name(lock)
    seen: set[str] = set()
    stack = [canonicalize_name(r) for r in roots]
    while stack:
        name = stack.pop()
        if name in seen or name not in packages:
            continue
        seen.add(name)
        stack += [canonicalize_name(d) for d in packages[name]["depends"]]
    return seen


def kernel_wheels(folder: Path = KERNEL_PYPI) -> list[Path]:
    """The kernel's own wheels (KERNEL_WHEELS), newest of each, from its JupyterLab extension."""
    newest: dict[str, Path] = {}
    for wheel in sorted(folder.glob("*.whl"), key=lambda w: parse_wheel_filename(w.name)[1]):
        name = canonicalize_name(parse_wheel_filename(wheel.name)[0])
        if name in KERNEL_WHEELS:
            newest[name] = wheel
    missing = sorted(set(KERNEL_WHEELS) - newest.keys())
    if missing:
        raise LiteError(f"The JupyterLite kernel's wheels {', '.join(missing)} are not in {folder}: "
                        "reinstall jupyterlite-pyodide-kernel (`make book` does).")
    return [newest[name] for name in KERNEL_WHEELS]


def gather_wheels(lock: dict, dest: Path) -> list[Path]:
    """Download (or build) every wheel the live handbook needs into ``dest``."""
    for wheel in kernel_wheels():
        shutil.copy2(wheel, dest / wheel.name)
    packages = _by_name(lock)
    needed = _closure(lock, PRELOAD)
    specs = [f"{name}=={packages[name]['version']}" for name in sorted(needed - set(PURE_BUILT))]
    specs += [f"{name}=={metadata.version(name)}" for name in sorted(set(FROM_PYPI) - needed)]
    _pip("download", "--quiet", "--no-deps", "--only-binary=:all:", "--python-version", "3.14",
         "--implementation", "py", "--abi", "none", "--platform", "any", "--dest", str(dest), *specs)
    for name, switch in PURE_BUILT.items():
        version = packages[name]["version"]
        _pip("wheel", "--quiet", "--no-deps", "--no-binary", name, "--wheel-dir", str(dest), f"{name}=={version}",
             env={switch: "0"})
    with tempfile.TemporaryDirectory() as tmp:  # built from a copy: a build leaves build/ behind
        copy = Path(tmp) / "actionlearning"
        shutil.copytree(REPO / "actionlearning", copy / "actionlearning",
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        for name in ("pyproject.toml", "README.md"):
            shutil.copy2(REPO / name, copy / name)
        _pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(dest), str(copy))
    return sorted(dest.glob("*.whl"))


# What starts when a page runs: the kernel, and the package with its widgets; and the wheels
# that keep their sources beside their bytecode (the handbook's own, for readable tracebacks).
STARTUP_IMPORTS = ("pyodide_kernel", "actionlearning.widgets")
KEEP_SOURCES = ("actionlearning",)


def add_bytecode(pyodide: Path, stdlib: Path, wheels: list[Path]) -> None:
    """Compile the modules in ``wheels``, and those of the standard library's zip ``stdlib``
    that start-up imports, with Pyodide's own Python (under Node, from the npm package at
    ``pyodide``), into the archives (book/_widgets/compile-bytecode.mjs says how)."""
    node = shutil.which("node")
    if node is None:
        raise LiteError("Node.js is needed to build the live handbook (it comes with npm): install nodejs.")
    done = subprocess.run([node, str(COMPILE_BYTECODE), str(pyodide), str(stdlib), ",".join(STARTUP_IMPORTS),
                           ",".join(KEEP_SOURCES), *map(str, wheels)],
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise LiteError(f"Compiling the live handbook's Python failed:\n{done.stderr[-3000:]}")


def rewrite_lock(lock: dict, wheels: list[Path]) -> dict:
    """Pyodide's lock naming exactly ``wheels``: each with its own file name, hash, requirements
    (those among the wheels) and import names."""
    by_name = {canonicalize_name(parse_wheel_filename(w.name)[0]): w for w in wheels}
    packages = {}
    for name, wheel in sorted(by_name.items()):
        depends, imports = _metadata(wheel)
        version = str(parse_wheel_filename(wheel.name)[1])
        packages[name] = {
            "name": name, "version": version, "file_name": wheel.name, "install_dir": "site",
            "sha256": hashlib.sha256(wheel.read_bytes()).hexdigest(), "package_type": "package",
            "imports": imports, "depends": sorted(d for d in depends if d in by_name),
            "unvendored_tests": False, "shared_library": False,
        }
    return {"info": lock["info"], "packages": packages}


LAB_EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@jupyterlite/pyodide-kernel-extension")


def _extensions() -> list[str]:
    """The JupyterLab extensions the live handbook loads: the widgets' and the kernel's (not
    nbgrader's formgrader, which has no place in a trainee's practice)."""
    found = [LABEXTENSIONS / name for name in LAB_EXTENSIONS]
    missing = [str(p) for p in found if not (p / "package.json").is_file()]
    if missing:
        raise LiteError(f"JupyterLab extensions missing: {', '.join(missing)}; run `make book` to install them.")
    return [str(p) for p in found]


def assemble(out: Path, npm_pyodide: Path = NPM_PYODIDE) -> None:
    """Fill ``out`` (a JupyterLite folder) with Pyodide, the wheels and the settings."""
    package = npm_pyodide / "package.json"
    if not package.is_file():
        raise LiteError(f"Pyodide's npm package is not at {npm_pyodide}: run `make book`, which installs "
                        "it from the npm registry.")
    version = json.loads(package.read_text("utf-8"))["version"]
    if version != pyodide_version():
        raise LiteError(f"book/_widgets/package.json pins Pyodide {version}, but the installed JupyterLite "
                        f"kernel was built for {pyodide_version()}: pin that version and run `make book`.")
    lock = json.loads((npm_pyodide / "pyodide-lock.json").read_text("utf-8"))
    with tempfile.TemporaryDirectory(dir=out.parent, prefix=".lite-") as tmp:
        staging = Path(tmp) / "lite"
        pyodide = staging / "static" / "pyodide"
        pyodide.mkdir(parents=True)
        for name in CORE_FILES:
            shutil.copy2(npm_pyodide / name, pyodide / name)
        wheels = gather_wheels(lock, pyodide)
        add_bytecode(npm_pyodide, pyodide / "python_stdlib.zip", wheels)
        (pyodide / "pyodide-lock.json").write_text(json.dumps(rewrite_lock(lock, wheels), indent=1), "utf-8")
        settings = {"disablePyPIFallback": True, "loadPyodideOptions": {"packages": list(PRELOAD)}}
        config = {"jupyter-lite-schema-version": 0, "jupyter-config-data": {
            "appName": "Action Learning Set Facilitation: practice",
            "litePluginSettings": {"@jupyterlite/pyodide-kernel-extension:kernel": settings}}}
        (staging / "jupyter-lite.json").write_text(json.dumps(config, indent=1), "utf-8")
        # every cell stays in the page (Lab takes those scrolled out of view out of it), so that
        # finding a word finds it anywhere in the page, and a widget is where the trainee left it
        overrides = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}
        (staging / "overrides.json").write_text(json.dumps(overrides, indent=1), "utf-8")
        # the app without source maps (half its size), and only the extensions it needs
        build = {"LiteBuildConfig": {"no_sourcemaps": True, "ignore_sys_prefix": True,
                                     "federated_extensions": _extensions()}}
        (staging / "jupyter_lite_config.json").write_text(json.dumps(build, indent=1), "utf-8")
        if out.exists():
            shutil.rmtree(out)
        os.replace(staging, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m actionlearning.site.lite", description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="the JupyterLite folder to fill, e.g. _build/lite")
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    try:
        assemble(args.out.resolve())
    except LiteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"The live handbook's Python is in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


# --- the site's build: the pages as notebooks for the live app ---------------------------------

PYODIDE_KERNEL = {"name": "python", "display_name": "Python (Pyodide)", "language": "python"}


def page_notebook(page: Path):
    """A handbook page as a notebook for the live app: without facilitator notes, its text
    readable without Sphinx (actionlearning.site.readable), on the browser's Python."""
    import jupytext

    from actionlearning.site.editions import strip_facilitator_notes
    from actionlearning.site.readable import readable

    nb = jupytext.reads(strip_facilitator_notes(page.read_text("utf-8")), fmt="md:myst")
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = readable(cell.source, page)
    nb.metadata["kernelspec"] = dict(PYODIDE_KERNEL)
    nb.metadata.pop("jupytext", None)
    return nb


def notebook_pages(srcdir: Path) -> list[Path]:
    """The handbook's pages that are notebooks (their front matter names a kernel)."""
    return sorted(p for p in (srcdir / "book").rglob("*.md")
                  if ".ipynb_checkpoints" not in p.parts and "\nkernelspec:" in _front_matter(p))


def _front_matter(page: Path) -> str:
    text = page.read_text("utf-8")
    return text.split("\n---", 1)[0] if text.startswith("---\n") else ""


def live_path(docname: str) -> str:
    """Where the live app keeps a page's notebook, from the page's name (book/sessions/session-01)."""
    return f"{docname}.ipynb"


def write_contents(srcdir: Path, dest: Path) -> list[Path]:
    """Each notebook page, as a notebook, into ``dest`` (the app's files), at its page's path,
    and each week's exercise as released to trainees (exercises/), on the browser's Python."""
    import nbformat

    if dest.exists():
        shutil.rmtree(dest)
    written = []
    for page in notebook_pages(srcdir):
        target = dest / live_path(page.relative_to(srcdir).with_suffix("").as_posix())
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(page_notebook(page), target)
        written.append(target)
    for exercise in _notebooks(srcdir / "exercises"):  # as trainees are given them
        nb = nbformat.read(exercise, as_version=4)
        nb.metadata["kernelspec"] = dict(PYODIDE_KERNEL)
        target = dest / exercise.relative_to(srcdir)
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, target)
        written.append(target)
    return written


def _notebooks(folder: Path) -> list[Path]:
    """The notebooks below ``folder``, if it exists (never JupyterLab's checkpoint copies)."""
    from actionlearning.course.exercises import notebooks

    return notebooks(folder) if folder.is_dir() else []


def _contents(app) -> None:
    if app.builder.format != "html":
        return
    lock = Path(app.srcdir, app.config.jupyterlite_dir, "static", "pyodide", "pyodide-lock.json")
    if not lock.is_file():  # else JupyterLite would quietly load Pyodide from a CDN
        from sphinx.errors import ExtensionError

        raise ExtensionError(f"The live handbook's Python is not at {lock.parent.parent.parent}: "
                             "run `make book`, which gathers it.")
    write_contents(Path(app.srcdir), Path(app.srcdir) / app.config.jupyterlite_content_dir)


def _favicons(app, error) -> None:
    """The notebook's idle and busy icons, which JupyterLite copies only when it reads the whole
    environment (it is told not to, to leave nbgrader's extensions out)."""
    app_dir = Path(app.outdir) / "lite"
    if error is None and app.builder.format == "html" and app_dir.is_dir():
        from importlib.resources import files

        shutil.copytree(Path(str(files("jupyter_server") / "static" / "favicons")),
                        app_dir / "static" / "favicons", dirs_exist_ok=True)


LIVE_BUTTON = (
    '<div class="al-live-launch"><a class="al-live-button" href="{href}" target="_blank" rel="noopener">'
    "Practise live</a>{exercise}<span>Opens in a new tab, with Python running in your browser: "
    "nothing to install, and nothing you type leaves your computer. The first start takes a little "
    "while.</span></div>")
EXERCISE_BUTTON = (
    '<a class="al-live-button" href="{href}" target="_blank" rel="noopener">This week\'s exercise, live</a>')
EXERCISE_NOTE = (
    '<p class="al-live-note">The exercise works in the browser too, self-checks and all. What you '
    "write there stays in this browser, for this site, until you clear its data, and no one else "
    "can see it. To keep a copy and to hand it in, choose <em>File &gt; Download</em>: then send "
    "the notebook as your course asks (by email, or on the learning platform), with the id your "
    "trainer gave you at the start of its name, for example <code>t07-{notebook}</code>.</p>")


def exercises_of(srcdir: Path, docname: str) -> list[str]:
    """The live paths of the week's exercise notebooks for a session page (none for others)."""
    session = docname.rsplit("/", 1)[-1]
    if not docname.startswith("book/sessions/session-"):
        return []
    return [f"exercises/{session}/{p.name}" for p in _notebooks(srcdir / "exercises" / session)]


def _live_button(app, doctree, docname) -> None:
    """Below the title of each notebook page, the buttons that open it, and a session's
    exercise, in the live app."""
    if app.builder.format != "html" or "kernelspec" not in app.env.metadata.get(docname, {}):
        return
    from html import escape

    from docutils import nodes
    from sphinx.util.osutil import relative_uri

    app_url = relative_uri(app.builder.get_target_uri(docname), "lite/notebooks/index.html")
    exercises = exercises_of(Path(app.srcdir), docname)
    exercise = "".join(EXERCISE_BUTTON.format(href=f"{app_url}?path={path}") for path in exercises)
    html = LIVE_BUTTON.format(href=f"{app_url}?path={live_path(docname)}", exercise=exercise)
    html += EXERCISE_NOTE.format(notebook=escape(exercises[0].rsplit("/", 1)[-1])) if exercises else ""
    section = next(iter(doctree.findall(nodes.section)), None)
    if section is not None and section.children and isinstance(section[0], nodes.title):
        section.insert(1, nodes.raw("", html, format="html"))


def setup(app) -> dict:
    # a config value, so that a change to the button rebuilds every page
    app.add_config_value("actionlearning_live_button", LIVE_BUTTON + EXERCISE_BUTTON + EXERCISE_NOTE, "env")
    app.connect("builder-inited", _contents)
    app.connect("doctree-resolved", _live_button)
    app.connect("build-finished", _favicons, priority=900)  # after jupyterlite-sphinx's build
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
