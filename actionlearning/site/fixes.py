"""A Sphinx extension with the handbook's site-wide adjustments to the Jupyter Book 1 stack.

- A page's scripts are listed once: sphinx-thebe registers its inline configuration twice
  under Jupyter Book 1, which redeclares a constant and logs an error on every page.
- A change to a static file (the stylesheet, the widget scripts) reaches the site: Sphinx
  copies static files only when some page is rebuilt, so such a change marks the root page
  as outdated.
- No stylesheet from elsewhere: jupyterlite-sphinx adds Google Fonts to every page, for a
  font the handbook does not use, and a blocked request on a locked-down network.
- The bibliography's list loses its role="list": docutils marks it so, but its entries are
  not list items, which breaks the ARIA rule that a list holds list items (axe-core flags it
  as critical).
"""

from __future__ import annotations

from pathlib import Path

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


def _no_offsite_stylesheets(app, pagename, templatename, context, doctree) -> None:
    css = context.get("css_files")
    if css:
        context["css_files"] = [c for c in css if not str(getattr(c, "filename", c)).startswith(("http:", "https:"))]


def _plain_citation_list(app, pagename, templatename, context, doctree) -> None:
    if "body" in context:
        context["body"] = context["body"].replace(
            '<div role="list" class="citation-list">', '<div class="citation-list">'
        )


def _static_stamp(app) -> tuple:
    files = []
    for entry in app.config.html_static_path:
        root = Path(app.confdir, entry)
        files += [(str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in root.rglob("*") if f.is_file()]
    return tuple(sorted(files))


def _rebuild_when_static_files_change(app, env, added, changed, removed) -> list[str]:
    stamp = _static_stamp(app)
    if getattr(env, "actionlearning_static_stamp", None) == stamp:
        return []
    env.actionlearning_static_stamp = stamp
    return [app.config.root_doc]


def setup(app: Sphinx) -> dict:
    app.connect("html-page-context", _one_of_each_script)
    app.connect("html-page-context", _plain_citation_list)
    app.connect("html-page-context", _no_offsite_stylesheets)
    app.connect("env-get-outdated", _rebuild_when_static_files_change)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
