"""Partial timelines reach the window one at a time: one made while the last is still waiting
to be shown is dropped (two queued would be shown back to back, without the event loop
turning in between, and the first replaced unseen); once it is shown, the next one comes."""

import threading

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
