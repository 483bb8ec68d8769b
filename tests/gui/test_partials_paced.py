"""Partial timelines reach the window one at a time: one made while the last is still waiting
to be shown is dropped (two queued would be shown back to back, without the event loop
turning in between, and the first replaced unseen); once it is shown, the next one comes."""

import threading
import time

from timeline_app.gui import ingest_worker
from timeline_app.gui.ingest_worker import IngestWorker

from .factories import make_timeline


def test_a_partial_waits_until_the_last_one_was_shown(qtbot):
    first, second, third, final = (make_timeline() for _ in range(4))
    shown_first = threading.Event()
    sent: list[object] = []

    def job(progress, partial):
        partial(first)
        partial(second)  # the first is not shown yet: the GUI thread is busy in the test
        assert shown_first.wait(10)
        partial(third)
        return None, final

    worker = IngestWorker(job)
    worker.partial_ready.connect(lambda timeline, store: sent.append(timeline))
    with qtbot.waitSignal(worker.partial_ready, timeout=10000):
        worker.start()
        worker._thread.join(0.5)  # both partials are made before the event loop turns
    qtbot.wait(20)  # the loop turns once past the first: it is shown
    with qtbot.waitSignal(worker.finished, timeout=10000) as done:
        shown_first.set()
    assert [id(t) for t in sent] == [id(first), id(third)]  # the same content: by identity
    assert done.args[0].timeline is final


def test_the_job_waits_while_a_partial_is_shown(qtbot, monkeypatch):
    """The GUI thread shows a partial timeline alone: the job goes on only once the slots
    that show it have run (they would otherwise share the interpreter with the job)."""
    monkeypatch.setattr(ingest_worker, "PARTIAL_PAUSE_S", 30.0)  # a slow machine: no timeout
    first, final = make_timeline(), make_timeline()
    slot_done = threading.Event()
    seen_by_job: list[bool] = []

    def job(progress, partial):
        partial(first)
        seen_by_job.append(slot_done.is_set())  # the show was over when the job went on
        return None, final

    def show(timeline, store):
        time.sleep(0.05)  # the window's work of showing it (no event loop turns)
        slot_done.set()

    worker = IngestWorker(job)
    worker.partial_ready.connect(show)
    with qtbot.waitSignal(worker.finished, timeout=10000):
        worker.start()
    assert seen_by_job == [True]


def test_a_partial_not_shown_holds_the_job_up_only_briefly(qtbot):
    """A GUI thread that does not turn (busy elsewhere) holds the job up for at most
    PARTIAL_PAUSE_S: the job finishes while the event loop is still blocked."""
    first, final = make_timeline(), make_timeline()
    ended = threading.Event()

    def job(progress, partial):
        partial(first)
        ended.set()
        return None, final

    worker = IngestWorker(job)
    finished: list[object] = []
    worker.finished.connect(finished.append)
    worker.start()
    assert ended.wait(10), "the job went on although the partial was never shown"
    qtbot.waitUntil(lambda: bool(finished), timeout=10000)
