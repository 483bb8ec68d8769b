"""Events a reader can trust: the shared event-dating set scored, with the speed, against a
peer build in the same run.

Builds the shared event set (../shared/eval/events_corpus.py: 256 TimeBank+AQUAINT articles),
runs the real `timeline-app events DIR --format json` on it with a fresh project store, and
prints the scorer's figures (../shared/eval/score_events.py) and the title lint's count
(check_titles.py) beside the seconds taken and articles/s. The same commands run on a
baseline revision of this repository (default: a9c1c2d, before time expressions had roles),
extracted with `git archive` into a temporary folder and run with the same interpreter, so
the speed ratio is measured on the same machine under the same load. Timed runs alternate
between the two builds; the best of `--repeat` runs counts (a loaded machine only slows).

    python benchmarks/bench_events.py [--repeat 3] [--baseline REV] [--json]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from timeline_app.paths import PROJECT_ROOT, SHARED_EVAL

BASELINE = "a9c1c2d"
HEADLINE = (
    "date_P_strict",
    "date_P",
    "off",
    "no_gold_time",
    "R_exact",
    "bound_gold",
    "bound_expr",
    "event_P",
    "ev_per_doc",
    "sources",
    "events",
)


def _events(code: Path, corpus: Path, out: Path) -> float:
    """Seconds of one `timeline-app events` run of the code in `code`, fresh store."""
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TIMELINE_APP_HOME=home, PYTHONPATH=str(code))
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "timeline_app",
                "events",
                str(corpus),
                "--format",
                "json",
                "-o",
                str(out),
            ],
            env=env,
            cwd=code,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # cwd: `-m` puts the working folder first on sys.path
        return time.perf_counter() - started


def _score(events: Path) -> dict[str, float]:
    run = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "score_events.py"), str(events), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(run.stdout)["ALL"]


def _titles_flagged(events: Path) -> str:
    run = subprocess.run(
        [sys.executable, str(SHARED_EVAL / "check_titles.py"), str(events)],
        check=True,
        capture_output=True,
        text=True,
    )
    last = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else ""
    return last.removeprefix("TITLES ").strip()


def _baseline(rev: str, into: Path) -> Path:
    archive = subprocess.run(
        ["git", "-C", str(PROJECT_ROOT), "archive", rev, "timeline_app"],
        check=True,
        capture_output=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    return into


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each build")
    parser.add_argument("--baseline", default=BASELINE, help="git revision to compare with")
    parser.add_argument("--json", action="store_true", help="one JSON object, no table")
    args = parser.parse_args()
    if not (SHARED_EVAL / "events_corpus.py").exists():
        sys.exit(f"bench_events: the shared event set is not at {SHARED_EVAL}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        corpus = tmp_path / "corpus"
        subprocess.run(
            [sys.executable, str(SHARED_EVAL / "events_corpus.py"), str(corpus)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        n_docs = sum(1 for _ in corpus.glob("*.txt"))
        builds = {"ours": PROJECT_ROOT, "baseline": _baseline(args.baseline, tmp_path)}
        seconds: dict[str, list[float]] = {name: [] for name in builds}
        for _ in range(args.repeat):
            for name, code in builds.items():
                seconds[name].append(_events(code, corpus, tmp_path / f"{name}.json"))
        result: dict[str, object] = {"articles": n_docs, "baseline_rev": args.baseline}
        for name in builds:
            figures = _score(tmp_path / f"{name}.json")
            best = min(seconds[name])
            result[name] = {
                **{k: figures[k] for k in HEADLINE},
                "titles_flagged": _titles_flagged(tmp_path / f"{name}.json"),
                "seconds": round(best, 2),
                "articles_per_s": round(n_docs / best, 1),
            }
    ours, base = result["ours"], result["baseline"]
    result["speed_ratio"] = round(ours["articles_per_s"] / base["articles_per_s"], 2)  # type: ignore[index]
    if args.json:
        print(json.dumps(result))
        return
    print(f"{'':16}{'ours':>14}{'baseline ' + args.baseline:>22}")
    for key in (*HEADLINE, "titles_flagged", "seconds", "articles_per_s"):
        print(f"{key:16}{str(ours[key]):>14}{str(base[key]):>22}")  # type: ignore[index]
    print(
        f"EVENTS date_P_strict {ours['date_P_strict']} bound_gold {ours['bound_gold']} "  # type: ignore[index]
        f"off {ours['off']} R_exact {ours['R_exact']} | {ours['articles_per_s']} articles/s, "  # type: ignore[index]
        f"{result['speed_ratio']} x the baseline's {base['articles_per_s']}"
    )  # type: ignore[index]


if __name__ == "__main__":
    main()
