"""The small dialogs behind the Edit menu: a title, a date with its precision, an event.

Each dialog only collects and validates a value (OK stays disabled while it is invalid);
`EditActions` turns the accepted value into a project edit. They are opened with `open()`
(window-modal, non-blocking), so a test can fill them in like a user would.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from typing import NamedTuple

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app.model import DateError, FuzzyDate, Part, Precision

from . import plain
from .plain import escape

__all__ = ["DateDialog", "EventPickerDialog", "FormDialog", "PickRow", "TitleDialog"]

_OK = QDialogButtonBox.StandardButton.Ok
_UNKNOWN = "unknown"  # the extra precision choice of a publication date: not known


class FormDialog(QDialog):
    """OK/Cancel buttons under a body; subclasses say when the value is acceptable."""

    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.button_box = QDialogButtonBox(_OK | QDialogButtonBox.StandardButton.Cancel)
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)
        self.body = QVBoxLayout(self)

    def _finish(self) -> None:
        self.body.addWidget(self.button_box)

    def ok_button(self):
        return self.button_box.button(_OK)


class TitleDialog(FormDialog):
    """Rename an event: OK needs a non-empty title different from the current one."""

    def __init__(self, current: str, parent: QWidget | None = None) -> None:
        super().__init__("Rename event", parent)
        self._current = current
        self.line_edit = QLineEdit(current)
        self.line_edit.selectAll()
        self.line_edit.setMinimumWidth(460)
        self.line_edit.textChanged.connect(self._validate)
        self.body.addWidget(QLabel("Title shown on the timeline and in the list:"))
        self.body.addWidget(self.line_edit)
        self._finish()
        self._validate()

    def title(self) -> str:
        return self.line_edit.text().strip()

    def _validate(self) -> None:
        self.ok_button().setEnabled(bool(self.title()) and self.title() != self._current)


class DateDialog(FormDialog):
    """A date at year, month or day precision, with early/mid/late for months and years.

    Shows the current value and a preview of what the new one covers, or why it is no date
    ("February 2023 has no day 30"). With `allow_unknown`, "Not known" is a choice too
    (a publication date the article does not give).
    """

    def __init__(
        self,
        title: str,
        current: FuzzyDate | None,
        parent: QWidget | None = None,
        *,
        allow_unknown: bool = False,
        note: str = "",
    ) -> None:
        super().__init__(title, parent)
        start = current or FuzzyDate(2000, 1, 1)
        now = current.describe() if current else "not known"
        self.current_label = plain.rich_label()
        self.current_label.setText(f"Now: <b>{escape(now)}</b>")
        self.body.addWidget(self.current_label)
        if note:
            hint = plain.label(note)  # quotes date texts and titles
            hint.setWordWrap(True)
            hint.setStyleSheet("color:#555")
            self.body.addWidget(hint)
        form = QFormLayout()
        self.body.addLayout(form)
        self.precision_buttons: dict[str, QRadioButton] = {}
        group, row = QButtonGroup(self), QHBoxLayout()
        choices = [("day", "Day"), ("month", "Month"), ("year", "Year")]
        for key, text in choices + ([(_UNKNOWN, "Not known")] if allow_unknown else []):
            button = self.precision_buttons[key] = QRadioButton(text)
            group.addButton(button)
            row.addWidget(button)
            button.toggled.connect(self._update)
        row.addStretch(1)
        form.addRow("Precision:", row)
        self.day, self.year = QSpinBox(), QSpinBox()
        self.day.setRange(1, 31)
        self.year.setRange(1, 9999)
        self.month = QComboBox()
        self.month.addItems(calendar.month_name[1:])
        date_row = QHBoxLayout()
        for w in (self.day, self.month, self.year):
            date_row.addWidget(w)
        date_row.addStretch(1)
        form.addRow("Date:", date_row)
        self.part = QComboBox()
        self.part.addItem("the whole month or year", None)
        for p, third in zip(Part, ("first", "middle", "last"), strict=True):
            self.part.addItem(f"{p.value} (its {third} third)", p.value)
        form.addRow("Part:", self.part)
        self.preview = plain.rich_label()
        form.addRow("New:", self.preview)
        self.day.setValue(start.day or 1)
        self.month.setCurrentIndex((start.month or 1) - 1)
        self.year.setValue(start.year)
        self.part.setCurrentIndex(self.part.findData(start.part.value if start.part else None))
        key = start.precision.value if current else (_UNKNOWN if allow_unknown else "day")
        self.precision_buttons[key].setChecked(True)
        for signal in (
            self.day.valueChanged,
            self.year.valueChanged,
            self.month.currentIndexChanged,
            self.part.currentIndexChanged,
        ):
            signal.connect(self._update)
        self._finish()
        self.setMinimumWidth(440)
        self._update()

    def precision(self) -> str:
        return next(k for k, b in self.precision_buttons.items() if b.isChecked())

    def value(self) -> FuzzyDate | None:
        """The date entered (None for "Not known"); raises DateError if it is no date."""
        precision = self.precision()
        if precision == _UNKNOWN:
            return None
        part = self.part.currentData() if precision != Precision.DAY else None
        month = self.month.currentIndex() + 1 if precision != Precision.YEAR else None
        day = self.day.value() if precision == Precision.DAY else None
        return FuzzyDate(self.year.value(), month, day, part)

    def _update(self, *args) -> None:
        precision = (
            self.precision()
            if any(b.isChecked() for b in self.precision_buttons.values())
            else "day"
        )
        known = precision != _UNKNOWN
        self.day.setEnabled(precision == "day")
        self.month.setEnabled(known and precision != "year")
        self.year.setEnabled(known)
        self.part.setEnabled(known and precision != "day")
        try:
            value = self.value()
        except (DateError, StopIteration) as exc:
            self.preview.setText(f'<span style="color:#b00020">{escape(str(exc))}</span>')
            self.ok_button().setEnabled(False)
            return
        self.preview.setText(_covers(value))
        self.ok_button().setEnabled(True)


def _covers(value: FuzzyDate | None) -> str:
    """The new value and, for a month or year, the days it covers ("1–10 Jan 2023")."""
    if value is None:
        return "not known"
    if value.precision == Precision.DAY:
        return escape(value.label())
    a, b = value.start, value.end
    if (a.year, a.month) == (b.year, b.month):
        span = f"{a.day}–{b:%-d %b %Y}"
    else:  # a date never covers more than its own year
        span = f"{a:%-d %b} – {b:%-d %b %Y}"
    return f"{escape(value.label())} <span style='color:#555'>({span})</span>"


class PickRow(NamedTuple):
    """One event as the picker lists it (read from the view's columns: no event decoded)."""

    id: str
    date: FuzzyDate
    title: str
    sources: int


class EventPickerDialog(FormDialog):
    """Choose one event from a list that filters as you type (date, title, sentence)."""

    def __init__(
        self, title: str, prompt: str, events: Sequence[PickRow], parent: QWidget | None = None
    ) -> None:
        super().__init__(title, parent)
        self.body.addWidget(plain.label(prompt))  # may quote a title
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type to filter by date or title")
        self.search.setClearButtonEnabled(True)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Date", "Title", "Sources"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setMinimumSize(620, 320)
        self.list.setColumnWidth(0, 110)
        self.list.setColumnWidth(1, 420)
        for event in events:
            when = event.date.iso() + (f" ({event.date.part.value})" if event.date.part else "")
            item = QTreeWidgetItem([when, event.title, str(event.sources)])
            item.setData(0, Qt.ItemDataRole.UserRole, event.id)
            item.setToolTip(0, plain.tooltip(event.date.describe()))
            item.setToolTip(1, plain.tooltip(event.title))
            self.list.addTopLevelItem(item)
        self.search.textChanged.connect(self._filter)
        self.list.currentItemChanged.connect(self._validate)
        self.list.itemDoubleClicked.connect(self.accept)
        self.body.addWidget(self.search)
        self.body.addWidget(self.list, 1)
        self._finish()
        self._validate()

    def chosen_id(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item and not item.isHidden() else None

    def set_current(self, index: int) -> None:
        self.list.setCurrentItem(self.list.topLevelItem(index))

    def _filter(self, text: str) -> None:
        needle = text.strip().lower()
        first = None
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            text = f"{item.text(0)} {item.text(1)}".lower()
            item.setHidden(bool(needle) and needle not in text)
            if first is None and not item.isHidden():
                first = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(first)
        self._validate()

    def _validate(self, *args) -> None:
        self.ok_button().setEnabled(self.chosen_id() is not None)
