"""The date phrase of a title's sentence: what goes with it, and when it names the event.

A title drops the date phrase together with the words that only made sense with it: its
preposition ("On Monday,", "early on Tuesday", "as of Sept. 30", "for the quarter ended
Sept. 30"), the other end of a range ("between 1985 and 1987") and a possessive ("Friday's
close" -> "the close"). When the date only modifies a noun ("the 2014 operation") the noun
stays; when that noun is a happening, the noun phrase itself is the event.
"""

from __future__ import annotations

import re

__all__ = ["MARK", "DATE_WORDS", "cut_date", "noun_phrase_title"]

MARK = "\x00"  # stands where the date phrase was, so the clause holding it can be found
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)"
)
_WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_UNIT = r"(?:week|month|year|quarter|spring|summer|autumn|fall|winter|weekend)"
DATE_WORDS = re.compile(  # a rough finder of other dates, when the tagger's are not given
    rf"(?<![\w$#£€.,])(?:{_MONTH}|{_WEEKDAY}|(?:1[6-9]|20)\d\ds?(?![\d.,%]\d)|today|"
    rf"yesterday|tomorrow|tonight|(?:last|next|this) {_UNIT}|"
    rf"\d+ (?:day|week|month|year)s? (?:ago|earlier|later))(?!\w)"
)
_DATE_RUN = (
    rf"(?:(?:early|late|mid)[- ])?(?:{_MONTH}|{_WEEKDAY}|\d{{1,4}})(?:,?\s+(?:{_MONTH}|\d{{1,4}}))*"
)
_PREPOSITION = (
    r"(?:on|in|at|since|by|during|from|until|till|through|throughout|for|of|as\s+of|after|"
    r"before|to|within|around|about|compared\s+(?:with|to)|than|ended|ending|effective|"
    r"dated|due|starting|beginning|as\s+(?:early|late|recently|soon)\s+as)"
)
_PART_OF = (  # "by the end of", "in the first half of"
    r"(?:(?:at|by|until|before|after|toward|towards|in|around|near|through|since)\s+)?the\s+"
    r"(?:very\s+)?(?:end|beginning|start|middle|turn|close|rest|remainder|first|second|last)"
    r"(?:\s+(?:half|quarter|part|weeks?|days?|months?))?\s+of\s+"
)
_BEFORE = re.compile(
    r"(?:(?<![\w'’])(?:(?:very\s+)?(?:early|late|earlier|later|sometime|just|only|already|"
    rf"back(?=\s+in\b)|shortly|right|even)\s+)?(?:(?:beginning|starting|until|since|from|till)"
    rf"\s+)?(?:{_PART_OF}|{_PREPOSITION}\s+(?:the\s+)?)|"
    r"(?<![\w'’])(?:early|late|earlier|later|even|just|only)\s+)$",
    re.I,
)
_RANGE_HEAD = re.compile(
    rf"(?<![\w'’])(?:between|from)\s+{_DATE_RUN}\s+(?:and|to|through|until|till|-)\s+$", re.I
)
_RANGE_TAIL = re.compile(rf"^\s*(?:and|to|through|until|till|-)\s+{_DATE_RUN}", re.I)
_RANGE_START = re.compile(r"(?<![\w'’])(?:between|from)\s+$", re.I)
_DETERMINER = re.compile(
    r"(?<![\w'’])(?:the|a|an|its|his|her|their|our|this|that|[\w.&-]+['’]s)\s+$", re.I
)
_FUNCTION = (
    r"(?:and|or|but|to|of|in|on|at|for|from|by|with|when|which|who|that|is|was|were|are|has|"
    r"had|will|would|as|after|before|than|through|the|a|an|its|his|her|their|he|she|it|they|"
    r"we|this|these|those|there|according|said|says|up|down|compared|including|until|since|"
    r"against|over|into|between|under|during|about|among|amid|near|within|without|toward)"
)
_NOUN_NEXT = re.compile(rf"^(?:\s+|,\s+(?![a-z]+(?:ing|ed|ly)\b))(?!{_FUNCTION}\b)[a-z][\w-]*")
_SUBJECT_NEXT = re.compile(r"^\s+(?:is|was|will\s+be|marks|marked|saw|sees|brings|brought)\b")
_ABOUT_THE_DATE = re.compile(r"^\s*,\s+(?:which|when)\b[^,]*(?=,)")
_POSSESSIVE = re.compile(r"^['’]s\b")

EVENT_WORDS = (  # happenings a dated noun phrase can name (merge.py's EVENT_NOUNS and more)
    r"session|summit|meeting|conference|elections?|talks|visit|congress|plenum|forum|"
    r"referendum|operation|protests?|war|crisis|ceremony|parade|games|vote|attacks?|"
    r"bombings?|invasion|coup|strikes?|crash|earthquake|floods?|storm|hurricane|fire|"
    r"explosion|blast|massacre|shooting|raid|offensive|campaign|battle|revolution|uprising|"
    r"riots?|demonstrations?|rally|trip|tour|agreement|accord|treaty|deal|merger|takeover|"
    r"acquisition|launch|ruling|verdict|trial|hearing|debate|speech|negotiations|convention|"
    r"festival|inauguration|funeral|ceasefire|truce|mission|deployment|withdrawal|"
    r"evacuation|incident|accident|disaster|hijacking|kidnapping|assassination|olympics|"
    r"championship|tournament|auction|walkout|default|bankruptcy|scandal|embargo|blockade|"
    r"bailout|closure|shutdown|lockdown|outbreak|eruption|tsunami|cyclone|typhoon"
)
_WORD = rf"(?!{_FUNCTION}\b|\w+ed\b)(?:(?:[A-Z]\.){{2,}}|[A-Z][a-z]{{0,3}}\.|[\w'’&-]+)"
_DATED_NOUN = re.compile(
    rf"^\)?,?\s*(?P<mods>(?:(?=[a-z]){_WORD}\s+){{0,2}}?)(?P<noun>(?i:{EVENT_WORDS})\b"
    rf"(?:\s+(?=[a-z])(?!\w+s\b){_WORD})?)"  # "the 1998 shooting death of X"
    rf"(?P<comp>(?:\s+[a-z]+ed(?=\s+by\b))?\s+(?:of|in|at|on|against|with|between|over|into|"
    rf"for|by)(?:\s+(?:the|a|an)\b)?"
    rf"(?:\s+(?:of\s+(?:the\s+)?(?=[A-Z]))?{_WORD}){{1,5}})?"
)
_OF_THE_NAME = re.compile(r"^\s+of\s+the\s+[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*)*")
_PAREN_BEFORE = re.compile(r"(?P<np>(?:[A-Z][\w'’]*\s+){1,5})\($")
_PREP_THE = re.compile(r"\b(?:on|in|at|since|by|during|from|until|for|of|the)\s+(?:the\s+)?$", re.I)


def cut_date(sentence: str, start: int, end: int) -> str:
    """`sentence` with the date phrase at [start, end) and its own words replaced by MARK."""
    head, tail = sentence[:start], sentence[end:]
    if _SUBJECT_NEXT.match(tail) and re.search(r"(?:^\W*|[,;:]\s*|\bthat\s+)$", head):
        return sentence  # "Today is the eighth day": the date is the subject, it stays
    if _POSSESSIVE.match(tail):  # "Friday's close" -> "the close"
        return f"{head}{MARK}the{tail[2:]}"
    if _DETERMINER.search(head) and _NOUN_NEXT.match(tail):  # "the 1987 crash" -> "the crash"
        tail = re.sub(r"^,\s*", " ", tail)
        head = re.sub(r"(?<![\w'’])(a|an)\s+$", lambda m: _article(m.group(1), tail), head)
        return f"{head}{MARK}{tail}"
    ranged = _RANGE_HEAD.search(head)
    if ranged:
        head = head[: ranged.start()]
    elif _RANGE_START.search(head) and _RANGE_TAIL.match(tail):
        head = head[: _RANGE_START.search(head).start()]  # type: ignore[union-attr]
        tail = tail[_RANGE_TAIL.match(tail).end() :]  # type: ignore[union-attr]
    else:
        before = _BEFORE.search(head)
        if before:
            head = head[: before.start()]
    if re.search(r"(?:^|[,;:])\W*$", head):  # "Even this January, which was mild, there were"
        tail = _ABOUT_THE_DATE.sub("", tail)
    tail = re.sub(r"^\s*,\s+when\b[^,]*(?=,)", "", tail)  # "in March, when it was sold, it"
    if re.match(r"\s*,", tail):
        if re.search(r",\s+[a-z]+ed\s*$", head):  # "the terms, announced Friday, give"
            head = re.sub(r",\s+[a-z]+ed\s*$", "", head)
        elif re.search(r"(?:^|[,;:(“\"`'‘])\s*$", head):  # "Intel, on Friday, began"
            tail = re.sub(r"^\s*,", "", tail)
            head = re.sub(r",\s*$", " ", head)
    elif re.match(r"\s+(?:[a-z]+ed|said|showed|was|is|were|had|has|will|would)\b", tail):
        head = re.sub(r"(?<=\w)\s+[a-z]+ed\s*$", " ", head)  # "a poll released Friday showed"
    elif re.match(r"\s*(?:[.;:!?)_]|--|$)", tail):  # "in 1994, 1995 and 1997."
        head = re.sub(r"(?:,|,?\s+(?:and|or))\s*$", "", head)
    return f"{head}{MARK}{tail}"


def noun_phrase_title(sentence: str, start: int, end: int) -> str | None:
    """The dated noun phrase when it names a happening: 'the November (2022) session of the
    X' -> 'Session of the X', 'the 2014 operation in Y' -> 'Operation in Y'."""
    head, tail = sentence[:start], sentence[end:]
    after = _DATED_NOUN.match(tail)
    if not after:
        return None
    noun = after.group("noun")
    before = _PAREN_BEFORE.search(head)
    if head.endswith("(") and before and not after.group("mods"):
        return f"{before.group('np').strip()} {noun}"  # "Council (November 2022 session)"
    named = _OF_THE_NAME.match(tail[after.end("noun") :])
    if named and _PREP_THE.search(head):  # "on the November (2022) session of the X"
        return f"{noun} {named.group(0).strip()}"
    if not _DETERMINER.search(head) or after.group("mods") and tail.startswith(")"):
        return None
    phrase = f"{after.group('mods')}{noun}{after.group('comp') or ''}".strip()
    if len(phrase.split()) >= 3:
        return phrase
    return f"The {sentence[start:end]} {phrase}"  # "the 2014 operation": keep the date


def _article(article: str, tail: str) -> str:
    vowel = re.match(r"\s*[aeiouAEIOU]", tail) is not None
    return ("an " if vowel else "a ") if article.lower() in ("a", "an") else f"{article} "
