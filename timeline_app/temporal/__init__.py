"""Temporal tagger: TimeML TIMEX3 expressions (dates, times, durations, sets) in news text.

Model layer only: no GUI imports. Use `tag(text, dct=...)`.
"""

from .tagger import tag
from .timex import Timex

__all__ = ["tag", "Timex"]
