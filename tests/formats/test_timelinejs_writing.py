"""TimelineJS writing: groups only when they are few; the media credit is the outlet, else
the article's title, never a file name."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.formats.timelinejs import MAX_GROUPS, timelinejs_document
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline


def outlets_timeline(n_outlets: int, *, title: str = "", outlet: bool = True) -> Timeline:
    documents, events = {}, []
    for k in range(n_outlets):
        text = f"Story {k} happened on 3 May.\n"
        name = f"story-{k}.txt"
        doc = Document(
            name, Path(name), text, title=title or name, outlet=f"Outlet {k}" if outlet else None
        )
        documents[name] = doc
        src = Source(name, 0, len(text) - 1, 20, 25, "3 May", FuzzyDate(2023, 5, 3))
        events.append(Event(f"e{k}", f"Story {k}", FuzzyDate(2023, 5, 3), [src]))
    return Timeline(documents, events, name="Outlets")


@pytest.mark.parametrize(
    "n, grouped, why",
    [
        (1, True, "one outlet: one row"),
        (MAX_GROUPS, True, "a few outlets: a row each"),
        (MAX_GROUPS + 1, False, "more would fill TimelineJS's navigation"),
        (26, False, "the 26 outlets the issue saw"),
    ],
)
def test_slides_are_grouped_by_outlet_only_when_the_groups_are_few(n, grouped, why):
    slides = timelinejs_document(outlets_timeline(n))["events"]
    assert len(slides) == n
    assert all(("group" in s) is grouped for s in slides), why
    if grouped:
        assert {s["group"] for s in slides} == {f"Outlet {k}" for k in range(n)}


@pytest.mark.parametrize(
    "outlet, title, credit, caption, why",
    [
        (True, "A headline", "Outlet 0", "A headline", "the outlet"),
        (False, "A headline", "A headline", "A headline", "no outlet: the article's title"),
        (False, "", "", "", "no outlet, no title: nothing rather than the file name"),
    ],
)
def test_media_credit_is_the_outlet_else_the_title(outlet, title, credit, caption, why):
    slide = timelinejs_document(outlets_timeline(1, title=title, outlet=outlet))["events"][0]
    assert (slide["media"]["credit"], slide["media"]["caption"]) == (credit, caption), why
    assert "story-0.txt" not in str(slide)
