"""Take the README screenshots from the real window (run under xvfb-run or on a desktop).

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshots.py

Writes resources/screenshots/main-window.png (the shipped corpus, an event selected) and
resources/screenshots/100k-events.png (100,000 synthetic events, zoomed to eight days).
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT))

from PySide6.QtWidgets import QApplication  # noqa: E402
from synthetic import synthetic_store  # noqa: E402

from timeline_app.gui.main_window import MainWindow  # noqa: E402
from timeline_app.ingest import load_corpus  # noqa: E402
from timeline_app.model import Timeline  # noqa: E402
from timeline_app.paths import SHIPPED_CORPUS  # noqa: E402

OUT = ROOT / "resources" / "screenshots"


def settle(app: QApplication, rounds: int = 20) -> None:
    for _ in range(rounds):
        app.processEvents()


def shoot(window: MainWindow, app: QApplication, name: str) -> None:
    settle(app)
    window.grab().save(str(OUT / name))
    print(OUT / name)


def main() -> None:
    app = QApplication(sys.argv[:1])
    window = MainWindow(load=load_corpus)
    window.resize(1600, 960)
    window.show()
    settle(app)
    window.open_folder(SHIPPED_CORPUS)
    loaded = time.monotonic() + 60  # the folder loads in the background
    while not window.state.timeline.events and time.monotonic() < loaded:
        app.processEvents()
        time.sleep(0.02)
    settle(app)
    window.timeline_view.zoom_to_fit()
    event = next(e for e in window.state.timeline.events if e.date.iso() == "2023-02-13")
    window.state.select(event.id)
    shoot(window, app, "main-window.png")

    window.state.set_timeline(Timeline(name="100,000 synthetic events"), synthetic_store(100_000))
    settle(app)
    view = window.timeline_view
    store = window.state.store
    mid = float(store.x0[len(store) // 2])
    view.zoom_to(mid - 4, mid + 4)
    settle(app)
    window.state.select_index(int(window.timeline_view.frame.lanes[0].detail[5]))
    shoot(window, app, "100k-events.png")
    window.close()


if __name__ == "__main__":
    main()
