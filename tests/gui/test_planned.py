"""Planned events and time context in the window: the timeline, legend, event list and
detail pane mark a planned event as such; context notes are listed and marked as data."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage

from timeline_app.gui.detail_pane import CONTEXT_STYLE, DATE_STYLE, SENTENCE_STYLE, source_html
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.gui.timeline_view import event_tooltip
from timeline_app.model import TimeNote
from timeline_app.plan import sizes
from timeline_app.render import style

from .factories import make_planned_timeline
from .helpers import settle, show_window


@pytest.fixture
def window(qtbot):
    return show_window(qtbot, MainWindow(load=None, state=TimelineState(make_planned_timeline())))


def colour_pixels(image: QImage, colour: QColor) -> int:
    """How many pixels are (within a few levels of) `colour`."""
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), np.uint8).reshape(img.height(), img.bytesPerLine())
    bgr = arr[:, : img.width() * 4].reshape(img.height(), img.width(), 4)[:, :, :3].astype(int)
    return int((np.abs(bgr - [colour.blue(), colour.green(), colour.red()]).sum(axis=2) < 30).sum())


def test_the_timeline_draws_the_planned_event_with_its_own_mark(window):
    view, store = window.timeline_view, window.state.store
    planned = store.index_of("e-bridge")
    assert store.planned.tolist() == [i == planned for i in range(len(store))]
    marks = view.marks
    assert marks._planned[np.flatnonzero(marks.index == planned)[0]]
    assert colour_pixels(view.plot.grab().toImage(), style.PLANNED) > 20
    window.state.select("e-exports")
    assert "planned" not in event_tooltip(window.state.selected_event)
    assert sizes.PLANNED_WORDS in event_tooltip(window.state.timeline.event("e-bridge"))


def test_the_legend_keys_the_planned_mark(window):
    legend = window.timeline_view.legend
    assert sizes.PLANNED_WORDS in legend.KEYS
    assert colour_pixels(legend.grab().toImage(), style.PLANNED) > 5


def test_the_event_list_marks_the_planned_event(window):
    model = window.event_list.table_model
    rows = {model.data(model.index(r, 1)): r for r in range(model.rowCount())}
    assert set(rows) == {"New bridge opens", "Exports fall 12%"}  # titles stay as they are
    for title, planned in (("New bridge opens", True), ("Exports fall 12%", False)):
        cell = model.index(rows[title], 1)
        icon = model.data(cell, Qt.ItemDataRole.DecorationRole)
        assert (icon is not None) is planned, title
        tip = model.data(cell, Qt.ItemDataRole.ToolTipRole)
        assert (sizes.PLANNED_WORDS in tip) is planned, title
    icon = model.data(model.index(rows["New bridge opens"], 1), Qt.ItemDataRole.DecorationRole)
    assert colour_pixels(icon.pixmap(16, 16).toImage(), style.PLANNED) > 5


@pytest.mark.parametrize(
    "event_id, date_line, absent",
    [
        ("e-bridge", "Planned / expected: September 2027 (month precision) · 1 source", None),
        ("e-exports", "3 May 2023 (day precision) · 1 source", "Planned"),
    ],
)
def test_the_detail_pane_says_planned_on_the_date_line(window, event_id, date_line, absent):
    window.state.select(event_id)
    settle()
    header = window.detail_pane.plain_text().split("\n\n")[0]
    assert header.split("\n")[1] == date_line
    if absent:
        assert absent not in header
    sources = window.detail_pane.plain_text().split("\n\n", 1)[1]
    assert (f"· {sizes.PLANNED_WORDS}" in sources) is (absent is None)  # the source says so


@pytest.mark.parametrize(
    "event_id, note",
    [
        ("e-bridge", "by 2028 — deadline"),
        ("e-exports", "compared with <b>x</b> in April 2019 — comparison"),  # markup is data
    ],
)
def test_context_notes_are_listed_as_plain_text(window, event_id, note):
    window.state.select(event_id)
    settle()
    text = window.detail_pane.plain_text()
    assert f"time context (dates no event): {note}" in text  # shown, not rendered as markup


def test_a_mixed_event_says_how_many_sources_speak_of_a_plan(qtbot):
    tl = make_planned_timeline()
    event = tl.event("e-exports")
    event.sources.append(replace(tl.event("e-bridge").sources[0]))
    state = TimelineState(tl)
    win = show_window(qtbot, MainWindow(load=None, state=state))
    state.select("e-exports")
    settle()
    header = win.detail_pane.plain_text().split("\n\n")[0]
    assert "Planned" not in header and "1 of 2 sources: planned / expected" in header


def _html(notes: tuple[TimeNote, ...]) -> str:
    tl = make_planned_timeline()
    source = tl.event("e-exports").sources[0]
    return source_html(tl.documents["port.txt"], replace(source, context=notes))


def _span(style_: str, text: str) -> str:
    return f'<span style="{style_}">{text}</span>'


@pytest.mark.parametrize(
    "notes, present, why",
    [
        (
            (),
            [
                _span(
                    SENTENCE_STYLE,
                    " compared with &lt;b&gt;x&lt;/b&gt; in April 2019, the ministry said.",
                )
            ],
            "no notes: the sentence is marked as before",
        ),
        (
            ((50, 81, "compared with <b>x</b> in April 2019", "comparison"),),
            [
                _span(CONTEXT_STYLE, "compared with &lt;b&gt;x&lt;/b&gt; in April 2019"),
                _span(CONTEXT_STYLE, "compared with &lt;b&gt;x&lt;/b&gt; in April 2019")
                + " — comparison",
            ],
            "a note is grey in the text and listed with its role, escaped in both",
        ),
        (
            ((0, 10_000, "since forever", "comparison"),),
            [_span(DATE_STYLE, "3 May 2023")],
            "the date keeps its mark inside a note; offsets past the end are clamped",
        ),
    ],
)
def test_source_html_marks_context_notes(notes, present, why):
    tl = make_planned_timeline()
    text = tl.documents["port.txt"].text
    fixed = []
    for start, end, note_text, role in notes:  # offsets of the real text, where it is there
        if note_text in text:
            start = text.index(note_text)
            end = start + len(note_text)
        fixed.append(TimeNote(start, end, note_text, role))
    html = _html(tuple(fixed))
    for piece in present:
        assert piece in html, why
    assert "<b>x</b>" not in html, "document text is never rich text"
