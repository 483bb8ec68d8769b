"""orjson where it writes as json does, json where it would not: the same text (floats
aside, in the compact form: the same values read back)."""

from __future__ import annotations

import enum
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.json_text import compact, compact_bytes, indented


class _Kind(enum.IntEnum):
    ONE = 1


class _Name(str):
    pass


def _json_compact(value, default=None):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=default)


@pytest.mark.parametrize(
    "value, why",
    [
        ({}, "empty object"),
        ({"title": 'Élan "quoted"\n\t\x1f\u2028', "n": None}, "escapes, non-ASCII kept"),
        ({"file": "caf\udce9.txt"}, "a lone surrogate (a file name not in UTF-8): json writes it"),
        ([True, False, None, 0, -7, 2**63 - 1, -(2**63)], "scalars, the ints orjson takes"),
        ([10**30, -(10**25)], "ints beyond 64 bits: json writes them"),
        ({1: "x", None: "y"}, "keys that are not str: json turns them into strings"),
        ((1, ["a"]), "a tuple is an array"),
        ([_Kind.ONE, {"k": _Kind.ONE}, _Name("x")], "subclasses, as json writes them"),
    ],
)
def test_compact_writes_what_json_writes(value, why):
    assert compact(value) == _json_compact(value), why


def test_compact_gives_what_it_cannot_write_to_default_as_json_does():
    assert compact(["x", object], default=repr) == _json_compact(["x", object], default=repr)
    with pytest.raises(TypeError):
        compact({"when": object()})


def test_compact_bytes_reads_back_even_with_a_lone_surrogate():
    for value in (["caf\udce9.txt", 1], ["é", None]):
        assert json.loads(compact_bytes(value)) == value


_scalars = st.none() | st.booleans() | st.integers() | st.text()
_json = st.recursive(
    _scalars | st.floats(allow_nan=False, allow_infinity=False),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


def _same(a, b) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


@settings(max_examples=300, deadline=None)
@given(_json)
def test_any_value_reads_back_as_json_reads_it(value):
    assert _same(json.loads(compact(value)), json.loads(_json_compact(value)))


@settings(max_examples=300, deadline=None)
@given(st.recursive(_scalars, lambda i: st.lists(i, max_size=4) | st.dictionaries(st.text(), i)))
def test_without_floats_the_text_is_json_s(value):
    assert compact(value) == _json_compact(value)
    assert indented(value) == json.dumps(value, indent=2, ensure_ascii=False)
