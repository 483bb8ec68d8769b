"""Sources that disagree: one happening that articles date differently becomes one event.

`merge.py` merges statements that date the same interval. This pass, run on its events,
joins events that report one happening with *conflicting* dates, neither inside the other
("3 May" / "4 May", "early January" / "13 January"), into one event that keeps each
source's date and is marked disputed (`Event.disputed`). A date inside the other ("early
January" / "10 January") only says more: no dispute, and left to merging. A wrong join is a
false statement to an analyst, so two events are joined only when all of these hold:

- both dates are a day or a part of a month (no vaguer, no span); two days at most
  DAY_GAP apart (a time zone, a "yesterday" read from another day), a part of a month and
  a day at most MAX_GAP days apart (the edge of "early January" is loose); both are facts
  or both plans;
- no article reports both (an article giving two dates gives two happenings), and no
  article of one reports the other's names elsewhere on the other's date;
- their sentences share a name (the last word of a capitalised run) and, with the date
  expressions blanked, at least WORDING of their content words (the same story told, not
  the same topic); neither names an actor (`ingest/actors.py`) the other does not while
  the other names one it lacks; and `merge.py`'s own test of one happening accepts them
  once their dates are set equal;
- the figures in their sentences, if both give any, agree (one's all in the other's):
  "closed at 41" / "closed at 44" are two days' closes, not a dispute;
- neither event has an alike event further apart than that and up to RECUR days away: a
  happening that recurs (a weekly meeting, a daily close, two meetings two days apart) is
  never joined at all;
- their sentences do not already agree on another date ("met on Wednesday, the press
  service said on Thursday" / "... said on Saturday": one meeting, two days of saying),
  and neither's sentences give another date close enough to the other's to be the one it
  means;
- in a joined group every two events pass these tests themselves, never only through a
  third (so two events `merge.py` kept apart on one day are never joined).

Events are compared only within RECUR days of each other and only when their wording can
reach WORDING (prefix filtering on stems, `_StemIndex`), and they share a name; the pairs
close enough to join are found first, and only their ends are asked whether they recur.
So the cost follows the pairs that could join, not all pairs, and the costly readings of
an event (all its sentences, names, figures, other dates) are made for the events that
reach those tests. The joined event is dated by the date
confirmed by most independent outlets (`model.outlets`), ties going to the most precise
date, then the earliest; it keeps the title of the event with that date and the id of the
event whose source comes first (as `merge.py` names events).

Locality (for an update that changed events only within the dates [lo, hi])
---------------------------------------------------------------------------
"Changed" covers every event removed, added or changed (sources, title, actors) by the
update, and every event with a source in a changed document (its sentences may date other
things now); all must lie within [lo, hi]. Changes at dates far apart are best given one
call each; two calls whose spans (below) overlap are made as one on their union. A
change of the actors of all events (`increments.State.actors_changed`) needs a full pass.

Whether an event is joined, and with which, is decided by its component in the graph of
*joinable pairs* (near pairs, neither end recurring; `_groups` works per component, in
corpus order). Which pairs are joinable depends on little around them:

- a pair is compared only within RECUR days (intervals' gap), is near within MAX_GAP;
- an event recurs because of an alike event within RECUR days;
- `_told_apart` reads the events on either's own interval;
- `other_days` reads the events stated in the same sentences: events of the same
  documents, at any date (`stated_of` gives their dates and sentences, all they lend);
- `mark_wire` is the exception: see below.

So a change within [lo, hi] changes pairs and recurrences only of events within RECUR days
of it (gaps between intervals), and joinable pairs only with an end within RECUR and the
other within REACH = RECUR + (_MAX_LENGTH - 1) + MAX_GAP days (past the far end of the
first, which may be as long as a third of a month). An event's outcome can change only if
its component (before or after the change) holds such an event, and every such component is
found from the events after the change alone: the pairs it loses or gains all lie within
REACH days, and the rest of it is kept in both. `join_disputes_near(between, documents, lo,
hi)` therefore takes the span [lo - REACH, hi + REACH], widens it until no joinable pair has
one end inside it (events meeting it) and one outside, reads the events within _MARGIN days
of the span so that every test of an event inside, and of its partners, is exact, and
returns `Near(start, end, events)`: the events of the joined corpus whose date meets [start,
end], in corpus order. Outside the span nothing changed: no joinable pair crosses its edge
before or after (such a pair lies more than REACH days from the change, so it is the same in
both), and a joined event is dated by one of its members, so an event of the old result with
its date outside the span is an event of the new one. The caller replaces the old result's
events dated within the span by `Near.events` (a joined event takes the place of its first
member, as in `join_disputes`). This assumes what `merge.py` makes: every source of an event
dates the event's interval (a joined event's date is then one of its members');
`tests/ingest/test_disputes_near.py` checks the splice against a full pass over many
windows.

Wire families (`Source.wire`, `wire.py`) are not local in dates: an article states events
on many dates, and families join articles through any event they share. Let C be the
changed documents and the documents with a source in a changed event (before or after):
a pair of articles reported together, and whether two articles are copies, change only
for pairs with an article in C, so only the families (before or after) holding an
article of C can change. `join_disputes_near` marks the events it reads by the corpus's
`families`, as `wire.families_of` gives them on all events after the change; an event
outside the span with a source whose family changed is to be marked again
(`wire.apply_families`), and if it is a joined one (`Event.disputed`), joined again
(`join_disputes_near` on its date), since its date is chosen by independent outlets.
"""

from __future__ import annotations

import calendar
import copy
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta

from ..model import Document, Event, FuzzyDate, Source
from ..model.outlets import date_support
from .collector import collector_paused, release_gradually
from .extract import DatedStatement
from .merge import STOP_WORDS, merge_candidates
from .records import event_in
from .wire import apply_families, mark_wire

__all__ = [
    "DAY_GAP",
    "MAX_GAP",
    "REACH",
    "RECUR",
    "WORDING",
    "Near",
    "SentenceOf",
    "Stated",
    "StatedOf",
    "dated_between",
    "dispute_groups",
    "groups_of_records",
    "join_disputes",
    "join_disputes_near",
    "sentences_in",
    "stated",
]

DAY_GAP = 1  # days two outlets' days for one happening may differ by
MAX_GAP = 3  # days a day may lie outside a part of a month ("early January") given for it
RECUR = 14  # days within which an alike happening further apart means it recurs
_MAX_LENGTH = 11  # days: a date vaguer than a third of a month cannot dispute a day
# days around changed events within which joins may change: an event within RECUR of a
# change, as long as a profile can be, and a partner within MAX_GAP of its far end
REACH = RECUR + _MAX_LENGTH - 1 + MAX_GAP
_SAMPLE = 3  # statements per event put to merge.py's test
_COMMON = FuzzyDate(2000, 1, 1)  # the one date both events' statements are compared at
_NAME = re.compile(r"(?<=[\s(\"“'])[A-Z][\w&'-]*[A-Za-z](?:\s+[A-Z][\w&'-]*[A-Za-z])*")
WORDING = 0.5  # Jaccard of two sentences' content stems: the same story told, not a topic
_WORDING_RATIO = WORDING.as_integer_ratio()  # exact: a Jaccard is a ratio of whole numbers
_WORD = re.compile(r"[a-z][a-z'-]+")
# merge.py's stop words less eight: here pronouns and negation count as content words
_STOP = STOP_WORDS - {"these", "those", "we", "our", "you", "i", "not", "no"}
_FIGURE = re.compile(r"\d+(?:[.,]\d+)*")
# month and weekday names (and their short forms) say only "when", which differs anyway
_CAL_WORDS = [w.lower() for w in (*calendar.month_name[1:], *calendar.day_name)]
_CALENDAR = frozenset(_CAL_WORDS) | {w[:3] for w in _CAL_WORDS} | {"sept"}
_NOT_NAMES = _CALENDAR | _STOP


Interval = tuple[date, date]
# days between the starts of a close pair (a gap of at most MAX_GAP after a profile as long
# as one can be) and of a pair within RECUR days: the partners `_StemIndex` looks at
_CLOSE_STARTS = MAX_GAP + _MAX_LENGTH - 1
_RECUR_STARTS = RECUR + _MAX_LENGTH - 1
_BUCKET = 14  # days of starts filed together
# days of events read beyond a span for its events' tests to be exact: an event meeting
# the span may reach _MAX_LENGTH - 1 days out, its partner MAX_GAP days and as long again
# beyond, and that partner's recurrence reads RECUR days further
_MARGIN = 2 * (_MAX_LENGTH - 1) + MAX_GAP + RECUR


@dataclass(frozen=True, slots=True)
class Near:
    """What `join_disputes_near` recomputed: every event of the joined corpus whose date
    meets [start, end] (both inclusive) is to be replaced by `events` (in corpus order);
    every other one stands as it was."""

    start: date
    end: date
    events: list[Event]

    def covers(self, event: Event) -> bool:
        """`event` (of the joined corpus, before or after the change) is one `events`
        replace: its date meets [start, end]."""
        return event.date.start <= self.end and self.start <= event.date.end


class _SentenceDays:
    """The intervals of the events stated in each sentence (by document and offsets): a
    sentence that dates two things ("met on Wednesday, the press service said on
    Thursday") gives each event the other's date. Indexed from `events` on first use, and
    from `more(doc_ids)` (the events of those documents, as `stated`) for documents not
    read yet; an event's date is read only when a sentence of its is asked for."""

    def __init__(self, events: list[Event], more: StatedOf | None) -> None:
        self._events, self._more = events, more
        self._stated: dict[tuple[str, int, int], set[Interval]] | None = None
        self._read: set[str] = set()
        self._only: set[str] | None = None

    def only(self, docs: set[str]) -> None:
        """Index the sentences of `docs` alone: those of every event asked for."""
        self._only = docs

    def _add(self, events: Iterable[Stated]) -> None:
        assert self._stated is not None
        only = self._only
        for interval, sources in events:
            for source in sources:
                if only is None or source[0] in only:
                    self._stated.setdefault(source, set()).add(interval)

    def of(self, event: Event, docs: frozenset[str]) -> set[Interval]:
        if self._stated is None:
            self._stated = {}
            only = self._only
            self._add(  # with `only`, the events of other documents are passed over unread
                stated(
                    self._events
                    if only is None
                    else (e for e in self._events if any(s.doc_id in only for s in e.sources))
                )
            )
        if self._more is not None and not docs <= self._read:
            fresh = sorted(docs - self._read)
            self._read.update(fresh)
            self._add(self._more(fresh))
        return {
            interval
            for s in event.sources
            for interval in self._stated.get((s.doc_id, s.start, s.end), ())
        }


@dataclass(slots=True, eq=False)
class _Profile:
    """What the tests above read of one event. Only the date and the content stems of the
    first few sentences (the cheap key) are read up front: most events are never compared
    with any other, and the rest is read on first use."""

    index: int
    event: Event
    start: date
    end: date
    # start and end as day numbers (`date.toordinal`): the tests of hundreds of thousands
    # of pairs subtract them, where a date's subtraction makes a timedelta each time
    first: int
    last: int
    planned: bool
    words: list[frozenset[str]]  # content stems of the first few sentences
    _sentence_of: SentenceOf
    sentence_days: _SentenceDays
    _sentences: list[tuple[Source, str]] | None = None
    _names: frozenset[str] | None = None
    _figures: frozenset[str] | None = None
    _docs: frozenset[str] | None = None
    _other_days: frozenset[Interval] | None = None

    @property
    def sentences(self) -> list[tuple[Source, str]]:
        """Each source with its sentence, date expression blanked."""
        if self._sentences is None:
            self._sentences = _sentences(self.event, self._sentence_of)
        return self._sentences

    @property
    def names(self) -> frozenset[str]:
        if self._names is None:  # each distinct sentence read once: wire copies repeat it
            self._names = frozenset(n for t in self._distinct() for n in _names(t))
        return self._names

    @property
    def figures(self) -> frozenset[str]:
        if self._figures is None:
            self._figures = frozenset(f for t in self._distinct() for f in _FIGURE.findall(t))
        return self._figures

    def _distinct(self) -> set[str]:
        return {t for _, t in self.sentences}

    @property
    def docs(self) -> frozenset[str]:
        if self._docs is None:
            self._docs = frozenset(s.doc_id for s in self.event.sources)
        return self._docs

    @property
    def other_days(self) -> frozenset[Interval]:
        """The other dates its sentences give (to other events): what else they date."""
        if self._other_days is None:
            days = self.sentence_days.of(self.event, self.docs)
            self._other_days = frozenset(days - {(self.start, self.end)})
        return self._other_days

    def statements(self) -> list[DatedStatement]:
        """The first few sentences as statements of one common date, for `merge.py`."""
        return [
            DatedStatement(
                replace(s, date=_COMMON, date_start=s.start, date_end=s.start),
                self.event.title,
                False,
                t,
            )
            for s, t in self.sentences[:_SAMPLE]
        ]


EventsBetween = Callable[[date, date], list[Event]]
# an event as `_SentenceDays` reads it: its interval, and the document and offsets of the
# sentence of each of its sources
Stated = tuple[Interval, list[tuple[str, int, int]]]
StatedOf = Callable[[list[str]], Iterable[Stated]]
# the text of a source's sentence (`text[start:end]` of its article), None when its article
# is not loaded; `documents` by default (`sentences_in`), a merge block's statements hold it
# too (`increments.State.sentence`), without decoding the article
SentenceOf = Callable[[Source], str | None]


def stated(events: Iterable[Event]) -> list[Stated]:
    """Each event's interval and the document and offsets of its sources' sentences."""
    return [
        ((e.date.start, e.date.end), [(s.doc_id, s.start, s.end) for s in e.sources])
        for e in events
    ]


def sentences_in(documents: Mapping[str, Document]) -> SentenceOf:
    """`SentenceOf` reading the articles."""

    def sentence_of(s: Source) -> str | None:
        doc = documents.get(s.doc_id)
        return None if doc is None else doc.text[s.start : s.end]

    return sentence_of


def join_disputes(
    events: list[Event],
    documents: Mapping[str, Document],
    *,
    families: Mapping[str, str] | None = None,
    sentences: SentenceOf | None = None,
    groups: list[set[int]] | None = None,
) -> list[Event]:
    """`events` with wire copies marked (`Source.wire`) and each set of events that report
    one happening with different dates joined into one; order kept (a joined event takes
    the place of its first member). `families` are the wire families to mark by, when
    the caller has them (`wire.families_of(events, documents)` otherwise); `sentences` give
    the sources' sentences (default: from `documents`); `groups` the sets to join, when
    the caller found them already (`dispute_groups` of these events)."""
    if families is None:
        mark_wire(events, documents)
    else:
        apply_families(events, families)
    if groups is None:
        groups = dispute_groups(events, sentences or sentences_in(documents))
    if not groups:
        return events
    return _spliced(events, groups, documents)


def dispute_groups(events: list[Event], sentence_of: SentenceOf) -> list[set[int]]:
    """The sets of `events` (by index) that `join_disputes` joins, each into one event.
    Wire marks play no part in them (only in the joined event's date), so they may be
    found before the wire families are known, and elsewhere (`groups_of_records`)."""
    return _grouped(_profiles(events, sentence_of, _SentenceDays(events, None)))


def _grouped(profiles: list[_Profile]) -> list[set[int]]:
    """`dispute_groups` of the events these are the profiles of."""
    near, recurring = _alike_pairs(profiles)
    # a profile per event (its words, days, sentences): freed at the return in one go, a
    # fifth of a second at 10,000 articles that no other thread could interrupt
    release_gradually(profiles, 200)
    return _groups(near, recurring)


def _sentences_of_texts(texts: Mapping[str, str]) -> SentenceOf:
    """`SentenceOf` reading the texts of the articles, by document id (in a worker)."""

    def sentence_of(s: Source) -> str | None:
        text = texts.get(s.doc_id)
        return None if text is None else text[s.start : s.end]

    return sentence_of


def groups_of_records(_: object, item: tuple[list[bytes], list[bytes]]) -> list[list[int]]:
    """`dispute_groups` in an engine's worker: of the events as the store keeps them
    (`records.event_out`), their sentences read from the texts of their documents. Both
    come pickled a few hundred at a time (a list of records, a list of (document id, text)
    pairs each): pickled in one call they would hold the sender's interpreter half a
    second, a stall of its window. The collector is paused, as in a load: the pass makes
    a million objects, no cycles."""
    record_pieces, text_pieces = item
    texts: dict[str, str] = {}
    for piece in text_pieces:
        texts.update(pickle.loads(piece))
    with collector_paused:
        events = [event_in(r) for piece in record_pieces for r in pickle.loads(piece)]
        return [sorted(g) for g in dispute_groups(events, _sentences_of_texts(texts))]


# -- fed as blocks merge, in one engine worker (`corpus._Elsewhere`) --------------------
# the events of each merge block fed so far (by the block's key), with their profiles
_fed: dict[int, tuple[list[Event], list[_Profile]]] = {}
_fed_texts: dict[str, str] = {}
_fed_sentence = _sentences_of_texts(_fed_texts)  # the dict is emptied, never replaced
_fed_days = _SentenceDays([], None)  # over every fed event, in order, once they are all in


def feed_records(_: object, item: tuple[bytes, bytes]) -> None:
    """Keep the events of some merge blocks, just merged (a list of (block key, its events
    as `records.event_out`), pickled) and the texts of their documents not sent yet ((id,
    text) pairs, pickled), with the profile of each: the half of `groups_of_records`'s work
    that reads events one at a time, done while other blocks merge. `groups_of_fed` does
    the rest once every block is in. One worker must run both (a pool of one process)."""
    blocks, texts = item
    with collector_paused:
        _fed_texts.update(pickle.loads(texts))
        for key, records in pickle.loads(blocks):
            events = [event_in(r) for r in records]
            _fed[key] = (events, _profiles(events, _fed_sentence, _fed_days))


def groups_of_fed(_: object, order: list[int]) -> list[list[int]]:
    """`dispute_groups` of the fed events, taken block after block in `order` (block keys;
    a block never fed has no events); the worker forgets them."""
    global _fed_days
    with collector_paused:
        events: list[Event] = []
        profiles: list[_Profile] = []
        for key in order:
            fed = _fed.pop(key, None)
            if fed is not None:
                for p in fed[1]:
                    p.index += len(events)  # its place among all the events
                profiles += fed[1]
                events += fed[0]
        _fed_days._events = events  # what every profile's `sentence_days` reads
        try:
            return [sorted(g) for g in _grouped(profiles)]
        finally:
            _fed.clear()
            _fed_texts.clear()
            _fed_days = _SentenceDays([], None)


def join_disputes_near(
    between: EventsBetween,
    documents: Mapping[str, Document],
    lo: date,
    hi: date,
    *,
    families: Mapping[str, str],
    stated_of: StatedOf | None = None,
    sentences: SentenceOf | None = None,
) -> Near:
    """The part of `join_disputes(all events)` that events changed within [lo, hi] can
    change, computed from the events near it (see "Locality" above).

    `between(a, b)` gives the corpus's events before joining whose date meets [a, b], in
    corpus order; `stated_of(doc_ids)` the events with a source in those documents, as
    `stated` gives them (in any order; None when `between` always gives them, as a list of
    all events does).
    `families` is the corpus's wire families (`wire.families_of` on all its events);
    `sentences` as for `join_disputes`. The events given are copied, never changed."""
    sentence_of = sentences or sentences_in(documents)
    start, end = lo - timedelta(days=REACH), hi + timedelta(days=REACH)
    while True:
        events = [copy.copy(e) for e in between(start - _MARGIN_DAYS, end + _MARGIN_DAYS)]
        apply_families(events, families)
        profiles = _profiles(events, sentence_of, _SentenceDays(events, stated_of))
        near, recurring = _alike_pairs(profiles)
        inside = {i for i, e in enumerate(events) if e.date.start <= end and start <= e.date.end}
        valid = [(i, j) for i, j in near if i not in recurring and j not in recurring]
        crossing = [(i, j) for i, j in valid if (i in inside) != (j in inside)]
        if not crossing:
            break
        for i, j in crossing:  # a joinable pair across the span's edge: take it in
            start = min(start, events[i].date.start, events[j].date.start)
            end = max(end, events[i].date.end, events[j].date.end)
    groups = _groups([(i, j) for i, j in valid if i in inside], recurring)
    kept = [i for i in range(len(events)) if i in inside]
    joined = _spliced([events[i] for i in kept], _renumbered(groups, kept), documents)
    return Near(start, end, joined)


_MARGIN_DAYS = timedelta(days=_MARGIN)


def dated_between(events: list[Event]) -> EventsBetween:
    """`between` for `join_disputes_near` over all the corpus's events in a list (each
    call reads the whole list: for tests and small corpora)."""

    def between(lo: date, hi: date) -> list[Event]:
        return [e for e in events if e.date.start <= hi and lo <= e.date.end]

    return between


def _renumbered(groups: list[set[int]], kept: list[int]) -> list[set[int]]:
    """Groups of indices into all events as groups of indices into `kept`."""
    position = {i: k for k, i in enumerate(kept)}
    return [{position[i] for i in g} for g in groups]


def _spliced(
    events: list[Event], groups: list[set[int]], documents: Mapping[str, Document]
) -> list[Event]:
    """`events` with each group joined into one event in the place of its first member."""
    joined: dict[int, Event] = {}
    dropped: set[int] = set()
    for members in groups:
        first = min(members)
        joined[first] = _joined([events[i] for i in sorted(members)], documents)
        dropped.update(i for i in members if i != first)
    return [joined.get(i, e) for i, e in enumerate(events) if i not in dropped]


def _profiles(events: list[Event], sentence_of: SentenceOf, days: _SentenceDays) -> list[_Profile]:
    """A profile of each event that could be disputed: a day or a part of a month (no
    vaguer, no span) with a source whose article is loaded (not made by hand)."""
    out = []
    for i, e in enumerate(events):
        d = e.date
        if d.is_span:
            continue
        start, end = d.start, d.end
        if (end - start).days >= _MAX_LENGTH:
            continue
        sample = []
        for s in e.sources:
            sentence = sentence_of(s)
            if sentence is not None:
                sample.append(_without_date(sentence, s))
                if len(sample) == _SAMPLE:
                    break
        if sample:  # copies of a sentence: one set of stems (pairs are tested on any two)
            words = list(dict.fromkeys(_stems(t) for t in dict.fromkeys(sample)))
            first, last = start.toordinal(), end.toordinal()
            out.append(_Profile(i, e, start, end, first, last, e.planned, words, sentence_of, days))
    return out


def _sentences(event: Event, sentence_of: SentenceOf) -> list[tuple[Source, str]]:
    return [
        (s, _without_date(sentence, s))
        for s in event.sources
        if (sentence := sentence_of(s)) is not None
    ]


def _without_date(sentence: str, s: Source) -> str:
    """The source's sentence (`text[s.start:s.end]`) with its date expression blanked: the
    dates differ by definition."""
    if s.start <= s.date_start and s.date_end <= s.end:
        a, b = s.date_start - s.start, s.date_end - s.start
        return sentence[:a] + " " * (b - a) + sentence[b:]
    return sentence


def _names(sentence: str) -> set[str]:
    """The last word of each capitalised run ("Motors" for "Halvorsen Motors", "Lukashenko"
    for "President Lukashenko"), the opening word too unless a function word ("The"),
    months and days left out. An opening "Protesters" counts: more pairs are compared
    and more articles tell dates apart, both on the safe side."""
    return {run.rsplit(None, 1)[-1].lower() for run in _NAME.findall(" " + sentence)} - _NOT_NAMES


def _stems(sentence: str) -> frozenset[str]:
    """Content words of a sentence, cut to six letters ("talks"/"talked" agree)."""
    words = set(_WORD.findall(sentence.lower())) - _STOP - _CALENDAR
    return frozenset(w[:6] for w in words)


def _allowed_gap(a: _Profile, b: _Profile) -> int:
    both_days = a.first == a.last and b.first == b.last
    return DAY_GAP if both_days else MAX_GAP


def _gap(a: _Profile, b: _Profile) -> int:
    """Days between two dates' intervals; 0 when they overlap (one inside the other)."""
    return max(b.first - a.last, a.first - b.last, 0)


def _nested(a: _Profile, b: _Profile) -> bool:
    return (a.first <= b.first and b.last <= a.last) or (b.first <= a.first and a.last <= b.last)


def _alike_pairs(profiles: list[_Profile]) -> tuple[list[tuple[int, int]], set[int]]:
    """Pairs of events (by index) that could be one happening, lie close enough and do
    not recur, and the events found to recur (an alike event further than that, up to
    RECUR days away). Only the ends of close alike pairs are asked whether they recur:
    the others' recurrence changes nothing (`_groups` drops pairs with an end that
    recurs, and an event without a close pair joins nothing)."""
    index = _StemIndex(profiles)
    close: list[tuple[_Profile, _Profile]] = []
    for p in profiles:
        for q in index.partners(p, _CLOSE_STARTS, before=True):
            a, b = (q, p) if (q.first, q.last) < (p.first, p.last) else (p, q)
            if _gap(a, b) <= _allowed_gap(a, b) and _could_join(a, b) and _alike(a, b):
                close.append((a, b))
    recurs: dict[int, bool] = {}

    def recurring(p: _Profile) -> bool:
        if p.index not in recurs:
            recurs[p.index] = any(
                _gap(p, q) > _allowed_gap(p, q) and _could_join(p, q) and _alike(p, q)
                for q in index.partners(p, _RECUR_STARTS)
            )
        return recurs[p.index]

    close = [(a, b) for a, b in close if not recurring(a) and not recurring(b)]
    found = {i for i, r in recurs.items() if r}
    if not close:
        return [], found
    on_day: dict[Interval, list[_Profile]] = defaultdict(list)
    for p in profiles:
        on_day[(p.start, p.end)].append(p)
    profiles[0].sentence_days.only({d for pair in close for p in pair for d in p.docs})
    near = [
        (a.index, b.index) for a, b in close if not _apart(a, b, on_day) and _one_happening(a, b)
    ]
    return near, found


class _StemIndex:
    """The events that could share a wording with an event, by stems and date.

    The same wording needs two sentences whose stems reach a Jaccard of WORDING; with
    stems in one order (rarest first), two such sets share a stem among the first |x| -
    ceil(|x| / 2) + 1 of each (prefix filtering, as in `merge.py`). So events are filed
    under those stems only, in buckets of _BUCKET days: a common word in most sentences
    makes no long list of pairs."""

    def __init__(self, profiles: list[_Profile]) -> None:
        freq: Counter[str] = Counter()
        for p in profiles:
            for stems in p.words:
                freq.update(stems)
        order = sorted(freq, key=lambda w: (freq[w], w))
        rank = {w: k for k, w in enumerate(order)}.__getitem__
        self._keys: dict[int, list[str]] = {}
        self._filed: dict[tuple[str, int], list[_Profile]] = defaultdict(list)
        for p in profiles:
            keys: set[str] = set()
            for stems in p.words:
                keys.update(sorted(stems, key=rank)[: len(stems) // 2 + 1])
            self._keys[p.index] = list(keys)
            bucket = p.first // _BUCKET
            for w in keys:
                self._filed[(w, bucket)].append(p)

    def partners(self, p: _Profile, days: int, *, before: bool = False) -> Iterator[_Profile]:
        """Each other event filed under a stem of `p`'s that starts at most `days` days
        from `p`'s start, once (with `before`, only those before `p` in corpus order: each
        pair once). A close pair's starts lie _CLOSE_STARTS days apart at most, a pair's
        within RECUR days _RECUR_STARTS."""
        first, mine = p.first, p.index
        lo, hi = first - days, first + days
        seen = {mine}
        filed = self._filed.get
        buckets = range(lo // _BUCKET, hi // _BUCKET + 1)
        for w in self._keys[mine]:
            for k in buckets:
                for q in filed((w, k), ()):  # in corpus order
                    i = q.index
                    if before and i >= mine:
                        break
                    if i not in seen and lo <= q.first <= hi:
                        seen.add(i)
                        yield q


def _could_join(a: _Profile, b: _Profile) -> bool:
    """The first tests of a pair, cheapest first: both facts or both plans, different
    dates neither inside the other within RECUR days, the same wording, a shared name."""
    return (
        a.planned == b.planned
        and not _nested(a, b)
        and _gap(a, b) <= RECUR
        and _same_wording(a.words, b.words)
        and not a.names.isdisjoint(b.names)
    )


def _told_apart(
    a: _Profile, b: _Profile, on_day: Mapping[tuple[date, date], list[_Profile]]
) -> bool:
    """An article of `b` also reports something of `a`'s names on `a`'s date (in another
    event): it knows both dates, so they are two happenings, not a disagreement."""
    return any(
        c is not a and c.docs & b.docs and c.names & a.names for c in on_day[(a.start, a.end)]
    )


def _apart(a: _Profile, b: _Profile, on_day: Mapping[tuple[date, date], list[_Profile]]) -> bool:
    """Told apart by the articles: one article reports both, or their sentences agree on
    another date (they differ on a side's: the day it was said), or an article of one
    reports something of the other's names on the other's date."""
    return bool(
        a.docs & b.docs
        or a.other_days & b.other_days
        or _other_day_fits(a, b)
        or _other_day_fits(b, a)
        or _told_apart(a, b, on_day)
        or _told_apart(b, a, on_day)
    )


def _other_day_fits(a: _Profile, b: _Profile) -> bool:
    """`b`'s sentences give another date close enough to `a`'s to be its happening ("held
    a meeting on Tuesday, the press service said on Wednesday" against "in late May"):
    which of `b`'s dates the other means is unclear, so none is joined."""
    allowed = _allowed_gap(a, b)
    return any(
        max((start - a.end).days, (a.start - end).days, 0) <= allowed for start, end in b.other_days
    )


def _same_wording(a: list[frozenset[str]], b: list[frozenset[str]]) -> bool:
    """Some sentence of each reaches a Jaccard of WORDING: `merge.jaccard(x, y) >=
    WORDING` in whole numbers, without building the union."""
    n, d = _WORDING_RATIO
    for x in a:
        for y in b:
            small, large = sorted((len(x), len(y)))
            if not small or d * small < n * large:
                continue  # empty, or too different in size: Jaccard <= small / large
            shared = len(x & y)
            if (d + n) * shared >= n * (small + large):  # shared / union >= n / d
                return True
    return False


def _alike(a: _Profile, b: _Profile) -> bool:
    """Told alike, past `_could_join`'s tests: no actor each lacks, figures that agree."""
    actors_a, actors_b = set(a.event.actors), set(b.event.actors)
    if actors_a - actors_b and actors_b - actors_a:
        return False  # each names someone the other does not
    return not (
        a.figures and b.figures and not (a.figures <= b.figures or b.figures <= a.figures)
    )  # "closed at 41" / "closed at 44": two days' closes


def _one_happening(a: _Profile, b: _Profile) -> bool:
    """`merge.py`'s own test, on their statements set to one date (the costliest test)."""
    merged = merge_candidates([*a.statements(), *b.statements()])
    return any(set(e.doc_ids) & a.docs and set(e.doc_ids) & b.docs for e in merged)


def _groups(near: list[tuple[int, int]], recurring: set[int]) -> list[set[int]]:
    """Events joined through near pairs, none of them recurring, each group of two or more
    in which every two events are a near pair (never two events merge.py kept apart, or
    two that are only alike through a third)."""
    pairs = {(min(i, j), max(i, j)) for i, j in near if i not in recurring and j not in recurring}
    group_of: dict[int, set[int]] = {}
    for i, j in sorted(pairs):
        gi, gj = group_of.get(i, {i}), group_of.get(j, {j})
        if gi is gj:
            continue
        if all((min(x, y), max(x, y)) in pairs for x in gi for y in gj):
            union = gi | gj
            for k in union:
                group_of[k] = union
    unique = {id(g): g for g in group_of.values()}
    return [g for g in unique.values() if len(g) > 1]


def _joined(members: list[Event], documents: Mapping[str, Document]) -> Event:
    """One event of `members`' sources, dated by the best confirmed date."""
    sources = sorted(
        (s for e in members for s in e.sources), key=lambda s: (s.doc_id, s.start, s.date_start)
    )
    first = next(e for e in members if sources[0] in e.sources)
    merged = Event(first.id, first.title, first.date, sources)
    best = date_support(merged, documents)[0].date
    titled = next(
        (e for e in members if (e.date.start, e.date.end) == (best.start, best.end)), first
    )
    merged.title, merged.date = titled.title, best
    merged.actors = list(dict.fromkeys(a for e in [titled, *members] for a in e.actors))
    return merged
