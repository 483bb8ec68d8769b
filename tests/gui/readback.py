"""Reading back what Qt shows for a string: as it is, or rendered as rich text."""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QHelpEvent, Qt, QTextDocument  # QtGui's Qt has mightBeRichText
from PySide6.QtWidgets import QApplication, QLabel, QToolTip, QWidget

from .helpers import settle

__all__ = ["embedded", "label_shows", "show_tip", "shown", "without_mnemonics"]


def embedded(doc: QTextDocument) -> list[str]:
    """The pictures and link targets in a rich-text document."""
    found = []
    block = doc.begin()
    while block.isValid():
        for it in block:
            fmt = it.fragment().charFormat()
            if fmt.isImageFormat():
                found.append(fmt.toImageFormat().name())
            elif fmt.isAnchor() and fmt.anchorHref():
                found.append(fmt.anchorHref())
        block = block.next()
    return found


def shown(text: str, fmt: Qt.TextFormat = Qt.TextFormat.AutoText) -> str:
    """What a widget of format `fmt` shows for `text` (tooltips are AutoText). A picture
    of rich text reads back as U+FFFC, a link as its words only: neither as its markup."""
    if fmt == Qt.TextFormat.PlainText or (
        fmt == Qt.TextFormat.AutoText and not Qt.mightBeRichText(text)
    ):
        return text
    doc = QTextDocument()
    doc.setHtml(text)
    return doc.toPlainText()


def label_shows(label: QLabel) -> str:
    return shown(label.text(), label.textFormat())


def without_mnemonics(text: str) -> str:
    """A tab's or button's text as drawn: "&&" is "&", "&x" an underlined x."""
    return re.sub("&(.)", r"\1", text)


def show_tip(widget: QWidget, pos: QPoint) -> str:
    """The tooltip `widget` shows at `pos`, asked for as a resting mouse asks for it."""
    QToolTip.hideText()
    QApplication.sendEvent(widget, QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos)))
    settle()
    assert QToolTip.isVisible(), f"no tooltip on {type(widget).__name__} at {pos}"
    text = QToolTip.text()
    QToolTip.hideText()
    return text
