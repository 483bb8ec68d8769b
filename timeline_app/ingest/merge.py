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
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from itertools import chain, combinations

from ..model import Event
from .extract import DatedStatement
from .titles import EVENT_NOUNS

__all__ = [
    "Cluster",
    "SIMILARITY",
    "STOP_WORDS",
    "Stated",
    "clusters_of",
    "events_of",
    "jaccard",
    "merge_candidates",
    "stated",
]

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


# What merging needs of a statement, and all that an engine's worker is sent of it: its
# title, its sentence, whether the title names the event, and where it is stated (its
# document, sentence and date expression: the order of a cluster's statements)
Stated = tuple[str, str, bool, tuple[str, int, int]]
# a cluster of one interval's statements: their indices in the order where they are
# stated, and the index of the one whose title the event shows
Cluster = tuple[list[int], int]


def merge_candidates(candidates: Iterable[DatedStatement]) -> list[Event]:
    by_interval: dict[tuple, list[DatedStatement]] = defaultdict(list)
    for c in candidates:
        by_interval[(c.source.date.start, c.source.date.end)].append(c)
    events = []
    for group in by_interval.values():
        events.extend(events_of(group, clusters_of([stated(c) for c in group])))
    return events


def stated(c: DatedStatement) -> Stated:
    """What `clusters_of` needs of a statement."""
    s = c.source
    return c.title, c.sentence, c.names_event, (s.doc_id, s.start, s.date_start)


def clusters_of(group: list[Stated]) -> list[Cluster]:
    """The statements of one interval in clusters, each stating one happening: where
    merging spends its time, on a few strings per statement (cheap to send to a worker)."""
    # once per title and sentence: copies of a wire story state one thing many times
    # (the features are shared between them, so they are never changed)
    known = _known_features
    features = []
    for title, sentence, _, _ in group:
        f = known.get((title, sentence))
        if f is None:
            if len(known) >= _FEATURES_KEPT:
                known.clear()  # a bound on memory, as for titles
            f = known[title, sentence] = _features(title, sentence)
        features.append(f)
    out = []
    for cluster in _clusters(features):
        cluster.sort(key=lambda k: group[k][3])  # stable: in corpus order on ties
        best = _representative([group[k] for k in cluster], [features[k][0] for k in cluster])
        out.append((cluster, cluster[best]))
    return out


# the features of each (title, sentence) made in this process: a sentence background to
# many stories is stated on many dates, in many merge blocks
_known_features: dict[tuple[str, str], Features] = {}
_FEATURES_KEPT = 100_000


def events_of(group: list[DatedStatement], clusters: list[Cluster]) -> list[Event]:
    """The events of `clusters_of(group)` (as statements of `group`)."""
    return [_event([group[k] for k in order], group[best]) for order, best in clusters]


def _clusters(features: list[Features]) -> list[list[int]]:
    """The statements of `features` in clusters, each as its indices, ascending."""
    parent = list(range(len(features)))
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
        ri = i  # i's cluster until it joins another, below
        for j in others:  # ascending, all < i: the order of a full pairwise pass
            rj = parent[j]
            if parent[rj] != rj:
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
    clusters: dict[int, list[int]] = defaultdict(list)
    for i in range(len(features)):
        clusters[root(i)].append(i)
    return list(clusters.values())


Features = tuple[set[str], ...]


def _comparable(features: list[Features]) -> Iterator[list[int]]:
    """For each statement i, earlier statements j, ascending, among which are all that
    `_same_happening` accepts; the others cannot be merged with it, so skipping them
    changes nothing (and looking at a few more changes nothing either).

    Agreement needs names that do not rule it out (`_other_actors`), and a shared title or
    sentence stem with Jaccard >= SIMILARITY, a shared kind of happening, or two shared
    names. So the earlier statements are found by their names (`_NameIndex`) when few
    names allow them, else by what they share (`_SharedIndex`). A day of thousands of
    statements then costs the pairs that could agree, not all pairs."""
    shared = _SharedIndex(features)
    by_names = _NameIndex()
    for i, f in enumerate(features):
        found_names = f[3]
        allowed = by_names.allowing(found_names)
        if allowed is None or sum(map(len, allowed)) > max(i // 2, _FEW):
            lists = shared.sharing(i) + by_names.sharing_two(found_names)
        else:
            lists = allowed
        seen: set[int] = set()
        for posting in lists:
            seen.update(posting)
        by_names.add(i, found_names)
        yield sorted(seen)


_FEW = 32  # earlier statements that names allow, at most, that are looked at without more


class _SharedIndex:
    """Earlier statements by the title and sentence stems and the kinds of happening they
    share with a statement. Jaccard is screened exactly by prefix filtering: with stems
    ordered rarest first, two sets that reach the threshold share a stem among the first
    |x| - ceil(t|x|) + 1 of each. Statements are indexed when a later one first asks (most
    find theirs by names)."""

    def __init__(self, features: list[Features]) -> None:
        self._features = features
        self._index: dict[tuple[int, str], list[int]] = defaultdict(list)
        self._indexed = 0  # statements 0 .. _indexed - 1 are in `_index`
        self._freq: Counter[str] | None = None

    def sharing(self, i: int) -> list[list[int]]:
        """Lists holding every statement before `i` that shares a key with it."""
        for j in range(self._indexed, i):
            for key in self._key_of(j):
                self._index[key].append(j)
        self._indexed = max(self._indexed, i)
        return [self._index.get(key, []) for key in self._key_of(i)]

    def _key_of(self, i: int) -> list[tuple[int, str]]:
        title, sentence, nouns, _, _ = self._features[i]
        keys = [(0, w) for w in self._prefix(title)]
        keys += [(1, w) for w in self._prefix(sentence)]
        keys += [(2, w) for w in nouns]
        return keys

    def _prefix(self, words: set[str]) -> list[str]:
        n = len(words)
        if not n:
            return []
        if self._freq is None:
            self._freq = Counter()
            for f in self._features:
                self._freq.update(f[0])
                self._freq.update(f[1])
        # by (frequency, word): sorted by word, then stably by frequency (no key tuples)
        rare_first = sorted(sorted(words), key=self._freq.__getitem__)
        return rare_first[: n - math.ceil(SIMILARITY * n - 1e-9) + 1]


class _NameIndex:
    """Earlier statements by their names, to find those that share two names with a
    statement, or whose names do not rule out its (not `_other_actors`: either's names
    hold the other's, or they share two)."""

    _MAX = 12  # more names than this: listed in `_wide`, not by each pair of them
    _SUBSETS = 6  # at most this many names: their subsets are looked up

    def __init__(self) -> None:
        self._by_set: dict[frozenset[str], list[int]] = defaultdict(list)
        self._by_name: dict[str, list[int]] = defaultdict(list)
        self._by_pair: dict[tuple[str, str], list[int]] = defaultdict(list)
        self._wide: list[int] = []  # statements with more than _MAX names

    def add(self, i: int, names: AbstractSet[str]) -> None:
        self._by_set[frozenset(names)].append(i)
        for name in names:
            self._by_name[name].append(i)
        if len(names) > self._MAX:
            self._wide.append(i)
        else:
            for pair in combinations(sorted(names), 2):
                self._by_pair[pair].append(i)

    def sharing_two(self, names: AbstractSet[str]) -> list[list[int]]:
        """Lists holding every earlier statement that shares two of `names`."""
        if len(names) < 2:
            return []
        pairs = [self._by_pair.get(p, []) for p in combinations(sorted(names), 2)]
        return [*pairs, self._wide]

    def allowing(self, names: AbstractSet[str]) -> list[list[int]] | None:
        """Lists holding every earlier statement whose names do not rule out `names`;
        None when that is not worth finding (no names: every statement; many names)."""
        if not names or len(names) > self._SUBSETS:
            return None
        ordered = sorted(names)
        subsets = chain.from_iterable(combinations(ordered, k) for k in range(len(ordered) + 1))
        within = [self._by_set.get(frozenset(s), []) for s in subsets]  # names they hold
        if len(names) == 1:  # statements that name it
            return [*within, self._by_name.get(ordered[0], [])]
        return within + self.sharing_two(names)  # two shared names: also those holding them


def _features(title: str, sentence: str) -> tuple[set[str], ...]:
    """Title stems, sentence stems, the kinds of happening named ("session"), the names the
    sentence mentions (capitalised words not opening it) and its other content stems."""
    nouns = _nouns_in(title + " " + sentence)
    phrases = [n.lower().split() for n in _NAME.findall(sentence[1:])]
    names = {p[-1] for p in phrases} - STOP_WORDS - _CALENDAR  # "President Bush" and "Bush" agree
    in_names = {w[:6] for p in phrases for w in p}
    stems = _stems(sentence)
    return _stems(title), stems, nouns, names, stems - in_names - _CALENDAR


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
    if not common:
        return features
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
    return not (a <= b or b <= a) and len(a & b) < 2


def _stems(text: str) -> set[str]:
    return {w[:6] for w in _WORD.findall(text.lower()) if w not in STOP_WORDS}


def jaccard(a: AbstractSet[str], b: AbstractSet[str]) -> float:
    """How alike two sets of stems are: shared over all (0 when either is empty)."""
    return len(a & b) / len(a | b) if a and b else 0.0


def _representative(cluster: list[Stated], titles: list[set[str]]) -> int:
    """The statement whose title to show (its index in `cluster`; `titles`: their title
    stems): a dated noun phrase if one names the event, else the title sharing most words
    with the others' (the gist of what several sources say, not the shortest aside),
    shorter on ties; the first of equals."""
    shared = [0] * len(cluster)
    if 2 < len(cluster) <= _CENTROID_MAX:
        # the words a title shares with each other title, summed: each of its stems counts
        # once for every other title that has it (a count per stem, not a pass per pair)
        titles_with = Counter(w for mine in titles for w in mine)
        shared = [sum(titles_with[w] for w in mine) - len(mine) for mine in titles]

    def key(k: int) -> tuple[bool, bool, int, int]:
        title, _, names_event, _ = cluster[k]
        return (not names_event, len(title.split()) < 3, -shared[k], len(title))

    return min(range(len(cluster)), key=key)


def _event(cluster: list[DatedStatement], best: DatedStatement) -> Event:
    """The event of a cluster's statements, in the order where they are stated, titled by
    `best`."""
    explicit = [c for c in cluster if not c.source.date.inferred]
    date = (explicit or cluster)[0].source.date
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
