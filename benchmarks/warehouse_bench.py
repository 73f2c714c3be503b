"""Warehouse build benchmark: full `dbt build` of a 20,000-document landing, then +1% incremental.

The landing is synthetic but realistic: documents are assembled from paragraphs of the real
seed reports (numbers perturbed, Vietnamese number format kept), landed as real Parquet parts
through `ingest.land`, and the real `ingest.extract` library runs inside `dbt build`. The
paragraph count per document is calibrated against the extractor so that the landing yields
about 1,000,000 mentions. The last line printed is JSON:
`{"full_s": ..., "incremental_s": ..., "ratio": ...}` (target ratio <= 0.15).

    python benchmarks/warehouse_bench.py [--docs 20000] [--mentions 1000000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import shutil
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.extract import extract_mentions, extract_metadata  # noqa: E402
from ingest.land import CRAWL_RUNS_SCHEMA, DOCUMENTS_SCHEMA, PAGES_SCHEMA, land_part, land_sites  # noqa: E402
from ingest.paths import DataPaths  # noqa: E402
from ingest.pipeline import go_offline  # noqa: E402
from ingest.sites import Site  # noqa: E402

SEEDS = REPO / "tests" / "fixtures" / "seeds"
NUMBER = re.compile(r"(?<![\d/])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\d/])|(?<![\d/.,])\d+(?:,\d+)?(?![\d/.,])")
YEAR = re.compile(r"^(19|20)\d\d$")
DOCS_PER_RUN = 1000
N_SITES = 100
PERIOD_HEADERS = [
    "BÁO CÁO\nTình hình, kết quả thực hiện nhiệm vụ 6 tháng đầu năm {year}",
    "BÁO CÁO\nKết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội năm {year}",
    "THÔNG BÁO\nKết luận của Thường trực Đảng ủy về kết quả 6 tháng đầu năm {year}",
    "BÁO CÁO\nSơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ xã nhiệm kỳ 2020 - 2025",
]
PROVINCES = [("Thanh Hóa", "Thọ Xuân"), ("Lâm Đồng", "Bảo Lâm"), ("An Giang", "Phú Tân")]


def perturb(text: str, rng: random.Random) -> str:
    """Scale every non-year number by 0.8-1.2, keeping its Vietnamese format."""

    def repl(m: re.Match[str]) -> str:
        token = m.group(0)
        if YEAR.match(token):
            return token
        whole, _, frac = token.partition(",")
        value = float(whole.replace(".", "") + ("." + frac if frac else "")) * rng.uniform(0.8, 1.2)
        s = f"{value:.{len(frac)}f}".replace(".", ",") if frac else str(max(1, round(value)))
        if "." in whole:
            head, _, tail = s.partition(",")
            head = f"{int(head):,}".replace(",", ".")
            s = head + ("," + tail if tail else "")
        return s

    return NUMBER.sub(repl, text)


def paragraph_pool() -> list[tuple[str, int]]:
    """Seed paragraphs that mention indicators, with their mention count."""
    pool = []
    for seed in sorted(SEEDS.glob("*.txt")):
        for para in seed.read_text(encoding="utf-8").splitlines():
            para = para.strip()
            if len(para) < 40 or not re.search(r"\d", para):
                continue
            n = len(extract_mentions(para, title=None, published_at=None))
            if n:
                pool.append((para, n))
    return pool


def make_sites() -> list[Site]:
    sites = []
    for i in range(N_SITES):
        province, district = PROVINCES[i % len(PROVINCES)]
        sites.append(
            Site(
                id=f"xa-{i:03d}",
                commune=f"Xã Thử Nghiệm {i:03d}",
                district=district,
                province=province,
                family="generic",
                base_url=f"http://127.0.0.1:8765/xa{i:03d}",
                listing_urls=("/",),
            )
        )
    return sites


def make_doc(i: int, pool: list[tuple[str, int]], per_doc: float, rng: random.Random) -> dict:
    year = rng.choice([2021, 2022, 2023, 2024])
    header = rng.choice(PERIOD_HEADERS).format(year=year)
    site = f"xa-{i % N_SITES:03d}"
    lines = [
        f"ĐẢNG ỦY XÃ THỬ NGHIỆM {i % N_SITES:03d}",
        f"ngày {rng.randint(1, 28)} tháng 7 năm {year}",
        header,
    ]
    expected = 0.0
    while expected < per_doc:
        para, n = rng.choice(pool)
        lines.append(perturb(para, rng))
        expected += n
    text = "\n".join(lines)
    url = f"http://127.0.0.1:8765/xa{i % N_SITES:03d}/tin-tuc/bao-cao-{i}.html"
    return {
        "site_id": site,
        "url": url,
        "text": text,
        "title": header.splitlines()[1],
        "published_at": f"{year}-08-{rng.randint(1, 28):02d}T08:00:00+07:00",
        "content_sha256": hashlib.sha256(f"{url}\n{text}".encode()).hexdigest(),
    }


def land_run(paths: DataPaths, docs: list[dict], sites: list[Site], run_id: str, at: datetime) -> None:
    day = {"crawl_date": f"{at:%Y-%m-%d}"}
    land_sites(paths, sites, run_id=run_id, at=at)
    pages, documents = [], []
    for k, d in enumerate(docs):
        fetched = at + timedelta(milliseconds=k)
        common = {"run_id": run_id, "site_id": d["site_id"], "url": d["url"], "final_url": d["url"]}
        pages.append(
            {
                **common,
                "fetched_at": fetched,
                "status": 200,
                "change": "new",
                "content_sha256": d["content_sha256"],
                "version": 1,
                "bytes": len(d["text"]),
                "encoding": "utf-8",
                "content_type": "text/html",
            }
        )
        documents.append(
            {
                **common,
                "content_sha256": d["content_sha256"],
                "clean_version": "1",
                "fetched_at": fetched,
                "version": 1,
                "title": d["title"],
                "published_at": d["published_at"],
                "text": d["text"],
                "text_sha256": hashlib.sha256(d["text"].encode()).hexdigest(),
                "footnotes_json": "{}",
                "warnings_json": "[]",
                "neardup_group": d.get("neardup_group") or d["content_sha256"],
                "minhash": [],
                "cleaned_at": fetched,
            }
        )
    _land_per_site(paths, "pages", PAGES_SCHEMA, pages, day["crawl_date"], run_id)
    _land_per_site(paths, "documents", DOCUMENTS_SCHEMA, documents, day["crawl_date"], run_id, "1")
    runs = []
    for site in sites:
        n = sum(p["site_id"] == site.id for p in pages)
        runs.append(
            {
                "run_id": run_id,
                "site_id": site.id,
                "started_at": at - timedelta(minutes=5),
                "finished_at": at + timedelta(minutes=5),
                "pages_seen": n,
                "pages_new": n,
                "pages_changed": 0,
                "pages_unchanged": 0,
                "pages_failed": 0,
                "requests": n + 1,
            }
        )
    _land_per_site(paths, "crawl_runs", CRAWL_RUNS_SCHEMA, runs, day["crawl_date"], run_id)


def _land_per_site(paths, table, schema, rows, night, run_id, clean_version=None) -> None:
    """One part per site and run, as the crawler lands them."""
    by_site: dict[str, list[dict]] = {}
    for row in rows:
        by_site.setdefault(row["site_id"], []).append(row)
    for site_id, mine in by_site.items():
        land_part(paths.store, table, schema, mine, crawl_date=night, site_id=site_id, name=run_id,
                  clean_version=clean_version)  # fmt: skip


def generate(
    paths: DataPaths,
    n_docs: int,
    target_mentions: int,
    start: int,
    rng: random.Random,
    per_doc: float,
    pool,
    sites,
    first_run: datetime,
) -> None:
    for run_no, offset in enumerate(range(start, start + n_docs, DOCS_PER_RUN)):
        docs = [
            make_doc(i, pool, per_doc, rng) for i in range(offset, min(offset + DOCS_PER_RUN, start + n_docs))
        ]
        # 2% of each run are re-posts of another page of the run: near-duplicates
        for d in docs[::50][1:]:
            original = docs[0]
            d.update(text=original["text"] + "\n(đăng lại)", neardup_group=original["content_sha256"])
            d["content_sha256"] = hashlib.sha256(f"{d['url']}\n{d['text']}".encode()).hexdigest()
        at = first_run + timedelta(days=run_no + start // DOCS_PER_RUN)
        land_run(paths, docs, sites, f"{at:%Y%m%dT%H%M%SZ}-{start + offset:06d}", at)


def calibrate(pool, target_per_doc: float, rng: random.Random) -> float:
    """Paragraph mention budget per document so that the real extractor finds ~target_per_doc."""
    per_doc = target_per_doc
    for _ in range(2):
        sample = [make_doc(i, pool, per_doc, rng) for i in range(40)]
        found = 0
        for d in sample:
            meta = extract_metadata(d["text"], title=d["title"], published_at=d["published_at"])
            found += len(
                extract_mentions(d["text"], title=d["title"], published_at=d["published_at"], metadata=meta)
            )
        mean = found / len(sample)
        if mean <= 0:
            raise SystemExit(
                "the extraction library finds no mention in seed paragraphs; nothing to benchmark"
            )
        per_doc *= target_per_doc / mean
    return per_doc


def mart_counts(paths: DataPaths) -> dict[str, int]:
    import duckdb

    with duckdb.connect(str(paths.warehouse), read_only=True) as con:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("dim_document", "fct_indicator_mentions", "fct_commune_indicators", "fct_site_crawls")
        }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000)
    parser.add_argument("--mentions", type=int, default=1_000_000)
    parser.add_argument("--new-share", type=float, default=0.01)
    parser.add_argument(
        "--data-dir", type=Path, default=None, help="default: a temporary directory, removed after"
    )
    args = parser.parse_args()
    go_offline()
    from ingest.warehouse.build import dbt_build

    root = args.data_dir or Path(tempfile.mkdtemp(prefix="xaetl-warehouse-bench-"))
    paths = DataPaths.at(root).ensure()
    rng = random.Random(20250701)
    try:
        t0 = time.perf_counter()
        pool = paragraph_pool()
        per_doc = calibrate(pool, args.mentions / args.docs, rng)
        sites = make_sites()
        first_run = datetime(2024, 1, 1, 1, tzinfo=UTC)
        generate(paths, args.docs, args.mentions, 0, rng, per_doc, pool, sites, first_run)
        print(
            f"landing: {args.docs} documents in {time.perf_counter() - t0:.1f}s ({len(pool)} seed paragraphs)"
        )

        full = dbt_build(paths, full_refresh=True)
        if not full.ok:
            raise SystemExit(f"full build failed: {full.message}")
        print(f"full build: {full.elapsed_s:.1f}s {mart_counts(paths)}")

        n_new = max(1, round(args.docs * args.new_share))
        generate(paths, n_new, 0, args.docs, rng, per_doc, pool, sites, first_run)
        incremental = dbt_build(paths)
        if not incremental.ok:
            raise SystemExit(f"incremental build failed: {incremental.message}")
        print(f"incremental build (+{n_new} documents): {incremental.elapsed_s:.1f}s {mart_counts(paths)}")
        slowest = sorted(incremental.nodes, key=lambda n: -n.elapsed_s)[:5]
        print("slowest incremental nodes: " + ", ".join(f"{n.name} {n.elapsed_s:.1f}s" for n in slowest))
    finally:
        if args.data_dir is None:
            shutil.rmtree(root, ignore_errors=True)
    ratio = incremental.elapsed_s / full.elapsed_s
    print(
        json.dumps(
            {
                "full_s": round(full.elapsed_s, 2),
                "incremental_s": round(incremental.elapsed_s, 2),
                "ratio": round(ratio, 4),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
