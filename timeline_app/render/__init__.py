"""Pictures of a timeline: the plan (`timeline_app.plan`) painted with QPainter onto a PNG,
an SVG or PDF pages, and the pens, brushes and fonts the window's items share with them.

No widgets here. Importing this package loads no Qt; drawing a picture does.
"""

from .image import ImageOptions, Subject, export_image, export_pdf, export_png, export_svg

__all__ = ["ImageOptions", "Subject", "export_image", "export_pdf", "export_png", "export_svg"]
