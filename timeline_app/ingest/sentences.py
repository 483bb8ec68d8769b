"""Sentence and quotation spans of plain article text."""

from __future__ import annotations

import re

from ..temporal.abbreviations import is_abbreviation

__all__ = ["sentence_spans", "quote_spans"]

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
        if m.group().startswith("\n") or not is_abbreviation(text, m.start()):
            _add(spans, text, start, m.end() if not m.group().startswith("\n") else m.start())
            start = m.end()
    _add(spans, text, start, len(text))
    return spans


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
