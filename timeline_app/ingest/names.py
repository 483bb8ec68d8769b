"""Corpus-wide names used to shorten titles: acronyms and people.

"Collective Security Treaty Organization (CSTO)" teaches that the long form (in either
spelling, -isation/-ization) can be written "CSTO"; a capitalised pair of words after a role
("President Aleksandr Lukashenko") or before a speech verb is a person, shortened to the
surname, which also merges spelling variants ("Alexander"/"Aleksandr Lukashenko").
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

__all__ = ["Names", "gather_names", "ROLE_WORDS"]

ROLE_WORDS = (
    r"President|Secretary[- ]General|Secretary|Prime Minister|Minister|Chairman|"
    r"Chancellor|Premier|King|Queen|Leader|leader|counterpart|spokesman|"
    r"spokeswoman|Head of State|head of state|Ambassador|General|Senator|Governor"
)
_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_NAME = rf"{_CAP} +{_CAP}(?: +{_CAP})?"  # spaces only: never across lines


def _at_word_start(words: str) -> str:
    """`\\b(?:words)` (alternatives that each start with a letter) as a regular expression
    that finds them several times faster: the alternatives grouped by their first letter,
    in their order, the boundary checked after it ("not after a word character" behind
    it). An expression opening with a boundary is tried at every position of a text; one
    opening with a letter only where that letter stands."""
    by_first: dict[str, list[str]] = {}
    for word in words.split("|"):
        by_first.setdefault(word[0], []).append(word[1:])
    return "|".join(rf"{first}(?<!\w.)(?:{'|'.join(rest)})" for first, rest in by_first.items())


# a person after a role: "President Aleksandr Lukashenko", "Secretary General of the CSTO,
# Imangali Tasmagambetov"; `\b(?:ROLE_WORDS)...`, written as `_at_word_start` writes it
_AFTER_ROLE = re.compile(
    rf"(?:{_at_word_start(ROLE_WORDS)})(?:\s+of\s+the\s+[A-Z]{{2,6}})?,?\s+(?P<n>{_NAME})"
)
_BEFORE_VERB = re.compile(
    rf"(?P<n>{_NAME}),?\s+(?:said|says|told|stressed|noted|added|announced|thanked|met|called|"
    r"speaks|spoke|reveals|revealed|declared|urged|warned)\b"
)
_ACRONYM = re.compile(r"(?P<long>(?:[A-Z][a-z]+\s+){1,6}[A-Z][a-z]+)\s+\((?P<abbr>[A-Z]{2,8})\)")
_ABBREVIATION = re.compile(r"\([A-Z]{2,8}\)")  # how every match of _ACRONYM ends
_LETTERS = frozenset(string.ascii_letters)
_NOT_NAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "These",
        "Those",
        "Belarusian",
        "Russian",
        "Central",
        "Collective",
        "Security",
        "Council",
        "Treaty",
        "Organization",
        "Organisation",
        "Republic",
        "President",
        "Secretary",
        "General",
        "Minister",
        "Prime",
        "Head",
        "State",
        "Leader",
        "Chairman",
    ]
)


@dataclass(slots=True)
class Names:
    acronyms: dict[str, str] = field(default_factory=dict)  # long form pattern -> acronym
    persons: dict[str, str] = field(default_factory=dict)  # full name -> surname

    def surnames(self) -> set[str]:
        return set(self.persons.values())

    def acronym_patterns(self) -> list[tuple[re.Pattern[str], str]]:
        """Each long form, in either spelling (-isation/-ization), after a word boundary and
        with its "(ABBR)" if it follows, with its acronym. The boundary is checked after the
        first letter, as `_at_word_start` does: searched for in every event's sentences, an
        expression opening with a boundary is tried at every position (0.29 -> 0.01 s for
        the CSTO's long form over the events of 10,000 articles)."""
        out = []
        for long, abbr in self.acronyms.items():
            words = [
                re.escape(w).replace("iz", "i[sz]").replace("is", "i[sz]") for w in long.split()
            ]
            text = r"\s+".join(words) + rf"(?:\s+\({abbr}\))?"
            text = rf"{text[0]}(?<!\w.){text[1:]}" if text[:1].isalpha() else rf"\b{text}"
            out.append((re.compile(text), abbr))
        return out


def _acronyms_in(text: str) -> Iterator[re.Match[str]]:
    """What `_ACRONYM.finditer(text)` gives, looked for only before an "(ABBR)": a long form
    is ASCII letters and blanks, so a match lies in the run of those that ends at its mark,
    and the rest of the text need not be tried at each capital (0.18 ms a document)."""
    for mark in _ABBREVIATION.finditer(text):
        start = mark.start()
        while start and (text[start - 1] in _LETTERS or text[start - 1].isspace()):
            start -= 1
        yield from _ACRONYM.finditer(text, start, mark.end())


def gather_names(texts: Iterable[str]) -> Names:
    names = Names()
    for text in texts:
        for m in _acronyms_in(text):
            abbr = m.group("abbr")
            words = m.group("long").split()[-len(abbr) :]
            if "".join(w[0] for w in words) == abbr:
                names.acronyms.setdefault(" ".join(words), abbr)
        for m in (*_AFTER_ROLE.finditer(text), *_BEFORE_VERB.finditer(text)):
            full = m.group("n")
            parts = full.split()
            if not _NOT_NAMES.intersection(parts):
                names.persons[full] = parts[-1]
    return names
