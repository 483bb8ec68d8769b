"""Releasing a big structure gradually frees everything it held, whatever its kind; released
later, it is freed on a thread of its own, a batch of objects at a time, leaving alone what
it shares with structures still in use."""

from __future__ import annotations

import gc
import threading
import time
import weakref

import pytest

from timeline_app.ingest import collector
from timeline_app.ingest.collector import collector_paused, release_gradually, release_later


class _Item:
    pass


@pytest.mark.parametrize(
    ("make", "chunk"),
    [
        (lambda xs: list(xs), 1000),
        (lambda xs: list(xs), 3),
        (lambda xs: {k: x for k, x in enumerate(xs)}, 1000),
        (lambda xs: {x: None for x in xs}, 1),
        (lambda xs: set(xs), 1000),
        (lambda xs: [], 10),
    ],
    ids=["list", "list by 3", "dict values", "dict keys", "set", "empty"],
)
def test_everything_held_is_freed_and_the_container_left_empty(make, chunk):
    items = [_Item() for _ in range(2500)]
    refs = [weakref.ref(x) for x in items]
    container = make(items)
    del items
    release_gradually(container, chunk)
    assert len(container) == 0
    assert all(r() is None for r in refs), "freed by reference counting, no collection"


def test_the_collector_pauses_while_any_load_runs_and_resumes_after():
    assert gc.isenabled()
    with collector_paused:
        assert not gc.isenabled()
        with collector_paused:  # two loads at once (two windows)
            assert not gc.isenabled()
        assert not gc.isenabled(), "the other load still runs"
    assert gc.isenabled()


class _Noted:
    """Notes on which thread it is freed."""

    def __init__(self, freed: list[str]) -> None:
        self.freed = freed

    def __del__(self) -> None:
        self.freed.append(threading.current_thread().name)


def test_what_is_released_later_is_freed_on_another_thread_after_its_caller_went_on():
    freed: list[str] = []
    held = [_Noted(freed) for _ in range(3)]
    release_later(held, _Noted(freed))
    del held
    assert freed == [], "nothing is freed while the caller goes on"
    deadline = time.monotonic() + 5
    while len(freed) < 4 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert freed == ["release"] * 4


class _Counted:
    """Counts its own freeing; holds other objects."""

    def __init__(self, freed: list[int], held: list[object] | None = None) -> None:
        self.freed, self.held = freed, held or []

    def __del__(self) -> None:
        self.freed.append(1)


def test_peeling_frees_a_nested_structure_a_batch_at_a_time():
    """Dropped in one go, the tree below frees its 2,551 objects in one cascade; peeled,
    no step frees more objects than a batch looks at, and in the end all are freed."""
    freed: list[int] = []
    leaves = [[_Counted(freed) for _ in range(50)] for _ in range(50)]
    tree = _Counted(freed, [_Counted(freed, kids) for kids in leaves])
    del leaves
    held: list[object] = [tree]
    del tree
    steps = 0
    while held:
        before = len(freed)
        collector._peel_batch(held)
        assert len(freed) - before <= collector._PEEL_BATCH
        steps += 1
    assert len(freed) == 1 + 50 + 50 * 50
    assert steps > 2551 // collector._PEEL_BATCH


def test_peeling_leaves_what_is_shared_with_a_structure_in_use_as_it_is():
    freed: list[int] = []
    shared = [_Counted(freed) for _ in range(10)]
    own = [_Counted(freed, [_Counted(freed)]) for _ in range(20)]
    held: list[object] = [{"own": own, "shared": shared, "more": (shared, own)}]
    del own
    collector._peel(held, 10.0)
    assert held == []
    assert len(freed) == 40, "its own objects, not the shared ones"
    assert len(shared) == 10 and all(isinstance(x, _Counted) for x in shared)
