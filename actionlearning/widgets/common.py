"""Pieces every practice widget shares."""

from __future__ import annotations

import html
import sys
import threading

import ipywidgets as w

# The handbook's stylesheet (book/_static/workbook.css) shows .al-static-only and hides
# .al-live-only; in JupyterLab there is no such stylesheet, so the inline styles hold. A note
# therefore appears only where it is true. On paper (the stylesheet's print rules) the note says
# what the live exercise does instead of pointing to a button.
STATIC_NOTE = (
    '<div class="al-static-only" style="display:none" role="note">'
    '<span class="al-screen-text"><strong>This is a live exercise.</strong> Here you see its first '
    "screen; its buttons need Python. To practise, press <strong>Practise live</strong> at the top of "
    "the page: it opens the page with Python running in your browser, nothing to install. (In "
    "JupyterLab, through <code>make lab</code> or your course's JupyterHub, it runs as it is.)</span>"
    '<span class="al-print-text" style="display:none"><strong>A live exercise.</strong> On paper you '
    "see its first screen. On the handbook's website (the page's <em>Practise live</em> button) or in "
    "JupyterLab it runs, and answers what you do.</span></div>"
)


def static_note(extra: str = "") -> w.HTML:
    """The note the website shows, and JupyterLab hides; ``extra`` HTML goes inside it."""
    return w.HTML(STATIC_NOTE.replace("</span></div>", f"</span>{extra}</div>") if extra else STATIC_NOTE)


def later(delay: float, action, *args):
    """Call ``action(*args)`` after ``delay`` seconds; the result has ``cancel()``. In the live
    handbook (Python in the browser) there are no threads, so the browser's event loop waits."""
    if sys.platform == "emscripten":
        import asyncio

        return asyncio.get_event_loop().call_later(delay, action, *args)
    timer = threading.Timer(delay, action, args=args)
    timer.daemon = True
    timer.start()
    return timer


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
