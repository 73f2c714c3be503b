"""Extraction throughput: documents of ~50 KB per second on one core, over the seed texts.

Run `python benchmarks/extract_bench.py` (no arguments). Each seed is cleaned like `xaetl extract`
does, then its text is repeated up to ~50 KB; every document goes through `extract_metadata` and
`extract_mentions`. The last line printed is JSON: {"docs_per_s": …, "kb_per_s": …}.
"""

from __future__ import annotations

import argparse
import json
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=5.0, help="how long to run (default 5 s)")
    args = parser.parse_args()
    docs = _documents()
    for text, title, published in docs:  # warm-up: compile regexes, load the catalogue
        extract_mentions(text, title=title, published_at=published)
    n_docs = n_bytes = n_mentions = 0
    start = time.process_time()
    while time.process_time() - start < args.seconds:
        for text, title, published in docs:
            meta = extract_metadata(text, title=title, published_at=published)
            n_mentions += len(extract_mentions(text, title=title, published_at=published, metadata=meta))
            n_docs += 1
            n_bytes += len(text.encode("utf-8"))
    elapsed = time.process_time() - start
    docs_per_s = n_docs / elapsed
    kb_per_s = n_bytes / 1000 / elapsed
    size_kb = n_bytes / n_docs / 1000
    print(f"{n_docs} documents ({size_kb:.1f} KB each), {n_mentions} mentions, {elapsed:.2f} s CPU")
    print(json.dumps({"docs_per_s": round(docs_per_s, 1), "kb_per_s": round(kb_per_s, 1)}))


if __name__ == "__main__":
    main()
