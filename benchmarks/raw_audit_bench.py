"""Raw-integrity audit benchmark: one night's `_raw_lost` on a local S3 server, every URL vs a rolling slice.

A moto S3 server runs in a child process on 127.0.0.1 (as a real object store would be elsewhere:
it does not share the crawler's interpreter lock) and logs every request it answers; HEAD
requests are counted from that log, not from the client. The landing: `--sites` sites × `--articles`
known articles, each with its crawl state file and its raw HTML object; `--lost` raw objects per
site are deleted. Then, alternated in one run (`--rounds` times each), one night of every site's
real `_SiteCrawl._raw_lost()` (sites one after another, 16 checks at a time within a site as in
a crawl) with `raw_audit_nights` 1 and 7, on consecutive nights. Reported per setting: wall time,
HEAD requests, URLs checked and raw files found lost, and an extrapolation to `--target` known
articles (default 3 M: 10,000 sites × 300). Last line: JSON.

    python benchmarks/raw_audit_bench.py [--sites 20] [--articles 1000] [--lost 3] [--rounds 2]
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import logging
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SETTINGS = (1, 7)
FIRST_NIGHT = date(2026, 3, 2)
S3_HEAD_USD_PER_1000 = 0.0004  # AWS S3 Standard GET/HEAD list price (us-east-1), an assumption


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _start_moto(log_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    moto = Path(sys.executable).with_name("moto_server")
    log = log_path.open("wb")
    proc = subprocess.Popen([str(moto), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=log)
    endpoint = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            return proc, endpoint
        except OSError:
            time.sleep(0.05)
    proc.kill()
    raise RuntimeError(f"moto_server did not start (log: {log_path})")


def _requests(log_path: Path) -> dict[str, int]:
    """Requests the server answered so far, by method (its werkzeug access log)."""
    counts: dict[str, int] = {}
    for line in log_path.read_text(errors="replace").splitlines():
        for method in ("HEAD", "GET", "PUT", "POST", "DELETE"):
            if f'"{method} /' in line:
                counts[method] = counts.get(method, 0) + 1
    return counts


def _site(i: int):  # ingest is imported once the S3 environment is set
    from ingest.sites import Site

    return Site(
        id=f"bench-{i:05d}",
        commune=f"Xã {i}",
        province="Bench",
        family="generic",
        base_url=f"http://127.0.0.1:9/site-{i}/",  # never fetched: only the audit runs
        listing_urls=(f"http://127.0.0.1:9/site-{i}/tin-tuc",),
    )


def _build(store, sites: int, articles: int, lost: int) -> int:
    """Crawl state and raw objects of every site; `lost` raw objects per site deleted. Returns
    the raw objects written."""
    from ingest.paths import raw_key
    from ingest.site_state import SiteState, UrlState

    fetched = datetime(2026, 3, 1, 1, tzinfo=UTC)
    jobs: list[tuple[str, bytes]] = []
    for i in range(sites):
        site = _site(i)
        state = SiteState(site.id, last_crawl_date="2026-03-01", runs=["20260301T010000Z-bench0"])
        for a in range(articles):
            url = f"{site.base_url}tin-tuc/bai-{a}.html"
            body = f"<html><body><h1>Bài {a} của {site.id}</h1><p>{'nội dung ' * 40}</p></body></html>"
            sha = hashlib.sha256(body.encode()).hexdigest()
            state.urls[url] = UrlState(
                url,
                versions={sha: 1},
                latest_sha=sha,
                latest_version=1,
                documents={sha},  # cleaned: the audit's slice alone decides what is checked
                first_seen=fetched,
                fetched_at=fetched,
                checked_at=fetched,
            )
            if a >= lost:
                jobs.append((raw_key(sha), gzip.compress(body.encode(), mtime=0)))
        state.save(store)
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda job: store.write_bytes(*job), jobs))
    return len(jobs)


def _night(paths, sites: int, nights: int, day: date, log_path: Path) -> dict[str, Any]:
    """One night of every site's `_raw_lost` (timed alone: building the crawls is not)."""
    from ingest.crawl import Observer, _SiteCrawl
    from ingest.crawl_config import CrawlConfig
    from ingest.fetch import FetchConfig
    from ingest.politeness import HostGate
    from ingest.robots import RobotsCache

    crawl, fetch, gate, robots = (
        CrawlConfig(raw_audit_nights=nights),
        FetchConfig(),
        HostGate(),
        RobotsCache(),
    )
    run_id = f"{day:%Y%m%d}T010000Z-bench{nights}"
    elapsed, checked, lost, heads, other = 0.0, 0, 0, 0, 0
    for i in range(sites):
        job = _SiteCrawl(
            _site(i),
            paths,
            run_id=run_id,
            max_pages=None,
            fetch=fetch,
            crawl=crawl,
            gate=gate,
            robots=robots,
            observer=Observer(),
        )
        before = _requests(log_path)
        t0 = time.perf_counter()
        found = job._raw_lost()
        elapsed += time.perf_counter() - t0
        time.sleep(0.05)  # the server's access log line follows its answer
        after = _requests(log_path)
        heads += after.get("HEAD", 0) - before.get("HEAD", 0)
        other += sum(after.values()) - sum(before.values()) - (after.get("HEAD", 0) - before.get("HEAD", 0))
        checked += job.result.raw_audited
        lost += len(found)
        job.fetcher.close()
        job.landing.close()  # nothing buffered: lands nothing, stops its thread
    return {
        "wall_s": elapsed,
        "head_requests": heads,
        "other_requests": other,
        "checked": checked,
        "lost": lost,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sites", type=int, default=20)
    ap.add_argument("--articles", type=int, default=1000, help="known articles per site")
    ap.add_argument("--lost", type=int, default=3, help="raw objects deleted per site")
    ap.add_argument("--rounds", type=int, default=2, help="nights measured per setting, alternated")
    ap.add_argument("--target", type=int, default=3_000_000, help="known articles to extrapolate to")
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("ingest.crawl").setLevel(
        logging.ERROR
    )  # one "lost raw HTML" warning per site and night

    with tempfile.TemporaryDirectory(prefix="raw-audit-bench-") as tmp:
        log_path = Path(tmp) / "moto.log"
        proc, endpoint = _start_moto(log_path)
        try:
            os.environ.update(
                AWS_ACCESS_KEY_ID="bench",
                AWS_SECRET_ACCESS_KEY="bench",
                AWS_ENDPOINT_URL=endpoint,
                AWS_DEFAULT_REGION="us-east-1",
            )
            from ingest.paths import DataPaths
            from ingest.storage import s3_filesystem

            s3_filesystem().mkdir("rawaudit")
            paths = DataPaths.at(Path(tmp) / "data", "s3://rawaudit/data").ensure()
            known = args.sites * args.articles
            t0 = time.perf_counter()
            written = _build(paths.store, args.sites, args.articles, args.lost)
            print(
                f"landing: {args.sites} sites × {args.articles} known articles, {written} raw objects "
                f"({args.lost} per site deleted), built in {time.perf_counter() - t0:.1f} s",
                flush=True,
            )
            runs: dict[int, list[dict[str, Any]]] = {n: [] for n in SETTINGS}
            day = FIRST_NIGHT
            for r in range(args.rounds):
                for nights in SETTINGS if r % 2 == 0 else SETTINGS[::-1]:  # alternated, order swapped
                    got = _night(paths, args.sites, nights, day, log_path)
                    runs[nights].append(got)
                    print(
                        f"round {r + 1}, raw_audit_nights={nights}, night {day}: {got['wall_s']:.2f} s, "
                        f"{got['head_requests']} HEAD, {got['checked']} checked, {got['lost']} lost",
                        flush=True,
                    )
                    day += timedelta(days=1)
            # A whole cycle of nights with the rolling audit: every URL checked once, every loss found.
            cycle = [
                _night(paths, args.sites, 7, FIRST_NIGHT + timedelta(days=d), log_path) for d in range(7)
            ]
        finally:
            proc.terminate()
            proc.wait(timeout=10)

    per: dict[int, dict[str, Any]] = {}
    for nights in SETTINGS:
        wall = statistics.median(x["wall_s"] for x in runs[nights])
        heads = statistics.median(x["head_requests"] for x in runs[nights])
        target_heads = args.target * heads / known
        per[nights] = {
            "wall_s": round(wall, 2),
            "head_requests": int(heads),
            "other_requests": int(statistics.median(x["other_requests"] for x in runs[nights])),
            "checked": [int(x["checked"]) for x in runs[nights]],
            "lost_found": [int(x["lost"]) for x in runs[nights]],
            "ms_per_head": round(1000 * wall / heads, 3) if heads else None,
            "target_head_requests": int(target_heads),
            "target_hours_serial": round(args.target * wall / known / 3600, 2),
            "target_usd_per_night": round(target_heads / 1000 * S3_HEAD_USD_PER_1000, 2),
        }
    out: dict[str, Any] = {
        "sites": args.sites,
        "known_articles": known,
        "lost_objects": args.sites * args.lost,
    }
    out.update({f"nights_{n}": per[n] for n in SETTINGS})
    out["time_ratio_1_over_7"] = round(per[1]["wall_s"] / max(per[7]["wall_s"], 1e-9), 2)
    out["cycle_7_checked"] = sum(int(x["checked"]) for x in cycle)
    out["cycle_7_lost_found"] = sum(int(x["lost"]) for x in cycle)
    out["cycle_7_head_requests"] = sum(int(x["head_requests"]) for x in cycle)
    print(
        f"one week of rolling audit: {out['cycle_7_checked']} of {known} URLs checked, "
        f"{out['cycle_7_lost_found']} of {out['lost_objects']} lost raw objects found, "
        f"{out['cycle_7_head_requests']} HEAD requests"
    )
    print(
        f"extrapolated to {args.target:,} known articles, linear in known URLs (assumes the per-HEAD "
        "time measured here: moto on this shared machine, sites one after another, 16 checks at a "
        "time; a real S3 endpoint has other latencies, and a crawl audits 32 sites at once): "
        + "; ".join(
            f"raw_audit_nights={n}: {per[n]['target_head_requests']:,} HEAD/night, "
            f"{per[n]['target_hours_serial']} h serial, ${per[n]['target_usd_per_night']}/night "
            f"at ${S3_HEAD_USD_PER_1000} per 1,000 HEAD"
            for n in SETTINGS
        )
    )
    print(json.dumps(out))


if __name__ == "__main__":
    main()
