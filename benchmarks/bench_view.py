"""How fast the real timeline view loads and renders N synthetic events.

    python benchmarks/bench_view.py --events N [--json]

Builds N events over 30 years (`synthetic.py`), loads them into the real main window
offscreen (timed from the columns to the first rendered frame: store, lanes, overview,
list, first frame), then renders 50 pan/zoom steps (spans from the whole 30 years down to one day)
to an image each. Prints load time, median and 95th-percentile frame time and peak RSS;
with --json one line: {"events", "load_s", "frame_ms_median", "frame_ms_p95", "peak_rss_mb"}.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from synthetic import synthetic_columns  # noqa: E402

from timeline_app.model import Timeline  # noqa: E402

STEPS = 50


def steps(lo: float, hi: float, n: int = STEPS, seed: int = 7) -> list[tuple[float, float]]:
    """Zoom levels log-spaced from the whole span to one day, each followed by a pan."""
    rng = np.random.default_rng(seed)
    spans = np.geomspace(hi - lo, 1.0, n // 2)
    out = []
    for span in spans:
        centre = rng.uniform(lo + span / 2, max(hi - span / 2, lo + span / 2))
        out.append((centre - span / 2, centre + span / 2))
        shift = 0.3 * span * rng.choice([-1, 1])
        out.append((centre - span / 2 + shift, centre + span / 2 + shift))
    return out[:n]


def run(n: int) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.main_window import MainWindow
    from timeline_app.plan.columns import EventStore
    from timeline_app.render.devices import ensure_app

    app = ensure_app()
    columns = synthetic_columns(n)
    window = MainWindow()
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)  # paint only into the image
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    t0 = time.perf_counter()  # load: columns -> store -> window shown with its first frame
    store = EventStore.from_columns(**columns)
    window.state.set_timeline(Timeline(name=f"{n:,} synthetic events"), store)
    app.processEvents()
    panel = getattr(window, "timeline_panel", window.timeline_view)
    image = QImage(panel.size(), QImage.Format.Format_RGB32)
    panel.render(image)
    load_s = time.perf_counter() - t0
    view = window.timeline_view
    lo, hi = float(store.x0.min()), float(store.x1.max())
    times = []
    for a, b in steps(lo, hi):
        t = time.perf_counter()
        view.view_box.setXRange(a, b, padding=0)
        app.processEvents()
        panel.render(image)
        times.append((time.perf_counter() - t) * 1000)
    QApplication.processEvents()
    times.sort()
    return {
        "events": n,
        "load_s": round(load_s, 3),
        "frame_ms_median": round(statistics.median(times), 2),
        "frame_ms_p95": round(times[int(0.95 * (len(times) - 1))], 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    result = run(args.events)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>16}: {value}")


if __name__ == "__main__":
    main()
