"""Speed of `tag` on the TimeBank+AQUAINT texts, against dateparser's `search_dates`.

Prints one JSON line. The tagger runs on all 256 documents (one warm-up pass, then the best
of several timed passes); dateparser is much slower, so it is timed on a subset and its
per-document rate is extrapolated (the output says so).

    python benchmarks/bench_tagger.py [--reps 5] [--dateparser-docs 30]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
import warnings

from timeline_app.paths import SHARED_EVAL
from timeline_app.temporal import tag

GOLD = SHARED_EVAL / "timebank-aquaint.jsonl"


def _load() -> list[dict[str, str]]:
    with open(GOLD, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _time_tagger(docs: list[dict[str, str]], reps: int) -> float:
    """Best wall time of `reps` passes over all documents, after one warm-up pass."""
    for d in docs:
        tag(d["text"], dct=d["dct"])
    best = float("inf")
    for _ in range(reps):
        started = time.perf_counter()
        for d in docs:
            tag(d["text"], dct=d["dct"])
        best = min(best, time.perf_counter() - started)
    return best


def _time_dateparser(docs: list[dict[str, str]]) -> float | None:
    """Seconds per document for dateparser.search_dates, or None if not installed."""
    try:
        from dateparser.search import search_dates
    except ImportError:
        return None
    warnings.simplefilter("ignore")
    base = dt.datetime.fromisoformat(docs[0]["dct"][:10])
    search_dates(docs[0]["text"], settings={"RELATIVE_BASE": base})  # warm-up (loads data)
    started = time.perf_counter()
    for d in docs:
        base = dt.datetime.fromisoformat(d["dct"][:10])
        search_dates(d["text"], settings={"RELATIVE_BASE": base})
    return (time.perf_counter() - started) / len(docs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reps", type=int, default=5)
    ap.add_argument("--dateparser-docs", type=int, default=30)
    args = ap.parse_args()
    docs = _load()
    best = _time_tagger(docs, args.reps)
    tagger_rate = len(docs) / best
    per_doc = _time_dateparser(docs[: args.dateparser_docs]) if args.dateparser_docs > 0 else None
    dp_rate = 1 / per_doc if per_doc else None
    print(
        json.dumps(
            {
                "docs": len(docs),
                "chars": sum(len(d["text"]) for d in docs),
                "tagger_docs_per_s": round(tagger_rate, 1),
                "tagger_best_of": args.reps,
                "dateparser_docs_per_s": round(dp_rate, 2) if dp_rate else None,
                "dateparser_note": (
                    f"timed on the first {args.dateparser_docs} docs, extrapolated per doc"
                    if dp_rate
                    else "dateparser not importable"
                ),
                "ratio": round(tagger_rate / dp_rate, 1) if dp_rate else None,
            }
        )
    )


if __name__ == "__main__":
    main()
