"""CleanPool: pages cleaned in workers; a crash, hang or shutdown is a failed page, never empty text."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ingest.clean import clean_html
from ingest.clean.outcome import CLEAN_FAILED, CLEAN_TIMEOUT, WORKER_DIED, clean_body
from ingest.clean.pool import CleanPool, CleanPoolClosed
from ingest.sites.families import get_family

PAGE = (
    "<html><head><title>Báo cáo kết quả</title></head><body><article><h1>Báo cáo kết quả</h1>"
    + "".join(f"<p>Đoạn {i}: xã đạt {i * 3} tiêu chí nông thôn mới trong năm 2024.</p>" for i in range(30))
    + "</article></body></html>"
).encode()


class Crash:
    """Unpickling this in a worker kills the worker (a stand-in for a segfault in C code)."""

    def __reduce__(self):
        return os._exit, (3,)


class Hang:
    """Unpickling this in a worker blocks it (a stand-in for a hang the worker cannot interrupt)."""

    def __reduce__(self):
        return time.sleep, (30,)


class SlowFamily:
    """A family whose body selector takes forever to read: a page stuck in Python code."""

    name, title, date, drop = "slow", None, None, ()

    @property
    def body(self) -> str | None:
        time.sleep(10)
        return None


class BrokenFamily:
    """A family whose body selector raises: a cleaner bug on one page."""

    name, title, date, drop = "broken", None, None, ()

    @property
    def body(self) -> str | None:
        raise RuntimeError("selector exploded")


def test_worker_result_equals_inline_cleaning() -> None:
    family = get_family("generic")
    with CleanPool(1) as pool:
        out = pool.submit(PAGE, family, "http://h/a", "utf-8").result()
        assert pool.worker_pids() and os.getpid() not in pool.worker_pids()
        assert not pool.in_process
    inline = clean_html(PAGE, family=family, url="http://h/a", declared_encoding="utf-8")
    assert out.ok and out.doc is not None and out.sketch is not None
    assert (out.doc.text, out.doc.title, out.doc.blocks) == (inline.text, inline.title, inline.blocks)
    assert out.doc.text and out.sketch.size > 0 and len(out.sketch.minhash) == 128


def test_workers_never_run_the_parents_main_module(tmp_path: Path) -> None:
    """The Airflow task process case: `__main__` is the `airflow` script and the database URL is
    blanked; multiprocessing's spawn re-ran that script in each child, which died on the URL."""
    script = tmp_path / "airflow"
    script.write_text(
        "import os, sys\n"
        "if 'airflow' in sys.modules or os.environ.get('XAETL_TEST_CHILD'):\n"
        "    raise SystemExit('the parent main module ran in a cleaning worker')\n"
        "os.environ['XAETL_TEST_CHILD'] = '1'\n"
        "os.environ['AIRFLOW__DATABASE__SQL_ALCHEMY_CONN'] = 'airflow-db-not-allowed:///'\n"
        "from ingest.clean.pool import CleanPool\n"
        f"PAGE = {PAGE!r}\n"
        "with CleanPool(1) as pool:\n"
        "    out = pool.submit(PAGE, None, 'http://h/a', 'utf-8').result()\n"
        "assert out.ok and out.doc.text and not pool.in_process, out\n"
        "print('CLEANED', len(out.doc.text))\n"
    )
    proc = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, timeout=120, check=False
    )
    assert proc.returncode == 0 and "CLEANED" in proc.stdout, proc.stderr[-3000:]


def test_crashing_page_is_a_failed_page_and_the_next_page_gets_a_fresh_worker() -> None:
    with CleanPool(1) as pool:
        bad = pool.submit(PAGE, Crash(), "http://h/bad", None)  # type: ignore[arg-type]
        good = pool.submit(PAGE, None, "http://h/good", None)
        out = bad.result()
        assert out.failure == WORKER_DIED and out.doc is None
        assert out.message == "cleaning worker died (exit code 3)"
        out = good.result()  # handed over behind it, caught in the crash, cleaned by the next worker
        assert out.ok and out.doc is not None and out.doc.text
        assert pool.restarts == 1 and len(pool.worker_pids()) == 2


def test_each_crash_fails_only_the_page_that_caused_it() -> None:
    with CleanPool(1) as pool:
        bad = [pool.submit(PAGE, Crash(), f"http://h/bad{i}", None) for i in range(2)]  # type: ignore[arg-type]
        good = pool.submit(PAGE, None, "http://h/good", None)
        assert [b.result().failure for b in bad] == [WORKER_DIED, WORKER_DIED]
        assert good.result().ok  # behind bad1 in the second worker, cleaned by the third
        assert pool.restarts == 2 and len(pool.worker_pids()) == 3


def test_worker_killed_from_outside_fails_only_its_page() -> None:
    slow = SlowFamily()
    with CleanPool(1) as pool:
        job = pool.submit(PAGE, slow, "http://h/slow", None)  # type: ignore[arg-type]
        deadline = time.monotonic() + 30
        while not pool.worker_pids() and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(1.0)  # the worker is inside the slow selector
        (pid,) = pool.worker_pids()
        os.kill(pid, signal.SIGKILL)
        out = job.result()
        assert out.failure == WORKER_DIED and out.message == "cleaning worker died (killed by SIGKILL)"
        assert pool.submit(PAGE, None, "http://h/next", None).result().ok


def test_hung_worker_is_killed_after_the_hard_timeout() -> None:
    with CleanPool(1, hard_timeout_s=1.0) as pool:
        hung = pool.submit(PAGE, Hang(), "http://h/hung", None)  # type: ignore[arg-type]
        t0 = time.monotonic()
        out = hung.result()
        assert time.monotonic() - t0 < 10
        assert out.failure == CLEAN_TIMEOUT and out.message == "cleaner timed out after 1 s (worker killed)"
        pids = pool.worker_pids()
        out = pool.submit(PAGE, None, "http://h/next", None).result()
        assert out.ok and out.doc is not None and out.doc.text
        assert pool.worker_pids() - pids  # a new worker took over


def test_soft_timeout_gives_up_on_a_slow_page_inside_the_worker() -> None:
    slow = SlowFamily()
    t0 = time.monotonic()
    out = clean_body(PAGE, slow, "http://h/slow", None, soft_timeout_s=0.3)  # type: ignore[arg-type]
    assert time.monotonic() - t0 < 5
    assert out.failure == CLEAN_TIMEOUT and out.message == "cleaner timed out after 0.3 s"
    with CleanPool(1, soft_timeout_s=0.3) as pool:
        out = pool.submit(PAGE, slow, "http://h/slow", None).result()  # type: ignore[arg-type]
        assert out.failure == CLEAN_TIMEOUT
        assert pool.restarts == 0  # the worker survived and is reused


def test_cleaner_exception_is_a_clean_failed_page() -> None:
    with CleanPool(1) as pool:
        out = pool.submit(PAGE, BrokenFamily(), "http://h/broken", None).result()  # type: ignore[arg-type]
        assert out.failure == CLEAN_FAILED and "selector exploded" in out.message
        assert pool.restarts == 0


def test_empty_page_is_a_document_with_empty_text_not_a_failure() -> None:
    with CleanPool(1) as pool:
        out = pool.submit(b"<html><body></body></html>", None, "http://h/empty", None).result()
    assert out.ok and out.doc is not None and out.doc.text == "" and out.doc.warnings == ["empty body"]


def test_no_worker_can_start_cleans_in_process(caplog: pytest.LogCaptureFixture) -> None:
    with CleanPool(1, command=(sys.executable, "-c", "raise SystemExit(1)")) as pool:
        out = pool.submit(PAGE, None, "http://h/a", None).result()
        assert pool.in_process
    assert out.ok and out.doc is not None and out.doc.text
    assert "no cleaning worker could start" in caplog.text


def test_closed_pool_refuses_pages_and_interrupts_waiting_ones() -> None:
    pool = CleanPool(1)
    waiting = pool.submit(PAGE, Hang(), "http://h/hung", None)  # type: ignore[arg-type]
    queued = pool.submit(PAGE, None, "http://h/queued", None)
    time.sleep(1.0)
    pool.close(wait=False)  # what an exception or Ctrl-C in the crawl does
    with pytest.raises(CleanPoolClosed):
        waiting.result()  # not recorded as a failed page: the crawl lands neither row nor document
    with pytest.raises(CleanPoolClosed):
        queued.result()
    with pytest.raises(CleanPoolClosed):
        pool.submit(PAGE, None, "http://h/late", None)
    for pid in pool.worker_pids():
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)


def test_worker_exits_when_its_parent_is_killed(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    parent = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from ingest.clean.pool import CleanPool\n"
            "pool = CleanPool(1)\n"
            f"pool.submit({PAGE!r}, None, 'http://h/a', None).result()\n"
            f"open({str(pids)!r}, 'w').write(str(next(iter(pool.worker_pids()))))\n"
            "time.sleep(60)\n",
        ]
    )
    try:
        deadline = time.monotonic() + 60
        while not (pids.exists() and pids.read_text()) and time.monotonic() < deadline:
            time.sleep(0.1)
        worker = int(pids.read_text())
        os.kill(worker, 0)  # alive while its parent is
    finally:
        parent.kill()
        parent.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    if _alive(worker):
        os.kill(worker, signal.SIGKILL)
        pytest.fail("the cleaning worker outlived its SIGKILLed parent")


def _alive(pid: int) -> bool:
    """Running (a zombie waiting for init to reap it has exited)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False
