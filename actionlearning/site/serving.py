"""The built site served on 127.0.0.1 as a web server should serve it (the README's publishers'
guide): Pyodide's module scripts and WebAssembly by their types, and the site's scripts and live
app kept by browsers for an hour. Printing the handbook and the browser tests use it."""

from __future__ import annotations

import contextlib
import functools
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves the site with the types and caching the publishers' guide asks for, silently."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".mjs": "text/javascript",
                      ".js": "text/javascript", ".wasm": "application/wasm"}

    def end_headers(self):
        if self.path.startswith(("/_static/", "/lite/")):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def log_message(self, *args):  # no line per request
        pass


@contextlib.contextmanager
def serving(directory: Path) -> Iterator[str]:
    """The folder served on 127.0.0.1 on a free port; yields its address."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
