"""National-scale benchmark: a synthetic landing history in the real format, then what one night costs.

History: `--sites` sites (default 2,000) × `--nights` nights (default 60); each site starts with
`--articles` known articles (default 300), publishes one new article a night, and each night
refetches the articles the revisit policy finds due (rows landed as the crawler lands them).
Nights older than `--window` are compacted (one file per table and night, written by
`ingest.compact`'s layout); the last nights keep one part per site and table, as the crawler
writes them. Every site's compact state is folded by `ingest.site_state` and saved.

Figures (the last printed line is JSON):
- `state_load_s` — mean `SiteState.load` of one site, at half the history and at the full one
  (`state_load_ratio` is their ratio; the old loader read every landing part of every site:
  `old_state_load_s`, one load each, with `--compare-old`);
- `files_per_night` — files one night adds per table at `--sites` and projected to 10,000 sites,
  before and after compaction;
- `neardup_s_per_doc` — the nightly grouping step on one night's new documents (`--sites`
  of them, some near-duplicates of history) against an index holding the whole history;
- `incremental_build_s` — `dbt build` after one night's new documents, the warehouse already
  built over the history (`full_build_s`); `--no-warehouse` skips it;
- `requests_per_site_per_night` — the real crawler on the portal simulator: sites of
  `--articles` articles (a Thanh Hóa portal without validators and a Liferay one with them)
  crawled night after night with the revisit clock moved a day each time; the steady nights'
  mean and maximum (target ≤ 20), and the files one site-night lands;
- `projected_hours_10k_sites` — a steady night of 10,000 sites at 1 s politeness with the
  configured concurrency (`ingest.sizing`: pool slots × hosts per task), and a first night.

    python benchmarks/scale_bench.py [--sites 2000] [--nights 60] [--data-dir DIR] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.clean.minhash import NUM_PERM, sketch  # noqa: E402
from ingest.clean.neardup import (  # noqa: E402
    BANDS,
    BANDS_SCHEMA,
    DOCS_SCHEMA,
    assign_groups,
    band_keys,
    doc_key,
    index_dir,
)
from ingest.compact import INPUTS_KEY, compact_night  # noqa: E402
from ingest.land import (  # noqa: E402
    BLOCKS_SCHEMA,
    CRAWL_RUNS_SCHEMA,
    DOCUMENTS_SCHEMA,
    PAGES_SCHEMA,
    SITES_SCHEMA,
    land_part,
    night_parts,
)
from ingest.paths import COMPACTED_SITE, DataPaths, landing_dir  # noqa: E402
from ingest.revisit import RevisitPolicy  # noqa: E402
from ingest.site_state import SiteState  # noqa: E402
from ingest.storage import Store  # noqa: E402

SEEDS = REPO / "tests" / "fixtures" / "seeds"
CLEAN_VERSION = "bench"
TARGET_SITES = 10_000
START = date(2026, 9, 1)
TABLES = ("pages", "documents", "blocks", "crawl_runs", "sites")


def seed_paragraphs() -> list[str]:
    out = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for para in seed.read_text(encoding="utf-8").splitlines():
            if len(para.strip()) > 60 and any(ch.isdigit() for ch in para):
                out.append(para.strip())
    return out


def perturb(text: str, rng: random.Random) -> str:
    """Change every number a little (keeps documents distinct, their shapes real)."""
    out, digits = [], []
    for ch in text + " ":
        if ch.isdigit():
            digits.append(ch)
            continue
        if digits:
            n = int("".join(digits))
            out.append(str(n if 1900 <= n <= 2100 else max(1, round(n * rng.uniform(0.8, 1.2)))))
            digits = []
        out.append(ch)
    return "".join(out[:-1])


@dataclass
class History:
    """The synthetic landing, its states and what the timing needs."""

    store: Store
    sites: int
    articles: int
    rng: random.Random
    paragraphs: list[str]
    states: dict[str, SiteState] = field(default_factory=dict)
    known: dict[str, list[str]] = field(default_factory=dict)
    night_files: dict[str, int] = field(default_factory=dict)
    policy: RevisitPolicy = field(default_factory=RevisitPolicy)
    docs_landed: int = 0
    repost: bool = False
    last_text: dict[str, str] = field(default_factory=dict)

    def site_id(self, i: int) -> str:
        return f"site-{i:05d}"

    def text(self, k: int) -> str:
        paras = self.rng.sample(self.paragraphs, 3)
        return f"BÁO CÁO số {k}\n" + "\n".join(perturb(p, self.rng) for p in paras)


def _sha(*parts: object) -> str:
    return hashlib.sha256("|".join(map(str, parts)).encode()).hexdigest()


def night(h: History, n: int, *, per_site: bool, warehouse_docs: bool) -> None:
    """Land night `n` for every site (per-site parts, or one compacted file per table)."""
    day = START + timedelta(days=n)
    crawl_date = f"{day:%Y-%m-%d}"
    run = f"{day:%Y%m%d}T010000Z-bench"
    at = datetime(day.year, day.month, day.day, 1, tzinfo=UTC)
    rows: dict[str, list[dict[str, Any]]] = {t: [] for t in TABLES}
    for i in range(h.sites):
        sid = h.site_id(i)
        state = h.states.setdefault(sid, SiteState(sid))
        pages: list[dict[str, Any]] = []
        docs: list[dict[str, Any]] = []
        if n == 0:  # the first crawl: the site's backlog, all new
            new_urls = [
                f"http://{sid}.example.vn/web/trang-chu/tin-tuc/bai-{k}.html" for k in range(h.articles)
            ]
            rows["sites"].append(
                {"run_id": run, "site_id": sid, "commune": f"Xã {i}", "province": "Thanh Hóa",
                 "family": "thanhhoa", "base_url": f"http://{sid}.example.vn", "registered_at": at}
            )  # fmt: skip
        else:
            new_urls = [f"http://{sid}.example.vn/web/trang-chu/tin-tuc/bai-{h.articles + n}.html"]
        revisit, _ = state.revisits(h.policy, at) if n else ([], 0)
        for url in revisit:  # no validators, unchanged text: a fetch row, no new version
            st = state.urls[url]
            pages.append(
                {"run_id": run, "site_id": sid, "url": url, "final_url": url, "fetched_at": at, "status": 200,
                 "change": "unchanged", "content_sha256": st.latest_sha, "body_sha256": _sha(url, n),
                 "version": st.latest_version, "bytes": 150_000, "encoding": "utf-8"}
            )  # fmt: skip
        for url in new_urls:
            sha = _sha(url, 1)
            pages.append(
                {"run_id": run, "site_id": sid, "url": url, "final_url": url, "fetched_at": at, "status": 200,
                 "change": "new", "content_sha256": sha, "body_sha256": sha, "version": 1, "bytes": 150_000,
                 "encoding": "utf-8"}
            )  # fmt: skip
            if n and warehouse_docs:  # the backlog stays out of the warehouse (see --help)
                text = h.text(h.docs_landed)
                if h.repost and i % 10 == 9:  # a tenth repost a neighbour's latest report
                    text = h.last_text.get(h.site_id(i - 1), text) + "\nNguồn: UBND xã"
                h.last_text[sid] = text
                sk = sketch(text)
                docs.append(
                    {"content_sha256": sha, "clean_version": CLEAN_VERSION, "run_id": run, "site_id": sid,
                     "url": url, "final_url": url, "fetched_at": at, "version": 1,
                     "title": text.split("\n")[0], "published_at": at.isoformat(), "text": text,
                     "text_sha256": _sha(text),
                     "footnotes_json": "{}", "warnings_json": "[]", "minhash": sk.minhash.tolist(),
                     "cleaned_at": at, "shingle_count": sk.size}
                )  # fmt: skip
                h.docs_landed += 1
        state.apply_pages(pages)
        state.apply_documents(
            [{**d, "text_sha256": d["text_sha256"]} for d in docs]
            or [{"url": u, "content_sha256": _sha(u, 1), "text_sha256": _sha(u, "t")} for u in new_urls]
        )
        state.note_run(run, crawl_date)
        rows["pages"] += pages
        rows["documents"] += docs
        rows["blocks"] += [
            {"content_sha256": d["content_sha256"], "clean_version": CLEAN_VERSION, "block_no": b,
             "block_type": "paragraph", "start": 0, "end": 10, "marker": None, "_site": sid}
            for d in docs for b in range(4)
        ]  # fmt: skip
        rows["crawl_runs"].append(
            {"run_id": run, "site_id": sid, "started_at": at, "finished_at": at + timedelta(seconds=30),
             "pages_seen": len(pages), "pages_new": len(new_urls), "pages_changed": 0,
             "pages_unchanged": len(revisit), "pages_not_modified": 0, "pages_failed": 0,
             "requests": len(pages) + 3, "documents_cleaned": len(docs), "revisits": len(revisit)}
        )  # fmt: skip
    schemas = {
        "pages": PAGES_SCHEMA, "documents": DOCUMENTS_SCHEMA, "blocks": BLOCKS_SCHEMA,
        "crawl_runs": CRAWL_RUNS_SCHEMA, "sites": SITES_SCHEMA,
    }  # fmt: skip
    versioned = {"documents": CLEAN_VERSION, "blocks": CLEAN_VERSION}
    files = 0
    for table, table_rows in rows.items():
        if not table_rows:
            continue
        schema = schemas[table]
        if per_site:
            by_site: dict[str, list[dict[str, Any]]] = {}
            for r in table_rows:
                by_site.setdefault(r.get("site_id") or r["_site"], []).append(r)
            for sid, mine in by_site.items():
                land_part(h.store, table, schema, mine, crawl_date=crawl_date, site_id=sid, name=run,
                          clean_version=versioned.get(table))  # fmt: skip
                files += 1
        else:  # what `ingest.compact` leaves of an old night: one file, rows sorted by site
            tbl = pa.Table.from_pylist(
                [{f.name: r.get(f.name) for f in schema} for r in table_rows], schema=schema
            )
            key = (
                f"{landing_dir(table, versioned.get(table))}/crawl_date={crawl_date}/site={COMPACTED_SITE}/"
                f"part-compacted-{_sha(table, crawl_date)[:16]}.parquet"
            )
            tbl = tbl.replace_schema_metadata({INPUTS_KEY: b"[]"})
            sink = pa.BufferOutputStream()
            pq.write_table(tbl, sink, compression="zstd", row_group_size=20_000)
            h.store.write_bytes(key, sink.getvalue().to_pybytes())
            files += 1
    h.night_files[crawl_date] = files


def save_states(h: History) -> float:
    t = time.perf_counter()
    for state in h.states.values():
        state.save(h.store)
    return time.perf_counter() - t


def sample_ids(h: History, sample: int) -> list[str]:
    return sorted(h.states)[:: max(1, len(h.states) // sample)][:sample]


def time_state_loads(stores: dict[str, Store], ids: list[str], rounds: int = 3) -> dict[str, float]:
    """Median `SiteState.load` time per store, the stores' loads interleaved (load on a shared
    machine varies by the minute; interleaving puts both sizes under the same conditions)."""
    times: dict[str, list[float]] = {label: [] for label in stores}
    for _ in range(rounds):
        for sid in ids:
            for label, store in stores.items():
                t = time.perf_counter()
                loaded = SiteState.load(store, sid)
                times[label].append(time.perf_counter() - t)
                assert loaded.urls, sid
    return {label: statistics.median(v) for label, v in times.items()}


def time_full_scan_load(store: Store, site_id: str) -> tuple[float, int]:
    """What loading a site's state cost before this change: every part of the crawl log and of
    the errors read, then filtered by site (the old `CrawlState.load`). Returns (s, files)."""
    import pyarrow.compute as pc

    t = time.perf_counter()
    keys = store.files("landing/pages", suffix=".parquet") + store.files(
        "landing/fetch_errors", suffix=".parquet"
    )
    rows = 0
    for key in keys:
        table = store.read_parquet(key)
        rows += table.filter(pc.equal(table["site_id"], site_id)).num_rows
    assert rows > 0
    return time.perf_counter() - t, len(keys)


def pad_index(store: Store, n_docs: int, rng: np.random.Generator) -> None:
    """Index `n_docs` history documents (random signatures), in parts as the nightly step writes them."""
    base = index_dir(CLEAN_VERSION)
    for start in range(0, n_docs, 50_000):
        k = min(50_000, n_docs - start)
        sigs = rng.integers(0, 2**32, size=(k, NUM_PERM), dtype=np.uint64).astype(np.uint32)
        shas = [_sha("history", start + i) for i in range(k)]
        keys = np.array([doc_key(s) for s in shas], dtype=np.int64)
        bands = np.stack([band_keys(s) for s in sigs])
        batch = f"history-{start:09d}"
        store.write_parquet(
            f"{base}/bands/part-{batch}.parquet",
            pa.table({"band_key": bands.reshape(-1), "doc_key": np.repeat(keys, BANDS)}, schema=BANDS_SCHEMA),
        )
        store.write_parquet(
            f"{base}/docs/part-{batch}.parquet",
            pa.table(
                {
                    "doc_key": keys,
                    "content_sha256": shas,
                    "neardup_group": shas,
                    "shingle_count": np.full(k, 400, np.int32),
                    "minhash": pa.array(list(sigs), pa.list_(pa.uint32())),
                    "night": [f"{START:%Y-%m-%d}"] * k,
                    "assigned_at": [datetime(2026, 9, 1, tzinfo=UTC)] * k,
                },
                schema=DOCS_SCHEMA,
            ),
        )


def main(argv: list[str] | None = None) -> dict[str, Any]:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sites", type=int, default=2000)
    ap.add_argument("--nights", type=int, default=60)
    ap.add_argument("--articles", type=int, default=300, help="known articles per site at the start")
    ap.add_argument("--window", type=int, default=3, help="recent nights kept as per-site parts")
    ap.add_argument("--sample", type=int, default=50, help="sites whose state load is timed")
    ap.add_argument("--compare-old", action="store_true", help="also time the old all-parts state load")
    ap.add_argument("--no-warehouse", action="store_true", help="skip the dbt builds")
    ap.add_argument("--crawl-nights", type=int, default=45, help="nights of the real crawler (0: skip)")
    ap.add_argument("--no-history", action="store_true", help="only the real-crawler part")
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args(argv)

    root = args.data_dir or Path(tempfile.mkdtemp(prefix="xaetl-scale-"))
    out: dict[str, Any] = {"sites": args.sites, "nights": args.nights, "articles": args.articles}
    if args.crawl_nights:
        out |= crawl_figures(root / "crawl", args.articles, args.crawl_nights)
        print(json.dumps({k: out[k] for k in ("requests_per_site_per_night", "projected_hours_10k_sites")}))
    if args.no_history:
        return out
    paths = DataPaths.at(root).ensure()
    store = paths.store
    h = History(store, args.sites, args.articles, random.Random(0), seed_paragraphs())
    t0 = time.perf_counter()
    half = args.nights // 2
    old: dict[str, Any] = {}
    half_store = Store.at(root / "half-history")
    for n in range(args.nights + 1):
        # the last `window` nights before each measurement are per-site parts, as the crawler
        # writes them; older ones as the compaction leaves them
        recent = any(m - args.window < n <= m for m in (half, args.nights))
        night(h, n, per_site=recent, warehouse_docs=not args.no_warehouse)
        if n in (half, args.nights):
            label = "half" if n == half else "full"
            out[f"save_states_s_{label}"] = round(save_states(h), 2)
            if args.compare_old:
                seconds, files = time_full_scan_load(store, h.site_id(0))
                old[label] = {"s": round(seconds, 2), "files": files}
            if n == half:  # keep this history as it is, to time both sizes side by side at the end
                shutil.copytree(root / "landing", Path(half_store.path()) / "landing")
                shutil.copytree(root / "state", Path(half_store.path()) / "state")
            print(f"night {n}: history saved", flush=True)
    out["history_s"] = round(time.perf_counter() - t0, 1)
    loads = time_state_loads({"half": half_store, "full": store}, sample_ids(h, args.sample))
    out["state_load_s"] = {k: round(v, 5) for k, v in loads.items()}
    out["state_load_ratio"] = round(loads["full"] / loads["half"], 2)
    if args.compare_old:
        out["old_state_load_s"] = old

    # files per night: the last (per-site) night, then the same night compacted
    last = f"{START + timedelta(days=args.nights):%Y-%m-%d}"
    per_table = {
        t: len(night_parts(store, t, last, CLEAN_VERSION if t in ("documents", "blocks") else None))
        for t in ("pages", "documents", "blocks", "crawl_runs", "fetch_errors", "sites")
    }
    per_night = sum(per_table.values())
    t = time.perf_counter()
    after = sum(
        compact_night(store, tb, last, CLEAN_VERSION if tb in ("documents", "blocks") else None)[1]
        for tb in per_table
    )
    out["files_per_night"] = {
        "per_table": per_table,
        "total": per_night,
        "per_site": round(per_night / args.sites, 2),
        "projected_10k_sites": round(per_night / args.sites * TARGET_SITES),
        "after_compaction": after,
        "compaction_s": round(time.perf_counter() - t, 2),
    }
    print(json.dumps({"files_per_night": out["files_per_night"]}), flush=True)

    if not args.no_warehouse:
        out |= warehouse_figures(paths, h, args)
    if not args.keep and args.data_dir is None:
        shutil.rmtree(root, ignore_errors=True)
    return out


def crawl_figures(root: Path, articles: int, nights: int) -> dict[str, Any]:
    """Requests and files per site and night of the real crawler on unchanged sites."""
    from ingest.crawl import crawl_sites
    from ingest.simulator.server import PortalSimulator
    from ingest.sites import load_registry
    from ingest.sizing import size

    paths = DataPaths.at(root).ensure()
    start = datetime.now(UTC)
    per_night: dict[str, list[int]] = {}
    files: list[int] = []
    with PortalSimulator.synthetic(
        n_sites=2, articles_per_site=articles, families=("thanhhoa", "liferay")
    ) as sim:
        sites = load_registry(sim.write_registry(root / "registry.yaml", delay_s=0.0))
        for n in range(nights + 1):
            before = len(paths.store.files("landing"))
            day = start + timedelta(days=n)
            results = crawl_sites(sites, paths, run_id=f"{day:%Y%m%d}T010000Z-crawl", now=day)
            files.append(len(paths.store.files("landing")) - before)
            for r in results:
                per_night.setdefault(r.site_id, []).append(r.requests)
            if n == 0:
                first = {r.site_id: r.pages_new for r in results}
    # steady nights: once the backlog is in (the request budget spreads it) and the first
    # revisits spread out
    steady_from = max(3, nights // 3)
    steady = [reqs for counts in per_night.values() for reqs in counts[steady_from:]]
    mean = statistics.mean(steady)
    national, first_size = size(TARGET_SITES, requests=mean), size(TARGET_SITES)
    return {
        "requests_per_site_per_night": {
            "steady_mean": round(mean, 2),
            "steady_max": max(steady),
            "first_night": {sid: counts[0] for sid, counts in per_night.items()},
            "by_night": per_night,
            "articles_landed_first_night": first,
        },
        "files_per_site_night_crawler": round(statistics.mean(files[steady_from:]) / len(per_night), 2),
        "projected_hours_10k_sites": {
            "steady_night": national.steady_hours,
            "first_night": first_size.first_night_hours,
            "pool_slots": national.pool_slots,
            "hosts_per_task": national.hosts_per_task,
            "concurrency": national.pool_slots * national.hosts_per_task,
            "politeness_s": 1.0,
        },
    }


def warehouse_figures(paths: DataPaths, h: History, args: argparse.Namespace) -> dict[str, Any]:
    """Near-duplicate step and dbt builds: history first, then one more night."""
    from ingest.pipeline import go_offline
    from ingest.warehouse.build import dbt_build

    go_offline()
    store = paths.store
    out: dict[str, Any] = {}
    t = time.perf_counter()
    history_index = h.sites * args.articles
    pad_index(store, history_index, np.random.default_rng(0))
    first = assign_groups(store, CLEAN_VERSION)  # the history nights' documents
    out["neardup_history_docs"] = history_index + first.documents
    out["neardup_history_s"] = round(time.perf_counter() - t, 1)
    out["peak_rss_mb_after_neardup_history"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    t = time.perf_counter()
    full = dbt_build(paths, quiet=True)
    out["full_build_s"] = round(time.perf_counter() - t, 1)
    if not full.ok:
        raise SystemExit(f"full build failed: {full.message}")
    # one more night: every site publishes one article; a tenth repost a neighbour's
    n = args.nights + 1
    h.rng.seed(n)
    h.repost = True
    night(h, n, per_site=True, warehouse_docs=True)
    step = assign_groups(store, CLEAN_VERSION)
    out["neardup_night_docs"] = step.documents
    out["neardup_night_grouped"] = step.grouped_with_another
    out["neardup_s_per_doc"] = round(step.elapsed_s / max(1, step.documents), 5)
    t = time.perf_counter()
    inc = dbt_build(paths, quiet=True)
    out["incremental_build_s"] = round(time.perf_counter() - t, 1)
    if not inc.ok:
        raise SystemExit(f"incremental build failed: {inc.message}")
    out["warehouse_documents"] = h.docs_landed
    return out


if __name__ == "__main__":
    print(json.dumps(main()))
