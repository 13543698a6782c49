"""A Sphinx extension with the handbook's site-wide adjustment to the Jupyter Book 1 stack.

- A page's scripts are listed once: sphinx-thebe registers its inline configuration twice
  under Jupyter Book 1, which redeclares a constant and logs an error on every page.
"""

from __future__ import annotations

from sphinx.application import Sphinx


def _one_of_each_script(app, pagename, templatename, context, doctree) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen, unique = set(), []
    for script in scripts:
        # an inline script's filename is None or "", depending on who added it
        name = getattr(script, "filename", script) or ""
        key = (name, tuple(sorted(getattr(script, "attributes", {}).items())))
        if key not in seen:
            seen.add(key)
            unique.append(script)
    context["script_files"] = unique


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _one_of_each_script)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
