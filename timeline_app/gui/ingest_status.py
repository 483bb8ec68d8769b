"""The status bar's loading indicator: "Reading N / M documents", a bar, the file, Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from timeline_app.ingest.corpus import MERGING

from . import plain

__all__ = ["IngestStatus", "progress_text"]

_FILE_PX = 320  # the current file's name is elided in the middle beyond this width


def progress_text(done: int, total: int, current: str) -> str:
    """What a load is at, in a sentence for the empty canvas: "Reading 1,234 of 10,000
    files…", then "Merging events…"."""
    if current == MERGING:
        return "Merging events…"
    return f"Reading {done:,} of {total:,} file{'s' if total != 1 else ''}…"


class IngestStatus(QWidget):
    """Hidden until `begin`; `cancel_requested` when its button is pressed.

    Signals:
        cancel_requested(): the user pressed Cancel.
    """

    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = plain.label()  # "Opening <folder name>…"
        self.file_label = plain.label()
        self.file_label.setStyleSheet("color: palette(mid);")
        self.bar = QProgressBar()
        self.bar.setFixedWidth(220)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setToolTip("Stop reading the folder (what was read stays cached)")
        self.cancel_button.clicked.connect(self.cancel_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.file_label, 1)
        layout.addWidget(self.cancel_button)
        self.hide()

    def begin(self, what: str) -> None:
        """Show a busy bar with `what` ("Opening news…") until the first progress."""
        self.label.setText(what)
        self.file_label.clear()
        self.bar.setRange(0, 0)
        self.cancel_button.setEnabled(True)
        self.show()

    def set_progress(self, done: int, total: int, current: str) -> None:
        self.label.setText(f"Reading {done:,} / {total:,} documents")
        if current == MERGING and done >= total:
            self.bar.setRange(0, 0)  # the merge: one step of unknown length
        else:
            self.bar.setRange(0, max(total, 1))
            self.bar.setValue(done)
        if current == MERGING:
            self.label.setText("Merging events")
            self.file_label.setText(f"{done:,} / {total:,} documents")
            self.file_label.setToolTip("")
            return
        metrics = QFontMetrics(self.file_label.font())
        self.file_label.setText(metrics.elidedText(current, Qt.TextElideMode.ElideMiddle, _FILE_PX))
        self.file_label.setToolTip(plain.tooltip(current))

    def cancelling(self) -> None:
        self.label.setText("Cancelling…")
        self.cancel_button.setEnabled(False)

    def end(self) -> None:
        self.hide()
