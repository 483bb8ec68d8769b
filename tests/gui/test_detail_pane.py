"""The detail pane: full text, sentence and date marked, HTML escaped, sentence in view."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.gui.detail_pane import DATE_STYLE, SENTENCE_STYLE, DetailPane, source_html
from timeline_app.gui.state import TimelineState
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline

from .conftest import settle


def tricky_timeline(after: int = 1) -> Timeline:
    """One article with the event's sentence after 80 paragraphs, followed by `after`."""
    filler = "".join(f"Paragraph {i} says nothing new.\n\n" for i in range(80))
    sentence = 'On 3 May, <b>rebels</b> & "allies" took the bridge.'
    tail = "".join(f"\n\nLater paragraph {i}." for i in range(after))
    text = "Header: 4 May 2023\n\n" + filler + sentence + tail
    doc = Document(id="a.txt", path=Path("a.txt"), text=text, title="R&D <news>", outlet="Wire")
    start = text.index(sentence)
    src = Source(
        "a.txt",
        start,
        start + len(sentence),
        start + 3,
        start + 8,
        "3 May",
        FuzzyDate(2023, 5, 3, inferred=True),
    )
    event = Event("e1", "Rebels take <the> bridge", FuzzyDate(2023, 5, 3, inferred=True), [src])
    return Timeline(documents={"a.txt": doc}, events=[event], name="t")


def test_text_is_escaped_and_marked():
    tl = tricky_timeline()
    html = source_html(tl.documents["a.txt"], tl.events[0].sources[0])
    assert "<b>rebels</b>" not in html and "&lt;b&gt;rebels&lt;/b&gt;" in html
    assert "R&amp;D &lt;news&gt;" in html
    assert f'<span style="{DATE_STYLE}">3 May</span>' in html
    assert f'<span style="{SENTENCE_STYLE}">, &lt;b&gt;rebels' in html


@pytest.mark.parametrize("after", [1, 80], ids=["sentence-at-end", "sentence-in-middle"])
def test_pane_shows_event_and_scrolls_to_the_sentence(qtbot, after):
    tl = tricky_timeline(after)
    state = TimelineState(tl)
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    pane.resize(700, 300)
    pane.show()
    assert "No event selected" in pane.plain_text()
    state.select("e1")
    settle()
    text = pane.plain_text()
    assert "Rebels take <the> bridge" in text
    assert "3 May 2023 (day precision, inferred from context)" in text
    assert 'On 3 May, <b>rebels</b> & "allies" took the bridge.' in text
    view = pane.tabs.widget(0)
    bar = view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() > 0
    rect = view.cursorRect(view.document().find("took the bridge"))
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()


def test_missing_document_is_reported(qtbot):
    tl = tricky_timeline()
    tl.documents.clear()
    state = TimelineState(tl)
    pane = DetailPane(state)
    qtbot.addWidget(pane)
    state.select("e1")
    assert "a.txt is not part of the loaded corpus" in pane.plain_text()
