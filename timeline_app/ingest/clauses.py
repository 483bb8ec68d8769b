"""The clauses of a sentence, so that each dated clause can be titled on its own.

Enough syntax for titles, no parser: a sentence breaks at semicolons, dashes and colons, at
", and"/", but" before a verb or a new subject, at a subordinator ("when", "because", "since"
before a clause), around a non-restrictive relative clause (", which ... ,", "who A and who
B") and at a "where" clause about a place. A clause that lost its subject to the break gets it
back: "The firm was founded in 1998 and opened an office in 2006" gives "The firm opened an
office"; a relative clause gets its antecedent, a name kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "Clause",
    "clauses",
    "clause_at",
    "subject_of",
    "antecedent",
    "fit",
    "has_verb",
    "open_quote",
    "is_phrase",
    "opens_with_verb",
]

_AUX = (
    r"is|are|was|were|has|have|had|will|would|can|could|may|might|shall|should|must|did|"
    r"does|do"
)
_IRREGULAR = (
    r"said|told|took|made|met|won|lost|began|became|came|went|gave|left|sold|bought|rose|"
    r"fell|paid|led|held|got|found|saw|ran|set|put|cut|hit|kept|sent|spent|built|brought|"
    r"thought|struck|stood|chose|drew|flew|grew|knew|threw|wrote|spoke|broke|drove|shut|"
    r"fled|fought|sought|taught|caught|swore|shot|sank|beat|let|rode|stole|froze|dealt|"
    r"meant|lent|laid|withdrew|overtook|says|holds|plans|expects|remains|includes|owns|"
    r"controls|employs|operates|makes|sells|runs|wants|hopes|intends|continues|seeks|"
    r"overthrew|blew|sat|hid|fed|wore|bore|shook|hung|stuck|swept|slept|sang|forgot|"
    r"mistook|undertook|underwent|oversaw|overcame|upheld|withstood|rebuilt|arose"
)
_VERB = re.compile(rf"^(?:{_AUX}|{_IRREGULAR}|[a-z][a-z-]+ed)$")
_ADVERB = r"(?:also|then|now|later|again|still|quickly|soon|[a-z]+ly)"
_VP_START = rf"(?:{_ADVERB}\s+)?(?:{_AUX}|{_IRREGULAR}|[a-z][a-z-]+ed)\b"
_NEW_SUBJECT = r"(?:the|a|an|its|his|her|their|he|she|it|they|we|I|this|that|these|there)\b"
_SUBORDINATOR = (
    r"(?:when|while|because|although|though|whereas|where|if|unless|until|after|before|"
    r"as(?!\s+(?:of|well|part|a|an|much|many|long|soon|usual|expected|such)\b))\b"
)
_SINCE_CLAUSE = (  # "since a rail link opened": a clause, not "since the start of the war"
    rf"since\s+(?!then\b|when\b|\d)(?:(?!that\b|which\b|who\b)[\w.'’-]+\s+){{1,7}}?{_VP_START}"
)
_SINCE = re.compile(_SINCE_CLAUSE)
_SUBJECT_END = re.compile(r"(?:\b(?:he|she|it|they|we|I|you)|\b[A-Z][\w.'’-]*)$")
_BREAKS = [  # (pattern matching the separator, kind of the clause that follows)
    (
        re.compile(
            r";\s+|:\s+(?=[A-Z\"“])|(?<=[.!?])\s+(?=``|“|\")|(?:(?<=[.!?]'')|(?<=[.!?]”))\s+"
            r"(?=[A-Z`“\"])"  # a new sentence, not: stop!'' said a message
        ),
        "new",
    ),
    (re.compile(r"\s+(?:--|—|–|-|_)\s+"), "dash"),
    (re.compile(r",\s+(?=(?:who|whom|whose|which)\b)"), "relative"),
    (re.compile(r",?\s+and\s+(?=(?:who|whom|which)\s)"), "and-relative"),  # "who A and who B"
    (  # "the regions where he won in 2008": a clause about a place
        re.compile(rf",?\s+(?=where\s+(?:{_NEW_SUBJECT}|[A-Z][\w.'’-]*\s|[a-z]+\s+{_VP_START}))"),
        "locative",
    ),
    (re.compile(rf",\s+(?:and|but|or)\s+(?={_VP_START})|\s+and\s+(?={_VP_START})"), "coordinate"),
    (
        re.compile(
            rf",\s+(?:and|but|yet|so|while)\s+(?={_NEW_SUBJECT}|(?:[a-z][\w-]*\s+){{1,3}}{_VP_START})"
            r"|,\s+but\s+(?=[A-Z])"
        ),
        "new",
    ),
    (  # "X stepped out, and Toyota has said": a named subject; without the comma, only after
        # a verb (not "Smith and Jones have")
        re.compile(rf",?\s+and\s+(?=(?:[A-Z][\w.'’&-]*\s+){{1,3}}{_VP_START})"),
        "named",
    ),
    (
        re.compile(rf",\s+(?={_SUBORDINATOR})|\s+(?=(?:while|because|although|whereas)\s)"),
        "subordinate",
    ),
    (re.compile(rf"\s+(?={_SINCE_CLAUSE})"), "since"),  # "rents rose since a rail link opened"
]
_SUBORDINATORS = ("while", "because", "although", "whereas")
_NEEDS: list[Callable[[str], bool] | None] = [  # what a sentence must hold for each break
    None,
    lambda s: "-" in s or "—" in s or "–" in s or "_" in s,
    lambda s: "," in s and "wh" in s,
    lambda s: " and wh" in s,
    lambda s: "where" in s,
    lambda s: "and" in s or "but" in s or "or" in s,
    lambda s: "," in s,
    lambda s: " and " in s,
    lambda s: "," in s or any(w in s for w in _SUBORDINATORS),
    lambda s: "since " in s,
]
_COMMA = re.compile(r",\s+(?!\d)|(?<=[.!?])\s+(?=``|“|\")")  # not the comma of "April 4, 1949"
_INSERTED = re.compile(rf"(?!{_NEW_SUBJECT}|[A-Z])[a-z]+(?:s|ed)\b")  # "X, after Y, needs"
_INITIAL = re.compile(r"^\W*(?:When|While|As|Although|Though|Because|If|Whereas|Unless|Once)\b")
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these"}
_STOPS = {"of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or", "as"}
_LINK = {"of", "de", "the", "and", "&", "for", "du", "von", "van", "del", "la", "le"}
_OPENS_WITH_VERB = re.compile(rf"\s*{_VP_START}")
_OPENING_PHRASE = re.compile(r"^(?:[A-Z]\w*\s+[^,]{0,40},\s+)(?=[A-Z]|the\b)")
_LOWER_WORD = re.compile(r"\b[a-z][a-z-]*")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_CLAUSE_END = re.compile(rf"(?:,\s|;\s|\s--?\s|\s[—–]\s)(?!{_VP_START})")
_PHRASE_START = re.compile(
    r"\s(?=(?:which|who|that|when|while|as|because|after|before|with|including|compared|"
    r"according|to|in|on|at|for|from|by|and|but|or|under|over|through|amid|despite|until|"
    r"since|into|against|between|during|among|of)\b)"
)
_OPENER = re.compile(
    r"^(?:(?P<participle>[A-Z][a-z]+(?:ed|ing)|Found|Born)|In|On|At|For|After|Before|During|"
    r"Under|With)\b"
)
_DANGLING = re.compile(
    r"(?:\s+(?:on|in|at|by|since|until|from|to|of|the|a|an|and|or|but|as|for|with|that|"
    r"which|who|whose|its|his|her|their|than|into|is|was|were|are|be|been|would|will|when|"
    r"while|because|although|though|if|after|before|where|whether|\S+['’]s)|"
    r"\s*[,;:(\"“'‘_—–-]+)+$",
    re.I,
)
Piece = tuple[int, int, str]  # start, end, and what joins it to the piece before


@dataclass(frozen=True, slots=True)
class Clause:
    """Pieces of the sentence read as one clause, and how it began."""

    pieces: tuple[Piece, ...]
    kind: str  # main, new, relative, locative, aside, coordinate, subordinate
    lead: int  # where the separator before it starts (its antecedent or host ends there)

    def text(
        self,
        sentence: str,
        cut: Callable[[str, int, int], str] | None = None,
        span: tuple[int, int] | None = None,
    ) -> str:
        """The clause's words; `cut(piece, start, end)` rewrites the piece holding `span`."""
        out = ""
        for a, b, joint in self.pieces:
            piece = sentence[a:b]
            if cut and span and a <= span[0] < b:
                piece = cut(piece, span[0] - a, min(span[1], b) - a)
            piece = piece.strip(" ,")
            out = f"{out}{joint}{piece}" if out and piece else out or piece
        return out

    def holds(self, pos: int) -> bool:
        return any(a <= pos < b for a, b, _ in self.pieces)


def clauses(sentence: str) -> list[Clause]:
    """The clauses of `sentence`, in order of their first piece."""
    return list(_clauses(sentence))


@lru_cache(maxsize=256)
def _clauses(sentence: str) -> tuple[Clause, ...]:
    """`clauses`, kept for the last sentences: a sentence's dates each get a title, and a
    short title is tried twice (with its date phrase and without); a third of the calls
    repeat a sentence of the document (clauses are immutable, so they can be shared)."""
    found = sorted(
        (m.start(), m.end(), kind)
        for (pattern, kind), needs in zip(_BREAKS, _NEEDS, strict=True)
        if needs is None or needs(sentence)  # most sentences lack what most breaks need
        for m in pattern.finditer(sentence)
    )
    cuts: list[tuple[int, int, str]] = []
    for cut in found:
        if cut[2] == "since":
            cut = (*cut[:2], "subordinate")
        if cut[2] == "named":
            since = cuts[-1][1] if cuts else 0
            before = sentence[since : cut[0]]
            if sentence[cut[0]] != "," and (not has_verb(before) or _SUBJECT_END.search(before)):
                continue
            cut = (*cut[:2], "new")
        if not cuts or cut[0] >= cuts[-1][1]:  # no overlaps
            cuts.append(cut)
    dashes = [i for i, c in enumerate(cuts) if c[2] == "dash"]
    for n, i in enumerate(dashes):  # "X -- an aside -- Y": Y goes on with X
        cuts[i] = (*cuts[i][:2], "aside" if n % 2 == 0 and n + 1 < len(dashes) else "rest")
        if cuts[i][2] == "rest" and _SINCE.match(sentence, cuts[i][1]):  # "-- since X left"
            cuts[i] = (*cuts[i][:2], "subordinate")
        if n % 2 == 0 and n + 1 == len(dashes):
            cuts[i] = (*cuts[i][:2], "new")
    spans = []  # (start, end, kind, lead)
    prev_end, prev_kind, lead = 0, "subordinate" if _INITIAL.match(sentence) else "main", 0
    for start, end, kind in cuts:
        spans.append((prev_end, start, prev_kind, lead))
        prev_end, prev_kind, lead = end, kind, start
    spans.append((prev_end, len(sentence), prev_kind, lead))
    return tuple(_regroup(sentence, spans))


def _regroup(sentence: str, spans: list[tuple[int, int, str, int]]) -> list[Clause]:
    """A relative, an aside or an opening subordinate clause ends at its comma (or dash); the
    rest goes back to the clause it interrupted ("On Friday, when ..., the ministry said":
    "On Friday ... the ministry said")."""
    groups: list[tuple[list[Piece], str, int]] = []
    host: int | None = None
    inside = False  # within "-- an aside --": no clause there is the one the rest goes on
    for start, end, kind, lead in spans:
        inside = kind == "aside" or inside and kind != "rest"
        if kind == "rest" and host is not None:  # no comma stood where the aside was
            groups[host][0].append((start, end, " "))
            continue
        if kind == "and-relative":  # "who studies there and who left": the same antecedent
            prior = groups[-1] if groups and groups[-1][1] == "relative" else None
            kind, lead = "relative", prior[2] if prior else lead
        comma = _COMMA.search(sentence, start, end)
        nested = kind == "coordinate" and groups and groups[-1][1] == "relative"  # "who A and B,"
        relative = kind in ("relative", "locative")
        if relative or nested:  # it ends where the interrupted clause goes on
            ends = (m for m in _COMMA.finditer(sentence, start, end) if _goes_on(m, start))
            comma = next(ends, None)
        # "In the towns where it won in 2008, the party ...": the opening phrase ends there too
        opener = kind == "locative" and host is not None and not has_verb(sentence[:lead])
        if opener and comma is None:
            comma = _COMMA.search(sentence, start, end)
        opening = kind == "subordinate" and (
            start == 0 or len(groups) == 1 and len(sentence[:lead].split()) <= 4
        )
        inserted = kind == "subordinate" and comma and _INSERTED.match(sentence, comma.end())
        if comma and (relative or nested or opening or inserted):
            groups.append(([(start, comma.start(), "")], kind, lead))
            rest = (comma.end(), end)
            if start == 0 or host is None or opener:
                groups.append(([(*rest, "")], "main", comma.start()))
                host = len(groups) - 1
            else:
                groups[host][0].append((*rest, _joint(sentence, rest[0], comma.start())))
            continue
        groups.append(([(start, end, "")], "main" if kind == "rest" else kind, lead))
        if kind not in ("aside", "relative", "locative") and not inside:
            host = len(groups) - 1
    return [Clause(tuple(p), k, ld) for p, k, ld in groups if any(a < b for a, b, _ in p)]


def _goes_on(comma: re.Match[str], start: int) -> bool:
    """Whether a verb or a new sentence follows the comma, outside brackets: "X, who ..., said"."""
    before = comma.string[start : comma.start()]
    if before.count("(") > before.count(")"):
        return False
    return not comma.group().startswith(",") or _joint(comma.string, comma.end()) == " "


def _joint(sentence: str, start: int, before: int | None = None) -> str:
    """A space before the rest of an interrupted clause that goes on with its verb, or after a
    word that a comma cannot follow ("a video in which -- with help -- he"), else a comma
    ("sales of $1 million last year, according to ...")."""
    if before is not None and _NO_COMMA_AFTER.search(sentence, max(0, before - 8), before):
        return " "
    return " " if _OPENS_WITH_VERB.match(sentence, start) else ", "


_NO_COMMA_AFTER = re.compile(
    r"\b(?:which|who|whom|that|the|a|an|of|in|on|at|to|for|with|by|from|and|or|but)\s*$", re.I
)


def clause_at(sentence: str, pos: int) -> tuple[Clause, list[Clause]]:
    """The clause holding `pos`, and all clauses."""
    found = clauses(sentence)
    return next((c for c in found if c.holds(pos)), found[0]), found


def subject_of(text: str) -> str | None:
    """The words before the first verb of a clause ('The company' of 'The company was ...')."""
    text = _OPENING_PHRASE.sub("", text)  # "In 1998, "
    words = text.split()
    for i, word in enumerate(words[:10]):
        bare = word.strip(",;:")
        if "," in word or bare in _STOPS and i == 0:
            return None
        if i and _VERB.match(bare) and not (bare.endswith("ed") and words[i - 1] in _DETERMINERS):
            return " ".join(words[:i])
    return None


def is_phrase(text: str) -> bool:
    """Whether a piece after a dash or comma is a noun phrase, not a clause: "about one-tenth
    of what the state will pay", "the first time it has been that big" (a verb, but its own
    clause's: the words before it hold a pronoun or "what")."""
    words = text.split()
    if not words or not _PHRASE_HEAD.match(words[0]):
        return False
    subject = subject_of(text)
    return not has_verb(text) if subject is None else bool(_EMBEDDED.search(subject))


def opens_with_verb(text: str) -> bool:
    """Whether `text` starts with a verb: "had surpassed 100 million members"."""
    return _OPENS_WITH_VERB.match(text) is not None


_PHRASE_HEAD = re.compile(
    r"^(?:the|a|an|its|his|her|their|about|nearly|roughly|almost|some|more|less|double|"
    r"twice|triple|half|up|down|only|just|around|[$£€]?\d[\w.,$%-]*)$",
    re.I,
)
_EMBEDDED = re.compile(  # "the first time it", "a tenth of what the state": a clause inside
    r"(?:^|\s)(?:it|he|she|they|we|I|you|what|which|that|who|when|where)(?:$|\s)"
)


def has_verb(text: str) -> bool:
    """Whether `text` has a word that is surely a verb (a clause, not a list of dates)."""
    return any(_VERB.match(w) for w in _LOWER_WORD.findall(text))


def antecedent(text: str) -> str | None:
    """The noun phrase ending `text`, a name kept whole: '... the FBI's most wanted list'; of
    'Prime, Amazon's shipping program' the name, whose description the rest only is."""
    text = text.rstrip(" ,")
    comma = text.rfind(", ")
    if comma > 0 and _DESCRIPTION.match(text, comma + 2) and text[comma - 1 : comma].isalpha():
        np = text[comma + 2 :]
        name = text[:comma].split()[-1]
        if name[:1].isupper() and not has_verb(np) and len(np.split()) <= 8:
            text = text[:comma]  # "Prime, Amazon's program" -> "Prime"
    names = _NAME_LIST.search(text, max(0, len(text) - 120)) if " and " in text[-40:] else None
    if names:  # "Poland, the Czech Republic and Hungary, who"
        return names.group()
    words = text.split()
    if not words:
        return None
    if words[-1][:1].isupper():  # a name: the run of capitalised words and their links
        i = len(words) - 1
        while i > 0 and (
            words[i - 1][:1].isupper()
            or words[i - 1] in _LINK - {"the"}
            or (words[i - 1][:1].isdigit() and i > 1 and words[i - 2][:1].isupper())  # "Nasdaq 100"
        ):
            i -= 1
        while words[i] in _LINK:
            i += 1
        return " ".join(words[i:])
    for i in range(len(words) - 1, max(len(words) - 8, -1), -1):
        word = words[i]
        if word.lower() in _DETERMINERS:  # "the rights, which expire" -> "the rights"
            return " ".join(words[i:])
        if _POSSESSIVE_END.search(word) and i < len(words) - 1:
            return " ".join(words[i:])
        verb = "-" not in word and (
            _VERB.match(word) and not word.endswith("ed") or word.endswith("ing")
        )
        if verb and (i == 0 or words[i - 1].lower() not in _DETERMINERS):
            return " ".join(words[i + 1 :]) or word  # "are developing new machines, which"
        if word.lower() in _STOPS - {"and", "or"}:  # "support in states and regions"
            after = words[i + 1 :]
            if word == "of" and (after[0][:1].isdigit() or after[0][:1] in "$£€") and i > 1:
                return " ".join(words[i - 2 :])  # "capital gains of $48 million"
            return " ".join(after) if after[0] not in ("and", "or") else words[-1]
    return words[-1]


_DESCRIPTION = re.compile(  # "Amazon's shipping program" after a name: what describes it
    r"(?:the|a|an|its|his|her|their|[\w.&-]+['’]s)\s[^,]{0,80}\b[a-z][\w-]*$"
)
_NAME = r"(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:of\s+)?[A-Z][\w.'’-]*)*"
_NAME_LIST = re.compile(rf"(?:{_NAME},\s+)+{_NAME},?\s+and\s+{_NAME}$")


def fit(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at the last clause or phrase boundary that
    leaves a clause (never just an opening "In a letter to X"), never ending on a dangling
    word; a cut inside a clause ends with an ellipsis, unless a comma before it ends the
    clause well enough ("X overthrew Y, setting the stage…" -> "X overthrew Y")."""
    if len(text) <= limit:
        return text
    cuts = [(m.start(), False) for m in _CLAUSE_END.finditer(text) if m.start() <= limit]
    cuts += [(m.start(), True) for m in _PHRASE_START.finditer(text) if m.start() < limit - 1]
    for quoted in (False, True):  # a long enough cut outside quotation marks first
        for at, ellipsis in sorted(cuts, reverse=True):
            head = _trim(text[:at])
            if at < limit * (0.7 if not quoted else 0.6):
                break
            if not quoted and open_quote(head):
                continue
            if has_verb(head) and not _opening_only(head) and not _ADJUNCT_END.search(head):
                return _at_comma(head, limit, text) if ellipsis else head
    words = text[:limit].split()[:-1]  # whole words only, and a name whole or not at all
    while (
        len(words) > 1
        and words[-1][:1].isupper()
        and text[len(" ".join(words)) + 1 :][:1].isupper()
    ):
        words.pop()
    return _at_comma(_trim(" ".join(words)), limit, text)


_LISTED = re.compile(  # "his mother, stepfather and ...", not "seizing and gunning down"
    r"(?![a-z]+ing\b)[\w'’-]+(?:\s+[\w'’-]+){0,2}\s+(?:and|or)\s"
)
_ASIDE_ADVERB = re.compile(r"[a-z]+ly,")  # "to seek, unsuccessfully, a seat"


def _at_comma(head: str, limit: int, text: str) -> str:
    """`head` with an ellipsis, or cut at its last comma when what precedes is a clause."""
    comma = head.rfind(", ")
    while comma >= limit * 0.4:
        clause = _trim(head[:comma])
        lower = head[comma + 2 : comma + 3].islower() and not _LISTED.match(text, comma + 2)
        lower = lower and not clause.endswith("ly") and not _ASIDE_ADVERB.match(text, comma + 2)
        whole = has_verb(clause) and not open_quote(clause) and not _opening_only(clause)
        if lower and whole and not _ADJUNCT_END.search(clause):
            return clause
        comma = head.rfind(", ", 0, comma)
    return head + "…"


_ADJUNCT_END = re.compile(  # "..., but for each of the past eight years": its clause follows
    r"(?:^|,\s|\bthat\s)(?:(?:and|but|or)\s+)?(?:in|on|at|for|after|before|during|under|with|when|while|if|"
    r"as|since|until|because|although)\b[^,]*$",
    re.I,
)


def open_quote(text: str) -> bool:
    """Whether `text` ends inside a quotation: an opening mark not closed."""
    return text.count("“") > text.count("”") or text.count('"') % 2 == 1


def _opening_only(text: str) -> bool:
    """Whether `text` is only an opening phrase: "In a letter to X", "Found clinging to"."""
    opener = _OPENER.match(text)
    if not opener or "," in text:
        return False
    return not opener.group("participle") or not has_verb(text[opener.end() :])


def _trim(text: str) -> str:
    """Without dangling words and punctuation at the end."""
    return _DANGLING.sub("", text.rstrip()).rstrip(" ,;:")
