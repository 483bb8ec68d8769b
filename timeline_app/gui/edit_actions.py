"""The Edit menu: every user edit of a project, with undo and redo.

Each command calls `project.edit(...)`, which commits the edit to the project store before
it returns, and only then shows the timeline it returned: whatever the window shows as
done is already on disk, so killing the process loses nothing shown. The selection stays
on the edited event (for a merge the kept one, for a split the original).

On a timeline of more than `BACKGROUND_EVENTS` events, an edit, undo or redo (which copies
every event, and at first decodes those of a corpus opened from its store: seconds at
30,000) runs in the `Background`, one after another in the order asked for; the window
paints and answers meanwhile, and shows each result when it is there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from timeline_app.model import Event, Source, Timeline
from timeline_app.project import Project
from timeline_app.store import Edit
from timeline_app.store.added_events import is_article
from timeline_app.store.edits import date_value

from ..plan.columns import EventStore
from .background import BACKGROUND_EVENTS, Background
from .edit_dialogs import DateDialog, EventPickerDialog, PickRow, TitleDialog

if TYPE_CHECKING:
    from .detail_pane import DetailPane
    from .event_list import EventListView
    from .state import TimelineState

__all__ = ["EditActions", "describe_edit"]

# events the merge picker lists: those nearest in date to the one merged into (a list of
# 30,000 rows takes a second to build, and a merge is almost always with a neighbour)
PICK_NEAREST = 2000

_WHAT = {
    "event.title": "rename event",
    "event.date": "edit date",
    "event.merge": "merge events",
    "event.split": "split source off",
    "document.published": "set publication date",
    "event.note": "edit note",
    "event.tags": "set tags",
    "event.tag_add": "add tag",
    "event.tag_remove": "remove tag",
    "event.add": "add event",
    "event.remove": "remove event",
    "period.add": "add period",
    "period.remove": "remove period",
    "view.save": "save view",
    "view.delete": "delete view",
}


def describe_edit(edit: Edit) -> str:
    """What an edit did, in the words of the Undo/Redo menu items ("rename event")."""
    if edit.kind == "event.hidden":
        return "hide event" if edit.value.get("hidden", True) else "show event"
    if edit.kind == "event.star":
        return "star event" if edit.value.get("starred", True) else "unstar event"
    return _WHAT.get(edit.kind, "edit")


class EditActions(QObject):
    """The actions of the Edit menu (and a View toggle, and the detail pane's source
    buttons), acting on `state.project` — None: nothing is editable. What is selected comes
    from `state`, `detail_pane` (the source shown) and `event_list` (the rows selected);
    dialogs open window-modal over `parent`.

    Signals:
        done(str): an edit, undo or redo was made and saved; what it was, for a status line.
        failed(str, str): one could not be made (a title, the reason): nothing changed.
        refreshed(): what can be done was worked out again (selection, rows, an edit).
    """

    done = Signal(str)
    failed = Signal(str, str)
    refreshed = Signal()

    def __init__(
        self,
        state: TimelineState,
        detail_pane: DetailPane,
        event_list: EventListView,
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.state, self._detail, self._list, self._parent = state, detail_pane, event_list, parent
        self.dialog: QDialog | None = None  # the dialog open now (tests fill it in)
        self._redo: list[Edit] = []  # what undo took back this session, newest last
        self._seen: Project | None = None
        self._undo_next: Edit | None = None  # what Undo takes back, read from the log ...
        self._undo_stale = True  # ... again only after an edit, undo, redo or new project
        self._background = Background(self)  # edits of a large timeline (see the module)

        def action(text: str, slot: Callable[[], Any], shortcut: Any = None) -> QAction:
            act = QAction(text, parent)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            return act

        self.undo_action = action("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = action("&Redo", self.redo, "Ctrl+Shift+Z")
        self.date_action = action("Edit &date…", self.edit_date, "Ctrl+D")
        self.rename_action = action("&Rename event…", self.rename, "F2")
        self.hide_action = action("&Hide event", self.toggle_hidden, "Del")
        self.merge_action = action("&Merge with…", self.merge_with)
        self.merge_selected_action = action("Merge &selected", self.merge_selected, "Ctrl+M")
        self.split_action = action("S&plit this source off", self.split_source)
        self.published_action = action("Set &publication date…", self.set_published)
        self.show_hidden_action = action("Show &hidden events", lambda: None, "Ctrl+H")
        self.show_hidden_action.setCheckable(True)
        self.show_hidden_action.toggled.connect(self.state.set_show_hidden)
        self.menu_actions = [
            self.undo_action,
            self.redo_action,
            None,
            self.rename_action,
            self.date_action,
            self.hide_action,
            None,
            self.merge_action,
            self.merge_selected_action,
            self.split_action,
            None,
            self.published_action,
        ]  # None: a separator
        self.source_actions = [self.split_action, self.published_action]
        for signal in (
            state.project_opened,
            state.timeline_changed,
            state.selection_changed,
            detail_pane.tabs.currentChanged,
            event_list.selectionModel().selectionChanged,
        ):
            signal.connect(self.refresh)
        self.refresh()

    # -- what can be done now ------------------------------------------------------------
    def project(self) -> Project | None:
        project = self.state.project
        if project is not self._seen:  # another corpus: its redo history is not ours
            self._seen, self._redo, self._undo_stale = project, [], True
        return project

    def selected_event(self) -> Event | None:
        """The selected event as the project has it (None if it has none such)."""
        project, event_id = self.project(), self.state.selected_id
        if project is None or event_id is None:
            return None
        try:
            return project.timeline.event(event_id)
        except KeyError:
            return None

    def refresh(self, *args: object) -> None:
        """Enable what can be done and name what Undo/Redo would do."""
        project, event = self.project(), self.selected_event()
        source = self._detail.current_source() if event else None
        for act in (self.date_action, self.rename_action, self.hide_action):
            act.setEnabled(event is not None)
        self.hide_action.setText("Un&hide event" if event and event.hidden else "&Hide event")
        self.merge_action.setEnabled(event is not None and len(project.timeline.events) > 1)
        self.merge_selected_action.setEnabled(
            project is not None and len(self.list_ids(project)) >= 2
        )
        self.split_action.setEnabled(source is not None and len(event.sources) >= 2)
        self.published_action.setEnabled(_article_source(project, source))
        last = self._last_edit(project) if project else None
        self.undo_action.setEnabled(last is not None)
        self.undo_action.setText(f"&Undo {describe_edit(last)}" if last else "&Undo")
        can_redo = project is not None and project.store.can_redo()
        self.redo_action.setEnabled(can_redo)
        named = f" {describe_edit(self._redo[-1])}" if can_redo and self._redo else ""
        self.redo_action.setText(f"&Redo{named}")
        self.refreshed.emit()

    def list_ids(self, project: Project) -> list[str]:
        """The event list's selected rows that name events of `project`."""
        out = []
        for event_id in self._list.selected_ids():
            try:
                out.append(project.timeline.event(event_id).id)
            except KeyError:
                continue
        return out

    def _last_edit(self, project: Project) -> Edit | None:
        """The edit Undo would take back (read once per change, not per selection)."""
        if self._undo_stale:
            edits = project.store.edits()
            self._undo_next, self._undo_stale = (edits[-1] if edits else None), False
        return self._undo_next

    # -- commands ------------------------------------------------------------------------
    def undo(self) -> None:
        self._step(undo=True)

    def redo(self) -> None:
        self._step(undo=False)

    def rename(self) -> None:
        if (event := self.selected_event()) is not None:
            dlg = TitleDialog(event.title, self._parent)
            self.open_dialog(
                dlg, lambda: self.commit("event.title", event.id, {"title": dlg.title()}, event.id)
            )

    def edit_date(self) -> None:
        if (event := self.selected_event()) is None:
            return
        said = ", ".join(dict.fromkeys(f"“{s.date_text}”" for s in event.sources))
        dlg = DateDialog(
            "Edit date", event.date, self._parent, note=f"The sources say {said}." if said else ""
        )

        def accepted() -> None:
            value = dlg.value()
            if value is not None and value != event.date:
                self.commit("event.date", event.id, date_value(value), event.id)

        self.open_dialog(dlg, accepted)

    def toggle_hidden(self) -> None:
        if (event := self.selected_event()) is not None:
            self.commit("event.hidden", event.id, {"hidden": not event.hidden}, event.id)

    def merge_with(self) -> None:
        if (event := self.selected_event()) is None:
            return
        store, at = self.state.store, self.state.selected_index
        if at is None:
            return
        # from the view's columns (a lazily read corpus decodes no event), the events
        # nearest in date: the store is in date order
        lo = max(0, min(at - PICK_NEAREST // 2, len(store) - PICK_NEAREST - 1))
        near = [k for k in range(lo, min(len(store), lo + PICK_NEAREST + 1)) if k != at]
        others = [
            PickRow(store.id_of(k), store.fuzzy_date(k), store.titles[k], int(store.n_sources[k]))
            for k in near
        ]
        prompt = (
            f"Merge into “{event.title}” (it keeps its title and date, and takes the other's "
            "sources):"
        )
        if len(others) < len(store) - 1:
            prompt += (
                f"\n(the {len(others):,} events nearest in date; to merge with one further "
                "away, select both in the list and use Merge selected)"
            )
        dlg = EventPickerDialog("Merge events", prompt, others, self._parent)
        nearest = min(
            range(len(near)), default=None, key=lambda k: abs(store.x0[near[k]] - store.x0[at])
        )
        if nearest is not None:
            dlg.set_current(nearest)

        def accepted() -> None:
            if (other := dlg.chosen_id()) is not None:
                self.commit("event.merge", event.id, {"others": [other]}, event.id)

        self.open_dialog(dlg, accepted)

    def merge_selected(self) -> None:
        project = self.project()
        ids = self.list_ids(project) if project else []
        if len(ids) >= 2:
            keep = self.state.selected_id if self.state.selected_id in ids else ids[0]
            self.commit("event.merge", keep, {"others": [i for i in ids if i != keep]}, keep)

    def split_source(self) -> None:
        event = self.selected_event()
        source = self._detail.current_source() if event else None
        if event is not None and source is not None and len(event.sources) >= 2:
            value = {"source": [source.doc_id, source.start, source.date_start]}
            self.commit("event.split", event.id, value, event.id)

    def set_published(self) -> None:
        project = self.project()
        source = self._detail.current_source()
        if project is None or source is None or not _article_source(project, source):
            return
        doc = project.timeline.documents[source.doc_id]
        dlg = DateDialog(
            "Set publication date",
            doc.published,
            self._parent,
            allow_unknown=True,
            note=f"“{doc.title or doc.id}”. Relative dates in it (“on Thursday”, "
            "“last week”) are worked out again from the new date.",
        )

        def accepted() -> None:
            value = dlg.value()
            if value != doc.published:
                payload = date_value(value) if value else {"date": None, "part": None}
                self.commit("document.published", doc.id, payload, self.state.selected_id)

        self.open_dialog(dlg, accepted)

    # -- plumbing ------------------------------------------------------------------------
    def open_dialog(self, dlg: QDialog, on_accept: Callable[[], None]) -> None:
        """Show `dlg` window-modal without blocking; act on OK."""
        self.dialog = dlg
        dlg.accepted.connect(on_accept)
        dlg.finished.connect(lambda _: self._closed(dlg))
        dlg.open()

    def _closed(self, dlg: QDialog) -> None:
        if self.dialog is dlg:
            self.dialog = None
        dlg.deleteLater()

    def commit(self, kind: str, target: str, value: dict[str, Any], select: str | None) -> bool:
        """Record the edit (durably), then show the timeline with it and select `select`;
        False if there is no project or the edit failed (then `failed` said why)."""
        project = self.project()
        if project is None:
            return False
        edit, before = Edit(0, kind, target, value), self.selected_event()

        def work() -> _Shown:
            timeline = project.edit(kind, target, value)
            return _Shown.of(timeline, _follow(timeline, select, before), large)

        def then(shown: _Shown) -> None:
            if project is not self.state.project:  # another folder was opened meanwhile
                return
            self._redo.clear()
            self._undo_stale = True
            shown.show(self.state)
            self._done(f"Saved: {describe_edit(edit)} (Ctrl+Z undoes it)")

        def failed(exc: BaseException) -> None:  # a full disk, a locked store: not done
            if project is self.state.project:  # (not: its store closed for another folder)
                self._fail(f"Could not {describe_edit(edit)}", exc)

        large = len(project.timeline.events) > BACKGROUND_EVENTS
        if large or self._background.busy:  # after the edits still on their way
            self._background.run(work, then, failed)
            return True
        try:
            shown = work()
        except Exception as exc:
            failed(exc)
            return False
        then(shown)
        return True

    def _step(self, *, undo: bool) -> None:
        project = self.project()
        if project is None:
            return
        before, selected = self.selected_event(), self.state.selected_id

        def work() -> tuple[Edit | None, _Shown | None]:
            edit = project.undo() if undo else project.redo()
            if edit is None:
                return None, None
            keep = edit.target if edit.kind.startswith("event.") else selected
            return edit, _Shown.of(project.timeline, _follow(project.timeline, keep, before), large)

        def then(outcome: tuple[Edit | None, _Shown | None]) -> None:
            if project is not self.state.project:  # another folder was opened meanwhile
                return
            edit, shown = outcome
            self._undo_stale = True
            if edit is None or shown is None:
                self.refresh()
                return
            if undo:
                self._redo.append(edit)
            elif self._redo:
                self._redo.pop()
            shown.show(self.state)
            self._done(f"{'Undid' if undo else 'Redid'} {describe_edit(edit)}")

        def failed(exc: BaseException) -> None:
            if project is self.state.project:
                self._fail(f"Could not {'undo' if undo else 'redo'}", exc)

        large = len(project.timeline.events) > BACKGROUND_EVENTS
        if large or self._background.busy:
            self._background.run(work, then, failed)
            return
        try:
            outcome = work()
        except Exception as exc:
            failed(exc)
            return
        then(outcome)

    def finish(self) -> None:
        """Save the edits still on their way (the window closes): none is lost."""
        self._background.finish()

    def _done(self, message: str) -> None:
        project = self.project()
        if project is not None and project.skipped:  # their events are gone (or renamed)
            n = len(project.skipped)
            message += f" · {n} earlier edit{'s' if n != 1 else ''} no longer apply"
        self.refresh()
        self.done.emit(message)

    def _fail(self, title: str, exc: BaseException) -> None:
        self.failed.emit(title, str(exc) or type(exc).__name__)
        self.refresh()


class _Shown:
    """An edited timeline to show, the event to select, and (made where the edit ran, off
    the GUI thread for a large timeline) its store."""

    def __init__(self, timeline: Timeline, select: str | None, store: EventStore | None) -> None:
        self.timeline, self.select, self.store = timeline, select, store

    @classmethod
    def of(cls, timeline: Timeline, select: str | None, large: bool) -> _Shown:
        return cls(timeline, select, EventStore.from_timeline(timeline) if large else None)

    def show(self, state: TimelineState) -> None:
        state.replace_timeline(self.timeline, select=self.select, store=self.store)


def _article_source(project: Project | None, source: Source | None) -> bool:
    """Whether `source` is an article's (not the text given with an event added by hand):
    only an article has a publication date to set."""
    if project is None or source is None:
        return False
    doc = project.timeline.documents.get(source.doc_id)
    return doc is not None and is_article(doc)


def _follow(timeline: Timeline, wanted: str | None, before: Event | None) -> str | None:
    """`wanted` if the timeline has it, else the event that now holds the first source of
    the one selected `before` (an event's id includes its date, so re-resolving an article's
    dates gives its events new ids)."""
    if wanted is not None:
        try:
            return timeline.event(wanted).id
        except KeyError:
            pass
    if before is None or not before.sources:
        return None
    first = before.sources[0]
    key = (first.doc_id, first.start, first.date_start)
    return next(
        (
            e.id
            for e in timeline.events
            if any((s.doc_id, s.start, s.date_start) == key for s in e.sources)
        ),
        None,
    )
