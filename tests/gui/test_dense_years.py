"""Ten events dated only "2019": stacked as ten bars while the rows hold them, each visible
and clickable; where they do not, one count bubble that lists them instead of zooming into
nothing; and the event selected is always drawn."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline

from .conftest import settle
from .helpers import click_event, show_window

# (outlet, sentence): what happened in 2019, with no better date
HAPPENINGS = [
    ("Harbour Post", "The city council approved the new harbour plan in 2019."),
    ("Valley News", "The regional museum reopened its northern wing in 2019."),
    ("River Gazette", "Farmers in the lower valley switched to drip irrigation in 2019."),
    ("Harbour Post", "The ferry company retired its oldest vessel in 2019."),
    ("Mountain Daily", "A new cable car line opened on the eastern slope in 2019."),
    ("Valley News", "The teachers' union signed a three-year wage agreement in 2019."),
    ("River Gazette", "The old textile mill was converted into housing in 2019."),
    ("Mountain Daily", "Volunteers planted ten thousand trees along the ridge in 2019."),
    ("Harbour Post", "The fish market moved to the renovated quay in 2019."),
    ("Valley News", "The district hospital added a maternity ward in 2019."),
]


def year_timeline() -> Timeline:
    docs, events = {}, []
    for k, (outlet, sentence) in enumerate(HAPPENINGS):
        text = f"{outlet}\n\n{sentence}\n\nIt had been discussed for years.\n"
        doc = Document(f"a{k:02d}.txt", Path(f"a{k:02d}.txt"), text, sentence[4:40], outlet)
        docs[doc.id] = doc
        start = text.index(sentence)
        at = text.index("2019")
        source = Source(doc.id, start, start + len(sentence), at, at + 4, "2019", FuzzyDate(2019))
        title = sentence.removesuffix(" in 2019.")
        events.append(Event(f"y{k}", title, FuzzyDate(2019), [source]))
    return Timeline(docs, events, name="Ten events in 2019")


@pytest.fixture
def tall(qtbot):
    return show_window(qtbot, MainWindow(load=None, state=TimelineState(year_timeline())))


@pytest.fixture
def short(qtbot):
    """The timeline squeezed to a few rows: ten bars cannot all be stacked."""
    win = MainWindow(load=None, state=TimelineState(year_timeline()))
    win.splitter.setSizes([230, 670])
    win = show_window(qtbot, win)
    assert win.timeline_view._rows_available() < len(HAPPENINGS)
    return win


def inside_view(window, event_id: str) -> bool:
    view = window.timeline_view
    at = view.view_box.mapViewToScene(view.marker_pos(event_id))
    return view.view_box.sceneBoundingRect().contains(at)


def test_ten_same_year_events_are_ten_bars_each_visible_and_clickable(qtbot, tall):
    view = tall.timeline_view
    ids = [e.id for e in tall.state.timeline.events]
    assert all(f.strip_y is None for f in view.frame.lanes), "no density strip"
    drawn = [view.state.store.id_of(int(i)) for i in view.marks.index]
    assert sorted(drawn) == sorted(ids)
    assert len(set(view.marks._y.tolist())) == len(ids), "one row each"
    labels = {eid for eid, _, _ in view.labels.visible_labels()}
    assert labels == set(ids), "each bar carries its title"
    for eid in ids:
        assert inside_view(tall, eid)
        click_event(qtbot, view, eid)
        assert tall.state.selected_id == eid


def count_bubbles(view) -> list[tuple[float, float, int]]:
    return [c for f in view.frame.lanes for c in f.clusters]


def click_bubble(qtbot, view, lo: float, hi: float) -> None:
    y = view.frame.lanes[0].strip_y
    scene = view.view_box.mapViewToScene(QPointF((lo + hi) / 2, y))
    qtbot.mouseClick(
        view.plot.viewport(), Qt.MouseButton.LeftButton, pos=view.plot.mapFromScene(scene)
    )
    settle()


def test_a_crowded_year_is_one_count_that_lists_its_events(qtbot, short):
    view = short.timeline_view
    assert [n for _, _, n in count_bubbles(view)] == [10], "one bubble, not '10 10 10 …'"
    before = view.view_box.viewRange()[0]
    ((lo, hi, _),) = count_bubbles(view)
    click_bubble(qtbot, view, lo, hi)
    assert view.view_box.viewRange()[0] == pytest.approx(before), "no zoom into nothing"
    menu = view.cluster_menu
    assert menu is not None and menu.isVisible()
    titles = [a.text() for a in menu.actions()]
    assert titles == [f"2019 — {e.title}" for e in short.state.timeline.events]
    pick = short.state.timeline.events[3]
    menu.actions()[3].trigger()
    menu.close()
    settle()
    assert short.state.selected_id == pick.id
    drawn = [view.state.store.id_of(int(i)) for i in view.marks.index]
    assert drawn == [pick.id] and inside_view(short, pick.id)
    assert [n for _, _, n in count_bubbles(view)] == [9], "the selected one left the strip"
    assert pick.title in short.detail_pane.plain_text()


def test_left_and_right_draw_each_event_of_the_crowded_year(qtbot, short):
    view = short.timeline_view
    short.activateWindow()
    qtbot.waitActive(short)
    seen = []
    for _ in HAPPENINGS:
        qtbot.keyClick(view.plot, Qt.Key.Key_Right)
        settle()
        eid = short.state.selected_id
        seen.append(eid)
        assert view.state.store.index_of(eid) in view.marks.index.tolist()
        assert inside_view(short, eid)
        assert eid in {e for e, _, _ in view.labels.visible_labels()}
    assert seen == [e.id for e in short.state.timeline.events]
    for _ in range(3):
        qtbot.keyClick(view.plot, Qt.Key.Key_Left)
        settle()
        assert view.state.store.index_of(short.state.selected_id) in view.marks.index.tolist()


def test_the_event_list_selection_is_drawn_too(qtbot, short):
    table = short.event_list
    for row in (0, 5, 9):
        table.selectRow(row)
        settle()
        index = int(table.table_model.order[row])
        assert short.state.selected_index == index
        assert index in short.timeline_view.marks.index.tolist()
