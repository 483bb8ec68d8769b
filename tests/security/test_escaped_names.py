"""Names and document text are escaped wherever we print them (issue 10, point 2)."""

import subprocess
import sys

import pytest

from timeline_app.model import Problem
from timeline_app.terminal import shown, shown_lines

SHOWN = [  # (text, shown, why)
    ("café.txt", "café.txt", "ordinary letters stay readable"),
    ("Минск 2023.txt", "Минск 2023.txt", "so do other scripts"),
    ("نامه\u200cها.txt", "نامه\u200cها.txt", "a zero-width non-joiner is part of a word"),
    ("a\u00a0b.txt", "a\u00a0b.txt", "a no-break space is a space"),
    ("\x1b[2J\x1b]0;owned\x07.txt", "\\x1b[2J\\x1b]0;owned\\x07.txt", "ANSI codes"),
    (
        "a\ntimeline-app: skipped fake.txt: forged.txt",
        "a\\ntimeline-app: skipped fake.txt: forged.txt",
        "a newline would forge a line",
    ),
    ("a\rb\tc", "a\\rb\\tc", "carriage return and tab"),
    ("\x9b31mred", "\\x9b31mred", "a C1 control (CSI)"),
    ("\x7f", "\\x7f", "DEL"),
    ("invoice\u202etxt.exe", "invoice\\u202etxt.exe", "a bidi override reverses what follows"),
    ("a\u2028b", "a\\u2028b", "a line separator"),
    ("\udcff.txt", "\\xff.txt", "a byte that is not UTF-8 is shown as the byte"),
    ("", "", "nothing"),
]


@pytest.mark.parametrize(("text", "expected", "why"), SHOWN)
def test_shown(text, expected, why):
    assert shown(text) == expected, why


LINES = [  # (text, shown, why)
    ("a,b\r\nc\x1b,d\r\n", "a,b\r\nc\\x1b,d\r\n", "CSV keeps its line ends"),
    ('[\n  "x\x07"\n]\n', '[\n  "x\\x07"\n]\n', "JSON keeps its line ends"),
    ("a\rb\n", "a\\rb\n", "a lone carriage return is no line end"),
]


@pytest.mark.parametrize(("text", "expected", "why"), LINES)
def test_shown_lines(text, expected, why):
    assert shown_lines(text) == expected, why


def test_terminal_module_loads_no_qt():
    code = (
        "import sys, timeline_app.terminal; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph'))])"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "[]", out.stderr


def test_problems_panel_shows_names_escaped(qapp):
    from PySide6.QtCore import Qt

    from timeline_app.gui.problems_panel import ProblemTableModel

    model = ProblemTableModel()
    model.set_problems(
        [
            Problem("\x1b]0;owned\x07.txt", "empty file"),
            Problem("café.txt", "link leads outside the folder: /tmp/\x1b[2J"),
        ]
    )
    cells = [
        [model.data(model.index(row, col), Qt.ItemDataRole.DisplayRole) for col in (0, 1)]
        for row in range(2)
    ]
    assert cells == [
        ["\\x1b]0;owned\\x07.txt", "empty file"],
        ["café.txt", "link leads outside the folder: /tmp/\\x1b[2J"],
    ]
