"""The project store: a SQLite file per corpus with the extraction cache and user edits. No Qt."""

from .edits import apply_edits
from .location import data_home, store_path_for
from .notices import STORE_PROBLEM
from .project_store import Edit, ProjectStore, StoreError
from .schema import SCHEMA_VERSION, StoreVersionError

__all__ = [
    "SCHEMA_VERSION",
    "STORE_PROBLEM",
    "Edit",
    "ProjectStore",
    "StoreError",
    "StoreVersionError",
    "apply_edits",
    "data_home",
    "store_path_for",
]
