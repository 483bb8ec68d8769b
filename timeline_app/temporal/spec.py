"""What an expression's own words say, before any context: the `Spec` readers produce."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import lexicon as lx

__all__ = ["Spec", "Match", "norm", "rel_of", "point_mod"]

Match = re.Match[str]


@dataclass(slots=True)
class Spec:
    """The meaning of one expression, with the fields its words fixed; None = not said."""

    kind: str
    type: str = "DATE"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None  # part of day ("MO") or of a year ("Q3", "H1", "SU")
    clock: tuple[int, int, int | None] | None = None
    tz: str | None = None
    unit: str | None = None
    amount: float | None = None  # None = vague ("several years")
    rel: int | None = None  # -1 last/ago, 0 this, +1 next/later; None = not said
    mod: str | None = None
    value: str | None = None  # a value that needs no context
    raw: tuple[int, int, str] | None = None  # numeric date fields and separator
    lead: int = 0  # characters at the match start that are not part of the span ("the")
    trim: int = 0  # characters at the match end that are not part of it ("earlier")


_REL = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "following": 1,
    "this coming": 1,
    "this": 0,
    "current": 0,
    "same": 0,
}


def norm(word: str | None) -> str:
    """Lower-case with single spaces, for dictionary lookups."""
    return " ".join(word.lower().split()) if word else ""


def rel_of(word: str | None) -> int | None:
    """-1/0/+1 for "last", "this", "next" (and "the next", ...)."""
    w = norm(word)
    return _REL.get(w[4:] if w.startswith("the ") else w)


def point_mod(m: Match) -> str | None:
    """TimeML MOD for "early"/"late"/"mid"/"the end of" in front of a point."""
    if "pmod" not in m.re.groupindex or m["pmod"] is None:
        return None
    w = norm(m["pmod"])
    if w.startswith("the first half"):
        return "START"
    if w.startswith("the second half") or w.startswith("the latter"):
        return "END"
    for key in ("early", "beginning", "start", "late", "end", "close", "mid", "middle"):
        if key in w.split() or w.startswith(key):
            return lx.POINT_MODS.get(key) or lx.POINT_MODS.get(f"the {key} of")
    return None
