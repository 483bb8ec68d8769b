"""Ctrl+F searches the whole text of every source, says which part matched, marks the text
in the article, and always describes the box's current text: after a rename, after a
partial load, after another corpus replaced the timeline."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import Qt

from timeline_app.gui.detail_pane import MATCH_STYLE
from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.ingest import file_loader
from timeline_app.ingest.progress import Pacer
from timeline_app.model import Timeline
from timeline_app.model import search as search_module
from timeline_app.model.search import Part
from timeline_app.paths import SHIPPED_CORPUS
from timeline_app.plan.columns import EventStore
from timeline_app.project import Project

from .conftest import settle
from .factories import make_timeline
from .helpers import show_window

WORDS = {
    Part.TITLE: "in titles",
    Part.TAGS: "in tags",
    Part.NOTE: "in notes",
    Part.SENTENCE: "in dated sentences",
    Part.ARTICLE: "in article text",
}


def flat(text: str) -> str:
    return " ".join(text.lower().split())


def expected_parts(timeline: Timeline, query: str) -> dict[str, Part]:
    """Where `query` is in each event, read off the texts themselves: its title, one of
    its sentences, or only somewhere in an article behind it."""
    q, out = flat(query), {}
    for e in timeline.events:
        docs = [timeline.documents[s.doc_id] for s in e.sources]
        sentences = [d.text[s.start : s.end] for d, s in zip(docs, e.sources, strict=True)]
        if q in flat(e.title):
            out[e.id] = Part.TITLE
        elif any(q in flat(s) for s in sentences):
            out[e.id] = Part.SENTENCE
        elif any(q in flat(d.text) for d in docs):
            out[e.id] = Part.ARTICLE
    return out


def label_for(parts: dict[str, Part]) -> str:
    n = len(parts)
    text = f"{n} match{'es' if n != 1 else ''}"
    where = [f"{sum(p is part for p in parts.values())} {WORDS[part]}" for part in Part]
    where = [w for w in where if not w.startswith("0 ")]
    return f"{text} — {', '.join(where)}" if where else text


@pytest.fixture
def window(qtbot, corpus):
    return show_window(qtbot, MainWindow(load=None, state=TimelineState(corpus)))


def type_search(qtbot, window, text: str) -> None:
    box = window.find_bar.search
    box.clear()
    qtbot.keyClicks(box, text)
    settle()


def shown_ids(window) -> list[str]:
    return [window.state.store.id_of(int(i)) for i in window.state.matches]


# (query, why): each checked against what the texts themselves hold
QUERIES = [
    ("Minsk", "in three articles, one title, mostly deep in the text"),
    ("minsk", "any case"),
    ("Tasmagambetov", "titles and sentences"),
    ("change of generations", "one phrase near the end of the longest article"),
    ("peacekeeping   operation", "runs of blanks in the query are one space"),
    ("no such words anywhere", "nothing"),
]


@pytest.mark.parametrize(("query", "why"), QUERIES, ids=[q for q, _ in QUERIES])
def test_search_counts_every_event_whose_texts_hold_the_query(qtbot, window, corpus, query, why):
    want = expected_parts(corpus, query)
    type_search(qtbot, window, query)
    assert set(shown_ids(window)) == set(want), why
    parts = {window.state.store.id_of(i): p for i, p in window.state.match_parts.items()}
    assert parts == want, why
    assert window.find_bar.match_label.text() == (label_for(want) if want else "0 matches")
    marks = window.timeline_view.marks
    assert set(marks.index[marks._match].tolist()) == set(window.state.matches.tolist())


def test_minsk_is_found_in_article_text_beyond_titles_and_sentences(qtbot, window, corpus):
    with_minsk = {
        e.id
        for e in corpus.events
        if any("minsk" in corpus.documents[s.doc_id].text.lower() for s in e.sources)
    }
    in_titles = {e.id for e in corpus.events if "minsk" in e.title.lower()}
    assert len(with_minsk) > len(in_titles) >= 1  # the corpus is a fair test
    type_search(qtbot, window, "Minsk")
    assert set(shown_ids(window)) == with_minsk
    assert window.state.match_counts()[Part.TITLE] == len(in_titles)


def test_the_article_marks_each_occurrence_and_forgets_them_with_the_text(qtbot, window, corpus):
    type_search(qtbot, window, "Minsk")
    window.state.find_step(1)
    settle()
    event = window.state.selected_event
    views = window.detail_pane.source_views()
    for view, source in zip(views, event.sources, strict=True):
        holds = "minsk" in corpus.documents[source.doc_id].text.lower()
        assert ("#8fd3ff" in view.toHtml()) == holds  # MATCH_STYLE's blue, as Qt writes it
    assert any("#8fd3ff" in v.toHtml() for v in views)
    window.find_bar.search.clear()  # the clear button, or deleting the text
    settle()
    assert window.find_bar.match_label.text() == ""
    assert not len(window.state.matches) and window.state.search_text == ""
    assert not any("#8fd3ff" in v.toHtml() for v in window.detail_pane.source_views())
    assert not window.timeline_view.marks._match.any()


def test_a_hit_deep_in_a_long_article_is_scrolled_into_view(qtbot, window, corpus):
    type_search(qtbot, window, "change of generations")
    window.state.find_step(1)
    settle()
    view = window.detail_pane.tabs.currentWidget()
    found = view.document().find("change of generations")
    assert not found.isNull()
    rect = view.cursorRect(found)
    assert rect.top() >= 0 and rect.bottom() <= view.viewport().height()
    assert view.verticalScrollBar().value() > 0  # it is far down


def test_source_html_marks_matches_in_blue():
    from timeline_app.gui.detail_pane import source_html

    timeline = make_timeline()
    event = timeline.event("e-arrive")
    doc = timeline.documents[event.sources[0].doc_id]
    html = source_html(doc, event.sources[0], "ALMATY")
    assert html.count(MATCH_STYLE) == doc.text.lower().count("almaty") == 2
    assert MATCH_STYLE not in source_html(doc, event.sources[0], "")


def test_the_index_is_built_once_per_timeline(qtbot, monkeypatch):
    built = []
    real = search_module.SearchIndex.of

    def counting(timeline, **kw):
        built.append(timeline)
        return real(timeline, **kw)

    monkeypatch.setattr(search_module.SearchIndex, "of", counting)
    timeline = make_timeline()
    state = TimelineState(timeline)
    assert state.store.ids == [e.id for e in timeline.events]  # event i is store index i
    assert built == []  # not before the first search
    for text in ("alliance", "Almaty", "withdrawal", ""):
        state.set_search(text)
    assert built == [timeline]
    other = make_timeline()
    state.set_timeline(other)
    state.set_search("alliance")
    assert built == [timeline, other]


def test_a_store_in_another_order_still_gets_its_own_events(qtbot):
    timeline = make_timeline()
    store = EventStore.from_timeline(timeline)
    # a store whose events are other objects than the timeline's: matched through the ids
    state = TimelineState(timeline, store=store)
    timeline.events = list(reversed(timeline.events))
    state.set_search("protests begin")  # only in a title; the article says "began"
    assert [store.id_of(int(i)) for i in state.matches] == ["e-protests"]


def test_after_a_rename_the_box_keeps_its_text_and_the_count_follows(qtbot, tmp_path):
    folder = tmp_path / "csto"
    shutil.copytree(SHIPPED_CORPUS, folder)
    project = Project(folder)
    try:
        state = TimelineState(project.timeline)
        state.set_project(project)
        window = show_window(qtbot, MainWindow(load=None, state=state))
        type_search(qtbot, window, "Minsk")
        before = expected_parts(state.timeline, "Minsk")
        target = next(e for e in state.timeline.events if before.get(e.id) is Part.ARTICLE)
        state.select(target.id)
        window.edit_actions.rename_action.trigger()
        dialog = window.edit_actions.dialog
        dialog.line_edit.setText("Leaders gathered in Minsk")
        qtbot.mouseClick(dialog.ok_button(), Qt.MouseButton.LeftButton)
        settle()
        bar = window.find_bar
        assert bar.search.text() == "Minsk" == state.search_text
        after = expected_parts(state.timeline, "Minsk")
        assert set(after) == set(before) and after[target.id] is Part.TITLE
        assert bar.match_label.text().endswith(label_for(after))
        bar.search.clear()
        settle()
        assert bar.match_label.text() == "" and not len(state.matches)
        assert not window.timeline_view.marks._match.any()
        assert not any("#8fd3ff" in v.toHtml() for v in window.detail_pane.source_views())
    finally:
        project.close()


def test_another_corpus_empties_the_box_the_count_and_the_marks(qtbot, window):
    type_search(qtbot, window, "Minsk")
    assert window.find_bar.match_label.text()
    window.state.set_timeline(make_timeline())
    settle()
    assert window.find_bar.search.text() == "" == window.state.search_text
    assert window.find_bar.match_label.text() == ""
    assert not window.timeline_view.marks._match.any()


ARTICLE = (
    "Talks number {i}\nPosted: {day:02d}.03.2021 10:00:00\n\n"
    "Minister Anna Berg met the delegation of the Council in {city} on Monday, "
    "the ministry said.\n"
)
CITIES = ["Riga", "Tallinn", "Vilnius", "Riga", "Tallinn", "Riga"]


def test_partial_loads_keep_the_search_and_count_each_new_timeline(qtbot, tmp_path, monkeypatch):
    class Always(Pacer):
        def due(self) -> bool:
            return True

    monkeypatch.setattr(file_loader, "Pacer", Always)
    folder = tmp_path / "news"
    folder.mkdir()
    for i, city in enumerate(CITIES):
        text = ARTICLE.format(i=i, day=3 + i, city=city)
        (folder / f"a{i:02d}.txt").write_text(text, encoding="utf-8")
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    seen = []

    def on_partial() -> None:  # the user searches as soon as the first events show
        if window.state.timeline.events and not window.find_bar.search.text():
            window.find_bar.search.setText("riga")
        seen.append((window.find_bar.search.text(), window.find_bar.match_label.text()))
        want = expected_parts(window.state.timeline, "riga")
        assert set(shown_ids(window)) == set(want)
        assert window.find_bar.match_label.text() == (label_for(want) if want else "0 matches")

    window.state.timeline_changed.connect(on_partial)
    with qtbot.waitSignal(window.state.project_opened, timeout=10000):
        window.open_folder(folder)
    settle()
    on_partial()
    assert len(seen) >= 3
    assert window.find_bar.search.text() == "riga"
    assert set(shown_ids(window)) == set(expected_parts(window.state.timeline, "riga"))
    assert len(window.state.matches) >= 1
    window.close()


def test_on_a_large_timeline_the_count_waits_for_a_pause_and_never_lies(qtbot, window, monkeypatch):
    from timeline_app.gui import find_bar

    monkeypatch.setattr(find_bar, "_DEBOUNCE_EVENTS", 0)  # as with 20,000 events and more
    bar = window.find_bar
    type_search(qtbot, window, "Minsk")
    qtbot.waitUntil(lambda: window.state.search_text == "Minsk", timeout=2000)
    assert bar.match_label.text() == label_for(expected_parts(window.state.timeline, "Minsk"))
    qtbot.keyClicks(bar.search, " summit")  # typed, not yet searched: no stale count
    assert window.state.search_text == "Minsk" and bar.match_label.text() == "…"
    window.state.replace_timeline(window.state.timeline, select=None)  # an edit arrives
    assert bar.search.text() == "Minsk summit" == window.state.search_text
    assert bar.match_label.text() == label_for(
        expected_parts(window.state.timeline, "Minsk summit")
    )
    bar.search.clear()  # emptied: at once
    assert window.state.search_text == "" and bar.match_label.text() == ""
