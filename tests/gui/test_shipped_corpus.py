"""The real window on the shipped CSTO corpus: click an event, read its highlighted sources."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.ingest import load_corpus

from .helpers import click_event, show_window


@pytest.fixture
def window(qtbot, corpus):
    return show_window(qtbot, MainWindow(load=load_corpus, state=TimelineState(corpus)))


def background_at(view, text: str, start: int = 0) -> str:
    """The background colour the source view paints under `text` (first found from `start`)."""
    pos = view.toPlainText().index(text, start)
    cursor = QTextCursor(view.document())
    cursor.setPosition(pos + 1)
    return cursor.charFormat().background().color().name()


def test_click_unity_meeting_shows_both_articles_highlighted(qtbot, window, corpus):
    event = next(e for e in corpus.events if e.date.iso() == "2023-02-13")
    click_event(qtbot, window.timeline_view, event.id)
    assert window.state.selected_id == event.id
    pane = window.detail_pane
    assert "13 February 2023 (day precision, inferred from context)" in pane.plain_text()
    assert pane.tabs.count() == 2
    for i, source in enumerate(event.sources):
        view = pane.tabs.widget(i)
        sentence = corpus.documents[source.doc_id].text[source.start : source.end]
        assert sentence in view.toPlainText()
        # the sentence, the date expression and plain text are painted differently
        at = view.toPlainText().index(sentence)
        sentence_bg = background_at(view, sentence[:20], at)
        date_bg = background_at(view, source.date_text, at)
        other_bg = background_at(view, "Aleksandr Lukashenko stressed", at)
        assert len({sentence_bg, date_bg, other_bg}) == 3


def test_right_arrow_walks_the_corpus_in_date_order(qtbot, window, corpus):
    seen = []
    for _ in corpus.events:
        qtbot.keyClick(window.timeline_view.plot, Qt.Key.Key_Right)
        seen.append(window.state.selected_id)
        assert window.state.selected_event.title in window.detail_pane.plain_text()
    assert seen == [e.id for e in corpus.events]
