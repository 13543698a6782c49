"""A command that starts in a fraction of a second rather than two.

nbformat loads jsonschema, and jsonschema imports ``rfc3987_syntax`` whenever it is installed
(jupyter-events asks for it). That module compiles an Earley grammar as it is imported: about a
second on every command, and more on a busy machine. The workbook never checks an IRI, so the
module is put off until something first uses it, and then loaded whole.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

DEFERRED = "rfc3987_syntax"


class _Deferred(types.ModuleType):
    """Stands in for the module until an attribute is asked for, then hands over to it."""

    def __getattr__(self, attribute: str):
        if attribute.startswith("__"):  # the import system asks for __path__, __spec__...
            raise AttributeError(attribute)
        return getattr(_load(), attribute)


def _load() -> types.ModuleType:
    if isinstance(sys.modules.get(DEFERRED), _Deferred):
        del sys.modules[DEFERRED]
    return importlib.import_module(DEFERRED)


def _is_valid_syntax(*args, **kwargs):
    return _load().is_valid_syntax(*args, **kwargs)


def defer_iri_grammar() -> None:
    """Put off importing ``rfc3987_syntax`` (when installed and not yet imported) until it is used."""
    if DEFERRED in sys.modules or importlib.util.find_spec(DEFERRED) is None:
        return
    stand_in = _Deferred(DEFERRED)
    stand_in.is_valid_syntax = _is_valid_syntax  # what jsonschema imports by name, at its own import
    sys.modules[DEFERRED] = stand_in
