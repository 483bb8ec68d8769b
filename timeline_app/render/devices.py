"""Scenes onto Qt's own paint devices: QImage (PNG), QSvgGenerator (SVG), QPdfWriter (PDF).

Qt's painters write SVG and PDF directly, with text as text, in well under a second for
what a page shows; pyqtgraph's SVG exporter is avoided (slow for many items, broken with
Qt >= 6.11). Loaded only when a picture is made: importing this module loads Qt.
"""

from __future__ import annotations

import math
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication

from ..plan.pages import fit_page
from ..plan.palette import Theme
from ..plan.scene import Scene, SceneSpec, layout_scene
from .painter import Fonts, paint_scene

__all__ = [
    "PAGE_SIZES",
    "ensure_app",
    "pdf_canvas",
    "render_image",
    "render_page",
    "write_pdf",
    "write_png",
    "write_svg",
]

CSS_DPI = 96.0  # scene units are CSS pixels
PDF_DPI = 1200
PAGE_SIZES = {
    "A4": QPageSize.PageSizeId.A4,
    "A3": QPageSize.PageSizeId.A3,
    "Letter": QPageSize.PageSizeId.Letter,
}
_MARGIN_MM = 8.0


def ensure_app() -> QApplication:
    """The running QApplication, or a new one (offscreen when there is no display).

    A QApplication (not a QGuiApplication) so that a later window in the same process,
    e.g. under pytest-qt, still works.
    """
    app = QApplication.instance()
    if app is None:
        from .display import use_offscreen_if_headless

        use_offscreen_if_headless()
        app = QApplication(sys.argv[:1] or ["timeline-app"])
    return app  # type: ignore[return-value]


def render_image(spec: SceneSpec, theme: Theme, *, scale: float = 1.0) -> QImage:
    """The scene as an image `scale` device pixels per scene pixel (its devicePixelRatio)."""
    fonts = Fonts()
    scene = layout_scene(spec, fonts.measure, fonts.measure_tick)
    image = QImage(
        max(1, round(scene.width * scale)),
        max(1, math.ceil(scene.height * scale)),
        QImage.Format.Format_RGB32,
    )
    image.setDevicePixelRatio(scale)
    image.fill(0)
    _paint(image, scene, theme, fonts)
    return image


def render_page(spec: SceneSpec, theme: Theme, *, scale: float = 1.0) -> QImage:
    """A PDF page's picture (`spec` sized to `pdf_canvas`) as the PDF draws it, as an image
    `scale` device pixels per scene pixel: the export dialog's preview."""
    fonts = Fonts()
    scene = fit_page(spec, fonts.measure, fonts.measure_tick)
    image = QImage(
        max(1, round(spec.width * scale)),
        max(1, math.ceil((spec.height or scene.height) * scale)),
        QImage.Format.Format_RGB32,
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor(theme.background))
    painter = QPainter(image)
    try:
        painter.scale(scene.scale, scene.scale)
        paint_scene(painter, scene, theme, fonts)
    finally:
        painter.end()
    return image


def write_png(spec: SceneSpec, theme: Theme, out: Path, *, dpi: float = CSS_DPI) -> Path:
    """A PNG `spec.width * dpi / 96` pixels wide that says `dpi` in its pHYs chunk."""
    image = render_image(spec, theme, scale=dpi / CSS_DPI)
    dots_per_meter = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_meter)
    image.setDotsPerMeterY(dots_per_meter)
    if not image.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")
    return out


def write_svg(spec: SceneSpec, theme: Theme, out: Path | None) -> bytes:
    """An SVG document (written to `out` if given; its bytes are returned either way)."""
    fonts = Fonts()
    scene = layout_scene(spec, fonts.measure, fonts.measure_tick)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    gen = QSvgGenerator()
    gen.setOutputDevice(buffer)
    w, h = math.ceil(scene.width), math.ceil(scene.height)
    gen.setSize(QSize(w, h))
    gen.setViewBox(QRectF(0, 0, w, h))
    gen.setResolution(int(CSS_DPI))
    gen.setTitle(scene.title or "Timeline")
    gen.setDescription(f"{scene.title} — {scene.subtitle} (timeline-app)")
    _paint(gen, scene, theme, fonts)
    data = bytes(buffer.data())
    if out is not None:
        Path(out).write_bytes(data)
    return data


def pdf_canvas(page: str, orientation: str) -> tuple[float, float]:
    """The area a page's picture gets, in scene pixels: the page less its margins."""
    rect = _page_layout(page, orientation).fullRect(QPageLayout.Unit.Inch)
    margin = _MARGIN_MM / 25.4 * CSS_DPI
    return rect.width() * CSS_DPI - 2 * margin, rect.height() * CSS_DPI - 2 * margin


def write_pdf(
    specs: Sequence[SceneSpec],
    theme: Theme,
    out: Path | None,
    *,
    page: str,
    orientation: str,
    title: str = "",
) -> bytes:
    """A PDF with one page per spec (each sized to `pdf_canvas`, laid out to fill it:
    `plan/pages.py` `fit_page`); returns its bytes."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(_page_layout(page, orientation))
    writer.setTitle(title or "Timeline")
    writer.setCreator("timeline-app")
    fonts = Fonts()
    scale = PDF_DPI / CSS_DPI
    page_rect = writer.pageLayout().fullRectPixels(PDF_DPI)
    margin = _MARGIN_MM / 25.4 * CSS_DPI
    painter = QPainter(writer)
    if not painter.isActive():
        raise OSError("cannot paint on the PDF")
    try:
        for k, spec in enumerate(specs):
            if k:
                writer.newPage()
            scene = fit_page(spec, fonts.measure, fonts.measure_tick)
            painter.save()
            painter.fillRect(page_rect, QColor(theme.background))  # margins too: dark pages
            painter.scale(scale, scale)
            painter.translate(margin, margin)
            painter.scale(scene.scale, scene.scale)
            paint_scene(painter, scene, theme, fonts)
            painter.restore()
    finally:
        painter.end()
    data = bytes(buffer.data())
    if out is not None:
        Path(out).write_bytes(data)
    return data


def _page_layout(page: str, orientation: str) -> QPageLayout:
    if page not in PAGE_SIZES:
        raise ValueError(f"no page size {page!r}; use one of {', '.join(PAGE_SIZES)}")
    if orientation not in ("landscape", "portrait"):
        raise ValueError(f"orientation must be landscape or portrait, not {orientation!r}")
    o = (
        QPageLayout.Orientation.Landscape
        if orientation == "landscape"
        else QPageLayout.Orientation.Portrait
    )
    layout = QPageLayout(QPageSize(PAGE_SIZES[page]), o, QMarginsF(), QPageLayout.Unit.Millimeter)
    layout.setMode(QPageLayout.Mode.FullPageMode)  # margins are ours: the page is painted whole
    return layout


def _paint(device, scene: Scene, theme: Theme, fonts: Fonts) -> None:
    painter = QPainter(device)
    if not painter.isActive():
        raise OSError("cannot paint on the output device")
    try:
        paint_scene(painter, scene, theme, fonts)
    finally:
        painter.end()
