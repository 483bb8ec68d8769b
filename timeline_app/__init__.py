"""timeline_app: find dated events in news articles and show them on a zoomable timeline."""

__version__ = "0.1.0"
