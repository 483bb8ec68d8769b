"""The model layer (dates, documents, events, tagger, ingest) never loads Qt."""

import json
import subprocess
import sys

MODEL_MODULES = [
    "timeline_app.model",
    "timeline_app.temporal",
    "timeline_app.ingest",
    "timeline_app.export.events_json",
    "timeline_app.cli",
]


def test_model_layer_imports_no_qt(tmp_path):
    code = (
        "import json, sys\n"
        f"for m in {MODEL_MODULES!r}: __import__(m)\n"
        "from timeline_app.ingest import load_corpus\n"
        "from timeline_app.paths import SHIPPED_CORPUS\n"
        "load_corpus(SHIPPED_CORPUS)\n"
        "print(json.dumps(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert json.loads(out.stdout) == []
