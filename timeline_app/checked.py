"""Values read from files, checked before they are used: JSON whose nesting is named rather
than crashing, and fields taken by type.

A file is its author's to write. A dict where a title belongs reaches the GUI as an
unhashable outlet, an offset of 1e400 overflows, `[` × 100,000 exhausts Python's recursion
limit; so every value is checked where it is read. The checks raise `FieldError` (a
ValueError) in words that name the field and what it holds — "start is not a number
('abc')" — and the caller says where (record 3, line 7) and leaves that record out. A lone
surrogate escape ("\\ud800", which no UTF-8 output can hold) becomes U+FFFD.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from typing import Any

__all__ = [
    "MAX_OFFSET",
    "NESTED",
    "FieldError",
    "described",
    "flag",
    "loads",
    "needed_text",
    "objects",
    "strings",
    "text",
    "valid_text",
    "whole",
]

NESTED = "nested too deeply"
MAX_OFFSET = 2**31 - 1  # character offsets: a document is far shorter
_SURROGATE = re.compile("[\ud800-\udfff]")


class FieldError(ValueError):
    """A field of a record holds what it cannot hold; the message names both."""


def loads(data: str) -> Any:
    """`json.loads`, with too deep a nesting as a ValueError saying so.

    Python's parser recurses once per `[` or `{` and stops with RecursionError at the
    interpreter's limit (about a thousand levels; ours are five deep). A syntax error stays
    a JSONDecodeError; a number of thousands of digits, Python's refusal to convert it,
    becomes a short ValueError.
    """
    try:
        return json.loads(data)
    except RecursionError:
        raise ValueError(f"JSON {NESTED}") from None
    except json.JSONDecodeError:
        raise
    except ValueError:
        raise ValueError("a JSON number too long to read (thousands of digits)") from None


def described(value: object) -> str:
    """A value in a message: short, and with nothing in it that could drive a terminal."""
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, float) and not math.isfinite(value):
        return "NaN" if math.isnan(value) else "infinite"
    if isinstance(value, str) and len(value) > 40:
        return repr(value[:40]) + "…"
    return repr(value)  # repr escapes control and format characters


def valid_text(value: str) -> str:
    """`value` with lone surrogates replaced (JSON can escape them, UTF-8 cannot hold them)."""
    return _SURROGATE.sub("\ufffd", value) if _SURROGATE.search(value) else value


def text(record: Mapping[str, Any], key: str) -> str | None:
    """A string field; None when absent or null."""
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise FieldError(f"{key} is not a string ({described(value)})")
    return valid_text(value)


def needed_text(record: Mapping[str, Any], key: str) -> str:
    """A string field that must be there (it may be empty)."""
    value = text(record, key)
    if value is None:
        raise FieldError(f"no {key}")
    return value


def whole(record: Mapping[str, Any], key: str, *, default: int = 0) -> int:
    """A non-negative whole number (3.0 counts) up to MAX_OFFSET; `default` when absent."""
    value = record.get(key)
    if value is None:
        return default
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise FieldError(f"{key} is not a number ({described(value)})")
    if not 0 <= value <= MAX_OFFSET:  # NaN too
        raise FieldError(f"{key} is out of range ({described(value)})")
    if isinstance(value, float) and not value.is_integer():
        raise FieldError(f"{key} is not a whole number ({described(value)})")
    return int(value)


def flag(record: Mapping[str, Any], key: str, *, default: bool = False) -> bool:
    """A true/false field; `default` when absent or null."""
    value = record.get(key)
    if value is None:
        return default
    if not isinstance(value, bool):
        raise FieldError(f"{key} is not true or false ({described(value)})")
    return value


def strings(record: Mapping[str, Any], key: str) -> list[str]:
    """A list of strings; empty when absent or null."""
    return [valid_text(item) for item in _list_of(record, key, str, "a string")]


def objects(record: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    """A list of objects; empty when absent or null."""
    return _list_of(record, key, Mapping, "an object")


def _list_of(record: Mapping[str, Any], key: str, kind: type, noun: str) -> list[Any]:
    """record[key] as a list whose every item is a `kind`; FieldError names the first that
    is not ("actors item 2 is not a string (5)")."""
    value = record.get(key)
    if value is None:
        return []
    if not isinstance(value, list):
        raise FieldError(f"{key} is not a list ({described(value)})")
    for k, item in enumerate(value, 1):
        if not isinstance(item, kind):
            raise FieldError(f"{key} item {k} is not {noun} ({described(item)})")
    return value
