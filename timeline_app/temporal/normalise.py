"""Readers: what a matched expression's own words say, as a `Spec`, before any context.

A reader never looks at the DCT or the rest of the text; `resolve` does that. A reader may
reject its match (return None) when the words are not temporal after all ("may" the verb,
"fall" the verb, "34" in "32 out of 34") or name no real date ("Feb 30 2023").
"""

from __future__ import annotations

import calendar
import re

from . import lexicon as lx
from . import nondates as nd
from . import quantities as qt
from .spec import Match, Spec, norm, point_mod, rel_of

__all__ = ["Spec"]


_AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "dec", "sat", "sun", "june"})
# Words after which "May"/"March" is the month, not the verb.
_MONTH_CUES = frozenset(
    {
        "in",
        "of",
        "by",
        "since",
        "until",
        "till",
        "from",
        "through",
        "to",
        "before",
        "after",
        "during",
        "the",
        "early",
        "late",
        "mid",
        "last",
        "next",
        "this",
        "each",
        "every",
        "and",
        "or",
    }
)
_SUFFIX = re.compile(r"(st|nd|rd|th)$")


def month_of(m: Match) -> int | None:
    """The month number, rejecting lower-case words that are usually not months ("may")."""
    word = m["month"].rstrip(".")
    if word.islower() and word in _AMBIGUOUS_MONTHS:
        return None
    return lx.MONTHS.get(word.lower())


def day_of(word: str) -> int | None:
    """A day of month from "13", "13th" or "thirteenth"."""
    w = _SUFFIX.sub("", word.lower()) if word[:1].isdigit() else word.lower()
    day = int(w) if w.isdigit() else lx.ORDINALS.get(w)
    return day if day is not None and 1 <= day <= 31 else None


def year_of(m: Match) -> int | None:
    """The year of a match's `year`, parenthesised `pyear` or look-ahead `ayear` group."""
    gd = m.groupdict()
    y = gd.get("year") or gd.get("pyear") or gd.get("ayear")
    return int(y) if y else None


def read_iso(m: Match) -> Spec | None:
    """2023-11-26 or 2023-11-26T06:06(:00)."""
    y, mo, d = int(m["y"]), int(m["mo"]), int(m["d"])
    if not _valid(y, mo, d):
        return None
    clock = (int(m["h"]), int(m["mi"]), int(m["s"]) if m["s"] else None) if m["h"] else None
    if clock and clock[0] > 23:
        return None
    return Spec("calendar", "TIME" if clock else "DATE", y, mo, d, clock=clock)


def _valid(y: int | None, mo: int, d: int | None) -> bool:
    """Whether the fields name a real date (Feb 29 without a year is allowed)."""
    if not 1 <= mo <= 12:
        return False
    if d is None:
        return True
    last = calendar.monthrange(y if y and 1 <= y <= 9999 else 2000, mo)[1]
    return 1 <= d <= last


def read_numeric_date(m: Match) -> Spec | None:
    """21.11.2023, 11/21/23: the day/month order is decided per document by `resolve`."""
    a, b, y = int(m["a"]), int(m["b"]), m["y"]
    year = int(y) if len(y) == 4 else (2000 + int(y) if int(y) < 50 else 1900 + int(y))
    if not (_valid(year, b, a) or _valid(year, a, b)) or not 1000 <= year <= 2199:
        return None
    if m["sep"] == "." and nd.is_version(m.string, m.start()):
        return None  # "Firefox 3.6.28"
    return Spec("numeric", year=year, raw=(a, b, m["sep"]))


def read_clock(m: Match) -> Spec | None:
    """14:07, 6:06 AM EST, 10 p.m.: needs minutes or am/pm to be a time, not a number."""
    h, ampm = int(m["h"]), (m["ampm"] or "").lower().replace(".", "").replace(" ", "")
    sep = m.string[m.end("h") : m.end("h") + 1]
    if not ampm and (not m["mi"] or sep == "."):
        return None
    if ampm and not 1 <= h <= 12:
        return None
    if m["s"] and not ampm and not m["tz"] and qt.is_time_taken(m):
        return Spec("fixed", "DURATION", value=qt.clock_duration(h, int(m["mi"]), int(m["s"])))
    if nd.not_a_clock(m.string, m.start("h"), m.end(), m["h"], bool(ampm)):
        return None  # "GMT +10:00", "won 21:14", a video's "0:46"
    if ampm:
        h = h % 12 + (12 if ampm == "pm" else 0)
    clock = (h, int(m["mi"] or 0), int(m["s"]) if m["s"] else None)
    return Spec(
        "clock",
        "TIME",
        clock=clock,
        tz=(m["tz"] or "").upper() or None,
        mod="APPROX" if m["qmod"] else None,
    )


def read_clock_word(m: Match) -> Spec | None:
    """noon, midnight, 4 in the morning."""
    word = norm(m["word"])
    if word:
        mod = "APPROX" if norm(m["qmod"]) in ("about", "around") else None
        return Spec("clock", "TIME", clock=(24 if word == "midnight" else 12, 0, None), mod=mod)
    h = int(m["h"])
    if not 1 <= h <= 12:
        return None
    h = h % 12 + (12 if norm(m["part"]) != "morning" else 0)
    return Spec("clock", "TIME", clock=(h, 0, None))


def read_month_day(m: Match) -> Spec | None:
    """FEBRUARY 13, 13 February, Sept. 30, 1998, Friday, Nov. 26."""
    month, day = month_of(m), day_of(m["day"])
    if month is None or day is None:
        return None
    if not m["day"][:1].isdigit() and m["month"][:1].islower():
        return None
    year = year_of(m)
    if not _valid(year, month, day):
        return None
    rel = m.groupdict().get("mrel")
    if rel and year is None:  # "last Oct. 23": the word picks the year, the span starts at Oct.
        return Spec(
            "calendar", month=month, day=day, rel=rel_of(rel), lead=m.start("month") - m.start()
        )
    wd = m.groupdict().get("wd")
    return Spec(
        "calendar",
        year=year,
        month=month,
        day=day,
        mod=point_mod(m),
        weekday=lx.WEEKDAYS.get(wd.rstrip(".").lower()) if wd else None,
        lead=m.start("month") - m.start() if rel else 0,
    )


def read_second_day(m: Match) -> Spec | None:
    """The "25" of "April 24 and 25": the month's day, spanning only the number. Only a day
    shortly after the first counts ("March 3 and 40 others" is no date)."""
    spec = read_month_day(m)
    if spec is None or spec.day is None or not 0 < spec.day - int(m["day1"]) <= 7:
        return None
    spec.lead = m.start("day") - m.start()
    return spec


def read_month(m: Match) -> Spec | None:
    """November, early January, November 2022, November (2022), last May."""
    month = month_of(m)
    if month is None:
        return None
    gd = m.groupdict()
    word = m["month"].rstrip(".").lower()
    if word in ("may", "march") and not (year_of(m) or gd.get("rel") or gd.get("pmod")):
        prev = m.string[max(0, m.start() - 8) : m.start()].lower().split()
        if not prev or prev[-1] not in _MONTH_CUES:
            return None
    if (
        word in _FIRST_NAMES
        and not (year_of(m) or gd.get("rel") or gd.get("pmod"))
        and _reads_as_name(m)
    ):
        return None
    rel_words = norm(gd.get("rel")).split()
    rel = rel_of(rel_words[-1]) if rel_words else None
    mod = point_mod(m) or ("START" if rel_words[:1] == ["early"] else None)
    if rel_words[:1] == ["late"]:
        mod = "END"
    if gd.get("relyear"):
        return Spec("calendar", month=month, rel=rel_of(gd["relyear"]), unit="year", mod=mod)
    return Spec("calendar", year=year_of(m), month=month, rel=rel, mod=mod)


_FIRST_NAMES = frozenset({"april", "may", "june", "august"})
_SURNAME = re.compile(r"[^\S\n]+([A-Z][a-z]+)\b")


def _reads_as_name(m: Match) -> bool:
    """ "June Sarpong", "April Ryan": a month that is a first name, unless a word before it
    says month ("in June Apple released")."""
    nxt = _SURNAME.match(m.string, m.end())
    if not nxt or nxt[1].lower() in lx.MONTHS or nxt[1].lower() in lx.WEEKDAYS:
        return False
    prev = m.string[max(0, m.start() - 12) : m.start()].lower().split()
    return not prev or prev[-1].strip(",;:") not in _MONTH_CUES


# "on Monday and Tuesday nights", "Mondays and Thursdays": the plural of the last weekday of
# a pair makes both recurring
_PLURAL_PARTNER = re.compile(
    rf"(?i)[^\S\n]*(?:,|and|or|&)[^\S\n]+(?:{lx.alternation(lx.WEEKDAY_FULL)})"
    r"(?:s\b|[^\S\n]+(?:morning|afternoon|evening|night)s\b)"
)


def read_weekday(m: Match) -> Spec | None:
    """Friday, last Friday, Wednesday night, Tuesdays (a set).

    "Wednesday night" is a TIME valued with its part of day ("2000-01-05TNI"), as the
    TIMEX3 guidelines say for any expression naming a time of day, however vaguely.
    """
    wd = lx.WEEKDAYS[m["wd"].lower()]
    part = lx.DAY_PARTS.get(norm(m["part"])) if m["part"] else None
    if m["plural"] or m["pplural"] or _PLURAL_PARTNER.match(m.string, m.end()):
        value = f"XXXX-WXX-{wd + 1}" + (f"T{part}" if part else "")
        return Spec("fixed", "SET", value=value)
    return Spec(
        "weekday",
        "TIME" if part else "DATE",
        weekday=wd,
        part=part,
        rel=rel_of(m["rel"]),
        mod=point_mod(m),
    )


def read_year(m: Match) -> Spec | None:
    """1990, fiscal 1989, mid-1996, late 2022; not "$1990", "1990,000" or "1990 km"."""
    year = int(m["year"])
    before = m.string[max(0, m.start() - 1) : m.start()]
    if before in ("$", "#", "+", "€", "£") or not 1000 <= year <= 2199:
        return None
    cued = bool(m["pmod"] or m["fiscal"]) or m.group(0)[:4].lower() == "the "
    if nd.not_a_year(m.string, m.start("year"), m.end("year"), year, cued):
        return None  # "2000 km", "p. 1998", "x*1000", "Caracol 1260"
    mod = point_mod(m)
    return Spec("fixed", value=f"{year:04d}", year=year, mod=mod)


def read_decade(m: Match) -> Spec | None:
    """the 1990s, the early '80s."""
    if m["word"]:  # "the nineties": only with "the" or "nineteen", else it may be an age
        if not m.group(0).lower().startswith(("the", "nineteen")):
            return None
        return Spec("fixed", value=f"19{lx.DECADE_WORDS[m['word'].lower()]}", mod=point_mod(m))
    dec = m["dec"] or f"19{m['short']}"
    return Spec("fixed", value=dec, mod=point_mod(m))


def read_century(m: Match) -> Spec | None:
    """the 20th century (value "19"); this century."""
    if m["this"]:
        return Spec("relative", unit="century", rel=rel_of(m["this"]))
    cent = int(m["cent"])
    return Spec("fixed", value=f"{cent - 1:02d}", mod=point_mod(m)) if cent > 0 else None


_ANCHORED_DAY = frozenset({"the following", "the previous", "the next", "the same"})


def read_relative(m: Match) -> Spec | None:
    """last week, next month, this year, early next year, the following year."""
    unit = m["unit"].lower()
    rel_word = norm(m["rel"])
    anchored = rel_word in (
        "the following",
        "the previous",
        "the same",
        "the next",
        "same",
        "following",
        "previous",
    )
    if unit == "day" and rel_word not in _ANCHORED_DAY:
        return None  # "the last day of the trial", "next day delivery": not a point in time
    return Spec(
        "relative",
        unit=unit,
        rel=rel_of(rel_word),
        mod=point_mod(m),
        value="anchored" if anchored else None,
    )


def read_season(m: Match) -> Spec | None:
    """this summer, last fall, the winter of 1994; "fall" the verb is not a season."""
    season = lx.SEASONS[m["season"].lower()]
    rel, year = rel_of(m["rel"]), year_of(m) or spoken_year(m["words"])
    text = norm(m.group(0))
    if rel is None and year is None and not text.startswith(("the ", "early", "late", "mid")):
        prev = m.string[max(0, m.start() - 5) : m.start()].lower().split()
        if not prev or prev[-1] not in ("in", "this", "last", "next", "by", "until"):
            return None
    return Spec("season", part=season, year=year, rel=rel, mod=point_mod(m))


def read_quarter(m: Match) -> Spec | None:
    """the third quarter, third-quarter, the 1988 second quarter, next year's first quarter."""
    word = norm(m["ord"])
    half = norm(m["qunit"]) == "half"
    n = lx.ORDINALS.get(word) or {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(word)
    if word == "last":
        if not half or not (m["year"] or m.string.startswith(" of", m.end())):
            return None  # "the last quarter" is a relative period, not a half
        n = 2
    if not n or n > (2 if half else 4):
        return None
    part = f"H{n}" if half else f"Q{n}"
    year = int(m["qyear"]) if m["qyear"] else year_of(m)
    latest = norm(m["latest"])
    rel = rel_of(m["relq"]) if m["relq"] else (-1 if "year-" in latest else None)
    return Spec("quarter", part=part, year=year, rel=rel)


def read_anaphor(m: Match) -> Spec | None:
    """the quarter, the latest period, the year-earlier period: the period talked about."""
    if m["yearend"]:
        return Spec("anaphor", unit="year-end")
    unit, adj = m["unit"].lower(), norm(m["adj"])
    if m["yr"]:
        return Spec("anaphor", unit=unit, year=int(m["yr"]), mod=point_mod(m))
    if unit in ("period", "week") and not adj:
        return None
    if (
        unit == "year"
        and adj in ("", "fiscal", "full")
        and norm(m["det"]) == "the"
        and not point_mod(m)
    ):  # "by the end of the year" is the year, mod END
        return Spec("duration", "DURATION", unit="year", amount=1)  # "for the year (ended ...)"
    back = "year-" in adj or bool(m["ago"])
    value = "that" if norm(m["det"]) == "that" else (adj or None)
    return Spec("anaphor", unit=unit, value=value, rel=-1 if back else None, mod=point_mod(m))


# words after which "that" introduces a clause: "said that day care costs rose", "so that
# night shifts end" are no days
_THAT_CLAUSE = re.compile(
    r"(?i)\b(?:said|says|say|told|tells|think|thinks|thought|believe[sd]?|know|knows|knew"
    r"|show(?:s|ed)?|suggest(?:s|ed)?|mean(?:s|t)?|argue[sd]?|note[sd]?|add(?:s|ed)?"
    r"|announce[sd]?|report(?:s|ed)?|claim(?:s|ed)?|hope[sd]?|fear(?:s|ed)?|warn(?:s|ed)?"
    r"|insist(?:s|ed)?|agree[sd]?|found|find|finds|ensure[sd]?|so|such|now|given)[^\S\n]+$"
)


def read_anaphoric_day(m: Match) -> Spec | None:
    """that day, later that night, the next morning, the day before: a day the story is at,
    not the DCT; `value` "in the day" for "later in the day", which news also says of today."""
    if m["dir2"]:
        return Spec("anaphoric_day", value="in the day", rel=0)
    if m["part"] and (
        m.string.startswith("-", m.end())
        or not m["dir"]
        and _THAT_CLAUSE.search(m.string, max(0, m.start() - 12), m.start())
    ):
        return None  # "that day-care centre"; "said that day care costs rose"
    part = norm(m["part"] or m["part2"] or m["part3"])
    rel = {"next": 1, "following": 1, "after": 1, "previous": -1, "preceding": -1, "before": -1}
    offset = rel.get(norm(m["rel"] or m["rel2"]), 0)
    code = lx.DAY_PARTS.get(part) if part != "day" else None
    return Spec("anaphoric_day", "TIME" if code else "DATE", part=code, rel=offset)


def read_year_ago(m: Match) -> Spec | None:
    """year-earlier, year-ago (as in "year-earlier profit")."""
    return Spec("anaphor", unit="period", rel=-1, value="year-ago")


def read_holiday(m: Match) -> Spec | None:
    """Christmas, Thanksgiving 1998, last Thanksgiving."""
    name = norm(m["hol"])
    if m["hol"][:1].islower():
        return None
    if not m["year"] and _HOLIDAY_THING.match(m.string, m.end()):
        return None  # "a Christmas card", "Christmas sweaters": a kind of thing, not a day
    return Spec("holiday", value=name, year=year_of(m), rel=rel_of(m["rel"]))


_HOLIDAY_THING = re.compile(
    r"(?i)\s+(?:card|cards|sweater|sweaters|jumper|jumpers|tree|trees|lights|decorations?|"
    r"carols?|songs?|music|gifts?|presents?|shopping|shoppers|spirit|movies?|films?|"
    r"stockings?|ornaments?|cookies|pudding|market|markets|season|sales?|ads?|"
    r"advertisements?|commercials?|specials?|wish\s+list)\b"
)


def spoken_year(phrase: str | None) -> int | None:
    """1996 from "nineteen ninety-six", 2001 from "two thousand one"; None otherwise."""
    words = norm(phrase).replace("-", " ").split()
    if not words:
        return None
    if words[0] == "nineteen":
        rest = lx.words_to_number(" ".join(words[1:])) if words[1:] != ["hundred"] else 0
        return 1900 + int(rest) if rest is not None and rest < 100 else None
    number = lx.words_to_number(" ".join(words))
    return int(number) if number else None


def read_spoken_year(m: Match) -> Spec | None:
    """nineteen ninety-six, the year two thousand, January nineteen ninety-seven."""
    year = spoken_year(m["words"])
    if year is None:
        return None
    month = month_of(m) if m["month"] else None
    if month:
        return Spec("calendar", year=year, month=month)
    return Spec("fixed", value=f"{year:04d}", year=year)
