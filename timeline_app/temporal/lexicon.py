"""Words the tagger knows: numbers, month and weekday names, units, parts of day, modifiers.

Everything language-specific lives here as plain data so that `patterns.py` can build its
regexes from these lists and `normalise.py` can look the matched words up again.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
# Abbreviations need a dot or a following number to count ("Mar." yes, "mar" the verb no).
MONTH_ABBREVS = frozenset(k for k in MONTHS if len(k) <= 4 and k not in ("may", "june", "july"))
MONTH_FULL = frozenset(k for k in MONTHS if k not in MONTH_ABBREVS)

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
    "mon": 0,
    "tue": 1,
    "tues": 1,
    "wed": 2,
    "thu": 3,
    "thur": 3,
    "thurs": 3,
    "fri": 4,
    "sat": 5,
    "sun": 6,
}
WEEKDAY_FULL = frozenset(k for k in WEEKDAYS if k.endswith("day"))

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# TimeML parts of day (value suffix after "T").
DAY_PARTS: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "tonight": "NI",
    "overnight": "NI",
    "midday": "T12:00",
    "noon": "T12:00",
    "midnight": "T24:00",
    "mid-afternoon": "AF",
    "mid afternoon": "AF",
    "mid-morning": "MO",
    "late night": "NI",
}

UNITS: dict[str, str] = {
    "second": "S",
    "minute": "M",
    "hour": "H",
    "day": "D",
    "week": "W",
    "weekend": "WE",
    "fortnight": "2W",
    "month": "M",
    "quarter": "Q",
    "year": "Y",
    "decade": "E",
    "century": "C",
    "millennium": "L",
    "season": "S",
}
TIME_UNITS = frozenset({"second", "minute", "hour"})
UNIT_FORMS: dict[str, str] = {
    **{u: u for u in UNITS},
    **{u + "s": u for u in UNITS if u not in ("century", "millennium")},
    "centuries": "century",
    "millennia": "millennium",
    "yr": "year",
    "yrs": "year",
    "hr": "hour",
    "hrs": "hour",
    "min": "minute",
    "mins": "minute",
    "secs": "second",
}

ONES: dict[str, int] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: dict[str, int] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
SCALES: dict[str, int] = {"hundred": 100, "thousand": 1000}
ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "last": -1,
}
ARTICLE_NUMBERS: dict[str, int] = {"a": 1, "an": 1, "a couple of": 2, "a couple": 2}
VAGUE_QUANTITIES = (
    "several",
    "a few",
    "few",
    "many",
    "some",
    "a number of",
    "numerous",
    "the",
    "a couple of",
    "coming",
    "recent",
    "past",
    "the coming",
    "the next few",
    "more",
)
VAGUE_NUMBER_WORDS = ("several", "a few", "few", "many", "some", "numerous", "a number of")

# TimeML MOD values for words in front of a point ("early January") ...
POINT_MODS: dict[str, str] = {
    "early": "START",
    "the beginning of": "START",
    "the start of": "START",
    "the first half of": "START",
    "late": "END",
    "the end of": "END",
    "the close of": "END",
    "the latter part of": "END",
    "mid": "MID",
    "middle": "MID",
    "the middle of": "MID",
    "the mid": "MID",
    "mid-": "MID",
}
# ... and in front of a quantity ("about three weeks").
QUANT_MODS: dict[str, str | None] = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "under": "LESS_THAN",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
    "not more than": "EQUAL_OR_LESS",
    "at most": "EQUAL_OR_LESS",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "no less than": "EQUAL_OR_MORE",
    "well over": "MORE_THAN",
    "just over": "MORE_THAN",
    "just under": "LESS_THAN",
    "only": None,
    "just": None,
    "barely": "LESS_THAN",
    "a little over": "MORE_THAN",
    "a little more than": "MORE_THAN",
    "close to": "LESS_THAN",
}
# Approximators that join the span of an offset ("about two years ago", "almost four years
# ago") though not of a bare amount ("about [two weeks]").
QUANT_MODS_BEFORE_AGO = frozenset(
    {
        "about",
        "almost",
        "approximately",
        "roughly",
        "over",
        "just over",
        "well over",
        "a little over",
        "close to",
        "just under",
        "under",
    }
)
# TimeBank puts these inside the span ("nearly forty years", "more than four hours"); the
# others stay outside ("about [two weeks]", "over [the past 20 years]") but still give a MOD.
QUANT_MODS_IN_SPAN = frozenset(
    {
        "nearly",
        "less than",
        "fewer than",
        "more than",
        "at least",
        "no more than",
        "not more than",
        "up to",
        "at most",
        "no less than",
        "around",
        "a little more than",
    }
)

HOLIDAYS: dict[str, tuple[int, int]] = {
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "new year's": (1, 1),
    "independence day": (7, 4),
    "halloween": (10, 31),
    "valentine's day": (2, 14),
    "boxing day": (12, 26),
    "veterans day": (11, 11),
    "may day": (5, 1),
}
# Holidays defined by the n-th weekday of a month: (month, weekday, n; -1 = last).
NTH_WEEKDAY_HOLIDAYS: dict[str, tuple[int, int, int]] = {
    "thanksgiving day": (11, 3, 4),
    "thanksgiving": (11, 3, 4),
    "labor day": (9, 0, 1),
    "memorial day": (5, 0, -1),
    "mother's day": (5, 6, 2),
    "father's day": (6, 6, 3),
    "election day": (11, 1, 1),
}

# Clause-level tense cues. Future cues are phrases ("set to", "as soon as"); past cues are
# words, plus any "-ed" form not in NOT_PAST_ED.
FUTURE_MARKERS = (
    "will",
    "'ll",
    "shall",
    "won't",
    "would",
    "is to",
    "are to",
    "set to",
    "scheduled to",
    "scheduled for",
    "due to",
    "expected to",
    "expects to",
    "plans to",
    "plan to",
    "planning to",
    "intends to",
    "going to",
    "as soon as",
    "as early as",
    "upcoming",
    "payable",
    "effective",
    "scheduled",
    "planned to",
    "planning",
    "due in",
    "due on",
    "slated",
    "set for",
)
# A word right before the expression that decides its direction on its own.
DIRECTION_WORDS: dict[str, int] = {"since": -1, "until": 1, "till": 1, "by": 1}
PAST_MARKERS = frozenset(
    {
        "was",
        "were",
        "had",
        "did",
        "said",
        "told",
        "took",
        "met",
        "made",
        "came",
        "went",
        "began",
        "ago",
        "held",
        "gave",
        "saw",
        "won",
        "lost",
        "left",
        "fell",
        "rose",
        "sold",
        "paid",
        "got",
        "became",
        "led",
        "wrote",
        "spoke",
        "ran",
        "found",
        "kept",
        "struck",
        "broke",
        "hit",
        "been",
        "earlier",
        "says",
        "brought",
        "fought",
        "sent",
        "shot",
        "thought",
        "bought",
    }
)
NOT_PAST_ED = frozenset(
    {
        "need",
        "indeed",
        "speed",
        "seed",
        "feed",
        "proceed",
        "exceed",
        "bed",
        "red",
        "shed",
        "wed",
        "weed",
        "breed",
        "succeed",
        "embed",
    }
)


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of `words`, longest first so the engine never stops short."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True)
    )


def words_to_number(phrase: str) -> float | None:
    """Read "24", "twenty four", "twenty-four", "a hundred", "two thousand", "2 1/2", "1.5"."""
    s = phrase.lower().replace("-", " ").replace(",", "").strip()
    if not s:
        return None
    if s.startswith(("a couple", "couple")):
        return 2
    frac = re.fullmatch(r"(\d+)\s+(\d)/(\d)", s)
    if frac:
        return int(frac[1]) + int(frac[2]) / int(frac[3]) if int(frac[3]) else None
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        return float(s) if "." in s else int(s)
    total: float = 0
    current: float = 0
    seen = False
    for word in s.split():
        if word in ("a", "an") and not seen:
            current, seen = 1, True
        elif word in ONES or word in TENS:
            current += ONES.get(word, 0) + TENS.get(word, 0)
            seen = True
        elif word in SCALES:
            current = max(current, 1) * SCALES[word]
            if word == "thousand":
                total, current = total + current, 0
            seen = True
        elif word == "and" and seen:
            continue
        elif word == "half" and seen:
            current += 0.5
        else:
            return None
    return total + current if seen else None


# Words that are a timex on their own: a day offset from the reference, or a fixed value.
DEICTIC: dict[str, int | str] = {
    "today": 0,
    "tomorrow": 1,
    "yesterday": -1,
    "tonight": 0,
    "the day before yesterday": -2,
    "the day after tomorrow": 2,
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "at present": "PRESENT_REF",
    "the present": "PRESENT_REF",
    "these days": "PRESENT_REF",
    "current": "PRESENT_REF",
    "recently": "PAST_REF",
    "more recently": "PAST_REF",
    "lately": "PAST_REF",
    "the past": "PAST_REF",
    "soon": "FUTURE_REF",
    "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF",
    "a later date": "FUTURE_REF",
}
SET_ADVERBS: dict[str, str] = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "biweekly": "P2W",
    "semiannually": "P6M",
    "every day": "P1D",
}
# Time zones news datelines use, with their UTC offsets: part of a clock time's span, but
# the value keeps the local time (as TimeBank and HeidelTime write it).
TIME_ZONES: dict[str, str] = {
    "EST": "-05",
    "EDT": "-04",
    "CST": "-06",
    "CDT": "-05",
    "MST": "-07",
    "MDT": "-06",
    "PST": "-08",
    "PDT": "-07",
    "GMT": "Z",
    "UTC": "Z",
    "BST": "+01",
    "CET": "+01",
    "MSK": "+03",
}
# Words before "a year"/"a day" that make it a rate ("$5 million a year", "24 hours a day").
RATE_WORDS = frozenset(
    {
        "million",
        "billion",
        "thousand",
        "hundred",
        "percent",
        "dollars",
        "cents",
        "times",
        "twice",
        "once",
        "thrice",
        "%",
    }
)
NOT_PLURAL = frozenset(
    {
        "was",
        "has",
        "is",
        "this",
        "as",
        "his",
        "its",
        "does",
        "towards",
        "perhaps",
        "across",
        "less",
        "thus",
        "plus",
        "us",
        "yes",
        "unless",
        "always",
        "whereas",
        "news",
        "process",
        "access",
        "bus",
        "gas",
    }
)
