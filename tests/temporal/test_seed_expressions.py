"""Seed expressions from the CSTO/Belarus news corpus the timeline app is built around."""

from __future__ import annotations

import pytest

from timeline_app.temporal import Timex, tag

# (text, dct, expected_text, expected_type, expected_value, mod, inferred, why)
SEEDS = [
    (
        "Tokayev made this statement during the CSTO summit in Minsk, on Thursday.",
        "2023-11-26T06:06",
        "Thursday",
        "DATE",
        "2023-11-23",
        None,
        True,
        "past tense + DCT Sunday: the Thursday before; the preposition is not tagged",
    ),
    (
        "the Belarusian president said Saturday.",
        "2022-01",
        "Saturday",
        "DATE",
        "XXXX-WXX-6",
        None,
        True,
        "DCT known to the month only: the day cannot be resolved, stays underspecified",
    ),
    (
        "Riots started in Kazakhstan in early January, when thousands of demonstrators took to "
        "the street",
        "2022-01",
        "early January",
        "DATE",
        "2022-01",
        "START",
        True,
        "'early' is part of the span and becomes mod START; year from the DCT",
    ),
    (
        "YEREVAN, FEBRUARY 13, ARTSAKHPRESS. Belarusian President",
        "2023",
        "FEBRUARY 13",
        "DATE",
        "2023-02-13",
        None,
        True,
        "upper-case dateline; year from a year-only DCT",
    ),
    (
        "as he met with Secretary General Imangali Tasmagambetov on 13 February, BelTA reports.",
        "2023-02-13",
        "13 February",
        "DATE",
        "2023-02-13",
        None,
        True,
        "day-month order",
    ),
    (
        "Imangali Tasmagambetov, who assumed office on 10 January 2023, was to submit",
        "2023-02-13",
        "10 January 2023",
        "DATE",
        "2023-01-10",
        None,
        False,
        "fully explicit",
    ),
    (
        "the decisions of the November (2022) session of the CSTO Collective Security Council",
        "2023-02-13",
        "November (2022)",
        "DATE",
        "2022-11",
        None,
        False,
        "parenthesised year",
    ),
    (
        "the Collective Security Council (November 2022 session)",
        "2023-11-21",
        "November 2022",
        "DATE",
        "2022-11",
        None,
        False,
        "month-year",
    ),
    (
        "Belarus will preside over the CSTO in 2023.",
        "2023-11-21",
        "2023",
        "DATE",
        "2023",
        None,
        False,
        "bare year",
    ),
    (
        "they have managed to take into account all the decisions of the November session",
        "2023-02",
        "November",
        "DATE",
        "2022-11",
        None,
        True,
        "perfect tense, DCT February: the most recent past November",
    ),
    (
        "Especially this year during Belarus' presidency in the organization.",
        "2023-02",
        "this year",
        "DATE",
        "2023",
        None,
        True,
        "deictic year",
    ),
    (
        "Posted: 21.11.2023 14:07:00",
        None,
        "21.11.2023 14:07:00",
        "TIME",
        "2023-11-21T14:07:00",
        None,
        False,
        "dotted European date with a clock time: one TIME",
    ),
    (
        "6:06 AM EST, November 26, 2023",
        None,
        "6:06 AM EST, November 26, 2023",
        "TIME",
        "2023-11-26T06:06",
        None,
        False,
        "time, zone and date as one TIME (local time)",
    ),
    (
        "in Minsk, Belarus, May 28, 2021 (Reuters)",
        "2022-01",
        "May 28, 2021",
        "DATE",
        "2021-05-28",
        None,
        False,
        "US-style date in a dateline",
    ),
    (
        "Images source: © Getty Images | 2019 Anadolu Agency",
        "2023-11-26",
        "2019",
        "DATE",
        "2019",
        None,
        False,
        "bare year in a credit line",
    ),
    (
        "The time will come (it is not far away, literally tomorrow)",
        "2023-02-13",
        "tomorrow",
        "DATE",
        "2023-02-14",
        None,
        True,
        "deictic day",
    ),
    (
        "the problems had been accumulating for many years",
        "2023-11-21",
        "many years",
        "DURATION",
        "PXY",
        None,
        False,
        "vague duration",
    ),
    (
        "He said that he assumed his duties on 10 January 2023.",
        None,
        "10 January 2023",
        "DATE",
        "2023-01-10",
        None,
        False,
        "explicit date needs no DCT",
    ),
    (
        "Less than a week after the protests began",
        "2022-01",
        "Less than a week",
        "DURATION",
        "P1W",
        "LESS_THAN",
        False,
        "quantifier modifier",
    ),
    (
        "Three days after President Putin's announcement",
        "2022-01",
        "Three days",
        "DURATION",
        "P3D",
        None,
        False,
        "number word duration",
    ),
]

NO_TIMEX = [
    ("  • 10", None, "a bare small number in a bullet"),
    ("32 out of 34 measures have been implemented", None, "counts are not times"),
    ("The plan can be changed at any time.", "2023-02-13", "'at any time' is not a time"),
    ("a long-standing dispute", "2023-02-13", "'long-standing' is not a duration"),
]


def _only(found: list[Timex]) -> Timex:
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "dct", "exp_text", "exp_type", "exp_value", "mod", "inferred", "why"),
    SEEDS,
    ids=[s[2] for s in SEEDS],
)
def test_seed(
    text: str,
    dct: str | None,
    exp_text: str,
    exp_type: str,
    exp_value: str,
    mod: str | None,
    inferred: bool,
    why: str,
) -> None:
    t = _only(tag(text, dct=dct))
    assert (t.text, t.type, t.value, t.mod, t.inferred) == (
        exp_text,
        exp_type,
        exp_value,
        mod,
        inferred,
    ), why
    assert text[t.start : t.end] == t.text


@pytest.mark.parametrize(("text", "dct", "why"), NO_TIMEX, ids=[s[0] for s in NO_TIMEX])
def test_no_timex(text: str, dct: str | None, why: str) -> None:
    assert tag(text, dct=dct) == [], why
