"""Command line: the GUI by default, and headless subcommands for the same work.

timeline-app [PATH]                              open the GUI (default: the shipped corpus)
timeline-app events PATH [--format json] [-o F]  print the events found
timeline-app export PATH -o OUT.png [--width N]  render the whole timeline to an image
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from .ingest import CorpusError, load_corpus
from .model import Timeline
from .paths import SHIPPED_CORPUS

__all__ = ["main"]

PROG = "timeline-app"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {"events": _events, "export": _export, "tag": _tag}
    if args and args[0] in commands:
        parser = _command_parser(args[0])
        return commands[args[0]](parser.parse_args(args[1:]))
    parser = argparse.ArgumentParser(
        prog=PROG, description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "path",
        nargs="?",
        type=Path,
        help="a folder of articles or one article (default: the shipped corpus)",
    )
    ns = parser.parse_args(args)
    from .gui.app import run_gui  # Qt is loaded only for the GUI

    return run_gui(ns.path or SHIPPED_CORPUS, load=load_corpus)


def _command_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} {command}")
    if command == "tag":
        parser.add_argument("file", type=Path, nargs="?", help="a plain-text article")
        parser.add_argument("--dct", help="document creation time, e.g. 2023-11-26")
        parser.add_argument("--jsonl", type=Path, help='lines of {"doc", "dct", "text"}')
        parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
        return parser
    parser.add_argument("path", type=Path, help="a folder of articles or one article")
    if command == "events":
        parser.add_argument("--format", choices=["json"], default="json")
        parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    else:
        parser.add_argument("-o", "--output", type=Path, required=True, help="the PNG to write")
        parser.add_argument("--width", type=int, default=1600, help="image width in pixels")
    return parser


def _load(path: Path) -> Timeline | None:
    """The corpus with the user's edits from its project store (see README, "Project store")."""
    from .store import Project

    try:
        timeline = Project(path).timeline
    except CorpusError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return None
    for problem in timeline.problems:
        print(f"{PROG}: skipped {problem}", file=sys.stderr)
    return timeline


def _events(ns: argparse.Namespace) -> int:
    timeline = _load(ns.path)
    if timeline is None:
        return 1
    from .export.events_json import timeline_records

    text = json.dumps(timeline_records(timeline), indent=2, ensure_ascii=False) + "\n"
    if ns.output:
        ns.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def _export(ns: argparse.Namespace) -> int:
    if ns.width < 200 or ns.width > 20000:
        print(f"{PROG}: --width must be between 200 and 20000 pixels", file=sys.stderr)
        return 2
    timeline = _load(ns.path)
    if timeline is None:
        return 1
    from .export.image import export_png

    try:
        out = export_png(timeline, ns.output, width=ns.width)
    except OSError as exc:
        print(f"{PROG}: cannot write {ns.output}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"wrote {out} ({len(timeline.events)} events)")
    return 0


def _tag(ns: argparse.Namespace) -> int:
    from .temporal import tag
    from .temporal.jsonl import tag_jsonl, timex_record

    if (ns.file is None) == (ns.jsonl is None):
        print(f"{PROG} tag: give either FILE or --jsonl IN.jsonl", file=sys.stderr)
        return 2
    try:
        if ns.jsonl:
            with open(ns.jsonl, encoding="utf-8") as fh:
                lines = [line + "\n" for line in tag_jsonl(fh)]
        else:
            text = ns.file.read_text(encoding="utf-8-sig")
            lines = [json.dumps(timex_record(t), ensure_ascii=False) + "\n"
                     for t in tag(text, dct=ns.dct)]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        print(f"{PROG} tag: {ns.jsonl or ns.file}: {exc}", file=sys.stderr)
        return 1
    out = ns.output.open("w", encoding="utf-8") if ns.output else sys.stdout
    out.writelines(lines)
    if ns.output:
        out.close()
    return 0
