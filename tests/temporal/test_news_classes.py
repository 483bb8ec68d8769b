"""Issue 14: six classes of expressions that unseen news has more often than TimeBank.

Every sentence here is made up for the rule it shows; none comes from an evaluation set.
Each class has a table of expressions that must be found as given, and the non-expressions
a table of phrases that must not be tagged at all.
"""

from __future__ import annotations

import pytest

from timeline_app.temporal import tag

Case = tuple[str, str, str, str, str, str | None, str]  # text, dct, span, type, value, mod, why


def _found(text: str, dct: str) -> list[tuple[str, str, str, str | None]]:
    return [(t.text, t.type, t.value, t.mod) for t in tag(text, dct=dct)]


def _check(case: Case) -> None:
    text, dct, span, kind, value, mod, why = case
    found = _found(text, dct)
    assert (span, kind, value, mod) in found, f"{why}: {found}"


# 1. Ranges: each end is an expression of its own.
RANGES: list[Case] = [
    (
        "The club finished third in the 2015-2016 season.",
        "2017-03-01",
        "2015",
        "DATE",
        "2015",
        None,
        "a range's first year",
    ),
    (
        "The club finished third in the 2015-2016 season.",
        "2017-03-01",
        "2016",
        "DATE",
        "2016",
        None,
        "a range's last year, written in full",
    ),
    (
        "A survey of 1968-69 found the opposite.",
        "1990-01-01",
        "69",
        "DATE",
        "1969",
        None,
        "a two-digit end takes the first year's century",
    ),
    (
        "Turnover rose in the 1999-00 season.",
        "2001-01-01",
        "00",
        "DATE",
        "2000",
        None,
        "a two-digit end may cross into the next century",
    ),
    (
        "The 2011/12 budget was cut by a tenth.",
        "2013-01-01",
        "12",
        "DATE",
        "2012",
        None,
        "a slash joins the years of a season too",
    ),
    (
        "Recovery usually takes between 6 and 9 months.",
        "2013-05-15",
        "6",
        "DURATION",
        "P6M",
        None,
        "'between 6 and 9 months': the 6 is months too",
    ),
    (
        "Recovery usually takes between 6 and 9 months.",
        "2013-05-15",
        "9 months",
        "DURATION",
        "P9M",
        None,
        "the closing end keeps its unit",
    ),
    (
        "Talks may last between two and three weeks.",
        "2013-05-15",
        "two",
        "DURATION",
        "P2W",
        None,
        "number words at either end",
    ),
    (
        "Repairs take between four to six days.",
        "2013-05-15",
        "four",
        "DURATION",
        "P4D",
        None,
        "'between four to six days' splits as well",
    ),
    (
        "Repairs take between four to six days.",
        "2013-05-15",
        "six days",
        "DURATION",
        "P6D",
        None,
        "... its closing end found on its own",
    ),
    (
        "Repairs take four to six days.",
        "2013-05-15",
        "four to six days",
        "DURATION",
        "P4D",
        None,
        "without 'between' a range stays one span",
    ),
]

# Dashes between numbers that are no range of years.
NOT_RANGES = [
    ("See pages 1968-1969 of the report.", "1968"),
    ("The trail runs 1990-2000 km across the steppe.", "2000"),
    ("Sales in 2009-12 fell.", "12"),  # December 2009 as much as 2009 to 2012
]


# 2. Tense decides the year of a bare month and the week of a weekday.
TENSE: list[Case] = [
    (
        "The plant will open in September.",
        "2013-10-20",
        "September",
        "DATE",
        "2014-09",
        None,
        "a month the clause looks ahead to is not over",
    ),
    (
        "The plant is expected to open in September.",
        "2013-10-20",
        "September",
        "DATE",
        "2014-09",
        None,
        "'expected to' looks ahead",
    ),
    (
        "The plant will open in October.",
        "2013-10-20",
        "October",
        "DATE",
        "2013-10",
        None,
        "the DCT's own month is still ahead",
    ),
    (
        "The plant will open in September.",
        "2013-05-10",
        "September",
        "DATE",
        "2013-09",
        None,
        "this September in a May article",
    ),
    (
        "The plant opened in September.",
        "2013-10-20",
        "September",
        "DATE",
        "2013-09",
        None,
        "a past month stays this year's",
    ),
    (
        "Trading resumes Monday after the holiday.",
        "2013-10-16",
        "Monday",
        "DATE",
        "2013-10-21",
        None,
        "a scheduled present looks ahead",
    ),
    (
        "The two ministers meet separately Monday with the envoy.",
        "2013-10-16",
        "Monday",
        "DATE",
        "2013-10-21",
        None,
        "a plural subject's scheduled present looks ahead",
    ),
    (
        "The two ministers did not meet on Monday.",
        "2013-10-16",
        "Monday",
        "DATE",
        "2013-10-14",
        None,
        "'did not meet' is past",
    ),
    (
        "The trial opens Tuesday in Boston.",
        "2013-10-16",
        "Tuesday",
        "DATE",
        "2013-10-22",
        None,
        "'opens Tuesday' is the coming Tuesday",
    ),
    (
        "The minister is meeting her French colleague on Thursday.",
        "2013-10-16",
        "Thursday",
        "DATE",
        "2013-10-17",
        None,
        "a present progressive plan looks ahead",
    ),
    (
        "The company reported a loss on Monday.",
        "2013-10-16",
        "Monday",
        "DATE",
        "2013-10-14",
        None,
        "a past verb still looks back",
    ),
    (
        "Police said the gunman tried to reopen the gate on Monday.",
        "2013-10-16",
        "Monday",
        "DATE",
        "2013-10-14",
        None,
        "'to reopen' takes the tense of its verb",
    ),
    (
        "The mine collapsed on March 3, 2009. On Thursday, rescuers found two survivors.",
        "2013-10-20",
        "Thursday",
        "DATE",
        "2009-03-05",
        None,
        "a weekday right after a date of an earlier year is in that date's week",
    ),
    (
        "The mine collapsed on March 3, 2009. Officials said Thursday that the site is safe.",
        "2013-10-20",
        "Thursday",
        "DATE",
        "2013-10-17",
        None,
        "'said Thursday' is the reporting, in the DCT's week",
    ),
    (
        "In March 2009, the mine collapsed. In June, rescuers found the last bodies.",
        "2013-10-20",
        "June",
        "DATE",
        "2009-06",
        None,
        "a bare month right after a month of an earlier year takes that year",
    ),
    (
        "Victims of the March 3, 2009, collapse met on Thursday.",
        "2013-10-20",
        "Thursday",
        "DATE",
        "2013-10-17",
        None,
        "a date naming a happening ('the March 3, 2009, collapse') sets no week",
    ),
    (
        "The plant has grown steadily since 1998. In June, it hired 40 workers.",
        "2013-10-20",
        "June",
        "DATE",
        "2013-06",
        None,
        "a bare year (a bound here) sets no month's year",
    ),
    (
        "The bank was founded on June 2, 1998. It has 40 branches. Its shares fell on Tuesday.",
        "2013-10-20",
        "Tuesday",
        "DATE",
        "2013-10-15",
        None,
        "an older date two sentences back does not set the week",
    ),
]


# 3. The present as an era.
PRESENT: list[Case] = [
    (
        "Today's teenagers spend hours online.",
        "2013-05-15",
        "Today",
        "DATE",
        "PRESENT_REF",
        None,
        "'today's' before a kind of people",
    ),
    (
        "Most of today's cars run on petrol.",
        "2013-05-15",
        "today",
        "DATE",
        "PRESENT_REF",
        None,
        "'today's' before a kind of thing",
    ),
    (
        "In the mobile era today, nobody writes letters.",
        "2013-05-15",
        "today",
        "DATE",
        "PRESENT_REF",
        None,
        "'the ... era today'",
    ),
    (
        "Current rules do not allow it.",
        "2013-05-15",
        "Current",
        "DATE",
        "PRESENT_REF",
        None,
        "'current' before a noun",
    ),
    (
        "Ten years from now, the city will look different.",
        "2013-05-15",
        "Ten years",
        "DURATION",
        "P10Y",
        None,
        "'ten years from now' holds a duration ...",
    ),
    (
        "Ten years from now, the city will look different.",
        "2013-05-15",
        "now",
        "DATE",
        "PRESENT_REF",
        None,
        "... and the present",
    ),
    (
        "Today's vote was close.",
        "2013-05-15",
        "Today",
        "DATE",
        "2013-05-15",
        None,
        "'today's' before a happening is the day",
    ),
    (
        "The plan is in today's Wall Street Journal.",
        "2013-05-15",
        "today",
        "DATE",
        "2013-05-15",
        None,
        "a named paper of the day",
    ),
    (
        "The minister spoke today.",
        "2013-05-15",
        "today",
        "DATE",
        "2013-05-15",
        None,
        "'today' as an adverb of a happening",
    ),
]


# 4. Vague past and spans.
VAGUE: list[Case] = [
    (
        "At that point, the company had no cash left.",
        "2013-05-15",
        "that point",
        "DATE",
        "PAST_REF",
        None,
        "'at that point' without the preposition",
    ),
    (
        "By that time the troops had left the city.",
        "2013-05-15",
        "that time",
        "DATE",
        "PAST_REF",
        None,
        "'by that time'",
    ),
    (
        "Prices have risen in recent months.",
        "2013-05-15",
        "recent months",
        "DURATION",
        "PXM",
        None,
        "'recent months' counts a stretch",
    ),
    (
        "Sales slowed in recent weeks.",
        "2013-05-15",
        "recent weeks",
        "DURATION",
        "PXW",
        None,
        "'recent weeks' too",
    ),
    (
        "Crime has fallen in recent years.",
        "2013-05-15",
        "recent years",
        "DATE",
        "PAST_REF",
        None,
        "'recent years' is the recent past",
    ),
    (
        "The deal should close by the end of the year.",
        "2013-05-15",
        "the end of the year",
        "DATE",
        "2013",
        "END",
        "the end of the year is the year, END",
    ),
    (
        "Shares will be sold by the end of the month.",
        "2013-05-15",
        "the end of the month",
        "DATE",
        "2013-05",
        "END",
        "... and of the month",
    ),
    (
        "He had left the country two weeks earlier.",
        "2013-05-15",
        "two weeks",
        "DURATION",
        "P2W",
        None,
        "'two weeks earlier': the distance alone",
    ),
    (
        "A day earlier, hundreds of trucks crossed the border.",
        "2013-05-15",
        "A day",
        "DURATION",
        "P1D",
        None,
        "'a day earlier' too",
    ),
    (
        "Profit rose 5% from a year earlier.",
        "2013-05-15",
        "a year earlier",
        "DATE",
        "2012",
        None,
        "'a year earlier', a comparison period, is a date",
    ),
    (
        "More recently it has moved into services.",
        "2013-05-15",
        "More recently",
        "DATE",
        "PAST_REF",
        None,
        "'more recently' is one expression",
    ),
]

NOT_VAGUE = [
    ("We're not at that point yet.", "that point"),
    ("He was at that point of his career.", "that point"),
]


# 5. Clock durations and sets.
CLOCK_AND_SETS: list[Case] = [
    (
        "She won the marathon in 2:58:41.",
        "2013-05-15",
        "2:58:41",
        "DURATION",
        "PT2H58M41S",
        None,
        "a finishing time is a duration",
    ),
    (
        "The winner clocked 2:08:04, a course record.",
        "2013-05-15",
        "2:08:04",
        "DURATION",
        "PT2H8M4S",
        None,
        "'clocked' before a time taken",
    ),
    (
        "He finished in a time of 1:05:00.",
        "2013-05-15",
        "1:05:00",
        "DURATION",
        "PT1H5M",
        None,
        "zero seconds are left out",
    ),
    (
        "The blast happened at 14:07:00 local time.",
        "2013-05-15",
        "14:07:00",
        "TIME",
        "2013-05-15T14:07:00",
        None,
        "'at 14:07:00' stays a time of day",
    ),
    (
        "He walks the dog every evening.",
        "2013-05-15",
        "every evening",
        "SET",
        "XXXX-XX-XXTEV",
        None,
        "'every evening' is a set of evenings",
    ),
    (
        "Guards patrol the fence each night.",
        "2013-05-15",
        "each night",
        "SET",
        "XXXX-XX-XXTNI",
        None,
        "'each night'",
    ),
    (
        "The choir rehearses every Monday evening.",
        "2013-05-15",
        "every Monday evening",
        "SET",
        "XXXX-WXX-1TEV",
        None,
        "a weekday's part of day",
    ),
]


# 6. Not time expressions: phrases that must not be tagged at all.
NOT_TIMEXES = [
    ("The vaccine is offered to adults 65 years and older.", "65 years"),
    ("Children under 18 years of age travel free.", "18 years"),
    ("The card is meant for 65-year-olds.", "65-year"),
    ("The survey covered people aged 18 to 24 years.", "24 years"),
    ("The visitors scored twice in the closing minutes.", "minutes"),
    ("The hosts conceded in the final minutes.", "the final minutes"),
    ("She ran two seconds faster than the world record.", "two seconds"),
    ("He finished 12 seconds behind the winner.", "12 seconds"),
]
STILL_TIMEXES: list[Case] = [
    (
        "He has lived in the village for 65 years.",
        "2013-05-15",
        "65 years",
        "DURATION",
        "P65Y",
        None,
        "a plain number of years stays a duration",
    ),
    (
        "Shares fell in the last five minutes of trading.",
        "2013-05-15",
        "the last five minutes",
        "DURATION",
        "PT5M",
        None,
        "a counted stretch stays a duration",
    ),
    (
        "The meeting ran two hours longer than planned.",
        "2013-05-15",
        "two hours",
        "DURATION",
        "PT2H",
        None,
        "only a race margin is dropped",
    ),
]


def _ids(cases: list[Case]) -> list[str]:
    return [f"{c[2]}|{c[0][:40]}" for c in cases]


@pytest.mark.parametrize("case", RANGES, ids=_ids(RANGES))
def test_range_ends(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize(("text", "span"), NOT_RANGES)
def test_not_a_range(text: str, span: str) -> None:
    assert span not in [t.text for t in tag(text, dct="2013-05-15")]


@pytest.mark.parametrize("case", TENSE, ids=_ids(TENSE))
def test_tense_and_narrative(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", PRESENT, ids=_ids(PRESENT))
def test_present_as_era(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize("case", VAGUE, ids=_ids(VAGUE))
def test_vague_past_and_spans(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize(("text", "span"), NOT_VAGUE)
def test_that_point_as_a_stage(text: str, span: str) -> None:
    assert span not in [t.text for t in tag(text, dct="2013-05-15")]


@pytest.mark.parametrize("case", CLOCK_AND_SETS, ids=_ids(CLOCK_AND_SETS))
def test_clock_durations_and_sets(case: Case) -> None:
    _check(case)


@pytest.mark.parametrize(("text", "span"), NOT_TIMEXES)
def test_not_time_expressions(text: str, span: str) -> None:
    found = tag(text, dct="2013-05-15")
    assert not any(span in t.text or t.text in span for t in found), found


@pytest.mark.parametrize("case", STILL_TIMEXES, ids=_ids(STILL_TIMEXES))
def test_near_misses_still_tagged(case: Case) -> None:
    _check(case)
