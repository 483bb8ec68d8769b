"""Workers make preview events for a sample of files: only while previews stay within their
share of the extraction time, so the window's first open costs little more than a headless one."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from timeline_app.ingest import pool
from timeline_app.ingest.file_results import FileResult
from timeline_app.ingest.manifest import Manifest
from timeline_app.ingest.pool import PreviewBudget, extract_chunk


@pytest.mark.parametrize(
    ("share", "steps", "expected", "why"),
    [
        (0.1, [], True, "nothing spent: the first file gets its preview"),
        (0.1, [(1.0, 0.0)], True, "extraction alone"),
        (0.1, [(1.0, 0.1)], True, "exactly the share"),
        (0.1, [(1.0, 0.2)], False, "over the share"),
        (0.1, [(1.0, 0.2), (1.0, 0.0)], True, "more extraction makes room again"),
        (0.0, [(5.0, 0.01)], False, "no share: one preview only"),
    ],
)
def test_budget_allows_previews_within_their_share(share, steps, expected, why):
    budget = PreviewBudget(share)
    for extracting, previewing in steps:
        budget.spent(extracting=extracting, previewing=previewing)
    assert budget.allows() is expected, why


def jobs(n: int) -> list[pool.Job]:
    text = "Talks\nPosted: 04.03.2021\n\nThe ministers met in Riga on Monday, 1 March 2021.\n"
    return [(i, Path(f"a{i}.txt"), f"a{i}.txt", text.encode()) for i in range(n)]


@pytest.mark.parametrize(
    ("share", "previewed", "why"),
    [
        (math.inf, 5, "all the time in the world: every file"),
        (0.0, 1, "no time: the first file only, the rest get none ([], not None)"),
    ],
)
def test_workers_preview_the_files_their_budget_allows(monkeypatch, share, previewed, why):
    monkeypatch.setattr(pool, "_preview_budget", PreviewBudget(share))
    out = extract_chunk((Manifest(), {}, True), jobs(5))
    assert all(isinstance(result, FileResult) for _, result, _ in out)
    previews = [preview for _, _, preview in out]
    assert all(p is not None for p in previews), why
    assert sum(1 for p in previews if p) == previewed, why
    assert previews[0] and previews[0][0].date.iso() == "2021-03-01", why


def test_no_previews_asked_none_made(monkeypatch):
    monkeypatch.setattr(pool, "_preview_budget", PreviewBudget(math.inf))
    out = extract_chunk((Manifest(), {}, False), jobs(2))
    assert [preview for _, _, preview in out] == [None, None]
