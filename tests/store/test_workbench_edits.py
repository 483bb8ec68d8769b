"""The analyst's edits applied to events: stars, notes, tags (one event or many), events
added by hand and removed, periods and saved views read from the log."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.model import Event, FuzzyDate, Source, clean_tags
from timeline_app.store import Edit
from timeline_app.store.added_events import added_documents, source_document_id
from timeline_app.store.edits import apply_edits, date_value
from timeline_app.store.periods import user_periods
from timeline_app.store.views import saved_views


def events():
    day = FuzzyDate(2023, 5, 3)
    return [
        Event("a", "Summit opens", day, [Source("one.txt", 0, 10, 2, 5, "3 May", day)]),
        Event("b", "Talks end", FuzzyDate(2023, 5, 4)),
        Event("c", "Troops leave", FuzzyDate(2023, 6)),
    ]


def applied(*edits):
    seq = [Edit(k, kind, target, value) for k, (kind, target, value) in enumerate(edits, 1)]
    out, skipped = apply_edits(events(), seq)
    return {e.id: e for e in out}, [e.kind for e in skipped], out


@pytest.mark.parametrize(
    ("tags", "kept", "why"),
    [
        (["CSTO", "csto", "Csto "], ["CSTO"], "case alone does not make a new tag"),
        (["  troop   moves ", "", "   "], ["troop moves"], "blanks collapsed, empty dropped"),
        (["b", "a", "b"], ["b", "a"], "the order given is kept"),
    ],
)
def test_clean_tags(tags, kept, why):
    assert clean_tags(tags) == kept, why


@pytest.mark.parametrize(
    ("edits", "field", "expected", "why"),
    [
        ([("event.star", "a", {"starred": True})], "starred", {"a": True, "b": False}, "one"),
        (
            [("event.star", "a", {"starred": True}), ("event.star", "a", {"starred": False})],
            "starred",
            {"a": False},
            "the last edit wins",
        ),
        ([("event.note", "b", {"note": " why it matters\n"})], "note", {"b": "why it matters"}, ""),
        ([("event.tags", "a", {"tags": ["x", "X", "y"]})], "tags", {"a": ["x", "y"]}, "set"),
        (
            [("event.tag_add", "a", {"tag": "wire", "others": ["b", "gone"]})],
            "tags",
            {"a": ["wire"], "b": ["wire"], "c": []},
            "target and others at once; a missing other is passed over",
        ),
        (
            [
                ("event.tags", "a", {"tags": ["Wire", "army"]}),
                ("event.tag_add", "a", {"tag": "wire", "others": ["b"]}),
                ("event.tag_remove", "b", {"tag": "WIRE", "others": ["a"]}),
            ],
            "tags",
            {"a": ["army"], "b": []},
            "add keeps the first spelling, remove ignores case",
        ),
    ],
)
def test_marks(edits, field, expected, why):
    by_id, skipped, _ = applied(*edits)
    assert {i: getattr(by_id[i], field) for i in expected} == expected, why
    assert skipped == []


@pytest.mark.parametrize(
    ("edit", "why"),
    [
        (("event.star", "gone", {"starred": True}), "no such event"),
        (("event.note", "a", {"note": 3}), "a note is text"),
        (("event.star", "a", {"starred": "no"}), "a star is true or false"),
        (("event.tags", "a", {"tags": ["x", 5]}), "tags are text"),
        (("event.tag_add", "a", {"tag": ["x"]}), "a tag is text"),
        (("event.add", "user-1", {"title": 5, "date": "2023"}), "a title is text"),
        (("event.tags", "a", {"tags": "x"}), "tags are a list"),
        (("event.tag_add", "a", {"tag": "  "}), "an empty tag"),
        (("event.remove", "a", {}), "only events added by hand are removed"),
        (("event.add", "a", {"title": "x", "date": "2023"}), "an id in use"),
        (("event.add", "user-1", {"title": " ", "date": "2023"}), "no title"),
        (("event.add", "user-1", {"title": "x", "date": "May"}), "no date"),
    ],
)
def test_edits_that_cannot_apply_are_skipped_and_change_nothing(edit, why):
    by_id, skipped, _ = applied(edit)
    assert skipped == [edit[0]], why
    assert [(e.id, e.starred, e.tags, e.note) for e in by_id.values()] == [
        (e.id, False, [], "") for e in events()
    ]


@pytest.mark.parametrize(
    "date",
    [
        FuzzyDate(2023),
        FuzzyDate(2023, 5, part="early"),
        FuzzyDate(2023, 5, 1).span_to(FuzzyDate(2023, 5, 9)),
    ],
)
def test_an_added_event_keeps_its_date_note_and_source(date):
    value = {
        **date_value(date),
        "title": " Ceasefire signed ",
        "note": "phone call with the mission",
        "source": {"text": "A ceasefire was signed.", "reference": "https://example.org/a"},
    }
    add = Edit(1, "event.add", "user-1", value)
    out, skipped = apply_edits(events(), [add])
    added = next(e for e in out if e.id == "user-1")
    assert (added.title, added.date, added.note, added.added) == (
        "Ceasefire signed",
        date,
        "phone call with the mission",
        True,
    )
    assert not any(e.added for e in out if e.id != "user-1")
    docs = added_documents([add], out)
    doc = docs[source_document_id("user-1")]
    (source,) = added.sources
    assert doc.text[source.start : source.end] == "A ceasefire was signed."
    assert doc.title == "https://example.org/a"


def test_an_added_event_without_a_source_cites_nothing():
    by_id, _, out = applied(("event.add", "user-1", {"title": "Talks", "date": "2023-05"}))
    assert by_id["user-1"].sources == []
    assert added_documents([Edit(1, "event.add", "user-1", {"title": "Talks"})], out) == {}


def test_an_added_event_takes_other_edits_and_can_be_removed():
    add = ("event.add", "user-1", {"title": "Talks", "date": "2023-05"})
    by_id, skipped, _ = applied(
        add,
        ("event.title", "user-1", {"title": "Secret talks"}),
        ("event.date", "user-1", date_value(FuzzyDate(2023, 5, 7))),
        ("event.star", "user-1", {"starred": True}),
        ("event.hidden", "user-1", {"hidden": True}),
    )
    user = by_id["user-1"]
    assert (user.title, user.date, user.starred, user.hidden) == (
        "Secret talks",
        FuzzyDate(2023, 5, 7),
        True,
        True,
    )
    by_id, skipped, _ = applied(add, ("event.remove", "user-1", {}))
    assert "user-1" not in by_id and skipped == []


def test_edits_do_not_change_the_events_they_are_given():
    base = events()
    apply_edits(base, [Edit(1, "event.tag_add", "a", {"tag": "t", "others": ["b"]})])
    assert [e.tags for e in base] == [[], [], []]


def test_periods_in_force_in_the_order_drawn():
    span = FuzzyDate(2022, 1, 6).span_to(FuzzyDate(2022, 1, 19))
    log = [
        Edit(1, "period.add", "p1", {"label": "CSTO  operation", **date_value(span)}),
        Edit(2, "period.add", "p2", {"label": "Summit", **date_value(FuzzyDate(2022, 11, 23))}),
        Edit(3, "period.add", "p3", {"label": "bad", "date": "someday"}),
        Edit(4, "period.add", "p4", {"label": "gone", "date": "2021"}),
        Edit(5, "period.remove", "p4", {}),
    ]
    periods = user_periods(log)
    assert [(p.id, p.label, p.date, p.user, p.milestone) for p in periods] == [
        ("p1", "CSTO operation", span, True, False),
        ("p2", "Summit", FuzzyDate(2022, 11, 23), True, True),
    ]


def test_saved_views_by_name_in_the_order_of_the_last_save():
    log = [
        Edit(1, "view.save", "disputed", {"filter": "disputed"}),
        Edit(2, "view.save", "2022", {"range": [1, 2]}),
        Edit(3, "view.save", "disputed", {"filter": "disputed", "zoom": 3}),
        Edit(4, "view.save", "tmp", {}),
        Edit(5, "view.delete", "tmp", {}),
    ]
    assert saved_views(log) == {
        "2022": {"range": [1, 2]},
        "disputed": {"filter": "disputed", "zoom": 3},
    }


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
_KINDS = ["event.star", "event.note", "event.tags", "event.tag_add", "event.tag_remove"]
_KINDS += ["event.add", "event.remove", "period.add", "period.remove", "view.save", "view.delete"]
_FIELDS = ["starred", "note", "tags", "tag", "others", "title", "date", "part", "source", "label"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_KINDS),
            st.sampled_from(["a", "b", "user-1", "p1", ""]),
            st.dictionaries(st.sampled_from(_FIELDS), _JSON, max_size=5),
        ),
        max_size=6,
    )
)
def test_any_stored_value_is_applied_or_skipped_never_raised(edits):
    """A store may hold values another version (or a damaged file) wrote: an edit that
    cannot apply is skipped, whatever its value."""
    log = [Edit(k, kind, target, value) for k, (kind, target, value) in enumerate(edits, 1)]
    out, skipped = apply_edits(events(), log)
    assert all(isinstance(t, str) for e in out for t in e.tags)
    assert all(isinstance(e.note, str) and isinstance(e.starred, bool) for e in out)
    user_periods(log)
    saved_views(log)
    added_documents(log, out)
