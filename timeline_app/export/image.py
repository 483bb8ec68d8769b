"""PNG export of the whole timeline, drawn exactly as the window draws it; works headless."""

from __future__ import annotations

from pathlib import Path

from timeline_app.model import Timeline

__all__ = ["export_png"]


def export_png(timeline: Timeline, out: Path, *, width: int = 1600,
               height: int | None = None) -> Path:
    """Render all events of `timeline` to the PNG file `out` and return its path.

    The image is exactly `width` pixels wide; with no `height` it is as tall as the
    stacked labels need. Creates an offscreen QApplication when none is running.
    Raises ValueError for a tiny size and OSError when the file cannot be written.
    """
    if width < 200 or (height is not None and height < 120):
        raise ValueError(f"image too small: {width} × {height}; need at least 200 × 120")
    from timeline_app.gui.render import render_timeline  # loads Qt only when needed

    out = Path(out)
    image = render_timeline(timeline, width, height)
    if not image.save(str(out), "PNG"):
        raise OSError(f"could not write {out}")
    return out
