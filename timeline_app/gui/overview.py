"""The overview band under the timeline: the whole span, with the visible window on it.

It shows how many shown events overlap each slice of the whole time span (computed once
per filter change, a few hundred binary searches) and the main view's range as a region
that can be dragged or resized; both directions go through the state's `view_range`.
"""

from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ..plan.frame import overlap_counts
from ..render import style
from .date_axis import DayAxis, DayScale
from .state import TimelineState

__all__ = ["OverviewBand"]

_BINS = 400
HEIGHT_PX = 92  # the density curve above a two-row date axis


class OverviewBand(QWidget):
    """A small plot of the event density over the whole span, with a draggable window."""

    def __init__(self, state: TimelineState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.axis = DayAxis(DayScale(state.store.ref))
        self.plot = pg.PlotWidget(background=style.BACKGROUND, axisItems={"bottom": self.axis})
        pi = self.plot.getPlotItem()
        pi.hideAxis("left")
        pi.hideButtons()
        pi.setMenuEnabled(False)
        self.axis.setStyle(tickFont=style.axis_font(), tickTextOffset=2)
        self.axis.setTextPen(style.MUTED)
        self.axis.setPen(style.MUTED)
        vb = pi.getViewBox()
        vb.setMouseEnabled(x=False, y=False)
        vb.disableAutoRange()
        vb.setDefaultPadding(0)
        fill = QColor(style.EVENT)
        fill.setAlpha(110)
        self.curve = pg.PlotCurveItem(
            x=[0.0, 1.0],
            y=[0.0],
            stepMode="center",
            fillLevel=0,
            brush=fill,
            pen=pg.mkPen(style.EVENT, width=1),
        )
        self.plot.addItem(self.curve)
        self.region = pg.LinearRegionItem(
            brush=QColor(232, 89, 12, 45), pen=pg.mkPen(style.SELECTED, width=2)
        )
        self.region.setZValue(10)
        self.plot.addItem(self.region)
        self.plot.setFixedHeight(HEIGHT_PX)
        self.plot.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.span: tuple[float, float] = (0.0, 1.0)

        self.region.sigRegionChanged.connect(self._on_region_dragged)
        state.timeline_changed.connect(self._on_events_changed)
        state.filter_changed.connect(self._on_events_changed)
        state.view_range_changed.connect(self._on_view_range_changed)
        self._on_events_changed()

    @property
    def view_box(self) -> pg.ViewBox:
        return self.plot.getPlotItem().getViewBox()

    def _on_events_changed(self) -> None:
        s, shown = self.state.store, self.state.shown
        self.axis.set_scale(DayScale(s.ref))
        if len(shown):
            lo, hi = float(s.x0[shown].min()), float(s.x1[shown].max())
        else:
            lo, hi = 0.0, 365.0
        pad = 0.02 * max(hi - lo, 10.0)
        lo, hi = lo - pad, hi + pad
        self.span = (lo, hi)
        edges = np.linspace(lo, hi, _BINS + 1)
        if len(shown):
            counts = overlap_counts(s.x0[shown], np.sort(s.x1[shown]), edges)
        else:
            counts = np.zeros(_BINS)
        self.curve.setData(edges, counts.astype(float))
        self.view_box.setRange(
            xRange=(lo, hi), yRange=(0, max(float(counts.max()), 1.0) * 1.1), padding=0
        )
        rng = self.state.view_range
        if rng is not None:
            self._on_view_range_changed(*rng)

    def _on_view_range_changed(self, lo: float, hi: float) -> None:
        if tuple(self.region.getRegion()) != (lo, hi):
            self.region.blockSignals(True)  # our own echo; the state already knows
            self.region.setRegion((lo, hi))
            self.region.blockSignals(False)

    def _on_region_dragged(self) -> None:
        lo, hi = self.region.getRegion()
        if hi > lo:
            self.state.set_view_range(float(lo), float(hi))
