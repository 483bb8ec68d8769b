"""Exports of a timeline: pictures (PNG, SVG, PDF) and data (JSON, CSV, TimelineJS, iCalendar).

Importing this package loads no Qt; drawing a picture does.
"""

from .data import DATA_FORMATS, data_bytes, write_data
from .image import ImageOptions, Subject, export_image, export_pdf, export_png, export_svg

__all__ = ["DATA_FORMATS", "ImageOptions", "Subject", "data_bytes", "export_image",
           "export_pdf", "export_png", "export_svg", "write_data"]
