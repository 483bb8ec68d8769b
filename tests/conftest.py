import atexit
import os
import shutil
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# project stores of the tests (and of the CLI they start) go to a throw-away folder
_HOME = tempfile.mkdtemp(prefix="timeline-app-tests-")
os.environ["TIMELINE_APP_HOME"] = _HOME
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
