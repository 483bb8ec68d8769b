"""Shared by every test: Qt offscreen, a throw-away folder for project stores, and the
shipped corpus as extracted (`corpus`, loaded once per session)."""

import atexit
import os
import shutil
import tempfile

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# project stores of the tests (and of the CLI they start) go to a throw-away folder
_HOME = tempfile.mkdtemp(prefix="timeline-app-tests-")
os.environ["TIMELINE_APP_HOME"] = _HOME
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)


@pytest.fixture(scope="session")
def corpus():
    """The shipped CSTO corpus as extracted (8 events over January 2022 – November 2023).

    One timeline for the whole session: tests read it and never change it (a test that
    edits copies the folder and opens it through a `Project`)."""
    from timeline_app.ingest import load_corpus
    from timeline_app.paths import SHIPPED_CORPUS

    return load_corpus(SHIPPED_CORPUS)
