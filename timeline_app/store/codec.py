"""How payloads and names are written to the store and read back, losslessly.

A file name that is not valid UTF-8 reaches the store as a str with surrogate escapes (that is
how Python gives such names, e.g. "caf\\udce9.txt" for the bytes b"caf\\xe9.txt"); SQLite
takes text as UTF-8 only. In JSON such characters are written as \\uXXXX escapes, which JSON
reads back as the same characters. A bare name (an edit's target: a document's id, its path
in the folder) is written as a BLOB of the bytes the name has on disk (`os.fsencode`) and read
back as the same str; a name no file could have (a lone surrogate that is no escaped byte) is
passed through as UTF-8-like bytes behind a NUL, which no file name holds either.
"""

from __future__ import annotations

import json
import re
from typing import Any

import orjson

from ..json_text import compact

__all__ = [
    "DamagedRecord",
    "dump",
    "dumps",
    "edit_fields",
    "item_texts",
    "loads",
    "name_in",
    "name_out",
    "storable",
]

_SURROGATE = re.compile("[\ud800-\udfff]")
_PASSED = b"\x00"  # before a name whose surrogates are passed through, not bytes on disk


class DamagedRecord(ValueError):
    """Something stored cannot be read back: the store is damaged."""


def dumps(payload: Any) -> str:
    """JSON; a list is written one item per line, so that `loads` can read it item by item.

    One json call on a merged corpus (20,000 events: 20 MB) holds the GIL for half a second,
    and the GUI thread waits that long; item by item, it gets its turn between items.
    """
    if isinstance(payload, list) and payload:
        return "[\n" + ",\n".join(map(dump, payload)) + "\n]"
    return dump(payload)


_BIG = 500  # items: a dict or list this long, or holding one, is written piece by piece


def dump(payload: Any) -> str:
    """Compact JSON, `json_text.compact(payload)`'s. A big dict or list (a folder's
    listing: 10,000 files) is one C call of 100 ms or more that no other thread can
    interrupt, so one that is, or holds, a long dict or list is written an item at a time."""
    if _holds_big(payload):
        return _pieces(payload)
    return compact(payload)


def _holds_big(x: Any) -> bool:
    if isinstance(x, list):
        return len(x) >= _BIG
    if isinstance(x, dict):
        return len(x) >= _BIG or any(
            isinstance(v, (dict, list)) and len(v) >= _BIG for v in x.values()
        )
    return False


def _pieces(x: Any) -> str:
    """`x` written a few hundred items per call: each call's text less its brackets, joined."""
    if isinstance(x, list):
        parts = [compact(x[i : i + _BIG])[1:-1] for i in range(0, len(x), _BIG)]
        return "[" + ",".join(parts) + "]"
    if not all(type(k) is str for k in x):  # other keys: as json writes them, in one call
        return compact(x)
    if len(x) < _BIG:  # a small dict holding a long one
        return "{" + ",".join(f"{compact(k)}:{dump(v)}" for k, v in x.items()) + "}"
    items = list(x.items())
    parts = [compact(dict(items[i : i + _BIG]))[1:-1] for i in range(0, len(items), _BIG)]
    return "{" + ",".join(parts) + "}"


def storable(text: str) -> str:
    """JSON as SQLite can take it: lone surrogates written as their \\uXXXX escapes (one can
    only stand inside a JSON string, where its escape means the same). A scan costs as much as
    the dump: callers try the text as it is first."""
    return _SURROGATE.sub(_escape, text)


def loads(text: Any, *, exact: bool = False) -> Any:
    """The payload `dumps` wrote; `DamagedRecord` if what the store holds is not that.

    Read by orjson, a compiled reader: a one-file update at 10,000 articles decodes about
    8 MB of the store's records (the folder's listing, its index, its files' metadata, the
    merge blocks near the change), and json spent 12% of the update's instructions there,
    most of it on the many integers. orjson reads every text json does the same, except
    an integer beyond 64 bits (which it reads as a float) and what it refuses: NaN, a lone
    surrogate's escape (those go to json). No record this app caches holds such an integer
    (offsets, counts, dates, file sizes and times); a payload that may (an edit: a user's
    values) is read `exact`, by json alone."""
    if not isinstance(text, str):
        raise DamagedRecord("a stored record is not text")
    read = json.loads if exact else _fast
    try:
        items = item_texts(text)
        return read(text) if items is None else [read(item) for item in items]
    except ValueError:
        raise DamagedRecord("a stored record is not valid JSON") from None


def _fast(text: str) -> Any:
    try:
        return orjson.loads(text)
    except orjson.JSONDecodeError:  # NaN, a lone surrogate's escape: json reads them
        return json.loads(text)


def item_texts(text: str) -> list[str] | None:
    """The JSON of each item of a list `dumps` wrote one item per line (None: no such list).
    JSON escapes newlines in strings: each line is one item."""
    return text[2:-2].split(",\n") if text.startswith("[\n") else None


def name_out(name: str) -> str | bytes:
    """A name as SQLite can take it: text if it is valid Unicode, else the BLOB of its bytes."""
    if not _SURROGATE.search(name):
        return name
    try:
        data = name.encode("utf-8", "surrogateescape")
        if data.decode("utf-8", "surrogateescape") == name:  # "\udcc3\udca9" would read "é"
            return data
    except UnicodeEncodeError:
        pass
    return _PASSED + name.encode("utf-8", "surrogatepass")


def name_in(value: Any) -> str:
    try:
        if isinstance(value, str):
            return value
        if value.startswith(_PASSED):
            return value[1:].decode("utf-8", "surrogatepass")
        return value.decode("utf-8", "surrogateescape")
    except (AttributeError, ValueError):
        raise DamagedRecord("a stored name is unreadable") from None


def edit_fields(seq: Any, kind: Any, target: Any, value: Any) -> tuple[int, str, str, Any]:
    """An edit's fields as stored, read back; `DamagedRecord` if they cannot be."""
    fields = (seq, kind, name_in(target), loads(value, exact=True))
    if not (isinstance(seq, int) and isinstance(kind, str) and isinstance(fields[3], dict)):
        raise DamagedRecord("a stored edit is unreadable")
    return fields


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"
