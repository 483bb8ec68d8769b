"""Generated news articles for the ingest benchmark and screenshots: N files of about 3 KB.

Real corpora are what the loader is slow on, so the articles imitate them rather than fill
bytes: a headline, a publication line in one of the formats outlets use ("Posted: 21.11.2023
14:07:00", "6:06 AM EST, November 26, 2023", a wire dateline), a photo caption with its
agency, a lead that dates its story by weekday ("said on Tuesday"), background sentences
with explicit and relative dates, quotes, credits and boilerplate. Stories come from a pool
of happenings spread over 30 years, so several articles report the same event and merging
has work to do. Most files are .txt; a few are HTML pages and JSON records. `bad` adds files
that cannot (fully) load, for the Import problems panel. Deterministic per seed.

    python benchmarks/articles.py OUT_FOLDER [--count N] [--bad K]
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

__all__ = ["write_articles"]

_START, _DAYS = date(1995, 1, 1), int(365.25 * 30)
_PEOPLE = [
    "Alexander Lukashenko",
    "Kassym-Jomart Tokayev",
    "Vladimir Putin",
    "Nikol Pashinyan",
    "Ilham Aliyev",
    "Imangali Tasmagambetov",
    "Shavkat Mirziyoyev",
    "Emomali Rahmon",
    "Sadyr Japarov",
    "Stanislav Zas",
    "Sergei Lavrov",
    "Ararat Mirzoyan",
]
_ROLES = {
    "Alexander Lukashenko": "Belarusian President",
    "Vladimir Putin": "Russian President",
    "Kassym-Jomart Tokayev": "Kazakh President",
    "Nikol Pashinyan": "Armenian Prime Minister",
    "Ilham Aliyev": "Azerbaijani President",
    "Sergei Lavrov": "Russian Foreign Minister",
    "Imangali Tasmagambetov": "CSTO Secretary General",
    "Emomali Rahmon": "Tajik President",
    "Shavkat Mirziyoyev": "Uzbek President",
    "Sadyr Japarov": "Kyrgyz President",
    "Stanislav Zas": "former CSTO Secretary General",
    "Ararat Mirzoyan": "Armenian Foreign Minister",
}
_ORGS = [
    "the Collective Security Treaty Organization (CSTO)",
    "the Eurasian Economic Union",
    "the Commonwealth of Independent States",
    "the Shanghai Cooperation Organisation",
    "the United Nations",
    "the European Union",
    "NATO",
    "the OSCE",
]
_CITIES = [
    "Minsk",
    "Moscow",
    "Astana",
    "Yerevan",
    "Baku",
    "Bishkek",
    "Dushanbe",
    "Tashkent",
    "Almaty",
    "Sochi",
    "St Petersburg",
    "Geneva",
]
_OUTLETS = ["BelTA", "Reuters", "TASS", "Kazinform", "Armenpress", "RFE/RL", "AFP", "Interfax"]
_AGENCIES = ["Reuters", "AFP", "Getty Images", "EPA", "TASS", "BelTA", "Sputnik"]
_ACTS = [
    "held talks with {b} in {city}",
    "met {b} on the sidelines of a summit in {city}",
    "signed a cooperation agreement with {b} in {city}",
    "hosted a meeting of the security council of {org} in {city}",
    "held a telephone conversation with {b}",
    "arrived in {city} for talks with {b}",
    "called for closer cooperation within {org}",
    "criticised {b} over the border dispute",
    "opened a new plant outside {city}",
    "announced joint military exercises with {b}",
]
_TOPICS = [
    "trade and energy prices",
    "regional security",
    "the situation on the border",
    "transport corridors",
    "grain supplies",
    "the gas transit agreement",
    "peacekeeping",
    "migration and labour",
    "joint air defence",
    "digital customs",
]
_QUOTES = [
    "We are prepared for a difficult period, but we will not step back",
    "This entire operation was planned down to the details",
    "Our countries have always found a common language",
    "No one should doubt our commitment to collective security",
    "We expect concrete decisions, not declarations",
    "The door for dialogue remains open",
    "It is a matter of trust between our peoples",
]
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_FILLER = [
    "Officials did not give further details about the agenda.",
    "Analysts said the talks reflected long-running tensions in the region.",
    "The ministry said experts from both sides would continue consultations.",
    "Both delegations stressed the importance of economic ties and mutual trade.",
    "The statement said the parties agreed to keep the matter under review.",
    "Opposition politicians criticised the decision as rushed.",
    "Diplomats described the atmosphere of the meeting as constructive.",
    "The two sides also discussed {topic} and cultural exchanges.",
]


def write_articles(folder: Path, count: int, *, seed: int = 1, bad: int = 0) -> list[Path]:
    """Write `count` articles (and `bad` broken files) into `folder`; returns their paths."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    pool = [_happening(rng) for _ in range(max(50, count // 3))]
    paths = []
    for i in range(count):
        story = rng.choice(pool)
        background = rng.sample(pool, 3)
        kind = rng.random()
        suffix = ".html" if kind < 0.04 else ".json" if kind < 0.07 else ".txt"
        sub = folder / str(story["when"].year)
        sub.mkdir(exist_ok=True)
        path = sub / f"{i:05d}_{_slug(story['title'])}{suffix}"
        path.write_text(_article(rng, story, background, suffix), encoding="utf-8")
        paths.append(path)
    paths.extend(_bad_files(folder, bad))
    return paths


def _happening(rng: random.Random) -> dict:
    a, b = rng.sample(_PEOPLE, 2)
    act = rng.choice(_ACTS).format(b=b, city=rng.choice(_CITIES), org=rng.choice(_ORGS))
    when = _START + timedelta(days=rng.randrange(_DAYS))
    title = f"{a.split()[-1]} {act.split(' with ')[0].replace('held ', 'holds ')}"
    return {"a": a, "b": b, "act": act, "when": when, "title": title[:90]}


def _article(rng: random.Random, story: dict, background: list[dict], suffix: str) -> str:
    published = story["when"] + timedelta(days=rng.choice([0, 1, 1, 2, 3]))
    outlet = rng.choice(_OUTLETS)
    title = story["title"][0].upper() + story["title"][1:]
    body = _body(rng, story, background, published, outlet)
    if suffix == ".json":
        return json.dumps(
            {
                "title": title,
                "date": published.isoformat(),
                "outlet": outlet,
                "text": "\n".join(body),
            },
            ensure_ascii=False,
        )
    if suffix == ".html":
        paras = "\n".join(f"<p>{line}</p>" for line in body)
        return (
            f"<html><head><title>{title} | {outlet}</title>"
            f'<meta property="article:published_time" content="{published.isoformat()}">'
            f"</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
            f"<article><h1>{title}</h1>\n{paras}\n</article>"
            f"<footer>© {published.year} {outlet}. All rights reserved.</footer>"
            f"</body></html>"
        )
    return "\n".join([title, _publication_line(rng, published), *body]) + "\n"


def _body(
    rng: random.Random, story: dict, background: list[dict], published: date, outlet: str
) -> list[str]:
    when, a, b = story["when"], story["a"], story["b"]
    day, said = _WEEKDAYS[when.weekday()], _WEEKDAYS[published.weekday()]
    lines = []
    if rng.random() < 0.6:
        lines.append(
            f"{_ROLES[a]} {a} speaks in {rng.choice(_CITIES)}, "
            f"{_MONTHS[published.month - 1]} {rng.randint(1, 28)}, "
            f"{published.year - rng.randint(1, 4)} ({rng.choice(_AGENCIES)})"
        )
    dateline = f"{rng.choice(_CITIES).upper()}, {_MONTHS[when.month - 1].upper()} {when.day}"
    lines.append(
        f"{dateline} ({outlet}) - {_ROLES[a]} {a} {story['act']} on {day}, "
        f"the press service said on {said}."
    )
    lines.append(f'"{rng.choice(_QUOTES)}," {a.split()[-1]} told reporters after the talks.')
    for old in background:
        lines.append(_dated(rng, old))
        lines.append(rng.choice(_FILLER).format(topic=rng.choice(_TOPICS)))
    lines.append(
        f"According to {outlet}, the sides discussed {rng.choice(_TOPICS)} and "
        f"agreed to meet again next month."
    )
    lines.append(
        f"Two days later, {b} said the talks had been useful, adding that "
        f"{rng.choice(_TOPICS)} remained the main issue."
    )
    lines.append(
        f'"{rng.choice(_QUOTES)}," {b.split()[-1]} said in a statement on '
        f"{_WEEKDAYS[(when.weekday() + 2) % 7]}."
    )
    lines.append(
        f"Earlier in {when.year}, {a.split()[-1]} had said that {rng.choice(_TOPICS)} "
        f"would top the agenda of {rng.choice(_ORGS)}."
    )
    while sum(len(x) + 1 for x in lines) < 2600:
        lines.append(
            rng.choice(_FILLER).format(topic=rng.choice(_TOPICS))
            if rng.random() < 0.5
            else _dated(rng, rng.choice(background))
        )
    lines.append(f"Photo: {rng.choice(_AGENCIES)}")
    lines.append("Related articles")
    return lines


def _dated(rng: random.Random, old: dict) -> str:
    """A background sentence about an earlier happening, dated the ways news texts date."""
    w, month = old["when"], _MONTHS[old["when"].month - 1]
    return rng.choice(
        [
            f"{old['a']} {old['act']} on {w.day} {month} {w.year}.",
            f"In {month} {w.year}, {old['a']} {old['act']}.",
            f"The previous round, when {old['a']} {old['act']}, took place in "
            f"{'early' if w.day < 11 else 'late'} {month} {w.year}.",
            f"On {month} {w.day}, {w.year}, {old['a'].split()[-1]} {old['act']}, "
            f"{rng.choice(['officials recalled', 'the agency reported', 'the ministry said'])}.",
            f"{old['a']} first raised {rng.choice(_TOPICS)} in {w.year}, when he {old['act']}.",
        ]
    )


def _publication_line(rng: random.Random, d: date) -> str:
    hour, minute = rng.randint(6, 22), rng.randint(0, 59)
    return rng.choice(
        [
            f"Posted: {d.day:02d}.{d.month:02d}.{d.year} {hour:02d}:{minute:02d}:00",
            f"{hour % 12 or 12}:{minute:02d} {'AM' if hour < 12 else 'PM'} EST, "
            f"{_MONTHS[d.month - 1]} {d.day}, {d.year}",
            f"Published {d.day} {_MONTHS[d.month - 1]} {d.year}",
        ]
    )


def _bad_files(folder: Path, bad: int) -> list[Path]:
    """Files a real folder holds by accident: each is named in the problems, never fatal."""
    makers = [
        ("broken-export.json", b'{"title": "Unfinished", "text": "The summit opened on'),
        ("empty-note.txt", b""),
        ("scan-2019-05-28.pdf", b"%PDF-1.4 not an article"),
        (
            "records.jsonl",
            b'{"title": "Fine", "date": "2021-03-04", "text": "Talks were held '
            b'on Monday, the ministry said."}\n{"title": "Cut off", "text": \n',
        ),
        ("blank.md", b"   \n\n  \n"),
    ]
    out = []
    for name, data in makers[:bad]:
        path = folder / name
        path.write_bytes(data)
        out.append(path)
    return out


def _slug(text: str) -> str:
    return "-".join("".join(c for c in w.lower() if c.isalnum()) for w in text.split()[:5])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--bad", type=int, default=0, help="broken files to add (at most 5)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_articles(args.folder, args.count, seed=args.seed, bad=args.bad)
    print(f"wrote {len(paths)} files to {args.folder}")


if __name__ == "__main__":
    main()
