"""Tests of the data formats (timeline_app.formats); `DATA` holds example data files."""

from pathlib import Path

DATA = Path(__file__).parent / "data"
