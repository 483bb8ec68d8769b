"""The selected event's title and date, and each source article with the sentence marked.

A planned event (a plan or forecast, not a fact) says so on its date line; each source
lists the sentence's other time expressions — comparison bases, bounds, deadlines — as
context, marked grey in the text: they date no event, but a reader should see them. The
search text is marked blue wherever it occurs in the article (any case, any accents), and
cleared with the search. With no event selected, the pane shows the corpus at a glance
(`model.summary`), as plain text.
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFontDatabase, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model import Document, Event, Source, TimeNote
from timeline_app.model.search import find_spans
from timeline_app.model.summary import summarize
from timeline_app.store.added_events import AddedSource, is_article

from ..plan import sizes
from ..render import style
from . import plain
from .marks import ADDED, marked_title, workbench_lines
from .plain import escape
from .state import TimelineState

__all__ = ["DetailPane", "SourceView", "source_html"]

SENTENCE_STYLE = "background-color:#fff0a0; color:#1d1d1d"  # dark text on yellow in either scheme
DATE_STYLE = "background-color:#ffc98a; color:#8a1c00; font-weight:bold"
CONTEXT_STYLE = "background-color:#e2e5ea; color:#33404f"  # neutral: dates nothing
MATCH_STYLE = "background-color:#8fd3ff; color:#00263f"  # the search text
PLANNED_STYLE = f"color:{style.PLANNED.name()}; font-weight:bold"
_ANCHOR = "sentence"
_MATCH_ANCHOR = "match"  # the first occurrence of the search text
EDITED_MARK = " ✎"  # after a title the user edited
_USER_SET = "set by the user"  # ingest's note on a publication date the user set


def source_html(doc: Document, source: Source, query: str = "") -> str:
    """The document's full text as HTML: the sentence on a yellow background, the date
    expression bold on orange (it may lie outside the sentence, e.g. in a header line),
    the sentence's context notes on grey, each occurrence of `query` on blue. Every piece
    of document text is escaped."""
    return _source_html(doc, source, find_spans(doc.text, query) if query.strip() else [])


def _source_html(doc: Document, source: Source, hits: list[tuple[int, int]]) -> str:
    text = doc.text
    n = len(text)

    def clamp(i: int) -> int:
        return min(max(i, 0), n)

    s0, s1 = clamp(source.start), clamp(source.end)
    d0, d1 = clamp(source.date_start), clamp(source.date_end)
    notes = [(clamp(t.start), clamp(t.end)) for t in source.context]
    anchor_at = s0 if s1 > s0 else d0
    parts = []
    cuts = {0, n, s0, s1, d0, d1, *(i for span in notes + hits for i in span)}
    for a, b in pairwise(sorted(cuts)):
        seg = escape(text[a:b])
        if d0 <= a < d1:
            seg = f'<span style="{DATE_STYLE}">{seg}</span>'
        elif any(n0 <= a < n1 for n0, n1 in notes):
            seg = f'<span style="{CONTEXT_STYLE}">{seg}</span>'
        elif s0 <= a < s1:
            seg = f'<span style="{SENTENCE_STYLE}">{seg}</span>'
        if any(h0 <= a < h1 for h0, h1 in hits):
            seg = f'<span style="{MATCH_STYLE}">{seg}</span>'
        if hits and a == hits[0][0]:
            seg = f'<a name="{_MATCH_ANCHOR}">{seg}</a>'
        if a == anchor_at:
            seg = f'<a name="{_ANCHOR}">{seg}</a>'
        parts.append(seg)
    planned = (
        f' · <span style="{PLANNED_STYLE}">{sizes.PLANNED_WORDS}</span>' if source.planned else ""
    )
    if isinstance(doc, AddedSource):  # what the user gave with an event added by hand
        meta = [f"{ADDED} added by hand, dated {escape(source.date.label())}"]
    else:
        meta = [escape(x) for x in (doc.outlet or "", _published(doc), doc.id) if x]
        meta.append(
            f'date stated as <span style="{DATE_STYLE}">{escape(source.date_text)}</span>'
            f" → {escape(source.date.label())}{planned}{_context_html(source.context)}"
        )
    return (
        f'<p style="margin-bottom:4px"><b>{escape(doc.title or doc.id)}</b><br>'
        f'<span style="color:#555">{" · ".join(meta[:-1])}{"<br>" if len(meta) > 1 else ""}'
        f"{meta[-1]}"
        f'</span></p><hr><div style="white-space:pre-wrap">{"".join(parts)}</div>'
    )


def _context_html(notes: tuple[TimeNote, ...]) -> str:
    """'time context: since 1998 — comparison · by 2027 — deadline' (escaped), or ''."""
    if not notes:
        return ""
    items = [
        f'<span style="{CONTEXT_STYLE}">{escape(t.text)}</span> — {escape(t.role)}' for t in notes
    ]
    return "<br>time context (dates no event): " + " · ".join(items)


def _published(doc: Document) -> str:
    edited = " (edited)" if doc.published_note == _USER_SET else ""
    return f"published {doc.published.label()}{edited}" if doc.published else edited.strip()


class SourceView(QTextBrowser):
    """One source article; scrolls to the event's sentence once it is first shown (to the
    search text's first occurrence instead, when the sentence does not hold it)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self._pending_scroll = False
        self._anchor = _ANCHOR
        self.doc: Document | None = None
        self.source: Source | None = None
        self.query = ""
        self.has_hits = False  # the article holds the search text

    def show_source(self, doc: Document | None, source: Source, query: str = "") -> None:
        self.doc, self.source, self.query = doc, source, query
        if doc is None:
            self.setHtml(
                f"<p>The article <b>{escape(source.doc_id)}</b> is not part "
                "of the loaded corpus.</p>"
            )
            return
        hits = find_spans(doc.text, query) if query.strip() else []
        self.setHtml(_source_html(doc, source, hits))
        self.has_hits = bool(hits)
        in_sentence = any(source.start <= a < source.end for a, _ in hits)
        self._anchor = _MATCH_ANCHOR if hits and not in_sentence else _ANCHOR
        self._pending_scroll = True
        if self.isVisible():
            self.scroll_to_sentence()

    def highlight(self, query: str) -> None:
        """Mark `query` in the article instead of the text marked so far ("": none)."""
        if query != self.query and self.source is not None:
            self.show_source(self.doc, self.source, query)

    def scroll_to_sentence(self) -> None:
        """Bring the sentence (or the search text) into view with some context above it."""
        self._pending_scroll = False
        self.scrollToAnchor(self._anchor)  # puts it at the top, unless near the end
        bar = self.verticalScrollBar()
        if 0 < bar.value() < bar.maximum():
            bar.setValue(bar.value() - self.viewport().height() // 4)

    def showEvent(self, event: QShowEvent) -> None:  # Qt override
        super().showEvent(event)
        if self._pending_scroll:
            self.scroll_to_sentence()


class DetailPane(QWidget):
    """Shows the state's selected event: its title, its date with precision, its sources.

    What the user edited is marked (EDITED_MARK after the title, "(edited)" after the
    date). `set_source_actions` puts buttons acting on the current source tab (see
    `current_source`) beside the tabs; the pane itself never edits anything.
    """

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self._header_plain = ""
        self.header = plain.rich_label()  # composed by `_set_header`, document text escaped
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # the analyst's part: marks, tags, the note, each source's date when they disagree
        self.workbench = plain.label()
        self.workbench.setWordWrap(True)
        self.workbench.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.workbench.setVisible(False)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        # the corpus at a glance while no event is selected; plain text by construction
        self.summary = QPlainTextEdit(readOnly=True)
        self.summary.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.summary.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self._summary_lines: list[str] | None = None  # of the state's timeline, once asked
        self._sources: list[Source] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 4)
        layout.addWidget(self.header)
        layout.addWidget(self.workbench)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.summary, 1)
        state.selection_changed.connect(self._on_selection_changed)
        state.timeline_changed.connect(self._on_timeline_changed)
        state.search_changed.connect(self._on_search_changed)
        state.loading_changed.connect(lambda _: self._show_summary())
        self._show(state.selected_event)

    def plain_text(self) -> str:
        """Everything the pane shows, as plain text (header, then each source, or the
        corpus summary)."""
        views = [self.tabs.widget(i) for i in range(self.tabs.count())]
        shown = [v.toPlainText() for v in views]
        if self.summary.isVisibleTo(self):
            shown.append(self.summary.toPlainText())
        bench = [self.workbench.text()] if self.workbench.isVisibleTo(self) else []
        return "\n\n".join([self._header_plain, *bench, *shown])

    def source_views(self) -> list[SourceView]:
        return [self.tabs.widget(i) for i in range(self.tabs.count())]

    def current_source(self) -> Source | None:
        """The source of the tab on show, or None when no event is selected."""
        i = self.tabs.currentIndex()
        return self._sources[i] if 0 <= i < len(self._sources) else None

    def set_source_actions(self, actions: list[QAction]) -> None:
        """Show `actions` as buttons at the right of the tab bar (they act on the tab)."""
        corner = QWidget()
        row = QHBoxLayout(corner)
        row.setContentsMargins(0, 0, 0, 2)
        row.setSpacing(4)
        for act in actions:
            button = QToolButton()
            button.setDefaultAction(act)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setAutoRaise(True)
            row.addWidget(button)
        self.tabs.setCornerWidget(corner, Qt.Corner.TopRightCorner)
        corner.show()

    def _on_selection_changed(self, event_id: str | None) -> None:
        self._show(self.state.selected_event)

    def _on_timeline_changed(self) -> None:
        self._summary_lines = None
        self._show(self.state.selected_event)

    def _on_search_changed(self) -> None:
        for view in self.source_views():
            view.highlight(self.state.search_text)
        self._open_matching_tab()

    def _show_summary(self) -> None:
        """The corpus summary (computed once per timeline), and what is loading."""
        if self.state.selected_event is not None:
            return
        if self._summary_lines is None:
            timeline, store = self.state.timeline, self.state.store  # columns: no pass
            self._summary_lines = summarize(
                timeline,
                is_article=is_article,
                facts=store.facts() if len(store) == len(timeline.events) else None,
            ).lines()
        loading = self.state.loading
        lines = self._summary_lines
        if loading and not self.state.timeline.events:
            lines = [loading]
        elif loading:
            lines = [loading, "", *lines]
        self.summary.setPlainText("\n".join(lines))

    def _show(self, event: Event | None) -> None:
        self._sources = list(event.sources) if event is not None else []
        while self.tabs.count():
            view = self.tabs.widget(0)
            self.tabs.removeTab(0)
            view.deleteLater()
        self.tabs.setVisible(event is not None)
        self.summary.setVisible(event is None)
        self._show_workbench(event)
        if event is None:
            self._set_header(
                "No event selected",
                "Click an event on the timeline, or press → to select the first.",
            )
            self._show_summary()
            return
        n = len(event.sources)
        edited = event.edited
        detail = [
            event.date.describe() + (" (edited)" if "date" in edited else ""),
            f"{n} source{'s' if n != 1 else ''}" + (" (edited)" if "sources" in edited else ""),
        ]
        n_planned = sum(s.planned for s in event.sources)
        if 0 < n_planned < n:  # not a planned event, but some sources speak of a plan
            detail.append(f"{n_planned} of {n} sources: {sizes.PLANNED_WORDS}")
        if event.hidden:
            detail.append("hidden")
        lead = sizes.PLANNED_WORDS.capitalize() + ":" if event.planned else ""
        title = marked_title(event, tail=EDITED_MARK if "title" in edited else "")
        self._set_header(title, " · ".join(detail), lead=lead)
        for i, source in enumerate(event.sources, 1):
            doc = self.state.timeline.documents.get(source.doc_id)
            view = SourceView()
            name = (doc.outlet or doc.title or doc.id) if doc else source.doc_id
            short = name if len(name) <= 40 else name[:39].rstrip() + "…"
            self.tabs.addTab(view, plain.tab_text(f"{i}. {short}"))
            self.tabs.setTabToolTip(
                i - 1, plain.tooltip((doc.title or doc.id) if doc else source.doc_id)
            )
            view.show_source(doc, source, self.state.search_text)
        self._open_matching_tab()

    def _show_workbench(self, event: Event | None) -> None:
        """The marks in words, the tags, the note and, when sources disagree, each date
        with the independent outlets that give it (plain text: a note is the user's)."""
        lines = workbench_lines(event, self.state.timeline.documents) if event else []
        self.workbench.setText("\n".join(lines))
        self.workbench.setVisible(bool(lines))

    def _open_matching_tab(self) -> None:
        """Searching, open the first source whose article holds the search text."""
        views = self.source_views()
        hit = next((k for k, v in enumerate(views) if v.has_hits), None)
        if hit is not None and not views[self.tabs.currentIndex()].has_hits:
            self.tabs.setCurrentIndex(hit)

    def _set_header(self, title: str, detail: str, *, lead: str = "") -> None:
        """`lead` opens the date line in the planned colour ("Planned / expected:")."""
        self._header_plain = f"{title}\n{lead + ' ' if lead else ''}{detail}"
        badge = f'<span style="{PLANNED_STYLE}">{escape(lead)}</span> ' if lead else ""
        self.header.setText(
            f'<span style="font-size:13pt; font-weight:bold">'
            f"{escape(title)}</span><br>{badge}{escape(detail)}"
        )
