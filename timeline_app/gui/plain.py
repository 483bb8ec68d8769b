"""Showing text from documents and file names literally, never as markup.

Qt guesses the format of much of what it shows: a tooltip, a QLabel or a QMessageBox whose
text looks like HTML is rendered as HTML, and an `<img src=...>` in it is read from disk —
an article quoting `<img src="/dev/zero">` in a title made the app eat all memory. Tabs,
buttons and menus read "&" as a shortcut mark, window titles "[*]" as the modified mark.
Every string that came from an article or a file name (titles, sentences, outlets, actors,
date texts, paths, problem reasons) reaches a widget through one of these.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

__all__ = ["escape", "label", "rich_label", "tab_text", "tooltip", "window_title"]


def escape(text: str) -> str:
    """`text` for rich text we compose ourselves (a bold title in a tooltip, the source
    view): every character shows as itself."""
    return html.escape(text, quote=True)


def tooltip(text: str) -> str:
    """A tooltip showing `text` literally. Qt always guesses a tooltip's format, so it is
    made rich text with `text` escaped; `pre` keeps spaces and line breaks and, as for a
    plain tooltip, does not wrap (wrapped, Qt squeezes a title into a narrow column).
    "" stays "": no tooltip."""
    return f"<p style='white-space:pre'>{escape(text)}</p>" if text else ""


def label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows its text literally, whatever it looks like."""
    widget = QLabel(text, parent)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def rich_label(parent: QWidget | None = None) -> QLabel:
    """A label for rich text we compose (document text in it goes through `escape`)."""
    widget = QLabel(parent)
    widget.setTextFormat(Qt.TextFormat.RichText)
    return widget


def tab_text(text: str) -> str:
    """`text` for a tab, button or menu item: "&" would mark a shortcut letter."""
    return text.replace("&", "&&")


def window_title(text: str) -> str:
    """`text` for a window title: "[*]" would be the unsaved-changes placeholder."""
    return text.replace("[*]", "[*][*]")
