"""Cleaner throughput on one core: our clean_html vs trafilatura.extract vs a bare lexbor parse floor.

With no arguments: 500 article pages of 150-250 KB rendered from the simulator snapshot (no
HTTP), each padded with a realistic amount of sidebar chrome to a size drawn in that range. Prints
pages/s of each (timed in interleaved chunks, so a shared machine's load hits all alike), peak
RSS, and as its last line JSON:
{"pages_per_s": …, "trafilatura_pages_per_s": …, "floor_pages_per_s": …, "peak_rss_mb": …}

    python benchmarks/clean_bench.py [--pages N] [--no-trafilatura]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from selectolax.lexbor import LexborHTMLParser

from ingest.clean import clean_html
from ingest.sites.families import Family, get_family

MIN_BYTES, MAX_BYTES = 150_000, 250_000


def _chrome_box(rng: random.Random, n: int) -> str:
    items = "".join(
        f'<li><a href="/web/trang-chu/van-ban/vb-{rng.randrange(10**6)}.html">'
        f"Quyết định số {rng.randrange(1, 999)}/QĐ-UBND về việc phê duyệt kế hoạch thực hiện nhiệm vụ năm "
        f"{rng.randrange(2019, 2026)}</a>"
        f'<span class="date">({rng.randrange(1, 28):02d}/{rng.randrange(1, 12):02d}/2023)</span></li>'
        for _ in range(n)
    )
    return f'<div class="box"><div class="box-title">Văn bản chỉ đạo</div><ul class="docs">{items}</ul></div>'


def make_pages(n: int, seed: int = 7) -> list[tuple[str, Family]]:
    """n pages between MIN_BYTES and MAX_BYTES from the simulator's article pages."""
    from ingest.simulator.routes import render_article
    from ingest.simulator.snapshot import load_sites

    rng = random.Random(seed)
    base = []
    for site in load_sites():
        for art in site.articles:
            html = render_article(site, art)
            if len(html.encode("utf-8")) <= MAX_BYTES:
                base.append((html, get_family(site.family)))
    pages = []
    while len(pages) < n:
        html, family = base[len(pages) % len(base)]
        target = rng.randrange(max(MIN_BYTES, len(html.encode("utf-8"))), MAX_BYTES + 1)
        pad = []
        size = len(html.encode("utf-8"))
        while size < target:
            box = _chrome_box(rng, 20)
            pad.append(box)
            size += len(box.encode("utf-8"))
        cut = html.rfind("<footer")
        cut = cut if cut >= 0 else html.rfind("</body>")
        page = html[:cut] + "".join(pad) + html[cut:]
        if len(page.encode("utf-8")) > MAX_BYTES:  # the last box overshot: drop it
            page = html[:cut] + "".join(pad[:-1]) + html[cut:]
        pages.append((page, family))
    return pages


def _rates(fns: dict, pages: list[tuple[str, Family]], chunk: int = 25) -> dict[str, float]:
    """pages/s of each function, measured in interleaved chunks of pages: on a shared machine the
    load changes from second to second, and interleaving exposes every function to the same load."""
    spent = dict.fromkeys(fns, 0.0)
    for start in range(0, len(pages), chunk):
        part = pages[start : start + chunk]
        for name, fn in fns.items():
            t0 = time.perf_counter()
            for html, family in part:
                fn(html, family)
            spent[name] += time.perf_counter() - t0
    return {name: len(pages) / t if t else 0.0 for name, t in spent.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pages", type=int, default=500)
    parser.add_argument("--no-trafilatura", action="store_true")
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    pages = make_pages(args.pages)
    sizes = [len(h.encode("utf-8")) for h, _ in pages]
    print(
        f"{len(pages)} pages, {min(sizes) // 1000}-{max(sizes) // 1000} KB, "
        f"mean {sum(sizes) / len(sizes) / 1000:.0f} KB"
    )

    for html, family in pages[:20]:  # warm-up: regex compilation, YAML tables
        clean_html(html, family=family)

    fns = {
        "floor": lambda h, f: LexborHTMLParser(h).body.text(),
        "ours": lambda h, f: clean_html(h, family=f),
        "generic": lambda h, f: clean_html(h),
    }
    if not args.no_trafilatura:
        import trafilatura

        fns["traf"] = lambda h, f: trafilatura.extract(h, include_tables=True)
    rates = _rates(fns, pages)
    floor, ours, generic, traf = rates["floor"], rates["ours"], rates["generic"], rates.get("traf", 0.0)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"floor (lexbor parse + text): {floor:8.1f} pages/s")
    print(f"clean_html (family):         {ours:8.1f} pages/s  ({floor / ours:.2f}x the floor)")
    print(f"clean_html (generic):        {generic:8.1f} pages/s  ({floor / generic:.2f}x the floor)")
    if traf:
        print(f"trafilatura.extract:         {traf:8.1f} pages/s  (clean_html is {ours / traf:.1f}x faster)")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(json.dumps({"pages_per_s": round(ours, 1), "trafilatura_pages_per_s": round(traf, 1),
                      "floor_pages_per_s": round(floor, 1), "peak_rss_mb": round(peak_mb, 1)}))  # fmt: skip


if __name__ == "__main__":
    main()
