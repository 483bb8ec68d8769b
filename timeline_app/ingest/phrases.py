"""Known phrases (names) found in a text by one scan of its word runs.

Actors and titles both need "which of the corpus's names does this text hold": one regular
expression per name per text costs texts × names. A phrase that stands between word
boundaries starts and ends on a run of word characters, so looking up each run and the few
runs after it in a dictionary finds every occurrence (overlapping ones included) at the cost
of the text's length.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Generic, TypeVar

__all__ = ["PhraseIndex"]

V = TypeVar("V")
_RUN = re.compile(r"\w+")  # what \b delimits


class PhraseIndex(Generic[V]):
    """Exact phrases, each with a value; `find` gives where they occur in a text."""

    __slots__ = ("values", "_longest", "_upper_only", "_firsts")

    def __init__(self) -> None:
        self.values: dict[str, V] = {}
        self._longest = 1  # word runs in the longest phrase
        self._upper_only = True  # every phrase starts with a capital: other runs are skipped
        self._firsts: set[str] = set()  # the first word run of every phrase

    def add(self, phrase: str, value: V) -> V:
        """The phrase's value: `value` if the phrase is new, else the one it has."""
        self._longest = max(self._longest, len(_RUN.findall(phrase)))
        self._upper_only = self._upper_only and phrase[:1].isupper()
        first = _RUN.match(phrase)
        if first:  # a phrase that does not start with a word run is never found
            self._firsts.add(first.group())
        return self.values.setdefault(phrase, value)

    def __bool__(self) -> bool:
        return bool(self.values)

    def find(self, text: str) -> Iterator[tuple[int, str]]:
        """(position, phrase) of every known phrase in `text`, overlapping ones included."""
        words = _RUN.findall(text)
        firsts = self._firsts
        if not self.values or firsts.isdisjoint(words):
            return  # a phrase found starts at a run of the text that is its own first run
        runs = [(m.start(), m.end()) for m in _RUN.finditer(text)]
        values = self.values
        for i, (start, _) in enumerate(runs):
            if words[i] not in firsts or self._upper_only and not text[start].isupper():
                continue
            for j in range(i, min(i + self._longest, len(runs))):
                phrase = text[start : runs[j][1]]
                if phrase in values:
                    yield start, phrase
