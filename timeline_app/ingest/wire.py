"""Copies of one wire story: articles that carry the same text, whatever outlet printed them.

A wire story (Reuters, AP, TASS...) is printed by many outlets, each adding its own headline,
dateline or last paragraph, sometimes cutting the end. Its copies are one voice, not several
confirmations (see `model/outlets.py`). Two articles are copies when at least half of the
shorter one's sentences, and at least two of them (one if it has only one), appear word for
word in the other *in the same order*, after normalising case, punctuation and spacing.
Only sentences of six words or more count, so "He declined to comment." links nothing; the
order keeps apart articles that share stock sentences ("Both delegations stressed the
importance of economic ties.") in a different order around a story of their own.

Exact hashes of normalised sentences, not MinHash: the only pairs that matter are articles
that already report one event (their sources share an event before any join), so there is
no need to find near-duplicates among all pairs of a corpus; comparing those few pairs
exactly costs one hash per sentence and is deterministic. Articles that reach copies through
others (A copies B, B copies C) are one family, named by its first document id.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace
from itertools import combinations

from ..model import Document, Event

__all__ = ["MIN_WORDS", "mark_wire", "wire_families"]

MIN_WORDS = 6  # shorter sentences ("He declined to comment.") are shared by chance
_WORD = re.compile(r"[^\W_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+|\n")


def mark_wire(events: list[Event], documents: Mapping[str, Document]) -> None:
    """Set `Source.wire` on every source whose article is one of a family of copies."""
    families = wire_families(documents, _reported_together(events))
    if not families:
        return
    for event in events:
        if any(s.doc_id in families for s in event.sources):
            event.sources = [
                replace(s, wire=families[s.doc_id]) if s.doc_id in families else s
                for s in event.sources
            ]


def _reported_together(events: Iterable[Event]) -> list[tuple[str, str]]:
    """Pairs of documents that are sources of one event: the only ones whose copying can
    change a count. Each pair once, in a stable order."""
    pairs: dict[tuple[str, str], None] = {}
    for event in events:
        ids = sorted(set(event.doc_ids))
        if len(ids) > 1:
            pairs.update(dict.fromkeys(combinations(ids, 2)))
    return list(pairs)


def wire_families(
    documents: Mapping[str, Document], pairs: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """The family name (its first document id) of each document of `pairs` that is a copy
    of another; documents without a copy are left out."""
    sentences: dict[str, list[int]] = {}
    parent: dict[str, str] = {}

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in pairs:
        if a not in documents or b not in documents or root(a) == root(b):
            continue
        for k in (a, b):
            if k not in sentences:
                sentences[k] = _sentence_hashes(documents[k])
        if _copies(sentences[a], sentences[b]):
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for k in parent:
        members[root(k)].append(k)
    return {k: min(family) for family in members.values() if len(family) > 1 for k in family}


def _copies(a: list[int], b: list[int]) -> bool:
    shorter = min(len(a), len(b))
    if not shorter:
        return False
    shared = set(a) & set(b)
    if 2 * len(shared) < shorter:
        return False  # cheap: not even the sentences, never mind their order
    in_order = _common_run([h for h in a if h in shared], [h for h in b if h in shared])
    return in_order >= min(2, shorter) and 2 * in_order >= shorter


def _common_run(a: list[int], b: list[int]) -> int:
    """The length of the longest common subsequence of `a` and `b` (the shared sentences
    that come in the same order in both)."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def _sentence_hashes(doc: Document) -> list[int]:
    """Hashes of the story sentences of six words or more, normalised (lower case, words
    only), in order, each once. Sentences end at . ! ? and line breaks: any fixed rule
    cuts two copies alike, and this one is several times cheaper than `sentence_spans`.
    Python's own string hash: the lists are compared within one run only."""
    out: dict[int, None] = {}
    for sentence in _SENTENCE_END.split(_story(doc).lower()):
        words = _WORD.findall(sentence)
        if len(words) >= MIN_WORDS:
            out.setdefault(hash(" ".join(words)))
    return list(out)


def _story(doc: Document) -> str:
    """The text without its captions, credits, header and boilerplate (a line break in
    their place)."""
    if not doc.non_story:
        return doc.text
    parts, at = [], 0
    for span in sorted(doc.non_story, key=lambda s: s.start):
        parts.append(doc.text[at : max(at, span.start)])
        at = max(at, span.end)
    parts.append(doc.text[at:])
    return "\n".join(parts)
