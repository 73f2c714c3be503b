"""Crawl benchmark: simulator with 20 sites × 50 articles, per-host delay 0.2 s; wall time vs floor.

By default it measures what `xaetl crawl` / `xaetl run` do: crawl + clean (in the crawler's
cleaning worker processes) + landing of pages, documents and blocks. `--no-clean` measures the
crawl and page landing alone. The floor is what politeness alone costs: the slowest site's
request count × the delay (sites run in parallel, each host one request at a time). The simulator
runs in a child process, as real servers would be elsewhere, so it does not share the crawler's
interpreter lock. Peak RSS: the crawler process, plus the sum of the peaks of every process the
crawler started (its cleaning workers and multiprocessing's helper), sampled while they live; the
simulator child is printed apart and not counted. Last line: JSON with wall_s, floor_s, ratio,
peak_rss_mb (crawler + its processes).

    python benchmarks/crawl_bench.py [--sites 20] [--articles 50] [--delay 0.2] [--no-clean]
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def _serve(n_sites: int, articles: int, delay: float, registry: str, ready: mp.Event, stop: mp.Event) -> None:
    from ingest.simulator.server import PortalSimulator

    logging.getLogger("ingest.simulator").setLevel(logging.WARNING)
    with PortalSimulator.synthetic(n_sites=n_sites, articles_per_site=articles) as sim:
        sim.write_registry(registry, delay_s=delay)
        ready.set()
        stop.wait()


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _hwm_mb(pid: int) -> float | None:
    """Peak resident set size of a live process (VmHWM), or None once it is gone."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class _ChildPeaks:
    """Samples the peak RSS of every process started while it runs (the crawler's), except `skip`
    (the simulator); processes that existed before (the harness's multiprocessing helper) are
    not the crawler's and are left out."""

    def __init__(self, skip: int, every_s: float = 0.05) -> None:
        import psutil

        self.skip, self.every_s = skip, every_s
        self.before = {p.pid for p in psutil.Process().children(recursive=True)}
        self.peaks: dict[int, float] = {}
        self.skipped = 0.0  # the simulator's peak
        self.cpu: dict[int, float] = {}  # CPU seconds of each child, as last sampled
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def __enter__(self) -> _ChildPeaks:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while True:
            try:
                children = me.children(recursive=True)
            except psutil.Error:
                children = []
            for child in children:
                if child.pid == self.skip:
                    self.skipped = max(self.skipped, _hwm_mb(child.pid) or 0.0)
                    continue
                if child.pid in self.before or self._descends_from_skip(child):
                    continue
                hwm = _hwm_mb(child.pid)
                if hwm is not None:
                    self.peaks[child.pid] = max(hwm, self.peaks.get(child.pid, 0.0))
                try:
                    t = child.cpu_times()
                    self.cpu[child.pid] = t.user + t.system
                except psutil.Error:
                    pass
            if self._stop.wait(self.every_s):
                return

    def _descends_from_skip(self, child: object) -> bool:
        import psutil

        try:
            return any(p.pid == self.skip for p in child.parents())  # type: ignore[attr-defined]
        except psutil.Error:
            return False


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=20)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--delay", type=float, default=0.2)
    ap.add_argument(
        "--no-clean",
        action="store_true",
        help="crawl and land pages only, without the cleaning that `xaetl crawl` / `xaetl run` do",
    )
    args = ap.parse_args(argv)
    # Imported here, not at the top: the spawned simulator child re-imports this module and
    # should carry only the simulator, not the crawler.
    from ingest.crawl import crawl_sites
    from ingest.crawl_config import CrawlConfig
    from ingest.paths import DataPaths
    from ingest.pipeline import new_run_id
    from ingest.sites import load_registry

    with tempfile.TemporaryDirectory(prefix="crawl-bench-") as tmp:
        registry = Path(tmp) / "registry.yaml"
        ctx = mp.get_context("spawn")
        ready, stop = ctx.Event(), ctx.Event()
        server = ctx.Process(
            target=_serve, args=(args.sites, args.articles, args.delay, str(registry), ready, stop)
        )
        server.start()
        try:
            if not ready.wait(120):
                raise SystemExit("simulator did not start")
            sites = load_registry(registry)
            paths = DataPaths.at(Path(tmp) / "data").ensure()
            config = CrawlConfig(clean=not args.no_clean)
            with _ChildPeaks(skip=server.pid or -1) as children:
                t0, cpu0 = time.perf_counter(), time.process_time()
                results = crawl_sites(sites, paths, run_id=new_run_id(), crawl=config)
                wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        finally:
            stop.set()
            server.join(30)
    pages = sum(r.pages_new for r in results)
    failed = sum(r.pages_failed for r in results)
    slowest = max(results, key=lambda r: r.requests)
    floor = slowest.requests * args.delay
    crawler = _rss_mb(resource.RUSAGE_SELF)
    workers = sum(children.peaks.values())
    peak = crawler + workers
    documents = sum(r.documents_cleaned for r in results)
    requests = sum(r.requests for r in results)
    print(f"sites {len(results)}, articles landed {pages}, failed {failed}, requests {requests}")
    print(f"wall time     {wall:.2f} s")
    print(f"floor         {floor:.2f} s  ({slowest.site_id}: {slowest.requests} requests x {args.delay} s)")
    print(f"ratio         {wall / floor:.3f}  (target <= 1.3)")
    mode = "off (--no-clean: crawl + page landing only)" if args.no_clean else f"{documents} documents landed"
    print(f"cleaning      {mode}")
    print(
        f"CPU           crawler process {cpu:.1f} s ({cpu / wall:.0%} of one core); "
        f"cleaning workers {sum(children.cpu.values()):.1f} s"
    )
    print(
        f"peak RSS      {peak:.0f} MB (target < 300) = crawler process {crawler:.0f} MB + its "
        f"{len(children.peaks)} cleaning worker process(es) {workers:.0f} MB (sum of their peaks); "
        f"simulator child (not counted) {children.skipped:.0f} MB"
    )
    figures = {
        "wall_s": round(wall, 3),
        "floor_s": round(floor, 3),
        "ratio": round(wall / floor, 3),
        "peak_rss_mb": round(peak, 1),
    }
    print(json.dumps(figures))
    return figures


if __name__ == "__main__":
    main()
