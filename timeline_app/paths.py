"""Where the project's resources/ and data/ folders are (they sit beside the package)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["PROJECT_ROOT", "RESOURCES", "SHARED_EVAL", "SHIPPED_CORPUS"]

PROJECT_ROOT = Path(__file__).resolve().parent.parent
RESOURCES = PROJECT_ROOT / "resources"
SHIPPED_CORPUS = PROJECT_ROOT / "data" / "csto"
# the team's shared evaluation data sits beside the checkout (../shared/eval), in CI too
SHARED_EVAL = PROJECT_ROOT.parent / "shared" / "eval"
