"""CleanPool: pages cleaned in worker processes; crashes, hangs and shutdown never lose a page."""

from __future__ import annotations

import os
import time

import pytest

from ingest.clean import clean_html
from ingest.clean.pool import CleanPool, CleanPoolClosed, clean_body
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


def test_worker_result_equals_inline_cleaning() -> None:
    family = get_family("generic")
    with CleanPool(1) as pool:
        doc, sk = pool.submit(PAGE, family, "http://h/a", "utf-8").result()
        assert pool.worker_pids() and os.getpid() not in pool.worker_pids()
    inline = clean_html(PAGE, family=family, url="http://h/a", declared_encoding="utf-8")
    assert (doc.text, doc.title, doc.blocks) == (inline.text, inline.title, inline.blocks)
    assert doc.text and sk.size > 0 and len(sk.minhash) == 128


def test_crashing_page_gets_a_warning_and_other_pages_are_retried() -> None:
    with CleanPool(1) as pool:
        bad = pool.submit(PAGE, Crash(), "http://h/bad", None)  # type: ignore[arg-type]
        good = pool.submit(PAGE, None, "http://h/good", None)
        doc, _ = bad.result()
        assert doc.text == "" and doc.warnings == ["cleaner worker died: BrokenProcessPool"]
        doc, _ = good.result()  # caught in the crash, cleaned again by fresh workers
        assert doc.text and not doc.warnings
        assert pool.restarts >= 2
        assert pool.submit(PAGE, None, "http://h/after", None).result()[0].text


def test_hung_worker_is_killed_after_the_hard_timeout() -> None:
    with CleanPool(1, hard_timeout_s=1.0) as pool:
        hung = pool.submit(PAGE, Hang(), "http://h/hung", None)  # type: ignore[arg-type]
        pids = pool.worker_pids()
        t0 = time.monotonic()
        doc, _ = hung.result()
        assert time.monotonic() - t0 < 10
        assert doc.text == "" and doc.warnings == ["cleaner timed out after 1 s"]
        doc, _ = pool.submit(PAGE, None, "http://h/next", None).result()
        assert doc.text and pool.worker_pids() - pids  # new workers took over


def test_soft_timeout_gives_up_on_a_slow_page_inside_the_worker() -> None:
    slow = SlowFamily()
    t0 = time.monotonic()
    doc, sk = clean_body(PAGE, slow, "http://h/slow", None, soft_timeout_s=0.3)
    assert time.monotonic() - t0 < 5
    assert doc.text == "" and doc.warnings == ["cleaner timed out after 0.3 s"] and sk.size == 0
    with CleanPool(1, soft_timeout_s=0.3) as pool:
        doc, _ = pool.submit(PAGE, slow, "http://h/slow", None).result()
        assert doc.warnings == ["cleaner timed out after 0.3 s"]
        assert pool.restarts == 0  # the worker survived and is reused


def test_closed_pool_refuses_pages_and_interrupts_waiting_ones() -> None:
    pool = CleanPool(1)
    waiting = pool.submit(PAGE, Hang(), "http://h/hung", None)  # type: ignore[arg-type]
    pool.close(wait=False)  # what an exception or Ctrl-C in the crawl does
    with pytest.raises(CleanPoolClosed):
        waiting.result()  # not recorded as a failed page: the crawl lands neither row nor document
    with pytest.raises(CleanPoolClosed):
        pool.submit(PAGE, None, "http://h/late", None)
