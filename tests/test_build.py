"""`timeline-app build` on the Dask engine writes the same project store as the local engine:
the `events` command then reads the same JSON from either, on the shipped corpus and on 500
generated articles. The cluster is a real one: 2 worker processes started here (Dask's
LocalCluster) and torn down after, its scheduler passed with --scheduler."""

from __future__ import annotations

import json
import operator
import subprocess
import sys
from pathlib import Path

import pytest

from timeline_app.cli import main
from timeline_app.ingest import corpus, pool
from timeline_app.paths import SHIPPED_CORPUS

ARTICLES = Path(__file__).parents[1] / "benchmarks" / "articles.py"


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local Dask cluster of 2 worker processes, one thread each."""
    from distributed import LocalCluster

    with LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as cluster:
        yield cluster.scheduler_address


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    """500 articles from the benchmark's deterministic generator."""
    folder = tmp_path_factory.mktemp("generated") / "articles"
    subprocess.run(
        [sys.executable, str(ARTICLES), str(folder), "--count", "500"],
        check=True,
        capture_output=True,
    )
    return folder


def built_events(folder, home, monkeypatch, capsys, *options):
    """Build `folder` into a store under `home`, then the events JSON that `events` reads
    back from that store (extracting or merging anything again fails the test)."""
    monkeypatch.setenv("TIMELINE_APP_HOME", str(home))
    assert main(["build", str(folder), *options]) == 0
    said = capsys.readouterr().out

    def not_again(*args, **kwargs):
        pytest.fail("events extracted or merged again instead of reading the store")

    out = home / "events.json"
    with monkeypatch.context() as m:
        m.setattr(corpus, "find_events", not_again)
        m.setattr(pool, "extract_file", not_again)
        assert main(["events", str(folder), "-o", str(out)]) == 0
    return said, out.read_bytes()


@pytest.mark.parametrize("which", ["shipped", "generated"])
def test_dask_builds_the_store_the_local_engine_builds(
    which, scheduler, generated, tmp_path, monkeypatch, capsys
):
    folder = SHIPPED_CORPUS if which == "shipped" else generated
    said_local, local = built_events(folder, tmp_path / "local", monkeypatch, capsys)
    said_dask, on_dask = built_events(
        folder,
        tmp_path / "dask",
        monkeypatch,
        capsys,
        "--engine",
        "dask",
        "--scheduler",
        scheduler,
    )
    assert "(local engine)" in said_local and "(dask engine)" in said_dask
    events = json.loads(on_dask)
    assert len(events) >= (8 if which == "shipped" else 2000)
    assert on_dask == local, "the same events, byte for byte"


def test_without_a_scheduler_build_starts_a_local_cluster(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TIMELINE_APP_HOME", str(tmp_path))
    assert main(["build", str(SHIPPED_CORPUS), "--engine", "dask", "--workers", "2"]) == 0
    assert "built 8 events from 5 documents" in capsys.readouterr().out
    assert main(["events", str(SHIPPED_CORPUS), "-o", str(tmp_path / "e.json")]) == 0
    assert len(json.loads((tmp_path / "e.json").read_text())) == 8


def test_a_dask_map_hands_back_every_result_by_index_and_stops_on_a_cancel(scheduler):
    from timeline_app.ingest.engines import open_engine

    with open_engine("dask", scheduler=scheduler) as engine:
        assert engine.workers(1) == 2
        with engine.pool(100, workers=2) as on_cluster:
            got = {}
            on_cluster.map(operator.add, list(range(40)), on_done=got.__setitem__)
            assert got == {i: 100 + i for i in range(40)}

            def cancel(index, result):
                raise KeyboardInterrupt("cancelled")

            with pytest.raises(KeyboardInterrupt):
                on_cluster.map(operator.add, list(range(40)), on_done=cancel)
            again = {}
            on_cluster.map(operator.add, [1, 2], on_done=again.__setitem__)
            assert again == {0: 101, 1: 102}, "the pool goes on after a cancelled map"


def run_cli(code: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)


def test_without_dask_installed_the_dask_engine_is_one_line(tmp_path):
    done = run_cli(
        "import sys\n"
        "sys.modules['dask'] = sys.modules['distributed'] = None  # as if not installed\n"
        "from timeline_app.cli import main\n"
        f"sys.exit(main(['build', {str(SHIPPED_CORPUS)!r}, '--engine', 'dask']))\n"
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "needs Dask distributed" in done.stderr and "timeline-app[dask]" in done.stderr


def test_an_unreachable_scheduler_is_one_line(tmp_path, monkeypatch, capsys):
    from timeline_app.ingest.engines import dask_engine

    monkeypatch.setattr(dask_engine, "_CONNECT_TIMEOUT", "1s")
    argv = ["build", str(SHIPPED_CORPUS), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot reach a Dask scheduler at tcp://127.0.0.1:9" in err


def test_a_data_file_has_nothing_to_build(capsys):
    data = Path(__file__).parent / "formats" / "data" / "eras-groups.json"
    assert main(["build", str(data)]) == 2
    assert "nothing to build" in capsys.readouterr().err


def test_a_store_that_cannot_be_written_fails_the_build(tmp_path, monkeypatch, capsys):
    home = tmp_path / "a-file"
    home.write_text("not a folder")  # root may write anywhere: a file stands in the way
    monkeypatch.setenv("TIMELINE_APP_HOME", str(home))
    assert main(["build", str(SHIPPED_CORPUS)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot open the project store" in err and "nothing kept" in err


def test_a_scheduler_is_for_the_dask_engine(capsys):
    assert main(["build", str(SHIPPED_CORPUS), "--scheduler", "tcp://127.0.0.1:8786"]) == 2
    assert "--scheduler is for --engine dask" in capsys.readouterr().err
