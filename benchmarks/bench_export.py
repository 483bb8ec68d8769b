"""How fast N synthetic events are exported as PNG, SVG and PDF (and as data).

    python benchmarks/bench_export.py [--events 10000] [--repeat 3]

Builds N events over 30 years (`synthetic.py`) straight into an `EventStore`, then times
`export_image` for a PNG 4,000 px wide, an SVG 4,000 px wide, a one-page A4 PDF and an
A4 PDF split over pages (the best of `--repeat` runs each, after one warm-up run that
creates the offscreen application and loads the fonts). Lanes by outlet, as a report
would show them. Prints one JSON line:
{"events", "png_4000px_s", "svg_4000px_s", "pdf_a4_s", "pdf_split_s", "pdf_split_pages",
 "svg_kb", "pdf_kb"}. The goals: PNG < 2 s, SVG and PDF < 3 s for 10,000 events.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from synthetic import synthetic_store  # noqa: E402

from timeline_app.render import ImageOptions, Subject, export_image  # noqa: E402
from timeline_app.render.devices import pdf_canvas  # noqa: E402
from timeline_app.render.image import pdf_specs  # noqa: E402


def best_of(repeat: int, run) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        run()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    ns = parser.parse_args()
    store = synthetic_store(ns.events)
    subject = Subject(store, np.arange(len(store)), "Synthetic events", "outlet")
    out = Path(tempfile.mkdtemp(prefix="bench-export-"))
    export_image(subject, out / "warm.png", ImageOptions(width=800))  # app, fonts
    wide = ImageOptions(width=4000)
    split = ImageOptions(fit="split")
    result = {
        "events": len(store),
        "png_4000px_s": best_of(ns.repeat, lambda: export_image(subject, out / "a.png", wide)),
        "svg_4000px_s": best_of(ns.repeat, lambda: export_image(subject, out / "a.svg", wide)),
        "pdf_a4_s": best_of(
            ns.repeat, lambda: export_image(subject, out / "a.pdf", ImageOptions())
        ),
        "pdf_split_s": best_of(ns.repeat, lambda: export_image(subject, out / "s.pdf", split)),
    }
    result["pdf_split_pages"] = len(pdf_specs(subject, split, *pdf_canvas("A4", "landscape")))
    result["svg_kb"] = round((out / "a.svg").stat().st_size / 1024)
    result["pdf_kb"] = round((out / "a.pdf").stat().st_size / 1024)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))


if __name__ == "__main__":
    main()
