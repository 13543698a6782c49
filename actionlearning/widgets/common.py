"""Pieces every practice widget shares."""

from __future__ import annotations

import html

import ipywidgets as w

# The handbook's stylesheet (book/_static/workbook.css) shows .al-static-only and hides
# .al-live-only; in JupyterLab there is no such stylesheet, so the inline styles hold. A note
# therefore appears only where it is true.
STATIC_NOTE = (
    '<div class="al-static-only" style="display:none" role="note">'
    "<strong>This is a live exercise.</strong> On the website you see its first screen; the "
    "buttons need Python. To practise, open this page in JupyterLab: run <code>make lab</code> "
    "on your own machine, or use the launch button at the top of the page when your course "
    "has a JupyterHub.</div>"
)


def static_note(extra: str = "") -> w.HTML:
    """The note the website shows, and JupyterLab hides; ``extra`` HTML goes inside it."""
    return w.HTML(STATIC_NOTE.replace("</div>", f"{extra}</div>") if extra else STATIC_NOTE)


def escape(text: str) -> str:
    return html.escape(text, quote=False)


def card(title: str, body: str) -> str:
    """A bordered block of text, readable in JupyterLab's light and dark themes."""
    return (
        '<div class="al-card" style="border-left:4px solid #4a7c8c;padding:0.5em 0.9em;'
        'margin:0.3em 0">'
        f'<div style="font-size:0.85em;opacity:0.8">{escape(title)}</div>'
        f'<div style="font-size:1.05em;margin-top:0.2em">{escape(body)}</div></div>'
    )
