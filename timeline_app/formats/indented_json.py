"""JSON text exactly as `json.dumps(value, indent=2, ensure_ascii=False)` writes it, faster.

With `indent`, Python 3.11's json module leaves its C encoder aside and runs every value
through nested Python generators: writing 34,000 event records took seconds. Here dicts and
lists are joined as strings by plain recursion and every str goes through the C escaper
json itself uses; any value of another type (a float, a subclass, a non-str key) is handed
to `json.dumps` itself, so the text is the same for every input.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C escaper with ensure_ascii=False
from typing import Any

__all__ = ["indented"]

_STEP = "  "


def indented(value: Any, pad: str = "") -> str:
    """`value` as indent-2 JSON, each line after the first starting with `pad` (the text
    of a value nested at that depth)."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)  # type: ignore[no-any-return]
    if kind is dict:
        return _object(value, pad)
    if kind is list:
        return _array(value, pad)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    return _by_json(value, pad)


def _object(value: dict[Any, Any], pad: str) -> str:
    if not value:
        return "{}"
    inner = pad + _STEP
    parts = []
    for key, item in value.items():
        if type(key) is not str:  # json turns such keys into strings its own way
            return _by_json(value, pad)
        # a record's keys are the same few names in every record: each encoded once
        head = _HEADS.get(key)
        if head is None:
            head = encode_basestring(key) + ": "
            if len(_HEADS) < _MAX_HEADS:
                _HEADS[key] = head
        kind = type(item)  # the common leaves inline: a call per value is most of the cost
        if kind is str:
            parts.append(head + encode_basestring(item))
        elif item is None:
            parts.append(head + "null")
        elif kind is bool:
            parts.append(head + ("true" if item else "false"))
        elif kind is int:
            parts.append(head + int.__repr__(item))
        else:
            parts.append(head + indented(item, inner))
    return "{\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "}"


_HEADS: dict[str, str] = {}  # key -> its JSON and ": "
_MAX_HEADS = 4096  # keys from data (a document's metadata) are not all kept


def _array(value: list[Any], pad: str) -> str:
    if not value:
        return "[]"
    inner = pad + _STEP
    parts = [encode_basestring(v) if type(v) is str else indented(v, inner) for v in value]
    return "[\n" + inner + (",\n" + inner).join(parts) + "\n" + pad + "]"


def _by_json(value: Any, pad: str) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + pad)
