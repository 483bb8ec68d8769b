"""The local engine's workers run at a lower priority than the process that started them."""

import multiprocessing
import os

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


def test_a_pool_starts_all_its_workers_when_entered():
    """Entered before the work is ready (a folder's files still being read), a pool has
    started every worker, so their start-up runs meanwhile, not once the first task is sent."""
    before = set(multiprocessing.active_children())
    with LocalEngine(2).pool(None, workers=2):
        started = set(multiprocessing.active_children()) - before
        assert len(started) == 2
