"""Conventions learnt by comparing the tagger with HeidelTime on TimeBank+AQUAINT: cases where
HeidelTime matched the gold and the tagger did not (benchmarks/peer_heideltime.py).

Each case is a generic sentence for the rule, not the TimeBank phrase it came from.
"""

from __future__ import annotations

import pytest

from timeline_app.temporal import tag

# (text, dct, expected_text, expected_type, expected_value, why)
CASES = [
    # "or so" widens an amount or a period, it does not make an offset.
    (
        "The plant will be closed over the next year or so.",
        "2001-05-10",
        "the next year or so",
        "DATE",
        "2002",
        "'the next year or so' is next year",
    ),
    (
        "Sales may double over the next three years or so.",
        "2001-05-10",
        "the next three years or so",
        "DURATION",
        "P3Y",
        "'N years or so' stays a DURATION",
    ),
    # Kinds of days between the number and the unit.
    (
        "The index rose for six trading days in a row.",
        "2001-05-10",
        "six trading days",
        "DURATION",
        "P6D",
        "'trading days' are days",
    ),
    (
        "Refunds arrive within ten business days.",
        "2001-05-10",
        "ten business days",
        "DURATION",
        "P10D",
        "'business days' are days",
    ),
    # "last <month> <day>": the day is the date, "last" picks its year and stays outside.
    (
        "The clinic was attacked last Oct. 23.",
        "2004-03-01",
        "Oct. 23",
        "DATE",
        "2003-10-23",
        "'last Oct. 23' is a day, not the month of October",
    ),
    (
        "She moved there last May 5.",
        "2004-03-01",
        "May 5",
        "DATE",
        "2003-05-05",
        "'last' sends a later month-day to the previous year",
    ),
    # A season of a spoken year.
    (
        "Prices peaked in the winter of nineteen ninety-four.",
        "1998-02-23",
        "the winter of nineteen ninety-four",
        "DATE",
        "1994-WI",
        "season + spoken year",
    ),
    # "by"/"until" point ahead, unless a past perfect says the day is over.
    (
        "Forty members had filed their reports by Wednesday.",
        "1990-08-16",
        "Wednesday",
        "DATE",
        "1990-08-15",
        "'had filed ... by Wednesday' looks back",
    ),
    (
        "Until Monday, the police had not named a suspect.",
        "2005-06-08",
        "Monday",
        "DATE",
        "2005-06-06",
        "'until Monday ... had not' looks back",
    ),
    (
        "The merger will close by Friday.",
        "2005-06-08",
        "Friday",
        "DATE",
        "2005-06-10",
        "'will ... by Friday' still looks ahead",
    ),
    (
        "The offer had been scheduled to expire Friday.",
        "1989-10-30",
        "Friday",
        "DATE",
        "1989-10-27",
        "'had been scheduled to': a plan seen from the past",
    ),
    # Approximators join an offset's span ("about two years ago"), not a bare amount's.
    (
        "The plant opened about two years ago.",
        "2005-06-08",
        "about two years ago",
        "DATE",
        "2003",
        "'about' is part of an offset",
    ),
    (
        "The war ended almost four years ago.",
        "1999-03-12",
        "almost four years ago",
        "DATE",
        "1995",
        "'almost' is part of an offset",
    ),
    (
        "The strike lasted about two weeks.",
        "2005-06-08",
        "two weeks",
        "DURATION",
        "P2W",
        "'about' stays outside a bare amount",
    ),
    (
        "The robbers fled around 7:15 p.m.",
        "2005-06-08",
        "around 7:15 p.m.",
        "TIME",
        "2005-06-08T19:15",
        "'around' joins a clock time",
    ),
    # Parts of day with "later"/"mid-" and after the day word.
    (
        "The minister will arrive later this afternoon.",
        "2005-06-08",
        "later this afternoon",
        "TIME",
        "2005-06-08TAF",
        "'later this afternoon' is one TIME",
    ),
    (
        "At mid-afternoon yesterday, shares were up two pence.",
        "2005-06-08",
        "mid-afternoon yesterday",
        "TIME",
        "2005-06-07TAF",
        "part of day before 'yesterday'",
    ),
    # A second day after "and"/"or" is a date of its own; a trailing year serves both.
    (
        "The summit will be held on April 24 and 25.",
        "1999-02-10",
        "25",
        "DATE",
        "1999-04-25",
        "the '25' of 'April 24 and 25'",
    ),
    (
        "The vote was set for March 3 or 4, 1998.",
        "1999-02-10",
        "March 3",
        "DATE",
        "1998-03-03",
        "the year after the second day belongs to the first",
    ),
    # Financial reports: "the latest quarter" is the one the story is on afterwards.
    (
        "Profit in the fourth quarter is expected to fall. Net income in the latest quarter rose "
        "to $5 million from $4 million a year ago.",
        "1989-11-02",
        "a year ago",
        "DATE",
        "1988-Q3",
        "'a year ago' after 'the latest quarter' is that quarter a year before",
    ),
    # "a year earlier" right after a day counts from that day.
    (
        "For the period ended Aug. 12, net rose to $9 million from $7 million a year earlier.",
        "1989-10-26",
        "a year earlier",
        "DATE",
        "1988-08-12",
        "'earlier' is anaphoric",
    ),
    (
        "He arrived on Monday. A year earlier, he had left Paris.",
        "1989-10-26",
        "A year earlier",
        "DATE",
        "1988-10-23",
        "'a year earlier' counts from the day named",
    ),
    # Other distances before: TimeML marks the distance as a DURATION, "earlier" left out
    # (issue 14; see test_news_classes.py).
    (
        "He arrived on Monday. Two days earlier, he had left Paris.",
        "1989-10-26",
        "Two days",
        "DURATION",
        "P2D",
        "'N days earlier' is the duration 'N days'",
    ),
    # A possessive weekday names a day by what happened on it: it looks back.
    (
        "Lawyers said they would appeal Wednesday's ruling.",
        "2000-01-07",
        "Wednesday",
        "DATE",
        "2000-01-05",
        "'Wednesday's ruling' is past even in a future clause",
    ),
]


@pytest.mark.parametrize(
    ("text", "dct", "exp_text", "exp_type", "exp_value", "why"),
    CASES,
    ids=[c[0][:40] for c in CASES],
)
def test_peer_rule(
    text: str, dct: str, exp_text: str, exp_type: str, exp_value: str, why: str
) -> None:
    found = [(t.text, t.type, t.value) for t in tag(text, dct=dct)]
    assert (exp_text, exp_type, exp_value) in found, f"{why}: {found}"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("A second group of investors joined the bid.", "'a second <noun>' is an ordinal"),
        ("It will be a second betrayal, she said.", "'a second <noun>' is an ordinal"),
        ("Banks hold more than a quarter of the market.", "'a quarter of the' is a fraction"),
        ("The fund owns a quarter of its shares.", "'a quarter of its' is a fraction"),
        ("On March 3 and 40 others the court ruled.", "no second day far from the first"),
    ],
)
def test_not_a_time(text: str, why: str) -> None:
    found = [t.text for t in tag(text, dct="2005-06-08")]
    assert not [f for f in found if "second" in f or "quarter" in f or f == "40"], why


@pytest.mark.parametrize(
    ("text", "exp_text", "exp_value"),
    [
        ("It took a second.", "a second", "PT1S"),
        ("A second later, the lights went out.", "A second", "PT1S"),
        ("The meeting lasted a quarter.", "a quarter", "P1Q"),
    ],
)
def test_units_still_found(text: str, exp_text: str, exp_value: str) -> None:
    assert (exp_text, exp_value) in [(t.text, t.value) for t in tag(text, dct="2005-06-08")]
