"""Shared fixtures: the shipped corpus (loaded once) and the example data files."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline_app.ingest import load_corpus
from timeline_app.paths import SHIPPED_CORPUS

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def corpus():
    """The shipped CSTO corpus as extracted (8 events over January 2022 – November 2023)."""
    return load_corpus(SHIPPED_CORPUS)
