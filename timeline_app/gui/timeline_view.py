"""The zoomable timeline plot: lanes of markers, bars, labels and density strips, over the
timeline's eras (tinted bands, named in a strip kept above the rows when it has any).

Each frame asks a `Planner` what the visible range shows (individual events where they
fit, density strips with count bubbles where they do not) and hands the result to four
bulk items; nothing is created per event, so a frame costs what the screen shows.

A filter zooms to what it leaves, unless the user moved the view since it was last fitted:
then the view stays and the legend says how many of the filtered events are out of view.
A count bubble zooms into its cluster, unless its events share an interval too crowded for
the rows at any zoom (ten events dated "2019"): then it lists them in a menu to choose
from. The selected event is always drawn, never counted in a strip.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QAction, QFontMetricsF, QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QVBoxLayout, QWidget

from timeline_app.model import Event
from timeline_app.plan.edge_labels import move_edge_labels

from ..plan import sizes
from ..plan.columns import DAY
from ..plan.eras import ERA_STRIP_PX, EraBand, era_bands
from ..plan.frame import Frame, Planner, build_lanes
from ..plan.rows import fit_span
from ..render import style
from . import plain
from .date_axis import DayAxis, DayScale
from .density import DensityItem, LaneBandsItem
from .era_bands import EraBandsItem
from .items import Label, LabelsItem, MarksItem
from .legend import HINT, LegendBar
from .marks import marks_lines, store_title
from .period_marks import PeriodMark, PeriodsItem, TimelineViewBox, period_marks
from .plain import escape
from .state import TimelineState

__all__ = ["MAX_SPAN_DAYS", "MIN_SPAN_DAYS", "TimelineView", "event_tooltip"]

MIN_SPAN_DAYS = 1 / 24  # zoom limits: an hour ...
MAX_SPAN_DAYS = 10_000 * 365.2425  # ... to ten thousand years
_LANE_AXIS_PX = 150
MENU_EVENTS = 40  # a crowded cluster's menu lists at most this many events
_MENU_CHARS = 90
NO_EVENTS = "No events. Use File › Open folder…"


def event_tooltip(event: Event) -> str:
    """Rich text (Qt would guess the format of plain text), so the title is escaped."""
    n = len(event.sources)
    who = f"<br>{escape(', '.join(event.actors))}" if event.actors else ""
    planned = f"<br><i>{sizes.PLANNED_WORDS}</i>" if event.planned else ""
    marks = "".join(f"<br>{escape(line)}" for line in marks_lines(event))
    return (
        f"<b>{escape(event.title)}</b><br>{escape(event.date.describe())}"
        f"{planned}<br>{n} source{'s' if n != 1 else ''}{who}"
        f"<span style='white-space:pre'>{marks}</span>"
    )


def _drop_labels_past(frame: Frame, hi: float) -> None:
    """A day whose dot is past the right edge still overlaps the view; its label, moved
    left of the dot (`move_edge_labels`), would name nothing in sight."""
    frame.labels = [
        (i, anchor, row, dx, width if anchor <= hi else 0.0, inside, end)
        for i, anchor, row, dx, width, inside, end in frame.labels
    ]


class TimelineView(QWidget):
    """Shows the state's shown events on a date axis; clicking a marker selects it.

    Zoom (wheel, +/−) and pan (drag) act on time only; the visible range is mirrored in
    the state (`view_range`) so the overview band follows. Emits no signals of its own.
    """

    def __init__(
        self, state: TimelineState, parent: QWidget | None = None, *, note: str = HINT
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.scale = DayScale(date.today())
        self.axis = DayAxis(self.scale)
        self.lane_axis = pg.AxisItem("left")
        self.legend = LegendBar(note)
        self._hint = note
        self.plot = pg.PlotWidget(
            background=style.BACKGROUND,
            axisItems={"bottom": self.axis, "left": self.lane_axis},
            viewBox=TimelineViewBox(),  # Shift-drag marks a period
        )
        self._setup_plot()
        self.bands = LaneBandsItem()
        self.density = DensityItem()
        self.marks = MarksItem()
        self.labels = LabelsItem()
        for z, item in enumerate((self.bands, self.density, self.marks, self.labels)):
            item.setZValue(z + 1)
            self.plot.addItem(item)
        self.eras = EraBandsItem()  # over the lanes' shading, under everything else
        self.eras.setZValue(1.5)
        self.plot.addItem(self.eras)
        self._era_bands: list[EraBand] = []
        self.periods = PeriodsItem()  # the user's periods and milestones, over the eras
        self.periods.setZValue(1.6)
        self.plot.addItem(self.periods)
        self._periods: list[PeriodMark] = []
        self.marks.tip = self.labels.tip = self._tip
        self.labels.id_of = lambda i: self.state.store.id_of(i)
        self.message = pg.TextItem("", color=style.MUTED, anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)

        self._metrics = QFontMetricsF(style.label_font())
        self._widths: dict[int, float] = {}
        self._planner: Planner | None = None
        self._redraws = 0  # how many times `_redraw` ran: `zoom_to_fit` draws once
        self.frame: Frame | None = None
        self._fitting = False  # the range being set is a fit, not the user's choice
        self.cluster_menu: QMenu | None = None  # the last crowded cluster's list

        self.marks.clicked.connect(self.state.select_index)
        self.density.cluster_clicked.connect(self.open_cluster)
        self.view_box.sigXRangeChanged.connect(self._on_x_range_changed)
        self.view_box.sigResized.connect(self._on_view_resized)
        state.timeline_changed.connect(self._on_timeline_changed)
        state.selection_changed.connect(self._on_selection_changed)
        state.filter_changed.connect(self._on_filter_changed)
        state.lane_mode_changed.connect(self._on_lanes_changed)
        state.search_changed.connect(self._on_search_changed)
        state.view_range_changed.connect(self._on_view_range_changed)
        state.loading_changed.connect(lambda _: self._show_message())
        self.copy_action = QAction("Copy image", self)  # Ctrl+C while the timeline has focus
        self.copy_action.setShortcut(QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(self.copy_image)
        self.addAction(self.copy_action)
        self._on_timeline_changed()

    def _setup_plot(self) -> None:
        self.plot.setAntialiasing(True)
        pi = self.plot.getPlotItem()
        pi.hideAxis("left")
        pi.hideButtons()
        pi.setMenuEnabled(False)
        pi.showGrid(x=True, y=False, alpha=0.12)
        self.axis.setPen(style.MUTED)
        self.axis.setTextPen(style.TEXT)
        self.axis.setStyle(tickFont=style.axis_font(), tickTextOffset=6)
        self.lane_axis.setWidth(_LANE_AXIS_PX)
        self.lane_axis.setPen(style.MUTED)
        self.lane_axis.setTextPen(style.TEXT)
        self.lane_axis.setStyle(tickFont=style.axis_font(), tickLength=0)
        vb = pi.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.disableAutoRange()
        vb.invertY(True)
        vb.setDefaultPadding(0)
        vb.setLimits(minXRange=MIN_SPAN_DAYS, maxXRange=MAX_SPAN_DAYS)
        # The plot takes focus on click but leaves the keys to the window's actions.
        self.plot.setFocusPolicy(Qt.FocusPolicy.ClickFocus)

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot.getPlotItem().getViewBox()

    # -- geometry helpers (also used by tests and the export) --------------------------
    def x_span(self, event: Event) -> tuple[float, float]:
        """The event's interval [start, end + 1 day) in plot x units."""
        return self.scale.to_x(event.date.start), self.scale.to_x(event.date.end + timedelta(1))

    def marker_pos(self, event_id: str) -> QPointF:
        """Where the event's marker is drawn (point centre or bar middle), in plot units."""
        i = self.state.store.index_of(event_id)
        s = self.state.store
        x0, x1 = float(s.x0[i]), float(s.x1[i])
        at = np.flatnonzero(self.marks.index == i)
        row = float(self.marks._y[at[0]]) if len(at) else 0.0
        if s.precision[i] != DAY:  # click a bar near its start: its end may be off-view
            lo, hi = self.view_box.viewRange()[0]
            x0, x1 = max(x0, lo), min(x1, hi)
        return QPointF((x0 + x1) / 2, row)

    def zoom_to_fit(self) -> None:
        """Show every shown event with a small margin at both ends (titles the right edge
        would cut are drawn left of their marker, so they need no room)."""
        shown, s = self.state.shown, self.state.store
        if not len(shown):
            today = self.scale.to_x(date.today())
            self._set_range(today - 180, today + 180, fitted=True)
            return
        lo, hi = fit_span(
            float(s.x0[shown].min()), float(s.x1[shown].max()), max(self.view_box.width(), 200.0)
        )
        drawn = self._redraws
        self._set_range(lo, hi, fitted=True)
        if self._redraws == drawn:  # the range was fitted already: nothing redrew
            self._redraw()

    def zoom_to(self, lo: float, hi: float) -> None:
        self.view_box.setXRange(lo, hi, padding=0)

    def _set_range(self, lo: float, hi: float, *, fitted: bool) -> None:
        """Show [lo, hi]; `fitted`: it shows every shown event (see `view_range_fitted`)."""
        self._fitting = fitted
        try:
            self.view_box.setXRange(lo, hi, padding=0)
        finally:
            self._fitting = False
        lo, hi = self.view_box.viewRange()[0]
        self.state.set_view_range(lo, hi, fitted=fitted)

    def out_of_view(self) -> int:
        """How many shown events lie wholly outside the visible range."""
        shown, s = self.state.shown, self.state.store
        lo, hi = self.view_box.viewRange()[0]
        return int(np.count_nonzero((s.x1[shown] <= lo) | (s.x0[shown] >= hi)))

    def cluster_events(self, lo: float, hi: float, strip_y: float) -> np.ndarray:
        """Store indices of the events the strip at row `strip_y` counts in [lo, hi)."""
        frame, planner = self.frame, self._planner
        if frame is None or planner is None:
            return np.zeros(0, np.int64)
        for lane_frame, lane in zip(frame.lanes, planner.lanes, strict=False):
            if lane_frame.strip_y == strip_y:
                inside = lane.members[(lane.x0 < hi) & (lane.x1 > lo)]
                return np.sort(inside[~np.isin(inside, lane_frame.detail)])
        return np.zeros(0, np.int64)

    def open_cluster(self, lo: float, hi: float, strip_y: float) -> None:
        """A count bubble was clicked: zoom into its cluster, or, when its events share one
        interval and outnumber the lane's rows (no zoom would draw them one by one), list
        them in a menu whose entries select the event."""
        index = self.cluster_events(lo, hi, strip_y)
        s = self.state.store
        rows = self._planner.lane_rows(self._rows_available()) if self._planner else 1
        shared = bool(len(index)) and float(s.x0[index].max()) < float(s.x1[index].min())
        if not shared or len(index) < rows:
            self.zoom_to(lo, hi)
            return
        menu = self.cluster_menu = QMenu(self)
        for i in index[:MENU_EVENTS].tolist():
            text = f"{s.fuzzy_date(i).label()} — {s.titles[i]}"
            if len(text) > _MENU_CHARS:
                text = text[: _MENU_CHARS - 1].rstrip() + "…"
            act = menu.addAction(plain.tab_text(text))
            act.setData(i)
            act.triggered.connect(lambda _=False, i=i: self.state.select_index(i))
        if len(index) > MENU_EVENTS:
            more = menu.addAction(f"… and {len(index) - MENU_EVENTS:,} more: narrow the filters")
            more.setEnabled(False)
        at = self.plot.mapFromScene(self.view_box.mapViewToScene(QPointF((lo + hi) / 2, strip_y)))
        menu.popup(self.plot.viewport().mapToGlobal(at))

    def zoom_by(self, factor: float) -> None:
        """Zoom in (factor < 1) or out around the selected event if visible, else the centre."""
        lo, hi = self.view_box.viewRange()[0]
        centre = (lo + hi) / 2
        i = self.state.selected_index
        if i is not None:
            s = self.state.store
            mid = float(s.x0[i] + s.x1[i]) / 2 if s.precision[i] == DAY else float(s.x0[i])
            centre = mid if lo <= mid <= hi else centre
        half = min(max((hi - lo) * factor, MIN_SPAN_DAYS), MAX_SPAN_DAYS) / 2
        self.view_box.setXRange(centre - half, centre + half, padding=0)

    def ensure_visible(self, event_id: str) -> None:
        """Pan (keeping the zoom) so the event is inside the view, if it is not."""
        i = self.state.store.index_of(event_id)
        x0, x1 = float(self.state.store.x0[i]), float(self.state.store.x1[i])
        lo, hi = self.view_box.viewRange()[0]
        if x0 >= lo and x1 <= hi or x0 < hi and x1 > lo and x1 - x0 > hi - lo:
            return
        half = (hi - lo) / 2
        centre = (x0 + x1) / 2 if x1 - x0 <= hi - lo else x0 + half * 0.9
        self._set_range(centre - half, centre + half, fitted=False)

    def copy_image(self) -> QImage:
        """Put the visible range on the clipboard as a picture (title, legend, lanes, axis),
        drawn by the export's renderer at the screen's pixel ratio; returns the image."""
        from .export_dialog import view_image  # the export renderer, loaded on first copy

        lo, hi = self.view_box.viewRange()[0]
        image = view_image(
            self.state, self.state.timeline.name, (lo, hi), self.width(), self.devicePixelRatioF()
        )
        QApplication.clipboard().setImage(image)
        return image

    # -- reactions -------------------------------------------------------------------
    def _on_timeline_changed(self) -> None:
        self.scale = DayScale(self.state.store.ref)
        self.axis.set_scale(self.scale)
        eras, ref = self.state.timeline.eras, self.state.store.ref
        self._era_bands = era_bands([e for e in eras if not e.user], ref)
        self._periods = period_marks(eras, ref.toordinal())
        self._widths = {}
        self._replan()
        self.zoom_to_fit()  # draws once (a partial timeline comes every second or so)

    def _on_lanes_changed(self, *args) -> None:
        self._replan()
        self._redraw()

    def _replan(self) -> None:
        s = self.state
        self._planner = Planner(s.store, build_lanes(s.store, s.shown, s.lane_mode), self._measure)
        self._show_message()

    def _on_filter_changed(self) -> None:
        """Zoom to what the filters leave, unless the user chose the range since the fit."""
        self._on_lanes_changed()
        if self.state.view_range_fitted:
            self.zoom_to_fit()

    def message_text(self) -> str:
        """What the canvas says when it has no events to show, else ""."""
        s = self.state
        if len(s.shown):
            return ""
        if len(s.store):
            return "No events match the filters"
        if s.loading:
            return s.loading
        n = len(s.timeline.documents)
        if n:
            docs = f"{n:,} document{'s' if n != 1 else ''}"
            return f"No dated events in {docs}. Use File › Open folder… for another folder"
        return NO_EVENTS

    def _show_message(self) -> None:
        self.message.setText(self.message_text())

    def _on_selection_changed(self, event_id: str | None) -> None:
        if event_id is not None:
            self.ensure_visible(event_id)
        self._redraw()  # labels: the selected event's label goes first

    def _on_search_changed(self) -> None:
        self.marks.set_highlights(self.state.selected_index, self.state.matches)

    def _on_x_range_changed(self, *args) -> None:
        lo, hi = self.view_box.viewRange()[0]
        self._redraw()
        self.state.set_view_range(lo, hi, fitted=self._fitting)

    def _on_view_range_changed(self, lo: float, hi: float) -> None:
        if (lo, hi) != tuple(self.view_box.viewRange()[0]):
            self.view_box.setXRange(lo, hi, padding=0)

    def _on_view_resized(self, *args) -> None:
        self._redraw()

    # -- drawing ------------------------------------------------------------------------
    def _measure(self, index: np.ndarray) -> np.ndarray:
        """Label widths in px (cached: titles are measured once, when first shown)."""
        cache = self._widths
        out = np.empty(len(index))
        for k, i in enumerate(index.tolist()):
            w = cache.get(i)
            if w is None:
                text = self.label_text(i)
                w = cache[i] = min(self._metrics.horizontalAdvance(text), sizes.MAX_LABEL_PX)
            out[k] = w
        return out

    def label_text(self, index: int) -> str:
        """An event's label: its title with the workbench's marks (★ starred, ¶ a note)."""
        return store_title(self.state.store, index)

    def _px_per_day(self) -> float:
        lo, hi = self.view_box.viewRange()[0]
        return self.view_box.width() / (hi - lo) if hi > lo else 0.0

    def _era_strip_px(self) -> float:
        """The height kept above the rows for the eras' names (none without eras)."""
        return ERA_STRIP_PX if self._era_bands or self._periods else 0.0

    def _rows_available(self) -> int:
        return max(1, int((self.view_box.height() - self._era_strip_px()) // sizes.ROW_PX))

    def _priority(self, index: np.ndarray) -> np.ndarray:
        s = self.state
        prio = s.store.n_sources[index].astype(np.float64)
        prio += 2.0 * s.event_flags("starred")[index]  # the user's key events
        if len(s.matches):
            prio += 0.5 * np.isin(index, s.matches)
        if s.selected_index is not None:
            prio += 1e6 * (index == s.selected_index)
        return prio

    def _redraw(self) -> None:
        self._redraws += 1
        lo, hi = self.view_box.viewRange()[0]
        width = self.view_box.width()
        rows = self._rows_available()
        self.message.setPos((lo + hi) / 2, (rows - 1) / 2)
        if self._planner is None or width <= 0 or hi <= lo:
            return
        keep = self.state.selected_index
        frame = self.frame = self._planner.plan(lo, hi, width, rows, self._priority, keep=keep)
        move_edge_labels(frame, self.state.store, lo, width / (hi - lo), width, self._measure)
        _drop_labels_past(frame, hi)
        total = max(rows, frame.rows)
        strip = self._era_strip_px() / sizes.ROW_PX  # in rows, above row 0
        if self.view_box.viewRange()[1] != [-0.5 - strip, total - 0.5]:
            self.view_box.setYRange(-0.5 - strip, total - 0.5, padding=0)
        bounds = QRectF(lo, -1.0 - strip, hi - lo, total + 1.0 + strip)
        self.eras.set_bands(self._era_bands, -0.5, bounds)
        self.periods.set_marks(self._periods, -0.5, bounds)
        self._draw_marks(frame, bounds)
        self.density.set_strips(
            [
                (f.strip_y, f.edges, f.counts, f.clusters)
                for f in frame.lanes
                if f.strip_y is not None
            ],
            bounds,
        )
        self.bands.set_bands([(f.top, f.rows) for f in frame.lanes], bounds)
        self._draw_lane_headers(frame)
        self._show_out_of_view()

    def _show_out_of_view(self) -> None:
        """While a filter is on and the view does not show all it leaves, say how many."""
        s = self.state
        n = self.out_of_view() if any(v is not None for v in s.filters.values()) else 0
        of = len(s.shown)
        self.legend.set_note(
            f"{n:,} of {of:,} filtered event{'s' if of != 1 else ''} out of view  ·  "
            "Ctrl+0: zoom to fit"
            if n
            else self._hint
        )

    def _draw_marks(self, frame: Frame, bounds: QRectF) -> None:
        s = self.state.store
        idx = np.concatenate([f.detail for f in frame.lanes]).astype(np.int64)
        y = np.concatenate([f.y for f in frame.lanes]).astype(np.float64)
        faded = self.state.hidden[idx]  # hidden events, drawn when "show hidden" is on
        self.marks.set_marks(
            idx,
            s.x0[idx],
            s.x1[idx],
            y,
            s.precision[idx] == DAY,
            s.inferred[idx],
            bounds,
            faded=faded,
            planned=s.planned[idx],
        )
        self.marks.set_highlights(self.state.selected_index, self.state.matches)
        labels = [
            Label(i, anchor, row, dx, w, self.label_text(i), inside, bar_end)
            for i, anchor, row, dx, w, inside, bar_end in frame.labels
            if w > 0
        ]
        self.labels.set_labels(labels, bounds, faded=frozenset(idx[faded].tolist()))
        self.labels.set_selected(self.state.selected_index)

    def _draw_lane_headers(self, frame: Frame) -> None:
        pi = self.plot.getPlotItem()
        if len(frame.lanes) <= 1:
            pi.hideAxis("left")
            return
        metrics = self._metrics
        ticks = [
            (
                (f.top + (f.rows - 1) / 2),
                metrics.elidedText(f.name, Qt.TextElideMode.ElideRight, _LANE_AXIS_PX - 12),
            )
            for f in frame.lanes
        ]
        self.lane_axis.setTicks([ticks, []])
        pi.showAxis("left")

    def _tip(self, index: int) -> str:
        try:
            return event_tooltip(self.state.store.event(index))
        except (IndexError, KeyError):
            return ""
