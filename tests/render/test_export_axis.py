"""The picture's calendar axis is planned with the widths of the font it is drawn in: at
every zoom each planned label is drawn, none overlaps the next, and the context tier
names the month or year (the painter's overlap guard never has to drop one)."""

from __future__ import annotations

import numpy as np
import pytest

from timeline_app.plan.columns import EventStore
from timeline_app.plan.scene import SceneSpec, layout_scene
from timeline_app.render.devices import ensure_app
from timeline_app.render.painter import Fonts

HOUR = 1 / 24
# (visible span in days, why)
ZOOMS = [
    (6 * HOUR, "6 hours"),
    (3, "3 days"),
    (21, "3 weeks"),
    (122, "4 months"),
    (3 * 365, "3 years"),
    (80 * 365, "80 years"),
]
WIDTHS = [420, 900, 1600]


def _overlaps(scene, fonts: Fonts, ticks) -> list[tuple[str, str]]:
    spans = []
    for x, text in ticks:
        w = fonts.measure_tick(text)
        spans.append((scene.x_px(x) - w / 2, scene.x_px(x) + w / 2, text))
    return [(a[2], b[2]) for a, b in zip(spans, spans[1:], strict=False) if b[0] < a[1] + 2]


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize(("days", "why"), ZOOMS)
def test_axis_labels_fit_in_their_font(corpus, days, why, width):
    ensure_app()
    fonts = Fonts()
    store = EventStore.from_timeline(corpus)
    mid = float(np.median(store.x0))
    spec = SceneSpec(store, np.arange(len(store)), width, x_range=(mid, mid + days))
    scene = layout_scene(spec, fonts.measure, fonts.measure_tick)
    assert scene.ticks.fine, f"{why} at {width}px: no labels"
    assert _overlaps(scene, fonts, scene.ticks.fine) == [], f"{why} at {width}px"
    assert scene.ticks.coarse or days > 3000, f"{why}: no month/year context"
