"""While a folder loads the canvas says what is happening; with nothing selected the detail
pane shows the corpus at a glance, as plain text, until an event is chosen and again once
the selection is cleared."""

from __future__ import annotations

import threading

import pytest

from timeline_app.gui.ingest_status import progress_text
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.ingest.corpus import MERGING
from timeline_app.model import Timeline
from timeline_app.model.summary import summarize

from .conftest import settle
from .factories import make_timeline
from .helpers import show_window


def canvas_text(window) -> str:
    return window.timeline_view.message.textItem.toPlainText()


# (done, total, current, text, why)
PROGRESS = [
    (1234, 10000, "news/a.html", "Reading 1,234 of 10,000 files…", "thousands grouped"),
    (0, 1, "a.txt", "Reading 0 of 1 file…", "one file"),
    (40, 40, MERGING, "Merging events…", "every file read: the merge"),
]


@pytest.mark.parametrize(("done", "total", "current", "text", "why"), PROGRESS)
def test_progress_in_words(done, total, current, text, why):
    assert progress_text(done, total, current) == text, why


@pytest.fixture
def gate():
    """A load that waits until the test lets it finish."""
    event = threading.Event()
    yield event
    event.set()


def test_the_canvas_says_what_the_load_is_doing(qtbot, tmp_path, gate):
    loaded = make_timeline()

    def load(path):
        gate.wait(10)
        return loaded

    win = MainWindow(load=load)
    qtbot.addWidget(win)
    win.show()
    settle()
    assert "Open folder" in canvas_text(win)
    win.open_folder(tmp_path / "news")
    settle()
    assert canvas_text(win) == "Opening news…"
    worker = win.folder_loader._worker
    for done, total, current, text, _ in PROGRESS:
        worker.progressed.emit(done, total, current)  # as the worker reports it
        settle()
        assert canvas_text(win) == text
        assert "Open folder" not in canvas_text(win)
        assert text in win.detail_pane.plain_text()
    gate.set()
    qtbot.waitUntil(lambda: win.state.timeline is loaded, timeout=5000)
    settle()
    assert canvas_text(win) == "" and win.state.loading == ""
    assert "Merging" not in win.detail_pane.plain_text()


def test_a_cancelled_load_says_how_to_start_again(qtbot, tmp_path, gate):
    win = MainWindow(load=lambda path: gate.wait(10) and Timeline())
    qtbot.addWidget(win)
    win.show()
    win.open_folder(tmp_path / "news")
    settle()
    assert canvas_text(win) == "Opening news…"
    win.folder_loader.cancel()
    settle()
    assert "Open folder" in canvas_text(win)


# (what the window holds, what the canvas says)
EMPTY_STATES = [
    (Timeline(), "No events. Use File › Open folder…"),
    (
        Timeline(documents=make_timeline().documents),
        "No dated events in 3 documents. Use File › Open folder… for another folder",
    ),
]


@pytest.mark.parametrize(("timeline", "text"), EMPTY_STATES)
def test_an_empty_canvas_says_why(qtbot, timeline, text):
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(timeline)))
    assert canvas_text(win) == text


def test_a_filter_that_leaves_nothing_says_so(window):
    window.find_bar.date_from.setText("1990")
    window.find_bar.date_to.setText("1991")
    window.find_bar.date_to.editingFinished.emit()
    settle()
    assert canvas_text(window) == "No events match the filters"


def test_the_detail_pane_shows_the_corpus_until_an_event_is_chosen(qtbot, corpus):
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(corpus)))
    pane = win.detail_pane
    lines = summarize(corpus).lines()
    assert pane.summary.isVisible() and not pane.tabs.isVisible()
    assert pane.summary.toPlainText() == "\n".join(lines)
    for expected in (f"{len(corpus.documents)} documents", "Events by year:", "Outlets ("):
        assert expected in pane.plain_text()
    event = corpus.events[2]
    win.state.select(event.id)
    settle()
    assert not pane.summary.isVisible() and pane.tabs.isVisible()
    assert "Events by year:" not in pane.plain_text() and event.title in pane.plain_text()
    win.state.select(None)
    settle()
    assert pane.summary.isVisible() and "Events by year:" in pane.plain_text()


def test_the_summary_is_plain_text(qtbot):
    timeline = make_timeline()
    timeline.name = '<b>News</b> & <img src="/dev/zero">'
    for doc in timeline.documents.values():
        doc.outlet = "<i>Herald</i>"
    win = show_window(qtbot, MainWindow(load=None, state=TimelineState(timeline)))
    text = win.detail_pane.summary.toPlainText()
    assert text.startswith('<b>News</b> & <img src="/dev/zero">')
    assert "<i>Herald</i> — 3" in text


def test_the_summary_follows_another_corpus(window, corpus):
    window.state.set_timeline(corpus)
    settle()
    assert window.detail_pane.summary.toPlainText() == "\n".join(summarize(corpus).lines())
