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
others (A copies B, B copies C) are one family, named by its first document id. A load from
scratch finds the copies among all its documents (`copy_pairs`, by the same exact prefix
filtering) on a thread while its workers find statements, and after merging keeps those
that share an event: the same families, with a second and a half less of work left for
after merging at 10,000 articles.

The hashes are stable (BLAKE2b, eight bytes), not Python's salted `hash()`, so the store can
keep them (`sentence_store.py`): an update finds the families of the few documents it
touches without decoding every article they share an event with.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import replace
from hashlib import blake2b
from itertools import combinations

from ..model import Document, Event
from .collector import release_gradually

__all__ = [
    "MIN_WORDS",
    "Hashes",
    "apply_families",
    "copy_pairs",
    "families_among",
    "families_of",
    "mark_wire",
    "sentence_hashes",
    "wire_families",
]

MIN_WORDS = 6  # shorter sentences ("He declined to comment.") are shared by chance
_WORD = re.compile(r"[^\W_]+")
# a sentence ends after . ! ? (and closing quotes, brackets) and white space, or at a line
# break; the . ! ? go with the break, which changes no sentence's words
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n")
_NOT_WORD = re.compile(r"[^\w\0]+")  # once "_" is a space: what `_WORD` leaves out, but NUL
_ASCII_SPACES = str.maketrans({c: " " for c in range(1, 128) if not chr(c).isalnum()})

# the sentence hashes of each of these documents (ids of `documents`), by id: from the
# texts by default, or kept in the store (`sentence_store.StoredHashes`)
Hashes = Callable[[list[str]], Mapping[str, list[int]]]


def mark_wire(events: list[Event], documents: Mapping[str, Document]) -> None:
    """Set `Source.wire` on every source whose article is one of a family of copies."""
    apply_families(events, families_of(events, documents))


def families_of(
    events: Iterable[Event],
    documents: Mapping[str, Document],
    *,
    hashes: Hashes | None = None,
    copies: set[tuple[str, str]] | None = None,
) -> dict[str, str]:
    """The wire family of each document of `events` that has a copy among the documents
    it shares an event with: `wire_families(documents, pairs)` for the pairs of documents
    that are sources of one event, without listing those pairs (an event reported by
    hundreds of articles makes tens of thousands).

    Copies share at least half of the shorter one's sentences; with sentences in one order
    (rarest first), the shorter one's first n - ceil(n / 2) + 1 then hold one of them
    (prefix filtering). So each document is looked up by those sentences only, among the
    documents at least as long that hold one, and a pair found is tested when the two
    share an event. `hashes` gives the documents' sentence hashes (default: hashed from
    their texts); `copies`, when the caller found them already (`copy_pairs` of every
    document), are the pairs to connect, those two that share an event."""
    together = ({s.doc_id for s in e.sources} for e in events if len(e.sources) > 1)
    if copies is not None:
        return _families_of_copies(together, documents, copies, hashes)
    return families_among(together, documents, hashes=hashes)


def copy_pairs(
    found: Mapping[str, list[int]], stop: Callable[[], bool] = lambda: False
) -> set[tuple[str, str]] | None:
    """Every pair of the documents whose sentence hashes are `found` that are copies, as
    (lesser id, greater id): found by prefix filtering as `families_of` finds them, without
    the events they share, so before any event is merged (a load from scratch finds them
    while its workers find statements). None if `stop()` became true meanwhile."""
    sentences = {d: (h, frozenset(h)) for d, h in found.items()}
    copies: set[tuple[str, str]] = set()
    for k, (doc_id, others) in enumerate(_prefix_partners(sentences)):
        if k % 500 == 0 and stop():
            return None
        mine = sentences[doc_id]
        for other in others:  # each pair once (`_prefix_partners`)
            if _copies(mine, sentences[other]):
                copies.add((doc_id, other) if doc_id < other else (other, doc_id))
    release_gradually(sentences)  # see `families_among`
    return copies


def _families_of_copies(
    together: Iterable[set[str]],
    documents: Mapping[str, Document],
    copies: set[tuple[str, str]],
    hashes: Hashes | None,
) -> dict[str, str]:
    """`families_among(together, documents, hashes=hashes)` from the copies among all
    documents: the documents connected by those that share an event. `hashes` is asked for
    the documents `families_among` reads, as it would be (a store's keeps what it gave)."""
    shared = _events_shared(together, documents)
    if hashes is not None:
        hashes(sorted(shared))
    linked = [
        (a, b)
        for a, b in copies
        if a in shared and b in shared and not shared[a].isdisjoint(shared[b])
    ]
    return _connected(linked)


def _events_shared(
    together: Iterable[set[str]], documents: Mapping[str, Document]
) -> dict[str, set[int]]:
    """The events (by number) each document of `documents` shares with another."""
    shared: dict[str, set[int]] = defaultdict(set)
    for k, group in enumerate(together):
        if len(group) > 1:
            for doc_id in group:
                if doc_id in documents:
                    shared[doc_id].add(k)
    return shared


def _prefix_partners(
    sentences: Mapping[str, tuple[list[int], frozenset[int]]],
) -> Iterator[tuple[str, set[str]]]:
    """Each document of `sentences` in turn, with the documents it may be a copy of: those
    longer than it (or as long, with a greater id) that hold one of its first n - ceil(n /
    2) + 1 sentences, rarest first (prefix filtering, see `families_of`). Copies share at
    least ceil(n / 2) sentences of the shorter's n, so one of them is among its first
    ones: every pair of copies is given once, by its shorter side (by its lesser id when
    both are as long)."""
    freq: Counter[int] = Counter(h for _, kept in sentences.values() for h in kept)
    holding: dict[int, list[str]] = defaultdict(list)
    for doc_id, (_, kept) in sentences.items():
        for h in kept:
            holding[h].append(doc_id)
    size = {doc_id: len(kept) for doc_id, (_, kept) in sentences.items()}
    for doc_id, (_, kept) in sentences.items():
        n = len(kept)
        others = {
            other
            for h in sorted(kept, key=lambda h: (freq[h], h))[: n // 2 + 1]
            for other in holding[h]
        }
        yield (
            doc_id,
            {other for other in others if size[other] > n or size[other] == n and other > doc_id},
        )
    # big temporaries: see `families_among`
    release_gradually(holding)
    release_gradually(freq)


def families_among(
    together: Iterable[set[str]],
    documents: Mapping[str, Document],
    *,
    hashes: Hashes | None = None,
) -> dict[str, str]:
    """`families_of` the events whose sources' documents are `together` (one set per
    event): all it reads of an event, so an update need not make the events of the
    documents it asks about."""
    shared = _events_shared(together, documents)
    ids = sorted(shared)
    found = hashes(ids) if hashes is not None else {d: sentence_hashes(documents[d]) for d in ids}
    sentences = {d: (found[d], frozenset(found[d])) for d in ids}
    pairs: set[tuple[str, str]] = set()
    for doc_id, others in _prefix_partners(sentences):
        events = shared[doc_id]
        for other in others:
            if not events.isdisjoint(shared[other]):
                pairs.add((doc_id, other) if doc_id < other else (other, doc_id))
    # Big temporaries (at 10,000 articles hundreds of thousands of sentences and pairs):
    # freed at the return, or sorted, each is one C call of 50-180 ms that holds the
    # interpreter, a stall of the window. The families do not depend on the pairs' order
    # (connected documents, each family named by its least id), so they are not sorted.
    families = _families(pairs, sentences)
    for temporary in (pairs, sentences, shared):  # `found` may be the caller's own
        release_gradually(temporary)
    return families


def apply_families(events: Iterable[Event], families: Mapping[str, str]) -> None:
    """Set `Source.wire` from `families` (a document's family name by its id)."""
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
    pairs: set[tuple[str, str]] = set()
    for event in events:
        if len(event.sources) > 1:
            ids = {s.doc_id for s in event.sources}
            if len(ids) > 1:
                pairs.update(combinations(sorted(ids), 2))
    return sorted(pairs)


def wire_families(
    documents: Mapping[str, Document], pairs: Iterable[tuple[str, str]]
) -> dict[str, str]:
    """The family name (its first document id) of each document of `pairs` that is a copy
    of another; documents without a copy are left out."""
    pairs = list(pairs)
    sentences: dict[str, tuple[list[int], frozenset[int]]] = {}
    for pair in pairs:
        for k in pair:
            if k in documents and k not in sentences:
                hashes = sentence_hashes(documents[k])
                sentences[k] = (hashes, frozenset(hashes))
    return _families(pairs, sentences)


def _families(
    pairs: Iterable[tuple[str, str]], sentences: Mapping[str, tuple[list[int], frozenset[int]]]
) -> dict[str, str]:
    """Families of the pairs that are copies (of documents in `sentences`)."""
    return _connected(pairs, lambda a, b: _copies(sentences[a], sentences[b]), sentences)


def _connected(
    pairs: Iterable[tuple[str, str]],
    linked: Callable[[str, str], bool] = lambda a, b: True,
    among: Container[str] | None = None,
) -> dict[str, str]:
    """The documents connected by the pairs that are `linked` (tested only for two not
    connected yet), of documents `among` (default: any), each named by its family's least
    id; documents in no such pair are left out."""
    parent: dict[str, str] = {}  # of the documents found to be copies: most have none

    def root(k: str) -> str:
        while parent.setdefault(k, k) != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for a, b in pairs:
        if among is not None and (a not in among or b not in among):
            continue
        ra = root(a) if a in parent else a
        rb = root(b) if b in parent else b
        if ra != rb and linked(a, b):
            parent.setdefault(ra, ra)
            parent.setdefault(rb, rb)
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[str]] = defaultdict(list)
    for k in parent:
        members[root(k)].append(k)
    return {k: min(family) for family in members.values() if len(family) > 1 for k in family}


def _copies(a: tuple[list[int], frozenset[int]], b: tuple[list[int], frozenset[int]]) -> bool:
    """Each side's sentence hashes in order and as a set."""
    shorter = min(len(a[0]), len(b[0]))
    if not shorter:
        return False
    shared = a[1] & b[1]
    if 2 * len(shared) < shorter:
        return False  # cheap: not even the sentences, never mind their order
    in_order = _common_run([h for h in a[0] if h in shared], [h for h in b[0] if h in shared])
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


def sentence_hashes(doc: Document) -> list[int]:
    """Hashes of the story sentences of six words or more, normalised (lower case, words
    only), in order, each once. Sentences end at . ! ? and line breaks: any fixed rule
    cuts two copies alike, and this one is several times cheaper than `sentence_spans`.
    Each hash is the first eight bytes of the sentence's BLAKE2b, as an unsigned number:
    the same in every process, so the store can keep them.

    The text is normalised whole, not sentence by sentence (most of the cost): sentence
    ends become NUL, every run of other characters than letters and digits one space."""
    text = _story(doc).lower()
    if "\0" in text:  # NUL is our mark: a text holding one takes the slow way
        return _hashes_of(_WORD.findall(s) for s in _SENTENCE_END.split(text))
    marked = _SENTENCE_END.sub("\0", text)
    if marked.isascii():
        spaced = marked.translate(_ASCII_SPACES)
    else:
        spaced = _NOT_WORD.sub(" ", marked.replace("_", " "))
    return _hashes_of(s.split() for s in spaced.split("\0"))


def _hashes_of(sentences: Iterable[list[str]]) -> list[int]:
    out: dict[int, None] = {}
    for words in sentences:
        if len(words) >= MIN_WORDS:
            digest = blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=8)
            out.setdefault(int.from_bytes(digest.digest(), "little"))
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
