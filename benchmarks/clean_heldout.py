"""How the cleaner's generic fallback does on held-out CMS layouts it has no selectors for.

Every page under tests/fixtures/heldout_pages is cleaned with `family=None` and scored line by
line against its `<name>.expected.txt` (the body as `xaetl clean` prints it, docs/cli.md), by
the line-level scoring of `evaluation/clean_scoring.py` (precision, recall, title and date
accuracy). Overall figures are pooled over all lines of all pages. Last line: JSON with the
four figures.

    python benchmarks/clean_heldout.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from evaluation.clean_corpus import heldout_names
from evaluation.clean_scoring import overall, score_page


def _short(text: str | None, width: int = 90) -> str:
    text = text or "∅"
    return text if len(text) <= width else text[: width - 1] + "…"


def main() -> None:
    scores = [score_page(name) for name in heldout_names()]
    print(f"{'page':<34}{'P':>7}{'R':>7}{'out':>6}{'exp':>6}  title date")
    for s in scores:
        print(f"{s.name:<34}{s.precision:>7.3f}{s.recall:>7.3f}{s.output:>6}{s.expected:>6}  "
              f"{'ok' if s.title_ok else 'NO':<5} {'ok' if s.date_ok else 'NO'}")  # fmt: skip
    print()
    for s in scores:
        if s.extra or s.missing or not (s.title_ok and s.date_ok):
            print(f"== {s.name}")
            if not s.title_ok:
                print(f"   title got: {_short(s.title)}")
            if not s.date_ok:
                print(f"   date got:  {s.published_at}")
            for line in s.extra:
                print(f"   + {_short(line)}")
            for line in s.missing:
                print(f"   - {_short(line)}")
    figures = overall(scores)
    print()
    print(
        f"overall ({len(scores)} pages): precision {figures['precision']:.4f}  "
        f"recall {figures['recall']:.4f}  title {figures['title_acc']:.2f}  date {figures['date_acc']:.2f}"
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
