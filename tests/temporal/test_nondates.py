"""Numbers that only look like dates: amounts, measures, references, code, addresses, phone
numbers, scores, UTC offsets and video lengths are no timexes; real dates beside them still are.

Sentences written for these tests (web-page shapes, invented content).
"""

from __future__ import annotations

import pytest

from timeline_app.temporal import tag
from timeline_app.temporal.masks import masked_spans, overlaps
from timeline_app.temporal.nondates import not_a_year

DCT = "2021-06-15"

# (text, expressions that must not be found, why)
NOT_DATES = [
    ("The repair bill came to 1600 Euro in the end.", ["1600"], "an amount in euros"),
    (
        "She mailed a Christmas card to every neighbour.",
        ["Christmas"],
        "a holiday naming a kind of thing, not a day",
    ),
    (
        "The shop window was full of Easter eggs and Christmas sweaters.",
        ["Christmas"],
        "a holiday before a plural noun of things",
    ),
    ("A used scooter sells for $2000 at the market.", ["2000"], "a price after a currency sign"),
    ("She paid US$ 1999 for the flight.", ["1999"], "a currency code and a space"),
    ("The convoy covered 2000 km across the desert.", ["2000"], "a distance"),
    ("Organisers counted 1500 people outside the hall.", ["1500"], "a count of people"),
    ("Around 2000 protesters filled the square.", ["2000"], "a quantifier before a count"),
    ("Roughly 1900 ballots arrived late.", ["1900"], "a quantifier, then a noun"),
    ("The display shows 1800 x 1920 dots per eye.", ["1800", "1920"], "a resolution"),
    ("Sales grew 2000 percent in a decade.", ["2000"], "a percentage"),
    ("The details are in vol. 12, p. 1998 of the annals.", ["1998"], "a page number"),
    (
        "See pp. 1850 of the report and No. 1921 of the series.",
        ["1850", "1921"],
        "pages and numbers",
    ),
    ("The study ran in Nature 523, 112-115 that month.", ["523", "112", "115"], "volume and pages"),
    ("Updated {{ item.lastUpdateTime*1000 | date }} by staff.", ["1000"], "template code"),
    ("The script divides ms by width=1920 and height=1080 first.", ["1920"], "code"),
    ("Read it at https://news.example.org/2019/05/12/flood.html today.", ["2019"], "a URL"),
    ("Mirror: www.example.com/archive/2018/report for details.", ["2018"], "a web address"),
    ("Logs are kept in /var/log/2017/app.log on the server.", ["2017"], "a file path"),
    ("Write to desk2015@example.com with questions.", ["2015"], "an e-mail address"),
    ("The photo file is harbour-2016.jpg in the gallery.", ["2016"], "a file name"),
    ("Call +49 30 2000 1998 for tickets.", ["2000", "1998"], "an international number"),
    ("The hotline (212) 555-1999 is open.", ["1999"], "a number with an area code"),
    ("Tel. 030 1987 2020 for the box office.", ["1987", "2020"], "after Tel."),
    ("The home side won 21:14 against the visitors.", ["21:14"], "a score"),
    ("They lost the final 23:20 after extra time.", ["23:20"], "a score after 'lost'"),
    ("All times are AEST (GMT +10:00).", ["10:00"], "a UTC offset"),
    ("Duration Time 0:46", ["0:46"], "a video player's length"),
    ("Highlights of the match\n02:04\nNext clip", ["02:04"], "a video length on its own line"),
    ("Firefox 3.6.28 fixed the crash.", ["3.6.28"], "a software version"),
    ("Update the app to version 2.10.15 first.", ["2.10.15"], "a version after 'version'"),
    ("The station Caracol 1260 plays music.", ["1260"], "a number outside 1800-2100"),
    ("Babelia 1001 is a section name.", ["1001"], "no year cue before 1001"),
    ("Subscribe to New York Today for the news.", ["Today"], "part of a name"),
    ("It was published in the journal Current Biology.", ["Current"], "a journal's name"),
    ("Get the latest from Medical News Today each morning.", ["Today"], "a site's name"),
    ("On the sofa with June Sarpong this week.", ["June"], "a month that is a first name"),
]


@pytest.mark.parametrize(("text", "absent", "why"), NOT_DATES)
def test_not_a_date(text: str, absent: list[str], why: str) -> None:
    found = [t.text for t in tag(text, dct=DCT)]
    for word in absent:
        assert not any(word in f for f in found), f"{why}: {found}"


# (text, expected (text, value) pairs that must be found, why)
STILL_DATES = [
    (
        "The family met again at Christmas after years apart.",
        [("Christmas", "2020-12-25")],
        "a holiday as a time",
    ),
    (
        "The bridge opened in 1492 after long delays.",
        [("1492", "1492")],
        "'in' makes an early number a year",
    ),
    ("The firm has existed since 1066.", [("1066", "1066")], "'since' too"),
    ("In 2015 people voted for change.", [("2015", "2015")], "'in' before a count noun"),
    ("Costs are given in 1990 dollars.", [("1990", "1990")], "constant dollars name a year"),
    ("The 2015 season ended in a draw.", [("2015", "2015")], "before 'season'"),
    ("The U.S. 2000 census counted everyone.", [("2000", "2000")], "'U.S.' is no 'S.'"),
    ("Prices rose sharply in 1998.", [("1998", "1998")], "a plain year"),
    (
        "The vote was held on 1.2.2015 in Bonn.",
        [("1.2.2015", "2015-02-01")],
        "a dotted date with no version word before it",
    ),
    ("For the firm, 2015 marks a turning point.", [("2015", "2015")], "'marks' the verb"),
    ("Sales rose to 2008 levels last spring.", [("2008", "2008")], "a comparison with a year"),
    ("Exports grew 5% over 2014 levels.", [("2014", "2014")], "'over' a year's levels"),
    (
        "The vote was held on Oct. 9, 2010 - 7:28 AM EST",
        [("7:28 AM EST", "2010-10-09T07:28")],
        "a dash before a clock is no UTC offset",
    ),
    (
        "The polls close at 8 p.m. on Tuesday.",
        [("8 p.m. on Tuesday", "2021-06-15T20:00")],
        "a time of day on its day",
    ),
    (
        "He won the vote at 10:30 on Monday.",
        [("10:30 on Monday", "2021-06-14T10:30")],
        "'won' before 'at' is no score",
    ),
    ("In June Apple released a phone.", [("June", "2021-06")], "a month after 'in'"),
    (
        "Published Friday 25 December 2015 by the desk.",
        [("Friday 25 December 2015", "2015-12-25")],
        "weekday, day, month and year as one",
    ),
    (
        "Posted Thu 3 Jan 2019 by the editors.",
        [("Thu 3 Jan 2019", "2019-01-03")],
        "an abbreviated weekday before the day",
    ),
    (
        "Tue, Dec 30 2014: the search goes on.",
        [("Tue, Dec 30 2014", "2014-12-30")],
        "an abbreviated weekday before the month",
    ),
    (
        "Listen to the bulletin for Tuesday 22 June.",
        [("Tuesday 22 June", "2021-06-22")],
        "the weekday joins the date, not the week before",
    ),
    (
        "The show airs on Monday 21 November.",
        [("Monday 21 November", "2022-11-21")],
        "the weekday picks the year: 21 November 2022 was a Monday",
    ),
    (
        "The alarm went off 49 minutes ago.",
        [("49 minutes ago", "2021-06-15")],
        "minutes back stay on the same day, not 49 days back",
    ),
    (
        "The plane landed 36 hours ago.",
        [("36 hours ago", "2021-06-14")],
        "36 hours before midday is the day before",
    ),
    ("Today the market fell.", [("Today", "2021-06-15")], "a capital at the sentence start"),
    ("The bank said it will act soon.", [("soon", "FUTURE_REF")], "lower case is no name"),
]


@pytest.mark.parametrize(("text", "expected", "why"), STILL_DATES)
def test_still_a_date(text: str, expected: list[tuple[str, str]], why: str) -> None:
    found = [(t.text, t.value) for t in tag(text, dct=DCT)]
    for pair in expected:
        assert pair in found, f"{why}: {found}"


# A clock right after a year or month whose day we could not read has no day we know.
CLOCKS_AFTER_UNREAD_DAYS = [
    ("Mis à jour le 1 mars 2019 à 15:20", "15:20", "a French date: year, 'à', clock"),
    ("Aktualisiert 24. Dezember 2014,\n10:10", "10:10", "a comma, a line break, then the clock"),
    ("Updated November 2022, 10:00", "10:00", "a month without its day"),
]


@pytest.mark.parametrize(("text", "clock", "why"), CLOCKS_AFTER_UNREAD_DAYS)
def test_clock_after_an_unread_day_is_dropped(text: str, clock: str, why: str) -> None:
    assert clock not in [t.text for t in tag(text, dct=DCT)], why


def test_clock_on_its_own_line_after_a_year_ending_a_headline_stays() -> None:
    text = "Ruling on the 1994 attack\n11:14\nNext item"
    assert ("11:14", "TIME") in [(t.text, t.type) for t in tag(text, dct=DCT)]


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("see https://example.org/a/2019/x.html now", "2019"),
        ("mail desk@example.com now", "desk"),
        ("call (040) 1234-5678 now", "1234"),
        ("var t = {{ x*1000 }} ms", "1000"),
    ],
)
def test_masked_spans_cover_addresses_and_code(text: str, inside: str) -> None:
    i = text.index(inside)
    assert overlaps(masked_spans(text), i, i + len(inside))


@pytest.mark.parametrize("text", ["on 10/9/10 at noon", "in 2014/15 and 1998", "and/or 2015"])
def test_masked_spans_leave_dates_alone(text: str) -> None:
    assert masked_spans(text) == []


@pytest.mark.parametrize(
    ("before", "year", "after", "expected"),
    [
        ("costs $", "2000", " in total", True),
        ("resolution of ", "1800", " x 1920", True),
        ("happened in ", "1800", " when", False),
        ("happened around ", "2000", ", when", False),
        ("just ", "1600", " or so", True),
        ("set up a joint venture called Orion ", "1980", ", making parts", True),
        ("a reform plan named Vision ", "2030", " was", True),
        ("an exhibition titled The Paris of ", "1900", " opened", False),
        ("the company, called Acme since ", "1990", ", grew", False),
    ],
)
def test_not_a_year(before: str, year: str, after: str, expected: bool) -> None:
    text = before + year + after
    assert not_a_year(text, len(before), len(before) + 4, int(year)) is expected
