"""One pass over the text for anchor tokens, so patterns only search near them.

Every temporal expression contains an anchor: a digit, a month or weekday name, a unit
("week", "quarter"), or a word like "today" or "noon". One tokenising pass finds them;
each pattern then searches only the windows around anchors of the kinds it needs. That
keeps the cost linear and small: plain prose between anchors is never searched again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import lexicon as lx

__all__ = ["DIGIT", "MONTH", "WEEKDAY", "UNIT", "WORD", "VAGUE", "find_windows"]

DIGIT, MONTH, WEEKDAY, UNIT, WORD = "digit", "month", "weekday", "unit", "word"
VAGUE = "vague"  # nouns of a vague point in time: "at that point", "at the time"
_SNAP = 24  # how far a window edge may move to reach a word edge
# How far an expression can reach before and after its anchor, by anchor kind:
# "at least the first two [quarters]", "[Sept.] 27, 1989", "the end of [1990]".
_MARGINS = {
    DIGIT: (32, 24),
    MONTH: (28, 28),
    WEEKDAY: (28, 32),
    UNIT: (56, 40),
    WORD: (32, 24),
    VAGUE: (24, 4),
}

_OTHER_WORDS = (
    "noon",
    "midnight",
    "midday",
    "morning",
    "afternoon",
    "evening",
    "night",
    "nights",
    "overnight",
    "tonight",
    "nineteen",
    "thousand",
    *lx.DECADE_WORDS,
    "christmas",
    "thanksgiving",
    "halloween",
    "independence",
    "valentine",
    "boxing",
    "veterans",
    "labor",
    "memorial",
    "mother",
    "father",
    "election",
    "eve",
)

_OTHER_UNITS = ("period", "periods", "half", "halves")
_VAGUE_WORDS = ("point", "time", "moment", "juncture")


def _kinds() -> dict[str, str]:
    """Anchor word -> kind, built from the lexicon's word lists."""
    kinds: dict[str, str] = {}
    for words, kind in (
        (lx.UNIT_FORMS, UNIT),
        (_OTHER_UNITS, UNIT),
        (lx.MONTHS, MONTH),
        (lx.WEEKDAYS, WEEKDAY),
        (_OTHER_WORDS, WORD),
        (lx.SEASONS, WORD),
        (lx.SET_ADVERBS, WORD),
        (_VAGUE_WORDS, VAGUE),
    ):
        for word in words:
            kinds.setdefault(word, kind)
    kinds.update({w + "s": WEEKDAY for w in lx.WEEKDAY_FULL})
    for phrase in lx.DEICTIC:
        kinds.setdefault(phrase.split()[-1], WORD)
    return kinds


_KINDS = _kinds()
_TOKEN = re.compile(r"[^\W\d_]+|\d+")


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of possibly overlapping [lo, hi) spans, sorted."""
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(spans):
        if out and lo <= out[-1][1]:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _snap(text: str, lo: int, hi: int) -> tuple[int, int]:
    """Widen a window to word edges so no match is cut in the middle of a word."""
    n = len(text)
    stop = max(0, lo - _SNAP)
    while lo > stop and not text[lo - 1].isspace():
        lo -= 1
    stop = min(n, hi + _SNAP)
    while hi < stop and (text[hi].isalnum() or text[hi] in "'-."):
        hi += 1
    return lo, hi


def find_windows(text: str) -> dict[str, list[tuple[int, int]]]:
    """Merged search windows around the anchors of each kind (anchors come in text order,
    so each window either extends the last one of its kind or starts a new one)."""
    raw: dict[str, list[list[int]]] = {kind: [] for kind in _MARGINS}
    n, kinds = len(text), _KINDS
    for m in _TOKEN.finditer(text):
        token = m.group()
        kind = DIGIT if token[0].isdigit() else kinds.get(token.lower())
        if kind is None:
            continue
        before, after = _MARGINS[kind]
        lo, hi = m.start() - before, m.end() + after
        spans = raw[kind]
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return {
        kind: _merge(_snap(text, max(0, lo), min(n, hi)) for lo, hi in spans)
        for kind, spans in raw.items()
    }


def windows_for(
    windows: dict[str, list[tuple[int, int]]], kinds: Iterable[str]
) -> list[tuple[int, int]]:
    """The merged windows of several anchor kinds (one kind's are merged already)."""
    kinds = tuple(kinds)
    if len(kinds) == 1:
        return windows[kinds[0]]
    return _merge(span for kind in kinds for span in windows[kind])
