"""JSON text written with orjson: the text the json module writes, made faster.

A first open of 10,000 articles wrote about 200,000 JSON records with the json module (the
store's statements, events, listing; the events file): 5 s of the loading process, most of
it while the other cores were idle. orjson (a compiled library made for this) writes the
same text several times faster. It is not json in every corner, so each function here
leaves to json what orjson would write otherwise: a str with a lone surrogate (a file name
not in UTF-8), an int beyond 64 bits, a dict key that is not a str, a subclass of str, int,
dict or list (orjson refuses them). A float's text may differ ("1e-05" / "0.00001", the
same value) and NaN or an infinity is written null (json writes NaN): no stored record
holds a float, and `indented`, whose text is a file's, gives every float to json.

The store's records are read by orjson too (`store.codec.loads`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import orjson

__all__ = ["compact", "compact_bytes", "indented"]

# anything orjson would write another way than json raises: json writes it
_STRICT = (
    orjson.OPT_PASSTHROUGH_DATACLASS
    | orjson.OPT_PASSTHROUGH_DATETIME
    | orjson.OPT_PASSTHROUGH_SUBCLASS
)
_INDENTED = _STRICT | orjson.OPT_INDENT_2
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"))
_ASCII = json.JSONEncoder(separators=(",", ":"))


def compact(payload: Any, default: Callable[[Any], Any] | None = None) -> str:
    """`json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=default)`'s
    text (floats aside: see the module's docstring)."""
    try:
        return orjson.dumps(payload, option=_STRICT).decode()
    except TypeError:  # orjson.JSONEncodeError too
        if default is None:
            return _COMPACT.encode(payload)
        return json.dumps(payload, ensure_ascii=False, separators=(",", ":"), default=default)


def compact_bytes(payload: Any) -> bytes:
    """Compact JSON as UTF-8 bytes; a payload orjson refuses (a lone surrogate) as ASCII
    JSON, whose escapes UTF-8 can hold."""
    try:
        return orjson.dumps(payload, option=_STRICT)
    except TypeError:
        return _ASCII.encode(payload).encode()


def indented(payload: Any, *, floats: bool = True) -> str:
    """`json.dumps(payload, indent=2, ensure_ascii=False)`'s text, exactly: a payload
    holding a float is written by json (orjson writes some floats' text otherwise, and NaN
    as null), and so is one orjson refuses. `floats=False`: the caller built the payload
    from types that hold none (an event record), so it is not searched for one (the search
    cost eight times orjson's writing of an event)."""
    if not (floats and _holds_float(payload)):
        try:
            return orjson.dumps(payload, option=_INDENTED).decode()
        except TypeError:
            pass
    return json.dumps(payload, indent=2, ensure_ascii=False)


def _holds_float(payload: Any) -> bool:
    """Whether a float stands anywhere in these dicts, lists and tuples (a tenth of the
    cost of writing them)."""
    stack = [payload]
    while stack:
        value = stack.pop()
        kind = type(value)
        if kind is dict:
            stack.extend(value.values())
        elif kind is list or kind is tuple:
            stack.extend(value)
        elif kind is float:
            return True
    return False
