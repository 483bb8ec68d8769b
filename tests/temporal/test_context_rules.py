"""Rules that follow the TIMEX3 guidelines where TimeBank's gold is split, and the tense and
anchoring cues that decide the direction of a weekday or a relative period.

Each case is a generic rephrasing of a sentence the rule came from.
"""

from __future__ import annotations

import pytest

from timeline_app.temporal import tag

# (text, dct, expected_text, expected_type, expected_value, why)
CASES = [
    # Parts of day on a named day are TIMEs valued with the part (TIMEX3: "Friday night").
    (
        "Rebels attacked the town on Wednesday night.",
        "2000-01-07",
        "Wednesday night",
        "TIME",
        "2000-01-05TNI",
        "weekday + night: a TIME with TNI, not the plain day",
    ),
    (
        "The commemorations began early Friday morning.",
        "2000-01-28",
        "early Friday morning",
        "TIME",
        "2000-01-28TMO",
        "weekday + morning on the DCT's own weekday",
    ),
    (
        "The mayor spoke on Wednesday evening.",
        "2000-03-29",
        "Wednesday evening",
        "TIME",
        "2000-03-29TEV",
        "evening: TEV",
    ),
    (
        "The club meets on Tuesday nights.",
        "1998-02-13",
        "Tuesday nights",
        "SET",
        "XXXX-WXX-2TNI",
        "a plural part of day makes a set",
    ),
    (
        "The ferry sails to the island on Friday and Saturday nights from June 1.",
        "2011-05-04",
        "Friday",
        "SET",
        "XXXX-WXX-5",
        "the plural of the last weekday of a pair makes the first recurring too",
    ),
    (
        "The museum opens late on Wednesdays and Thursdays.",
        "2011-05-04",
        "Wednesdays",
        "SET",
        "XXXX-WXX-3",
        "a plural weekday is a set",
    ),
    (
        "The unions struck on Monday and Tuesday.",
        "2011-05-04",
        "Monday",
        "DATE",
        "2011-05-02",
        "a pair of single weekdays stays a pair of days",
    ),
    # A vague stretch before or after now is a DATE; with a number or "the", a DURATION.
    (
        "In recent years, the town has grown.",
        "1989-10-26",
        "recent years",
        "DATE",
        "PAST_REF",
        "'recent <units>' is PAST_REF",
    ),
    (
        "Fighting has intensified in recent days.",
        "1998-03-08",
        "recent days",
        "DATE",
        "PAST_REF",
        "'recent days' is PAST_REF",
    ),
    (
        "Demand should recover in coming weeks.",
        "1989-10-27",
        "coming weeks",
        "DATE",
        "FUTURE_REF",
        "'coming <units>' is FUTURE_REF",
    ),
    (
        "Prices rose over the past few weeks.",
        "1998-02-06",
        "the past few weeks",
        "DURATION",
        "PXW",
        "with 'the' and a vague number it stays a DURATION",
    ),
    # Tense cues around a weekday.
    (
        "Officials announced that the father would be traveling to the United States Thursday.",
        "2000-04-05",
        "Thursday",
        "DATE",
        "2000-04-06",
        "a capitalised '-ed' word ('United') is not a past tense; 'would' points ahead",
    ),
    (
        "''He will leave at dawn Thursday,'' the minister said.",
        "2000-04-05",
        "Thursday",
        "DATE",
        "2000-04-06",
        "a reporting verb after the expression counts less than 'will' before it",
    ),
    (
        "The prosecutor has scheduled a news conference Thursday.",
        "1999-05-05",
        "Thursday",
        "DATE",
        "1999-05-06",
        "'scheduled' speaks of an arrangement for later",
    ),
    (
        "The ministers met Friday.",
        "2023-11-21",
        "Friday",
        "DATE",
        "2023-11-17",
        "a past verb before the weekday: the most recent one",
    ),
    (
        "The official said Tuesday that talks had failed.",
        "2023-11-21",
        "Tuesday",
        "DATE",
        "2023-11-21",
        "the DCT's own weekday in a past clause is the DCT",
    ),
    # Clock times: the zone stays out of the value; the day is the one the text is on.
    (
        "The offer expires at 5 p.m. EST on Nov. 9.",
        "1989-11-02",
        "5 p.m. EST on Nov. 9",
        "TIME",
        "1989-11-09T17:00",
        "local clock time, no UTC offset in the value",
    ),
    (
        "The attack happened at 9 p.m. local time Tuesday.",
        "2013-03-14",
        "9 p.m. local time Tuesday",
        "TIME",
        "2013-03-12T21:00",
        "'local time' between a clock time and its day still joins them",
    ),
    (
        "The blast occurred on Friday. It went off at 10:35 a.m.",
        "1998-08-08",
        "10:35 a.m.",
        "TIME",
        "1998-08-07T10:35",
        "a bare clock time is on the day last named",
    ),
    # Anaphoric periods count from the time the story is at.
    (
        "The bank failed in March 1989. The following month, it was sold.",
        "1989-10-27",
        "The following month",
        "DATE",
        "1989-04",
        "'the following month' after March 1989",
    ),
    (
        "The fire broke out on March 3. The next day, officials ordered an evacuation.",
        "1989-10-27",
        "The next day",
        "DATE",
        "1989-03-04",
        "'the next day' after March 3",
    ),
    (
        "He was arrested and released the following day.",
        "1989-10-27",
        "the following day",
        "DATE",
        "1989-10-28",
        "no day named before: from the DCT",
    ),
    # Days and parts of days named by the day the story is at: "that day", "the next morning".
    (
        "The dam burst on May 2, 2021. Earlier that day, engineers had warned the mayor.",
        "2021-06-10",
        "Earlier that day",
        "DATE",
        "2021-05-02",
        "'earlier that day': the day just named, not the DCT",
    ),
    (
        "The ferry sank on Sunday. Later that night, divers found the captain.",
        "2019-07-03",
        "Later that night",
        "TIME",
        "2019-06-30TNI",
        "'later that night': the evening of the Sunday just named",
    ),
    (
        "The vote was held on 14 March 2016. The next morning the result was challenged.",
        "2016-04-01",
        "The next morning",
        "TIME",
        "2016-03-15TMO",
        "'the next morning' after 14 March",
    ),
    (
        "The flood hit on 3 May. Rescuers arrived that night and worked until dawn.",
        "2021-06-01",
        "that night",
        "TIME",
        "2021-05-03TNI",
        "'that night' after a verb is the night of the day just named",
    ),
    (
        "The talks collapsed on April 9. The night before, both sides had met in secret.",
        "2020-05-01",
        "The night before",
        "TIME",
        "2020-04-08TNI",
        "'the night before' April 9",
    ),
    (
        "The premier toured the flooded towns and spoke to farmers later in the day.",
        "2022-08-11",
        "later in the day",
        "DATE",
        "2022-08-11",
        "no day named: 'later in the day' of a news story is its own day",
    ),
]


@pytest.mark.parametrize(
    ("text", "dct", "exp_text", "exp_type", "exp_value", "why"),
    CASES,
    ids=[c[0][:40] for c in CASES],
)
def test_context_rule(
    text: str, dct: str, exp_text: str, exp_type: str, exp_value: str, why: str
) -> None:
    found = [(t.text, t.type, t.value) for t in tag(text, dct=dct)]
    assert (exp_text, exp_type, exp_value) in found, why


@pytest.mark.parametrize(
    "text",
    [
        "She testified on the last day of the trial.",
        "The company offers next day delivery.",
    ],
)
def test_day_needs_an_anchoring_word(text: str) -> None:
    assert [t.text for t in tag(text, dct="2023-02-13") if "day" in t.text] == [], text


@pytest.mark.parametrize(
    "text",
    [
        "I still remember that day.",  # no day named before it: none to count from
        "He resigned the day after the election.",  # counted from a happening, not a day
        "She left that morning without a word.",
        "Prices fell on 3 May. The minister said that day care costs would rise.",
        "The plant closed on 3 May, so that night shifts ended.",
        "Staff met on 3 May at that day-care centre.",
    ],
)
def test_an_anaphoric_day_needs_a_day_named_before(text: str) -> None:
    found = [t.text for t in tag(text, dct="2023-02-13")]
    assert not [
        x for x in found if "day" in x.lower() or "night" in x.lower() or "morning" in x.lower()
    ], text
