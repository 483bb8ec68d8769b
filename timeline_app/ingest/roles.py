"""What a time expression does in its sentence: dates a happening, or only frames one.

Only the time of a happening dates an event. News sentences are full of other times: the
base of a comparison ("its steepest drop since 1998", "up from a year ago", "compared with
April 2019", "higher than a year earlier"), the bounds of a state or a span ("independent
since 1901", "until Tuesday", "from March 30", "as of Monday", "the quarter ended Sept. 30"),
deadlines ("by 2027", "notes due 2011", "the Nov. 1 deadline") and generic present
("today's world"). Those become `TimeNote`s shown beside the event, never events.

The cues are the words right before the expression (a preposition or a participle that
governs it) and right after it ("deadline"); the tense of the clause says whether an
anchored happening is planned. Word lists, not sentences: every rule is a grammatical
construction of English.
"""

from __future__ import annotations

import re
from enum import StrEnum

from ..temporal import Timex
from ..temporal.abbreviations import is_abbreviation
from ..temporal.tense import future_near
from .tails import lacking, last_words, lowered

__all__ = ["Role", "role_of", "sentence_role", "bounded_sentence", "framed_phrase"]


class Role(StrEnum):
    ANCHOR = "anchor"  # when something happened
    PLANNED = "planned"  # when something is planned, expected or forecast to happen
    COMPARISON = "comparison"  # a base of comparison: since 1998, from a year ago, than ...
    BOUND = "bound"  # a bound of a state or span: until, from ... to, as of, ended
    DEADLINE = "deadline"  # by 2027, due 2011, the Nov. 1 deadline
    GENERIC = "generic"  # today's world
    ATTRIBUTE = "attribute"  # last year's results, the 1990 earnings projection
    TIME_OF_DAY = "time of day"  # "at 10 a.m.": belongs to the date of its sentence

    @property
    def dates_event(self) -> bool:
        return self in (Role.ANCHOR, Role.PLANNED)


_W = r"[^\S\n]+"  # blanks within a line
_DET_WORDS = (
    r"(?:first|last|same|previous|prior|end{W}of|close{W}of(?:{W}business)?|start{W}of|"
    r"beginning{W}of)"
).replace("{W}", _W)
# "until at least 2030", "through at least the first half of 1990", "by as early as May":
# a hedge between the governing word and the expression changes nothing of its role
_HEDGE = (
    r"(?:(?:at{W}(?:least|most|the{W}(?:latest|earliest))|as{W}(?:early|late|soon|recently)"
    r"{W}as|roughly|about|around|approximately|sometime|some{W}time|mid-?){W})?"
).replace("{W}", _W)
_PART_OF = (
    r"(?:(?:first|second|third|last|next|final|early|late)(?:{W}(?:two|three|four|few|six|nine))?"
    r"{W}(?:quarters?|months?|weeks?|days?|half|halves|years?|part){W}of)"
).replace("{W}", _W)
_DET = (
    rf"{_HEDGE}(?:(?:the|a|an|this|that|its|their|his|her)(?:{_W}(?:{_DET_WORDS}|{_PART_OF})"
    rf"(?:{_W}the)?)?{_W})?"
)
# A word (or two) that governs the expression and makes it a frame, not a time of happening.
_BEFORE = {
    Role.COMPARISON: r"since|than|compared{W}(?:with|to)|versus|vs\.?|against|"
    r"(?:based|indexed|rebased|pegged){W}(?:on|to)|"
    r"(?:dating|dated|dates|date|going|goes|traced|tracing){W}(?:back{W})?(?:to|from)|"
    r"(?:up|down|higher|lower|more|less|rise|rose|fall|fell|gain|drop|increase|decrease|"
    r"jump|jumped|climb|climbed|slip|slipped|declin\w*|ris\w*|unchanged)"
    r"(?:{W}[\w$%.,-]+){0,4}?{W}from",
    Role.BOUND: r"until|till|til|through|thru|between|as{W}of|starting|beginning|"
    r"effective|(?:quarter|year|period|months?|weeks?|half|season){W}(?:ended|ending)|prior{W}to|ahead{W}of|before|after|past|up{W}to|"
    r"no{W}later{W}than|not{W}until|from|to|and",
    Role.DEADLINE: r"by|due|deadline{W}(?:of|on)?|"
    r"(?:extend|postpon|delay|adjourn|defer)\w*(?:{W}[\w'$.,-]+){0,5}?{W}(?:to|until)",
}
_BEFORE_RE = {
    role: re.compile(rf"(?i)(?<![\w'-])(?:{words.replace('{W}', _W)}){_W}{_DET}$")
    for role, words in _BEFORE.items()
}
# a word each branch of a role's words needs: a text that lacks them all is not searched (most
# dates are anchors, and each end-anchored search is tried at every character of 90)
_NEEDED = {
    Role.COMPARISON: ("since", "than", "compared", "versus", "vs", "against", "based", "indexed")
    + ("pegged", "dat", "go", "trac", "from"),  # dating/dated, going/goes, traced; up ... from
    Role.DEADLINE: ("by", "due", "deadline", "extend", "postpon", "delay", "adjourn", "defer"),
}
# "to" and "and" only close a span opened just before: "from May 2 to May 9", "between 1994 and"
_SPAN_OPEN = re.compile(r"(?i)(?<![\w'-])(?:from|between)\b[^;\n]{1,40}$")
_TO_OR_AND = re.compile(rf"(?i)(?<![\w'-])(?:to|and){_W}{_DET}$")
_AFTER_DEADLINE = re.compile(r"(?i)^(?:'s)?[^\S\n]*(?:deadline|cutoff|cut-off)\b")
_GENERIC_TODAY = re.compile(r"(?i)^(?:today|tomorrow|now)$")
# A happening a date may modify: "today's meeting", "Friday's close", "the 1987 crash".
_HAPPENINGS = (
    r"meeting|summit|talks|vote|voting|election|session|visit|attack|bombing|blast|raid|"
    r"ruling|decision|announcement|hearing|trial|verdict|match|game|race|ceremony|speech|"
    r"address|rally|protest|demonstration|strike|crash|collapse|deal|signing|launch|"
    r"release|statement|conference|debate|trading|close|opening|auction|offering|sale|"
    r"storm|earthquake|explosion|shooting|killing|slaying|murder|arrest|invasion|coup|"
    r"agreement|accord|treaty|war|battle|operation|plunge|drop|rise|fall|purchase|"
    r"acquisition|merger|takeover|bid|offer|recapitali[sz]ation|restructuring|referendum|"
    r"meltdown|accident|disaster|fire|flood|riot|uprising|revolution|massacre|power-grab|"
    r"departure|arrival|return|resignation|appointment|inauguration|funeral|wedding|"
    r"birth|death|win|victory|defeat|loss|report|editorial|broadcast|interview|trip|tour|"
    r"quiz|show|program|programme|edition|news|headlines|episode|concert|performance"
)
_TODAYS = re.compile(r"(?i)^(?:'s|’s)[^\S\n]+((?:[a-z-]+[^\S\n]*){1,3})")
_HAPPENING = re.compile(rf"(?i)^(?:{_HAPPENINGS})(?:e?s)?$")
# A measure or document the date qualifies: "last year's results", "his 1990 earnings
# projection", "December's figures": the time of the measure, not of a happening.
_MEASURE_AFTER = re.compile(
    r"(?i)^(?:'s|’s)?[^\S\n]+(?:[A-Za-z-]+[^\S\n]+){0,2}?(?:results|figures|earnings|"
    r"sales|revenues?|profits?|quarter|levels?|budget|projections?|forecasts?|estimates?|"
    r"numbers|data|rates?|prices|models?|totals?|average)\b"
)
# The expression modifies a noun: "since the 1987 crash", "after Thursday's ruling", "his Aug.
# 2 visit". The preposition then governs the happening the noun names, which the date dates.
_POSSESSIVE_AFTER = re.compile(r"^(?:'s|’s)[^\S\n]+[\w-]")
_DET_BEFORE = re.compile(r"(?i)(?<![\w'-])(?:the|a|an|his|her|its|their|our|this|that)[^\S\n]+$")
_NOUN_AFTER = re.compile(
    r"^[^\S\n]+(?!(?:and|or|but|when|to|in|on|at|for|with|by|from|of|as|that|the|a|an|is|was|"
    r"are|were|has|had|have|will|would|there|it|he|she|they|we|i)\b)[A-Za-z][\w-]*"
)
# "since November, when he was found": the when-clause happened at that time
_WHEN_AFTER = re.compile(r"(?i)^[^\S\n]*[,_—–-]*[^\S\n]*when\b")
_SPAN_END = re.compile(
    rf"(?i)(?<![\w'-])(?:until|till|through|thru|by|to|and|as{_W}of)(?:{_W}[\w'-]+){{0,7}}{_W}$"
)
# "it was not until Tuesday that Castro revealed": a cleft that dates the happening
_NOT_UNTIL = re.compile(r"(?i)\bnot[^\S\n]+until[^\S\n]+$")
_THAT_AFTER = re.compile(r"(?i)^[^\S\n]+that\b")
_FUTURE_CLEFT = re.compile(r"(?i)\b(?:will|won't|would)[^\S\n]+(?:not[^\S\n]+)?be[^\S\n]+")
# "the election due this September": a happening that is due is planned, not a deadline
_EVENT_DUE = re.compile(
    r"(?i)\b(?:election|vote|votes|ballot|referendum|meeting|summit|talks|session|decision|"
    r"ruling|verdict|hearing|trial|report|results|launch|visit|conference)s?"
    rf"{_W}(?:is{_W}|are{_W}|was{_W}|were{_W})?due{_W}(?:(?:in|on|for|at){_W})?{_DET}$"
)
# "up 15% from 4 pence a year earlier", "compared with a loss of $3 million last year": the
# expression dates the base of a comparison that names an amount in between
_COMPARED_AMOUNT = re.compile(
    r"(?i)(?<![\w'-])(?<!more )(?<!less )(?<!fewer )(?<!greater )(?<!rather )(?<!other )"
    r"(?:compared{W}(?:with|to)|from|than|versus|vs\.?|against){W}".replace("{W}", _W)
)
_COMPARED_NEEDS = ("compared", "from", "than", "versus", "vs", "against")  # one is in each branch
_AMOUNT = re.compile(r"\d")
_NOT_JUST_AMOUNT = re.compile(r"(?i)\bto\b|,(?![^\S\n]*or\b)[^\S\n]*\S")
# a time of day alone ("at 10 a.m.", "19:38", "noon"): no day of its own
_CLOCK = re.compile(
    r"(?i)^(?:(?:at|around|about|by)\s+)?(?:\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:a\.?m\.?|p\.?m\.?|h|hrs)?|"
    r"noon|midnight|midday)(?:\s*(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|CET|CEST|MSK|BST|"
    r"local\s+time|\(\d{4}\s*GMT\)))?\.?$"
)
# "scheduled for Monday" plans a happening
_SCHEDULED_FOR = re.compile(
    rf"(?i)(?<![\w'-])(?:scheduled|set|slated|planned|due|booked|fixed|called|timed){_W}for{_W}{_DET}$"
)
_LOOKBACK = 90  # characters before the expression searched for its governing words


def role_of(text: str, sentence_start: int, timex: Timex) -> Role:
    """The role of `timex` in the sentence of `text` that begins at `sentence_start`."""
    lo = max(sentence_start, timex.start - _LOOKBACK)
    before = text[lo : timex.start]
    after = text[timex.end : timex.end + 40]
    if timex.type == "TIME" and _CLOCK.match(timex.text):
        return Role.TIME_OF_DAY
    if _GENERIC_TODAY.match(timex.text) and _generic_today(after):
        return Role.GENERIC
    measure = _POSSESSIVE_AFTER.match(after) or _DET_BEFORE.search(before, last_words(before, 1))
    if measure and _MEASURE_AFTER.match(after):
        return Role.ATTRIBUTE
    if _AFTER_DEADLINE.match(after):
        return Role.DEADLINE
    low = lowered(before)  # for the cheap tests of the words a pattern needs
    if not lacking(low, "until") and _NOT_UNTIL.search(before) and _THAT_AFTER.match(after):
        return Role.PLANNED if _FUTURE_CLEFT.search(before) else Role.ANCHOR
    if not _frames(before, after):
        return _anchor_or_planned(text, timex)
    due = not lacking(low, "due") and _EVENT_DUE.search(before)
    if due or not lacking(low, "for") and _SCHEDULED_FOR.search(before):
        return Role.PLANNED
    for role in (Role.COMPARISON, Role.DEADLINE):
        if not lacking(low, *_NEEDED[role]) and _BEFORE_RE[role].search(before):
            return role
    if not lacking(low, *_COMPARED_NEEDS) and _compared_amount(before):
        return Role.COMPARISON
    bound = _BEFORE_RE[Role.BOUND].search(before)
    if bound and (not _TO_OR_AND.search(before) or _SPAN_OPEN.search(before[: bound.start()])):
        return Role.BOUND
    return _anchor_or_planned(text, timex)


def sentence_role(text: str, sentence: tuple[int, int], timex: Timex) -> Role:
    """`role_of(text, sentence[0], timex)`, remembered by the sentence's words where it reads
    nothing outside them (`bounded_sentence`): copies of a story (wire copy in several
    papers, a story and its update) repeat sentences, each in other surroundings, and the
    role of each of their dates was a quarter of the time spent finding statements."""
    start, end = sentence
    if not (start <= timex.start and timex.end < end and bounded_sentence(text, start, end)):
        return role_of(text, start, timex)
    key = (text[start:end], timex.start - start, timex.end - start, timex.type, timex.text)
    role = _roles.get(key)
    if role is None:
        if len(_roles) >= _ROLES_KEPT:
            _roles.clear()  # a bound on memory; a large corpus's roles start over
        role = _roles[key] = role_of(text, start, timex)
    return role


_roles: dict[tuple[str, int, int, str, str], Role] = {}  # by sentence (`sentence_role`)
_ROLES_KEPT = 50_000


def bounded_sentence(text: str, start: int, end: int) -> bool:
    """Whether a clause ends right before text[start:end] and at its last character: a
    sentence mark (not an abbreviation's dot) then a blank, or the text's start or end.
    Then `role_of` an expression inside it, short of its last character, reads nothing
    outside it that could change the role: the tense of the clause (`tense.py`) stops at
    those clause ends (a blank before them changes nothing); the words before an
    expression are looked for within the sentence; and no pattern of the words after it
    reads past a sentence mark. After a closing quote, or a line without a mark, the
    clause runs on into the next sentence: not bounded."""
    if start > 0:
        if start < 2 or text[start - 2] not in ".!?" or not text[start - 1].isspace():
            return False
        if text[start - 2] == "." and is_abbreviation(text, start - 2):
            return False
    if text[end - 1] not in ".!?" or (end < len(text) and not text[end].isspace()):
        return False
    return text[end - 1] != "." or not is_abbreviation(text, end - 1)


def _generic_today(after: str) -> bool:
    """ "today's youth", "today's personal computers", but not "today's meeting"."""
    m = _TODAYS.match(after)
    return bool(m) and not any(_HAPPENING.match(w) for w in m.group(1).split())


def _compared_amount(before: str) -> bool:
    """'from 4 pence a year earlier', 'compared with C$18.1 million, or 21 cents a share, a
    year earlier': a comparison cue, then only an amount, then the expression."""
    for m in _COMPARED_AMOUNT.finditer(before):
        between = before[m.end() :].rstrip(" ,")
        if len(between) <= 70 and _AMOUNT.search(between) and not _NOT_JUST_AMOUNT.search(between):
            return True
    return False


def _frames(before: str, after: str) -> bool:
    """False where the governing word frames another time than the expression's: the date
    of a noun's happening, a when-clause."""
    if _POSSESSIVE_AFTER.match(after):
        return False
    if _WHEN_AFTER.match(after) and not _SPAN_END.search(before):
        return False  # but "continue until early 1990, when ...": the state's bound
    return not (_DET_BEFORE.search(before, last_words(before, 1)) and _NOUN_AFTER.match(after))


def _anchor_or_planned(text: str, timex: Timex) -> Role:
    return Role.PLANNED if future_near(text, timex.start, timex.end) else Role.ANCHOR


def framed_phrase(text: str, sentence_start: int, timex: Timex) -> str:
    """The expression with the words that frame it: "since 1998", "by 2028", "up 5% from a
    year ago": what the detail pane shows as context."""
    lo = max(sentence_start, timex.start - _LOOKBACK)
    before = text[lo : timex.start]
    starts = [m.start() for r in _BEFORE_RE.values() for m in [r.search(before)] if m]
    starts += [m.start() for m in _COMPARED_AMOUNT.finditer(before)][:1] if not starts else []
    start = lo + min(starts) if starts else timex.start
    return " ".join(text[start : timex.end].split())
