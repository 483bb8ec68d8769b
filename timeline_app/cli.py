"""Command line: the GUI by default, and headless subcommands for the same work.

timeline-app [PATH]                              open the GUI (default: the shipped corpus)
timeline-app events PATH [--format json|csv|xlsx|timelinejs|ics] [-o F]   the events as data
timeline-app export PATH -o OUT.png|.svg|.pdf [--width N] [--dpi N] [--from DATE --to DATE]
             [--theme light|dark] [--page A4|Letter|A3] [--orientation landscape|portrait]
             [--fit one-page|split]                draw the timeline, or a date range of it
timeline-app chronology PATH -o OUT.md|.html|.pdf [--starred] [--tag T]
                                                   the chosen events as a written chronology
timeline-app build FOLDER [--engine local|dask] [--scheduler ADDRESS] [--workers N] [--rebuild]
                                                   extract and merge into the project store

PATH is a folder of articles, one article, or a data file: TimelineJS3 (or 2) JSON, a
TimelineJS spreadsheet saved as CSV, or the event JSON that `events --format json` writes.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from .ingest import CorpusError
from .ingest.language import is_unsupported_problem
from .model import Problem, Timeline
from .paths import SHIPPED_CORPUS
from .terminal import shown, shown_lines

__all__ = ["main"]

PROG = "timeline-app"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    commands = {
        "events": _events,
        "export": _export,
        "tag": _tag,
        "build": _build,
        "chronology": _chronology,
    }
    if args and args[0] in commands:
        parser = _command_parser(args[0])
        try:
            return commands[args[0]](parser.parse_args(args[1:]))
        finally:
            _report_late()
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

    return run_gui(ns.path or SHIPPED_CORPUS)  # through the project store, in the background


def _command_parser(command: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"{PROG} {command}")
    if command == "tag":
        parser.add_argument("file", type=Path, nargs="?", help="a plain-text article")
        parser.add_argument("--dct", help="document creation time, e.g. 2023-11-26")
        parser.add_argument("--jsonl", type=Path, help='lines of {"doc", "dct", "text"}')
        parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
        return parser
    if command == "build":
        return _build_parser(parser)
    parser.add_argument(
        "path",
        type=Path,
        help="a folder of articles, one article, or a TimelineJS (JSON or CSV) or event JSON file",
    )
    if command == "chronology":
        return _chronology_parser(parser)
    if command == "events":
        from .formats import DATA_FORMATS  # no pictures: the events command never loads them

        parser.add_argument(
            "--format",
            choices=list(DATA_FORMATS),
            default="json",
            help="json: our event records; csv: one row per event; xlsx: the "
            "same rows as an Excel workbook; timelinejs: TimelineJS3 JSON; "
            "ics: iCalendar (default: json)",
        )
        parser.add_argument("-o", "--output", help="write here instead of stdout")
        return parser
    from .render.arguments import add_export_arguments

    add_export_arguments(parser)
    return parser


def _load(path: Path) -> Timeline | None:
    """The corpus with the user's edits from its project store (see README, "Project store")."""
    from .project import Project

    try:
        project = Project(path)
    except CorpusError as exc:
        _say(f"{PROG}: {exc}")
        return None
    timeline = project.timeline
    _report(timeline.problems)
    _OPENED.append((project, {str(p) for p in timeline.problems}))
    if not timeline.events and not timeline.documents:  # a data file none of whose slides
        _say(f"{PROG}: {path}: nothing could be loaded (no event to place on the timeline)")
        return None  # could be placed: as for a folder in which nothing could be read
    return timeline


# the projects a command opened, with the problems said when it did: what their stores
# find later (damage found when an article is first read) is said at the end (`_report_late`)
_OPENED: list[tuple[Any, set[str]]] = []


def _report_late() -> None:
    """The store's notices that came after the timeline's problems were said."""
    from .store import STORE_PROBLEM

    while _OPENED:
        project, said = _OPENED.pop()
        late = [Problem(STORE_PROBLEM, n) for n in project.store.notices]
        _report([p for p in late if str(p) not in said])


def _report(problems: list[Problem]) -> None:
    """One line per file that failed (or loaded with something to say) on stderr."""
    from .store import STORE_PROBLEM

    for problem in problems:
        # a document in another language loaded; the store's line names no skipped file
        loaded = is_unsupported_problem(problem.reason) or problem.path == STORE_PROBLEM
        verb = "" if loaded else "skipped "
        _say(f"{PROG}: {verb}{problem}")


def _say(line: str, file: TextIO | None = None) -> None:
    """Print one line (stderr by default) with every control character in it escaped: file
    names and document text are a corpus author's to choose, and must not drive the terminal
    or forge a line of ours (see terminal.py)."""
    print(shown(line), file=file or sys.stderr)


def _events(ns: argparse.Namespace) -> int:
    if ns.output:
        from .ingest.files import input_clash

        clash = input_clash(ns.path, Path(ns.output))
        if clash:
            _say(f"{PROG} events: will not write {ns.output}: it is {clash}; nothing written")
            return 2
    from .formats.writing import BINARY_FORMATS, data_bytes

    if ns.format in BINARY_FORMATS and not ns.output and sys.stdout.isatty():
        _say(
            f"{PROG} events: {ns.format} is a binary file, not for a terminal; "
            f"give -o FILE.{ns.format}"
        )
        return 2
    timeline = _load(ns.path)
    if timeline is None:
        return 1
    if ns.format == "json":  # streamed, record by record: no corpus-sized string
        return _stream_json(timeline, ns.output)
    data = data_bytes(timeline, ns.format)
    try:
        if ns.output:
            Path(ns.output).write_bytes(data)
        elif ns.format in BINARY_FORMATS:
            sys.stdout.flush()
            sys.stdout.buffer.write(data)
        else:  # a byte order mark is for files; a pipe or a terminal gets the text alone
            text = data.decode("utf-8").removeprefix("\ufeff")
            # on a terminal the data is for a person to read, and names must not drive it;
            # into a pipe or a file it goes unchanged
            sys.stdout.write(shown_lines(text) if sys.stdout.isatty() else text)
    except OSError as exc:
        _say(f"{PROG}: cannot write {ns.output}: {exc.strerror or exc}")
        return 1
    return 0


def _stream_json(timeline: Timeline, output: str | None) -> int:
    from .formats.writing import stream_json, write_data

    try:
        if output:
            write_data(timeline, "json", output)
        elif sys.stdout.isatty():  # for a person to read: names must not drive the terminal
            stream_json(timeline, lambda chunk: sys.stdout.write(shown_lines(chunk)))
        else:
            stream_json(timeline, sys.stdout.write)
    except OSError as exc:
        _say(f"{PROG}: cannot write {output}: {exc.strerror or exc}")
        return 1
    return 0


def _export(ns: argparse.Namespace) -> int:
    from .render.arguments import image_options
    from .render.image import Subject, export_image, image_format

    try:
        image_format(ns.output)
        options = image_options(ns)
    except ValueError as exc:
        _say(f"{PROG} export: {exc}")
        return 2
    timeline = _load(ns.path)
    if timeline is None:
        return 1
    try:
        out = export_image(Subject.of(timeline, lane_mode=ns.lanes), ns.output, options)
    except OSError as exc:
        _say(f"{PROG}: cannot write {ns.output}: {exc.strerror or exc}")
        return 1
    except ValueError as exc:
        _say(f"{PROG} export: {exc}")
        return 2
    _say(f"wrote {out} ({len(timeline.events)} events)", sys.stdout)
    return 0


def _chronology_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    parser.description = (
        "Write the chosen events (all of them not hidden, or only the starred ones, or those "
        "with a tag) as a chronology to hand in: date, title, note, each source's quoted "
        "sentence and its citation."
    )
    parser.add_argument(
        "-o", "--output", required=True, type=Path, help="OUT.md, OUT.html or OUT.pdf"
    )
    parser.add_argument("--starred", action="store_true", help="only the starred events")
    parser.add_argument("--tag", help="only the events with this tag (any case)")
    parser.add_argument("--title", help="the document's title (default: Chronology: NAME)")
    return parser


def _chronology(ns: argparse.Namespace) -> int:
    from .render.chronology import chronology_format, write_chronology

    try:
        chronology_format(ns.output)
    except ValueError as exc:
        _say(f"{PROG} chronology: {exc}")
        return 2
    timeline = _load(ns.path)
    if timeline is None:
        return 1
    try:
        entries = write_chronology(
            timeline, ns.output, starred=ns.starred, tag=ns.tag, title=ns.title
        )
    except OSError as exc:
        _say(f"{PROG}: cannot write {ns.output}: {exc.strerror or exc}")
        return 1
    n = len(entries)
    if not n:
        chosen = " and ".join(
            w
            for w in ("starred" if ns.starred else "", f"tagged {ns.tag!r}" if ns.tag else "")
            if w
        )
        _say(f"{PROG} chronology: no event is {chosen or 'shown'}: the chronology lists none")
    _say(f"wrote {ns.output} ({n} event{'s' if n != 1 else ''})", sys.stdout)
    return 0


def _tag(ns: argparse.Namespace) -> int:
    from .temporal import tag
    from .temporal.jsonl import timex_record

    if (ns.file is None) == (ns.jsonl is None):
        _say(f"{PROG} tag: give either FILE or --jsonl IN.jsonl")
        return 2
    if ns.jsonl:
        return _tag_jsonl(ns)
    from .ingest.files import read_regular

    try:  # a FIFO or a device named here is refused like one in a folder, never read
        text = read_regular(ns.file).decode("utf-8-sig")
        lines = [
            json.dumps(timex_record(t), ensure_ascii=False) + "\n" for t in tag(text, dct=ns.dct)
        ]
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        _say(f"{PROG} tag: {ns.jsonl or ns.file}: {exc}")
        return 1
    out = ns.output.open("w", encoding="utf-8") if ns.output else sys.stdout
    out.writelines(lines)
    if ns.output:
        out.close()
    return 0


def _tag_jsonl(ns: argparse.Namespace) -> int:
    """Line by line: memory stays one document's whatever the file's size; a bad line
    (not UTF-8 included) is named and the others are tagged."""
    from .temporal.jsonl import tag_jsonl

    def problem(n: int, why: str) -> None:
        _say(f"{PROG} tag: {ns.jsonl}: line {n}: {why}")

    try:
        with open(ns.jsonl, "rb") as src:
            out = ns.output.open("w", encoding="utf-8") if ns.output else sys.stdout
            try:
                out.writelines(line + "\n" for line in tag_jsonl(src, problem=problem))
            finally:
                if ns.output:
                    out.close()
    except OSError as exc:
        _say(f"{PROG} tag: {exc.filename or ns.jsonl}: {exc.strerror or exc}")
        return 1
    return 0


def _build_parser(parser: argparse.ArgumentParser) -> argparse.ArgumentParser:
    from .ingest.engines import ENGINES

    parser.description = (
        "Extract the articles of FOLDER and merge their events into its project store, the "
        "one the window and the other commands open (they then read it from there)."
    )
    parser.add_argument("path", type=Path, metavar="FOLDER", help="a folder of articles")
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: this machine's processes (default); dask: a Dask distributed cluster "
        "(the 'dask' extra: pip install 'timeline-app[dask]')",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="the Dask scheduler to use, e.g. tcp://10.0.0.5:8786 (default: a local cluster "
        "of the machine's cores, started and stopped here)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes of the local pool or of the local Dask cluster (default: as many as "
        "the folder's size and the cores call for)",
    )
    parser.add_argument(
        "--rebuild",
        action="store_true",
        help="extract and merge every file again, even those the store has cached",
    )
    return parser


def _build(ns: argparse.Namespace) -> int:
    from .formats import is_data_file
    from .ingest.engines import EngineError, open_engine
    from .project import build
    from .store import StoreError, store_path_for

    if is_data_file(ns.path):
        _say(f"{PROG} build: {ns.path} is a data file, read as it is: nothing to build")
        return 2
    if ns.workers is not None and ns.workers < 1:
        _say(f"{PROG} build: --workers must be at least 1")
        return 2
    started = time.perf_counter()
    try:
        with open_engine(ns.engine, scheduler=ns.scheduler, workers=ns.workers) as engine:
            timeline = build(ns.path, engine=engine, rebuild=ns.rebuild)
    except EngineError as exc:
        _say(f"{PROG} build: {exc}")
        return 2
    except CorpusError as exc:
        _say(f"{PROG}: {exc}")
        return 1
    except StoreError as exc:
        _say(f"{PROG} build: {exc}; nothing kept")
        return 1
    _report(timeline.problems)
    folder = ns.path if ns.path.is_dir() else ns.path.parent
    _say(
        f"built {len(timeline.events)} events from {len(timeline.documents)} documents "
        f"in {time.perf_counter() - started:.1f} s ({ns.engine} engine) "
        f"into {store_path_for(folder)}",
        sys.stdout,
    )
    return 0
