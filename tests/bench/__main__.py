"""`make bench`: every benchmark module in this folder, each printing its figures.

A benchmark is a module here with a ``run()`` function; results are printed as figures and
ratios, never asserted (timings belong here, not in the tests)."""

import importlib
import pkgutil
import time

import tests.bench as package


def main() -> None:
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        if not hasattr(module, "run"):
            continue
        print(f"\n== {info.name} " + "=" * (60 - len(info.name)), flush=True)
        started = time.perf_counter()
        module.run()
        print(f"({info.name}: {time.perf_counter() - started:.1f} s in all)", flush=True)


if __name__ == "__main__":
    main()
