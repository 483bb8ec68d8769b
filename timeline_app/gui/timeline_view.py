"""The zoomable timeline plot: one row-stacked marker, bar and label per event."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QVBoxLayout, QWidget

from timeline_app.model import Event, Precision

from . import style
from .date_axis import DayAxis, DayScale
from .items import Bar, BarsItem, Label, LabelsItem
from .layout import Item, Placement, fit_range, stack
from .legend import HINT, LegendBar
from .state import TimelineState

__all__ = ["TimelineView", "event_tooltip"]

_MAX_EXPORT_ROWS = 80


def event_tooltip(event: Event) -> str:
    """Rich text (Qt would guess the format of plain text), so the title is escaped."""
    n = len(event.sources)
    return (f"<b>{html.escape(event.title)}</b><br>{html.escape(event.date.describe())}"
            f"<br>{n} source{'s' if n != 1 else ''}")


class TimelineView(QWidget):
    """Shows the state's events on a date axis; clicking a marker or bar selects it.

    Zoom (wheel) and pan (drag) act on time only; rows are re-stacked when the zoom or the
    height changes so labels never overlap. Emits no signals: it writes to the state.
    """

    def __init__(self, state: TimelineState, parent: QWidget | None = None, *,
                 note: str = HINT) -> None:
        super().__init__(parent)
        self.state = state
        self.scale = DayScale(date.today())
        self.axis = DayAxis(self.scale)
        self.legend = LegendBar(note)
        self.plot = pg.PlotWidget(background=style.BACKGROUND, axisItems={"bottom": self.axis})
        self._setup_plot()
        self.bars = BarsItem()
        self.markers = pg.ScatterPlotItem(size=style.POINT_PX, hoverable=True, tip=self._tip)
        self.highlight = pg.ScatterPlotItem(size=style.POINT_PX + 8, pen=style.selection_pen(),
                                            brush=None)
        self.highlight.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # clicks go below
        self.labels = LabelsItem()
        for z, item in enumerate((self.bars, self.markers, self.highlight, self.labels)):
            item.setZValue(z + 1)
            self.plot.addItem(item)
        self.message = pg.TextItem("", color=style.MUTED, anchor=(0.5, 0.5))
        self.plot.addItem(self.message, ignoreBounds=True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)

        self._events: list[Event] = []
        self._items: list[Item] = []
        self._placements: list[Placement] = []
        self._layout_key: tuple[float, int] | None = None
        self._metrics = QFontMetricsF(style.label_font())
        self._pens = {b: style.point_pen(b) for b in (False, True)}  # shared: cheap to draw
        self._brushes = {b: style.point_brush(b) for b in (False, True)}

        self.markers.sigClicked.connect(self._on_marker_clicked)
        self.bars.clicked.connect(self.state.select)
        self.view_box.sigXRangeChanged.connect(self._on_x_range_changed)
        self.view_box.sigResized.connect(self._on_view_resized)
        state.timeline_changed.connect(self._on_timeline_changed)
        state.selection_changed.connect(self._on_selection_changed)
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
        vb = pi.getViewBox()
        vb.setMouseEnabled(x=True, y=False)
        vb.disableAutoRange()
        vb.invertY(True)
        vb.setDefaultPadding(0)
        vb.setLimits(minXRange=2.0)
        # The plot takes focus on click but leaves Left/Right to the window's actions.
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
        i = next(i for i, e in enumerate(self._events) if e.id == event_id)
        x0, x1 = self._items[i].x0, self._items[i].x1
        if not self._items[i].point:  # click a bar near its start: its end may be off-view
            lo, hi = self.view_box.viewRange()[0]
            x0, x1 = max(x0, lo), min(x1, hi)
        return QPointF((x0 + x1) / 2, self._placements[i].row)

    def rows_needed(self) -> int:
        """Rows the current zoom needs so that every label gets its full width."""
        ppd = self._px_per_day()
        return stack(self._items, ppd, _MAX_EXPORT_ROWS)[1] if ppd > 0 else 1

    def zoom_to_fit(self) -> None:
        """Show every event, with room on the right for the labels of the last ones."""
        if not self._events:
            today = self.scale.to_x(date.today())
            self.view_box.setXRange(today - 180, today + 180, padding=0)
            return
        lo, hi = fit_range(self._items, max(self.view_box.width(), 200.0))
        self.view_box.setXRange(lo, hi, padding=0)
        self._relayout()

    def ensure_visible(self, event_id: str) -> None:
        """Pan (keeping the zoom) so the event is inside the view, if it is not."""
        event = self.state.timeline.event(event_id)
        x0, x1 = self.x_span(event)
        lo, hi = self.view_box.viewRange()[0]
        if x0 >= lo and x1 <= hi or x0 < hi and x1 > lo and x1 - x0 > hi - lo:
            return
        half = (hi - lo) / 2
        centre = (x0 + x1) / 2 if x1 - x0 < hi - lo else x0 + half * 0.9
        self.view_box.setXRange(centre - half, centre + half, padding=0)

    # -- reactions -------------------------------------------------------------------
    def _on_timeline_changed(self) -> None:
        self._events = list(self.state.timeline.events)
        ref = min((e.date.start for e in self._events), default=date.today())
        self.scale = DayScale(date(ref.year, 1, 1))
        self.axis.set_scale(self.scale)
        self._items = []
        for e in self._events:
            x0, x1 = self.x_span(e)
            width = min(self._metrics.horizontalAdvance(e.title), style.MAX_LABEL_PX)
            self._items.append(Item(x0, x1, e.date.precision is Precision.DAY, width))
        self.message.setText("" if self._events else "No events. Use File › Open folder…")
        self._layout_key = None
        self.zoom_to_fit()

    def _on_selection_changed(self, event_id: str | None) -> None:
        self._apply_selection()
        if event_id is not None:
            self.ensure_visible(event_id)

    def _on_x_range_changed(self, *args) -> None:
        self._relayout()

    def _on_view_resized(self, *args) -> None:
        self._relayout()

    def _on_marker_clicked(self, item, points, ev) -> None:
        if len(points):
            self.state.select(points[0].data())

    # -- drawing ------------------------------------------------------------------------
    def _px_per_day(self) -> float:
        lo, hi = self.view_box.viewRange()[0]
        return self.view_box.width() / (hi - lo) if hi > lo else 0.0

    def _rows_available(self) -> int:
        return max(1, int(self.view_box.height() // style.ROW_PX))

    def _relayout(self) -> None:
        """Re-stack rows if the zoom or the height changed; panning keeps rows as they are."""
        ppd, rows = self._px_per_day(), self._rows_available()
        lo, hi = self.view_box.viewRange()[0]
        self.message.setPos((lo + hi) / 2, (rows - 1) / 2)
        key = (round(ppd, 9), rows)
        if ppd <= 0 or key == self._layout_key:
            return
        self._layout_key = key
        self.view_box.setYRange(-0.5, rows - 0.5, padding=0)
        self._placements, _ = stack(self._items, ppd, rows)
        self._draw(ppd)

    def _draw(self, ppd: float) -> None:
        xs, ys, ids, pens, brushes, bars, labels = [], [], [], [], [], [], []
        for e, it, pl in zip(self._events, self._items, self._placements, strict=True):
            inferred = e.date.inferred
            if it.point:
                anchor = (it.x0 + it.x1) / 2
                xs.append(anchor)
                ys.append(pl.row)
                ids.append(e.id)
                pens.append(self._pens[inferred])
                brushes.append(self._brushes[inferred])
            else:
                anchor = it.x0
                bars.append(Bar(e.id, it.x0, it.x1, pl.row, inferred, event_tooltip(e)))
            labels.append(Label(e.id, anchor, pl.row, pl.label_dx, pl.label_w, e.title,
                                pl.inside, it.x1))
        self.markers.setData(x=xs, y=ys, data=ids, pen=pens, brush=brushes)
        self.bars.set_bars(bars, slack=10 / ppd)
        self.labels.set_labels(labels, ppd)
        self._apply_selection()

    def _apply_selection(self) -> None:
        selected = self.state.selected_id
        self.bars.set_selected(selected)
        self.labels.set_selected(selected)
        spots = []
        for e, it, pl in zip(self._events, self._items, self._placements, strict=False):
            if e.id == selected and it.point:
                spots.append({"pos": ((it.x0 + it.x1) / 2, pl.row)})
        self.highlight.setData(spots)

    def _tip(self, x: float, y: float, data: str) -> str:
        try:
            return event_tooltip(self.state.timeline.event(data))
        except KeyError:
            return ""
