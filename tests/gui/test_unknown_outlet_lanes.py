"""The window's "By outlet" lanes: articles that name no outlet share one lane headed
"Unknown outlet"; their headlines never become lane names."""

from __future__ import annotations

from pathlib import Path

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline

from .conftest import settle
from .helpers import show_window


def _timeline() -> Timeline:
    docs, events = {}, []
    outlets = [None, "Harbour Post", None, "Harbour Post", None]
    for i, outlet in enumerate(outlets):
        text = f"Ferry news {i}\n\nThe ferry to the island sailed on 3 May 2021 for run {i}.\n"
        doc = Document(f"n{i}.txt", Path(f"n{i}.txt"), text, f"Ferry news {i}", outlet=outlet)
        docs[doc.id] = doc
        start = text.index("The ferry")
        date = FuzzyDate(2021, 5, 3 + i)
        source = Source(doc.id, start, len(text) - 1, start, start + 5, "3 May 2021", date)
        events.append(Event(f"e{i}", f"Ferry run {i}", date, [source]))
    return Timeline(docs, events)


def test_lanes_by_outlet_name_unknown_outlet(qtbot):
    window = show_window(qtbot, MainWindow(load=None, state=TimelineState(_timeline())))
    window.find_bar.lanes.setCurrentIndex(window.find_bar.lanes.findData("outlet"))
    settle()
    frame = window.timeline_view.frame
    assert [(lane.name, len(lane.detail)) for lane in frame.lanes] == [
        ("Unknown outlet", 3),
        ("Harbour Post", 2),
    ]
    ticks = window.timeline_view.lane_axis._tickLevels[0]
    shown = [name for _, name in ticks]
    assert shown == ["Unknown outlet", "Harbour Post"]
    assert not any(name.startswith("Ferry news") for name in shown)
