"""One happening reported by several articles (or twice in one) becomes one event.

Two statements are merged when they date the same interval and talk about the same thing:
their titles or sentences share enough content words, or they name the same kind of
happening ("session", "summit"), or they name the same actors and share what happened to
them ("Acme Motors filed for bankruptcy protection" / "Acme Motors sought protection from
creditors": two names and two more words, not counting those most statements of that day
share). Names alone never merge: two things the same people did on one day stay two events;
statements that each name an actor the other does not, and share at most one name, never
merge, however alike their words ("AEP shares closed ..." / "Cambrex shares closed ...").
"""

from __future__ import annotations

import calendar
import hashlib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from collections.abc import Set as AbstractSet

from ..model import Event
from .extract import DatedStatement
from .titles import EVENT_NOUNS

__all__ = ["merge_candidates", "jaccard", "SIMILARITY", "STOP_WORDS"]

_CENTROID_MAX = 60  # larger clusters take the short title: choosing is quadratic
SIMILARITY = 0.34  # Jaccard of content-word stems above which two statements agree
STOP_WORDS = frozenset(
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
# a name: capitalised words in a row ("New York Stock Exchange" is one), its last word as key
_NAME = re.compile(r"(?<=[\s(\"“'])[A-Z][\w&'-]*[A-Za-z](?:\s+[A-Z][\w&'-]*[A-Za-z])*")
# month and weekday names are capitalised but name no actor; their stems say only "when"
_CAL_WORDS = [w.lower() for w in (*calendar.month_name[1:], *calendar.day_name)]
_CALENDAR = frozenset(_CAL_WORDS) | {w[:6] for w in _CAL_WORDS}
_EVENT_NOUN = re.compile(rf"\b(?:{EVENT_NOUNS})\b", re.I)
_RUN = re.compile(r"\w+")


def _noun_words(alternatives: str) -> frozenset[str] | None:
    """The words `_EVENT_NOUN` matches, in lower case, when each alternative is a word with
    at most an optional plural "s" (a match is then a whole word run); else None."""
    words: set[str] = set()
    for alt in alternatives.split("|"):
        if not re.fullmatch(r"[a-z]+(?:s\?)?", alt):
            return None
        words |= {alt[:-2], alt[:-1]} if alt.endswith("?") else {alt}
    return frozenset(words)


_NOUN_WORDS = _noun_words(EVENT_NOUNS)
_WORD = re.compile(r"[a-z][a-z'-]+")


def merge_candidates(candidates: Iterable[DatedStatement]) -> list[Event]:
    by_interval: dict[tuple, list[DatedStatement]] = defaultdict(list)
    for c in candidates:
        by_interval[(c.source.date.start, c.source.date.end)].append(c)
    events = []
    for group in by_interval.values():
        features = [_features(c) for c in group]  # once per statement
        titles = {id(c): f[0] for c, f in zip(group, features, strict=True)}
        events.extend(_event(cluster, titles) for cluster in _clusters(group, features))
    return events


def _clusters(group: list[DatedStatement], features: list[Features]) -> list[list[DatedStatement]]:
    parent = list(range(len(group)))
    features = _without_common(features)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # the names each cluster's statements give: a statement without names of its own
    # ("Its stock closed unchanged Friday") must not chain two companies' closes together
    names = [set(f[3]) for f in features]
    for i, others in enumerate(_comparable(features)):
        # clusters whose names rule out i's cluster as it stands: until i joins one, no
        # name changes, so their other statements need no second look (a big day's
        # statements share an event noun with hundreds of others, in a few clusters)
        apart: set[int] = set()
        ri = root(i)  # changes only when i's cluster joins another, below
        for j in others:  # ascending, all < i: the order of a full pairwise pass
            rj = root(j)
            if ri == rj or rj in apart:
                continue
            if _other_actors(names[ri], names[rj]):
                apart.add(rj)
                continue
            if _same_happening(features[i], features[j]):
                parent[ri] = rj
                names[rj] |= names[ri]
                ri = rj
                apart.clear()
    clusters: dict[int, list[DatedStatement]] = defaultdict(list)
    for i, c in enumerate(group):
        clusters[root(i)].append(c)
    return list(clusters.values())


Features = tuple[set[str], ...]


def _comparable(features: list[Features]) -> Iterator[list[int]]:
    """For each statement i, the earlier statements j that `_same_happening` could accept,
    ascending; the others cannot be merged with it, so skipping them changes nothing.

    Agreement needs a shared title or sentence stem with Jaccard >= SIMILARITY, a shared
    kind of happening, or two shared names. Jaccard is screened exactly by prefix
    filtering: with stems ordered rarest first, two sets that reach the threshold share a
    stem among the first |x| - ceil(t|x|) + 1 of each. Names are screened the same way for
    two shared (|x| - 1 first). A day of thousands of statements then costs the pairs that
    share something rare, not all pairs."""
    freq: Counter[str] = Counter()
    for f in features:
        freq.update(f[0])
        freq.update(f[1])
        freq.update(f[3])

    def rare_first(words: set[str]) -> list[str]:
        # by (frequency, word): sorted by word, then stably by frequency (no key tuples)
        return sorted(sorted(words), key=freq.__getitem__)

    def jaccard_prefix(words: set[str]) -> list[str]:
        n = len(words)
        return rare_first(words)[: n - math.ceil(SIMILARITY * n - 1e-9) + 1] if n else []

    index: dict[tuple[int, str], list[int]] = defaultdict(list)
    for i, (title, sentence, nouns, found_names, _) in enumerate(features):
        keys = [(0, w) for w in jaccard_prefix(title)]
        keys += [(1, w) for w in jaccard_prefix(sentence)]
        keys += [(2, w) for w in nouns]
        keys += [(3, w) for w in rare_first(found_names)[: max(len(found_names) - 1, 0)]]
        seen: set[int] = set()
        for key in keys:
            posting = index[key]
            seen.update(posting)
            posting.append(i)
        yield sorted(seen)


def _features(c: DatedStatement) -> tuple[set[str], ...]:
    """Title stems, sentence stems, the kinds of happening named ("session"), the names the
    sentence mentions (capitalised words not opening it) and its other content stems."""
    nouns = _nouns_in(c.title + " " + c.sentence)
    phrases = [n.lower().split() for n in _NAME.findall(c.sentence[1:])]
    names = {p[-1] for p in phrases} - STOP_WORDS - _CALENDAR  # "President Bush" and "Bush" agree
    in_names = {w[:6] for p in phrases for w in p}
    sentence = _stems(c.sentence)
    return _stems(c.title), sentence, nouns, names, sentence - in_names - _CALENDAR


def _nouns_in(text: str) -> set[str]:
    """The kinds of happening `text` names, as `_EVENT_NOUN` finds them, in lower case and
    without a plural "s". In ASCII text, its word runs are looked up in a set: the regular
    expression tries 20 words at every position, a third of all merging time."""
    if _NOUN_WORDS is None or not text.isascii():
        return {n.lower().rstrip("s") for n in _EVENT_NOUN.findall(text)}
    return {w.rstrip("s") for w in _NOUN_WORDS.intersection(_RUN.findall(text.lower()))}


def _without_common(features: list[tuple[set[str], ...]]) -> list[tuple[set[str], ...]]:
    """Names and words that most statements of a day share ("Elian", "Miami" in a week of
    Elian stories) say what the news is about, not which happening: they do not count."""
    if len(features) < 4:
        return features
    counts = Counter(w for f in features for w in f[3] | f[4])
    common = {w for w, n in counts.items() if n * 2 > len(features)}
    return [(t, s, n, names - common, words - common) for t, s, n, names, words in features]


def _same_happening(a: tuple[set[str], ...], b: tuple[set[str], ...]) -> bool:
    title_a, sentence_a, nouns_a, names_a, words_a = a
    title_b, sentence_b, nouns_b, names_b, words_b = b
    if _other_actors(names_a, names_b):
        return False  # "AEP shares closed ..." / "Cambrex shares closed ...": other actors
    shared = names_a & names_b
    if (
        jaccard(title_a, title_b) >= SIMILARITY
        or jaccard(sentence_a, sentence_b) >= SIMILARITY
        or nouns_a & nouns_b
    ):
        return True
    return len(shared) >= 2 and len(words_a & words_b) >= 2


def _other_actors(a: set[str], b: set[str]) -> bool:
    """Each names someone the other does not, and they share at most one name."""
    shared = a & b
    return bool(a - shared) and bool(b - shared) and len(shared) < 2


def _stems(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """How alike two sets of stems are: shared over all (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _representative(
    cluster: list[DatedStatement], titles: Mapping[int, set[str]]
) -> DatedStatement:
    """The statement whose title to show: a dated noun phrase if one names the event, else
    the title sharing most words with the others' (the gist of what several sources say,
    not the shortest aside), shorter on ties."""

    def key(c: DatedStatement) -> tuple[bool, bool, int, int]:
        return (not c.names_event, len(c.title.split()) < 3, -shared.get(id(c), 0), len(c.title))

    shared: dict[int, int] = {}
    if 2 < len(cluster) <= _CENTROID_MAX:
        stems = [titles[id(c)] for c in cluster]
        # the words a title shares with each other title, summed: each of its stems counts
        # once for every other title that has it (a count per stem, not a pass per pair)
        titles_with = Counter(w for mine in stems for w in mine)
        for c, mine in zip(cluster, stems, strict=True):
            shared[id(c)] = sum(titles_with[w] for w in mine) - len(mine)
    return min(cluster, key=key)


def _event(cluster: list[DatedStatement], titles: Mapping[int, set[str]]) -> Event:
    """`titles`: each statement's title stems, by id."""
    cluster.sort(key=lambda c: (c.source.doc_id, c.source.start, c.source.date_start))
    explicit = [c for c in cluster if not c.source.date.inferred]
    date = (explicit or cluster)[0].source.date
    best = _representative(cluster, titles)
    first = cluster[0].source
    # the id names where the event was first stated, not its date: a user's edit of a
    # publication date moves the date, and edits made earlier must still find the event
    key = f"{first.doc_id}|{first.start}|{first.date_start}"
    # a file name that is not UTF-8 holds lone surrogates: hash its bytes as they are
    event_id = "ev-" + hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:10]
    sources = list(
        {(c.source.doc_id, c.source.start, c.source.date_start): c.source for c in cluster}.values()
    )
    return Event(event_id, best.title, date, sources)
