"""Extraction throughput: documents of ~50 KB per second on one core, over the seed texts.

Run `python benchmarks/extract_bench.py` (no arguments). Each seed is cleaned like `xaetl extract`
does, then its text is repeated up to ~50 KB; every document goes through `extract_metadata` and
`extract_mentions`. The last line printed is JSON: {"docs_per_s": …, "kb_per_s": …, "implementation":
"pure"|"native"}: the extractor measured is the one `ingest.extract` imports, compiled when a ready
`xaetl native build` of this source exists (`XAETL_NATIVE=0` measures the pure modules; README).

On a shared machine one run is noisy: `--repeats N` runs N rounds of `--seconds` each, prints every
round, and reports the median round in the JSON, with the best round as "best_docs_per_s".

The seed documents repeat one text to 50 KB and the round extracts the same three over and over, so
the extractor's per-sentence and per-name caches answer most calls after the first pass: a figure for
text the extractor has seen. `--texts real` measures text it has not: each ~50 KB document joins
distinct excerpts of the real corpus (`tests/fixtures/real/docs/`, none repeated), and the bounded
caches are cleared whenever the round starts over the documents again.

`--workers N` measures the worker-process pool dbt uses (`ingest.extract.parallel.ExtractPool`)
instead: documents per second of wall time with N workers, and the CPU seconds all processes spent
per document (parent and workers), so the pool's overhead shows even when other jobs share the
cores. Each round extracts the same batch of 400 documents in-process and then with the pool.
"""

from __future__ import annotations

import argparse
import functools
import gc
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.extract import extract_mentions, extract_metadata  # noqa: E402
from ingest.native import implementation  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
REAL_DOCS = ROOT / "tests" / "fixtures" / "real" / "docs"
DOC_BYTES = 50_000


def _documents() -> list[tuple[str, str | None, str | None]]:
    from ingest.clean import clean_text  # no fallback to raw text: its figure is not comparable

    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        cleaned = clean_text(path.read_text(encoding="utf-8"))
        text, title, published = cleaned.text, cleaned.title, cleaned.published_at
        body = text
        while len(body.encode("utf-8")) < DOC_BYTES:
            body += "\n" + text
        encoded = body.encode("utf-8")[:DOC_BYTES]
        docs.append((encoded.decode("utf-8", errors="ignore"), title, published))
    return docs


def _real_documents() -> list[tuple[str, str | None, str | None]]:
    """~50 KB documents of distinct real excerpts, joined in the corpus's order (the last one shorter)."""
    docs, parts, size = [], [], 0
    for path in sorted(REAL_DOCS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts.append(text)
        size += len(text.encode("utf-8")) + 1
        if size >= DOC_BYTES:
            docs.append(("\n".join(parts), None, None))
            parts, size = [], 0
    if parts:
        docs.append(("\n".join(parts), None, None))
    return docs


def _bounded_caches() -> list[Any]:
    """The extractor's bounded lru caches (per-sentence and per-name results; the unbounded ones hold
    the catalogue's indexes, loaded once per process)."""
    return [
        o
        for o in gc.get_objects()
        if isinstance(o, functools._lru_cache_wrapper)
        and getattr(o, "__module__", "").startswith("ingest.extract")
        and o.cache_info().maxsize is not None
    ]


def _round(
    docs: list[tuple[str, str | None, str | None]], seconds: float, *, cold: bool = False
) -> tuple[int, int, int, float]:
    """Extract the documents over and over for `seconds` of CPU time: (docs, bytes, mentions, seconds).
    `cold`: the bounded caches are cleared each time the documents start over."""
    n_docs = n_bytes = n_mentions = 0
    caches = _bounded_caches() if cold else []
    start = time.process_time()
    while time.process_time() - start < seconds:
        for cache in caches:
            cache.cache_clear()
        for text, title, published in docs:
            meta = extract_metadata(text, title=title, published_at=published)
            n_mentions += len(extract_mentions(text, title=title, published_at=published, metadata=meta))
            n_docs += 1
            n_bytes += len(text.encode("utf-8"))
    return n_docs, n_bytes, n_mentions, time.process_time() - start


def _cpu_s() -> float:
    """CPU seconds of this process and of its finished children (the pool's workers once closed)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _pool_round(docs: list[tuple[str, str | None, str | None]], workers: int) -> dict[str, float]:
    """One batch in-process, then with `workers` worker processes: wall and CPU time of each."""
    from ingest.extract.parallel import ExtractPool, extract_one

    batch = (docs * (400 // len(docs) + 1))[:400]
    wall, cpu = time.perf_counter(), _cpu_s()
    inline = [extract_one(d) for d in batch]
    inline_wall, inline_cpu = time.perf_counter() - wall, _cpu_s() - cpu
    wall, cpu = time.perf_counter(), _cpu_s()
    with ExtractPool(workers) as pool:
        pooled = pool.map(batch)
    pool_wall, pool_cpu = time.perf_counter() - wall, _cpu_s() - cpu
    if pooled != inline:
        raise SystemExit("the pool's results differ from in-process extraction")
    return {
        "inline_docs_per_s": len(batch) / inline_wall,
        "pool_docs_per_s": len(batch) / pool_wall,
        "speedup": inline_wall / pool_wall,
        "cpu_overhead": pool_cpu / inline_cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run (default 5 s)")
    parser.add_argument(
        "--repeats", type=int, default=1, help="rounds of --seconds each; the JSON reports the median"
    )
    parser.add_argument("--workers", type=int, default=0, help="measure the worker pool with N workers")
    parser.add_argument(
        "--texts",
        choices=("seeds", "real"),
        default="seeds",
        help="seeds: the seed texts repeated (default); real: distinct real excerpts, caches cleared",
    )
    args = parser.parse_args()
    if args.workers:
        docs = _documents() if args.texts == "seeds" else _real_documents()
        rounds = [_pool_round(docs, args.workers) for _ in range(max(1, args.repeats))]
        for r in rounds:
            print(", ".join(f"{k} {v:.2f}" for k, v in r.items()))
        print(json.dumps({k: round(statistics.median(r[k] for r in rounds), 2) for k in rounds[0]}))
        return
    print(json.dumps(measure(args.texts, args.seconds, args.repeats)))


def measure(texts: str, seconds: float, repeats: int) -> dict[str, Any]:
    """Warm up, then `repeats` rounds of `seconds` over the `texts` ("seeds" or "real"), each printed:
    the figures of the median round (and the best one's docs/s when there are several). Also what
    `benchmarks/native_bench.py` runs in each of its processes."""
    docs = _documents() if texts == "seeds" else _real_documents()
    for text, title, published in docs:  # warm-up: compile regexes, load the catalogue
        extract_mentions(text, title=title, published_at=published)
    rounds = []
    for _ in range(max(1, repeats)):
        n_docs, n_bytes, n_mentions, elapsed = _round(docs, seconds, cold=texts == "real")
        size_kb = n_bytes / n_docs / 1000
        print(f"{n_docs} documents ({size_kb:.1f} KB each), {n_mentions} mentions, {elapsed:.2f} s CPU")
        rounds.append((n_docs / elapsed, n_bytes / 1000 / elapsed))
    docs_per_s = statistics.median(r[0] for r in rounds)
    kb_per_s = statistics.median(r[1] for r in rounds)
    figures: dict[str, Any] = {
        "texts": texts,
        "implementation": implementation(),  # "native": a `xaetl native build` ran (XAETL_NATIVE=0: pure)
        "docs_per_s": round(docs_per_s, 1),
        "kb_per_s": round(kb_per_s, 1),
    }
    if len(rounds) > 1:
        figures["best_docs_per_s"] = round(max(r[0] for r in rounds), 1)
    return figures


if __name__ == "__main__":
    main()
