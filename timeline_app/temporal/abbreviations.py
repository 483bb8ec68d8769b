"""Words a dot ends without ending the sentence: "Mr.", "Jan.", "vs.", initials ("H.W.").

Shared by the sentence splitter (`ingest/sentences.py`) and the tense of a clause
(`tense.py`): a clause no more ends at "Roe vs. Wade" than a sentence does.
"""

from __future__ import annotations

import re

__all__ = ["ABBREVIATIONS", "is_abbreviation"]

# Words whose trailing period does not end a sentence.
ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "vs",
        "etc",
        "ed",
        "no",
        "fig",
        "approx",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "u.n",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "rep",  # titles before a name: "Rep. Ryan Zinke", "Sen. ...", "Gov. ..."
        "reps",
        "sen",
        "sens",
        "gov",
        "lt.gov",
        "pres",
        "rev",
        "hon",
        "maj",
        "adm",
        "gen",
        "supt",
        "det",
        "mt",
        "ft",
    ]
)
_LAST_WORD = re.compile(r"([\w.]+)$")  # the word a dot ends
# initials: "George H.W. Bush", "J.R.R. Tolkien"
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)*[A-Za-z]$")


def is_abbreviation(text: str, dot: int) -> bool:
    """Whether the dot at `text[dot]` ends an abbreviation or an initial, not a sentence."""
    word = _LAST_WORD.search(text[max(0, dot - 12) : dot])
    if not word:
        return False
    w = word.group(1).lower()
    return w in ABBREVIATIONS or bool(_INITIALS.match(w))
