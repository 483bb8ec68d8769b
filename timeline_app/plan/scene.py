"""What an exported picture shows, laid out in pixels: lanes, marks, labels, strips, ticks,
and the eras behind them (`eras.py`: a tint over each era, its name in a strip above the rows;
a milestone the user marked, a line). A starred event's title starts with a star (`STAR`).

The picture reuses the window's level of detail (`frame.py`: which events are drawn one
by one, which become a density strip, rows that keep labels apart), so 10,000 events cost
what the page shows, not what the corpus holds. Everything here is in logical pixels
(1/96 inch) of a canvas `width` wide; the painter maps them to a PNG, SVG or PDF page.
No Qt: text widths come from the `measure` function the caller passes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np

from timeline_app.model import Era

from .columns import DAY, EventStore
from .edge_labels import move_edge_labels
from .eras import ERA_STRIP_PX, era_bands
from .frame import Frame, LaneFrame, Planner, build_lanes
from .rows import fit_span
from .sizes import PLANNED_WORDS
from .ticks import Ticks, date_ticks

__all__ = [
    "LEGEND_GAP",
    "LEGEND_SAMPLE",
    "STAR",
    "STRIP_WORDS",
    "Geometry",
    "Scene",
    "SceneSpec",
    "layout_scene",
    "legend_keys",
    "legend_width",
]

Measure = Callable[[list[str]], np.ndarray]  # label widths in px
LEGEND_SAMPLE = 26.0  # px of a legend key's sample mark, then 6 px, its words, LEGEND_GAP
LEGEND_GAP = 20.0
_KEYS = ("exact day", "month / year (approximate)", "date inferred from context")
STRIP_WORDS = "too many to draw: density and counts"
STAR = "★ "  # before a starred event's title


@dataclass(frozen=True, slots=True)
class Geometry:
    """Fixed sizes of the canvas, in logical px."""

    margin: float = 24.0
    title_h: float = 30.0
    legend_h: float = 26.0
    axis_h: float = 44.0
    lane_header_w: float = 160.0
    row_px: float = 26.0
    pad: float = 8.0  # above the first row and below the last
    max_label_share: float = 0.7  # of the plot width
    max_row_stretch: float = 5.0  # a page's rows grow up to this many times `row_px`
    era_h: float = ERA_STRIP_PX  # the eras' names, above the rows (only when there are eras)


@dataclass(slots=True)
class SceneSpec:
    """What to draw: `shown` store indices, lanes, the x range (None: fit all shown events),
    the canvas size (height None: as tall as the rows need), the title line and the eras to
    draw behind the events (those beyond the range are left out).

    With `fill` (a page: `height` must be given) the lanes keep only the rows they use and
    the rows grow taller, up to `Geometry.max_row_stretch`, so that they fill the height
    down to the axis at its foot."""

    store: EventStore
    shown: np.ndarray
    width: float
    height: float | None = None
    x_range: tuple[float, float] | None = None
    lane_mode: str = "none"
    title: str = ""
    subtitle: str = ""
    max_rows: int = 40  # per lane, when the height is free
    max_height: float | None = None  # with no `height`: grow up to this
    geometry: Geometry = field(default_factory=Geometry)
    fill: bool = False
    eras: Sequence[Era] = ()


@dataclass(slots=True)
class Scene:
    """A laid-out picture. Rows are numbered from 0 at the top of the plot area."""

    width: float
    height: float
    title: str
    subtitle: str
    plot: tuple[float, float, float, float]  # left, top, right, bottom
    lo: float
    hi: float
    lanes: list[tuple[str, int, int]]  # name, first row, rows
    # (store index, x0 px, x1 px, row, point, inferred, planned)
    marks: list[tuple[int, float, float, int, bool, bool, bool]]
    # (store index, x px, row, width px, inside its bar, bar end px)
    labels: list[tuple[int, float, int, float, bool, float]]
    # (row, x of the first bin, bin width px, counts, [(bubble x px, count)])
    strips: list[tuple[int, float, float, np.ndarray, list[tuple[float, int]]]]
    ticks: Ticks
    geometry: Geometry
    titles: Sequence[str]  # by store index
    scale: float = 1.0  # drawn this many times larger (a page: `plan/pages.py` `fit_page`)
    # eras in view, from the top of their names' strip (`era_top`) to the plot's bottom:
    # (name, x0 px, x1 px, shade 0/1, x px its name may run up to, a milestone's line),
    # clipped to the plot
    eras: list[tuple[str, float, float, int, float, bool]] = field(default_factory=list)
    era_top: float = 0.0

    def row_y(self, row: float) -> float:
        """The y of a row's centre line."""
        g = self.geometry
        return self.plot[1] + g.pad + (row + 0.5) * g.row_px

    def x_px(self, x: float) -> float:
        left, _, right, _ = self.plot
        return left + (x - self.lo) * (right - left) / (self.hi - self.lo)


def layout_scene(
    spec: SceneSpec, measure: Measure, tick_measure: Callable[[str], float] | None = None
) -> Scene:
    """Lay out `spec`: plan lanes and rows with the view's planner, then place everything.
    `measure` gives title widths, `tick_measure` the axis labels' (in the axis font), so the
    calendar axis is planned with the widths it is drawn with."""
    g, s = spec.geometry, spec.store
    lanes = build_lanes(s, spec.shown, spec.lane_mode)
    named = len(lanes) > 1
    left = g.margin + (g.lane_header_w if named else 0.0)
    right = spec.width - g.margin
    plot_w = max(right - left, 50.0)
    cap = g.max_label_share * plot_w
    cache: dict[int, float] = {}

    titles = _marked_titles(s)

    def widths(index: np.ndarray) -> np.ndarray:
        todo = [i for i in index.tolist() if i not in cache]
        if todo:
            cache.update(
                zip(todo, np.minimum(measure([titles[i] for i in todo]), cap), strict=True)
            )
        return np.array([cache[i] for i in index.tolist()], np.float64)

    lo, hi = spec.x_range or _fit(s, spec.shown, plot_w)
    era_h = g.era_h if spec.eras else 0.0
    top = g.margin + g.title_h + g.legend_h + era_h
    room = spec.height or spec.max_height
    if room is None:
        rows_available = max(1, spec.max_rows * len(lanes))
    else:
        rows_available = max(1, int((room - top - g.axis_h - g.margin - 2 * g.pad) // g.row_px))
    planner = Planner(s, lanes, widths)
    frame = planner.plan(
        lo, hi, plot_w, rows_available, lambda idx: s.n_sources[idx].astype(np.float64)
    )
    move_edge_labels(frame, s, lo, plot_w / (hi - lo), plot_w, widths)
    compact = spec.height is None or spec.fill
    remap, lane_rows = _compact(frame) if compact else (None, None)
    total = sum(r for _, _, r in lane_rows) if lane_rows else frame.rows
    if spec.fill and spec.height:
        g = _stretched(g, spec.height - top - g.axis_h - g.margin - 2 * g.pad, total)
    height = spec.height or top + 2 * g.pad + total * g.row_px + g.axis_h + g.margin
    scene = Scene(
        spec.width,
        height,
        spec.title,
        spec.subtitle,
        (left, top, right, height - g.margin - g.axis_h),
        lo,
        hi,
        lane_rows or [(f.name, f.top, f.rows) for f in frame.lanes],
        [],
        [],
        [],
        Ticks(),
        g,
        titles,
    )
    scene.ticks = (
        date_ticks(s.ref, lo, hi, plot_w, tick_measure)
        if tick_measure
        else date_ticks(s.ref, lo, hi, plot_w)
    )
    _place(scene, frame, s, remap or (lambda r: r))
    scene.era_top = top - era_h
    scene.eras = _eras(scene, spec.eras, s.ref)
    _settle_bar_labels(scene, widths)
    return scene


def _marked_titles(s: EventStore) -> Sequence[str]:
    """The titles as a picture writes them: a starred event's with its star before it."""
    if not s.starred.any():
        return s.titles
    return [STAR + t if k else t for t, k in zip(s.titles, s.starred.tolist(), strict=True)]


def legend_keys(scene: Scene) -> list[str]:
    """The legend's words, key by key: planned events and density strips only where the
    picture has some."""
    keys = list(_KEYS)
    if any(m[6] for m in scene.marks):
        keys.append(PLANNED_WORDS)
    if scene.strips:
        keys.append(STRIP_WORDS)
    return keys


def legend_width(scene: Scene, measure: Callable[[str], float]) -> float:
    """How wide the legend is drawn, its words `measure`d in its font (the axis font)."""
    words = legend_keys(scene)
    return sum(LEGEND_SAMPLE + 6 + measure(w) + LEGEND_GAP for w in words) - LEGEND_GAP


def _stretched(g: Geometry, room: float, rows: int) -> Geometry:
    """`g` with rows as tall as `room` allows for `rows` of them, within the stretch limit."""
    row_px = min(max(room / max(rows, 1), g.row_px), g.row_px * g.max_row_stretch)
    return replace(g, row_px=row_px)


def _fit(store: EventStore, shown: np.ndarray, plot_w: float) -> tuple[float, float]:
    """The x range of every shown event, fitted as the window fits it (`fit_span`): labels
    the right edge would cut are drawn left of their marker (`edge_labels.py`)."""
    if not len(shown):
        return 0.0, 365.0
    return fit_span(float(store.x0[shown].min()), float(store.x1[shown].max()), plot_w)


def _eras(
    scene: Scene, eras: Sequence[Era], ref: date
) -> list[tuple[str, float, float, int, float, bool]]:
    left, _, right, _ = scene.plot
    placed = []
    for b in era_bands(eras, ref):
        x0, x1 = scene.x_px(b.x0), scene.x_px(b.x1)
        if x1 > left and x0 < right:
            placed.append(
                (
                    b.label,
                    max(x0, left),
                    min(x1, right),
                    b.shade,
                    min(scene.x_px(b.label_end), right),
                    b.milestone,
                )
            )
    return placed


def _compact(frame: Frame) -> tuple[Callable[[int], int], list[tuple[str, int, int]]]:
    """Give each lane only the rows it used (the planner gave every lane the maximum)."""
    lanes, offsets = [], []
    top = 0
    for f in frame.lanes:
        used = int(f.y.max()) - f.top + 1 if len(f.y) else 0
        used = max(used, 1 if f.strip_y is not None else 0, 1)
        lanes.append((f.name, top, used))
        offsets.append((f.top, f.top + f.rows, top - f.top))
        top += used

    def remap(row: int) -> int:
        for a, b, shift in offsets:
            if a <= row < b:
                return row + shift
        return row

    return remap, lanes


def _place(scene: Scene, frame: Frame, s: EventStore, remap: Callable[[int], int]) -> None:
    left, _, right, _ = scene.plot
    ppd = (right - left) / (scene.hi - scene.lo)
    for f in frame.lanes:
        for i, row in zip(f.detail.tolist(), f.y.tolist(), strict=True):
            scene.marks.append(
                (
                    i,
                    scene.x_px(float(s.x0[i])),
                    scene.x_px(float(s.x1[i])),
                    remap(int(row)),
                    bool(s.precision[i] == DAY),
                    bool(s.inferred[i]),
                    bool(s.planned[i]),
                )
            )
        if f.strip_y is not None:
            scene.strips.append(_strip(scene, f, remap, ppd))
    for i, anchor, row, dx, width, inside, bar_end in frame.labels:
        if width > 0:
            scene.labels.append(
                (i, scene.x_px(anchor) + dx, remap(row), width, inside, scene.x_px(bar_end))
            )


def _strip(
    scene: Scene, f: LaneFrame, remap: Callable[[int], int], ppd: float
) -> tuple[int, float, float, np.ndarray, list[tuple[float, int]]]:
    assert f.strip_y is not None  # only lanes with a strip get here
    bin_px = float(f.edges[1] - f.edges[0]) * ppd if len(f.edges) > 1 else 3.0
    bubbles = [(scene.x_px((a + b) / 2), n) for a, b, n in f.clusters]
    return remap(int(f.strip_y)), scene.x_px(float(f.edges[0])), bin_px, f.counts, bubbles


def _settle_bar_labels(scene: Scene, widths: Callable[[np.ndarray], np.ndarray]) -> None:
    """Labels of bars too short for them go after the bar, or run on past its end.

    The window cuts a label that starts inside its bar at the bar's end (zooming in shows
    the rest); a picture cannot be zoomed. So a title that does not fit inside its bar is
    moved after the bar where the row is free up to the next marker or label, or else runs
    on from inside the bar as far as the row allows.
    """
    gap = 5.0
    starts: dict[int, list[float]] = {}
    for _, x0, x1, row, point, _, _ in scene.marks:
        starts.setdefault(row, []).append((x0 + x1) / 2 - 5.0 if point else x0)
    for _, x, row, _, _, _ in scene.labels:
        starts.setdefault(row, []).append(x)
    right = scene.plot[2] - 2
    for k, (i, x, row, width, inside, bar_end) in enumerate(scene.labels):
        full = float(widths(np.array([i]))[0])
        if not inside or full <= width:
            continue

        def room(a: float, row: int = row) -> float:
            return min((b for b in starts.get(row, []) if b > a + 1.0), default=right) - gap - a

        after = bar_end + gap
        if min(full, room(after)) > width and after < right - 45:
            scene.labels[k] = (i, after, row, min(full, room(after)), False, bar_end)
        else:
            scene.labels[k] = (i, x, row, max(width, min(full, room(x))), inside, bar_end)
