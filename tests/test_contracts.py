"""Static contracts, run with the suite so CI keeps them: the import rules of pyproject.toml
(import-linter: the layers, Qt only in gui and render, nothing imports gui but the entry
point), ruff's lint and format check, and mypy --strict on the Qt-free core (model, tagger, plan)."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

CHECKS = [
    (["lint-imports"], "import contracts (pyproject.toml, [tool.importlinter])"),
    (["ruff", "check", "timeline_app", "tests", "benchmarks", "scripts"], "ruff lint"),
    (
        ["ruff", "format", "--check", "timeline_app", "tests", "benchmarks", "scripts"],
        "ruff format (run `ruff format` to fix)",
    ),
    (
        ["mypy", "--strict", "timeline_app/model", "timeline_app/temporal", "timeline_app/plan"],
        "mypy --strict on the model, the tagger and the plan",
    ),
]


@pytest.mark.parametrize(("command", "what"), CHECKS, ids=[c[1] for c in CHECKS])
def test_static_contract(command, what):
    tool = BIN / command[0]
    exe = str(tool) if tool.exists() else shutil.which(command[0])
    assert exe, f"{command[0]} is not installed (bash scripts/setup.sh --test installs it)"
    out = subprocess.run([exe, *command[1:]], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, f"{what} failed:\n{out.stdout}\n{out.stderr}"
