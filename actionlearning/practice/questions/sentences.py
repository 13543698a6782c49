"""Normalising a turn of set talk and splitting it into sentences, with work capped on long input."""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Work is capped: longer input is read as its head and tail only.
MAX_CHARS = 4000
_HEAD_CHARS = 1500
_TAIL_CHARS = 2500
_MAX_SENTENCES = 24

# --------------------------------------------------------------------------------------------
# Normalisation and sentence splitting

_TRANSLATE = str.maketrans(
    {
        "\u2019": "'",
        "\u2018": "'",
        "\u201b": "'",
        "\u02bc": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "\u2014",
        "\u2012": "\u2014",
        "\u2015": "\u2014",
        "\u2011": "-",
        "\u2010": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
        "\u200b": "",
        "\u200d": "",
        "\ufe0f": "",
        "\u2026": "...",
        "\uff1f": "?",
        "\u061f": "?",
        "\u037e": "?",
        "\u00bf": "",
    }
)

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*")
_WS = re.compile(r"\s+")
_ELLIPSIS = re.compile(r"\.{2,}")
_ABBREV = re.compile(r"\b(e\.g|i\.e|etc|dr|mr|mrs|ms|st|vs|approx|cf|no)\.", re.IGNORECASE)
# A quoted question inside a statement ('She asked me "why did you do that?" and I froze').
_QUOTED_Q = re.compile(
    r'"[^"\n]{0,200}\?"(?=\s*[,;:]|\s+(?:and|but|which|so|then|i|she|he|they|we|it|was|is)\b)',
    re.IGNORECASE,
)
# Speech repeats itself as it restarts ("what's the, what's the actual number", "have you, um,
# have you asked her"): one to four words said again (and again), perhaps after a filler, are
# read once.
_REPEAT = re.compile(
    r"\b((?:[^\W_]+(?:'[^\W_]+)*[ ,]+){0,3}?[^\W_]+(?:'[^\W_]+)*)(?:(?:,?\s+|,)(?:(?:um+|uh+|er+|erm+),?\s+)?\1\b)+",
    re.IGNORECASE,
)
# Sentence ends: runs of . ! ? (with closing quotes or brackets), then space or the end.
_SPLIT = re.compile(r"([.!?]+)[\"')\]]*(?:\s+|$)|\n+")


@dataclass
class Sentence:
    raw: str  # normalised, original case
    low: str  # lower case, without the closing punctuation
    ends_q: bool
    words: int
    unmarked: bool = False  # ends with no punctuation at all, as typed in chat


def normalise(text: str) -> tuple[str, bool]:
    capped = len(text) > MAX_CHARS
    if capped:
        text = text[:_HEAD_CHARS] + " ... " + text[-_TAIL_CHARS:]
    text = text.translate(_TRANSLATE)
    text = _QUOTED_Q.sub('"that"', text)
    text = _ABBREV.sub(lambda m: m.group(1).replace(".", ""), text)
    text = _ELLIPSIS.sub(", ", text)
    text = _REPEAT.sub(r"\1", text)
    return text, capped


def split_sentences(text: str) -> list[Sentence]:
    out: list[Sentence] = []
    pos = 0
    for m in _SPLIT.finditer(text):
        chunk = text[pos : m.start()]
        punct = m.group(1) or ""
        pos = m.end()
        _add_sentence(out, chunk, "?" in punct, not punct)
    _add_sentence(out, text[pos:], False, True)
    if len(out) > _MAX_SENTENCES:
        out = out[: _MAX_SENTENCES // 3] + out[-(2 * _MAX_SENTENCES) // 3 :]
    return out


def _add_sentence(out: list[Sentence], chunk: str, ends_q: bool, unmarked: bool) -> None:
    chunk = _WS.sub(" ", chunk).strip()
    n = len(WORD.findall(chunk))
    if n == 0:
        # Punctuation or emoji only: a lone "?" after a question belongs to it.
        if ends_q and out:
            out[-1].ends_q = True
        return
    low = chunk.lower().rstrip(" ,;:-\u2014\"'")
    out.append(Sentence(chunk, low, ends_q, n, unmarked))
