"""How long a folder of N generated articles takes to open, stage by stage, headless and in
the real window, beside the time of `timeline-app tag --jsonl` on the same texts.

    python benchmarks/bench_ingest.py [--articles 10000] [--scale | --no-scale] [--no-window]
                                      [--keep FOLDER] [--json]

Writes N articles of about 3 KB (`articles.py`) to a temporary folder, with a temporary
TIMELINE_APP_HOME for the project store, then, in one run:

(a) headless first open: `timeline-app events FOLDER --format json -o FILE` (its `main`, in
    this process) on an empty store, with the time of each stage (see `Stages`) and the CPU
    seconds of all its processes (divided by the cores: the least time it could take);
(b) `timeline-app tag --jsonl` (a subprocess) on the texts of the documents (a) loaded, each
    with its publication date as DCT: the peer figure, one process (and its CPU seconds);
(c) headless cached reopen, then one article changed and the folder opened again, then
    opened once more (the columns the update kept, read back) (each also without writing
    the JSON: `*_headless_project_s`, the time `Project(FOLDER)` took);
(d) the real MainWindow (offscreen) opens the folder on an empty store with its background
    load until the final timeline is shown; a 10 ms QTimer on the GUI thread records the
    longest gap between its ticks, the longest the event loop was stalled; then the cached
    reopen, then one article rewritten (as an editor saves: a new file renamed into place)
    until the watcher's reload shows the updated timeline (the clock starts at the save; the
    watcher's quiet time, `DEBOUNCE_MS`, included);
(e) with --scale (the default up to 10,000 articles): 2N articles headless, for
    `linear_ratio` = t(2N) / t(N).

Stages are timed without touching the app: the benchmark wraps the public functions of each
stage where ingest looks them up, and runs the load on an engine (`ingest/engines/`) that
is the default local one plus a clock around each map; the worker processes time their own
calls and send the sums back with each task's result.

Prints the figures, then one JSON line (only the line with --json). No thresholds.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from articles import write_articles  # noqa: E402

TICK_MS = 10
_WAIT_S = 1800.0  # a load that takes longer is reported as stuck

# -- timing the stages ---------------------------------------------------------------------
# seconds spent in the wrapped calls of this process, by stage; the workers' come back
# with their tasks' results (`_timed_task`) and are added to `_WORKERS`
_SPENT: defaultdict[str, float] = defaultdict(float)
_WORKERS: defaultdict[str, float] = defaultdict(float)
# (module, attribute, stage): the calls timed in every process (also in the workers)
_CALLS = [
    ("timeline_app.ingest.file_results", "read_articles", "decode"),
    ("timeline_app.ingest.file_results", "document_from_article", "decode"),
    ("timeline_app.ingest.file_results", "gather_names", "names"),
    ("timeline_app.ingest.file_results", "tag_document", "tagging"),
    ("timeline_app.ingest.event_finding", "extract_candidates", "candidates"),
    ("timeline_app.ingest.event_finding", "merge_candidates", "merging"),
    ("timeline_app.ingest.event_finding", "clusters_of", "merging"),  # in an engine's workers
    ("timeline_app.ingest.pool", "preview_events", "previews"),  # the window's partials
]
_WORKER_STAGES = ("decode", "names", "tagging", "previews", "candidates", "merging")
# the steps of a load, in the process that loads (the window's worker thread included)
_STEPS = [
    ("timeline_app.project", "Project.__init__", "project"),
    ("timeline_app.project", "Project.read", "read"),  # a reload (Project.__init__ reads too)
    ("timeline_app.ingest.corpus", "FileLoader.run", "files"),
    # partial timelines made on the loading thread (the window's first open)
    ("timeline_app.ingest.file_loader", "FileLoader._partial_timeline", "partials"),
    ("timeline_app.ingest.corpus", "find_events", "events"),
    ("timeline_app.ingest.corpus", "actor_counts", "actors"),  # a load from scratch
    ("timeline_app.ingest.corpus", "assign_actors", "actors"),
]
_installed = False


# stages whose calls may run inside another stage's or on a thread of their own beside it
# (a load from scratch counts the actors on a thread while the engine finds statements and
# gives each block's events their actors as it is merged): that time is `*_overlapped`,
# not subtracted from the others
_MAY_OVERLAP = {"actors"}
_active = threading.local()  # the stages running on this thread


def _timed(fn: Callable, stage: str) -> Callable:
    @functools.wraps(fn)
    def timed(*args: Any, **kwargs: Any) -> Any:
        running = getattr(_active, "stages", ())
        inside = "events" in running or threading.current_thread().name.startswith("load-")
        key = f"{stage}_overlapped" if stage in _MAY_OVERLAP and inside else stage
        _active.stages = (*running, stage)
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            _SPENT[key] += time.perf_counter() - started
            _active.stages = running

    return timed


def _wrap(module_name: str, attr: str, stage: str) -> None:
    import importlib

    owner: Any = importlib.import_module(module_name)
    *path, name = attr.split(".")
    for part in path:
        owner = getattr(owner, part)
    if not hasattr(owner, name):  # the pipeline changed: say where, do not time nothing
        raise SystemExit(f"bench_ingest: {module_name}.{attr} is gone; update _CALLS/_STEPS")
    setattr(owner, name, _timed(getattr(owner, name), stage))


def _install(*, steps: bool) -> None:
    """Wrap the stage functions in this process (once); `steps` in the loading process."""
    global _installed
    if _installed:
        return
    _installed = True
    for call in _CALLS + (_STEPS if steps else []):
        _wrap(*call)
    if steps:
        from timeline_app.ingest import corpus
        from timeline_app.ingest.engines import LocalEngine

        if not hasattr(corpus, "LocalEngine"):
            raise SystemExit("bench_ingest: ingest.corpus.LocalEngine is gone; update _install")
        corpus.LocalEngine = lambda workers=None: TimedEngine(LocalEngine(workers))


def _timed_task(shared: Any, task: tuple[Callable, Any]) -> tuple[Any, dict[str, float]]:
    """In an engine's worker: one task of `fn`, with the seconds its stages took."""
    fn, item = task
    _install(steps=False)
    before = dict(_SPENT)
    result = fn(shared, item)
    return result, {k: v - before.get(k, 0.0) for k, v in _SPENT.items()}


class TimedEngine:
    """The default local engine, with a clock around each map and each pool's start/stop;
    its workers time their stage calls (`_timed_task`)."""

    name = "local"

    def __init__(self, inner: Any) -> None:
        self._inner = inner

    def workers(self, units: int) -> int:
        return self._inner.workers(units)

    @contextlib.contextmanager
    def pool(self, shared: Any, *, workers: int) -> Iterator[_TimedPool]:
        started = time.perf_counter()
        with self._inner.pool(shared, workers=workers) as inner:
            timed = _TimedPool(inner)
            timed.overhead += time.perf_counter() - started
            yield timed
            stopping = time.perf_counter()
        timed.overhead += time.perf_counter() - stopping
        _SPENT[f"pool:{timed.first}"] += timed.overhead


class _TimedPool:
    def __init__(self, inner: Any) -> None:
        self._inner, self.overhead, self.first = inner, 0.0, ""

    def map(self, fn: Callable, items: Any, *, on_done: Callable[[int, Any], None]) -> None:
        self.first = self.first or fn.__name__

        def done(i: int, out: tuple[Any, dict[str, float]]) -> None:
            result, spent = out
            for stage, seconds in spent.items():
                _WORKERS[stage] += seconds
            on_done(i, result)

        started = time.perf_counter()
        try:
            self._inner.map(_timed_task, ((fn, item) for item in items), on_done=done)
        finally:
            _SPENT[f"map:{fn.__name__}"] += time.perf_counter() - started


def _reset() -> None:
    _SPENT.clear()
    _WORKERS.clear()


def stages(total: float) -> dict[str, float]:
    """The wall time of a load by stage (they add up to `total`), and the time the stage
    calls took summed over the processes that ran them (`summed_*`: two workers on two cores
    do two seconds of work in one)."""
    s, w = _SPENT, defaultdict(float, _WORKERS)
    for stage in _WORKER_STAGES:  # the calls made in this process (a small corpus)
        w[stage] += s.get(stage, 0.0)
    pooled_extract = "map:extract_chunk" in s
    extract = s["map:extract_chunk"] if pooled_extract else w["decode"] + w["names"] + w["tagging"]
    pooled = "map:_candidates_of" in s
    candidates = s["map:_candidates_of"] if pooled else w["candidates"]
    pools = s.get("pool:extract_chunk", 0.0) + s.get("pool:_candidates_of", 0.0)
    load = s["project"] if "project" in s else s["read"]
    out = {
        # reading the files and the cache; on a first open the files are read while the
        # workers extract the first ones: that reading is within decode_tag_s
        "read_s": s["files"] - extract - s.get("pool:extract_chunk", 0.0),
        "decode_tag_s": extract,
        "candidates_s": candidates,
        "merging_s": s["events"] - candidates - s.get("pool:_candidates_of", 0.0),
        "actors_s": s["actors"],  # in the loading thread, between other stages
        "actors_overlapped_s": s["actors_overlapped"],  # within `events` or beside it
        "pool_start_stop_s": pools,
        "store_other_s": load - s["files"] - s["events"] - s["actors"],
        # writing JSON; in the window, showing it (and the watcher's debounce, on a change)
        "after_load_s": total - load,
        "partials_s": s.get("partials", 0.0),  # within decode_tag_s
    }
    out.update({f"summed_{stage}_s": w[stage] for stage in _WORKER_STAGES})
    return {k: round(v, 3) for k, v in out.items()}


# -- headless --------------------------------------------------------------------------------
def cpu_s() -> float:
    """CPU seconds (user and system) of this process and of its children that have ended
    (the pools' workers, once shut down; `tag --jsonl`'s process): a load's CPU is the
    difference around it."""
    own, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def headless(folder: Path, out: Path) -> float:
    """`timeline-app events FOLDER --format json -o OUT`, timed; problems not printed."""
    from timeline_app.cli import main as cli_main

    _reset()
    started = time.perf_counter()
    with contextlib.redirect_stderr(io.StringIO()):
        code = cli_main(["events", str(folder), "--format", "json", "-o", str(out)])
    seconds = time.perf_counter() - started
    if code != 0:
        raise SystemExit(f"bench_ingest: timeline-app events {folder} failed ({code})")
    return seconds


def tag_jsonl(folder: Path, root: Path) -> tuple[float, int, float]:
    """`timeline-app tag --jsonl` on the texts the loader read from `folder` (each with its
    publication date as DCT), in a subprocess; (seconds, documents, its CPU seconds)."""
    from timeline_app.project import Project

    project = Project(folder)  # cached: the documents as the first open read them
    docs = list(project.timeline.documents.values())
    project.close()
    src, dst = root / "texts.jsonl", root / "timexes.jsonl"
    with src.open("w", encoding="utf-8") as fh:
        for d in docs:
            dct = d.published.iso() if d.published else None
            fh.write(json.dumps({"doc": d.id, "dct": dct, "text": d.text}) + "\n")
    command = [sys.executable, "-m", "timeline_app", "tag", "--jsonl", str(src), "-o", str(dst)]
    cpu_before = cpu_s()
    started = time.perf_counter()
    subprocess.run(command, check=True)
    return time.perf_counter() - started, len(docs), cpu_s() - cpu_before


def article_to_change(folder: Path) -> Path:
    """The article `change_one` rewrites: the middle one in name order."""
    articles = sorted(folder.rglob("*.txt"))
    return articles[len(articles) // 2]


def change_one(folder: Path, k: int, path: Path | None = None) -> Path:
    """Rewrite one article (`path`, default `article_to_change`) as an editor saves it (a
    new file renamed into place), with one more dated sentence."""
    path = path or article_to_change(folder)
    text = path.read_text(encoding="utf-8")
    extra = f"On 3 March 2004 the ministry published revision {k} of the statement.\n"
    tmp = path.with_name(path.name + ".saving")
    tmp.write_text(text + extra, encoding="utf-8")
    os.replace(tmp, path)
    return path


def empty_store(folder: Path) -> None:
    from timeline_app.store import store_path_for

    store = store_path_for(folder)
    for suffix in ("", "-wal", "-shm"):  # a first open starts from an empty store
        Path(str(store) + suffix).unlink(missing_ok=True)


# -- the window ----------------------------------------------------------------------------
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
        self.started = self.last = time.perf_counter()
        self.max_gap = 0.0
        self.max_gap_ended = 0.0  # seconds after `reset`: where in a load the stall was

    def _tick(self) -> None:
        now = time.perf_counter()
        if now - self.last > self.max_gap:
            self.max_gap, self.max_gap_ended = now - self.last, now - self.started
        self.last = now


def _run_until(app: Any, done: Callable[[], bool], started: float) -> None:
    """Turn the event loop as the app's does (`exec`: asleep until an event comes, at the
    latest the stall meter's next tick) until `done()`. Polling it every millisecond
    instead would take the interpreter from the load's thread a thousand times a second,
    a cost the app does not have."""
    from PySide6.QtCore import QEventLoop

    while not done():
        if time.perf_counter() - started > _WAIT_S:
            raise SystemExit("bench_ingest: the window did not finish loading")
        app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
    app.processEvents()  # the final timeline's own repaint


def _timed_in_window(
    app: Any, window: Any, meter: StallMeter, act: Callable[[], None], done: Callable[[list], bool]
) -> dict:
    """Run `act`, then the event loop until `done(times a timeline was shown)`."""
    shown: list[float] = []

    def count(*_: object) -> None:
        shown.append(time.perf_counter())

    window.state.timeline_changed.connect(count)
    _reset()
    meter.reset()
    started = time.perf_counter()
    act()
    _run_until(app, lambda: done(shown), started)
    seconds = time.perf_counter() - started
    window.state.timeline_changed.disconnect(count)
    return {
        "seconds": seconds,
        "max_stall_ms": meter.max_gap * 1000,
        "max_stall_ended_s": meter.max_gap_ended,
        "timelines_shown": len(shown),
    }


def open_in_window(app: Any, window: Any, folder: Path, meter: StallMeter) -> dict:
    """Open `folder` in `window` and run the event loop until its final timeline is shown."""
    return _timed_in_window(
        app,
        window,
        meter,
        lambda: window.open_folder(folder),
        lambda shown: not window.folder_loader.busy,
    )


def change_in_window(app: Any, window: Any, folder: Path, meter: StallMeter, k: int) -> dict:
    """One article rewritten under the open folder, until the watcher's reload is shown.
    The clock starts at the save: which article to change is found before (a search of
    10,000 file names on the GUI thread would count as the app's time and stall)."""
    path = article_to_change(folder)
    timed = _timed_in_window(
        app,
        window,
        meter,
        lambda: change_one(folder, k, path),
        lambda shown: bool(shown) and not window.folder_loader.busy,
    )
    del timed["timelines_shown"]
    return timed


def in_window(folder: Path, headless_s: float) -> dict:
    from PySide6.QtWidgets import QApplication

    from timeline_app.gui.main_window import MainWindow

    empty_store(folder)
    app = QApplication.instance() or QApplication(["bench"])
    window = MainWindow()
    window.resize(1600, 1000)
    window.show()
    app.processEvents()
    meter = StallMeter()
    first = open_in_window(app, window, folder, meter)
    first_stages = stages(first["seconds"])
    events = len(window.state.store)
    again = open_in_window(app, window, folder, meter)
    assert len(window.state.store) == events, "the cached reopen shows the same events"
    changed = change_in_window(app, window, folder, meter, 2)
    changed_stages = stages(changed["seconds"])
    window.close()
    app.processEvents()
    return {
        "window_first_open_s": round(first["seconds"], 2),
        "window_to_headless": round(first["seconds"] / headless_s, 2),
        "window_stages": first_stages,
        "window_cached_reopen_s": round(again["seconds"], 3),
        "window_one_changed_s": round(changed["seconds"], 2),
        "window_one_changed_stages": changed_stages,
        "max_stall_ms": round(first["max_stall_ms"], 1),
        "reopen_max_stall_ms": round(again["max_stall_ms"], 1),
        "one_changed_max_stall_ms": round(changed["max_stall_ms"], 1),
        # when each longest stall ended, in seconds after the open (or the save) began
        "max_stall_ended_s": round(first["max_stall_ended_s"], 2),
        "reopen_max_stall_ended_s": round(again["max_stall_ended_s"], 2),
        "one_changed_max_stall_ended_s": round(changed["max_stall_ended_s"], 2),
        "timelines_shown_first_open": first["timelines_shown"],
    }


# -- the run ---------------------------------------------------------------------------------
def _rss_mb(who: int) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


def run(n: int, keep: Path | None, *, scale: bool, window: bool) -> dict:
    root = Path(keep or tempfile.mkdtemp(prefix="bench-ingest-"))
    os.environ["TIMELINE_APP_HOME"] = str(root / "home")
    folder = root / "articles"
    if not folder.exists():
        write_articles(folder, n, bad=3)
    _install(steps=True)
    from timeline_app.ingest.pool import cores
    from timeline_app.project import Project

    empty_store(folder)
    cpu_before = cpu_s()
    first = headless(folder, root / "events.json")
    first_cpu = cpu_s() - cpu_before
    first_stages = stages(first)
    project = Project(folder)
    documents, events = len(project.timeline.documents), len(project.timeline.events)
    project.close()
    tag_s, tagged, tag_cpu = tag_jsonl(folder, root)
    cached = headless(folder, root / "events.json")
    cached_project = _SPENT["project"]
    change_one(folder, 1)
    changed = headless(folder, root / "events.json")
    changed_project = _SPENT["project"]
    changed_stages = stages(changed)
    after_change = headless(folder, root / "events.json")  # the update's columns, read back
    after_change_project = _SPENT["project"]
    result: dict[str, Any] = {
        "articles": n,
        "documents": documents,
        "events": events,
        "tag_jsonl_s": round(tag_s, 2),
        "tag_jsonl_docs": tagged,
        "headless_first_open_s": round(first, 2),
        "headless_to_tag": round(first / tag_s, 2),
        # CPU seconds of the first open (all its processes) and of `tag --jsonl`: with the
        # machine's cores, the least time the open could take however well it kept them
        # busy, `headless_first_open_cpu_s / cpus`
        "headless_first_open_cpu_s": round(first_cpu, 1),
        # core-seconds the open left unused: what keeping every core busy could still gain
        "headless_first_open_idle_core_s": round(cores() * first - first_cpu, 1),
        "tag_jsonl_cpu_s": round(tag_cpu, 1),
        "headless_stages": first_stages,
        "headless_cached_reopen_s": round(cached, 3),
        "cached_reopen_headless_project_s": round(cached_project, 3),
        "headless_one_changed_s": round(changed, 2),
        "one_changed_headless_project_s": round(changed_project, 3),
        "headless_one_changed_stages": changed_stages,
        "headless_reopen_after_change_s": round(after_change, 3),
        "reopen_after_change_headless_project_s": round(after_change_project, 3),
        "peak_rss_headless_mb": _rss_mb(resource.RUSAGE_SELF),
    }
    if scale:
        big = root / f"articles-{2 * n}"
        if not big.exists():
            write_articles(big, 2 * n, bad=3)
        empty_store(big)
        doubled = headless(big, root / "events-2n.json")
        result.update(
            {
                "headless_2n_first_open_s": round(doubled, 2),
                "headless_2n_stages": stages(doubled),
                "linear_ratio": round(doubled / first, 2),
            }
        )
    if window:
        result.update(in_window(folder, first))
    result.update(
        {
            "cpus": os.cpu_count(),
            "load_average": [round(x, 2) for x in os.getloadavg()],
            "peak_rss_mb": _rss_mb(resource.RUSAGE_SELF),
            "peak_rss_worker_mb": _rss_mb(resource.RUSAGE_CHILDREN),
        }
    )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="generate into (or reuse) this folder")
    parser.add_argument(
        "--scale",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="also open 2N articles headless (default: when N <= 10,000)",
    )
    parser.add_argument("--no-window", action="store_true", help="headless figures only")
    parser.add_argument("--json", action="store_true", help="only the JSON line")
    args = parser.parse_args()
    scale = args.articles <= 10_000 if args.scale is None else args.scale
    result = run(args.articles, args.keep, scale=scale, window=not args.no_window)
    if not args.json:
        for key, value in result.items():
            if isinstance(value, dict):
                print(f"{key:>34}:", file=sys.stderr)
                for k, v in value.items():
                    print(f"{k:>38}: {v}", file=sys.stderr)
            else:
                print(f"{key:>34}: {value}", file=sys.stderr)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
