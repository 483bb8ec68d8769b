"""The date phrase of a title's sentence: what goes with it, and when it names the event.

A title drops the date phrase together with the words that only made sense with it: its
preposition ("On Monday,", "early on Tuesday", "as of Sept. 30", "for the quarter ended
Sept. 30"), the other end of a range ("between 1985 and 1987") and a possessive ("Friday's
close" -> "the close"). When the date only modifies a noun ("the 2014 operation") the noun
stays; when that noun is a happening, the noun phrase itself is the event.
"""

from __future__ import annotations

import re

from .clauses import has_verb, opens_with_verb
from .tails import lacks, last_words

__all__ = ["MARK", "DATE_WORDS", "cut_date", "noun_phrase_title", "one_conjunct"]

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
_NOUN_NEXT = re.compile(  # "the 2014 Constructors' Championship" too
    rf"^(?:\s+(?=[A-Z][a-z])|(?:\s+|,\s+(?![a-z]+(?:ing|ed|ly)\b))(?!{_FUNCTION}\b)[a-z][\w-]*)"
)
_SUBJECT_NEXT = re.compile(r"^\s+(?:is|was|will\s+be|marks|marked|saw|sees|brings|brought)\b")
_ABOUT_THE_DATE = re.compile(r"^\s*,\s+(?:which|when)\b[^,]*(?=,)")
_POSSESSIVE = re.compile(r"^['’]s\b")
_PARTICIPLES = "published released issued posted dated filed aired broadcast unveiled"
_PUBLISHED = frozenset(_PARTICIPLES.split())  # "a post published Monday, she wrote": it goes
_VERB_NEXT = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:[a-z]+ed|said|showed|was|is|were|had|has|have|are|will|would|"
    r"could|can|may|might|must|should)\b"
)
_BEFORE_VERB = "is was were are be been being has have had not it the a an this that its his her"
_AUX = frozenset(f"{_BEFORE_VERB} their our".split())  # the participle is the verb, or a noun

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
    if _SUBJECT_NEXT.match(tail) and _SENTENCE_START.search(head):
        return sentence  # "Today is the eighth day": the date is the subject, it stays
    if _POSSESSIVE.match(tail):  # "Friday's close" -> "the close"
        return f"{head}{MARK}the{tail[2:]}"
    if _DETERMINER.search(head, last_words(head, 1)) and _NOUN_NEXT.match(tail):
        tail = _COMMA_START.sub(" ", tail)  # "the 1987 crash" -> "the crash"
        head = _A_OR_AN.sub(lambda m: _article(m.group(1), tail), head)
        return f"{head}{MARK}{tail}"
    may_range = not lacks(head, "between", "from")  # what a range's patterns need
    ranged = _RANGE_HEAD.search(head) if may_range else None
    if ranged:
        head = head[: ranged.start()]
    elif may_range and _RANGE_START.search(head) and _RANGE_TAIL.match(tail):
        head = head[: _RANGE_START.search(head).start()]  # type: ignore[union-attr]
        tail = tail[_RANGE_TAIL.match(tail).end() :]  # type: ignore[union-attr]
    else:
        before = _BEFORE.search(head, last_words(head, _BEFORE_WORDS))
        if before:
            head = head[: before.start()]
    if _after_clause_start(head):  # "Even this January, which was mild, there were"
        tail = _ABOUT_THE_DATE.sub("", tail)
    tail = _WHEN_ASIDE.sub("", tail)  # "in March, when it was sold, it"
    last = sentence[max(0, start - 40) : start].split()[-2:]
    alone = len(last) == 2 and last[1] in _PUBLISHED and last[0].lower() not in _AUX
    if alone and _ENDS_CLAUSE.match(tail):  # "a post published Monday, she wrote"
        head = sentence[: sentence.rindex(last[1], 0, start)].rstrip()
    if _COMMA_NEXT.match(tail):
        if _PARTICIPLE_ASIDE.search(head):  # "the terms, announced Friday, give"
            head = _PARTICIPLE_ASIDE.sub("", head)
        elif _after_opening(head):  # "Intel, on Friday, began"
            tail = _COMMA_NEXT.sub("", tail)
            head = _COMMA_END.sub(" ", head)
    elif _VERB_NEXT.match(tail) or opens_with_verb(tail):  # "a poll released Friday showed"
        participle = _PARTICIPLE_BEFORE.search(head, last_words(head, 2))
        if participle and participle[1].lower() not in _AUX:
            head = head[: participle.end(1)] + " "
    elif _SENTENCE_END.match(tail):  # "in 1994, 1995 and 1997."
        head = _LIST_END.sub("", head)
    return f"{head}{MARK}{tail}"


# what cut_date looks for, compiled once (it runs twice per title)
_SENTENCE_START = re.compile(r"(?:^\W*|[,;:]\s*|\bthat\s+)$")
_COMMA_START = re.compile(r"^,\s*")
_A_OR_AN = re.compile(r"(?<![\w'’])(a|an)\s+$")
_WHEN_ASIDE = re.compile(r"^\s*,\s+when\b[^,]*(?=,)")
_ENDS_CLAUSE = re.compile(r"\s*(?:,|[.;:]?$)")
_COMMA_NEXT = re.compile(r"^\s*,")
_PARTICIPLE_ASIDE = re.compile(r",\s+[a-z]+ed\s*$")
_COMMA_END = re.compile(r",\s*$")
_PARTICIPLE_BEFORE = re.compile(r"(\w+)\s+[a-z]+ed\s*$")
_SENTENCE_END = re.compile(r"\s*(?:[.;:!?)_]|--|$)")
_LIST_END = re.compile(r"(?:,|,?\s+(?:and|or))\s*$")
# A match of _BEFORE spans at most this many words: "(very) early", "beginning", and "at the
# very first half of" or "as early as the"
_BEFORE_WORDS = 9


def _after_clause_start(head: str) -> bool:
    """Whether only non-word characters follow the start of `head` or a comma, semicolon
    or colon in it (the pattern (?:^|[,;:])\\W*$, without trying it at every character)."""
    i = len(head)
    while i and not (head[i - 1].isalnum() or head[i - 1] == "_"):  # what \\W is
        i -= 1
    return i == 0 or any(c in ",;:" for c in head[i:])


def _after_opening(head: str) -> bool:
    """Whether only blanks follow the start of `head` or a comma, semicolon, colon, opening
    bracket or quotation mark in it (the pattern (?:^|[,;:(“"`'‘])\\s*$)."""
    rest = head.rstrip()  # \\s is what str.isspace() is
    return not rest or rest[-1] in ",;:(“\"`'‘"


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


_MODAL = {"will", "would", "can", "could", "may", "might", "must", "should", "shall", "to", "did"}
_NOT_AN_OBJECT = re.compile(
    r"(?:according|compared|including|following|excluding|ahead|prior|due|thanks|as|than|up|"
    r"down|after|before|since|until|when|while|which|who|that|where)\b",
    re.I,
)
_AMOUNT = re.compile(r"[$£€]?\d")
_AND_THEN = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?P<np>[^,;:()]{1,60}?)\s*$")


def one_conjunct(
    sentence: str, span: tuple[int, int], others: list[tuple[int, int]]
) -> tuple[str, tuple[int, int]]:
    """Of objects that each carry a date ("will overtake X in 2020 and Y in 2023"), the one
    with this date: "will overtake X" for 2020, "will overtake Y" for 2023; a list ("X in
    1952, Y in 1955 and Z in 1982") keeps its middle one for 1955."""
    for _ in range(4):
        rewritten = _without_a_conjunct(sentence, span, others)
        if rewritten is None:
            break
        sentence, span = rewritten
        others = [m.span() for m in DATE_WORDS.finditer(sentence) if m.start() != span[0]]
    return sentence, span


def _without_a_conjunct(
    sentence: str, span: tuple[int, int], others: list[tuple[int, int]]
) -> tuple[str, tuple[int, int]] | None:
    """The sentence without the nearest other dated conjunct, or None."""
    after = [o for o in others if o[0] >= span[1]]
    before = [o for o in others if o[1] <= span[0]]
    if after:
        c, d = min(after)
        if _conjunct(sentence[span[1] : c]):  # this date first: the next conjunct goes
            return sentence[: span[1]] + sentence[d:], span
    if before:
        c, d = max(before)
        np = _conjunct(sentence[d : span[0]])
        first = _object_start(sentence, c)
        if np and first is not None:  # this date later: the conjunct before it goes
            if np[:1].isdigit() or np[:1] in "$£€":  # "down 4.5% from X and 6.8% from Y"
                amount = _AMOUNT.search(sentence, first, c)  # the amounts are parallel
                first = amount.start() if amount else first
            drop = sentence.index(np, d) - first
            return sentence[:first] + sentence[first + drop :], (span[0] - drop, span[1] - drop)
    return None


def _conjunct(between: str) -> str | None:
    """The object between two dates joined by "and", its preposition cut: "the budget"."""
    m = _AND_THEN.match(between)
    if not m:
        return None
    np = m["np"]
    before = _BEFORE.search(np)
    np = np[: before.start()].strip() if before else np.strip()
    if re.fullmatch(rf"{_PREPOSITION}?\s*(?:the|a|an)?", np, re.I) or _NOT_AN_OBJECT.match(np):
        return None  # "in 1989 and in 1990": one phrase, two dates; "according to X"
    listed = not re.match(r"\s*(?:,\s*)?and\b", between)
    if listed and not re.match(r"(?:[A-Z\d$£€]|(?:the|a|an|its|his|her|their)\s)", np):
        return None  # "X, Y in 1955": a list of names or amounts, not "the nineties, uh but"
    words = np.split()
    if not 0 < len(words) <= 8 or has_verb(np) or DATE_WORDS.match(np) or "but" in words:
        return None
    return np


def _object_start(sentence: str, date_start: int) -> int | None:
    """Where the object before a date's phrase starts: after its verb ("will overtake X"), or
    after the comma of a list ("Greece in 1952, X")."""
    head = sentence[:date_start]
    before = _BEFORE.search(head)
    head = head[: before.start()] if before else head
    words = list(re.finditer(r"[\w$£€%.'’-]+", head))
    for n in range(len(words) - 1, max(len(words) - 8, 0), -1):
        word, prev = words[n - 1].group().lower(), words[n - 2].group().lower() if n > 1 else ""
        if head[words[n - 1].end() : words[n].start()].strip() == ",":
            return words[n].start() if has_verb(head[: words[n - 1].start()]) else None
        if has_verb(word) and "-" not in word or prev in _MODAL:
            return words[n].start()
        if word.endswith("ing"):
            return None  # "numbers dropping through": not an object
    return None
