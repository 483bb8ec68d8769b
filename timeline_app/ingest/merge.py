"""One happening reported by several articles (or twice in one) becomes one event.

Two statements are merged when they date the same interval and talk about the same thing:
their titles or sentences share enough content words, or they name the same kind of
happening ("session", "summit").
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable

from ..model import Event
from .extract import Candidate
from .titles import EVENT_NOUNS

__all__ = ["merge_candidates", "SIMILARITY"]

SIMILARITY = 0.34  # Jaccard of content-word stems above which two statements agree
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "and",
        "or",
        "but",
        "with",
        "by",
        "from",
        "as",
        "that",
        "this",
        "these",
        "those",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "has",
        "have",
        "had",
        "will",
        "would",
        "it",
        "its",
        "he",
        "she",
        "they",
        "his",
        "her",
        "their",
        "we",
        "our",
        "you",
        "i",
        "not",
        "no",
        "said",
        "says",
    ]
)
_EVENT_NOUN = re.compile(rf"\b(?:{EVENT_NOUNS})\b", re.I)


def merge_candidates(candidates: Iterable[Candidate]) -> list[Event]:
    by_interval: dict[tuple, list[Candidate]] = defaultdict(list)
    for c in candidates:
        by_interval[(c.source.date.start, c.source.date.end)].append(c)
    events = []
    for group in by_interval.values():
        events.extend(_event(cluster) for cluster in _clusters(group))
    return events


def _clusters(group: list[Candidate]) -> list[list[Candidate]]:
    parent = list(range(len(group)))
    features = [_features(c) for c in group]  # once per statement, not once per pair

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(group)):
        for j in range(i):
            if _same_happening(features[i], features[j]):
                parent[root(i)] = root(j)
    clusters: dict[int, list[Candidate]] = defaultdict(list)
    for i, c in enumerate(group):
        clusters[root(i)].append(c)
    return list(clusters.values())


def _features(c: Candidate) -> tuple[set[str], set[str], set[str]]:
    """Title stems, sentence stems, and the kinds of happening named ("session")."""
    nouns = {n.lower().rstrip("s") for n in _EVENT_NOUN.findall(c.title + " " + c.sentence)}
    return _stems(c.title), _stems(c.sentence), nouns


def _same_happening(a: tuple[set[str], ...], b: tuple[set[str], ...]) -> bool:
    title_a, sentence_a, nouns_a = a
    title_b, sentence_b, nouns_b = b
    return (
        _jaccard(title_a, title_b) >= SIMILARITY
        or _jaccard(sentence_a, sentence_b) >= SIMILARITY
        or bool(nouns_a & nouns_b)
    )


def _stems(text: str) -> set[str]:
    words = re.findall(r"[a-z][a-z'-]+", text.lower())
    return {w[:6] for w in words if w not in _STOP}


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _event(cluster: list[Candidate]) -> Event:
    cluster.sort(key=lambda c: (c.source.doc_id, c.source.start, c.source.date_start))
    explicit = [c for c in cluster if not c.source.date.inferred]
    date = (explicit or cluster)[0].source.date
    best = min(cluster, key=lambda c: (not c.names_event, len(c.title.split()) < 3, len(c.title)))
    first = cluster[0].source
    # the id names where the event was first stated, not its date: a user's edit of a
    # publication date moves the date, and edits made earlier must still find the event
    key = f"{first.doc_id}|{first.start}|{first.date_start}"
    event_id = "ev-" + hashlib.sha1(key.encode()).hexdigest()[:10]
    sources = list(
        {(c.source.doc_id, c.source.start, c.source.date_start): c.source for c in cluster}.values()
    )
    return Event(event_id, best.title, date, sources)
