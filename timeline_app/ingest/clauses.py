"""The clauses of a sentence, so that each dated clause can be titled on its own.

Enough syntax for titles, no parser: a sentence breaks at semicolons, dashes and colons, at
", and"/", but" before a verb or a new subject, at a subordinator ("when", "because"), and
around a non-restrictive relative clause (", which ... ,"). A clause that lost its subject to
the break gets it back: "The firm was founded in 1998 and opened an office in 2006" gives
"The firm opened an office"; a relative clause gets its antecedent, a name kept whole.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["Clause", "clauses", "clause_at", "subject_of", "antecedent", "fit", "has_verb"]

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
    r"controls|employs|operates|makes|sells|runs|wants|hopes|intends|continues|seeks"
)
_VERB = re.compile(rf"^(?:{_AUX}|{_IRREGULAR}|[a-z][a-z-]+ed)$")
_ADVERB = r"(?:also|then|now|later|again|still|quickly|soon|[a-z]+ly)"
_VP_START = rf"(?:{_ADVERB}\s+)?(?:{_AUX}|{_IRREGULAR}|[a-z][a-z-]+ed)\b"
_NEW_SUBJECT = r"(?:the|a|an|its|his|her|their|he|she|it|they|we|I|this|that|these|there)\b"
_SUBORDINATOR = (
    r"(?:when|while|because|although|though|whereas|where|if|unless|until|after|before|"
    r"as(?!\s+(?:of|well|part|a|an|much|many|long|soon|usual|expected|such)\b))\b"
)
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
    (re.compile(rf",\s+(?:and|but|or)\s+(?={_VP_START})|\s+and\s+(?={_VP_START})"), "coordinate"),
    (
        re.compile(
            rf",\s+(?:and|but|yet|so|while)\s+(?={_NEW_SUBJECT}|(?:[a-z][\w-]*\s+){{1,3}}{_VP_START})"
            r"|,\s+but\s+(?=[A-Z])"
        ),
        "new",
    ),
    (
        re.compile(rf",\s+(?={_SUBORDINATOR})|\s+(?=(?:while|because|although|whereas)\s)"),
        "subordinate",
    ),
]
_COMMA = re.compile(r",\s+(?!\d)|(?<=[.!?])\s+(?=``|“|\")")  # not the comma of "April 4, 1949"
_INSERTED = re.compile(rf"(?!{_NEW_SUBJECT}|[A-Z])[a-z]+(?:s|ed)\b")  # "X, after Y, needs"
_INITIAL = re.compile(r"^\W*(?:When|While|As|Although|Though|Because|If|Whereas|Unless|Once)\b")
_DETERMINERS = {"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these"}
_STOPS = {"of", "in", "on", "at", "by", "for", "to", "from", "with", "and", "or", "as"}
_LINK = {"of", "de", "the", "and", "&", "for", "du", "von", "van", "del", "la", "le"}
_CLAUSE_END = re.compile(rf"(?:,\s|;\s|\s--\s|\s[—–]\s)(?!{_VP_START})")
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
    r"\s*[,;:(\"“'‘_-]+)+$",
    re.I,
)
Piece = tuple[int, int, str]  # start, end, and what joins it to the piece before


@dataclass(frozen=True, slots=True)
class Clause:
    """Pieces of the sentence read as one clause, and how it began."""

    pieces: tuple[Piece, ...]
    kind: str  # main, new, relative, aside, coordinate, subordinate
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
    found = sorted(
        (m.start(), m.end(), kind) for pattern, kind in _BREAKS for m in pattern.finditer(sentence)
    )
    cuts: list[tuple[int, int, str]] = []
    for cut in found:
        if not cuts or cut[0] >= cuts[-1][1]:  # no overlaps
            cuts.append(cut)
    dashes = [i for i, c in enumerate(cuts) if c[2] == "dash"]
    for n, i in enumerate(dashes):  # "X -- an aside -- Y": Y goes on with X
        cuts[i] = (*cuts[i][:2], "aside" if n % 2 == 0 and n + 1 < len(dashes) else "rest")
        if n % 2 == 0 and n + 1 == len(dashes):
            cuts[i] = (*cuts[i][:2], "new")
    spans = []  # (start, end, kind, lead)
    prev_end, prev_kind, lead = 0, "subordinate" if _INITIAL.match(sentence) else "main", 0
    for start, end, kind in cuts:
        spans.append((prev_end, start, prev_kind, lead))
        prev_end, prev_kind, lead = end, kind, start
    spans.append((prev_end, len(sentence), prev_kind, lead))
    return _regroup(sentence, spans)


def _regroup(sentence: str, spans: list[tuple[int, int, str, int]]) -> list[Clause]:
    """A relative, an aside or an opening subordinate clause ends at its comma (or dash); the
    rest goes back to the clause it interrupted ("On Friday, when ..., the ministry said":
    "On Friday ... the ministry said")."""
    groups: list[tuple[list[Piece], str, int]] = []
    host: int | None = None
    for start, end, kind, lead in spans:
        if kind == "rest" and host is not None:
            groups[host][0].append((start, end, _joint(sentence, start)))
            continue
        comma = _COMMA.search(sentence, start, end)
        nested = kind == "coordinate" and groups and groups[-1][1] == "relative"  # "who A and B,"
        if kind == "relative" or nested:  # it ends where the interrupted clause goes on
            ends = (m for m in _COMMA.finditer(sentence, start, end) if _goes_on(m, start))
            comma = next(ends, None)
        opening = kind == "subordinate" and (
            start == 0 or len(groups) == 1 and len(sentence[:lead].split()) <= 4
        )
        inserted = kind == "subordinate" and comma and _INSERTED.match(sentence, comma.end())
        if comma and (kind == "relative" or nested or opening or inserted):
            groups.append(([(start, comma.start(), "")], kind, lead))
            rest = (comma.end(), end)
            if start == 0 or host is None:
                groups.append(([(*rest, "")], "main", comma.start()))
                host = len(groups) - 1
            else:
                groups[host][0].append((*rest, _joint(sentence, rest[0])))
            continue
        groups.append(([(start, end, "")], "main" if kind == "rest" else kind, lead))
        if kind not in ("aside", "relative"):
            host = len(groups) - 1
    return [Clause(tuple(p), k, ld) for p, k, ld in groups if any(a < b for a, b, _ in p)]


def _goes_on(comma: re.Match[str], start: int) -> bool:
    """Whether a verb or a new sentence follows the comma, outside brackets: "X, who ..., said"."""
    before = comma.string[start : comma.start()]
    if before.count("(") > before.count(")"):
        return False
    return not comma.group().startswith(",") or _joint(comma.string, comma.end()) == " "


def _joint(sentence: str, start: int) -> str:
    """A space before the rest of an interrupted clause that goes on with its verb, else a
    comma ("sales of $1 million last year, according to ...")."""
    return " " if re.match(rf"\s*{_VP_START}", sentence[start:]) else ", "


def clause_at(sentence: str, pos: int) -> tuple[Clause, list[Clause]]:
    """The clause holding `pos`, and all clauses."""
    found = clauses(sentence)
    return next((c for c in found if c.holds(pos)), found[0]), found


def subject_of(text: str) -> str | None:
    """The words before the first verb of a clause ('The company' of 'The company was ...')."""
    text = re.sub(r"^(?:[A-Z]\w*\s+[^,]{0,40},\s+)(?=[A-Z]|the\b)", "", text)  # "In 1998, "
    words = text.split()
    for i, word in enumerate(words[:10]):
        bare = word.strip(",;:")
        if "," in word or bare in _STOPS and i == 0:
            return None
        if i and _VERB.match(bare) and not (bare.endswith("ed") and words[i - 1] in _DETERMINERS):
            return " ".join(words[:i])
    return None


def has_verb(text: str) -> bool:
    """Whether `text` has a word that is surely a verb (a clause, not a list of dates)."""
    return any(_VERB.match(w) for w in re.findall(r"\b[a-z][a-z-]*", text))


def antecedent(text: str) -> str | None:
    """The noun phrase ending `text`, a name kept whole: '... the FBI's most wanted list'."""
    words = text.rstrip(" ,").split()
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
    for i in range(len(words) - 1, max(len(words) - 6, -1), -1):
        word = words[i]
        if word.lower() in _DETERMINERS:  # "the rights, which expire" -> "the rights"
            return " ".join(words[i:])
        if re.search(r"['’]s?$", word) and i < len(words) - 1:
            return " ".join(words[i:])
        if word.lower() in _STOPS:
            break
    return words[-1]


def fit(text: str, limit: int) -> str:
    """`text` cut to at most `limit` characters at the last clause or phrase boundary that
    leaves a clause (never just an opening "In a letter to X"), never ending on a dangling
    word; a cut inside a clause ends with an ellipsis."""
    if len(text) <= limit:
        return text
    cuts = [(m.start(), False) for m in _CLAUSE_END.finditer(text) if m.start() < limit - 1]
    cuts += [(m.start(), True) for m in _PHRASE_START.finditer(text) if m.start() < limit - 1]
    for at, ellipsis in sorted(cuts, reverse=True):
        head = _trim(text[:at])
        if at < limit * 0.6:
            break
        if has_verb(head) and not _opening_only(head) and not _ADJUNCT_END.search(head):
            return head + ("…" if ellipsis else "")
    words = text[:limit].split()[:-1]  # whole words only, and a name whole or not at all
    while (
        len(words) > 1
        and words[-1][:1].isupper()
        and text[len(" ".join(words)) + 1 :][:1].isupper()
    ):
        words.pop()
    return _trim(" ".join(words)) + "…"


_ADJUNCT_END = re.compile(  # "..., but for each of the past eight years": its clause follows
    r"(?:^|,\s)(?:(?:and|but|or)\s+)?(?:in|on|at|for|after|before|during|under|with|when|while|if|"
    r"as|since|until|because|although)\b[^,]*$",
    re.I,
)


def _opening_only(text: str) -> bool:
    """Whether `text` is only an opening phrase: "In a letter to X", "Found clinging to"."""
    opener = _OPENER.match(text)
    if not opener or "," in text:
        return False
    return not opener.group("participle") or not has_verb(text[opener.end() :])


def _trim(text: str) -> str:
    """Without dangling words and punctuation at the end."""
    return _DANGLING.sub("", text.rstrip()).rstrip(" ,;:")
