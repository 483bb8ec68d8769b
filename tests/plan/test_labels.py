"""Label placement by priority: the label placed first takes its room, the others are cut
at its marker (the window and pictures place labels with it)."""

from __future__ import annotations

import pytest

from timeline_app.plan.labels import place_labels


def test_selected_event_and_sources_get_label_priority():
    # three markers in one row, each label wants the whole row
    m0, m1, l0 = [0, 100, 200], [10, 110, 210], [15, 115, 215]
    want, rows = [500, 500, 500], [0, 0, 0]
    by_date = place_labels(m0, m1, l0, want, rows, [0, 1, 2])
    assert by_date[0] == pytest.approx(80) and by_date[2] == 500
    # the last one first: it takes its room; the others are cut at its marker
    assert place_labels(m0, m1, l0, want, rows, [2, 1, 0])[2] == 500
