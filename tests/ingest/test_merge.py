"""One happening in several articles is one event, however worded or dated; different
happenings of one day stay apart. Articles written for these tests, loaded for real."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline_app.ingest import merge
from timeline_app.ingest.corpus import load_corpus
from timeline_app.ingest.extract import DatedStatement
from timeline_app.ingest.merge import (
    _EVENT_NOUN,
    _clusters,
    _noun_words,
    _nouns_in,
    _other_actors,
    _representative,
    _same_happening,
    _stems,
    _without_common,
    clusters_of,
    stated,
)
from timeline_app.model import FuzzyDate, Source

# (articles as (published header, body), how many events date 3 May (None: see the test),
#  why)
CASES = [
    (
        [
            (
                "Friday, 5 May 2023",
                "Halvorsen Motors filed for bankruptcy protection in Delaware "
                "on Wednesday, its lawyers said.",
            ),
            (
                "Thursday, 4 May 2023",
                "Halvorsen Motors, the Norwegian carmaker, sought protection "
                "from creditors in a Delaware court on 3 May.",
            ),
        ],
        1,
        "worded differently, dated 'Wednesday' and '3 May': two names and two words shared",
    ),
    (
        [
            ("Friday, 5 May 2023", "Halvorsen Motors opened a battery plant in Ohio on Wednesday."),
            (
                "Thursday, 4 May 2023",
                "Halvorsen Motors filed for bankruptcy protection in Delaware on 3 May.",
            ),
        ],
        2,
        "one company, one day, two happenings",
    ),
    (
        [
            (
                "Friday, 5 May 2023",
                "In Oslo Stock Exchange trading on Wednesday, Brattli shares "
                "closed at 41 crowns, down 2 crowns.",
            ),
            (
                "Friday, 5 May 2023",
                "In Oslo Stock Exchange trading on Wednesday, Nordvik shares "
                "closed at 12 crowns, up 1 crown.",
            ),
            (
                "Friday, 5 May 2023",
                "Its stock closed unchanged on Wednesday in trading on the Oslo Stock Exchange.",
            ),
        ],
        None,
        "alike words, other companies: a statement naming none must not chain them",
    ),
]


@pytest.mark.parametrize(("articles", "expected", "why"), CASES)
def test_merging(tmp_path: Path, articles, expected, why):
    for k, (published, body) in enumerate(articles):
        text = f"A headline for article {k}\n\n{published}\n\n{body}\n"
        (tmp_path / f"a{k}.txt").write_text(text, encoding="utf-8")
    events = [e for e in load_corpus(tmp_path).events if e.date.iso() == "2023-05-03"]
    assert sum(len(e.sources) for e in events) == len(articles), "every article dates 3 May"
    if expected is None:  # Brattli's and Nordvik's closes never share an event
        assert all({"a0.txt", "a1.txt"} - set(e.doc_ids) for e in events), why
    else:
        assert len(events) == expected, why


def _statement(title: str, n: int = 0) -> DatedStatement:
    source = Source(f"a{n}.txt", 0, 10, 0, 4, "2023", FuzzyDate(2023))
    return DatedStatement(source, title, False, title)


@pytest.mark.parametrize(
    "titles, expected, why",
    [
        (
            [
                "Leaders meet in Minsk for security talks",
                "Security talks in Minsk",
                "Minsk hosts security talks of leaders",
                "Weather was cold",
            ],
            "Minsk hosts security talks of leaders",
            "most words shared with the others (7, tied with a longer title)",
        ),
        (
            [
                "Minsk security talks begin with many unusual delegates",
                "Security talks in Minsk resume",
                "Security talks in Minsk",
            ],
            "Security talks in Minsk",
            "words no other title has count for nothing: a tie, the shortest wins",
        ),
        (
            ["Talks", "Security talks", "Security talks held in Minsk today by leaders"],
            "Security talks held in Minsk today by leaders",
            "titles of fewer than three words come last",
        ),
        (
            ["Minsk talks open today"] * 2 + ["Talks open"] + ["Leaders gather in Minsk"] * 60,
            "Minsk talks open today",
            "a cluster over _CENTROID_MAX: the shortest title of three words or more",
        ),
    ],
)
def test_representative_title_shares_most_words(titles, expected, why):
    cluster = [stated(_statement(t, n)) for n, t in enumerate(titles)]
    best = _representative(cluster, [_stems(t) for t in titles])
    assert titles[best] == expected, why


_NOUN_TEXTS = ["summit", "Summit", "SESSIONS", "elections", "election_2", "war-crisis", "Élan"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_NOUN_TEXTS, " ", ".", "s", "2", "ſummit"]), max_size=12))
def test_kinds_of_happening_found_as_the_regular_expression_finds_them(parts):
    """The word lookup must give what the regular expression gives, in any case and with
    non-ASCII text (which goes to the expression: "ſummit" matches it ignoring case)."""
    text = "".join(parts)
    assert _nouns_in(text) == {n.lower().rstrip("s") for n in _EVENT_NOUN.findall(text)}


@pytest.mark.parametrize(
    "alternatives, expected",
    [
        ("summit|elections?", {"summit", "election", "elections"}),
        ("state visit|summit", None),  # two words: a match is not one word run
        ("Summit", None),
        ("talks?|visit", {"talk", "talks", "visit"}),
    ],
)
def test_noun_words_only_for_one_word_alternatives(alternatives, expected):
    assert _noun_words(alternatives) == (None if expected is None else frozenset(expected))


def _pairwise_clusters(features):
    """`_clusters` as a full pairwise pass: each statement against every earlier one."""
    features = _without_common(features)
    parent = list(range(len(features)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    names = [set(f[3]) for f in features]
    for i in range(len(features)):
        ri = i
        for j in range(i):
            rj = root(j)
            if ri == rj or _other_actors(names[ri], names[rj]):
                continue
            if _same_happening(features[i], features[j]):
                parent[ri] = rj
                names[rj] |= names[ri]
                ri = rj
    clusters = {}
    for i in range(len(features)):
        clusters.setdefault(root(i), []).append(i)
    return list(clusters.values())


_STEMS = st.sets(st.sampled_from("abcdefgh"), max_size=5)
_FEATURES = st.tuples(
    _STEMS, _STEMS, st.sets(st.sampled_from(["talk", "summit"]), max_size=1), _STEMS, _STEMS
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_FEATURES, max_size=80))
def test_clusters_as_a_full_pairwise_pass_makes_them(features):
    """The statements looked at for each (found by names, or by the stems, kinds of
    happening and names they share) hold every one a full pass would merge it with."""
    assert _clusters(features) == _pairwise_clusters(features)


_WORDS = ["Acme", "Zenith", "Oslo", "Berg", "talks", "summit", "met", "signed", "deal", "in"]
_SENTENCE = st.lists(st.sampled_from(_WORDS), min_size=3, max_size=7).map(
    lambda ws: "It " + " ".join(ws) + "."
)
_STATED = st.tuples(_SENTENCE, _SENTENCE, st.booleans())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(_STATED, min_size=1, max_size=9), min_size=1, max_size=5))
def test_blocks_cluster_alike_with_features_remembered(blocks):
    """Blocks whose statements share titles and sentences (and names most of a block
    shares, which `_without_common` sets aside) cluster alike with every feature made
    afresh and remembered from the blocks before, in either order."""
    groups = [
        [(title, sentence, named, ("doc", k, 0)) for k, (title, sentence, named) in enumerate(b)]
        for b in blocks
    ]
    fresh = []
    for group in groups:
        merge._known_features.clear()
        fresh.append(clusters_of(group))
    merge._known_features.clear()
    assert [clusters_of(g) for g in groups] == fresh
    assert [clusters_of(g) for g in reversed(groups)] == fresh[::-1]
