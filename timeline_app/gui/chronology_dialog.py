"""File › Export chronology…: which events go into the written chronology (the starred
ones, or those the window shows now; hidden ones never) and where it is written
(Markdown, HTML or PDF, by the file's suffix). The writing is `render.chronology`'s, as
for the command line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QButtonGroup, QFileDialog, QRadioButton, QWidget

from . import plain
from .edit_dialogs import FormDialog
from .state import TimelineState

__all__ = ["CHRONOLOGY_FORMATS", "ChronologyDialog", "ask_chronology_file", "chosen_ids"]

CHRONOLOGY_FORMATS = {".md": "Markdown", ".html": "HTML", ".pdf": "PDF"}


def chosen_ids(state: TimelineState) -> list[str]:
    """The ids of the events the window shows now (those the filters leave)."""
    return [state.store.id_of(int(i)) for i in state.shown]


class ChronologyDialog(FormDialog):
    """Starred events, or the events shown now; OK needs at least one event."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__("Export chronology", parent)
        n_starred = int((state.event_flags("starred") & ~state.hidden).sum())
        n_shown = len(state.shown)
        self._counts = {True: n_starred, False: n_shown}
        self.body.addWidget(plain.label("Write a chronology of:"))
        self.starred_button = QRadioButton(
            f"the starred events ({n_starred:,})" if n_starred else "the starred events (none)"
        )
        self.shown_button = QRadioButton(f"the events shown now ({n_shown:,})")
        group = QButtonGroup(self)
        for button in (self.starred_button, self.shown_button):
            group.addButton(button)
            self.body.addWidget(button)
            button.toggled.connect(self._validate)
        self.starred_button.setEnabled(bool(n_starred))
        (self.starred_button if n_starred else self.shown_button).setChecked(True)
        hint = plain.label(
            "Each event with its date, title, note, the sentence its sources quote and their "
            "citations. Markdown, HTML or PDF: chosen by the file name."
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color:#555")
        self.body.addWidget(hint)
        self._finish()
        self._validate()

    def starred(self) -> bool:
        return self.starred_button.isChecked()

    def _validate(self, *args: object) -> None:
        self.ok_button().setEnabled(self._counts[self.starred()] > 0)


def ask_chronology_file(parent: QWidget, folder: Path, name: str) -> Path | None:
    """Where to write the chronology; a name without a known suffix gets the chosen one."""
    filters = {f"{what} (*{suffix})": suffix for suffix, what in CHRONOLOGY_FORMATS.items()}
    chosen, selected = QFileDialog.getSaveFileName(
        parent,
        "Export chronology",
        str(folder / f"{name or 'timeline'} chronology.md"),
        ";;".join(filters),
    )
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() in CHRONOLOGY_FORMATS:
        return path
    return path.with_name(path.name + filters.get(selected, ".md"))
