"""Each document's language, so that the English-only tagger never dates other languages.

Which source wins: the manifest (the user's word) over everything; then a confident detection
on enough story text, over the page's `<html lang>` or a record's `language` (pages often
declare their site's default language, not the article's); then that declared language;
then English. Detection is py3langid (its model ships inside the package: nothing is
fetched) on the first SAMPLE_CHARS of the story text, so menus and captions do not vote and
a long article costs no more than a short one. Text plainly English by its function words
is taken as English without loading the model (about a second and 100 MB per process, paid
only once a document needs it), so an English corpus loads as fast as before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from ..model import Span

__all__ = [
    "SAMPLE_CHARS",
    "SUPPORTED",
    "dates_language",
    "detect",
    "document_language",
    "is_unsupported_problem",
    "language_name",
    "normalise",
    "page_language",
    "story_sample",
    "unsupported_problem",
]

SUPPORTED = frozenset({"en"})  # the languages the temporal tagger's lexicon covers
SAMPLE_CHARS = 2000  # of story text: enough for a firm verdict, bounded cost per document
_MIN_LETTERS = 80  # below about a sentence a verdict is a guess: the declared language wins
_MIN_CONFIDENCE = 0.9  # py3langid's probability; English called foreign never passes it
_ENGLISH_SHARE = 0.2  # English news: 0.24-0.41 of words are these; German, French, ...: < 0.1
_ENGLISH_MIN_WORDS = 20  # a foreign window of 20 words almost never reaches the share
_ENGLISH_WORDS_TEXT = """the of and to a in is that for on was with said by at as it from has
have were be are his her he she an this which but not had its their they will after who been"""
_ENGLISH_WORDS = frozenset(_ENGLISH_WORDS_TEXT.split())
_NOT_DATED = "dating not supported yet"

# ISO 639-1 codes py3langid knows, with their English names (the detector is limited to
# them, so a detected code is always a two-letter one we can name)
_NAME_TABLE = """
af Afrikaans, am Amharic, an Aragonese, ar Arabic, as Assamese, az Azerbaijani, ba Bashkir,
be Belarusian, bg Bulgarian, bn Bengali, br Breton, bs Bosnian, ca Catalan, cs Czech, cy Welsh,
da Danish, de German, dz Dzongkha, el Greek, en English, eo Esperanto, es Spanish, et Estonian,
eu Basque, fa Persian, fi Finnish, fo Faroese, fr French, fy Frisian, ga Irish,
gd Scottish Gaelic, gl Galician, gu Gujarati, ha Hausa, he Hebrew, hi Hindi, hr Croatian,
ht Haitian Creole, hu Hungarian, hy Armenian, id Indonesian, ig Igbo, is Icelandic, it Italian,
ja Japanese, jv Javanese, ka Georgian, kk Kazakh, km Khmer, kn Kannada, ko Korean, ku Kurdish,
ky Kyrgyz, la Latin, lb Luxembourgish, lg Ganda, ln Lingala, lo Lao, lt Lithuanian, lv Latvian,
mg Malagasy, mk Macedonian, ml Malayalam, mn Mongolian, mr Marathi, ms Malay, mt Maltese,
my Burmese, ne Nepali, nl Dutch, nn Norwegian Nynorsk, no Norwegian, oc Occitan, om Oromo,
or Odia, pa Punjabi, pl Polish, ps Pashto, pt Portuguese, qu Quechua, ro Romanian, ru Russian,
rw Kinyarwanda, sa Sanskrit, se Northern Sami, si Sinhala, sk Slovak, sl Slovenian, sn Shona,
so Somali, sq Albanian, sr Serbian, st Southern Sotho, sv Swedish, sw Swahili, ta Tamil,
te Telugu, tg Tajik, th Thai, tk Turkmen, tl Tagalog, tr Turkish, tt Tatar, ug Uyghur,
uk Ukrainian, ur Urdu, uz Uzbek, vi Vietnamese, vo Volapük, wa Walloon, xh Xhosa, yo Yoruba,
zh Chinese, zu Zulu"""
_NAMES = dict(re.findall(r"([a-z]{2}) ([^,]+)", " ".join(_NAME_TABLE.split())))
# what a manifest or page may say instead of a code: a name, or a common ISO 639-2 code
_ISO_639_2 = "eng en deu de ger de fra fr fre fr spa es ita it por pt rus ru ukr uk zho zh chi zh"
_ALIASES = {name.lower(): code for code, name in _NAMES.items()} | dict(
    zip(_ISO_639_2.split()[::2], _ISO_639_2.split()[1::2], strict=True)
)
_HTML_LANG = re.compile(
    r"<html\b[^>]*?\blang\s*=\s*[\"']?\s*([A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*)", re.I
)


def document_language(
    text: str,
    non_story: Sequence[Span] = (),
    *,
    manifest: str | None = None,
    page: str | None = None,
) -> str:
    """The document's ISO 639-1 code by the precedence in the module docstring."""
    return normalise(manifest) or detect(story_sample(text, non_story)) or normalise(page) or "en"


def detect(sample: str) -> str | None:
    """The sample's language when the evidence is firm, else None (too short, unsure)."""
    if not _has_letters(sample, _MIN_LETTERS):
        return None
    if _plainly_english(sample):
        return "en"
    code, confidence = _identifier().classify(sample)
    return code if confidence >= _MIN_CONFIDENCE else None


def story_sample(text: str, non_story: Sequence[Span] = ()) -> str:
    """The first SAMPLE_CHARS of the story text (captions, menus, header lines left out);
    the whole text's when too little of it is story (a page whose article was not found)."""
    parts, pos, size = [], 0, 0
    for span in sorted(non_story, key=lambda s: s.start):
        if size >= SAMPLE_CHARS:
            break
        if span.start > pos:
            parts.append(text[pos : span.start])
            size += span.start - pos
        pos = max(pos, span.end)
    if size < SAMPLE_CHARS:
        parts.append(text[pos : pos + SAMPLE_CHARS])
    sample = " ".join(" ".join(parts).split())[:SAMPLE_CHARS]
    if non_story and not _has_letters(sample, _MIN_LETTERS):
        return " ".join(text[: SAMPLE_CHARS * 2].split())[:SAMPLE_CHARS]
    return sample


def normalise(value: Any) -> str | None:
    """A declared language as a code: 'en-GB', 'EN', 'de_DE', 'German', 'deu' -> its ISO 639-1
    code; another short code is kept as written; anything else is no declaration."""
    if not isinstance(value, str):
        return None
    value = value.strip().lower()
    primary = re.split(r"[-_]", value, maxsplit=1)[0]
    if primary in _NAMES:
        return primary
    if value in _ALIASES or primary in _ALIASES:
        return _ALIASES.get(value) or _ALIASES[primary]
    return primary if re.fullmatch(r"[a-z]{2,3}", primary) else None


def page_language(html: str) -> str | None:
    """What `<html lang=…>` declares (as written), if anything."""
    m = _HTML_LANG.search(html, 0, 20_000)
    return m.group(1) if m else None


def dates_language(language: str) -> bool:
    """Whether the tagger may date a document in `language` (its rules are English)."""
    return language in SUPPORTED


def language_name(code: str) -> str:
    return _NAMES.get(code) or f"language {code!r}"


def unsupported_problem(code: str) -> str:
    """The problem named for a document whose language the tagger does not cover."""
    return f"{language_name(code)} — {_NOT_DATED}"


def is_unsupported_problem(reason: str) -> bool:
    """True for `unsupported_problem`'s words: the document loaded, it is only not dated."""
    return reason.endswith(f" — {_NOT_DATED}")


def _has_letters(text: str, n: int) -> bool:
    """Whether `text` holds at least `n` letters (str.isalpha), reading only as far as needed:
    each piece read is as long as the letters still missing, so a text of words is settled in
    about n characters, not its whole length (counted twice a document, 2,000 characters)."""
    pos = 0
    while n > 0:
        if len(text) - pos < n:
            return False
        piece = text[pos : pos + n]
        pos += n
        n -= sum(map(str.isalpha, piece))
    return True


def _plainly_english(sample: str) -> bool:
    low = sample.lower()
    words = (_ASCII_WORD if low.isascii() else _WORD).findall(low)
    if len(words) < _ENGLISH_MIN_WORDS:
        return False
    return sum(map(_ENGLISH_WORDS.__contains__, words)) >= _ENGLISH_SHARE * len(words)


_WORD = re.compile(r"[^\W\d_]+")  # runs of letters (and letter-like numerals: "²", "½")
# the same runs in ASCII text (where \w is [A-Za-z0-9_]), found twice as fast
_ASCII_WORD = re.compile(r"[a-z]+")


@cache
def _identifier() -> Any:
    """py3langid's identifier, loaded once per process (it takes about a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(sorted(_NAMES))
    return identifier
