"""Regression guard: TempEval-3 scores on TimeBank+AQUAINT (256 documents, 1,822 TIMEX3s).

Runs the tagger over every document with its DCT, writes the system JSONL and scores it with
the shared TempEval-3 scorer. Each threshold is the figure reached when it was set, minus one
point: raise them when the tagger improves, never lower them to make a change pass.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from timeline_app.paths import SHARED_EVAL
from timeline_app.temporal.jsonl import tag_jsonl_file

EVAL_DIR = SHARED_EVAL
GOLD = EVAL_DIR / "timebank-aquaint.jsonl"
SCORER = EVAL_DIR / "score.py"

# Reached (score.py, all timexes / DATE only) minus one point, in percent.
MIN_STRICT_F1 = 88.2  # reached 89.34
MIN_RELAXED_F1 = 93.5  # reached 94.55
MIN_VALUE_F1 = 80.2  # reached 81.29
# Lowered from 89.0 on purpose: "Wednesday night" is now a TIME valued "...TNI" as the TIMEX3
# guidelines (and HeidelTime) have it, while much of AQUAINT's gold types it DATE.
MIN_TYPE_F1 = 88.7  # reached 89.72
MIN_DATE_VALUE_F1 = 80.1  # reached 81.13
MIN_DATE_STRICT_F1 = 88.9  # reached 89.95

# Outside CI the guard may be skipped without ../shared; in CI (which has it) it must run.
pytestmark = pytest.mark.skipif(
    not (GOLD.exists() and SCORER.exists()) and not os.environ.get("CI"),
    reason="shared TimeBank evaluation data not available",
)


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, float]]:
    system = tmp_path_factory.mktemp("timebank") / "system.jsonl"
    with open(system, "w", encoding="utf-8") as out:
        assert tag_jsonl_file(GOLD, out) == 256
    run = subprocess.run(
        [sys.executable, str(SCORER), str(GOLD), str(system), "--json"],
        check=True,
        capture_output=True,
        text=True,
    )
    result = json.loads(run.stdout)
    for view in ("all", "date_only"):
        s = result[view]
        print(
            f"\n[{view}] strict F1 {100 * s['strict_F1']:.2f}  relaxed F1 "
            f"{100 * s['relaxed_F1']:.2f}  value F1 {100 * s['value_F1']:.2f}  "
            f"type F1 {100 * s['type_F1']:.2f}"
        )
    return result


@pytest.mark.parametrize(
    ("view", "figure", "minimum"),
    [
        ("all", "strict_F1", MIN_STRICT_F1),
        ("all", "relaxed_F1", MIN_RELAXED_F1),
        ("all", "value_F1", MIN_VALUE_F1),
        ("all", "type_F1", MIN_TYPE_F1),
        ("date_only", "value_F1", MIN_DATE_VALUE_F1),
        ("date_only", "strict_F1", MIN_DATE_STRICT_F1),
    ],
)
def test_timebank_no_regression(
    scores: dict[str, dict[str, float]], view: str, figure: str, minimum: float
) -> None:
    assert 100 * scores[view][figure] >= minimum
