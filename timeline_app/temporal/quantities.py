"""Readers for amounts of time and words that stand for a time on their own.

Durations ("three days", "the past two years", a race time "2:58:41"), offsets ("two days
ago"), ages (dropped), sets ("daily", "every Thursday", "every evening") and deictic words
("today", "now", "this morning").
"""

from __future__ import annotations

import re

from . import lexicon as lx
from .era import is_era_today
from .spec import Match, Spec, norm, point_mod

__all__ = [
    "read_duration",
    "read_duration_adj",
    "read_age",
    "read_deictic",
    "read_part_of_day",
    "read_set",
    "clock_duration",
    "is_time_taken",
]


def _amount(m: Match) -> float | None:
    """The quantity of a duration; None when vague ("several")."""
    num = norm(m.groupdict().get("num"))
    if not num:
        return 1.0
    amount = lx.words_to_number(num)
    if amount is not None and (m.groupdict().get("half") or " and a half" in num):
        amount += 0.5
    return amount


def read_duration(m: Match) -> Spec | None:
    """three days, the past three years, more than a week, two days ago, many years."""
    unit = lx.UNIT_FORMS[m["unit"].lower()]
    plural = m["unit"].lower() != unit
    num, det, direction = norm(m["num"]), norm(m["det"]), norm(m["dir"])
    ago = norm(m["ago"])
    approx = ago == "or so"  # "two years or so": still an amount, not an offset
    ago = "" if approx else ago
    if not num and not plural and not ago:
        return None  # "last year", "the week": points, handled elsewhere
    if not num and not (direction or det or ago) and unit in ("second", "minute"):
        return None
    if unit in ("second", "minute") and (
        direction in _MATCH_PHASE and not num or _MARGIN_AFTER.match(m.string, m.end())
    ):
        return None  # "the final minutes" of a match, "two seconds faster" than a record
    if (
        num
        and num[0].isdigit()
        and not plural
        and lx.words_to_number(num) not in (1, None)
        and not ago
    ):
        return None  # "34 measure" is not a duration
    if num == "the" or (num in ("a", "an") and not (det or direction or ago) and _is_rate(m)):
        return None
    if num in ("a", "an") and not plural and _not_a_unit(m, unit):
        return None
    amount = _amount(m) if num else None
    if (
        num
        and amount is None
        and num not in lx.VAGUE_NUMBER_WORDS
        and "dozen" not in num
        and " of" not in num
    ):
        return None
    if m["num2"] and lx.words_to_number(norm(m["num2"])) is None:
        return None  # "two to three weeks" is a range, valued by its lower end as in TimeBank
    qword, lead = norm(m["qmod"]), 0
    if qword and qword not in lx.QUANT_MODS_IN_SPAN and not ago:
        # "about [two weeks]", "over [the past 20 years]": outside the span (MOD kept)
        lead = min(m.start(g) for g in ("det", "dir", "num", "unit") if m[g]) - m.start()
        qword = "" if det or direction else qword
    qmod = (
        lx.QUANT_MODS.get(qword)
        if qword
        else ("APPROX" if approx else None if det or direction else outer_mod(m))
    )
    if det == "the" and not (num or direction):
        lead = m.start("unit") - m.start()
    if ago == "earlier" and not (amount == 1 and unit in ("year", "quarter")):
        # "two weeks earlier": TimeML marks the distance, "two weeks", as a DURATION (as
        # for "later"); only "a year earlier", the comparison period of results, is a date
        return Spec(
            "duration",
            "DURATION",
            unit=unit,
            amount=amount,
            mod=qmod,
            lead=lead,
            trim=m.end() - m.end("half" if m["half"] else "unit"),
        )
    if ago:
        rel = -1 if ago in ("ago", "earlier", "before") or ago.endswith("ago") else 1
        kind = "approx" if ago.startswith("or so") else "earlier" if ago == "earlier" else None
        return Spec("offset", unit=unit, amount=amount, rel=rel, mod=qmod, value=kind)
    if (
        not num
        and not det
        and direction in _VAGUE_DIRECTION
        and not (direction == "recent" and unit in _COUNTED_RECENT)
    ):
        # "coming weeks": a vague stretch after now is a DATE (FUTURE_REF); with a number or
        # "the" it stays a DURATION ("the next three years"), as in the TIMEX3 guidelines and
        # HeidelTime. "recent years" (or days, decades) is the recent past, PAST_REF, but
        # "in recent months" (weeks, quarters) counts a stretch of them: a DURATION PXM.
        return Spec("fixed", value=_VAGUE_DIRECTION[direction])
    return Spec("duration", "DURATION", unit=unit, amount=amount, mod=qmod, lead=lead)


_COUNTED_RECENT = frozenset({"week", "month", "quarter"})
_VAGUE_DIRECTION = {"coming": "FUTURE_REF", "next": "FUTURE_REF", "recent": "PAST_REF"}
_OUTER_MOD = re.compile(
    rf"(?i)\b({lx.alternation(set(lx.QUANT_MODS) - lx.QUANT_MODS_IN_SPAN)})"
    r"[^\S\n]+$"
)


# A phase of a match or a margin between results is no time expression in TimeML.
_MATCH_PHASE = frozenset({"final", "last", "first", "opening"})
_MARGIN_AFTER = re.compile(
    r"(?i)[^\S\n]+(?:faster|slower|quicker|behind|ahead|clear"
    r"|off[^\S\n]+the[^\S\n]+pace)\b"
)


def outer_mod(m: Match) -> str | None:
    """The MOD of a quantifier TimeBank leaves outside the span ("about [two weeks]")."""
    before = _OUTER_MOD.search(m.string, max(0, m.start() - 20), m.start())
    return lx.QUANT_MODS.get(norm(before[1])) if before else None


def read_age(m: Match) -> Spec | None:
    """ "a 6-year-old boy", "52 years old": ages are not temporal expressions in TimeML.

    Matching them (and then dropping them) keeps "6-year" from being read as a duration.
    """
    return Spec("drop")


# Hours, minutes and seconds after these are a time taken, not a time of day: "won in
# 2:58:41", "a time of 2:03:38", "clocked 1:02:11", "the record of 2:01:39".
_RACE_BEFORE = re.compile(
    r"(?i)\b(?:in|time|times|timed|clocked|finished|finishing|record|best|winning|ran|run"
    r"|completed|marathon|race)\b(?:[^\S\n]+(?:of|a|an|the|his|her|their|just|only|about|"
    r"around|under|over|nearly|almost))*[^\S\n]*:?[^\S\n]*\Z"
)


def clock_duration(h: int, mi: int, s: int) -> str:
    """PT2H58M41S from 2:58:41 (zero fields left out: 2:05:00 is PT2H5M)."""
    parts = "".join(f"{n}{code}" for n, code in ((h, "H"), (mi, "M"), (s, "S")) if n)
    return f"PT{parts or '0S'}"


def is_time_taken(m: Match) -> bool:
    """Whether the clock-like "2:58:41" of `m` follows words of a race or a record."""
    return bool(_RACE_BEFORE.search(m.string, max(0, m.start() - 40), m.start()))


def read_duration_adj(m: Match) -> Spec | None:
    """five-year, 16-hour, 8-month-old: a duration used as an adjective."""
    unit = m["unit"].lower()
    num = norm(m["num"])
    amount = (
        None if num in ("several", "multi") else (0.5 if num == "half" else lx.words_to_number(num))
    )
    if num not in ("several", "multi") and amount is None:
        return None
    return Spec("duration", "DURATION", unit=unit, amount=amount)


def read_deictic(m: Match) -> Spec | None:
    """today, yesterday, now, recently, the future, late yesterday, tomorrow morning."""
    word = norm(m["word"])
    meaning = lx.DEICTIC[word]
    if m.start() == m.start("word") and _in_a_name(m):
        return None
    part = lx.DAY_PARTS.get(norm(m["part"])) if m["part"] else None
    if word == "tonight":
        part = "NI"
    if (
        word == "today"
        and not m["part"]
        and not m["pmod"]
        and is_era_today(m.string, m.start("word"), m.end("word"))
    ):
        meaning = "PRESENT_REF"  # "today's teenagers", "in the mobile era today"
    if isinstance(meaning, str):
        if m["part"] or (word == "soon" and _soon_as_conjunction(m)):
            return None
        return Spec("fixed", value=meaning)
    return Spec(
        "deictic",
        "TIME" if part and word == "tonight" else "DATE",
        amount=meaning,
        part=part,
        mod=point_mod(m),
    )


_CAPITAL_BEFORE = re.compile(r"[^\w.!?:;\n\"“«(\[][^\S\n]*[A-Z][\w&'-]*[^\S\n]+\Z")
_CAPITAL_AFTER = re.compile(r"[^\S\n]+[A-Z][a-z]")


def _in_a_name(m: Match) -> bool:
    """ "USA Today", "New York Today", "Current Biology": a capitalised word inside a name,
    not a time. A capitalised word right before it (not starting a sentence) shows the name."""
    word = m["word"]
    if not word[:1].isupper() or word.isupper():
        return False
    before = m.string[max(0, m.start() - 30) : m.start()]
    if _CAPITAL_BEFORE.search(before) and not before.rstrip().endswith(("``", "''")):
        return True
    return (
        norm(word) == "current"
        and bool(_CAPITAL_AFTER.match(m.string, m.end()))
        and bool(before.strip())
        and not before.rstrip().endswith((".", "!", "?", "\n"))
    )


def _soon_as_conjunction(m: Match) -> bool:
    """ "as soon as", "soon after": a connective, not a time."""
    before = m.string[max(0, m.start() - 3) : m.start()].lower()
    after = m.string[m.end() : m.end() + 6].lower()
    return before.endswith("as ") or after.startswith((" as", " after"))


_AFTER_SECOND = re.compile(r"[^\S\n]+([a-z]+)")
_TIME_FOLLOWERS = frozenset(
    {
        "ago",
        "later",
        "earlier",
        "after",
        "before",
        "or",
        "and",
        "to",
        "too",
        "in",
        "of",
        "longer",
        "more",
        "for",
        "at",
        "on",
        "per",
    }
)
_QUARTER_OF = re.compile(r"[^\S\n]+of[^\S\n]+(?!an?\b)")


def _not_a_unit(m: Match, unit: str) -> bool:
    """ "a second group" is an ordinal and "a quarter of the market" a fraction, not times."""
    if unit == "second":
        nxt = _AFTER_SECOND.match(m.string, m.end())
        return nxt is not None and nxt[1] not in _TIME_FOLLOWERS
    return unit == "quarter" and bool(_QUARTER_OF.match(m.string, m.end()))


def _is_rate(m: Match) -> bool:
    """ "$500 million a year", "24 hours a day": "a <unit>" after an amount is a rate."""
    words = m.string[max(0, m.start() - 20) : m.start()].lower().split()
    if not words:
        return False
    prev = words[-1].strip(",;:")
    if prev[:1].isdigit() or prev in lx.RATE_WORDS or prev.endswith("%"):
        return True
    return (
        len(prev) > 3
        and prev.endswith("s")
        and prev not in lx.NOT_PLURAL
        and not prev.endswith(("ss", "us", "'s"))
    )


def read_part_of_day(m: Match) -> Spec | None:
    """this morning, last night, overnight, later this afternoon, mid-afternoon yesterday."""
    if m["over"]:
        return Spec("deictic", "TIME", amount=0, part="NI")
    rel, part = norm(m["rel"] or m["rel2"]), norm(m["part"] or m["part2"])
    offset = {"this": 0, "today": 0, "last": -1, "tomorrow": 1, "yesterday": -1}[rel]
    if rel == "last" and part != "night":
        return None
    return Spec("deictic", "TIME", amount=offset, part=lx.DAY_PARTS[part], mod=point_mod(m))


def read_set(m: Match) -> Spec | None:
    """daily, every week, each Thursday, every other month."""
    if m["adv"]:
        return Spec("fixed", "SET", value=lx.SET_ADVERBS[norm(m["adv"])])
    what = norm(m["what"]).rstrip(".")
    n = lx.words_to_number(norm(m["num"])) if m["num"] else 1
    n = int(n * (2 if m["other"] else 1)) if n else 1
    part = lx.DAY_PARTS.get(norm(m["part"])) if m["part"] else None
    if what in lx.WEEKDAYS:  # "every Monday (evening)"
        clock = f"T{part}" if part else ""
        return Spec("fixed", "SET", value=f"XXXX-WXX-{lx.WEEKDAYS[what] + 1}{clock}")
    if part:
        return None  # "every week evening" says nothing TimeML can write
    if what in lx.DAY_PARTS:  # "every evening": a part of every day
        return Spec("fixed", "SET", value=f"XXXX-XX-XXT{lx.DAY_PARTS[what]}")
    if what in lx.MONTHS:
        return Spec("fixed", "SET", value=f"XXXX-{lx.MONTHS[what]:02d}")
    if what in lx.SEASONS:
        return Spec("fixed", "SET", value=f"XXXX-{lx.SEASONS[what]}")
    unit = lx.UNIT_FORMS.get(what)
    if unit is None:
        return None
    code = lx.UNITS[unit]
    return Spec("fixed", "SET", value=f"P{'T' if unit in lx.TIME_UNITS else ''}{n}{code}")
