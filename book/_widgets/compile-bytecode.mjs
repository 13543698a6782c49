// Compiles the live handbook's Python to bytecode with Pyodide's own Python, so the browser
// imports modules without compiling each one first: that was two thirds of the kernel's start
// (8.6 s to 2.9 s here, under Node). The wheels from PyPI and the npm package's standard library
// hold only sources. As Pyodide's own distribution does, a module's bytecode replaces its
// source (NAME.pyc in place of NAME.py, and in the wheel's RECORD): bytecode compresses about
// half as well, and shipping both would double the download. The exceptions:
//   - wheels named in KEEP keep their sources (the handbook's own package, whose lines a
//     trainee's traceback shows), with the bytecode in __pycache__ beside them;
//   - the standard library is compiled only as far as starting IMPORTS reaches (217 of its
//     559 modules): the rest stays as it was, for modules a trainee rarely meets.
// Bytecode beside a source is marked unchecked-hash (PEP 552): the source never changes, so it
// is never compared again. Run by `make book` (actionlearning/site/lite.py):
//   node compile-bytecode.mjs PYODIDE_DIR STDLIB_ZIP IMPORTS KEEP WHEEL...
// PYODIDE_DIR is the npm package, whose Python compiles; IMPORTS and KEEP are comma-separated
// (module names; distribution names as in wheel file names); STDLIB_ZIP and each WHEEL are
// rewritten in place.
import path from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, imports, keep, ...wheels] = process.argv.slice(2);
if (!pyodideDir || !stdlib || !imports || keep === undefined || wheels.length === 0) {
  console.error("usage: node compile-bytecode.mjs PYODIDE_DIR STDLIB_ZIP IMPORTS KEEP WHEEL...");
  process.exit(2);
}
const archives = [stdlib, ...wheels];
const { loadPyodide } = await import(pathToFileURL(path.join(pyodideDir, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: path.resolve(pyodideDir) + path.sep });

// the standard library's modules that starting IMPORTS loads
await pyodide.loadPackage(wheels.map((wheel) => path.resolve(wheel)), { messageCallback: () => {} });
pyodide.globals.set("imports", pyodide.toPy(imports.split(",")));
await pyodide.runPythonAsync(`
import importlib, sys
for name in imports:
    importlib.import_module(name)
zip_root = sys.path[1] + "/"  # /lib/python3XX.zip, the standard library
startup = {m.__spec__.origin.removeprefix(zip_root) for m in list(sys.modules.values())
           if getattr(m, "__spec__", None) and (m.__spec__.origin or "").startswith(zip_root)}
`);

// each folder holding an archive, mounted from the real file system
const folders = [...new Set(archives.map((archive) => path.dirname(path.resolve(archive))))];
folders.forEach((folder, n) => {
  pyodide.FS.mkdirTree(`/archives/${n}`);
  pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: folder }, `/archives/${n}`);
});
const inside = (archive) => `/archives/${folders.indexOf(path.dirname(path.resolve(archive)))}/${path.basename(archive)}`;
const keepNames = new Set(keep.split(",").filter(Boolean));
const plan = archives.map((archive) => [inside(archive), archive !== stdlib && keepNames.has(path.basename(archive).split("-")[0])]);

pyodide.globals.set("plan", pyodide.toPy(plan));
await pyodide.runPythonAsync(`
import importlib.util, os, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc

def compiled(info, data):
    try:
        code = compile(data, info.filename, "exec", dont_inherit=True)
    except SyntaxError:  # a module this Python could not import anyway
        return None
    return _code_to_hash_pyc(code, importlib.util.source_hash(data), checked=False)

def add_bytecode(archive, keep_source):
    wheel = archive.endswith(".whl")
    with zipfile.ZipFile(archive) as original:
        entries = [(info, original.read(info)) for info in original.infolist()]
    renamed, added, record = {}, [], None
    with zipfile.ZipFile(archive + ".part", "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            if wheel and info.filename.endswith(".dist-info/RECORD"):
                record = (info, data)
                continue
            wanted = info.filename.endswith(".py") and (wheel or info.filename in startup)
            pyc = compiled(info, data) if wanted else None
            if pyc is None:
                out.writestr(info, data)
            elif keep_source:
                out.writestr(info, data)
                added.append(importlib.util.cache_from_source(info.filename))
                out.writestr(added[-1], pyc)
            else:
                renamed[info.filename] = info.filename + "c"
                out.writestr(renamed[info.filename], pyc)
        if record:
            info, data = record
            lines = []
            for line in data.decode().splitlines():
                name = line.split(",", 1)[0]
                lines.append(f"{renamed[name]},," if name in renamed else line)
            lines += [f"{name},," for name in added]
            out.writestr(info, "\\n".join(lines) + "\\n")
    os.chmod(archive + ".part", 0o644)
    os.replace(archive + ".part", archive)
    return len(renamed) + len(added)

count = sum(add_bytecode(archive, keep_source) for archive, keep_source in plan)
`);
console.log(`compiled ${pyodide.globals.get("count")} modules in ${archives.length} archives`);
