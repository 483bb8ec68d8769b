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
from .names import gather_names

__all__ = ["Actors", "assign_actors", "gather_actors"]

_ACRONYM_TOKEN = re.compile(r"\b[A-Z]{2,6}\b")
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
    """Canonical actor names with the patterns that find their mentions."""

    patterns: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def named_in(self, text: str) -> list[str]:
        """Canonical names mentioned in `text`, in order of first mention."""
        found: list[tuple[int, str]] = []
        for pattern, name in self.patterns:
            m = pattern.search(text)
            if m:
                found.append((m.start(), name))
        return list(dict.fromkeys(name for _, name in sorted(found)))


def gather_actors(texts: Iterable[str]) -> Actors:
    """People (merged by surname) and organisations named anywhere in `texts`."""
    texts = list(texts)
    names = gather_names(texts)
    actors = Actors()
    by_surname: dict[str, Counter[str]] = {}
    for full, surname in names.persons.items():
        uses = sum(len(re.findall(rf"\b{re.escape(full)}\b", t)) for t in texts)
        by_surname.setdefault(surname, Counter())[full] = max(uses, 1)
    for surname, forms in by_surname.items():
        canonical = max(forms, key=lambda f: (forms[f], len(f), f))
        variants = sorted(forms, key=len, reverse=True)
        alts = "|".join(re.escape(v) for v in [*variants, surname])
        actors.patterns.append((re.compile(rf"\b(?:{alts})\b"), canonical))
    for pattern, abbr in names.acronym_patterns():
        both = re.compile(rf"{pattern.pattern}|\b{re.escape(abbr)}\b")
        actors.patterns.append((both, abbr))
    known = set(names.acronyms.values())
    docs_with: Counter[str] = Counter()
    for t in texts:
        docs_with.update(set(_ACRONYM_TOKEN.findall(t)))
    for token, n in sorted(docs_with.items()):
        if n >= 2 and token not in known and token not in _NOT_ORGS:
            actors.patterns.append((re.compile(rf"\b{token}\b"), token))
    return actors


def assign_actors(events: list[Event], documents: Mapping[str, Document]) -> None:
    """Fill each event's `actors` from the sentences of its sources (and its title)."""
    actors = gather_actors(d.text for d in documents.values())
    for event in events:
        parts = [event.title]
        for s in event.sources:
            doc = documents.get(s.doc_id)
            if doc is not None:
                parts.append(doc.text[s.start : s.end])
        event.actors = actors.named_in("\n".join(parts))
