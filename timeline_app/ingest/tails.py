"""Cheap tests before the patterns that look at the end of a text ("…on the", "…since").

A pattern anchored at the end (`…$`) is tried by `re.search` at every character of the text.
When it spans at most n words (runs between blanks), searching from where the last n words
start finds the same match (its look-behind still sees what is before); when it needs a word
the text does not hold, it need not be searched at all.
"""

from __future__ import annotations

import re

__all__ = ["last_words", "lacking", "lacks", "lowered"]

# letters a case-blind pattern may take for ASCII ones ("ſ" for "s", "K" for "k"): every
# letter outside ASCII, to be safe
_FOLDING = re.compile(r"[^\W\d_\x00-\x7f]")


def last_words(text: str, n: int) -> int:
    """Where the last `n` words of `text` start, or a little before (0 if it has fewer)."""
    parts = text.rsplit(None, n)
    return len(parts[0]) if len(parts) > n else 0


def lacks(text: str, *words: str) -> bool:
    """Whether `text` surely holds none of `words` (lower-case ASCII) in any case."""
    return lacking(lowered(text), *words)


def lowered(text: str) -> str | None:
    """`text` in lower case for `lacking`, made once for several tests of one text; None
    when it holds a letter outside ASCII (a case-blind pattern may take one for an ASCII
    letter: no word is surely lacking)."""
    return None if _FOLDING.search(text) else text.lower()


def lacking(low: str | None, *words: str) -> bool:
    """`lacks` of the text that `lowered` gave `low` for."""
    return low is not None and not any(w in low for w in words)
