"""Row stacking: nearby events go to different rows; labels never overlap."""

from __future__ import annotations

import random

import pytest

from timeline_app.plan.rows import MIN_LABEL, POINT_RADIUS, Item, fit_span, stack


def label_boxes(items, placements, ppd):
    """(row, start, end, index of the item) of each label that is drawn."""
    boxes = []
    for i, (it, pl) in enumerate(zip(items, placements, strict=True)):
        anchor = (it.x0 + it.x1) / 2 * ppd if it.point else it.x0 * ppd
        if pl.label_w > 0:
            boxes.append((pl.row, anchor + pl.label_dx, anchor + pl.label_dx + pl.label_w, i))
    return boxes


def marker_boxes(items, placements, ppd):
    out = []
    for it, pl in zip(items, placements, strict=True):
        if it.point:
            c = (it.x0 + it.x1) / 2 * ppd
            out.append((pl.row, c - POINT_RADIUS, c + POINT_RADIUS))
        else:
            out.append((pl.row, it.x0 * ppd, max(it.x1 * ppd, it.x0 * ppd + 5)))
    return out


def overlaps(a, b):
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def test_nearby_events_get_different_rows_and_full_labels():
    items = [Item(d, d + 1, True, 150) for d in (0, 1, 2)] + [Item(0, 31, False, 120)]
    placements, rows = stack(items, px_per_day=10, max_rows=10)
    assert rows == 4
    assert len({p.row for p in placements}) == 4
    assert [p.label_w for p in placements] == [150, 150, 150, 120]


def test_far_apart_events_share_a_row():
    items = [Item(0, 1, True, 100), Item(100, 101, True, 100)]
    placements, rows = stack(items, px_per_day=10, max_rows=10)
    assert rows == 1 and placements[0].row == placements[1].row == 0


def test_crowded_labels_are_cut_or_dropped_but_never_overlap():
    rnd = random.Random(7)
    items = []
    for _ in range(300):
        x0 = rnd.uniform(0, 2000)
        point = rnd.random() < 0.7
        items.append(
            Item(x0, x0 + (1 if point else rnd.uniform(10, 365)), point, rnd.uniform(20, 300))
        )
    placements, rows = stack(items, px_per_day=0.7, max_rows=8)
    assert rows == 8
    labels = label_boxes(items, placements, 0.7)
    markers = marker_boxes(items, placements, 0.7)
    assert any(p.label_w == 0 for p in placements)  # some had to go
    for i, a in enumerate(labels):
        assert all(not overlaps(a, b) for b in labels[i + 1 :])
        assert all(not overlaps(a, m) for j, m in enumerate(markers) if j != a[3])
        assert a[2] - a[1] >= min(MIN_LABEL, 20)


def test_layout_depends_on_zoom_not_on_pan():
    items = [Item(d, d + 1, True, 80) for d in range(0, 40, 3)]
    shifted = [Item(it.x0 + 1000, it.x1 + 1000, True, 80) for it in items]
    a, _ = stack(items, 5, 10)
    b, _ = stack(shifted, 5, 10)
    assert [p.row for p in a] == [p.row for p in b]


@pytest.mark.parametrize(
    ("lo", "hi", "width", "expected", "why"),
    [
        (0, 1000, 1000, (-32, 1032), "2% of the span and 12 px on each side"),
        (100, 101, 1000, (95.5 - 0.32, 105.5 + 0.32), "a day is shown as ten days"),
        (0, 1000, 100, (-140, 1140), "a narrow plot: 12 px is more of the span"),
    ],
)
def test_fit_span_hugs_the_events(lo, hi, width, expected, why):
    assert fit_span(lo, hi, width) == pytest.approx(expected), why
