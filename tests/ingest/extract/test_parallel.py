"""Extraction in worker processes: same results as in-process, errors per document, no stray workers."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from ingest.extract.parallel import WORKERS_ENV, ExtractPool, extract_one, workers_for

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _documents() -> list[tuple[str, str | None, str | None]]:
    paths = sorted((FIXTURES / "seeds").glob("*.txt")) + sorted((FIXTURES / "heldout").glob("*.txt"))
    return [(p.read_text(encoding="utf-8"), p.stem, None) for p in paths]


def test_workers_give_exactly_the_in_process_results() -> None:
    docs = _documents() * 3
    expected = [extract_one(d) for d in docs]
    assert sum(len(mentions) for _, mentions, _ in expected) > 500
    with ExtractPool(2, chunk_docs=4) as pool:
        assert pool.map(docs) == expected
        assert pool.map(docs[:1]) == expected[:1]  # the workers serve batch after batch
        assert pool.map([]) == []


def test_a_failing_document_is_an_error_of_its_own() -> None:
    docs = _documents()[:3]
    bad = (None, None, None)  # not text: the library raises
    with ExtractPool(2, chunk_docs=8) as pool:
        results = pool.map([docs[0], bad, docs[1], docs[2]])
    assert results[1][0] is None and results[1][1] == []
    assert results[1][2] is not None and "Error" in results[1][2]
    assert [r[2] for r in (results[0], *results[2:])] == [None, None, None]
    assert results[2] == extract_one(docs[1])


def test_soft_timeout_gives_up_on_the_document_only() -> None:
    big = ("\n".join(d[0] for d in _documents()) * 3, None, None)
    with ExtractPool(1, soft_timeout_s=0.001) as pool:
        meta, mentions, error = pool.map([big])[0]
    assert (meta, mentions) == (None, [])
    assert error is not None and error.startswith("ExtractionTimeout")


def test_a_hung_worker_is_killed_replaced_and_its_documents_retried_alone() -> None:
    big = ("\n".join(d[0] for d in _documents()) * 20, None, None)  # seconds of work
    small = ("Sản lượng lúa đạt 1.936 tấn.", None, None)
    with ExtractPool(1, hard_timeout_s=1.0, chunk_docs=8) as pool:
        results = pool.map([big, small])
        assert results[0][2] is not None and results[0][2].startswith("ExtractionWorkerError")
        assert results[1] == extract_one(small)  # retried alone in a fresh worker, and done
        assert pool.map([small]) == [extract_one(small)]


def test_workers_stop_when_their_parent_is_killed(tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import os, signal, sys
        from ingest.extract.parallel import ExtractPool
        pool = ExtractPool(2, chunk_docs=1)
        pool.map([("Sản lượng lúa đạt 1.936 tấn.", None, None)] * 4)
        print(" ".join(str(w.proc.pid) for w in pool._workers if w is not None), flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == -9, proc.stderr
    pids = [int(p) for p in proc.stdout.split()]
    assert len(pids) == 2
    deadline = time.monotonic() + 20
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _running(p)]
        time.sleep(0.1)
    assert alive == [], "workers outlived their parent"


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize(
    ("setting", "n_docs", "expected"),
    [("", 10, 0), ("0", 5000, 0), ("1", 5000, 0), ("2", 3, 2), ("3", 3, 3)],
)
def test_worker_count_follows_the_setting(monkeypatch, setting: str, n_docs: int, expected: int) -> None:
    monkeypatch.setenv(WORKERS_ENV, setting)
    assert workers_for(n_docs) == expected


def test_by_default_large_batches_use_every_core(monkeypatch) -> None:
    monkeypatch.delenv(WORKERS_ENV, raising=False)
    cores = len(os.sched_getaffinity(0))
    assert workers_for(100_000) == (cores if cores > 1 else 0)
