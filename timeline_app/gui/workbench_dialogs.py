"""The workbench's dialogs: a note, an event added by hand, a period on the timeline.

Dates are typed as the app writes them — "2022", "2022-01", "2022-01-06", a span
"2022-01-06/2022-01-19", with "early", "mid" or "late" before a month or year — and a line
under the field says what the text covers, or why it is no date. OK stays disabled while
anything is invalid; `WorkbenchActions` turns what a dialog holds into an edit.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from timeline_app.model import DateError, FuzzyDate, Part

from . import plain
from .edit_dialogs import FormDialog

__all__ = ["AddEventDialog", "DateField", "NoteDialog", "PeriodDialog", "parse_date"]

_SPAN_MARKS = ("/", " – ", " - ", "–", "..")


def parse_date(text: str) -> FuzzyDate:
    """A date or span as typed: "2022-01-06", "early 2022-01", "2022-01-06 – 2022-01-19".
    Raises DateError saying what is wrong."""
    text = " ".join(text.split())
    if not text:
        raise DateError("type a date: 2022, 2022-01 or 2022-01-06")
    for mark in _SPAN_MARKS:
        if mark in text:
            first, _, last = text.partition(mark)
            return parse_date(first).span_to(parse_date(last))
    word, _, rest = text.partition(" ")
    part = next((p for p in Part if p.value == word.lower()), None)
    if part is not None:
        day = FuzzyDate.from_iso(rest)
        if day.day is not None:
            raise DateError(f"“{word}” goes with a month or a year, not a day")
        return FuzzyDate.from_iso(rest, part=part)
    return FuzzyDate.from_iso(text)


class DateField(QWidget):
    """A line to type a date in and a line saying what it covers.

    Signals:
        changed(): the text changed (read `value()`; None while it is no date).
    """

    changed = Signal()

    def __init__(self, current: FuzzyDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line_edit = QLineEdit(current.iso() if current else "")
        self.line_edit.setPlaceholderText("2022-01-06, 2022-01, early 2022, 2022-01-06/2022-01-19")
        self.preview = plain.label()
        self.preview.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.preview)
        self.line_edit.textChanged.connect(self._update)
        self._update()

    def value(self) -> FuzzyDate | None:
        try:
            return parse_date(self.line_edit.text())
        except DateError:
            return None

    def _update(self, *args: object) -> None:
        try:
            self.preview.setText(parse_date(self.line_edit.text()).describe())
            self.preview.setStyleSheet("")
        except DateError as exc:
            self.preview.setText(str(exc))
            self.preview.setStyleSheet("color:#b00020")
        self.changed.emit()


def _text_box(text: str = "", *, lines: int = 6) -> QPlainTextEdit:
    box = QPlainTextEdit(text)  # plain text: a note is never read as markup
    box.setTabChangesFocus(True)
    box.setMinimumHeight(box.fontMetrics().height() * lines)
    return box


class NoteDialog(FormDialog):
    """The note of an event (plain text, any length); OK once it differs."""

    def __init__(self, title: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__("Note", parent)
        self._current = current
        heading = plain.label(f"Note on “{title}”:")
        heading.setWordWrap(True)
        self.body.addWidget(heading)
        self.editor = _text_box(current, lines=8)
        self.editor.setMinimumWidth(460)
        self.editor.textChanged.connect(self._validate)
        self.body.addWidget(self.editor)
        self._finish()
        self._validate()

    def note(self) -> str:
        return self.editor.toPlainText().strip()

    def _validate(self, *args: object) -> None:
        self.ok_button().setEnabled(self.note() != self._current.strip())


class AddEventDialog(FormDialog):
    """A new event: a title and a date (OK needs both), a note, and where it is known from
    (pasted text, or a reference: a URL, a book, a conversation)."""

    def __init__(self, start: FuzzyDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Add event", parent)
        form = QFormLayout()
        self.body.addLayout(form)
        self.title_edit = QLineEdit()
        self.title_edit.setMinimumWidth(460)
        self.date = DateField(start)
        self.note_edit = _text_box(lines=3)
        self.source_text = _text_box(lines=3)
        self.source_text.setPlaceholderText("Optional: the text that reports it, pasted")
        self.reference = QLineEdit(placeholderText="Optional: a URL, a document, a person")
        form.addRow("Title:", self.title_edit)
        form.addRow("Date:", self.date)
        form.addRow("Note:", self.note_edit)
        form.addRow("Source text:", self.source_text)
        form.addRow("Reference:", self.reference)
        self.title_edit.textChanged.connect(self._validate)
        self.date.changed.connect(self._validate)
        self._finish()
        self._validate()

    def value(self) -> dict[str, object] | None:
        """What to add: title, date (FuzzyDate), note, source text and reference."""
        title, when = " ".join(self.title_edit.text().split()), self.date.value()
        if not title or when is None:
            return None
        return {
            "title": title,
            "date": when,
            "note": self.note_edit.toPlainText().strip(),
            "source": {
                "text": self.source_text.toPlainText().strip(),
                "reference": self.reference.text().strip(),
            },
        }

    def _validate(self, *args: object) -> None:
        self.ok_button().setEnabled(self.value() is not None)


class PeriodDialog(FormDialog):
    """A period (a span: a shaded band) or a milestone (one day: a line), with its label."""

    def __init__(self, start: FuzzyDate | None = None, parent: QWidget | None = None) -> None:
        super().__init__("Add period", parent)
        form = QFormLayout()
        self.body.addLayout(form)
        self.label_edit = QLineEdit(placeholderText="e.g. CSTO operation, summit")
        self.label_edit.setMinimumWidth(420)
        self.date = DateField(start)
        form.addRow("Label:", self.label_edit)
        form.addRow("Dates:", self.date)
        hint = plain.label("A span of dates shades a period; a single day draws a milestone.")
        hint.setStyleSheet("color:#555")
        self.body.addWidget(hint)
        self.label_edit.textChanged.connect(self._validate)
        self.date.changed.connect(self._validate)
        self._finish()
        self._validate()

    def label(self) -> str:
        return " ".join(self.label_edit.text().split())

    def _validate(self, *args: object) -> None:
        self.ok_button().setEnabled(bool(self.label()) and self.date.value() is not None)
