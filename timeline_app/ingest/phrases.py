"""Known phrases (names) found in a text by one scan of its word runs.

Actors and titles both need "which of the corpus's names does this text hold": one regular
expression per name per text costs texts × names. A phrase that stands between word
boundaries starts and ends on a run of word characters, so looking up each run and the few
runs after it in a dictionary finds every occurrence (overlapping ones included) at the cost
of the text's length. Only the runs that are some phrase's first word are looked at: they are
found by a substring test of each first word (few of them) or by one `findall` of the text's
runs and a set intersection (many; only the runs that may start with a capital, when every
phrase does), and placed by `str.find`, so a text is read at the speed of C, not of a Python
loop over its every word.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Generic, TypeVar

__all__ = ["PhraseIndex"]

V = TypeVar("V")
_RUN = re.compile(r"\w+")  # what \b delimits
_WORD_CHAR = re.compile(r"\w")
# a word run whose first character may be a capital: not a digit, "_" or a-z
_MAY_BE_CAPITAL = re.compile(r"\b[^\W\d_a-z]\w*")
# up to this many first words, testing each as a substring of a sentence costs less than
# listing the sentence's word runs (7 µs for 150 characters; a test is about 0.1 µs)
_FEW_FIRSTS = 48


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
        if not self.values:
            return
        if len(self._firsts) <= _FEW_FIRSTS:  # a substring test each: cheaper than listing runs
            firsts: Iterable[str] = [w for w in self._firsts if w in text]
        else:
            runs = _MAY_BE_CAPITAL if self._upper_only else _RUN
            firsts = self._firsts.intersection(runs.findall(text))
        starts = sorted(at for word in firsts for at in _runs_of(word, text))
        values = self.values
        for start in starts:  # a phrase found starts at a run of the text that is its first run
            end = _RUN.match(text, start).end()  # type: ignore[union-attr]
            for _ in range(self._longest):
                if text[start:end] in values:
                    yield start, text[start:end]
                run = _RUN.search(text, end)
                if run is None:
                    break
                end = run.end()


def _runs_of(word: str, text: str) -> Iterator[int]:
    """Where `word` (a word run) stands in `text` as a whole word run."""
    at = text.find(word)
    while at >= 0:
        after = at + len(word)
        if not (at and _WORD_CHAR.match(text, at - 1)) and not _WORD_CHAR.match(text, after):
            yield at
        at = text.find(word, after)
