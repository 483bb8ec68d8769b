"""Each document's language: other languages load, are named once, and are never dated."""

import json
import os
import re
import subprocess
import sys

import pytest

from timeline_app.ingest import load_corpus
from timeline_app.ingest.language import (
    _ENGLISH_WORDS,
    SAMPLE_CHARS,
    _has_letters,
    _plainly_english,
    detect,
    document_language,
    normalise,
    page_language,
    story_sample,
)
from timeline_app.model import Span

ENGLISH = """Ministers meet in Minsk

The foreign ministers of the Collective Security Treaty Organisation met in Minsk on 3 May 2021. \
According to a statement released on Tuesday, they approved a plan of cooperation until December \
2022. The Secretary General recalled that joint exercises planned for May 2016 had been postponed \
several times.
"""

# (file, ISO code, name in the problem, text): news-like, with dates the English rules would tag
FOREIGN = [
    (
        "de.txt",
        "de",
        "German",
        """Außenminister beraten in Eriwan

Die Außenminister der Organisation des Vertrags über kollektive Sicherheit sind am Montag in \
Eriwan zusammengekommen. Bereits im Mai 2016 hatten sie vereinbart, die Zusammenarbeit bei der \
Grenzsicherung auszubauen. Am 3. Mai 2021 erklärte der Generalsekretär, die gemeinsamen Manöver \
sollten im kommenden Jahr fortgesetzt werden. Kritiker bemängeln, dass die Beschlüsse bisher kaum \
umgesetzt worden seien.
""",
    ),
    (
        "fr.txt",
        "fr",
        "French",
        """Les ministres réunis à Minsk

Les ministres des Affaires étrangères de l'Organisation du traité de sécurité collective se sont \
réunis le 3 mai 2021 à Minsk. Selon le communiqué publié mardi, ils ont approuvé un plan de \
coopération jusqu'en décembre 2022. Le secrétaire général a rappelé que les exercices conjoints \
prévus en mai 2016 avaient été reportés à plusieurs reprises.
""",
    ),
    (
        "es.txt",
        "es",
        "Spanish",
        """Los ministros se reúnen en Minsk

Los ministros de Asuntos Exteriores de la Organización del Tratado de Seguridad Colectiva se \
reunieron el 3 de mayo de 2021 en Minsk. Según el comunicado difundido el martes, aprobaron un plan \
de cooperación hasta diciembre de 2022. El secretario general recordó que las maniobras conjuntas \
previstas para mayo de 2016 se habían aplazado varias veces.
""",
    ),
    (
        "ru.txt",
        "ru",
        "Russian",
        """Министры встретились в Минске

Министры иностранных дел стран Организации Договора о коллективной безопасности встретились \
3 мая 2021 года в Минске. Как говорится в заявлении, опубликованном во вторник, они утвердили план \
сотрудничества до декабря 2022 года. Генеральный секретарь напомнил, что совместные учения, \
намеченные на май 2016 года, несколько раз откладывались.
""",
    ),
]
GERMAN = FOREIGN[0][3]
FRENCH = FOREIGN[1][3]
GERMAN_QUOTE = """Chancellor defends the budget

The chancellor defended the budget in parliament on 3 May 2021. "Wir haben keine andere Wahl, und \
wir werden diesen Weg gemeinsam gehen", she told deputies, adding that the plan would be reviewed \
in December. Opposition leaders said the figures were unrealistic and called for a vote before \
the summer recess.
"""


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    folder = tmp_path_factory.mktemp("mixed")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    for name, _, _, text in FOREIGN:
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def timeline(mixed):
    return load_corpus(mixed)


def files_dated(timeline):
    return {s.doc_id for e in timeline.events for s in e.sources}


@pytest.mark.parametrize(("name", "code", "language", "text"), FOREIGN)
def test_foreign_document_loads_undated_with_one_named_problem(
    timeline, name, code, language, text
):
    doc = timeline.documents[name]
    assert doc.language == code
    assert doc.text == text, "still readable in the source view"
    assert name not in files_dated(timeline), "no English rules on foreign text"
    assert [p.reason for p in timeline.problems if p.path == name] == [
        f"{language} — dating not supported yet"
    ]


def test_english_beside_them_is_dated_as_if_alone(timeline, mixed, tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    alone = load_corpus(tmp_path)
    assert timeline.documents["en.txt"].language == "en"
    assert not [p for p in timeline.problems if p.path == "en.txt"]
    assert files_dated(timeline) == {"en.txt"}
    key = [(e.date.iso(), e.title) for e in alone.events]
    assert [(e.date.iso(), e.title) for e in timeline.events] == key and len(key) >= 3


def test_a_header_date_dates_no_foreign_lead(tmp_path):
    # an English lead would become an event of its publication day; a German one must not
    (tmp_path / "de.txt").write_text("Veröffentlicht: 21.11.2023\n\n" + GERMAN, encoding="utf-8")
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    timeline = load_corpus(tmp_path)
    assert timeline.documents["de.txt"].published.iso() == "2023-11-21"
    assert "de.txt" not in files_dated(timeline)


def run_events(folder, **env):
    return subprocess.run(
        [sys.executable, "-m", "timeline_app", "events", str(folder), "-o", str(folder / "out")],
        capture_output=True,
        env={**os.environ, **env},
        text=True,
    )


def test_cli_names_the_language_without_calling_the_file_skipped(mixed, tmp_path):
    out = run_events(mixed)
    assert out.returncode == 0, out.stderr
    lines = out.stderr.splitlines()
    for name, _, language, _ in FOREIGN:
        assert f"timeline-app: {name}: {language} — dating not supported yet" in lines
    assert "skipped" not in out.stderr and "Traceback" not in out.stderr
    events = json.loads((mixed / "out").read_text(encoding="utf-8"))
    assert {s["file"] for e in events for s in e["sources"]} == {"en.txt"}


def test_cli_problem_line_is_escaped_on_an_ascii_terminal(mixed):
    out = run_events(mixed, PYTHONIOENCODING="ascii")
    assert out.returncode == 0, out.stderr
    assert "timeline-app: de.txt: German \\u2014 dating not supported yet" in out.stderr


@pytest.mark.parametrize(
    ("text", "manifest", "page", "expected", "why"),
    [
        ("Talks ended on 3 May 2021.", None, None, "en", "too short to tell: English"),
        ("Gespräche am 3. Mai 2021 beendet.", None, None, "en", "too short, nothing declared"),
        ("Gespräche am 3. Mai 2021 beendet.", None, "de", "de", "too short: the page's word"),
        (ENGLISH, None, None, "en", "English"),
        (GERMAN_QUOTE, None, None, "en", "an English story quoting German stays English"),
        (ENGLISH, None, "de", "en", "a confident detection beats a site's default language"),
        (FRENCH, None, "en", "fr", "a French article on a page declaring English"),
        (ENGLISH, "de", None, "de", "the manifest is the user's word: it wins"),
        (GERMAN, "en-GB", "de", "en", "... over the text and the page alike"),
        (ENGLISH, None, "en-US", "en", "a region tag is dropped"),
    ],
)
def test_which_source_wins(text, manifest, page, expected, why):
    assert document_language(text, manifest=manifest, page=page) == expected, why


def test_menus_and_captions_do_not_vote():
    menu = "Home | News | Sport | Weather | Sign in to your account | Subscribe to our newsletter\n"
    text = menu * 30 + GERMAN  # more menu than the sample holds
    non_story = [Span(0, len(menu) * 30, "boilerplate")]
    assert document_language(text, non_story) == "de"
    assert document_language(text) == "en", "the menus alone would have said English"


def test_the_sample_is_bounded():
    text = ENGLISH * 200  # whitespace is collapsed after the cut: a little under the bound
    assert SAMPLE_CHARS - 50 < len(story_sample(text)) <= SAMPLE_CHARS
    assert (
        SAMPLE_CHARS - 50
        < len(story_sample(text, [Span(10, 50), Span(100, 20_000)]))
        <= SAMPLE_CHARS
    )


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-GB", "en"),
        ("de_DE", "de"),
        ("German", "de"),
        ("deu", "de"),
        ("eng", "en"),
        ("fil", "fil"),
        ("", None),
        (None, None),
        (42, None),
        ("not a language", None),
    ],
)
def test_declared_languages_read_as_codes(declared, expected):
    assert normalise(declared) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<!DOCTYPE html><html class="no-js" lang="en-AU"><head>', "en-AU"),
        ("<html lang=fr>", "fr"),
        ('<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="de" lang="de">', "de"),
        ("<html><body lang='es'>", None),
        ("<p>no html element</p>", None),
    ],
)
def test_page_language_is_the_html_element_lang(html, expected):
    assert page_language(html) == expected


def test_declared_languages_of_records_and_pages_are_used(tmp_path):
    records = [
        {"title": "Kurz", "language": "de", "text": "Gespräche am 3. Mai 2021 beendet."},
        {"title": "Long", "language": "de", "text": ENGLISH},
    ]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    (tmp_path / "page.html").write_text(
        f'<html lang="en"><body><article><p>{FRENCH}</p></article></body></html>', encoding="utf-8"
    )
    timeline = load_corpus(tmp_path)
    languages = {d.id: d.language for d in timeline.documents.values()}
    assert languages == {"feed.jsonl#1": "de", "feed.jsonl#2": "en", "page.html": "fr"}
    named = {p.path: p.reason for p in timeline.problems}
    assert named == {
        "feed.jsonl#1": "German — dating not supported yet",
        "page.html": "French — dating not supported yet",
    }


def test_the_manifest_wins(mixed, tmp_path):
    (tmp_path / "en.txt").write_text(ENGLISH, encoding="utf-8")
    (tmp_path / "manifest.json").write_text(
        json.dumps({"documents": {"en.txt": {"language": "de"}}})
    )
    timeline = load_corpus(tmp_path)
    assert timeline.documents["en.txt"].language == "de" and not timeline.events


@pytest.mark.parametrize(
    ("sample", "expected", "why"),
    [
        ("the 12 " * 27, "en", "81 letters among digits and blanks: enough to judge"),
        ("the 12 " * 26, None, "78 letters, however long the sample: too few to judge"),
        ("the, " * 26 + "of", "en", "80 letters exactly"),
        ("the, " * 26 + "o", None, "79 letters"),
        ("1234567890 " * 200, None, "no letters in 2,200 characters"),
    ],
)
def test_a_verdict_needs_enough_letters(sample, expected, why):
    assert detect(sample) == expected, why


@pytest.mark.parametrize(
    "text",
    ["", "abc", "a1" * 60, "1" * 79 + "a" * 80, "é ñ ß 中文 " * 20, "x" * 79, " ." * 300 + "word"],
)
@pytest.mark.parametrize("n", [1, 2, 79, 80, 81, 200])
def test_letters_are_counted_as_far_as_needed_with_the_whole_counts_verdict(text, n):
    assert _has_letters(text, n) == (sum(c.isalpha() for c in text) >= n)


@pytest.mark.parametrize(
    "sample",
    [
        ENGLISH,
        ENGLISH.upper(),
        "the_of and_to 2021x the2 of³ a½ in is that for on was " * 5,
        "die Außenminister der Organisation sind am Montag in Eriwan zusammengekommen " * 5,
        "the of and to a in is that for on was with said by at as it from has über ² " * 3,
        "the of and to a in is that for on was with said by at as it from has have "
        + "ü é ß " * 30,
        *(text for _, _, _, text in FOREIGN),
    ],
)
def test_english_by_its_function_words_as_the_letter_pattern_reads_them(sample):
    words = re.findall(r"[^\W\d_]+", sample.lower())
    english = sum(w in _ENGLISH_WORDS for w in words)
    expected = len(words) >= 20 and english >= 0.2 * len(words)
    assert _plainly_english(sample) is expected
