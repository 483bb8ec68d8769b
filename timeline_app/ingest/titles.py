"""Short event titles from the sentence that states an event.

A title is the sentence's own words, shortened, and reads as a sentence: the date phrase goes
with its preposition, attributions ("BelTA reports", "the president said") go, long names
become acronyms and people's names surnames, and when the sentence has other dated clauses (or
is too long) only the clause holding the date is kept, with its subject. Datelines, bylines
and markup never reach a title. When the date modifies a happening ("the November 2022
session of the Council") the noun phrase itself is the event. A date inside a phrase set off by
a dash titles the clause the phrase describes; of objects that each carry a date only this
date's object stays; a quotation is kept whole or cut inside its marks, never halved.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from string import ascii_uppercase

from .clauses import (
    Clause,
    antecedent,
    clause_at,
    fit,
    has_verb,
    is_phrase,
    opens_with_verb,
    subject_of,
)
from .date_cut import DATE_WORDS, MARK, cut_date, noun_phrase_title, one_conjunct
from .names import ROLE_WORDS, Names
from .people import is_person, is_place, surname
from .phrases import PhraseIndex

__all__ = ["Title", "TitleContext", "make_title", "MAX_TITLE", "EVENT_NOUNS"]

MAX_TITLE = 100
MIN_WORDS = 3  # fewer words are a fragment ("Rights expire"), not a statement
EVENT_NOUNS = (  # kinds of happening merge.py compares; date_cut.EVENT_WORDS names more
    "session|summit|meeting|conference|elections?|talks|visit|congress|plenum|forum|"
    "referendum|operation|protests?|war|crisis|ceremony|parade|games|vote"
)
_LEADING = re.compile(
    r"^(?:reportedly|however|meanwhile|moreover|in addition|also|(?:earlier|later)(?=,)|then|"
    r"thus|still|separately|nonetheless|nevertheless|indeed|instead|actually|in effect|and|so|"
    r"yet|or|but|for (?:example|instance)|according to [^,]{1,40})\b,?\s*",
    re.I,
)
_SUBORDINATOR = re.compile(  # leads a clause cut from its sentence: "when thousands took"
    r"^(?:when|which|while|as|after|before|because|although|though|where|since)\b,?\s*", re.I
)
_REPORTING = re.compile(
    r"^(?:[A-Z][\w-]*|he|she|they|it)\s+(?:said|says|noted|stressed|"
    r"added|reported|announced|confirmed)\s+that\s+",
    re.I,
)
_SAID_WHEN = rf"(?:\s+(?:on\s+|in\s+|last\s+|early\s+|late\s+)?(?:{DATE_WORDS.pattern})[\w.,]*)?"
_ATTRIBUTION = re.compile(
    r",\s*(?:[^,]{0,60}?(?:,\s(?-i:[A-Z])[^,]{0,30},)?\s)?"  # "her mother, Fiona, said"
    r"(?:said|says|reports|reported|told[^,]*|quoted[^,]*)"
    rf"\s*\x00?{_SAID_WHEN}(?:\s+(?:in|on|to|at)\s+(?:a|an|the|his|her|its|their)\s+[\w-]+"
    rf"(?:\s+[\w-]+)?)?\s*\x00?\s*[.”\"]?$|,\s*according to [^,]+\.?$",
    re.I,
)
_ROLE_WORD = re.compile(ROLE_WORDS)  # what every pattern with a role needs
_PRONOUN = re.compile(r"^(?:he|she)\b", re.I)
# the word "he" or "she", not "the": `(?<![^\W\d_])s?he(?![^\W\d_])`, the letter before
# checked after the first one (tried only at an "s" or an "h", not at every position)
_HE_OR_SHE = re.compile(r"(?i)[sh](?<![^\W\d_][sh])(?:(?<=s)he|(?<=h)e)(?![^\W\d_])")
_QUOTE_MARK = re.compile('["“”„«»]')
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z.'’ -]{2,},(?:\s*[A-Z\d\x00][\w.\x00]*)*\s*(?:\([^)]{1,25}\))?|"
    r"[A-Z][A-Z.'’ -]{2,}\s*\([^)]{1,25}\)|[A-Z][A-Z.'’ -]{2,}(?=\s+(?:—|–|--|_)))"
    r"\s*(?:_+|--|—|–|-|:)\s*"
)
_BYLINE = re.compile(
    r"^\s*By\s+(?:[A-Z][\w.'’-]*\s*){1,4}(?:(?:and|&)\s+(?:[A-Z][\w.'’-]*\s*){1,4})?"
    r"(?:[,|]\s*[A-Z][\w/&. -]{1,30}?)?\s*(?=$|\n|[A-Z]{3,}\b)"
)
_MARKUP = re.compile(r"<[^<>]{0,300}>|\{\{[^{}]{0,300}\}\}|\{\{|\}\}|\$\{[^{}]{0,100}\}|\[\[|\]\]")
_SYMBOLS = re.compile(r"^[\s@#*•·>|_=~^-]+(?:[A-Z]{3,}(?:\s+[A-Z]{3,})*\s+(?=[A-Z][a-z]))?")
_INSERTION = re.compile(  # "Mr. Stronach, founder of Magna, resigned" -> "Mr. Stronach resigned"
    r"(?P<pre>\b(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)[A-Z][\w.'’-]*)?,"
    r"(?(pre)|(?=\s+[a-z\d])(?!\s+(?:the|a|an)\s))"
    r"(?:\s+(?!and\b|or\b)[^,]{1,140},[”\"]?){1,4}\s+"  # an aside, not a list: "X, Y, and Z"
    r"(?!(?:compared|according|including|based|following|excluding|this|thus|was|has|as|its|"
    r"his|hers|less|unless|across|always|perhaps|news)\b)"
    r"(?=(?:[a-z-]+ed|[a-z]+s|made|took|won|met|became|is|had|will|would|said)\b)"
)
_OPENING_ADJUNCT = re.compile(  # "In a letter to X, read on radio, Saddam said" -> "Saddam said"
    r"^(?:(?P<prep>In|On|At|For|After|Before|During|Under|With|Despite|Since|Through|By|"
    r"Following|Amid|As|When|While|Although|Though|Because|If|Beneath|Besides|Unlike)\b|"
    r"[A-Z][a-z]+(?:ed\b|ing\b(?!\s+of\b))|(?:Found|Born|Built|Known|Seen|Held|Made|Taken|Given|Led)\b"
    r"|To\s+[a-z]+\b)"
    r"[^,]{0,120}(?:,[^,]{0,60}){0,2}?,\s+"
    r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*,\s+)?"  # "In Cape Town, South Africa, "
    r"(?!(?:and|or|but)\b)(?=[A-Z]|(?:the|a|an|his|her|its|their)\b|(?:[a-z]+\s+){1,2}[A-Z]|(?(prep)[a-z]+\s+(?:[a-z]+ed|is|was|were|has|"
    r"had|will|would)\b|(?!)))"  # a subject follows
)
_ASIDE = re.compile(r"\s+(--|—|–|_)\s+[^—–_]{1,100}?\s+\1\s+")  # "X -- an aside -- Y"
_CUT_SHORT = re.compile(r"\s(?:the|a|an|of|and|or|with|across|into)$", re.I)
_DANGLING_END = re.compile(  # "The record date is", "The case is expected": the date stays
    r"\s(?:is|was|are|were|be|been|of|to|for|from|since|until|due|expected|scheduled|slated)$"
)
_RELATIVE = re.compile(r"^(?:who|whom|which)\s+")
_MODIFIER = (  # "opposition leader Morgan Tsvangirai" -> "Tsvangirai"
    r"(?:opposition|former|deputy|acting|interim|party|rebel|army|union|team|"
    r"foreign|defen[cs]e|finance|interior|health|vice|then|chief|senior)\s+"
)
_REDUCED_RELATIVE = re.compile(  # "The man sat before me was": "Man sat" reads as the verb
    r"^[Tt]he [a-z-]+ (?:[a-z]+ed|sat|stood|seen|held|made|taken|given|known|built|led|"
    r"left|sent|shown|found|told|set|kept|brought|bought|sold|chosen|written) "
    r"(?:before|by|in|on|at|for|from|with|to|during|after|under|near|outside|inside|last|"
    r"this|yesterday|today|earlier|here|there|beside|behind|next|across|around)\b"
    r"(?=.*\b(?:is|are|was|were|will|would|has|have|had|could|can|may|might|must|should)\b)"
)
_FRAMED = re.compile(  # "which Smith said ... had": the relative is the said clause's subject
    r"^(?:which|who|that)\s+(?P<who>(?:(?!that\b|which\b|who\b)[\w.'’-]+\s+){1,5}?)"
    r"(?P<verb>said|says|believes|believed|thinks|thought|expects|expected|estimates|"
    r"estimated|claims|claimed|reported|reports|argued|argues|announced)(?:\s*\x00\s*|\s+)"
    r"(?:that\s+)?"
)
_PLACE = re.compile(
    r"\b(?:states?|regions?|countr(?:y|ies)|cit(?:y|ies)|towns?|villages?|districts?|"
    r"provinces?|count(?:y|ies)|neighbou?rhoods?|capital|streets?|ports?|camps?|areas of)$"
)
_WHEN = re.compile(r"^when\s", re.I)
_DASH = re.compile(r"[—–_-]")
_NAMED = re.compile(r"\b[A-Z][a-z]")
_PRESENT = re.compile(
    r"\b(?:looks|seems|appears|becomes|goes|comes|gets|takes|gives|shows|means|needs|faces|"
    r"stands|lies|falls|rises|leads|feels|keeps|begins|ends|starts|stays|grows|moves|costs|"
    r"pays|calls|marks|tops|hits|sees|finds|opens|closes|wins|loses|leaves|returns)\b"
)
_PARTICIPLE_AFTER = re.compile(r",\s+(?=[a-z]+ing\b)")
_CONDITION = re.compile(r"^(?:if|unless|whether)\b", re.I)
_PRONOUN_SUBJECT = re.compile(r"^(?:it|its|they|their|he|his|she|her|this|these)\b", re.I)
_PARENTHESIS = re.compile(r"\((?P<text>[^()]{20,300})\)")
_COMPARED = re.compile(  # "..., double the number in 2017", "..., its lowest since May"
    r"(?:double|twice|triple|half|up|down|nearly|about|roughly|almost|more|less|compared|"
    r"(?:the|its|their)\s+(?:most|highest|lowest|biggest|largest|smallest|first|best|worst)|"
    r"[$£€]?\d[\d.,]*\s*(?:%|per\s?cent|percent)?\s+(?:more|less|above|below|higher|lower))\b"
)
_TRAILING = re.compile(r",\s+(?P<phrase>[^,;:()“”\"]{3,80}?)[.!]?\s*$")
_QUOTED = re.compile(  # "“A quotation,” her brother said on Monday."
    r"^\s*(?:[“\"]|``)(?P<quote>[^“”\"`]{10,}?)[,.!?]?(?:[”\"]|'')\s+(?P<by>[^“”\"`]{3,120})$"
)
_SAID_END = re.compile(r"\b(?:said|says|wrote|writes|declared|told\s+\S+)\b[^,;:]{0,40}$")
_LEADING_ADVERB = re.compile(  # "Bizarrely, a plane ..." (not "Italy, Spain and ...")
    r"^(?!(?:Emily|Family|Sicily|Lily|Assembly|Beverly|Kimberly|Waverly|Italy|Supply|Apply|"
    r"Anomaly|Monopoly|Sally|Tally|Rally|Ally)\b)[A-Z][a-z]+(?:al|[^l\W])ly,\s+"
    r"(?![A-Z][\w-]*,|and\b|or\b)"
)
_MID_ASIDE = re.compile(  # "Amazon, too, is", "temperatures, for instance, rose"
    r",\s+(?:for (?:example|instance)|however|though|too|also|in turn|of course|in fact|"
    r"moreover|meanwhile|nonetheless|nevertheless|according to [^,]{1,50})\s*,(?=\s)",
    re.I,
)
_ROLE_OF = re.compile(  # "The chief executive of Acme, Jo Bloggs, said" -> "Jo Bloggs said"
    r"^(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){1,3}of\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)*"
    r",\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}),\s+(?=[a-z])"
)
_SAID_WORDS = re.compile(r"(?i)\b(?:said|says|report|told|quoted|according)")
_MID_ATTRIBUTION = re.compile(  # "at 13%, The Korea Times reported, down from 19%"
    r",\s+(?:(?!(?:who|which|that|and|but|or)\b)[\w.'’&-]+\s+){1,4}?"
    rf"(?:reported|reports|said|says)\s*\x00?{_SAID_WHEN}\s*\x00?\s*,(?=\s+[a-z])"
)


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    names_event: bool = False  # the dated noun phrase is the event: "the November session"


@dataclass(slots=True)
class TitleContext:
    """What a title may borrow from the corpus and the text before the sentence."""

    names: Names = field(default_factory=Names)
    # the substitutions, each with a substring a text must hold for it: (needle, pattern,
    # replacement); a person's pattern is compiled when a text first names them (a corpus
    # names thousands, a worker's titles few of them)
    _patterns: list[tuple[str, str | re.Pattern[str], str]] | None = None
    _people: set[str] | None = None
    _surnames: set[str] | None = None
    _modified: re.Pattern[str] | None = None
    _acronyms: int = 0  # the first patterns: acronyms' long forms, tried on every text
    _by_name: PhraseIndex[list[int]] = field(default_factory=PhraseIndex)  # -> its patterns
    # a person's pattern where the text holds no role word: the bare name, or None (the
    # pattern needs a role)
    _without_role: dict[int, str | re.Pattern[str] | None] = field(default_factory=dict)
    # the titles made, by make_title's arguments: a title depends on nothing else
    titles: dict[tuple[object, ...], Title] = field(default_factory=dict)
    _pronoun_names: bool | None = None  # a surname or acronym reads as "he" or "she"
    _read_last: tuple[str | None, bool] = (None, False)  # `reads_person`'s last answer

    def shorten(self, text: str) -> str:
        """Long names to acronyms, role + full name to surname; "opposition leader X" to X.

        Only the people whose full name the text holds are tried (found by one scan of its
        word runs, as every pattern needs the name between word boundaries), in the order
        of the whole list: a title costs its own length, not the corpus's count of names.
        A corpus of few names has each one's substring test instead of the scan: a pattern
        whose name the scan would not find (not between word boundaries) replaces nothing."""
        patterns = self._compiled()
        named = False
        roles: bool | None = None  # whether the text holds a role word; None: not known yet
        few = len(patterns) <= _FEW_PATTERNS  # then the substring tests below cost less
        for k in range(len(patterns)) if few else self._candidates(text):
            needle, pattern, replacement = patterns[k]
            if needle not in text:  # a substring test first: most names are not in the sentence
                continue
            if k in self._without_role:  # a role is tried at every capital: costly
                roles = _ROLE_WORD.search(text) is not None if roles is None else roles
                if not roles:
                    bare = self._without_role[k]
                    if bare is None:
                        continue
                    if isinstance(bare, str):
                        bare = self._without_role[k] = re.compile(bare)
                    pattern = bare
            if isinstance(pattern, str):
                pattern = re.compile(pattern)
                patterns[k] = (needle, pattern, replacement)
            text, n = pattern.subn(replacement, text)
            roles = None if n else roles
            named = named or n > 0 and replacement in self.people()
        return self._modified.sub("", text) if named and self._modified else text

    def person_for(self, sentence: str, previous: str | None) -> str | None:
        """The `previous_person` a title of `sentence` can use: None unless it is a person's
        surname and the sentence can read it (`reads_person`)."""
        if not previous or previous not in self.people() or not self.reads_person(sentence):
            return None
        return previous

    def reads_person(self, sentence: str) -> bool:
        """Whether a title of `sentence` may read the surname named before it: the sentence
        has a word "he" or "she" for it to stand in for.

        A title reads a surname only for a leading "he"/"she" (`_render`), and a title's
        words are the sentence's own, cut, or names that `shorten` puts in: so a sentence
        without the word (markup and entities read as `_clean` reads them) gets the same
        title from any previous person. Copies of a story name different people before
        the same sentence: titled once, not once for each. (The answer for the last
        sentence asked about is kept: a caller asks before it looks for the surname.)"""
        if sentence is self._read_last[0]:
            return self._read_last[1]
        if self._pronoun_names is None:
            kept = self.people() | set(self.names.acronyms.values())
            self._pronoun_names = any(_HE_OR_SHE.fullmatch(w) for w in kept)
        reads = bool(
            self._pronoun_names
            or _HE_OR_SHE.search(sentence)
            or "&" in sentence
            and _HE_OR_SHE.search(html.unescape(sentence))
        )
        self._read_last = (sentence, reads)
        return reads

    def _candidates(self, text: str) -> list[int]:
        found = list(range(self._acronyms))
        for _, name in self._by_name.find(text):
            found.extend(self._by_name.values[name])
        return sorted(set(found))

    def surnames(self) -> set[str]:
        """Every name's surname, people's or not (a title's "he" may stand for one)."""
        if self._surnames is None:
            self._surnames = self.names.surnames()
        return self._surnames

    def people(self) -> set[str]:
        """The surnames of the names that are people's."""
        if self._people is None:
            persons = self.names.persons.items()
            self._people = {surname(full, s) for full, s in persons if is_person(full)}
        return self._people

    def _compiled(self) -> list[tuple[str, str | re.Pattern[str], str]]:
        """The substitutions, made once per corpus (titles are made by the thousand)."""
        if self._patterns is None:
            role = _ROLE
            longs = [long.split()[0][:3] for long in self.names.acronyms]
            patterns: list[tuple[str, str | re.Pattern[str], str]]
            patterns = [(n, *p) for n, p in zip(longs, self.names.acronym_patterns(), strict=True)]
            persons = [p for p in self.names.persons.items() if is_person(p[0])]
            self._acronyms = len(patterns)
            for full, last in sorted(persons, key=lambda p: -len(p[0])):
                name, kept = re.escape(full), surname(full, last)
                key = full.strip(" .,'-")  # "Jr.": looked up by its word runs
                self._by_name.add(key, []).extend((len(patterns), len(patterns) + 1))
                self._without_role[len(patterns)] = None
                starts = _starts(full)
                patterns.append((f"{full},", rf"{starts}{role},\s+{name},(?=\s+[a-z])", kept))
                self._without_role[len(patterns)] = _bare(full)
                patterns.append((full, rf"{starts}(?:{role}\s+)?\b{name}\b", kept))
            self._patterns = patterns
            if self.people():  # what a role took with it, once per corpus, not per name
                kept_names = "|".join(map(re.escape, sorted(self.people())))
                self._modified = re.compile(rf"\b{_MODIFIER}(?=(?:{kept_names})\b)")
        return self._patterns


# a role before a name: "President", "Belarusian President", "the Secretary General of the
# CSTO"
_ROLE = rf"(?:[Tt]he\s+)?(?:[A-Z][\w.-]*\s+)*(?:{ROLE_WORDS})(?:\s+of\s+(?:the\s+)?[A-Z]\w*)?"
# the letters a role can start with: a capital, "the" or a role word's own
_ROLE_FIRST = "".join(
    sorted(({w[0] for w in ROLE_WORDS.split("|")} | {"t"}) - set(ascii_uppercase))
)


def _starts(full: str) -> str:
    """A lookahead for the letters a role, or the name `full`, can start with: a pattern
    that may start with either (an optional role, then the name) is otherwise tried at
    every position of every title, role words and all (its substitutions were 0.3 s of
    every 3,000 articles' titles; with this, 0.14 s)."""
    return rf"(?=[A-Z{_ROLE_FIRST}{re.escape(full[:1])}])"


def _bare(full: str) -> str:
    """`\\b{name}\\b` for the name `full`, the boundary before it checked after its first
    letter (as `names._at_word_start` does): tried only where that letter stands."""
    name = re.escape(full)
    if full[:1].isalpha():
        return rf"{name[0]}(?<!\w.){name[1:]}\b"
    return rf"\b{name}\b"


def make_title(
    sentence: str,
    date_span: tuple[int, int] | None,
    ctx: TitleContext,
    *,
    previous_person: str | None = None,
    other_dates: Sequence[tuple[int, int]] | None = None,
) -> Title:
    """A title of at most MAX_TITLE characters; spans are relative to `sentence`.

    `previous_person` (the surname named last before the sentence) stands in for a leading
    "He"/"She". `other_dates` are the sentence's other date expressions (the tagger's); without
    them the obvious ones (months, weekdays, years) are found here. The text is empty only when
    the sentence holds nothing but a dateline, a byline or markup: no event to title.

    A title depends on nothing else, so a context keeps the titles it made: a sentence the
    corpus repeats (wire copy in several papers, a story and its update) is titled once.
    """
    others = None if other_dates is None else tuple((a, b) for a, b in other_dates)
    person = ctx.person_for(sentence, previous_person)
    key = (sentence, None if date_span is None else tuple(date_span), person, others)
    title = ctx.titles.get(key)
    if title is None:
        if len(ctx.titles) >= _TITLES_KEPT:
            ctx.titles.clear()  # a bound on memory; the titles of a large corpus start over
        title = ctx.titles[key] = _make_title(
            sentence, date_span, ctx, previous_person=person, other_dates=other_dates
        )
    return title


_TITLES_KEPT = 50_000  # titles a context remembers
# up to this many substitutions a substring test of each costs less than scanning a title's
# words for names (about 0.1 µs a test against 10-15 µs a scan of a sentence)
_FEW_PATTERNS = 64


def _make_title(
    sentence: str,
    date_span: tuple[int, int] | None,
    ctx: TitleContext,
    *,
    previous_person: str | None = None,
    other_dates: Sequence[tuple[int, int]] | None = None,
) -> Title:
    """The title `make_title` gives, made (`previous_person` as `TitleContext.person_for`
    gives it)."""
    if date_span:
        phrase = noun_phrase_title(sentence, *date_span)
        if phrase:  # a bare "The 2014 operation" yields to a fuller title of the same event
            bare = sentence[date_span[0] : date_span[1]] in phrase
            return Title(_shorten(ctx.shorten(_clean(phrase))), names_event=not bare)
        inner = _enclosing(sentence, date_span)
        if inner and has_verb(inner["text"]):  # "... (I wrote a primer in 2009.)"
            text = inner["text"][:1].upper() + inner["text"][1:]
            within = (date_span[0] - inner.start("text"), date_span[1] - inner.start("text"))
            return make_title(text, within, ctx, previous_person=previous_person)
        others = _others(sentence, date_span, other_dates)
        rest, date_span = one_conjunct(sentence, date_span, others)
        if rest != sentence:
            sentence, other_dates = rest, None
        comma = sentence.rfind(", ")
        tail = _TRAILING.match(sentence, comma) if 0 <= comma < date_span[0] else None
        if tail and _COMPARED.match(tail["phrase"]) and is_phrase(tail["phrase"]):
            date_span = None  # "X rose 5%, double the number in 2017": the date's phrase goes
            sentence = sentence[: tail.start()]
    text = _statement(sentence, date_span, ctx, previous_person, other_dates)
    if date_span and (len(text.split()) < MIN_WORDS or _DANGLING_END.search(text)):
        # "Congress reconvenes Jan. 24", "The record date is Nov. 9"
        with_date = _statement(sentence, date_span, ctx, previous_person, other_dates, _keep)
        if len(with_date.split()) > len(text.split()):
            text = with_date
    return Title(text)


def _statement(
    sentence: str,
    span: tuple[int, int] | None,
    ctx: TitleContext,
    person: str | None,
    others: Sequence[tuple[int, int]] | None,
    cut: Callable[[str, int, int], str] = cut_date,
) -> str:
    """The title as a statement: the whole sentence when it is short and dates only this,
    else the clause holding the date; `cut` takes the date phrase out (or keeps it)."""
    whole = _render(cut(sentence, *span) if span else sentence, ctx, person, cut=False)
    if span is None:
        return _shorten(whole)
    short = len(whole) <= MAX_TITLE
    if short and _one_clause_will_do(sentence, span, others) and _shorten(whole) == whole:
        return whole  # what every way on below ends in, without finding the clauses
    clause, found = clause_at(sentence, span[0])
    apposition = clause.kind in ("new", "aside") and _DASH.search(sentence, clause.lead)
    if apposition and apposition.start() < clause.pieces[0][0] and is_phrase(clause.text(sentence)):
        apposed = _apposed(sentence, clause, found, ctx, person)
        if apposed:
            return apposed
    elsewhere = any(c is not clause and _dated(sentence, c, span, others) for c in found)
    alone = clause.kind not in ("relative", "locative")
    if not elsewhere and alone and len(whole) <= MAX_TITLE and _shorten(whole) == whole:
        return whole  # every way on below ends in `whole`: the clause's own title is not needed
    own = _clause_text(sentence, clause, found, span, cut)
    if _NAMED.search(sentence, 1, clause.pieces[0][0]):
        person = None  # "He met Ann after she left": "she" is someone the sentence named
    own = _render(own, ctx, person, cut=clause.kind in ("subordinate", "locative"))
    verbless = clause.kind not in ("relative", "coordinate") and not _a_verb(own)  # "in 1994"
    if not _words(own, 2) or verbless:
        return _shorten(whole)
    quoted = '"' in sentence or "”" in sentence or "“" in sentence
    if quoted and _crosses_quote(sentence, clause, span):  # "“A – and B,” she said": not half
        quote = _QUOTED.match(sentence)
        if len(whole) <= MAX_TITLE or not quote or span[0] < quote.start("by"):
            return _shorten(whole)
        bare = _ATTRIBUTION.sub("", _clean(clause.text(sentence, cut, span)).rstrip())
        if _quote_balance(bare) == 0 and _words(own, 6):  # a statement of its own
            return _shorten(own)
        return _shorten(f"“{ctx.shorten(_clean(quote['quote'])).strip()}”")
    if clause.kind == "subordinate" and (
        not elsewhere and _PRONOUN_SUBJECT.match(own) or _CONDITION.match(own)
    ):  # "since its operations began": "its" is the main clause's; "if X" states nothing
        return _shorten(whole)
    if not elsewhere and alone and len(whole) <= MAX_TITLE:
        return whole
    if clause.kind == "main" and len(found) == 1:
        return _shorten(whole)
    return _shorten(_with_quote(sentence, clause, found, own, ctx))


def _one_clause_will_do(
    sentence: str, span: tuple[int, int], others: Sequence[tuple[int, int]] | None
) -> bool:
    """Whether the sentence's clauses cannot change a short title: it has no other date (no
    clause dated elsewhere), no "wh" (no relative or "where" clause) and no dash (no phrase
    set off by one)."""
    if "wh" in sentence or any(d in sentence for d in "—–_-"):
        return False
    if others is not None:
        return all((a, b) == tuple(span) for a, b in others)
    return all(span[0] <= m.start() < span[1] for m in DATE_WORDS.finditer(sentence))


def _apposed(
    sentence: str, clause: Clause, found: list[Clause], ctx: TitleContext, person: str | None
) -> str:
    """The title for a date inside a phrase set off by a dash ("X rose to $30bn — a tenth of
    what the state will pay this year"): the clause it describes, or the "when" clause that
    describes the date ("the first time since 2012, when the economy was ...")."""
    i = found.index(clause)
    after = found[i + 1] if i + 1 < len(found) else None
    if after and after.kind == "subordinate" and _WHEN.match(after.text(sentence)):
        text = _render(after.text(sentence), ctx, person)
        if has_verb(text):
            return _shorten(text)
    host = next((c for c in reversed(found[:i]) if c.kind not in ("aside", "relative")), None)
    text = _render(host.text(sentence), ctx, person, cut=False) if host else ""
    return _shorten(text) if _A_WORD_AND_MORE.search(text) else ""


def _a_verb(text: str) -> bool:
    """Whether `text` has a verb: a sure one, or a common one in the present tense."""
    return has_verb(text) or _PRESENT.search(text) is not None


def _crosses_quote(sentence: str, clause: Clause, span: tuple[int, int]) -> bool:
    """Whether the clause starts or ends inside a quotation the date is not in."""
    text = clause.text(sentence)
    return _quote_balance(text) != 0 and _quote_balance(sentence[: span[0]]) == 0


def _quote_balance(text: str) -> int:
    return text.count("“") - text.count("”") + text.count('"') % 2


def _with_quote(
    sentence: str, clause: Clause, found: list[Clause], own: str, ctx: TitleContext
) -> str:
    """'X said in a letter' goes on with what X said: the quotation after its colon."""
    i = found.index(clause)
    after = found[i + 1] if i + 1 < len(found) else None
    if not after or sentence[after.lead : after.lead + 1] != ":" or not _SAID_END.search(own):
        return own
    text = after.text(sentence)
    if not text.startswith(("“", '"')):
        return own
    return f"{own}: {ctx.shorten(_clean(text)).rstrip('.')}"


def _enclosing(sentence: str, span: tuple[int, int]) -> re.Match[str] | None:
    """The parenthesis the date is in, if any."""
    if "(" not in sentence:
        return None
    return next(
        (m for m in _PARENTHESIS.finditer(sentence) if m.start() < span[0] and span[1] < m.end()),
        None,
    )


def _others(
    sentence: str, span: tuple[int, int], given: Sequence[tuple[int, int]] | None
) -> list[tuple[int, int]]:
    """The sentence's other dates: the tagger's, else the obvious ones."""
    if given is not None:
        return [tuple(d) for d in given if tuple(d) != tuple(span)]  # type: ignore[misc]
    return [m.span() for m in DATE_WORDS.finditer(sentence) if m.start() != span[0]]


def _keep(text: str, start: int, end: int) -> str:
    return text


def _clause_text(
    sentence: str,
    clause: Clause,
    found: list[Clause],
    span: tuple[int, int],
    cut: Callable[[str, int, int], str],
) -> str:
    """The clause with the date cut, and the subject it lost to the break."""
    text = clause.text(sentence, cut, span)
    noun = antecedent(sentence[: clause.lead])
    if clause.kind == "relative" and noun:
        whose = _WHOSE.match(text)
        if whose:  # "X, whose shares began" -> "Shares of X began"
            owned = subject_of(text[whose.end() :])
            if owned:
                return f"{owned} of {noun}{text[whose.end() + len(owned) :]}"
        framed = _FRAMED.match(text)
        if framed and opens_with_verb(text[framed.end() :].replace(MARK, " ")):
            # "the plan, which Smith said in May had failed" -> "Smith said the plan had failed"
            return f"{framed['who']} {framed['verb']} {noun} {text[framed.end() :]}"
        rest = _RELATIVE.sub("", text)
        probe = rest.replace(MARK, " ").strip()
        subject = None if opens_with_verb(probe) else subject_of(probe)
        if subject and _OBJECT_RELATIVE.match(text):  # the relative is the object
            verb = _NON_BLANK.match(probe[len(subject) :].lstrip())
            if verb:  # "the treaty, which the two presidents signed" -> "... signed the treaty"
                at = probe.index(verb.group(), len(subject)) + len(verb.group())
                return f"{probe[:at]} {noun}{probe[at:]}"
        return f"{noun} {rest}"
    if clause.kind == "locative":  # "the towns where it won in 2008" -> "It won in the towns"
        text = _WHERE.sub("", text).rstrip(" .!?")
        place = noun and (_PLACE.search(noun) or noun[:1].isupper() and is_place(noun))
        if not place:
            return text
        comma = text.find(", ")
        return f"{text} in {noun}" if comma < 0 else f"{text[:comma]} in {noun}{text[comma:]}"
    if clause.kind == "aside" and noun and _PARTICIPLE.match(text):
        return f"{noun} {text}"  # "its plan -- started in May -- will" -> "its plan started"
    if clause.kind == "subordinate":  # "since X opened in 2015, the office said, citing Y"
        return _PARTICIPLE_AFTER.split(text, maxsplit=1)[0]
    if clause.kind == "coordinate":
        host = next((c for c in reversed(found) if c.lead < clause.lead and c.kind == "main"), None)
        subject = subject_of(host.text(sentence)) if host else None
        text = _CONJUNCTION.sub("", text)
        return f"{subject} {text}" if subject else ""  # no subject: the whole sentence
    return text


def _dated(
    sentence: str,
    clause: Clause,
    span: tuple[int, int],
    others: Sequence[tuple[int, int]] | None,
) -> bool:
    """Whether `clause` holds a date expression other than `span`."""
    if others is not None:
        return any(clause.holds(a) and (a, b) != tuple(span) for a, b in others)
    return any(
        clause.holds(m.start()) and not span[0] <= m.start() < span[1]
        for m in DATE_WORDS.finditer(sentence)
    )


def _render(text: str, ctx: TitleContext, person: str | None, *, cut: bool = True) -> str:
    """The marked sentence or clause as a finished title, before any cut for length."""
    text = ctx.shorten(_clean(text))
    role = _ROLE_OF.match(text) if " of " in text[:60] else None
    text = f"{role['name']} {text[role.end() :]}" if role else text
    said = _SAID_WORDS.search(text)
    text = (_ATTRIBUTION.sub("", text.rstrip()) if said else text.rstrip()).rstrip(". ")
    if ", " in text:
        text = _MID_ASIDE.sub(_aside_gone, text)
        text = _MID_ATTRIBUTION.sub(",", text) if said else text
    previous = None
    while previous != text:
        previous = text
        text = _LEADING.sub("", text.strip(f" ,;:{MARK}"))
        text = _LEADING_ADVERB.sub("", text) if "ly," in text[:20] else text
        text = _SUBORDINATOR.sub("", text) if cut else text
    text = _REPORTING.sub("", text)
    if person and not _QUOTE_MARK.search(text):  # a quote's "she" is the speaker's, not ours
        text = _PRONOUN.sub(person, text)
    return _finish(text)


def _aside_gone(m: re.Match[str]) -> str:
    """An aside like ", too," goes before the verb it interrupts ("Amazon is"), else leaves
    its comma ("During the storm, rivers rose")."""
    return "" if opens_with_verb(m.string[m.end() :]) else ","


def _clean(text: str) -> str:
    """Without markup, a wire dateline or a byline; TeX-style quotes as quotes."""
    text = _MARKUP.sub(" ", html.unescape(text))
    text = text.replace("``", "“").replace("''", "”")
    text = _BYLINE.sub("", text)
    text = _DATELINE.sub("", text)
    return _SYMBOLS.sub("", text)


def _shorten(text: str) -> str:
    """At most MAX_TITLE characters: asides go first, then the tail at a boundary."""
    for step in (
        lambda t: _ASIDE.sub(" ", _BRACKETS.sub("", t)),
        lambda t: _OPENING_ADJUNCT.sub("", t) if _words(_OPENING_ADJUNCT.sub("", t), 4) else t,
        lambda t: _INSERTION.sub(r"\g<pre> ", t, count=1),
    ):
        if len(text) <= MAX_TITLE:
            break
        text = _finish(step(text))
    return _finish(fit(text, MAX_TITLE))


def _words(text: str, n: int) -> bool:
    return len(_WORD_RUN.findall(text)) >= n


@lru_cache(maxsize=1024)
def _finish(text: str) -> str:
    """The title's spacing, punctuation, quotation marks and first capital made good. Kept
    for the last texts: half the calls are a title finished again (`_shorten` of a short
    `_render`) or a text of the same sentence finished for another of its dates."""
    text = " ".join(text.replace(MARK, " ").split())
    for mark in ",.;:)”":  # no space before closing punctuation
        if f" {mark}" in text:
            text = text.replace(f" {mark}", mark)
    quoted = text.strip().startswith('"') and text.count('"') % 2 == 0  # keep a whole quote
    closed = quoted and text.strip().endswith('"')
    if "(" in text or "“" in text:
        text = _EMPTY_PARENS.sub("", _SPACE_AFTER.sub(r"\1", text))
    if ",," in text or ", ," in text:
        text = _COMMAS.sub(",", text)  # "Actually, , the Journal" after the date went
    text = text.strip(" ,;:-—–_\"'")
    text = f'"{text}' + ('"' if closed else "") if quoted else text
    text = _LEAD_JUNK.sub("", text)
    if "[" not in text:
        text = text.rstrip("]")  # "[Get the newsletter in your inbox.]"
    if _CUT_SHORT.search(text, max(0, len(text) - 8)):  # it stops short: "revolts across the"
        text = fit(text, len(text) - 1)
    text = _balanced(text)
    if text.startswith("The ") and _THE_ACRONYM.match(text):
        text = text[4:]  # "The CSTO operation" -> "CSTO operation"
    elif text.startswith(("The ", "the ")):
        headline = text[4:5].islower() and len(text.split()) > MIN_WORDS + 1
        if headline and not _REDUCED_RELATIVE.match(text):
            text = text[4:]  # a headline drops the article: "Company opened its first office"
    lead = 1 if text[:1] in '“"' else 0
    return text[: lead + 1].upper() + text[lead + 1 :]


_A_WORD_AND_MORE = re.compile(r"\b[a-z]{3,}\b.*\s")
_WHOSE = re.compile(r"^whose\s+")
_OBJECT_RELATIVE = re.compile(r"(?:which|whom|that)\s")
_NON_BLANK = re.compile(r"\S+")
_WHERE = re.compile(r"^where\s+")
_PARTICIPLE = re.compile(r"^[a-z]+(?:ed|ing)\b")
_CONJUNCTION = re.compile(r"^(?:and|but|or)\s+")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_WORD_RUN = re.compile(r"\w+")
_SPACE_AFTER = re.compile(r"([(“])\s+")
_EMPTY_PARENS = re.compile(r"\(\s*\)")
_COMMAS = re.compile(r",(?:\s*,)+")
_LEAD_JUNK = re.compile(r"^[^\w“‘($£€\"]+")
_THE_ACRONYM = re.compile(r"^The (?=[A-Z]{2,}\b)")


def _balanced(text: str) -> str:
    """Quotation marks in pairs: a title cut inside a quotation (or that lost its attribution
    after the closing mark) closes it; one that starts inside a quotation opens it."""
    if text.count("“") == text.count("”") + 1:
        return f"{text}”"
    if text.count("”") == text.count("“") + 1 and text.index("”") < (text + "“").index("“"):
        return f"“{text}"  # it starts inside a quotation: "“Stay calm,” he said"
    return f'{text}"' if text.count('"') % 2 else text
