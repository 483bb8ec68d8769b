"""Malformed data in files we read (issue 10, points 5, 8, 9): each bad file, record or line is
named with its reason and the rest loads. Run through the real CLI: named on stderr, the seed
events intact, exit 0 when anything loaded, never a traceback."""

import json
from pathlib import Path

import pytest

from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.temporal.jsonl import tag_jsonl, tag_jsonl_file

from .seed import run_cli, seed_copy

DEEP = "[" * 100_000


def events_of(out) -> list[dict]:
    assert "Traceback" not in out.stderr, out.stderr
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def said(out, where: str, reason: str) -> bool:
    """Whether stderr names `where` with `reason` in one line of ours."""
    return any(
        line.startswith(f"timeline-app: skipped {where}: ") and reason in line
        for line in out.stderr.splitlines()
    )


@pytest.fixture(scope="module")
def seed_events(tmp_path_factory):
    """(date, title) of the seed events, with the manifest and without it."""
    base = tmp_path_factory.mktemp("seed")
    found = {}
    for kind, manifest in (("seed", True), ("bare", False)):
        out = run_cli("events", seed_copy(base / kind, manifest=manifest))
        found[kind] = {(e["date"], e["title"]) for e in events_of(out)}
    assert len(found["seed"]) == 8
    return found


# -- beside the seed articles -----------------------------------------------------------


def sentence(day: int) -> str:
    """A sentence that makes an event of its own (a day of 2019: no seed event is there)."""
    return (
        f"Belarusian President Alexander Lukashenko met with CSTO Secretary General "
        f"Imangali Tasmagambetov in Minsk on {day} March 2019."
    )


def meeting(day: int) -> str:
    """An article of that sentence (with a first line, which is its title when none is
    given, and a title dates nothing)."""
    return f"Meeting in Minsk\n\n{sentence(day)}\n"


def jsonl(*records) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in records) + "\n"


XHTML = f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
 "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>Meeting in Minsk</title></head>
<body><nav><a href="/">Home</a></nav>
<article><h1>Meeting in Minsk</h1><p>{sentence(5)}</p></article>
</body></html>
"""


def with_entry(entry, name: str = "extra.txt") -> dict:
    """The seed manifest plus an entry for `name`."""
    manifest = json.loads((SHIPPED_CORPUS / "manifest.json").read_text())
    manifest["documents"][name] = entry
    return manifest


FOLDER_CASES = [  # (id, files added or replaced, [(where, reason)], dates loaded, seed, why)
    (
        "deep-article",
        {"deep.json": DEEP},
        [("deep.json", "JSON nested too deeply")],
        [],
        "seed",
        "an article .json of [ x 100,000 is named; the folder loads",
    ),
    (
        "deep-timelinejs",
        {"tl.json": '{"events": [{"start_date": {"year": 2019}, "x": ' + DEEP + "}]}"},
        [("tl.json", "JSON nested too deeply")],
        [],
        "seed",
        "so is a TimelineJS file in the folder",
    ),
    (
        "deep-manifest",
        {"manifest.json": DEEP},
        [("manifest.json", "cannot read manifest.json: JSON nested too deeply")],
        [],
        "bare",
        "a manifest nested too deeply is named and the articles load without it",
    ),
    (
        "deep-jsonl-line",
        {"many.jsonl": jsonl({"text": meeting(1)}, DEEP, {"text": meeting(3)})},
        [("many.jsonl", "line 2: JSON nested too deeply")],
        ["2019-03-01", "2019-03-03"],
        "seed",
        "a JSON Lines file loses only its deep line",
    ),
    (
        "jsonl-wrong-types",
        {
            "many.jsonl": jsonl(
                {"text": meeting(1)},
                "[1,2]",
                {"text": ["not", "text"]},
                '"a string"',
                '{"text": "x", "n": ' + "9" * 5000 + "}",
                {"text": meeting(7)},
            )
        },
        [
            (
                "many.jsonl",
                "line 2: not an object (a list); line 3: text is not a string (a list); "
                "line 4: not an object ('a string') (and 1 more)",
            )
        ],
        ["2019-03-01", "2019-03-07"],
        "seed",
        "one named problem per bad line, the rest load",
    ),
    (
        "json-wrong-fields",
        {
            "one.json": json.dumps(
                {"title": {"a": 1}, "date": 20190305, "url": ["u"], "text": meeting(5)}
            )
        },
        [
            (
                "one.json",
                "title is not a string (an object); url is not a string (a list); "
                "date is not a string (20190305); ignored",
            )
        ],
        ["2019-03-05"],
        "seed",
        "fields of the wrong type are named and ignored, the text loads",
    ),
    (
        "lone-surrogate",
        {"one.json": '{"title": "x\\ud800", "text": "' + sentence(6) + ' \\ud800"}'},
        [],
        ["2019-03-06"],
        "seed",
        "a lone surrogate escape cannot break the output",
    ),
    (
        "xhtml",
        {"meeting.html": XHTML},
        [],
        ["2019-03-05"],
        "seed",
        "an XHTML page with an XML declaration loads its text and its events",
    ),
    (
        "manifest-wrong-types",
        {
            "extra.txt": meeting(8),
            "manifest.json": json.dumps(
                with_entry({"title": 5, "outlet": {"a": 1}, "language": ["en"]})
            ),
        },
        [
            (
                "manifest.json",
                "entry 'extra.txt': title is not a string (5); outlet is not a string "
                "(an object); language is not a string (a list); ignored",
            )
        ],
        ["2019-03-08"],
        "seed",
        "a dict outlet never reaches the output; the rest applies",
    ),
    (
        "manifest-published-shapes",
        {
            "extra.txt": meeting(9),
            "manifest.json": json.dumps(
                with_entry({"title": "Fine", "published": {"date": 20190309, "note": "n"}})
            ),
        },
        [
            (
                "manifest.json",
                "entry 'extra.txt': published: date is not a string (20190309); ignored",
            )
        ],
        ["2019-03-09"],
        "seed",
        "a published date that is no date string is named",
    ),
    (
        "manifest-published-month-13",
        {
            "extra.txt": meeting(10),
            "manifest.json": json.dumps(with_entry({"published": "2019-13"})),
        },
        [("manifest.json", "entry 'extra.txt': published: no month 13; ignored")],
        ["2019-03-10"],
        "seed",
        "an impossible publication date no longer refuses the manifest",
    ),
    (
        "manifest-entry-not-object",
        {"extra.txt": meeting(11), "manifest.json": json.dumps(with_entry(7))},
        [("manifest.json", "entry 'extra.txt' is not an object (7); ignored")],
        ["2019-03-11"],
        "seed",
        "an entry that is not an object is named",
    ),
    (
        "manifest-bad-language-and-name",
        {
            "extra.txt": meeting(12),
            "manifest.json": json.dumps(
                dict(with_entry({"language": "not a language!"}), name={"x": 1})
            ),
        },
        [
            ("manifest.json", "name is not a string (an object); ignored"),
            (
                "manifest.json",
                "entry 'extra.txt': language 'not a language!' is not a language code; ignored",
            ),
        ],
        ["2019-03-12"],
        "seed",
        "the name and a language that is no code are named",
    ),
    (
        "manifest-nul-name",
        {"manifest.json": json.dumps(with_entry({}, name="a\u0000b.txt"))},
        [("manifest.json", "entry 'a\\x00b.txt' is not a file name; refused")],
        [],
        "seed",
        "a name no file can have is refused, not a crash",
    ),
]


@pytest.mark.parametrize(
    ("files", "problems", "dates", "seed", "why"),
    [c[1:] for c in FOLDER_CASES],
    ids=[c[0] for c in FOLDER_CASES],
)
def test_bad_data_beside_the_seed_is_named_and_the_rest_loads(
    tmp_path, seed_events, files, problems, dates, seed, why
):
    folder = seed_copy(tmp_path / "corpus", manifest=seed == "seed")
    for name, content in files.items():
        (folder / name).write_text(content, encoding="utf-8")
    out = run_cli("events", folder)
    events = events_of(out)
    for where, reason in problems:
        assert said(out, where, reason), (why, out.stderr)
    got = {(e["date"], e["title"]) for e in events}
    assert seed_events[seed] <= got, why
    added = sorted(e["date"] for e in events if (e["date"], e["title"]) not in seed_events[seed])
    assert added == dates, (why, out.stderr)
    assert not any(isinstance(e["group"], dict) for e in events)
    if not problems:
        assert not [line for line in out.stderr.splitlines() if "skipped" in line], why


def test_an_xhtml_page_keeps_its_text():
    from timeline_app.ingest.readers import read_articles

    article = read_articles(Path("meeting.html"), "meeting.html", XHTML.encode())[0]
    assert sentence(5) in article.text
    assert article.text.startswith("Home\nMeeting in Minsk"), "lines still break at blocks"


# -- data files: our event JSON, TimelineJS JSON and CSV ---------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The seed's events as our JSON and as TimelineJS JSON."""
    folder = seed_copy(tmp_path_factory.mktemp("export") / "corpus")
    return {
        fmt: events_of(run_cli("events", folder, "--format", fmt)) for fmt in ("json", "timelinejs")
    }


def drop(key, source=False):
    def change(r):
        del (r["sources"][0] if source else r)[key]

    return change


def set_source(key, value):
    return lambda r: r["sources"][0].__setitem__(key, value)


EVENT_CASES = [  # (id, change to a copy of a good record, reason, why)
    (
        "sources-5",
        lambda r: r.__setitem__("sources", 5),
        "sources is not a list (5)",
        "a number where the list belongs",
    ),
    (
        "source-start-abc",
        set_source("start", "abc"),
        "source 1: start is not a number ('abc')",
        "an offset that is no number",
    ),
    (
        "source-start-1e400",
        set_source("start", "1e400"),
        "source 1: start is out of range (infinite)",
        "an offset that overflows (written raw)",
    ),
    (
        "source-start-1.5",
        set_source("start", 1.5),
        "source 1: start is not a whole number (1.5)",
        "an offset between characters",
    ),
    (
        "source-end-before-start",
        set_source("end", 0),
        "source 1: end (0) is before start",
        "a sentence that ends before it starts",
    ),
    (
        "source-not-object",
        lambda r: r.__setitem__("sources", [3]),
        "sources item 1 is not an object (3)",
        "a source that is no object",
    ),
    ("source-no-file", drop("file", source=True), "source 1: no file", "a source without its file"),
    (
        "source-context-bad",
        set_source("context", [{"start": "x"}]),
        "source 1: context 1: start is not a number ('x')",
        "a context note with a bad offset",
    ),
    (
        "event-start-abc",
        lambda r: r.__setitem__("start", "abc"),
        "start is not a date of the form 2023-11-23 ('abc')",
        "the interval's first day",
    ),
    ("no-title", drop("title"), "no title", "a missing title"),
    (
        "title-list",
        lambda r: r.__setitem__("title", ["t"]),
        "title is not a string (a list)",
        "a title that is a list",
    ),
    ("no-date", drop("date"), "no date", "a record without its date"),
    (
        "date-13",
        lambda r: r.update(date="2023-13", precision="month"),
        "no month 13",
        "a month that does not exist",
    ),
    (
        "precision-week",
        lambda r: r.__setitem__("precision", "week"),
        "precision is not one of year, month, day ('week')",
        "a precision we do not have",
    ),
    (
        "part-first",
        lambda r: r.__setitem__("part", "first"),
        "part is not one of early, mid, late ('first')",
        "a part we do not have",
    ),
    (
        "inferred-yes",
        lambda r: r.__setitem__("inferred", "yes"),
        "inferred is not true or false ('yes')",
        "a flag that is a string",
    ),
    (
        "group-object",
        lambda r: r.__setitem__("group", {"a": 1}),
        "group is not a string (an object)",
        "an unhashable lane",
    ),
    (
        "actors-object",
        lambda r: r.__setitem__("actors", {"a": 1}),
        "actors is not a list (an object)",
        "actors that are no list",
    ),
    (
        "actors-item",
        lambda r: r.__setitem__("actors", ["a", 5]),
        "actors item 2 is not a string (5)",
        "an actor that is a number",
    ),
    (
        "id-list",
        lambda r: r.__setitem__("id", [1]),
        "id is not a string (a list)",
        "an id that is a list",
    ),
    (
        "edited-5",
        lambda r: r.__setitem__("edited", 5),
        "edited is not a list (5)",
        "edits that are no list",
    ),
    ("not-object", lambda r: [r], "not an object (a list)", "a record that is a list"),
]


def with_bad_copies(good: list, cases: list) -> list:
    """`good`, then a changed copy of one of them per case (numbered len(good) + 1, ...)."""
    bad = []
    for k, (_, change, _, _) in enumerate(cases):
        record = json.loads(json.dumps(good[k % len(good)]))
        new = change(record)  # None: changed in place
        bad.append(record if new is None else new)
    return good + bad


def test_each_bad_event_record_is_named_and_the_others_load(tmp_path, exported):
    """One file holds the seed's records and a bad copy per case: one CLI run for them all."""
    records = with_bad_copies(exported["json"], EVENT_CASES)
    path = tmp_path / "events.json"
    path.write_text(json.dumps(records).replace('"1e400"', "1e400"))
    out = run_cli("events", path)
    events = events_of(out)
    n = len(exported["json"])
    for k, (case, _, reason, why) in enumerate(EVENT_CASES, n + 1):
        assert said(out, f"events.json, record {k}", f"left out: {reason}"), (case, why)
    assert len(out.stderr.splitlines()) == len(EVENT_CASES), "one problem per bad record"
    assert [(e["date"], e["title"]) for e in events] == [
        (r["date"], r["title"]) for r in exported["json"]
    ]


def set_slide(key, value):
    return lambda s: s.__setitem__(key, value)


SLIDE_CASES = [  # (id, change to a copy of a good slide, reason, why)
    (
        "group-object",
        set_slide("group", {"a": 1}),
        "group is not a string (an object)",
        "an unhashable lane",
    ),
    (
        "unique-id-list",
        set_slide("unique_id", [1]),
        "unique_id is not a string (a list)",
        "an id that is a list",
    ),
    (
        "text-string",
        set_slide("text", "plain"),
        "text is not an object ('plain')",
        "text that is no object",
    ),
    (
        "headline-list",
        lambda s: s["text"].__setitem__("headline", ["h"]),
        "headline is not a string (a list)",
        "a headline that is a list",
    ),
    ("media-5", set_slide("media", 5), "media is not an object (5)", "media that is a number"),
    (
        "year-abc",
        lambda s: s["start_date"].__setitem__("year", "abc"),
        "not a number: 'abc'",
        "a year that is no number",
    ),
    (
        "year-list",
        lambda s: s["start_date"].__setitem__("year", [2020]),
        "not a number: a list",
        "a year that is a list",
    ),
    (
        "end-date-5",
        set_slide("end_date", 5),
        "end_date is not an object (5)",
        "an end date that is a number",
    ),
    (
        "display-date-object",
        set_slide("display_date", {"a": 1}),
        "display_date is not a string (an object)",
        "a display date that is an object",
    ),
]


def test_each_bad_timelinejs_slide_is_named_and_the_others_load(tmp_path, exported):
    good = exported["timelinejs"]["events"]
    doc = dict(exported["timelinejs"], events=with_bad_copies(good, SLIDE_CASES))
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(doc))
    out = run_cli("events", path)
    events = events_of(out)
    for k, (case, _, reason, why) in enumerate(SLIDE_CASES, len(good) + 1):
        assert said(out, f"timeline.json, slide {k}", f"left out: {reason}"), (case, why)
    assert len(out.stderr.splitlines()) == len(SLIDE_CASES), "one problem per bad slide"
    assert len(events) == len(good)


def test_a_bad_title_slide_is_named_and_the_slides_load(tmp_path, exported):
    doc = dict(exported["timelinejs"], title={"text": {"headline": {"x": 1}}})
    path = tmp_path / "timeline.json"
    path.write_text(json.dumps(doc))
    out = run_cli("events", path)
    assert len(events_of(out)) == len(doc["events"])
    assert said(out, "timeline.json, title", "not used: headline is not a string (an object)")


DEEP_FILES = [  # (id, file name, content, why)
    (
        "timelinejs",
        "tl.json",
        '{"events": [{"start_date": {"year": 2019}}, ' + DEEP + "]}",
        "a TimelineJS file nested too deeply",
    ),
    (
        "event-json",
        "events.json",
        '[{"date": "2019", "precision": "year", "x": ' + DEEP + "}]",
        "our event JSON nested too deeply",
    ),
]


@pytest.mark.parametrize(
    ("name", "content", "why"), [c[1:] for c in DEEP_FILES], ids=[c[0] for c in DEEP_FILES]
)
def test_a_data_file_nested_too_deeply_is_named_in_one_line(tmp_path, name, content, why):
    path = tmp_path / name
    path.write_text(content)
    out = run_cli("events", path)
    assert out.returncode == 1 and "Traceback" not in out.stderr, why
    assert out.stderr.strip().splitlines() == [
        f"timeline-app: {path}: nothing could be loaded ({name}: JSON nested too deeply)"
    ]


def test_a_timelinejs_sheet_reads_long_fields_and_names_the_too_long(tmp_path):
    import csv

    rows = [
        ["Year", "Month", "Day", "Headline", "Text", "Type"],
        ["", "", "", "Sheet", "", "title"],
        ["2019", "3", "1", "Short", "ok", ""],
        ["2019", "3", "2", "Long", "y" * 200_000, ""],  # over csv's own 128 KB limit
        ["2019", "3", "3", "Too long", "z" * (5 * 2**20), ""],
        ["2019", "3", "4", "After", "<p>fine</p>", ""],
    ]
    path = tmp_path / "sheet.csv"
    with path.open("w", newline="") as fh:
        csv.writer(fh).writerows(rows)
    limit = csv.field_size_limit()
    out = run_cli("events", path)
    assert [e["title"] for e in events_of(out)] == ["Short", "Long", "After"]
    assert said(out, "sheet.csv, row 5", "left out: 'text' holds 5,242,880 characters, over 4 MB")
    from timeline_app.formats import read_data_file

    read_data_file(path)
    assert csv.field_size_limit() == limit, "the csv module's limit is put back"


# -- tag --jsonl ----------------------------------------------------------------------------


def doc(name, day):
    return {"doc": name, "dct": "2019-03-20", "text": f"They met on {day} March."}


TAG_LINES = [  # (line, reason or None for a good line, why)
    (doc("a", 1), None, "a good line"),
    (DEEP, "JSON nested too deeply", "[ x 100,000"),
    ("[1,2]", "not an object (a list)", "a list, not a document"),
    ({"doc": "x", "text": ["t"]}, "text is not a string (a list)", "text that is a list"),
    ({"doc": "x", "text": "t", "dct": 5}, "dct is not a string (5)", "a dct that is a number"),
    (
        {"doc": {"a": 1}, "text": "t"},
        "doc is not a string or a number (an object)",
        "a doc id that is an object",
    ),
    ("{broken", "malformed JSON (Expecting property name enclosed in double quotes)", "not JSON"),
    (
        '{"text": "x", "n": ' + "9" * 5000 + "}",
        "a JSON number too long to read",
        "a number Python will not convert",
    ),
    ("", None, "a blank line is skipped"),
    (doc("b", 2), None, "the lines after the bad ones are tagged"),
]


def test_tag_jsonl_names_each_bad_line_and_tags_the_others(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(*(line for line, _, _ in TAG_LINES)))
    out = run_cli("tag", "--jsonl", src)
    assert out.returncode == 0 and "Traceback" not in out.stderr, out.stderr
    assert [json.loads(x)["doc"] for x in out.stdout.splitlines()] == ["a", "b"]
    assert json.loads(out.stdout.splitlines()[1])["timexes"][0]["value"] == "2019-03-02"
    for n, (_, reason, why) in enumerate(TAG_LINES, 1):
        if reason:
            assert f"timeline-app tag: {src}: line {n}: {reason}" in out.stderr, why


def test_tag_jsonl_file_names_a_line_that_is_not_utf8(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(
        b'{"doc": "a", "text": "on 1 May"}\n{"doc": "\xff"}\n'
        b'{"doc": "b", "text": "on 2 May \\ud800"}\n'
    )
    problems, out = [], (tmp_path / "out.jsonl").open("w", encoding="utf-8")
    with out:
        assert tag_jsonl_file(src, out, problem=lambda n, why: problems.append((n, why))) == 2
    assert problems == [(2, "not UTF-8 (byte 10)")]
    assert [json.loads(x)["doc"] for x in (tmp_path / "out.jsonl").read_text().splitlines()] == [
        "a",
        "b",
    ]


def test_tag_jsonl_streams():
    """Each output line comes before the next input line is read: memory stays one line's."""
    read = []

    def lines():
        for k in range(3):
            read.append(k)
            yield json.dumps(doc(str(k), k + 1))

    out = tag_jsonl(lines())
    for k in range(3):
        assert json.loads(next(out))["doc"] == str(k) and read == list(range(k + 1))
