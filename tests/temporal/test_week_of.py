""" "the week of <day>" is that day's ISO week, spanning the whole phrase: a hearing "the week
of March 6" is not dated to the 6th. Sentences written for this test."""

import pytest

from timeline_app.temporal import tag

DCT = "2024-02-21"

# (sentence, expression, value, why)
CASES = [
    (
        "The appeal will be heard the week of March 4.",
        "the week of March 4",
        "2024-W10",
        "a week named by its Monday",
    ),
    (
        "Crews return the week of 7 January 2025.",
        "the week of 7 January 2025",
        "2025-W02",
        "a day in the middle of its week",
    ),
    (
        "Results came out that week of Jan. 1, 2021.",
        "that week of Jan. 1, 2021",
        "2020-W53",
        "ISO weeks cross the new year",
    ),
    ("The vote is set for March 4.", "March 4", "2024-03-04", "a day alone stays a day"),
    (
        "The day before last Tuesday's vote, he resigned.",
        "The day before last Tuesday",
        "2024-02-19",
        "the day before a day",
    ),
    (
        "Talks resumed the day after March 4, 2021.",
        "the day after March 4, 2021",
        "2021-03-05",
        "the day after a day",
    ),
]


@pytest.mark.parametrize(("sentence", "expression", "value", "why"), CASES)
def test_week_of(sentence: str, expression: str, value: str, why: str) -> None:
    found = [(t.text, t.value) for t in tag(sentence, dct=DCT)]
    assert (expression, value) in found, why
