"""Resolution against a DCT, an earlier date or nothing; TimeML spans, values and MODs."""

from __future__ import annotations

import pytest

from timeline_app.temporal import tag

# (text, dct, expected_text, expected_type, expected_value, why)
CASES = [
    (
        "The talks were held last week.",
        "2023-11-21",
        "last week",
        "DATE",
        "2023-W46",
        "ISO week before the DCT's week",
    ),
    ("Elections are due next month.", "2023-11-21", "next month", "DATE", "2023-12", "month + 1"),
    (
        "He arrived two days ago.",
        "2023-11-21",
        "two days ago",
        "DATE",
        "2023-11-19",
        "'ago' counts back from the DCT; the whole phrase is the span",
    ),
    ("He arrived yesterday.", "2023-11-21", "yesterday", "DATE", "2023-11-20", "deictic"),
    (
        "The summit was held in June.",
        "2023-02-13",
        "June",
        "DATE",
        "2022-06",
        "past tense and June is after the DCT: the previous June",
    ),
    (
        "The summit will be held in June.",
        "2023-02-13",
        "June",
        "DATE",
        "2023-06",
        "future tense: the coming June ('be held' is not a past tense)",
    ),
    (
        "The summit will be held on Friday.",
        "2023-11-21",
        "Friday",
        "DATE",
        "2023-11-24",
        "future tense: the next Friday",
    ),
    (
        "He will arrive next Friday.",
        "2023-11-21",
        "next Friday",
        "DATE",
        "2023-11-24",
        "'next' is part of the span",
    ),
    (
        "The ministers met Friday.",
        "2023-11-21",
        "Friday",
        "DATE",
        "2023-11-17",
        "news default: the most recent one",
    ),
    (
        "The delegation planned to leave on Thursday.",
        "2023-11-21",
        "Thursday",
        "DATE",
        "2023-11-23",
        "'planned to' looks ahead",
    ),
    (
        "The vote due in March may slip.",
        "2023-11-21",
        "March",
        "DATE",
        "2024-03",
        "'due in' looks ahead",
    ),
    (
        "It was not until Monday that the bank admitted the loss.",
        "2023-11-21",
        "Monday",
        "DATE",
        "2023-11-20",
        "'not until' in a cleft: the clause's past tense decides, not 'until'",
    ),
    (
        "The dividend would be paid on a still unspecified date in March.",
        "2023-11-21",
        "March",
        "DATE",
        "2024-03",
        "'unspecified' after 'still' is an adjective, not a past tense",
    ),
    (
        "Sales collapsed in March. During the month, the firm cut 200 jobs.",
        "2023-05-06",
        "the month",
        "DATE",
        "2023-03",
        "'the month' is the month the story is at",
    ),
    (
        "The firm cut 200 jobs during the month.",
        "2023-05-06",
        "the month",
        "DATE",
        "2023-05",
        "with no month named, the DCT's",
    ),
    (
        "Nobody may leave until Monday.",
        "2023-11-21",
        "Monday",
        "DATE",
        "2023-11-27",
        "a plain 'until' still points ahead",
    ),
    (
        "the past three years",
        "2023-11-21",
        "the past three years",
        "DURATION",
        "P3Y",
        "the whole phrase is a DURATION",
    ),
    ("prices rose in late 2022", "2023-02-13", "late 2022", "DATE", "2022", "mod END"),
    (
        "it took about three weeks",
        "2023-02-13",
        "three weeks",
        "DURATION",
        "P3W",
        "TimeBank leaves 'about' outside the span (MOD APPROX still set)",
    ),
    (
        "it took more than a week",
        "2023-02-13",
        "more than a week",
        "DURATION",
        "P1W",
        "'more than' is inside the span in TimeBank",
    ),
    ("for nearly two years", "2023-02-13", "nearly two years", "DURATION", "P2Y", "'nearly'"),
    ("the meeting runs every Monday", "2023-02-13", "every Monday", "SET", "XXXX-WXX-1", "SET"),
    ("reports are published weekly", "2023-02-13", "weekly", "SET", "P1W", "SET adverb"),
    ("the 1990s", "2023-02-13", "the 1990s", "DATE", "199", "decade"),
    ("the 20th century", "2023-02-13", "the 20th century", "DATE", "19", "century"),
    (
        "in the first quarter of 2023",
        "2023-11-21",
        "the first quarter of 2023",
        "DATE",
        "2023-Q1",
        "explicit quarter",
    ),
    (
        "third-quarter profit rose",
        "2023-11-21",
        "third-quarter",
        "DATE",
        "2023-Q3",
        "adjectival quarter takes the DCT year; no article in the span",
    ),
    ("this summer", "2023-11-21", "this summer", "DATE", "2023-SU", "season"),
    (
        "at 3 p.m. on Tuesday",
        "2023-11-21",
        "3 p.m. on Tuesday",
        "TIME",
        "2023-11-21T15:00",
        "a clock time next to a day merges into one TIME",
    ),
    ("this morning", "2023-11-21T06:06", "this morning", "TIME", "2023-11-21TMO", "part of day"),
    (
        "Thanksgiving",
        "2023-11-21",
        "Thanksgiving",
        "DATE",
        "2023-11-23",
        "fourth Thursday of November via dateutil",
    ),
    (
        "on the eve of 10 January 2023",
        None,
        "the eve of 10 January 2023",
        "DATE",
        "2023-01-09",
        "'the eve of' only with an anchored day",
    ),
    ("now", "2023-11-21", "now", "DATE", "PRESENT_REF", "TimeML reference value"),
    ("recently", "2023-11-21", "recently", "DATE", "PAST_REF", "TimeML reference value"),
    (
        "the Saturday after",
        "2022-01",
        "Saturday",
        "DATE",
        "XXXX-WXX-6",
        "month-only DCT: the day of the week stays underspecified",
    ),
    (
        "yesterday",
        "2022-01",
        "yesterday",
        "DATE",
        "2022-01-XX",
        "month-only DCT: the day is unknown, the month is not",
    ),
    ("last week", "2022-01", "last week", "DATE", "XXXX-WXX", "month-only DCT: week unknown"),
    (
        "Deadline: 01.02.2023",
        None,
        "01.02.2023",
        "DATE",
        "2023-02-01",
        "dotted dates default to day-first",
    ),
    (
        "Deadline: 01/02/2023",
        None,
        "01/02/2023",
        "DATE",
        "2023-01-02",
        "slashed dates default to month-first",
    ),
    (
        "15:30 GMT on 3 March",
        "2023-03-01",
        "15:30 GMT on 3 March",
        "TIME",
        "2023-03-03T15:30",
        "the zone is in the span, the value keeps the local time",
    ),
    (
        "the year-ago quarter",
        "1989-10-26",
        "the year-ago quarter",
        "DATE",
        "1988-Q3",
        "year-ago: the last completed quarter a year back",
    ),
    ("Nov. 23", None, "Nov. 23", "DATE", "XXXX-11-23", "no DCT, no earlier date: underspecified"),
]


@pytest.mark.parametrize(
    ("text", "dct", "exp_text", "exp_type", "exp_value", "why"),
    CASES,
    ids=[c[0][:40] for c in CASES],
)
def test_resolution(
    text: str, dct: str | None, exp_text: str, exp_type: str, exp_value: str, why: str
) -> None:
    found = [(t.text, t.type, t.value) for t in tag(text, dct=dct)]
    assert (exp_text, exp_type, exp_value) in found, why


def test_mods() -> None:
    mods = {
        t.text: t.mod
        for t in tag(
            "in late 2022, mid-November and early January, for about "
            "three weeks and less than a week",
            dct="2023-02-13",
        )
    }
    assert mods == {
        "late 2022": "END",
        "mid-November": "MID",
        "early January": "START",
        "three weeks": "APPROX",
        "less than a week": "LESS_THAN",
    }


def test_narrative_resolves_against_last_explicit_date() -> None:
    text = "The war began on 24 February 2022. On Friday, talks began. On March 3 they met."
    got = [(t.text, t.value, t.inferred) for t in tag(text)]
    assert got == [
        ("24 February 2022", "2022-02-24", False),
        ("Friday", "2022-02-25", True),
        ("March 3", "2022-03-03", True),
    ]


@pytest.mark.parametrize(
    ("text", "day_first", "value"),
    [
        ("01.02.2023 and 25.02.2023", None, "2023-02-01"),  # 25 > 12 proves day-first
        ("01/02/2023 and 02/25/2023", None, "2023-01-02"),  # 25 in 2nd field proves month-first
        ("01/02/2023 and 25/02/2023", None, "2023-02-01"),  # slashes, but the document is day-first
        ("01.02.2023", False, "2023-01-02"),  # the caller decides
        ("01/02/2023", True, "2023-02-01"),
    ],
)
def test_day_first(text: str, day_first: bool | None, value: str) -> None:
    assert tag(text, day_first=day_first)[0].value == value


@pytest.mark.parametrize(
    "text",
    [
        "32 out of 34 measures have been implemented",
        "  • 10",
        "The plan can change at any time.",
        "a long-standing dispute",
        "a 6-year-old boy",
        "he is 52 years old",
        "$500 million a year",
        "as soon as possible",
        "Feb 30",
        "99.99.9999",
        "1234567890",
    ],
)
def test_not_temporal(text: str) -> None:
    assert tag(text, dct="2023-02-13") == [], text


def test_dct_types() -> None:
    import datetime as dt

    for dct in ("2023-11-26", dt.date(2023, 11, 26), dt.datetime(2023, 11, 26, 6, 6)):
        assert tag("on Thursday", dct=dct)[0].value == "2023-11-23"
