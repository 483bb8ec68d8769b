"""Regions of a text where no date is read: template code, URLs, paths, e-mail addresses,
file names and phone numbers.

Web pages carry digits in all of these ("{{ t*1000 | date }}", "news/2019/05/12/x.html",
"+49 30 2000 1998"); none of them is a date the story tells. Found once per text, with cheap
substring checks first so that prose without such regions costs next to nothing.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from sys import maxsize

__all__ = ["masked_spans", "overlaps"]

_HS = r"[ \t\u00a0]"
_TEMPLATE = re.compile(
    r"\{\{[^{}\n]{0,200}(?:\}\})?|\{%[^{}\n]{0,200}(?:%\})?"
    r"|\$\{[^{}\n]{0,100}\}?"
)
_FILE_EXT = re.compile(
    r"\.(?:html?|php|aspx?|jsp|jpe?g|png|gif|svg|pdf|docx?|xlsx?|csv|json"
    r"|xml|js|css|py|txt|mp[34]|zip)\b"
)
_URL_START = re.compile(r"https?://|ftp://|www\.")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_DOMAIN = re.compile(
    r"[\w-]+\.(?:com|org|net|gov|edu|int|info|de|fr|es|it|uk|br|ru|co|io|cz"
    r"|nl|eu)/"
)
_LETTER = re.compile(r"[^\W\d_]")
_PHONES = (  # (regex, a substring the text must hold for it to be tried)
    (
        re.compile(
            rf"\+\d{{1,3}}{_HS}?(?:\(0?\d{{1,5}}\){_HS}?)?\d{{1,5}}"
            rf"(?:[ \t./-]\d{{2,6}}){{1,4}}"
        ),
        "+",
    ),
    (re.compile(rf"\(\d{{2,5}}\){_HS}?\d{{2,5}}(?:[ \t.-]\d{{2,6}}){{1,3}}"), "("),
    (re.compile(r"\d{3}[-.]\d{3}[-.]\d{4}(?![\d/.-])"), ""),  # 212-555-1999
)
# After "Tel.", "phone:", "Fax" (found with str.find, which is much faster than a regex)
_AFTER_CUE = re.compile(rf"[a-zé]*{_HS}?\.?:?{_HS}*\+?[\d(][\d() /.-]{{5,}}\d")
_CUE_WORDS = ("tel", "phone", "fax", "hotline", "tél")


def masked_spans(text: str) -> list[tuple[int, int]]:
    """Regions of `text` that are code, addresses, file names or phone numbers (sorted,
    disjoint): no date is read inside them."""
    found: list[tuple[int, int]] = []
    if "{" in text:
        found.extend(m.span() for m in _TEMPLATE.finditer(text))
    for mark in ("/", "@"):
        if mark in text:
            found.extend(_tokens_with(text, mark))
    if "." in text:
        last = -1
        for m in _FILE_EXT.finditer(text):
            if m.start() >= last:  # one token may hold many (minified code): expand it once
                found.append(_token_around(text, m.start()))
                last = found[-1][1]
    for regex, needs in _PHONES:
        if needs in text:
            found.extend(
                m.span()
                for m in regex.finditer(text)
                if sum(c.isdigit() for c in m.group()) >= 7
                and not (m.start() and text[m.start() - 1] in "0123456789/.-")
            )
    found.extend(_after_cue_words(text))
    return _merged(found)


def _after_cue_words(text: str) -> list[tuple[int, int]]:
    """Numbers after "Tel.", "Phone:", "fax" (a word of its own, any case)."""
    low, spans = text.lower(), []
    for word in _CUE_WORDS:
        pos = low.find(word)
        while pos >= 0:
            if pos == 0 or not low[pos - 1].isalpha():
                m = _AFTER_CUE.match(low, pos + len(word))
                if m and sum(c.isdigit() for c in m.group()) >= 7:
                    spans.append((pos, m.end()))
            pos = low.find(word, pos + len(word))
    return spans


def _token_around(text: str, pos: int) -> tuple[int, int]:
    """The whitespace-delimited token holding `pos`."""
    lo, hi, n = pos, pos, len(text)
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < n and not text[hi].isspace():
        hi += 1
    return lo, hi


def _tokens_with(text: str, mark: str) -> list[tuple[int, int]]:
    """Tokens holding `mark` that are URLs, paths or e-mail addresses ("10/9/10" is not)."""
    spans: list[tuple[int, int]] = []
    pos = text.find(mark)
    while pos >= 0:
        lo, hi = _token_around(text, pos)
        token = text[lo:hi]
        if _is_address(token, mark):
            spans.append((lo, hi))
        pos = text.find(mark, hi)
    return spans


def _is_address(token: str, mark: str) -> bool:
    if mark == "@":
        return bool(_EMAIL.search(token))
    if _URL_START.search(token):
        return True
    return bool(_LETTER.search(token)) and (token.count("/") >= 2 or bool(_DOMAIN.search(token)))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans.sort()
    out: list[tuple[int, int]] = []
    for lo, hi in spans:
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


def overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets any of the sorted, disjoint `spans`."""
    i = bisect_right(spans, (start, maxsize)) - 1
    if i >= 0 and spans[i][1] > start:
        return True
    return i + 1 < len(spans) and spans[i + 1][0] < end
