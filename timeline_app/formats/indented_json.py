"""JSON text exactly as `json.dumps(value, indent=2, ensure_ascii=False)` writes it, faster.

With `indent`, Python 3.11's json module leaves its C encoder aside and runs every value
through nested Python generators: writing 34,000 event records took seconds. orjson writes
the same text (`json_text.indented`, which gives json the values orjson would write
otherwise), several times faster than even a hand-joined version.
"""

from __future__ import annotations

from typing import Any

from ..json_text import indented as _indented

__all__ = ["indented"]


def indented(value: Any, pad: str = "", *, floats: bool = True) -> str:
    """`value` as indent-2 JSON, each line after the first starting with `pad` (the text
    of a value nested at that depth); `floats=False`: `value` holds none (its types say so)."""
    text = _indented(value, floats=floats)
    return text.replace("\n", "\n" + pad) if pad else text
