"""Make JupyterLab open the handbook's MyST pages as notebooks, so their widgets run.

Called by `make lab` with the virtual environment's folder: it writes JupyterLab's
settings overrides there (never in the user's home).
"""

from __future__ import annotations

import json
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
    target.write_text(json.dumps(OVERRIDES, indent=2) + "\n", encoding="utf-8")
    return target


if __name__ == "__main__":
    print(f"JupyterLab will open the handbook's pages as notebooks ({write_overrides(Path(sys.argv[1]))})")
