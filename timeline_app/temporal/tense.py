"""The tense of the clause around an expression: does "Friday" point back or ahead?

News reports mostly past events, so callers default to the past; this only says when the
clause clearly speaks of the future ("will meet on Friday", "until Tuesday") or of the past
("met Friday"). The cue nearest to the expression wins, but a cue before the expression
counts for more than one after it: a time adverbial usually follows the verb it modifies
("met Friday", "will meet on Friday"), while a verb after it often belongs to the next
clause ("... Thursday,'' Castro said").
"""

from __future__ import annotations

import re

from .abbreviations import is_abbreviation
from .lexicon import DIRECTION_WORDS, FUTURE_MARKERS, NOT_PAST_ED, PAST_MARKERS, alternation

__all__ = ["PAST", "FUTURE", "UNKNOWN", "tense_near", "future_near"]

PAST, UNKNOWN, FUTURE = -1, 0, 1
# The present tense of a scheduled happening looks ahead ("trading resumes Monday", "the
# trial opens Tuesday"), as does a present progressive ("is meeting the minister Thursday");
# only verbs that are not also plural nouns ("talks", "visits", "runs") count, and not an
# infinitive ("had been due to resume"), which takes the tense of its verb.
# "the leaders meet Monday", but not "did not meet on Monday"
_MEET = (
    "".join(
        rf"(?<!{w}[^\S\n])"
        for w in ("did", "not", "n't", "can", "could", "should", "might", "may", "must")
    )
    + "meet"
)
_SCHEDULED = (
    r"(?<!to[^\S\n])(?:(?:resume|reopen|reconvene|convene)s?|begins|expires|opens|starts"
    rf"|closes|ends|meets|{_MEET}|arrives|returns|departs|concludes|kicks[^\S\n]+off"
    r"|takes[^\S\n]+(?:effect|office)|goes[^\S\n]+into[^\S\n]+effect|(?:is|are|am)[^\S\n]+"
    r"(?:meeting|leaving|arriving|travell?ing|visiting|holding|hosting|flying|heading"
    r"|returning|opening|launching|releasing|resuming))"
)
_FUTURE = re.compile(rf"(?i)(?<![\w'])(?:(?:{alternation(FUTURE_MARKERS)})|{_SCHEDULED})(?![\w'])")
# the first word of every cue `_FUTURE` finds (a whole run of word characters and "'"): a
# stretch of ASCII text that holds none of them holds no future cue, and most do not
_FUTURE_FIRST = frozenset(m.split()[0].lower() for m in FUTURE_MARKERS) | frozenset(
    ("resume", "resumes", "reopen", "reopens", "reconvene", "reconvenes", "convene", "convenes",
     "begins", "expires", "opens", "starts", "closes", "ends", "meets", "meet", "arrives",
     "returns", "departs", "concludes", "kicks", "takes", "goes", "is", "are", "am")
)  # fmt: skip
_RUN = re.compile(r"[\w']+")
_CLAUSE_END = re.compile(r"[.;!?\n]\s")
_PREV_WORD = re.compile(r"([A-Za-z]+)[^\S\n]*(?:the[^\S\n]+)?$")
_WINDOW = 90
# "In January, a week after the anniversary of the ruling, a bombing ... killed": an
# expression that opens its sentence modifies the main clause, whose verb may come far on
_FRONTED = 250
_PASSIVE = frozenset({"be", "being", "is", "are", "am", "to"})
# an "-ed" word after these is an adjective, not a past tense: "a still unspecified date",
# "the planned merger", "its revised forecast"
_ADJECTIVAL = frozenset(
    {
        "a",
        "an",
        "the",
        "still",
        "very",
        "its",
        "their",
        "his",
        "her",
        "our",
        "newly",
        "recently",
        "previously",
        "long",
        "already",
        "so",
        "more",
        "most",
        "less",
        "well",
        "much",
        "un",
    }
)
_HAD = re.compile(r"(?i)\bhad\b")
_HAD_BEFORE = re.compile(r"(?i)\bhad(?:[^\S\n]+been)?[^\S\n]+$")
_NOT_BEFORE = re.compile(r"(?i)\bnot[^\S\n]+$")
# A past-tense cue is a word (a run of these letters) that is a listed past form, or a
# lower-case "-ed" word of five letters or more ("United" is not) not in NOT_PAST_ED: found
# by one pattern, not by looking at every word of the clause
_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'")
_PAST_WORD = re.compile(
    rf"(?<![A-Za-z'])(?:(?ai:{alternation(PAST_MARKERS)})|[a-z']{{3,}}ed)(?![A-Za-z'])"
)
_AFTER_PENALTY = 25  # a cue after the expression counts as this many characters farther


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence around [start, end), at most _WINDOW chars each side
    (_FRONTED after an expression that opens its sentence before a comma)."""
    lo = _word_start(text, max(0, start - _WINDOW))
    before = [m.end() for m in _CLAUSE_END.finditer(text, lo, start) if _ends(text, m)]
    lo = before[-1] if before else lo
    fronted = text.startswith(",", end) and len(text[lo:start].split()) <= 2
    hi = min(len(text), end + (_FRONTED if fronted else _WINDOW))
    after = next((m for m in _CLAUSE_END.finditer(text, end, hi) if _ends(text, m)), None)
    return lo, (after.start() + 1 if after else hi)


def _ends(text: str, m: re.Match[str]) -> bool:
    """A clause end, not the dot of "Roe vs. Wade" or "Mr. Smith"."""
    return text[m.start()] != "." or not is_abbreviation(text, m.start())


def _word_start(text: str, pos: int) -> int:
    """`pos`, moved back to the start of the word it cuts: a window that began inside
    "scheduled" read "heduled", a past "-ed" form, and missed the future cue."""
    lo = max(0, pos - 20)
    while pos > lo and (text[pos - 1].isalpha() or text[pos - 1] == "'") and text[pos].isalpha():
        pos -= 1
    return pos


def _distance(m: re.Match[str], start: int, end: int) -> int:
    """Characters between a cue and the expression; cues after it count as farther."""
    return start - m.end() if m.end() <= start else m.start() - end + _AFTER_PENALTY


def tense_near(text: str, start: int, end: int) -> int:
    """PAST, FUTURE or UNKNOWN from the tense cue nearest to text[start:end]."""
    return _tense_near(text, start, end, future=False)


def future_near(text: str, start: int, end: int) -> bool:
    """Whether `tense_near` is FUTURE: without looking for past cues where no future cue
    could win (most news speaks of the past)."""
    return _tense_near(text, start, end, future=True) == FUTURE


def _tense_near(text: str, start: int, end: int, *, future: bool) -> int:
    """`tense_near`; with `future`, UNKNOWN stands for anything but FUTURE."""
    prev = _PREV_WORD.search(text, max(0, start - 20), start)
    direction = DIRECTION_WORDS.get(prev[1].lower()) if prev else None
    not_before = prev and _NOT_BEFORE.search(text, max(0, start - 30), prev.start())
    if direction is not None and not_before:
        direction = None  # "it was not until Tuesday that ...": the clause's tense decides
    if direction == PAST:
        return PAST
    lo, hi = _clause(text, start, end)
    if direction == FUTURE:  # "by Friday", unless a past perfect says it is over
        perfect = _HAD.search(text, lo, hi) and _cue_tense(text, start, end, lo, hi) == PAST
        return PAST if perfect else FUTURE
    return _cue_tense(text, start, end, lo, hi, future=future)


def _cue_tense(text: str, start: int, end: int, lo: int, hi: int, *, future: bool = False) -> int:
    """The tense of the cue in text[lo:hi] nearest to text[start:end]; with `future`,
    UNKNOWN stands for anything but FUTURE."""
    best, best_dist = UNKNOWN, _WINDOW * 3
    window = text[lo:hi]  # words are its runs of letters: the first may be cut at `lo`
    for m in _FUTURE.finditer(text, lo, hi) if _may_hold_future(window) else ():
        dist = _distance(m, start, end)
        if not start <= m.start() < end and dist < best_dist:
            # "had been scheduled to expire Friday": a plan seen from the past
            best, best_dist = (PAST if _HAD_BEFORE.search(text, lo, m.start()) else FUTURE), dist
    if future and best != FUTURE:
        return UNKNOWN  # a past cue can only make it PAST
    for m in _PAST_WORD.finditer(window):
        word = m.group(0).lower()
        listed = word in PAST_MARKERS
        if not listed and word in NOT_PAST_ED:
            continue
        prev_word = _word_before(window, m.start())
        if prev_word in _PASSIVE or (prev_word in _ADJECTIVAL and not listed):
            continue  # "will be held": a participle after "be" says nothing of the past
        at, to = lo + m.start(), lo + m.end()
        if start <= at < end:
            continue
        dist = start - to if to <= start else at - end + _AFTER_PENALTY
        if dist < best_dist:
            best, best_dist = PAST, dist
    return best


def _may_hold_future(window: str) -> bool:
    """False when `window` surely holds no cue of `_FUTURE` (a cheap look at its words)."""
    return not window.isascii() or not _FUTURE_FIRST.isdisjoint(_RUN.findall(window.lower()))


def _word_before(text: str, pos: int) -> str:
    """The word (run of letters) before `pos` in `text`, lower-cased; "" at its start."""
    j = pos
    while j > 0 and text[j - 1] not in _LETTERS:
        j -= 1
    i = j
    while i > 0 and text[i - 1] in _LETTERS:
        i -= 1
    return text[i:j].lower()
