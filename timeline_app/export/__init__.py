"""Exports of a timeline to files (images for now)."""

from .image import export_png

__all__ = ["export_png"]
