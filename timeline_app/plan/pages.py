"""PDF pages: a picture laid out for its page, and a long timeline split across pages.

A page has a fixed size, so a picture of a few events would fill only its top strip:
`fit_page` draws it larger (type, marks and all, as long as no event or title is lost by
it) and lets the rows grow taller, so that the lanes and the axis use the page.

Splitting: equal spans of time would leave pages empty (news clusters around a few weeks),
so each page gets about the same number of events and the boundaries fall halfway between
the last event of one page and the first of the next. No Qt.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from .columns import EventStore
from .scene import Measure, Scene, SceneSpec, layout_scene, legend_width
from .sizes import MAX_LABEL_PX

__all__ = ["MAX_PAGES", "PAGE_SCALES", "auto_pages", "fit_page", "split_ranges"]

MAX_PAGES = 100
PAGE_SCALES = (1.1, 1.2, 1.3, 1.4, 1.5, 1.6)  # tried in turn while nothing is lost
FULL_STRETCH = 1.5  # rows stretched less than this fill the page: no larger type tried
TEXT_KEPT = 0.95  # share of the titles' text a larger scale must still show
_PX_PER_EVENT_ROW = 450.0  # a label and its marker, with room around them


def auto_pages(n_events: int, plot_width: float, rows: int) -> int:
    """How many pages `n_events` need so that most of their labels fit."""
    per_page = max(8, int(max(rows, 1) * plot_width / _PX_PER_EVENT_ROW))
    return max(1, min(MAX_PAGES, math.ceil(n_events / per_page)))


def split_ranges(
    store: EventStore, shown: np.ndarray, pages: int, bounds: tuple[float, float] | None = None
) -> list[tuple[float, float]]:
    """Consecutive x ranges, one per page, covering `bounds` (default: the shown events)."""
    if not len(shown):
        return [bounds or (0.0, 365.0)]
    x0 = np.sort(store.x0[shown])
    if bounds is None:
        lo, hi = float(x0[0]), float(store.x1[shown].max())
        pad = 0.03 * max(hi - lo, 1.0)
        bounds = (lo - pad, hi + pad)
    lo, hi = bounds
    pages = max(1, min(pages, len(x0)))
    cuts: list[float] = []
    for k in range(1, pages):
        at = k * len(x0) // pages
        cut = (float(x0[at - 1]) + float(x0[at])) / 2
        if lo < cut < hi and (not cuts or cut > cuts[-1]):
            cuts.append(cut)
    edges = [lo, *cuts, hi]
    return list(zip(edges[:-1], edges[1:], strict=True))


def fit_page(
    spec: SceneSpec, measure: Measure, tick_measure: Callable[[str], float] | None = None
) -> Scene:
    """The scene of `spec` laid out to fill a page `spec.width` x `spec.height` px.

    Its rows stretch down to the axis (`SceneSpec.fill`). A page they do not fill (its rows
    stretched by `FULL_STRETCH` or more) is drawn larger: at each of `PAGE_SCALES` in turn
    (the page then `1/scale` as wide and as high in scene px) while it still shows as many
    events one by one, as many titles and as many of them whole, and `TEXT_KEPT` of their
    text (of each up to `MAX_LABEL_PX`, where the window cuts titles too) as at scale 1,
    and its legend fits its width (measured with `tick_measure`, the legend's font).
    The scene's `scale` says how much larger to draw it.
    """
    if spec.height is None:
        raise ValueError("a page needs a height")
    page = replace(spec, fill=True, max_height=None)
    base = layout_scene(page, measure, tick_measure)
    if base.geometry.row_px < FULL_STRETCH * spec.geometry.row_px:  # rows fill the page
        return base
    want = _legibility(base, measure)
    if not want.marks:  # nothing drawn one by one (a density strip alone): no gain in size
        return base
    best = base
    for scale in PAGE_SCALES:  # larger while nothing is lost (a dense page stops at once)
        scene = layout_scene(
            replace(page, width=spec.width / scale, height=spec.height / scale),
            measure,
            tick_measure,
        )
        if not _legibility(scene, measure).keeps(want) or (
            tick_measure is not None and not _legend_fits(scene, tick_measure)
        ):
            break
        scene.scale, best = scale, scene
    return best


def _legend_fits(scene: Scene, measure: Callable[[str], float]) -> bool:
    return legend_width(scene, measure) <= scene.width - 2 * scene.geometry.margin


@dataclass(frozen=True, slots=True)
class _Legibility:
    marks: int  # events drawn one by one
    titles: int  # titles drawn
    whole: int  # titles drawn whole
    text: float  # how many titles' worth of text (each up to MAX_LABEL_PX) is drawn

    def keeps(self, other: _Legibility) -> bool:
        """As much as `other` shows, but for a little text (`TEXT_KEPT`)."""
        return (
            self.marks >= other.marks
            and self.titles >= other.titles
            and self.whole >= other.whole
            and self.text >= TEXT_KEPT * other.text
        )


def _legibility(scene: Scene, measure: Measure) -> _Legibility:
    if not scene.labels:
        return _Legibility(len(scene.marks), 0, 0, 0.0)
    left, _, right, _ = scene.plot
    whole = measure([scene.titles[i] for i, *_ in scene.labels])
    full = np.minimum(whole, MAX_LABEL_PX)
    x = np.array([lb[1] for lb in scene.labels], np.float64)
    width = np.array([lb[3] for lb in scene.labels], np.float64)
    # as the painter draws them: cut at the plot's right edge, left out when under 45 px
    drawn = np.minimum(x + width, right - 2) - np.maximum(x, left)
    drawn = np.where(drawn >= np.minimum(45.0, full), drawn, 0.0)
    return _Legibility(
        len(scene.marks),
        int(np.count_nonzero(drawn)),
        int(np.count_nonzero(drawn >= whole - 1.0)),
        float(np.minimum(drawn / np.maximum(full, 1.0), 1.0).sum()),
    )
