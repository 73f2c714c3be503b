"""`benchmarks/extract_bench.py --texts real`: distinct real excerpts, not the seed texts repeated."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = str(ROOT / "benchmarks" / "extract_bench.py")


def _run(*args: str) -> tuple[list[str], dict]:
    out = subprocess.run(
        [sys.executable, SCRIPT, "--seconds", "0.2", *args], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    return out, json.loads(out[-1])


def test_real_texts_are_documents_of_about_50_kb_with_far_more_figures_than_the_seeds() -> None:
    real_lines, real = _run("--texts", "real")
    seed_lines, seeds = _run()
    assert (real["texts"], seeds["texts"]) == ("real", "seeds")
    assert real["implementation"] in ("pure", "native") and seeds["implementation"] in ("pure", "native")
    assert real["docs_per_s"] > 0 and seeds["docs_per_s"] > 0

    def per_doc(line: str) -> tuple[float, float]:
        docs, kb, mentions = re.match(r"(\d+) documents \(([\d.]+) KB each\), (\d+) mentions", line).groups()
        return float(kb), int(mentions) / int(docs)

    real_kb, real_mentions = per_doc(real_lines[0])
    seed_kb, seed_mentions = per_doc(seed_lines[0])
    assert 45 <= real_kb <= 51 and 49 <= seed_kb <= 51
    # the corpus's excerpts were chosen for their figures: a real 50 KB holds several times the seeds'
    assert real_mentions > 2 * seed_mentions
