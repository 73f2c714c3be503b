"""Extraction throughput: documents of ~50 KB per second on one core, over the seed texts.

Run `python benchmarks/extract_bench.py` (no arguments). Each seed is cleaned like `xaetl extract`
does, then its text is repeated up to ~50 KB; every document goes through `extract_metadata` and
`extract_mentions`. The last line printed is JSON: {"docs_per_s": …, "kb_per_s": …}.

On a shared machine one run is noisy: `--repeats N` runs N rounds of `--seconds` each, prints every
round, and reports the median round in the JSON, with the best round as "best_docs_per_s".
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest.extract import extract_mentions, extract_metadata  # noqa: E402

SEEDS = ROOT / "tests" / "fixtures" / "seeds"
DOC_BYTES = 50_000


def _documents() -> list[tuple[str, str | None, str | None]]:
    try:
        from ingest.clean import clean_text
    except ImportError:  # cleaner not installed: benchmark on the raw text
        clean_text = None
    docs = []
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        if clean_text is not None:
            cleaned = clean_text(raw)
            text, title, published = cleaned.text, cleaned.title, cleaned.published_at
        else:
            text, title, published = raw, None, None
        body = text
        while len(body.encode("utf-8")) < DOC_BYTES:
            body += "\n" + text
        encoded = body.encode("utf-8")[:DOC_BYTES]
        docs.append((encoded.decode("utf-8", errors="ignore"), title, published))
    return docs


def _round(docs: list[tuple[str, str | None, str | None]], seconds: float) -> tuple[int, int, int, float]:
    """Extract the documents over and over for `seconds` of CPU time: (docs, bytes, mentions, seconds)."""
    n_docs = n_bytes = n_mentions = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for text, title, published in docs:
            meta = extract_metadata(text, title=title, published_at=published)
            n_mentions += len(extract_mentions(text, title=title, published_at=published, metadata=meta))
            n_docs += 1
            n_bytes += len(text.encode("utf-8"))
    return n_docs, n_bytes, n_mentions, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run (default 5 s)")
    parser.add_argument(
        "--repeats", type=int, default=1, help="rounds of --seconds each; the JSON reports the median"
    )
    args = parser.parse_args()
    docs = _documents()
    for text, title, published in docs:  # warm-up: compile regexes, load the catalogue
        extract_mentions(text, title=title, published_at=published)
    rounds = []
    for _ in range(max(1, args.repeats)):
        n_docs, n_bytes, n_mentions, elapsed = _round(docs, args.seconds)
        size_kb = n_bytes / n_docs / 1000
        print(f"{n_docs} documents ({size_kb:.1f} KB each), {n_mentions} mentions, {elapsed:.2f} s CPU")
        rounds.append((n_docs / elapsed, n_bytes / 1000 / elapsed))
    docs_per_s = statistics.median(r[0] for r in rounds)
    kb_per_s = statistics.median(r[1] for r in rounds)
    figures = {"docs_per_s": round(docs_per_s, 1), "kb_per_s": round(kb_per_s, 1)}
    if len(rounds) > 1:
        figures["best_docs_per_s"] = round(max(r[0] for r in rounds), 1)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
