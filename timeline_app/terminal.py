"""File names and document text made safe to print: a name is the corpus author's to choose.

A name holding ANSI escape codes could clear the screen or retitle the terminal, a newline
could forge a line of our own output ("timeline-app: skipped …"), and bidirectional controls
could show a name reversed. `shown` writes such characters the way Python's repr does
(`\\x1b`, `\\n`, `\\u202e`) and leaves every printable letter as it is ("café.txt"). Plain
Python, so the GUI shows names the same way.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["shown", "shown_lines"]

_SHORT = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_ESCAPED_KINDS = {"Cc", "Cf", "Cs", "Zl", "Zp"}  # controls, format, surrogates, separators
_LINE_END = re.compile(r"(\r?\n)")
_KEPT = {"\u200c", "\u200d"}  # zero-width (non-)joiners: letters of Persian, Indic, emoji


def shown(text: object) -> str:
    """`text` with every control, format or separator character escaped, repr-style.

    A byte of a file name that is not UTF-8 (decoded by Python as a lone surrogate) is shown
    as that byte, `\\xff`.
    """
    text = str(text)
    if text.isprintable():  # the common case: nothing to do
        return text
    return "".join(_escaped(c) for c in text)


def shown_lines(text: str) -> str:
    """`text` with its line ends kept and everything else as `shown` writes it: data (CSV,
    JSON) printed on a terminal for a person to read."""
    return "".join(p if p in ("\n", "\r\n") else shown(p) for p in _LINE_END.split(text))


def _escaped(c: str) -> str:
    if c in _KEPT or unicodedata.category(c) not in _ESCAPED_KINDS:
        return c
    if c in _SHORT:
        return _SHORT[c]
    code = ord(c)
    if 0xDC80 <= code <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"
