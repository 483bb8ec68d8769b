"""A window closed while a folder loads: the load's thread finds its worker gone and ends
quietly, with no traceback on the terminal (the user quit; nothing is left to tell)."""

import threading

import pytest
import shiboken6

from timeline_app.gui.ingest_worker import IngestWorker
from timeline_app.model import Timeline


@pytest.mark.parametrize("ending", ["finished", "failed", "progressed"])
def test_worker_deleted_before_its_job_ends(qapp, monkeypatch, ending):
    release, started = threading.Event(), threading.Event()
    raised: list[BaseException] = []
    monkeypatch.setattr(threading, "excepthook", lambda args: raised.append(args.exc_value))

    def job(progress, partial):
        started.set()
        release.wait(5)
        if ending == "failed":
            raise OSError("disk gone")
        if ending == "progressed":
            progress(1, 2, "a.txt")
        return None, Timeline()

    worker = IngestWorker(job, partials=False)
    worker.start()
    assert started.wait(5)
    shiboken6.delete(worker)  # what closing the window does to its children
    release.set()
    worker._thread.join(5)
    assert not worker._thread.is_alive()
    assert raised == []
