"""Tags of one or many events: a comma-separated list, completed from the corpus's tags.

For one event the list is its tags; for several it starts with the tags they all share, and
what OK changes is added to (or taken from) every one of them. The dialog only collects the
list: `WorkbenchActions` turns it into edits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from timeline_app.model import Event, clean_tags
from timeline_app.model.lazy_events import LazyEvents

from . import plain
from .edit_dialogs import FormDialog

__all__ = ["TagCompleter", "TagDialog", "corpus_tags", "parse_tags"]


def parse_tags(text: str) -> list[str]:
    """The tags in "a, b ,a, B": as an event keeps them (`clean_tags`), split at commas."""
    return clean_tags(text.split(","))


def corpus_tags(events: Sequence[Event]) -> list[str]:
    """Every tag in use, each once (the first spelling met), by how often it is used."""
    if isinstance(events, LazyEvents):  # decoded as extracted, untagged (a tag makes a list)
        return []
    count: dict[str, int] = {}
    spelled: dict[str, str] = {}
    for e in events:
        for t in e.tags:
            key = t.casefold()
            spelled.setdefault(key, t)
            count[key] = count.get(key, 0) + 1
    return [spelled[k] for k in sorted(count, key=lambda k: (-count[k], k))]


class TagCompleter(QCompleter):
    """Completes the tag being typed (after the last comma), keeping those before it."""

    def __init__(self, tags: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tags_model = QStringListModel(sorted(tags, key=str.casefold), self)
        self.setModel(self.tags_model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterMode(Qt.MatchFlag.MatchStartsWith)

    def splitPath(self, path: str) -> list[str]:  # Qt override
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index) -> str:  # Qt override
        widget = self.widget()
        typed = widget.text() if isinstance(widget, QLineEdit) else ""
        before = typed.rsplit(",", 1)[0] + ", " if "," in typed else ""
        return before + str(index.data())


class TagDialog(FormDialog):
    """Edit the tags of `count` events, starting from `current`; `known` are the corpus's
    tags, offered as completions. OK is enabled once the list differs from `current`."""

    def __init__(
        self,
        current: list[str],
        known: Iterable[str],
        count: int = 1,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("Tags" if count == 1 else f"Tags of {count} events", parent)
        self._current = list(current)
        what = (
            "Tags of this event"
            if count == 1
            else f"Tags all {count} selected events share; what you add or remove "
            "is added to or removed from each"
        )
        hint = plain.label(f"{what} (separate them with commas):")
        hint.setWordWrap(True)
        self.body.addWidget(hint)
        self.line_edit = QLineEdit(", ".join(current))
        self.line_edit.setMinimumWidth(460)
        self.line_edit.setPlaceholderText("e.g. troops, Kazakhstan, to check")
        self.completer = TagCompleter(known, self)
        self.line_edit.setCompleter(self.completer)
        self.line_edit.textChanged.connect(self._validate)
        self.body.addWidget(self.line_edit)
        self._finish()
        self._validate()

    def tags(self) -> list[str]:
        return parse_tags(self.line_edit.text())

    def added(self) -> list[str]:
        """Tags in the list that were not (in any case) at the start."""
        had = {t.casefold() for t in self._current}
        return [t for t in self.tags() if t.casefold() not in had]

    def removed(self) -> list[str]:
        """Tags there at the start and taken out of the list."""
        kept = {t.casefold() for t in self.tags()}
        return [t for t in self._current if t.casefold() not in kept]

    def _validate(self, *args: object) -> None:
        self.ok_button().setEnabled(self.tags() != self._current)
