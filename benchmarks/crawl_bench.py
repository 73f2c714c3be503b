"""Crawl benchmark: simulator with 20 sites × 50 articles, per-host delay 0.2 s; wall time vs floor.

By default it measures crawl + landing (issue 3); `--with-clean` adds the cleaning hand-off.
The floor is what politeness alone costs: the slowest site's request count × the delay (sites run
in parallel, each host one request at a time). The simulator runs in a child process, as real
servers would be elsewhere, so it does not share the crawler's interpreter lock. Peak RSS is
that of the crawler process (it starts no processes of its own); the simulator child's is
printed apart. Last line: JSON with wall_s, floor_s, ratio, peak_rss_mb.

    python benchmarks/crawl_bench.py [--sites 20] [--articles 50] [--delay 0.2] [--with-clean]
"""

from __future__ import annotations

import argparse
import json
import logging
import multiprocessing as mp
import resource
import sys
import tempfile
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


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=20)
    ap.add_argument("--articles", type=int, default=50)
    ap.add_argument("--delay", type=float, default=0.2)
    ap.add_argument(
        "--with-clean",
        action="store_true",
        help="also run the cleaning hand-off (ingest.clean) inside the crawl, as `xaetl run` does",
    )
    args = ap.parse_args(argv)
    # Imported here, not at the top: the spawned simulator child re-imports this module and
    # should carry only the simulator, not the crawler.
    from ingest.crawl import crawl_sites
    from ingest.fetch import FetchConfig
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
            t0 = time.perf_counter()
            config = FetchConfig(clean=args.with_clean)
            results = crawl_sites(sites, paths, run_id=new_run_id(), config=config)
            wall = time.perf_counter() - t0
        finally:
            stop.set()
            server.join(30)
    pages = sum(r.pages_new for r in results)
    failed = sum(r.pages_failed for r in results)
    slowest = max(results, key=lambda r: r.requests)
    floor = slowest.requests * args.delay
    # The crawler spawns no processes of its own; the only child is the simulator (the stand-in
    # for remote servers), reported apart.
    peak = _rss_mb(resource.RUSAGE_SELF)
    requests = sum(r.requests for r in results)
    print(f"sites {len(results)}, articles landed {pages}, failed {failed}, requests {requests}")
    print(f"wall time     {wall:.2f} s")
    print(f"floor         {floor:.2f} s  ({slowest.site_id}: {slowest.requests} requests x {args.delay} s)")
    print(f"ratio         {wall / floor:.3f}  (target <= 1.3)")
    mode = "inside the crawl (--with-clean)" if args.with_clean else "off (crawl + landing only)"
    print(f"cleaning      {mode}")
    print(
        f"peak RSS      {peak:.0f} MB crawler process (target < 300); simulator child "
        f"{_rss_mb(resource.RUSAGE_CHILDREN):.0f} MB"
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
