"""The people and organisations each event names: a light, corpus-wide named-entity step.

People are found the way `names.py` finds them for titles (a capitalised name after a role
word or before a speech verb) across the whole corpus, then every variant is merged by
surname: "Aleksandr Lukashenko", "Alexander Lukashenko" and a bare "Lukashenko" are one
actor, named by the full form the corpus uses most. Organisations are the acronyms the
corpus defines ("Collective Security Treaty Organization (CSTO)", matched in either
spelling), plus acronyms that recur in at least two articles. An event's actors are those
its source sentences name. No Qt.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from ..model import Document, Event
from .names import Names, gather_names
from .phrases import PhraseIndex

__all__ = ["Actors", "actor_counts", "actors_from", "assign_actors", "gather_actors"]

# `\b[A-Z]{2,6}\b`, the boundary before checked after the first letter: tried only where
# a capital stands, not at every position of every text (0.52 -> 0.24 s at 10,000 articles)
_ACRONYM_TOKEN = re.compile(r"[A-Z](?<!\w[A-Z])[A-Z]{1,5}(?!\w)")
_NOT_ORGS = frozenset(
    {
        "AM",
        "PM",
        "EST",
        "GMT",
        "UTC",
        "CET",
        "MSK",
        "TV",
        "OK",
        "AP",
        "II",
        "III",
        "IV",
        "VI",
        "VII",
        "XX",
        "XXI",
    }
)


@dataclass(slots=True)
class Actors:
    """Canonical actor names and how to find their mentions.

    Most names are literal phrases ("Alexander Lukashenko", "Lukashenko", "NATO"), found by
    one scan of a text (`PhraseIndex`), so finding the actors of N events among A actors
    costs about the length of the texts, not N × A regular-expression searches. Only the
    spelled-out forms of acronyms, which may vary ("Organisation"/"Organization", line
    breaks), stay patterns: a corpus defines few.
    """

    phrases: PhraseIndex[str] = field(default_factory=PhraseIndex)  # phrase -> canonical
    patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    # the names found in each part read so far, by where in it each is first mentioned:
    # a sentence background to many stories is a part of many events (the events of
    # 10,000 generated articles have 111,000 parts, 62,000 distinct)
    _found: dict[str, list[tuple[int, str]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    _found_with: int = field(default=0, repr=False, compare=False)  # phrases known then

    def named_in(self, text: str) -> list[str]:
        """Canonical names mentioned in `text`, in order of first mention."""
        return self.named_in_parts([text])

    def named_in_parts(self, parts: list[str]) -> list[str]:
        """`named_in` of the parts joined by line breaks, each distinct part scanned for
        phrases once: an event's sources give it the sentence of each copy of a wire story
        (the events of 10,000 generated articles have 168,000 sentences, 77,000 distinct
        within their event: the actors pass 2.4 -> 1.9 s). No phrase holds a line break (names
        are runs of words and spaces), so a part's phrases are the same wherever it stands
        and every name is first mentioned in the first copy of a part; the patterns, whose
        blanks may span a line break, read the joined text."""
        text = "\n".join(parts)
        first: dict[str, int] = {}
        scanned: set[str] = set()
        offset = 0
        for part in parts:
            if part not in scanned:
                scanned.add(part)
                for at, name in self._names_in(part):
                    if offset + at < first.get(name, len(text) + 1):
                        first[name] = offset + at
            offset += len(part) + 1
        for pattern, name in self.patterns:
            m = pattern.search(text)
            if m and m.start() < first.get(name, len(text) + 1):
                first[name] = m.start()
        return [name for name, _ in sorted(first.items(), key=lambda kv: kv[1])]

    def _names_in(self, part: str) -> list[tuple[int, str]]:
        """(where first mentioned, canonical name) of each phrase name in `part`, found
        once per distinct part while no phrase is added (kept up to _PARTS_KEPT parts)."""
        if self._found_with != len(self.phrases.values):  # phrases added: found afresh
            self._found.clear()
            self._found_with = len(self.phrases.values)
        found = self._found.get(part)
        if found is None:
            if len(self._found) >= _PARTS_KEPT:
                self._found.clear()  # a bound on memory, as for titles
            first: dict[str, int] = {}
            values = self.phrases.values
            for at, phrase in self.phrases.find(part):
                first.setdefault(values[phrase], at)  # `find` gives them in order of place
            found = self._found[part] = [(at, name) for name, at in first.items()]
        return found


_PARTS_KEPT = 100_000  # parts whose names an `Actors` remembers


def gather_actors(texts: Iterable[str]) -> Actors:
    """People (merged by surname) and organisations named anywhere in `texts`."""
    texts = list(texts)
    names = gather_names(texts)
    return actors_from(names, *actor_counts(texts, names))


def actor_counts(texts: Iterable[str], names: Names) -> tuple[Counter[str], Counter[str]]:
    """How often `texts` use each full name of `names`, and how many of them hold each
    acronym-like token: sums over the texts, so a corpus's counts can be kept up to date
    by taking one text's out and putting its new version's in (`increments.py`)."""
    fulls: PhraseIndex[str] = PhraseIndex()
    for full in names.persons:
        fulls.add(full, full)
    uses: Counter[str] = Counter()
    docs_with: Counter[str] = Counter()
    for t in texts:
        uses.update(p for _, p in fulls.find(t))
        docs_with.update(set(_ACRONYM_TOKEN.findall(t)))
    return uses, docs_with


def actors_from(names: Names, uses: Counter[str], docs_with: Counter[str]) -> Actors:
    """The actors of a corpus whose names and counts (`actor_counts`) these are."""
    by_surname: dict[str, Counter[str]] = {}
    for full, surname in names.persons.items():
        by_surname.setdefault(surname, Counter())[full] = max(uses[full], 1)
    actors = Actors()
    for surname, forms in by_surname.items():
        canonical = max(forms, key=lambda f: (forms[f], len(f), f))
        for variant in sorted(forms, key=len, reverse=True):
            actors.phrases.add(variant, canonical)
        actors.phrases.add(surname, canonical)
    for pattern, abbr in names.acronym_patterns():
        actors.patterns.append((pattern, abbr))
        actors.phrases.add(abbr, abbr)
    known = set(names.acronyms.values())
    for token, n in sorted(docs_with.items()):
        if n >= 2 and token not in known and token not in _NOT_ORGS:
            actors.phrases.add(token, token)
    return actors


def assign_actors(
    events: list[Event], documents: Mapping[str, Document], actors: Actors | None = None
) -> None:
    """Fill each event's `actors` from the sentences of its sources (and its title), with
    the corpus's `actors` (default: gathered from `documents`)."""
    actors = gather_actors(d.text for d in documents.values()) if actors is None else actors
    for event in events:
        parts = [event.title]
        for s in event.sources:
            doc = documents.get(s.doc_id)
            if doc is not None:
                parts.append(doc.text[s.start : s.end])
        event.actors = actors.named_in_parts(parts)
