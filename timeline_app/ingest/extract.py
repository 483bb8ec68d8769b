"""Events from one document: every story sentence that dates something becomes a candidate.

Candidates from all documents are merged into events by `merge.py`. Dates come from the
temporal tagger, resolved against the document's publication date.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import timedelta
from functools import lru_cache

from ..model import DateError, Document, FuzzyDate, Part, Precision, Source, TimeNote
from ..temporal import Timex, tag
from .roles import Role, framed_phrase, sentence_role
from .sentences import quote_spans, sentence_spans
from .titles import TitleContext, make_title

__all__ = [
    "DatedStatement",
    "extract_candidates",
    "fuzzy_from_timex",
    "context_year",
    "tag_document",
]

_VALUE = re.compile(
    r"^(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2}))?)?(?:T(?:[\d:.]+|MO|AF|EV|NI|DT).*)?$"
)
_PARTS = {
    "START": Part.EARLY,
    "EARLY": Part.EARLY,
    "MID": Part.MID,
    "END": Part.LATE,
    "LATE": Part.LATE,
}
_RECENT = timedelta(days=7)  # a news story reports what happened in the week before it
# a page's own stamp, not a happening: "Posted on April 21, 2015", "Updated 3 May"
_STAMP = re.compile(
    r"(?i)(?:posted|published|updated|last\s+updated|first\s+published|originally\s+published"
    r"|modified|created)\b"
)
_SAID_ON = re.compile(
    r"(?i)\b(?:statement|said|announced|told|wrote|letter|interview|declared|reported)"
    r"(?:\s+(?:issued|released|published|given))?\s+on\s+$"
)
_DAY_NUMBER = re.compile(r"\d")  # "3 May", not "Monday": a day the text names itself
_DEICTIC = re.compile(
    r"(?i)^(?:earlier\s+|later\s+)?(?:today|tonight|yesterday|tomorrow|this\s+(?:morning|"
    r"afternoon|evening))$"
)
_FUNCTION_WORDS = frozenset(
    ("a", "an", "the", "of", "on", "in", "at", "to", "for", "from", "by", "with", "and", "or")
    + ("am", "pm", "m", "local", "time", "last", "updated")  # the clock of a stamp
)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@dataclass(slots=True)
class DatedStatement:
    """One dated statement, before statements of the same happening are merged."""

    source: Source
    title: str
    names_event: bool  # the title is the dated noun phrase itself ("the November session")
    sentence: str


def fuzzy_from_timex(timex: Timex, doc: Document) -> FuzzyDate | None:
    """The calendar interval a DATE/TIME timex names, or None if it names none."""
    if _VALUE.match(timex.value):
        return _fuzzy(timex.value, timex.mod, timex.inferred)
    # "said Saturday" in an article known only to its month: the month is the best we know
    if timex.value.startswith("XXXX-WXX-") and doc.published is not None:
        return doc.published.with_inferred(True)
    return None


@lru_cache(maxsize=1 << 14)
def _fuzzy(value: str, mod: str | None, inferred: bool) -> FuzzyDate | None:
    """A value's date: dates repeat (a corpus's statements give a few thousand) and are
    immutable, so each is built once (`records.date_in` shares them the same way)."""
    m = _VALUE.match(value)
    assert m is not None
    y, mo, d = (int(v) if v else None for v in m.group("y", "m", "d"))
    part = _PARTS.get(mod or "") if d is None else None
    try:
        return FuzzyDate(y, mo, d, part, inferred)  # type: ignore[arg-type]
    except DateError:
        return None


def context_year(text: str) -> int | None:
    """The year a text is most about: its most frequent explicit year, the latest on ties."""
    years = Counter(int(y) for y in _YEAR.findall(text))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


_YEAR = re.compile(r"(?<![\d.,/-])(1[89]\d\d|20\d\d)(?![\d.,/-]\d)")
_UNTOLD = frozenset({"caption", "credit", "boilerplate"})  # text that tells no part of the story


def tag_document(doc: Document) -> list[Timex]:
    """The document's time expressions, resolved against its publication date. Captions,
    credits and boilerplate are blanked first (offsets kept): a photo's "May 28, 2021" must
    not become the year a story's "Thursday" is read in."""
    dct = doc.published.iso() if doc.published else None
    return tag(_story_text(doc), dct=dct, day_first=doc.day_first)


def _story_text(doc: Document) -> str:
    spans = [s for s in doc.non_story if s.kind in _UNTOLD]
    if not spans:
        return doc.text
    chars = list(doc.text)
    for s in spans:
        for i in range(s.start, min(s.end, len(chars))):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def extract_candidates(
    doc: Document, ctx: TitleContext, timexes: list[Timex] | None = None
) -> list[DatedStatement]:
    """Dated statements of `doc`; `timexes` may come from a cache of `tag_document`."""
    timexes = tag_document(doc) if timexes is None else timexes
    sentences = sentence_spans(doc.text)
    quotes = quote_spans(doc.text)
    found: list[DatedStatement] = []
    notes: dict[tuple[int, int], list[TimeNote]] = {}  # sentence -> its non-dating times
    dates_in = _dates_by_sentence(timexes, sentences)  # what a title must not keep
    said_on = _statement_days(doc, timexes, sentences)
    for timex in timexes:
        if timex.type not in ("DATE", "TIME") or not doc.is_story(timex.start, timex.end):
            continue
        date = fuzzy_from_timex(timex, doc)
        if date is not None:
            date = _from_statement(doc, timex, date, said_on)
        if date and _inside(quotes, timex.start) and not _explicit_day(date):
            continue  # quoted speech: "literally tomorrow", "this year" are the speaker's
        sentence = _containing(sentences, timex.start)
        if date is None or sentence is None:
            continue
        if not _a_statement(doc.text, sentence, timex):
            continue
        role = sentence_role(doc.text, sentence, timex)
        if not role.dates_event:
            notes.setdefault(sentence, []).append(
                TimeNote(
                    timex.start, timex.end, framed_phrase(doc.text, sentence[0], timex), role.value
                )
            )
            continue
        candidate = _candidate(
            doc,
            sentence,
            timex.start,
            timex.end,
            date,
            ctx,
            role is Role.PLANNED,
            dates_in.get(sentence, ()),
        )
        if candidate is not None:
            found.append(candidate)
    if notes:
        found = [_with_notes(c, notes) for c in found]
    lead = _undated_lead(doc, sentences, quotes, found, ctx)
    if lead:
        found.append(lead)
    return found


def _statement_days(
    doc: Document, timexes: list[Timex], sentences: list[tuple[int, int]]
) -> list[tuple[int, int, FuzzyDate]]:
    """(where, sentence end, day) of each "in a statement on 3 May", "said on 3 May": words
    said that day speak from it, so their "today" and "yesterday" count from it."""
    out = []
    for t in timexes:
        if t.type != "DATE" or not _after_on(doc.text, t.start):
            continue
        date = fuzzy_from_timex(t, doc)
        sentence = _containing(sentences, t.start)
        if (
            date is not None
            and sentence is not None
            and date.precision is Precision.DAY
            and _DAY_NUMBER.search(t.text)
        ):
            out.append((t.end, sentence[1], date))
    return out


def _after_on(text: str, at: int) -> bool:
    """Whether `_SAID_ON` ends at `at` (looked for in the 40 characters before it); first
    whether they end in a blank, "on" and a blank, as every match does (most dates follow
    no "on": the expression, tried at each of the 40 places, is then left aside)."""
    lo = max(0, at - 40)
    head = text[lo:at].rstrip()
    if len(head) == at - lo or head[-2:].lower() != "on" or not head[-3:-2].isspace():
        return False
    return _SAID_ON.search(text, lo, at) is not None


def _from_statement(
    doc: Document, timex: Timex, date: FuzzyDate, said_on: list[tuple[int, int, FuzzyDate]]
) -> FuzzyDate:
    """ "In a statement on 3 May the carrier, which filed for insolvency earlier today, said"
    in an article of 6 May: "today" is 3 May."""
    pub = doc.published
    if (
        not said_on
        or pub is None
        or pub.precision is not Precision.DAY
        or date.precision is not Precision.DAY
        or not _DEICTIC.match(timex.text)
    ):
        return date
    for start, end, day in said_on:
        if start <= timex.start < end:
            shifted = day.start + (date.start - pub.start)
            return FuzzyDate(shifted.year, shifted.month, shifted.day, inferred=True)
    return date


def _a_statement(text: str, sentence: tuple[int, int], timex: Timex) -> bool:
    """False for a byline ("Posted on April 21, 2015, at 11:29 a.m.") or a label that is
    its date and names ("Today on WebMD"): neither states a happening. A statement has at
    least one lower-case word besides function words ("Parliament reconvenes 12 March")."""
    s, e = sentence
    stamp = _STAMP.match(text, s, e)
    if stamp and timex.start - s < 40:
        s = stamp.end()  # "Posted on ...": the rest must still state something
    words, content = 0, False  # read until both hold: most sentences tell at once
    for lo, hi in ((s, timex.start), (timex.end, e)):
        for m in _WORD.finditer(text, lo, hi):
            word = m.group()
            words += 1
            content = content or word.islower() and word not in _FUNCTION_WORDS
            if content and words >= 2:
                return True
    return False


def _with_notes(c: DatedStatement, notes: dict[tuple[int, int], list[TimeNote]]) -> DatedStatement:
    """The candidate with its sentence's comparison bases, bounds and deadlines as context."""
    mine = notes.get((c.source.start, c.source.end))
    if mine:
        c.source = replace(c.source, context=tuple(mine))
    return c


def _candidate(
    doc: Document,
    sentence: tuple[int, int],
    start: int,
    end: int,
    date: FuzzyDate,
    ctx: TitleContext,
    planned: bool = False,
    dates: Sequence[tuple[int, int]] = (),
) -> DatedStatement | None:
    """None when the sentence holds no statement (only a dateline, a byline or markup)."""
    s, e = sentence
    text = doc.text[s:e]
    rel = (start - s, end - s) if s <= start and end <= e else None
    others = [(a - s, b - s) for a, b in dates if (a, b) != (start, end)]
    person = _last_person(doc.text, s, ctx) if ctx.reads_person(text) else None
    title = make_title(text, rel, ctx, previous_person=person, other_dates=others)
    if not title.text:
        return None
    source = Source(doc.id, s, e, start, end, doc.text[start:end], date, planned)
    return DatedStatement(source, title.text, title.names_event, text)


def _dates_by_sentence(
    timexes: list[Timex], sentences: list[tuple[int, int]]
) -> dict[tuple[int, int], list[tuple[int, int]]]:
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for t in timexes:
        if t.type in ("DATE", "TIME"):
            sentence = _containing(sentences, t.start)
            if sentence is not None:
                out.setdefault(sentence, []).append((t.start, t.end))
    return out


def _undated_lead(
    doc: Document,
    sentences: list[tuple[int, int]],
    quotes: list[tuple[int, int]],
    found: list[DatedStatement],
    ctx: TitleContext,
) -> DatedStatement | None:
    """A news story whose lead dates nothing recent reports what happened on its day."""
    pub = doc.published
    if pub is None or pub.precision is not Precision.DAY or doc.published_span is None:
        return None
    if any(
        c.source.date.precision is Precision.DAY
        and pub.start - _RECENT <= c.source.date.start <= pub.start
        for c in found
    ):
        return None
    lead = next(
        (
            s
            for s in sentences
            if doc.is_story(*s) and not _inside(quotes, s[0]) and len(doc.text[s[0] : s[1]]) > 40
        ),
        None,
    )
    if lead is None:
        return None
    span = doc.published_span
    return _candidate(doc, lead, span.start, span.end, pub.with_inferred(True), ctx)


def _explicit_day(date: FuzzyDate) -> bool:
    return date.precision is Precision.DAY and not date.inferred


def _last_person(text: str, end: int, ctx: TitleContext) -> str | None:
    """The surname named last in the 2,000 characters of `text` before `end` (the capitalised
    words found there that are surnames).

    Read backwards a few hundred characters at a time, each piece starting after a blank: no
    capitalised word crosses a blank, so the pieces hold the words the whole stretch holds,
    and the nearest piece that names someone is the only one read."""
    surnames = ctx.surnames()
    if not surnames:
        return None
    lo = max(0, end - 2000)
    while end > lo:
        blank = text.rfind(" ", lo, max(lo, end - _PIECE))
        start = blank + 1 if blank >= 0 else lo
        found = [w for w in _CAPITALISED.findall(text, start, end) if w in surnames]
        if found:
            return found[-1]
        end = start
    return None


_PIECE = 300  # characters of text read at a time for the last surname


_CAPITALISED = re.compile(r"[A-Z][\w-]+")


def _containing(spans: list[tuple[int, int]], pos: int) -> tuple[int, int] | None:
    """The span holding `pos`; `spans` are sorted and disjoint (sentences)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1  # the last span starting at or before pos
    return spans[i] if i >= 0 and spans[i][0] <= pos < spans[i][1] else None


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(s <= pos < e for s, e in spans)
