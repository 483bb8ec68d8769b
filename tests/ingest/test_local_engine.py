"""The local engine's workers run at a lower priority than the process that started them,
and their tasks with the collector paused."""

import gc
import multiprocessing
import os
import time

from timeline_app.ingest.engines import LocalEngine
from timeline_app.ingest.pool import _NICE


def test_workers_yield_the_cores_to_the_window():
    got: dict[int, int] = {}
    with LocalEngine(2).pool(os.PRIO_PROCESS, workers=2) as pool:
        # each task is os.getpriority(PRIO_PROCESS, 0): the nice value of the worker running it
        pool.map(os.getpriority, [0, 0, 0], on_done=got.__setitem__)
    ours = os.getpriority(os.PRIO_PROCESS, 0)
    assert len(got) == 3
    assert set(got.values()) == {min(19, ours + _NICE)}
    assert os.getpriority(os.PRIO_PROCESS, 0) == ours  # not this process's


def _collecting(_: object, __: object) -> bool:
    return gc.isenabled()


def test_tasks_run_with_the_collector_paused_as_the_load_does():
    """A worker's tasks make many objects and no cycles: the collector's passes over what
    it keeps (titles, roles, merge features) are left out, as in the loading process."""
    got: dict[int, bool] = {}
    with LocalEngine(2).pool(None, workers=2) as pool:
        pool.map(_collecting, [0, 1, 2], on_done=got.__setitem__)
    assert got == {0: False, 1: False, 2: False}
    assert gc.isenabled()  # this process's collector is its own


def test_a_pool_starts_all_its_workers_when_entered():
    """Entered before the work is ready (a folder's files still being read), a pool has
    started every worker, so their start-up runs meanwhile, not once the first task is sent."""
    before = set(multiprocessing.active_children())
    with LocalEngine(2).pool(None, workers=2):
        started = set(multiprocessing.active_children()) - before
        assert len(started) == 2


def test_results_come_back_while_the_items_are_still_being_made():
    """A first open sends each handful of files as it is read: the workers start on the
    first before the last is read, and their results are handed back meanwhile."""
    done: dict[int, int] = {}
    made_before_a_result = 0

    def items():
        nonlocal made_before_a_result
        for i in range(500):  # at most 5 s, while the workers start
            if done:
                break
            made_before_a_result += 1
            yield i
            time.sleep(0.01)  # reading the next files
        yield from range(made_before_a_result, made_before_a_result + 3)

    with LocalEngine(2).pool(0, workers=2) as pool:
        pool.map(max, items(), on_done=done.__setitem__)  # max(0, item): the item
    assert made_before_a_result < 500  # a result came back before the items ended
    assert done == {i: i for i in range(made_before_a_result + 3)}
