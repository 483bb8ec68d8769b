"""Sentence and quotation spans of plain article text."""

from __future__ import annotations

import re

__all__ = ["sentence_spans", "quote_spans"]

# Words whose trailing period does not end a sentence.
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "ed",
        "no",
        "fig",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "rep",  # titles before a name: "Rep. Ryan Zinke", "Sen. ...", "Gov. ..."
        "reps",
        "sen",
        "sens",
        "gov",
        "lt.gov",
        "pres",
        "rev",
        "hon",
        "maj",
        "adm",
        "gen",
        "supt",
        "det",
        "mt",
        "ft",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)$")  # the word a dot ends
# initials: "George H.W. Bush", "J.R.R. Tolkien"
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")
# A sentence ends at . ! ? (plus closing quotes/brackets) followed by space and a capital,
# quote or digit; or at a line break.
# (one branch per mark, each starting with its character: the engine skips to those)
_CLOSE = r"[.!?]*[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])"
_END = re.compile(rf"\.{_CLOSE}|!{_CLOSE}|\?{_CLOSE}|\n+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, whitespace trimmed; never crosses a line break."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        if m.group().startswith("\n") or not _is_abbreviation(text, m.start()):
            _add(spans, text, start, m.end() if not m.group().startswith("\n") else m.start())
            start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _is_abbreviation(text: str, dot: int) -> bool:
    word = _LAST_WORD.search(text[max(0, dot - 12) : dot])
    if not word:
        return False
    w = word.group(1).lower()
    return w in _ABBREVIATIONS or bool(_INITIALS.match(w))


def _add(spans: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        s = start + chunk.index(stripped)
        spans.append((s, s + len(stripped)))


_QUOTE_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))
_QUOTES = [
    re.compile(f"{re.escape(a)}[^{re.escape(b)}\\n]*(?:{re.escape(b)}|\\n|$)")
    for a, b in _QUOTE_PAIRS
] + [re.compile(r'"[^"\n]*"')]


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Spans of quoted speech: curly/guillemet pairs, and straight double quotes paired per line.

    An opening quote left unclosed at the end of its paragraph closes there (news style
    continues a quote into the next paragraph with a fresh opening mark).
    """
    spans: list[tuple[int, int]] = []
    for pattern in _QUOTES:
        spans.extend(m.span() for m in pattern.finditer(text))
    return sorted(spans)
