"""How fast the real timeline view loads and renders N synthetic events, from columns and
through a project store.

    python benchmarks/bench_view.py --events N [--records] [--keep STORE] [--json]

Builds N events over 30 years (`synthetic.py`), loads them into the real main window
offscreen (timed from the columns to the first rendered frame: store, lanes, overview,
list, first frame), then renders 50 pan/zoom steps (spans from the whole 30 years down to one day)
to an image each. Prints load time, median and 95th-percentile frame time and peak RSS.

The path through ingest: the same N events are written into a project store the way ingest
keeps a merged corpus (`corpus_cache` records and `corpus_columns`, through the functions
`ingest/corpus.py` uses), over N / 10 documents. To be quick, the events' records are made
directly from the synthetic columns rather than by tagging the few hundred thousand articles
N events would take; the articles' own files and their `file_cache` rows are not made, so
reading and hashing a folder (the part of a reopen before the merged corpus) is not in the
figure. Timed: store opened → columns read (`read_columns`) → EventStore → the window's
first frame, in a fresh window (`store_load_s`, with its parts), and how many events had to
be decoded for it. `--keep STORE` writes the store there, or reuses it if it is there (it
takes minutes to write a million events). `--records` also times the path before the
columns: every cached record decoded into an `Event`, then `EventStore.from_timeline`.

With --json one line: {"events", "load_s", "store_load_s", "store_read_s", "store_columns_s",
"store_frame_s", "store_decoded", ["records_s",] "frame_ms_median", "frame_ms_p95",
"peak_rss_mb"}.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from synthetic import synthetic_columns  # noqa: E402

from timeline_app.ingest.column_cache import read_columns, write_columns  # noqa: E402
from timeline_app.ingest.records import event_in  # noqa: E402
from timeline_app.model import Document, Part, Timeline  # noqa: E402
from timeline_app.plan.columns import DAY, PARTS, YEAR  # noqa: E402
from timeline_app.store import ProjectStore  # noqa: E402

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


CORPUS_KEY = "bench"  # the key ingest would derive from the files' keys
EVENTS_PER_DOCUMENT = 10


def stored_corpus(path: Path, columns: dict) -> None:
    """Write the events of `columns` into a project store at `path` as ingest keeps a merged
    corpus: its records in `corpus_cache`, its columns in `corpus_columns`."""
    n = len(columns["x0"])
    outlets = columns["outlet_names"]
    n_docs = max(1, n // EVENTS_PER_DOCUMENT)
    documents = {
        f"a{d:07d}.txt": Document(
            f"a{d:07d}.txt", Path(f"a{d:07d}.txt"), "", outlet=outlets[d % len(outlets)]
        )
        for d in range(n_docs)
    }
    doc_ids = list(documents)
    ref = columns["ref"].toordinal()
    records = []
    for i, (x0, prec, part, inferred, k, title, actor) in enumerate(
        zip(
            columns["x0"].tolist(),
            columns["precision"].tolist(),
            columns["part"].tolist(),
            columns["inferred"].tolist(),
            columns["n_sources"].tolist(),
            columns["titles"],
            columns["actor"].tolist(),
            strict=True,
        )
    ):
        start = date.fromordinal(ref + int(x0))
        p: Part | None = PARTS[part]
        when = [
            start.year,
            None if prec == YEAR else start.month,
            start.day if prec == DAY else None,
            p.value if p else None,
            inferred,
        ]
        sources = [
            [doc_ids[(i + s * 7919) % n_docs], 100, 220, 130, 145, "3 March", when]
            for s in range(k)
        ]
        records.append([f"ev{i:07d}", title, when, [columns["actor_names"][actor]], sources])
    store = ProjectStore(path)
    try:
        store.cache_many("corpus_cache", [(CORPUS_KEY, records)])
        write_columns(store, CORPUS_KEY, [event_in(r) for r in records], documents)
    finally:
        store.close()


def run(n: int, *, records: bool = False, keep: Path | None = None) -> dict:
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
    window.close()
    through_store = _through_store(app, columns, records=records, keep=keep)
    return {
        "events": n,
        "load_s": round(load_s, 3),
        **through_store,
        "frame_ms_median": round(statistics.median(times), 2),
        "frame_ms_p95": round(times[int(0.95 * (len(times) - 1))], 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def _through_store(app: object, columns: dict, *, records: bool, keep: Path | None) -> dict:
    """The store path's figures: a store written as ingest writes one, read into a fresh
    window (see the module docstring)."""
    if keep is not None:
        if not keep.exists():
            stored_corpus(keep, columns)
        return _read_store(app, keep, records=records)
    with tempfile.TemporaryDirectory(prefix="bench-view-") as tmp:
        path = Path(tmp) / "store.sqlite"
        stored_corpus(path, columns)
        return _read_store(app, path, records=records)


def _read_store(app: object, path: Path, *, records: bool) -> dict:
    """Open the store at `path` and time it to the first frame of a fresh window."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    from timeline_app.gui.main_window import MainWindow
    from timeline_app.plan.columns import EventStore

    window = MainWindow()
    window.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    window.resize(1600, 1000)
    window.show()
    app.processEvents()  # type: ignore[attr-defined]
    t0 = time.perf_counter()
    store = ProjectStore(path)
    events = read_columns(store, CORPUS_KEY)
    assert events is not None, "the columns written were not read back"
    t1 = time.perf_counter()
    timeline = Timeline(events=events, name="stored events")  # type: ignore[arg-type]
    event_store = EventStore.from_timeline(timeline)
    t2 = time.perf_counter()
    window.state.set_timeline(timeline, event_store)
    app.processEvents()  # type: ignore[attr-defined]
    panel = getattr(window, "timeline_panel", window.timeline_view)
    image = QImage(panel.size(), QImage.Format.Format_RGB32)
    panel.render(image)
    t3 = time.perf_counter()
    out = {
        "store_load_s": round(t3 - t0, 3),
        "store_read_s": round(t1 - t0, 3),
        "store_columns_s": round(t2 - t1, 3),
        "store_frame_s": round(t3 - t2, 3),
        "store_decoded": len(events.decoded),
    }
    window.close()
    if records:
        t0 = time.perf_counter()
        cached = store.cached_many("corpus_cache", [CORPUS_KEY])[CORPUS_KEY]
        timeline = Timeline(events=[event_in(r) for r in cached])
        EventStore.from_timeline(timeline)
        out["records_s"] = round(time.perf_counter() - t0, 3)
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--json", action="store_true")
    parser.add_argument(
        "--records", action="store_true", help="also time decoding every cached record"
    )
    parser.add_argument("--keep", type=Path, help="write the store here, or reuse it")
    args = parser.parse_args()
    result = run(args.events, records=args.records, keep=args.keep)
    if args.json:
        print(json.dumps(result))
    else:
        for key, value in result.items():
            print(f"{key:>16}: {value}")


if __name__ == "__main__":
    main()
