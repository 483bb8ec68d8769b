"""`events --format json` streams its records one by one, and what it writes is exactly what
the whole-document writer gives: no events, events, eras, a name that is not UTF-8."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from timeline_app.formats.reading import read_data_file
from timeline_app.formats.writing import data_bytes, stream_json, write_data
from timeline_app.model import Document, Era, Event, FuzzyDate, Source, Timeline, TimeNote

EXAMPLES = Path(__file__).parent / "data" / "timelinejs3"


def _small(name: str = "a.txt") -> Timeline:
    text = "Ferry news\n\nThe ferry sailed on 3 May 2021.\n"
    doc = Document(name, Path("x"), text, "Ferry news")
    date = FuzzyDate(2021, 5, 3)
    start = text.index("The")
    events = [
        Event(
            "e1",
            "Ferry sailed",
            date,
            [Source(name, start, len(text) - 1, start + 23, start + 33, "3 May 2021", date)],
        )
    ]
    return Timeline({name: doc}, events, name="ferries")


def _full(name: str = "a.txt") -> Timeline:
    """Every field an event record has, filled: several sources on two dates from two outlets
    (date support), time context, a wire family, the analyst's marks, an edit."""
    text = "Ferry news\n\nThe ferry sailed on 3 May 2021, a week after the 26 April deadline.\n"
    other = "Port news\n\nThe ferry left port on 4 May 2021.\n"
    docs = {
        name: Document(name, Path("x"), text, "Ferry news", outlet="Coast Times"),
        "b.txt": Document("b.txt", Path("y"), other, "Port news", outlet="Harbour Post"),
    }
    start, b_start = text.index("The"), other.index("The")
    note = TimeNote(text.index("26"), text.index("26") + 8, "the 26 April deadline", "deadline")
    sources = [
        Source(name, start, len(text) - 1, start + 23, start + 33, "3 May 2021",
               FuzzyDate(2021, 5, 3), context=(note,), wire="w1"),
        Source("b.txt", b_start, len(other) - 1, b_start + 26, b_start + 36, "4 May 2021",
               FuzzyDate(2021, 5, 4, inferred=True), planned=True),
    ]  # fmt: skip
    event = Event(
        "e1", "Ferry sailed", FuzzyDate(2021, 5, 3), sources, actors=["Ferry Co"],
        edited={"title", "date"}, starred=True, tags=["ferries", "May"], note="Check <b>",
    )  # fmt: skip
    return Timeline(docs, [event], name="ferries")


def _shared_dates() -> Timeline:
    """Sources that share one date object (as a merged corpus's do), one that has an equal
    date of its own, and one on another day: each source is written with its own date."""
    t = _small()
    doc, (event,) = t.documents["a.txt"], t.events
    shared, s = FuzzyDate(2021, 5, 3), event.sources[0]

    def source(date: FuzzyDate) -> Source:
        return Source("a.txt", s.start, s.end, s.date_start, s.date_end, s.date_text, date)

    others = [
        Event(f"e{k}", "Ferry sailed", date, [source(date), source(shared)])
        for k, date in enumerate([shared, FuzzyDate(2021, 5, 3), FuzzyDate(2021, 5, 4)], 2)
    ]
    return Timeline({"a.txt": doc}, [event, *others], name="ferries")


def _with_eras() -> Timeline:
    t = _small()
    t.eras = [Era("Spring sailings", FuzzyDate(2021, 3).span_to(FuzzyDate(2021, 5)))]
    return t


def _examples() -> Timeline:
    return read_data_file(EXAMPLES / "src" / "template" / "eras.json")


CASES = [
    (Timeline(), "no events"),
    (_small(), "one event"),
    (_small("caf\udce9.txt"), "a file name that is not UTF-8"),
    (_with_eras(), "eras: the document form"),
    (_full(), "every field of a record filled (written without a search for floats)"),
    (_shared_dates(), "sources sharing a date object, and equal or other dates of their own"),
]


@pytest.mark.parametrize(("timeline", "why"), CASES, ids=[c[1] for c in CASES])
def test_streamed_equals_whole(timeline, why, tmp_path):
    out = io.StringIO()
    stream_json(timeline, out.write)
    assert out.getvalue().encode("utf-8") == data_bytes(timeline, "json"), why
    path = write_data(timeline, "json", tmp_path / "e.json")
    assert path.read_bytes() == data_bytes(timeline, "json"), why


def test_streamed_example_with_eras_reads_back(tmp_path):
    timeline = _examples()
    path = write_data(timeline, "json", tmp_path / "eras.json")
    back = read_data_file(path)
    assert [e.title for e in back.events] == [e.title for e in timeline.events if not e.hidden]
    assert [era.label for era in back.eras] == [era.label for era in timeline.eras]
