"""What the analyst's work costs on a large timeline: edits applied, tag lanes, exports.

    python benchmarks/bench_workbench.py [--events 10000] [--repeat 3]

Builds N events over 30 years, each with one source sentence in an article of its own,
and an edit log of N / 10 stars, N / 10 notes and N / 100 tag edits each on 10 events
(the shape of a worked-on corpus); then times, best of `--repeat`: `apply_edits` of the
whole log (what every edit costs the window), the tag lanes of `plan.frame.build_lanes`,
the CSV of every event, and the chronology of the starred events as Markdown and PDF
(after one warm-up run that loads Qt and its fonts). Prints one JSON line:
{"events", "edits", "apply_edits_s", "tag_lanes_s", "csv_s", "chronology_md_s",
 "chronology_pdf_s", "chronology_events", "pdf_kb"}.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from timeline_app.formats.writing import data_bytes  # noqa: E402
from timeline_app.model import Document, Event, FuzzyDate, Source, Timeline  # noqa: E402
from timeline_app.plan.columns import EventStore  # noqa: E402
from timeline_app.plan.frame import build_lanes  # noqa: E402
from timeline_app.render.chronology import write_chronology  # noqa: E402
from timeline_app.store import Edit  # noqa: E402
from timeline_app.store.edits import apply_edits  # noqa: E402

_OUTLETS = ["Daily A", "Weekly B", "Wire C", "Radio D", "Gazette E"]
_TAGS = ["CSTO", "Minsk", "army", "talks", "sanctions", "energy", "borders", "summit"]


def events(n: int, seed: int = 1) -> tuple[list[Event], dict[str, Document]]:
    rng = np.random.default_rng(seed)
    days = rng.integers(0, 365 * 30, n)
    out, docs = [], {}
    for k, d in enumerate(days.tolist()):
        when = date(1995, 1, 1) + timedelta(days=d)
        text = f"Delegates met in Minsk on {when:%d %B %Y} to discuss item {k}."
        doc_id = f"article-{k}.txt"
        outlet = _OUTLETS[k % len(_OUTLETS)]
        docs[doc_id] = Document(doc_id, Path(doc_id), text, f"Report {k}", outlet)
        fuzzy = FuzzyDate.from_date(when)
        source = Source(doc_id, 0, len(text), 26, 26 + len(f"{when:%d %B %Y}"), "", fuzzy)
        out.append(Event(f"e{k}", f"Delegates meet, item {k}", fuzzy, [source]))
    return out, docs


def edit_log(n: int) -> list[Edit]:
    log, seq = [], 0
    for k in range(0, n, 10):
        log.append(Edit(seq := seq + 1, "event.star", f"e{k}", {"starred": True}))
        log.append(Edit(seq := seq + 1, "event.note", f"e{k + 1}", {"note": f"Why {k}"}))
    for k in range(0, n - 10, 100):
        others = [f"e{k + j}" for j in range(1, 10)]
        tag = _TAGS[(k // 100) % len(_TAGS)]
        log.append(Edit(seq := seq + 1, "event.tag_add", f"e{k}", {"tag": tag, "others": others}))
    return log


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
    base, docs = events(ns.events)
    log = edit_log(ns.events)
    edited, _ = apply_edits(base, log)
    timeline = Timeline(docs, edited, name="Synthetic")
    store = EventStore.from_timeline(timeline)
    shown = np.arange(len(store))
    out = Path(tempfile.mkdtemp(prefix="bench-workbench-"))
    write_chronology(timeline, out / "warm.pdf", ids={base[0].id})  # Qt, fonts
    starred = write_chronology(timeline, out / "c.md", starred=True)
    result = {
        "events": ns.events,
        "edits": len(log),
        "apply_edits_s": best_of(ns.repeat, lambda: apply_edits(base, log)),
        "tag_lanes_s": best_of(ns.repeat, lambda: build_lanes(store, shown, "tag")),
        "csv_s": best_of(ns.repeat, lambda: data_bytes(timeline, "csv")),
        "chronology_md_s": best_of(
            ns.repeat, lambda: write_chronology(timeline, out / "c.md", starred=True)
        ),
        "chronology_pdf_s": best_of(
            ns.repeat, lambda: write_chronology(timeline, out / "c.pdf", starred=True)
        ),
        "chronology_events": len(starred),
        "pdf_kb": round((out / "c.pdf").stat().st_size / 1024),
    }
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in result.items()}))


if __name__ == "__main__":
    main()
