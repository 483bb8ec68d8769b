"""FuzzyDate keeps precision, parts of periods and provenance."""

from datetime import date

import pytest

from timeline_app.model import DateError, FuzzyDate, Part, Precision

CASES = [
    # (iso, part, precision, start, end, label, why)
    (
        "2023-11-23",
        None,
        Precision.DAY,
        date(2023, 11, 23),
        date(2023, 11, 23),
        "23 November 2023",
        "a day covers itself",
    ),
    (
        "2022-01",
        "early",
        Precision.MONTH,
        date(2022, 1, 1),
        date(2022, 1, 10),
        "early January 2022",
        "early January stays a part of the month, never a day",
    ),
    (
        "2022-11",
        None,
        Precision.MONTH,
        date(2022, 11, 1),
        date(2022, 11, 30),
        "November 2022",
        "a month covers all its days",
    ),
    (
        "2024-02",
        "late",
        Precision.MONTH,
        date(2024, 2, 21),
        date(2024, 2, 29),
        "late February 2024",
        "late February ends on the leap day",
    ),
    (
        "2023",
        None,
        Precision.YEAR,
        date(2023, 1, 1),
        date(2023, 12, 31),
        "2023",
        "a year covers the whole year",
    ),
    (
        "2022",
        "late",
        Precision.YEAR,
        date(2022, 9, 1),
        date(2022, 12, 31),
        "late 2022",
        "late in a year is its last third",
    ),
]


SPANS = [
    # (iso, start, end, label, why)
    ("0602/0629", date(602, 1, 1), date(629, 12, 31), "602 – 629", "a war over years"),
    (
        "1920-01-05/1923-01-05",
        date(1920, 1, 5),
        date(1923, 1, 5),
        "5 January 1920 – 5 January 1923",
        "days apart, kept as days",
    ),
    (
        "2021/2022-03",
        date(2021, 1, 1),
        date(2022, 3, 31),
        "2021 – March 2022",
        "each end has its own precision",
    ),
]


@pytest.mark.parametrize(("iso", "part", "precision", "start", "end", "label", "why"), CASES)
def test_interval_and_label(iso, part, precision, start, end, label, why):
    d = FuzzyDate.from_iso(iso, part=part)
    assert (d.precision, d.start, d.end, d.label(), d.iso()) == (
        precision,
        start,
        end,
        label,
        iso,
    ), why


@pytest.mark.parametrize(
    ("fields", "why"),
    [
        ((2023, 2, 30), "30 February does not exist"),
        ((2023, 13), "no month 13"),
        ((0,), "no year 0"),
        ((2023, None, 5), "a day without a month"),
    ],
)
def test_impossible_dates_raise_date_error(fields, why):
    with pytest.raises(DateError):
        FuzzyDate(*fields)


@pytest.mark.parametrize("text", ["", "2023-1", "23.11.2023", "2023-11-23T10:00", "yesterday"])
def test_from_iso_rejects_other_forms(text):
    with pytest.raises(DateError):
        FuzzyDate.from_iso(text)


def test_inferred_is_described_and_kept():
    d = FuzzyDate(2023, 2, 13).with_inferred()
    assert d.inferred and d.describe() == "13 February 2023 (day precision, inferred from context)"
    assert (
        FuzzyDate(2022, 1, part=Part.EARLY).describe()
        == "early January 2022 (month precision, early part)"
    )


def test_contains():
    assert FuzzyDate(2022, 1).contains(FuzzyDate(2022, 1, 5))
    assert not FuzzyDate(2022, 1, part=Part.EARLY).contains(FuzzyDate(2022, 1, 15))


def test_part_given_as_text_becomes_a_part():
    d = FuzzyDate(2022, 1, part="early")
    assert d.part is Part.EARLY and d.describe().startswith("early January 2022")
    with pytest.raises(ValueError):
        FuzzyDate(2022, 1, part="sometime")


@pytest.mark.parametrize(("iso", "start", "end", "label", "why"), SPANS)
def test_span_keeps_both_ends(iso, start, end, label, why):
    d = FuzzyDate.from_iso(iso)
    assert d.is_span and (d.start, d.end, d.label(), d.iso()) == (start, end, label, iso), why
    assert FuzzyDate.from_iso(d.iso()) == d, "the ISO form reads back"
    assert d.first == FuzzyDate.from_iso(iso.split("/")[0]) and not d.first.is_span
    assert d.contains(d.first) and d.contains(d.to)


@pytest.mark.parametrize(
    ("iso", "why"),
    [
        ("2020/2019", "ends before it starts"),
        ("2020/2020", "ends where it starts"),
        ("2020-05/2020", "its end is inside its start"),
    ],
)
def test_span_must_end_later(iso, why):
    with pytest.raises(DateError):
        FuzzyDate.from_iso(iso)


def test_spans_sort_by_the_interval_they_cover():
    dates = [FuzzyDate.from_iso(t) for t in ("1921", "1920-01-05/1923-01-05", "1920-01-05")]
    assert [d.iso() for d in sorted(dates)] == ["1920-01-05", "1920-01-05/1923-01-05", "1921"]
