"""`gui.plain`: each helper shows a string exactly as it is, whatever it looks like."""

from __future__ import annotations

import pytest
from PySide6.QtGui import Qt, QTextDocument

from timeline_app.gui import plain

from .readback import embedded

TEXTS = [  # (text, why it could be shown wrongly)
    ("<b>bold</b>", "tags would be applied"),
    ("&amp; &lt;", "entities would be decoded"),
    ('<img src="/dev/zero">', "a picture would be loaded"),
    ('<a href="file:///etc/passwd">x</a>', "a link would be made"),
    ('Ann & Bob\'s "view"', "quotes and a bare ampersand"),
    ("two  spaces\nand a second line", "rich text collapses spaces and line breaks"),
    ("&#60;script&#62;", "numeric entities"),
    ("日本語 <i>·</i> ✎", "non-Latin text next to markup"),
]


@pytest.mark.parametrize("text, why", TEXTS)
def test_a_tooltip_shows_its_text_literally(qapp, text, why):
    tip = plain.tooltip(text)
    assert Qt.mightBeRichText(tip)  # so Qt never guesses: it is rich text, escaped
    doc = QTextDocument()
    doc.setHtml(tip)
    assert doc.toPlainText() == text, why
    assert not embedded(doc), why


@pytest.mark.parametrize("text, why", TEXTS)
def test_escaped_text_in_composed_rich_text_reads_back_as_itself(qapp, text, why):
    doc = QTextDocument()
    doc.setHtml(f"<div style='white-space:pre-wrap'><b>{plain.escape(text)}</b></div>")
    assert doc.toPlainText() == text, why
    assert not embedded(doc), why


@pytest.mark.parametrize("text, why", TEXTS)
def test_a_plain_label_takes_nothing_for_markup(qapp, text, why):
    label = plain.label(text)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text() == text, why


@pytest.mark.parametrize(
    "helper, text, expected, why",
    [
        (plain.tooltip, "", "", "no text: no tooltip at all"),
        (plain.tab_text, "1. Ann & Bob", "1. Ann && Bob", "a tab would underline the B"),
        (plain.tab_text, "&&", "&&&&", "each ampersand doubled"),
        (
            plain.window_title,
            "[*] news — Timeline",
            "[*][*] news — Timeline",
            "the title would drop its [*]",
        ),
        (plain.window_title, "news [x] — Timeline", "news [x] — Timeline", "other brackets stay"),
    ],
)
def test_helpers(helper, text, expected, why):
    assert helper(text) == expected, why
