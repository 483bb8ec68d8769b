"""The merge index is kept as the whole and the changes since: an update writes its entries,
not the whole index, and every read gives exactly the index last kept."""

from __future__ import annotations

import copy

import pytest

from timeline_app.ingest import increments
from timeline_app.ingest.increments import Index, index_rows, read_index
from timeline_app.store import ProjectStore

FILES = 200  # small changes: at most 64 entries (a twentieth of 200 is fewer)
BLOCKS = 100  # more than 64: renumbered blocks are written whole


def _first() -> Index:
    return Index(
        corpus="c0",
        names="n0",
        title_names=[[], [["Anna Berg", "Berg"]]],
        actor_names=[[], [["Anna Berg", "Berg"]]],
        actors="a0",
        uses={"Anna Berg": 3},
        docs_with={"NATO": 2},
        files={f"f{i:03d}.txt": [f"k{i}", [i % BLOCKS]] for i in range(FILES)},
        blocks=[
            [f"2021-{1 + n // 28:02d}-{1 + n % 28:02d}"] * 2 + [f"b{n}", "f000.txt", n]
            for n in range(BLOCKS)
        ],
        families={"f001.txt": "f000.txt", "f000.txt": "f000.txt"},
    )


def _changed_file(x: Index) -> None:
    x.files["f003.txt"] = ["k3'", [1, 2]]


def _added_file(x: Index) -> None:
    x.files["new.txt"] = ["kn", [0]]


def _removed_file(x: Index) -> None:
    del x.files["f001.txt"]
    del x.families["f001.txt"]


def _block_merged_again(x: Index) -> None:
    x.blocks[2] = [*x.blocks[2][:2], "b2'", *x.blocks[2][3:]]  # entries are replaced


def _block_added(x: Index) -> None:
    x.blocks.append(["2022-01-01", "2022-01-01", "b7", "new.txt", 0])


def _counts_changed(x: Index) -> None:
    x.uses["Anna Berg"] = 4
    x.docs_with["OSCE"] = 2
    del x.docs_with["NATO"]


def _names_changed(x: Index) -> None:
    x.names = "n1"
    x.title_names = [[["OSCE", "Organization for Security"]], x.title_names[1]]


def _many_files_changed(x: Index) -> None:
    for i in range(0, FILES, 2):
        x.files[f"f{i:03d}.txt"] = [f"k{i}'", [0]]


def _back_to_the_first(x: Index) -> None:
    first = _first()
    for f in increments._KEPT:
        setattr(x, f, getattr(first, f))


STEPS = [  # (the change, whether the whole index is written again, why)
    (_changed_file, False, "one file changed: its entry"),
    (_added_file, False, "a file added"),
    (_removed_file, False, "a file removed, its family with it"),
    (_block_merged_again, False, "a block's statements changed: its entry"),
    (_counts_changed, False, "actor counts changed, one dropped"),
    (_names_changed, False, "the corpus's names changed: those fields whole"),
    (_block_added, True, "a block more: the blocks renumbered, the index written whole"),
    (_changed_file, False, "changes since the new whole record"),
    (_many_files_changed, True, "more than a twentieth of the files: written whole"),
    (_back_to_the_first, True, "back to the first index: as many entries again"),
    (_removed_file, False, "changes since that whole record"),
]


def _kept(store: ProjectStore) -> dict:
    return store.cached_many("corpus_cache", ["index|.", "index+|."])


def test_each_read_gives_the_index_last_kept_and_small_changes_are_kept_apart():
    store = ProjectStore.in_memory()
    store.cache_many("corpus_cache", index_rows(".", _first()))
    expected = _first()
    for change, whole, why in STEPS:
        before = _kept(store)
        read = read_index(store, ".")
        assert read is not None and read.fields() == expected.fields(), why
        change(read)
        change(expected)
        store.cache_many("corpus_cache", index_rows(".", read))
        after = _kept(store)
        assert (after["index|."] != before["index|."]) is whole, why
        again = read_index(store, ".")
        assert again is not None and again.fields() == expected.fields(), why
    store.close()


def test_an_index_written_whole_before_is_read_and_written_whole_again():
    """A store written when the index was one record (no changes kept apart) still serves."""
    store = ProjectStore.in_memory()
    whole = index_rows(".", _first())[0][1]
    del whole["serial"]
    store.cache_many("corpus_cache", [("index|.", whole)])
    read = read_index(store, ".")
    assert read is not None and read.fields() == _first().fields()
    _changed_file(read)
    rows = dict(index_rows(".", read))
    assert set(rows) == {"index|.", "index+|."}
    store.close()


def _changes_of_another(kept: dict) -> dict:
    return {**kept["index+|."], "of": "another"}


def _changes_gone(kept: dict) -> None:
    return None


def _changes_unreadable(kept: dict) -> dict:
    return {**kept["index+|."], "files": ["not", "a", "mapping"]}


def _changes_of_other_code(kept: dict) -> dict:
    return {**kept["index+|."], "code": "other"}


DAMAGE = [  # (what the changes record becomes, why)
    (_changes_of_another, "the changes of another whole record"),
    (_changes_gone, "the changes lost, the whole record kept"),
    (_changes_unreadable, "changes that cannot be applied"),
    (_changes_of_other_code, "changes written by other code"),
]


@pytest.mark.parametrize(("damage", "why"), DAMAGE)
def test_changes_that_do_not_fit_their_whole_record_give_no_index(damage, why):
    """No index: the folder is read from scratch, never an index that is not the last."""
    store = ProjectStore.in_memory()
    store.cache_many("corpus_cache", index_rows(".", _first()))
    read = read_index(store, ".")
    assert read is not None
    _changed_file(read)
    store.cache_many("corpus_cache", index_rows(".", read))
    kept = copy.deepcopy(_kept(store))
    damaged = damage(kept)
    db = store._db
    with db:
        db.execute("DELETE FROM corpus_cache WHERE key = 'index+|.'")
    if damaged is not None:
        store.cache_many("corpus_cache", [("index+|.", damaged)])
    assert read_index(store, ".") is None, why
    store.close()
