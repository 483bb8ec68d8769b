"""Names that are not valid UTF-8 go into the store and come back unchanged (issue 10, point 4)."""

import os
import sqlite3

import pytest

from timeline_app.store import ProjectStore
from timeline_app.store.codec import DamagedRecord, dumps, loads, name_in, name_out, storable

ON_DISK = os.fsdecode(b"caf\xe9\xff.txt")  # how Python gives the name b"caf\xe9\xff.txt"

NAMES = [  # (name, stored, why)
    ("café.txt", "café.txt", "valid Unicode stays text"),
    (ON_DISK, b"caf\xe9\xff.txt", "a name that is not UTF-8: its bytes on disk, as os.fsencode"),
    ("dir/\udcff/a.txt", b"dir/\xff/a.txt", "a folder in the relative path"),
    ("\udcc3\udca9", b"\x00\xed\xb3\x83\xed\xb2\xa9", "escapes that would read back as 'é'"),
    ("x\ud800y", b"\x00x\xed\xa0\x80y", "a surrogate no file name holds"),
    ("", "", "nothing"),
]


@pytest.mark.parametrize(("name", "stored", "why"), NAMES)
def test_names_are_stored_losslessly(name, stored, why):
    assert name_out(name) == stored, why
    assert name_in(name_out(name)) == name, why


PAYLOADS = [  # (payload, why)
    ({"id": ON_DISK, "text": "Caf\u00e9 \u2014 \u041c\u0438\u043d\u0441\u043a"}, "a document"),
    ([{"file": ON_DISK}, {"file": 'a\\\udcff"'}], "a list, one item per line"),
    ("\udcff" * 3, "nothing but escapes"),
    ([], "an empty list"),
]


@pytest.mark.parametrize(("payload", "why"), PAYLOADS)
def test_payloads_round_trip_and_are_valid_utf8(payload, why):
    text = storable(dumps(payload))
    text.encode("utf-8")  # what SQLite takes
    assert loads(text) == payload, why


ITEMS = [
    {"sources": [["a.txt", 1]], "title": "Talks"},
    {"sources": [["b.txt", 2], ["a.txt", 3]], "title": "More talks"},
    {"sources": [[ON_DISK, 4]], "title": 'A "quoted" title'},
    {"sources": [['q"\\.txt', 5]], "title": "b.txt"},
]
NEEDED = [  # (strings, the items decoded, why)
    (["a.txt"], [0, 1], "a name in two items"),
    (["b.txt"], [1, 3], "an item holding it as another field's value comes too"),
    ([ON_DISK], [2], "a name that is not UTF-8, written as its escapes"),
    (['q"\\.txt'], [3], "quotes and backslashes, as JSON escapes them"),
    (["c.txt"], [], "a name in no item"),
    ([], [], "no names"),
]


@pytest.mark.parametrize(("strings", "expected", "why"), NEEDED)
def test_a_list_payload_is_read_item_by_item_where_it_holds_the_names_asked_for(
    strings, expected, why
):
    store = ProjectStore.in_memory()
    rows = [("row", ITEMS), ("empty", []), ("other", {"a.txt": 1})]
    store.cache_many("corpus_cache", rows)
    got = store.cached_items("corpus_cache", ["row", "empty", "other", "missing"])
    assert sorted(got) == ["empty", "row"], "a payload that is no list is left out"
    assert len(got["row"]) == len(ITEMS) and len(got["empty"]) == 0, why
    assert got["row"].holding(strings) == expected, why
    assert got["empty"].holding(strings) == [], why
    assert [got["row"][i] for i in expected] == [ITEMS[i] for i in expected], why
    assert [got["row"][i] for i in range(len(ITEMS))] == ITEMS, "every item, decoded"
    assert store.cached_many("corpus_cache", ["row"]) == {"row": ITEMS}, why
    store.close()


def test_an_item_that_is_not_json_is_damage_when_read_and_alone():
    store = ProjectStore.in_memory()
    store.cache_many("corpus_cache", [("row", ITEMS)])
    text = storable(dumps(ITEMS)).replace('"More talks"', '"More talks')  # 2nd item cut short
    store._db.execute("UPDATE corpus_cache SET payload = ? WHERE key = 'row'", (text,))
    items = store.cached_items("corpus_cache", ["row"])["row"]
    assert items[0] == ITEMS[0] and items[2] == ITEMS[2], "the others read as they are"
    with pytest.raises(DamagedRecord):
        items[1]
    store.close()


@pytest.mark.parametrize("stored", ["not json", b"\x01\x02", '[\n{"a":\n]', None])
def test_an_unreadable_record_is_damage_not_a_crash(stored):
    with pytest.raises(DamagedRecord):
        loads(stored)


def test_the_store_keeps_such_names_in_cache_and_edits(tmp_path):
    path = tmp_path / "s.sqlite"
    store = ProjectStore(path)
    store.cache_many("file_cache", [("k", {"docs": [{"id": ON_DISK}]})])
    store.add_edit("document.published", ON_DISK, {"date": "2023-12-03", "part": None})
    store.add_edit("event.title", "ev-1", {"title": "t", "anchors": [[ON_DISK, 1, 2]]})
    store.close()
    again = ProjectStore(path)
    assert again.cached("file_cache", "k") == {"docs": [{"id": ON_DISK}]}
    first, second = again.edits()
    assert first.target == ON_DISK and second.value["anchors"] == [[ON_DISK, 1, 2]]
    assert again.undo().target == "ev-1" and again.undo().target == ON_DISK
    again.close()
    db = sqlite3.connect(path)
    assert db.execute("SELECT target FROM edits WHERE seq = 1").fetchone()[0] == os.fsencode(
        ON_DISK
    ), "the name's bytes as on disk"
    db.close()


def _listing(n: int) -> dict:
    return {
        "format": 2,
        "files": {
            f"dir/{k:05}\u00e9.txt": {"key": f"{k:064x}", "ids": [f"{k}"], "n": k} for k in range(n)
        },
    }


BIG = [  # (payload, why): written piece by piece, the text must be json's own
    (_listing(1200), "a folder's listing: a long dict inside a small one"),
    ([{"a": [1.5, None, True], "b": ON_DISK} for _ in range(800)], "a long list"),
    ({k: k * 2 for k in range(700)}, "a long dict of int keys: written by json in one call"),
    ({"x": list(range(600)), "y": {"z": "w"}, 3: [1]}, "a long list under a dict with an int key"),
    ({"nested": {"deeper": [{"k": "v"}] * 900}}, "a long list two levels down"),
    (_listing(3), "small: one call"),
]


@pytest.mark.parametrize(("payload", "why"), BIG)
def test_a_big_payload_is_written_as_one_json_call_writes_it(payload, why):
    import json

    from timeline_app.store.codec import dump

    expected = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    assert dump(payload) == expected, why
    assert loads(dumps(payload)) == json.loads(expected), why


READ_AS_JSON_READS = [  # (stored text, why)
    ('{"n":[1,-2,9223372036854775807,18446744073709551615],"s":"Minsk"}', "64-bit integers"),
    ('[\n{"a":1},\n{"b":[2,3]}\n]', "a list written one item per line"),
    ('{"x":NaN}', "NaN, which orjson refuses: json reads it"),
    ('{"file":"caf\\udce9.txt"}', "a lone surrogate's escape: json reads it"),
    ('{"k":"a","k":"b"}', "a key twice: the last one"),
    ('"\\u00e9\\u2014"', "escapes"),
]


@pytest.mark.parametrize(("text", "why"), READ_AS_JSON_READS)
def test_a_stored_record_reads_as_json_reads_it(text, why):
    import json

    assert repr(loads(text)) == repr(json.loads(text)), why  # repr: NaN equals no NaN


def test_an_edit_is_read_exactly_beyond_64_bits():
    """orjson reads an integer beyond 64 bits as a float; an edit holds a user's values, so
    it is read by json alone."""
    text = '{"year":123456789012345678901234567890}'
    assert loads(text, exact=True) == {"year": 123456789012345678901234567890}
    store = ProjectStore.in_memory()
    store.add_edit("event.note", "e1", {"year": 123456789012345678901234567890})
    (edit,) = store.edits()
    assert edit.value["year"] == 123456789012345678901234567890
