"""Speed of candidate finding (`extract_candidates`) per document, beside the tagger's.

Prints one JSON line. The folder's files are read, named and tagged first (not timed); then
the candidates of every document are found with one title context for the corpus, as the
engines do, best of several passes, CPU time (less disturbed than wall time by other work on
the machine). `--per-document` forgets the titles a context made between documents, for a
figure without the corpus's repeated sentences.

    python benchmarks/bench_candidates.py FOLDER [--reps 3] [--limit N] [--per-document]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from timeline_app.ingest.extract import extract_candidates, tag_document
from timeline_app.ingest.file_results import extract_file
from timeline_app.ingest.files import find_files
from timeline_app.ingest.language import dates_language
from timeline_app.ingest.manifest import read_manifest
from timeline_app.ingest.names import Names
from timeline_app.ingest.preview import merged_names
from timeline_app.ingest.titles import TitleContext
from timeline_app.model import Document
from timeline_app.temporal import Timex

Pair = tuple[Document, list[Timex]]


def _load(folder: Path, limit: int | None) -> tuple[list[Pair], Names]:
    """The folder's dated documents with their time expressions, and the corpus's names."""
    found = find_files(folder)
    manifest = read_manifest(found.folder, found.manifest_folders)
    pairs: list[Pair] = []
    names: list[Names] = []
    for file in found.files:
        try:
            result = extract_file(file, found.rel(file), found.read(file), manifest, {})
        except (OSError, ValueError):
            continue
        names.extend(result.names)
        dated = zip(result.documents, result.timexes, strict=True)
        pairs.extend(p for p in dated if dates_language(p[0].language))
    return pairs[:limit], merged_names(names)


def _best(reps: int, run: object) -> float:
    best = float("inf")
    for _ in range(reps):
        started = time.process_time()
        run()  # type: ignore[operator]
        best = min(best, time.process_time() - started)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--limit", type=int, help="the first N documents only")
    parser.add_argument("--per-document", action="store_true")
    args = parser.parse_args()
    pairs, names = _load(args.folder, args.limit)
    found: list[int] = []

    def candidates() -> None:
        ctx = TitleContext(names)
        found.clear()
        for doc, timexes in pairs:
            if args.per_document:
                ctx.titles.clear()
            found.append(len(extract_candidates(doc, ctx, timexes)))

    def tagging() -> None:
        for doc, _ in pairs:
            tag_document(doc)

    cand_s, tag_s = _best(args.reps, candidates), _best(args.reps, tagging)
    n = max(len(pairs), 1)
    print(
        json.dumps(
            {
                "folder": str(args.folder),
                "documents": len(pairs),
                "statements": sum(found),
                "candidates_cpu_s": round(cand_s, 3),
                "candidates_ms_per_doc": round(1000 * cand_s / n, 3),
                "tag_cpu_s": round(tag_s, 3),
                "tag_ms_per_doc": round(1000 * tag_s / n, 3),
                "candidates_to_tag": round(cand_s / tag_s, 2) if tag_s else None,
                "per_document_titles": args.per_document,
            }
        )
    )


if __name__ == "__main__":
    main()
