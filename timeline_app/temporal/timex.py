"""The tagger's output: one TimeML TIMEX3 expression found in a text."""

from __future__ import annotations

from dataclasses import asdict, dataclass

__all__ = ["Timex", "TIMEX_TYPES"]

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True, slots=True)
class Timex:
    """A temporal expression at text[start:end] with its TimeML type, value and modifier.

    `value` follows TimeML: "2023-11-23", "2023-11", "2023", "2023-W47", "2023-Q1", "2023-SU",
    "199X", "2023-11-23T14:07", "PRESENT_REF", "P3D", "XXXX-11-23", ...
    `inferred` is True when the value needed context beyond the expression's own words
    (the document creation time, an earlier date in the text, the tense): "13 February"
    in a 2023 article, "Thursday", "last week".
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    inferred: bool = False

    def to_json(self) -> dict[str, object]:
        """The TempEval-style record written by `timeline-app tag`."""
        d = asdict(self)
        if d["mod"] is None:
            del d["mod"]
        return d
