"""Many events: density strips where markers do not fit, clusters that open, labels that
never overlap, and a store built from columns that equals one built from events (label
priority itself: tests/plan/test_labels.py)."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPointF, QRectF, Qt

from timeline_app.gui.main_window import MainWindow
from timeline_app.gui.state import TimelineState
from timeline_app.model import Timeline
from timeline_app.plan.columns import EventStore
from timeline_app.plan.frame import DETAIL_MAX

from .conftest import settle
from .factories import make_timeline
from .helpers import show_window

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synthetic import synthetic_store  # noqa: E402


@pytest.fixture(scope="module")
def big_store():
    return synthetic_store(50_000, seed=3)


@pytest.fixture
def big_window(qtbot, big_store):
    win = MainWindow(state=TimelineState(Timeline(name="synthetic"), store=big_store))
    win.resize(1400, 900)
    return show_window(qtbot, win)


def label_and_marker_rects(view):
    """Scene rectangles of the drawn labels and of every marker, with their event index."""
    labels = [
        (view.state.store.index_of(eid), rect) for eid, _, rect in view.labels.visible_labels()
    ]
    tr = view.marks.sceneTransform()
    rects = view.marks.device_rects(tr)
    marks = [
        (int(i), QRectF(QPointF(r[0], r[1]), QPointF(r[2], r[3])))
        for i, r in zip(view.marks.index, rects, strict=True)
    ]
    return labels, marks


def test_whole_span_is_a_density_strip_and_a_cluster_opens_on_click(qtbot, big_window):
    view = big_window.timeline_view
    frame = view.frame
    assert len(view.marks.index) == 0 and frame.lanes[0].strip_y is not None
    clusters = frame.lanes[0].clusters
    assert sum(n for _, _, n in clusters) >= len(view.state.store)  # each counted at least once
    lo, hi, n = max(clusters, key=lambda c: c[2])
    centre = view.plot.mapFromScene(
        view.view_box.mapViewToScene(QPointF((lo + hi) / 2, frame.lanes[0].strip_y))
    )
    qtbot.mouseClick(view.plot.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    settle()
    assert view.view_box.viewRange()[0] == pytest.approx([lo, hi])
    for _ in range(6):  # zooming further in opens the cluster into markers
        big_window.zoom_in_action.trigger()
    settle()
    assert 0 < len(view.marks.index) <= DETAIL_MAX


def test_labels_never_overlap_labels_or_other_markers(qtbot, big_window, big_store):
    view = big_window.timeline_view
    mid = float(big_store.x0[len(big_store) // 2]) + 0.5  # noon: where day markers sit
    for half in (10, 3, 1, 0.2):
        view.zoom_to(mid - half, mid + half)
        settle()
        labels, marks = label_and_marker_rects(view)
        assert labels, half
        for k, (i, a) in enumerate(labels):
            assert all(not a.intersects(b) for _, b in labels[k + 1 :])
            assert all(not a.intersects(m) for j, m in marks if j != i)


def test_store_from_columns_matches_store_from_events():
    timeline = make_timeline()
    a = EventStore.from_timeline(timeline)
    n = len(a)
    b = EventStore.from_columns(
        a.ref,
        a.x0[::-1],
        a.x1[::-1],
        a.precision[::-1],
        part=a.part[::-1],
        inferred=a.inferred[::-1],
        n_sources=a.n_sources[::-1],
        titles=a.titles[::-1],
        outlet=np.zeros(n, int),
        outlet_names=["x"],
        actor=np.full(n, -1),
        actor_names=[],
    )
    for col in ("x0", "x1", "precision", "part", "inferred", "n_sources"):
        assert np.array_equal(getattr(a, col), getattr(b, col)), col
    assert [b.fuzzy_date(i) for i in range(n)] == [e.date for e in timeline.events]
    assert b.index_of(b.id_of(4)) == 4
    with pytest.raises(KeyError):
        b.index_of("nope")
