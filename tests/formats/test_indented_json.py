"""The event JSON's fast indent-2 writer gives exactly json.dumps's text."""

from __future__ import annotations

import enum
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.formats.indented_json import indented


class _Kind(enum.IntEnum):
    ONE = 1


def _reference(value, pad=""):
    return json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + pad)


@pytest.mark.parametrize(
    "value, why",
    [
        ({}, "empty object"),
        ([], "empty array"),
        ({"a": [], "b": {}}, "empty containers nested"),
        ({"title": 'Élan "quoted"\n\t', "n": None}, "escapes, non-ASCII kept"),
        ({"file": "caf\udce9.txt"}, "a lone surrogate from a file name"),
        ([True, False, None, 0, -7, 10**30], "scalars"),
        ([1.5, float("nan"), float("inf")], "floats go through json"),
        ({1: "x", None: "y"}, "keys that are not str, as json turns them into strings"),
        ((1, ["a"]), "a tuple is an array"),
        ([_Kind.ONE, {"k": _Kind.ONE}], "an int subclass"),
        ({"sources": [{"context": [{"start": 1, "role": "since"}], "wire": ""}]}, "deep"),
    ],
)
@pytest.mark.parametrize("pad", ["", "  ", "    "])
def test_same_text_as_json_dumps(value, why, pad):
    assert indented(value, pad) == _reference(value, pad), why


def test_what_json_cannot_write_fails_as_in_json():
    with pytest.raises(TypeError):
        indented({"when": object()})


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(_json)
def test_any_json_value_is_written_as_json_dumps_writes_it(value):
    assert indented(value, "  ") == _reference(value, "  ")
