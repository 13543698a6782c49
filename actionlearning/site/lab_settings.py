"""Make JupyterLab open the handbook's MyST pages as notebooks, so their widgets run.

Called for the trainer's lab (`make lab EDITION=trainer`, actionlearning/site/lab.py) with the
virtual environment's folder: it writes JupyterLab's settings overrides there (never in the
user's home). The trainee's lab opens the pages as notebooks already (its workspace).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

OVERRIDES = {
    "@jupyterlab/docmanager-extension:plugin": {
        "defaultViewers": {"markdown": "Jupytext Notebook", "myst": "Jupytext Notebook"}
    }
}


def write_overrides(venv: Path) -> Path:
    target = venv / "share" / "jupyter" / "lab" / "settings" / "overrides.json"
    target.parent.mkdir(parents=True, exist_ok=True)
    # whole or not at all: a lab starting meanwhile (the trainer's, the tests') reads it
    partial = target.with_name(f".overrides-{os.getpid()}.json")
    partial.write_text(json.dumps(OVERRIDES, indent=2) + "\n", encoding="utf-8")
    os.replace(partial, target)
    return target


if __name__ == "__main__":
    print(f"JupyterLab will open the handbook's pages as notebooks ({write_overrides(Path(sys.argv[1]))})")
