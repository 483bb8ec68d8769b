"""Events from a folder of real web pages, with what looks wrong about them flagged.

    python benchmarks/real_pages.py FOLDER [--json] [--flagged-only]

Runs the real `timeline-app events FOLDER --format json` (in a fresh TIMELINE_APP_HOME, so no
cache from an earlier run hides a change), prints every event (file, date, precision, date
text, title) with its flags, then one summary line:

    REALPAGES events N, flagged titles T, non-date suspects D, non-English events F

Flags, because pages nobody here wrote show what tests we wrote cannot:
- title: the title lint of ../shared/eval/check_titles.py (fragments, markup, datelines);
- non-date: the date text reads as something else: template code, an amount with a currency
  or unit, a citation (volume, pages), a URL or path, a time of day alone, a year outside
  1800-2100;
- foreign: the document's language is not English (the `language` the JSON gives, else a
  stop-word guess on the sentence, shown as `lang?`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline_app.paths import SHARED_EVAL  # noqa: E402

CHECK_TITLES = SHARED_EVAL / "check_titles.py"
APP = Path(sys.executable).with_name("timeline-app")

_CURRENCY = r"(?:[$€£¥₹]|\b(?:US\$|USD|EUR|GBP|CHF|Rs\.?))"
_UNITS = (
    r"(?:%|percent|per\s?cent|prozent|pour\s?cent|por\s?ciento|euros?|dollars?|pounds"
    r"|francs|yen|yuan|rubles?|dólares|km|kilomet(?:er|re)s?|miles|mi|m|cm|mm|kg|g|mg|lbs?"
    r"|tons?|tonnes?|mph|km/h|gb|mb|tb|kb|mhz|ghz|hz|px|pixels?|dpi|mah|w|kw|mw|kwh|v"
    r"|people|persons|personnes|personen|personas|menschen|residents|users|votes"
    r"|employees|jobs|points|euro|mio\.?|mrd\.?|million|billion|millionen|milliarden"
    r"|millions|milliards|millones|mil|x)\b"
)
# (name, test on (date text, text before it in the sentence, text after it))
SUSPECTS: list[tuple[str, Callable[[str, str, str], bool]]] = [
    ("template code", lambda t, b, a: bool(re.search(r"\{\{|\}\}|\{%|\$\{", b[-40:] + t + a[:40]))),
    (
        "amount",
        lambda t, b, a: (
            bool(re.search(rf"{_CURRENCY}\s?$", b))
            or bool(re.match(rf"\s?{_UNITS}", a, re.I))
            or bool(re.match(rf"^{_CURRENCY}", t))
            or bool(re.search(r"\d\s?[x×]\s?$", b))
            or bool(re.match(r"\s?[x×]\s?\d", a))
        ),
    ),
    (
        "citation",
        lambda t, b, a: (
            bool(
                re.search(
                    r"(?:\b(?:vol|Vol|pp?|nr|Nr|No|no|S)\.|\b(?:issue"
                    r"|page|pages))\s*$",
                    b,
                )
            )
            or bool(re.match(r"^\s*[,:]\s*\d+\s*[-–]\s*\d+", a))
            or bool(re.search(r"\b\d{1,4}\s*,\s*$", b) and re.match(r"\s*[-–]\s*\d", a))
        ),
    ),
    ("URL or path", lambda t, b, a: _address(_glued(t, b, a))),
    (
        "time of day alone",
        lambda t, b, a: bool(
            re.fullmatch(
                r"(?i)(?:at\s+|around\s+)?\d{1,2}(?:[:.h]\d\d)?(?:\s*[ap]\.?\s?m\.?)?"
                r"(?:\s+[A-Z]{2,4})?|noon|midnight|midday|\d{1,2}\s+in\s+the\s+(?:morning|afternoon"
                r"|evening)",
                t.strip(),
            )
        ),
    ),
]
_YEAR = re.compile(r"^(\d{4})(?:$|-)")
_EN_WORDS = frozenset(
    re.findall(
        r"\S+",
        "the and of to in is was for that on with as by at from "
        "has have it are be this said not but an which who will were",
    )
)
_FOREIGN = frozenset(
    re.findall(
        r"\S+",
        (
            "der die das und ist nicht mit für den dem ein eine auf des sich von zu im auch "
            "le la les et est une des du dans pour pas qui que sur au avec aux ce il elle "
            "el los las y en por con una del para lo se su al es como más "
            "o os as um uma não em ao pelo pela são foi "
            "je se na že to ve od ale jak"
        ),
    )
)


def _glued(text: str, before: str, after: str) -> str:
    """The token a date text is glued into ("news/2019/05" around "2019"), else ""."""
    words = text.split() or [""]
    if before and not before[-1].isspace():
        return before.split()[-1] + words[0]
    if after and not after[0].isspace():
        return words[-1] + after.split()[0]
    return ""


def _address(token: str) -> bool:
    """Whether a token is a URL, a path, an e-mail address or a file name."""
    if re.search(r"://|www\.|@|\.(?:html?|php|aspx?|jpe?g|png|pdf)\b", token):
        return True
    return token.count("/") >= 2 and bool(re.search(r"[^\W\d_]", token))


def load_title_checks() -> list[tuple[str, Callable[[str], bool]]]:
    """The CHECKS of ../shared/eval/check_titles.py, or none when it is not there."""
    if not CHECK_TITLES.exists():
        return []
    spec = importlib.util.spec_from_file_location("check_titles", CHECK_TITLES)
    assert spec and spec.loader
    module: ModuleType = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return list(module.CHECKS)


def run_events(folder: Path) -> list[dict[str, Any]]:
    """`timeline-app events FOLDER --format json` with a private, empty app home."""
    with tempfile.TemporaryDirectory() as home:
        out = Path(home) / "events.json"
        env = {**os.environ, "TIMELINE_APP_HOME": home, "QT_QPA_PLATFORM": "offscreen"}
        cmd = [
            str(APP) if APP.exists() else "timeline-app",
            "events",
            str(folder),
            "--format",
            "json",
            "-o",
            str(out),
        ]
        run = subprocess.run(cmd, env=env, stderr=subprocess.PIPE, text=True)
        if run.returncode != 0 or not out.exists():
            sys.exit(
                f"real_pages: {' '.join(cmd[:3])} failed ({run.returncode}):\n"
                + "\n".join(run.stderr.strip().splitlines()[-8:])
            )
        sys.stderr.write(run.stderr)  # the app's notes: files it could not read or date
        return json.loads(out.read_text(encoding="utf-8"))


def non_date_reasons(source: dict[str, Any]) -> list[str]:
    """Why a source's date text may not be a date at all."""
    text, sentence = source.get("text") or "", source.get("sentence") or ""
    rel = source["date_start"] - source["start"]
    if sentence[rel : rel + len(text)] != text:
        rel = sentence.find(text)
    before, after = (sentence[:rel], sentence[rel + len(text) :]) if rel >= 0 else ("", "")
    reasons = [name for name, test in SUSPECTS if test(text, before, after)]
    year = _YEAR.match(source.get("date") or "")
    if year and not 1800 <= int(year[1]) <= 2100:
        reasons.append("year outside 1800-2100")
    return reasons


def language(event: dict[str, Any], source: dict[str, Any]) -> tuple[str, bool]:
    """The document's language and whether the JSON said so (else a stop-word guess)."""
    given = source.get("language") or event.get("language")
    if given:
        return str(given), True
    words = re.findall(r"[^\W\d_]+", (source.get("sentence") or "").lower())
    en = sum(w in _EN_WORDS for w in words)
    other = sum(w in _FOREIGN for w in words)
    return ("other" if other > en else "en"), False


def review(
    events: list[dict[str, Any]], title_checks: list[tuple[str, Callable[[str], bool]]]
) -> list[dict[str, Any]]:
    """One row per event with its flags."""
    rows = []
    for e in events:
        src = (e.get("sources") or [{}])[0]
        title = (e.get("title") or "").strip()
        lang, told = language(e, src)
        rows.append(
            {
                "file": src.get("file"),
                "date": e.get("date"),
                "precision": e.get("precision"),
                "text": src.get("text"),
                "title": title,
                "sentence": src.get("sentence"),
                "title_flags": [name for name, test in title_checks if test(title)],
                "non_date": non_date_reasons(src) if src else [],
                "language": lang,
                "language_given": told,
                "foreign": not lang.lower().startswith("en"),
            }
        )
    return rows


def summary(rows: list[dict[str, Any]]) -> str:
    """The one line to compare runs by."""
    t = sum(bool(r["title_flags"]) for r in rows)
    d = sum(bool(r["non_date"]) for r in rows)
    f = sum(r["foreign"] for r in rows)
    return (
        f"REALPAGES events {len(rows)}, flagged titles {t}, non-date suspects {d}, "
        f"non-English events {f}"
    )


def print_rows(rows: list[dict[str, Any]], flagged_only: bool) -> None:
    for r in sorted(rows, key=lambda r: (r["file"] or "", r["date"] or "")):
        flags = [f"title: {x}" for x in r["title_flags"]] + [
            f"non-date: {x}" for x in r["non_date"]
        ]
        if r["foreign"]:
            flags.append(f"foreign ({r['language']}{'' if r['language_given'] else '?'})")
        if flagged_only and not flags:
            continue
        print(
            f"{r['file']}\t{r['date']}\t{r['precision']}\t{r['text']!r}\t{r['title']!r}"
            + (f"\t[{'; '.join(flags)}]" if flags else "")
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--json", action="store_true", help="one JSON object: rows and summary")
    ap.add_argument("--flagged-only", action="store_true", help="print flagged events only")
    args = ap.parse_args()
    rows = review(run_events(args.folder), load_title_checks())
    if args.json:
        print(json.dumps({"rows": rows, "summary": summary(rows)}, ensure_ascii=False))
        return
    print_rows(rows, args.flagged_only)
    print(summary(rows))


if __name__ == "__main__":
    main()
