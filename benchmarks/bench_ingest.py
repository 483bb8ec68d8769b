"""How long the real window takes to open a folder of N generated articles, first and cached,
and how long its event loop stalls meanwhile.

    python benchmarks/bench_ingest.py [--articles 10000] [--json]

Writes N articles of about 3 KB (`articles.py`) to a temporary folder, with a temporary
TIMELINE_APP_HOME for the project store, then, in one run:

(a) first open: the real MainWindow (offscreen) opens the folder with its background load
    (processes for extraction, partial timelines, progress bar) until the final timeline is
    shown; a 10 ms QTimer on the GUI thread records the longest gap between its ticks, the
    longest the event loop was stalled;
(b) cached reopen: the same window opens the same folder again (all from the store), also
    timed to the final timeline on screen; then `Project(path)` headless.

Prints one JSON line {"articles", "first_open_s", "cached_reopen_s", "speedup",
"max_stall_ms", ...}; the targets are speedup >= 20 and max_stall_ms < 200.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles import write_articles  # noqa: E402

TICK_MS = 10


class StallMeter:
    """The longest gap between ticks of a 10 ms timer on the GUI thread, since `reset`."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self._tick)
        self.reset()
        self.timer.start()

    def reset(self) -> None:
        self.last = time.perf_counter()
        self.max_gap = 0.0

    def _tick(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self.last)
        self.last = now


def open_in_window(app, window, folder: Path, meter: StallMeter) -> dict:
    """Open `folder` in `window` and run the event loop until its final timeline is shown."""
    shown: list[float] = []

    def count() -> None:
        shown.append(time.perf_counter())

    window.state.timeline_changed.connect(count)
    meter.reset()
    started = time.perf_counter()
    window.open_folder(folder)
    while window.folder_loader.busy:
        app.processEvents()
        time.sleep(0.001)
    app.processEvents()  # the final timeline's own repaint
    seconds = time.perf_counter() - started
    window.state.timeline_changed.disconnect(count)
    return {"seconds": seconds, "max_stall_ms": meter.max_gap * 1000, "timelines_shown": len(shown)}


def run(n: int, keep: Path | None) -> dict:
    from PySide6.QtWidgets import QApplication

    root = Path(keep or tempfile.mkdtemp(prefix="bench-ingest-"))
    os.environ["TIMELINE_APP_HOME"] = str(root / "home")
    folder = root / "articles"
    if not folder.exists():
        write_articles(folder, n, bad=3)
    from timeline_app.gui.main_window import MainWindow
    from timeline_app.project import Project
    from timeline_app.store import store_path_for

    store = store_path_for(folder)
    for suffix in ("", "-wal", "-shm"):  # a first open starts from an empty store
        Path(str(store) + suffix).unlink(missing_ok=True)
    app = QApplication.instance() or QApplication(["bench"])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    meter = StallMeter()
    first = open_in_window(app, window, folder, meter)
    events, documents = len(window.state.store), len(window.state.timeline.documents)
    problems = len(window.state.timeline.problems)
    again = open_in_window(app, window, folder, meter)
    assert len(window.state.store) == events, "the cached reopen shows the same events"
    window.close()
    started = time.perf_counter()
    Project(folder).close()
    headless = time.perf_counter() - started
    return {
        "articles": n,
        "documents": documents,
        "events": events,
        "problems": problems,
        "first_open_s": round(first["seconds"], 2),
        "cached_reopen_s": round(again["seconds"], 3),
        "speedup": round(first["seconds"] / again["seconds"], 1),
        "max_stall_ms": round(first["max_stall_ms"], 1),
        "reopen_max_stall_ms": round(again["max_stall_ms"], 1),
        "cached_reopen_headless_s": round(headless, 3),
        "timelines_shown_first_open": first["timelines_shown"],
        "cpus": os.cpu_count(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    result = run(args.articles, args.keep)
    if not args.json:
        for key, value in result.items():
            print(f"{key:>28}: {value}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
