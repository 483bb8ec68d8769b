"""The analyst's workbench in the window: star, tag and annotate events, add events and
periods by hand, save views, show only starred, disputed or key events.

Every change goes through `EditActions.commit` — one project edit, on disk before the
window shows it, one step of Undo — so this module only decides which edit a command
makes. The filters and "Key events only" are view choices in the state, not edits; a saved
view keeps them (`saved_views`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import uuid4

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from timeline_app.model import Era, Event, FuzzyDate, Timeline
from timeline_app.store.edits import date_value

from . import plain
from .edit_actions import EditActions
from .edit_dialogs import TitleDialog
from .marks import ADDED, DISPUTED, NOTE, STAR
from .saved_views import capture_view, restore_view, view_summary
from .state import TimelineState
from .tag_dialog import TagDialog, corpus_tags
from .workbench_dialogs import AddEventDialog, NoteDialog, PeriodDialog

__all__ = ["WorkbenchActions", "user_periods"]


def user_periods(timeline: Timeline) -> list[Era]:
    """The periods and milestones the user drew (the timeline's eras with `user` set), in
    date order."""
    return sorted((e for e in timeline.eras if e.user), key=lambda e: (e.date.start, e.label))


class WorkbenchActions(QObject):
    """The workbench's actions, on the selected event (or the event list's selected rows,
    for tags) of `state.project`; dialogs open window-modal over `parent`.

    Signals:
        view_restored(str, bool): a saved view was put back (its name; whether it had its
            own dates in view, else the window should fit what it shows).
    """

    view_restored = Signal(str, bool)

    def __init__(self, state: TimelineState, edits: EditActions, parent: QWidget) -> None:
        super().__init__(parent)
        self.state, self.edits, self._parent = state, edits, parent

        def action(
            text: str, slot: Callable[..., Any], shortcut: Any = None, *, tip: str = ""
        ) -> QAction:
            act = QAction(text, parent)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            if tip:
                act.setToolTip(tip)
                act.setStatusTip(tip)
            act.triggered.connect(slot)
            return act

        self.star_action = action(f"{STAR} &Star", self.toggle_star, "S", tip="Star the event (S)")
        self.tags_action = action(
            "&Tags…", self.edit_tags, "T", tip="Tag the event, or every selected row (T)"
        )
        self.note_action = action(f"{NOTE} &Note…", self.edit_note, "N", tip="Write a note (N)")
        self.add_event_action = action(
            f"{ADDED} &Add event…", self.add_event, "Ctrl+Shift+N", tip="Add an event by hand"
        )
        self.remove_event_action = action("Remove added event", self.remove_event)
        self.add_period_action = action(
            "Add &period…",
            lambda: self.add_period(),
            "Ctrl+Shift+P",
            tip="Shade a period or mark a day",
        )
        self.periods_menu = QMenu("Remove p&eriod", parent)
        self.periods_menu.aboutToShow.connect(self._fill_periods_menu)
        self.save_view_action = action("&Save view…", self.save_view, "Ctrl+Shift+S")
        self.views_menu = QMenu("Saved &views", parent)
        self.views_menu.aboutToShow.connect(self._fill_views_menu)
        self.delete_views_menu = QMenu("&Delete view", parent)
        self.starred_only_action = action(f"{STAR} Starred only", self._set_starred_only)
        self.disputed_only_action = action(f"{DISPUTED} Disputed only", self._set_disputed_only)
        self.key_only_action = action(
            "&Key events only",
            self.state.set_key_only,
            "K",
            tip="Only the most important events at this zoom: confirmed by most outlets, "
            "starred, tagged (K)",
        )
        for act in (self.starred_only_action, self.disputed_only_action, self.key_only_action):
            act.setCheckable(True)
        self.event_actions = [
            self.star_action,
            self.tags_action,
            self.note_action,
            None,
            self.add_event_action,
            self.remove_event_action,
            self.add_period_action,
        ]  # None: a separator
        for signal in (state.project_opened, state.timeline_changed, state.selection_changed):
            signal.connect(self.refresh)
        edits.refreshed.connect(self.refresh)
        state.filter_changed.connect(self._show_filters)
        self.refresh()

    # -- what can be done now ------------------------------------------------------------
    def refresh(self, *args: object) -> None:
        project, event = self.state.project, self.edits.selected_event()
        for act in (self.star_action, self.tags_action, self.note_action):
            act.setEnabled(event is not None)
        self.tags_action.setEnabled(event is not None or len(self._tag_targets()) > 1)
        starred = event is not None and event.starred
        self.star_action.setText(f"{STAR} Un&star" if starred else f"{STAR} &Star")
        self.remove_event_action.setEnabled(event is not None and event.added)
        for act in (self.add_event_action, self.add_period_action, self.save_view_action):
            act.setEnabled(project is not None)
        self._show_filters()

    def _show_filters(self) -> None:
        for act, on in (
            (self.starred_only_action, bool(self.state.filters["starred"])),
            (self.disputed_only_action, bool(self.state.filters["disputed"])),
            (self.key_only_action, self.state.key_only),
        ):
            if act.isChecked() != on:
                act.blockSignals(True)
                act.setChecked(on)
                act.blockSignals(False)

    def _tag_targets(self) -> list[Event]:
        """The list's selected rows (several), else the selected event, as the project has
        them."""
        project = self.state.project
        if project is None:
            return []
        rows = self.edits.list_ids(project)
        if len(rows) > 1:
            return [project.timeline.event(i) for i in rows]
        event = self.edits.selected_event()
        return [event] if event is not None else []

    # -- commands ------------------------------------------------------------------------
    def toggle_star(self) -> None:
        if (event := self.edits.selected_event()) is not None:
            self.edits.commit("event.star", event.id, {"starred": not event.starred}, event.id)

    def edit_tags(self) -> None:
        targets = self._tag_targets()
        if not targets:
            return
        project = self.state.project
        assert project is not None
        shared = [t for t in targets[0].tags if all(_has_tag(e, t) for e in targets[1:])]
        dlg = TagDialog(shared, corpus_tags(project.timeline.events), len(targets), self._parent)
        keep = self.state.selected_id

        def accepted() -> None:
            if len(targets) == 1:
                event = targets[0]
                self.edits.commit("event.tags", event.id, {"tags": dlg.tags()}, event.id)
                return
            first, others = targets[0].id, [e.id for e in targets[1:]]
            for kind, tags in (("event.tag_add", dlg.added()), ("event.tag_remove", dlg.removed())):
                for tag in tags:
                    value = {"tag": tag, "others": others}
                    if not self.edits.commit(kind, first, value, keep):
                        return

        self.edits.open_dialog(dlg, accepted)

    def edit_note(self) -> None:
        if (event := self.edits.selected_event()) is None:
            return
        dlg = NoteDialog(event.title, event.note, self._parent)
        self.edits.open_dialog(
            dlg, lambda: self.edits.commit("event.note", event.id, {"note": dlg.note()}, event.id)
        )

    def add_event(self) -> None:
        if self.state.project is None:
            return
        selected = self.edits.selected_event()
        dlg = AddEventDialog(selected.date if selected else None, self._parent)

        def accepted() -> None:
            value = dlg.value()
            if value is None:
                return
            new_id = "user-" + uuid4().hex[:12]
            when = value.pop("date")
            payload = {**value, **date_value(when)}  # type: ignore[arg-type]
            self.edits.commit("event.add", new_id, payload, new_id)

        self.edits.open_dialog(dlg, accepted)

    def remove_event(self) -> None:
        event = self.edits.selected_event()
        if event is not None and event.added:
            self.edits.commit("event.remove", event.id, {}, None)

    def add_period(self, start: FuzzyDate | None = None) -> None:
        """The period dialog, starting from `start` (a Shift-drag's days), else from the
        selected event's date."""
        if self.state.project is None:
            return
        if start is None and (event := self.edits.selected_event()) is not None:
            start = event.date
        dlg = PeriodDialog(start, self._parent)

        def accepted() -> None:
            when = dlg.date.value()
            if when is not None:
                value = {"label": dlg.label(), **date_value(when)}
                self.edits.commit(
                    "period.add", "period-" + uuid4().hex[:12], value, self.state.selected_id
                )

        self.edits.open_dialog(dlg, accepted)

    def remove_period(self, period_id: str) -> None:
        self.edits.commit("period.remove", period_id, {}, self.state.selected_id)

    def save_view(self) -> None:
        project = self.state.project
        if project is None:
            return
        names = list(project.saved_views())
        dlg = TitleDialog("", self._parent)
        dlg.setWindowTitle("Save view")
        dlg.line_edit.setPlaceholderText(f"View {len(names) + 1}")
        dlg.line_edit.setText(f"View {len(names) + 1}")
        dlg.line_edit.selectAll()

        def accepted() -> None:
            view = capture_view(self.state)
            self.edits.commit("view.save", dlg.title(), view, self.state.selected_id)

        self.edits.open_dialog(dlg, accepted)

    def restore_view(self, name: str) -> None:
        project = self.state.project
        view = project.saved_views().get(name) if project is not None else None
        if view is None:
            return
        try:
            restore_view(self.state, view)
        except (ValueError, TypeError, IndexError) as exc:  # a view kept by a newer app
            self.edits.failed.emit(f"Could not put back the view “{name}”", str(exc))
            return
        self.view_restored.emit(name, bool(view.get("range")))

    def delete_view(self, name: str) -> None:
        self.edits.commit("view.delete", name, {}, self.state.selected_id)

    def _set_starred_only(self, on: bool) -> None:
        self.state.set_filter("starred", True if on else None)

    def _set_disputed_only(self, on: bool) -> None:
        self.state.set_filter("disputed", True if on else None)

    # -- menus filled when opened --------------------------------------------------------
    def _fill_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        project = self.state.project
        views = project.saved_views() if project is not None else {}
        for name, view in views.items():
            act = menu.addAction(plain.tab_text(name))
            act.setToolTip(plain.tooltip(view_summary(view)))
            act.triggered.connect(lambda _=False, n=name: self.restore_view(n))
        if not views:
            menu.addAction("No saved views: View › Save view…").setEnabled(False)
            return
        menu.setToolTipsVisible(True)
        menu.addSeparator()
        delete = self.delete_views_menu
        delete.clear()
        menu.addMenu(delete)
        for name in views:
            act = delete.addAction(plain.tab_text(name))
            act.triggered.connect(lambda _=False, n=name: self.delete_view(n))

    def _fill_periods_menu(self) -> None:
        menu = self.periods_menu
        menu.clear()
        periods = user_periods(self.state.timeline) if self.state.project is not None else []
        for era in periods:
            act = menu.addAction(plain.tab_text(f"{era.label} — {era.date.label()}"))
            act.triggered.connect(lambda _=False, p=era.id: self.remove_period(p))
        if not periods:
            menu.addAction("No periods: Edit › Add period…").setEnabled(False)


def _has_tag(event: Event, tag: str) -> bool:
    key = tag.casefold()
    return any(t.casefold() == key for t in event.tags)
