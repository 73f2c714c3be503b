"""Boilerplate precision/recall of the cleaner, line by line, against text known to be the article.

Two sets: (1) the test corpus under tests/fixtures/pages against its hand-reviewed expected
texts; (2) every article of the simulator snapshot against the source text the simulator rendered
the page from (independent of the cleaner), with `trafilatura.extract` scored the same way.

A page's lines are all text lines of the whole page (chrome, hidden copies and all). Boilerplate
lines are the page's lines that are not article lines (multisets); removed lines are the page's
lines missing from the output. Precision = removed ∩ boilerplate / removed, recall = removed ∩
boilerplate / boilerplate. Last line: JSON with the figures.

    python benchmarks/clean_quality.py
"""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from selectolax.lexbor import LexborHTMLParser  # noqa: E402

from evaluation.clean_corpus import PAGES, cases, clean_case, expected_path  # noqa: E402
from ingest.clean import clean_html, normalize_text  # noqa: E402
from ingest.clean.html import _Walker, decode  # noqa: E402
from ingest.sites.families import get_family  # noqa: E402

_KEY = re.compile(r"[\W_]+")
_MARKUP = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)|^#+\s*|<sup>(\d+)</sup>")


def key(line: str) -> str:
    return _KEY.sub("", normalize_text(line).casefold())


def lines_of(text: str) -> Counter:
    return Counter(k for k in (key(x) for x in text.split("\n")) if k)


def page_lines(html: str | bytes) -> Counter:
    text, _ = decode(html)
    tree = LexborHTMLParser(text)
    root = tree.body or tree.root
    if root is None:
        return Counter()
    walker = _Walker(set())
    walker.walk(root, "paragraph", ())
    walker.flush("paragraph", ())
    return Counter(k for k in (key(u.text) for u in walker.units) if k)


class Score:
    def __init__(self) -> None:
        self.removed_bp = self.removed = self.bp = self.kept_ok = self.kept = self.truth = 0

    def add(self, page: Counter, truth: Counter, out: Counter) -> None:
        bp = page - truth
        removed = page - out
        self.removed_bp += sum((removed & bp).values())
        self.removed += sum(removed.values())
        self.bp += sum(bp.values())
        self.kept_ok += sum((out & truth).values())
        self.kept += sum(out.values())
        self.truth += sum(truth.values())

    def figures(self) -> dict[str, float]:
        def ratio(a: int, b: int) -> float:
            return round(a / b, 4) if b else 1.0

        return {
            "boilerplate_precision": ratio(self.removed_bp, self.removed),
            "boilerplate_recall": ratio(self.removed_bp, self.bp),
            "content_precision": ratio(self.kept_ok, self.kept),
            "content_recall": ratio(self.kept_ok, self.truth),
        }


def corpus_score() -> Score:
    score = Score()
    for name, spec in cases().items():
        path = PAGES / name
        raw = path.read_bytes()
        page = lines_of(raw.decode("utf-8")) if path.suffix == ".txt" else page_lines(raw)
        truth = lines_of(expected_path(name).read_text(encoding="utf-8"))
        score.add(page, truth, lines_of(clean_case(name, spec or {}).text))
    return score


def source_truth(art) -> str:
    parts = [art.title, art.lead, *art.updates]
    for line in (art.source_text or "").split("\n"):
        line = _MARKUP.sub(lambda m: f"[{m.group(1)}]" if m.group(1) else "", line.strip())
        parts.append(line)
    return "\n".join(p for p in parts if p)


def simulator_scores() -> tuple[Score, Score, int]:
    import trafilatura

    from ingest.simulator.routes import render_article
    from ingest.simulator.snapshot import load_sites

    ours, traf, n = Score(), Score(), 0
    for site in load_sites():
        family = get_family(site.family)
        for art in site.articles:
            if art.source_format == "html":
                continue
            html = render_article(site, art)
            page = page_lines(html)
            truth = lines_of(source_truth(art))
            ours.add(page, truth, lines_of(clean_html(html, family=family).text))
            traf.add(page, truth, lines_of(trafilatura.extract(html, include_tables=True) or ""))
            n += 1
    return ours, traf, n


def main() -> None:
    corpus = corpus_score().figures()
    ours, traf, n = simulator_scores()
    result = {
        "corpus": corpus,
        "simulator": ours.figures(),
        "simulator_trafilatura": traf.figures(),
        "simulator_pages": n,
    }
    print(f"{'set':<28}{'bp precision':>14}{'bp recall':>12}{'content P':>12}{'content R':>12}")
    for name, fig in (("corpus (expected texts)", corpus), (f"simulator ({n} pages)", result["simulator"]),
                      ("simulator, trafilatura", result["simulator_trafilatura"])):  # fmt: skip
        print(f"{name:<28}{fig['boilerplate_precision']:>14.4f}{fig['boilerplate_recall']:>12.4f}"
              f"{fig['content_precision']:>12.4f}{fig['content_recall']:>12.4f}")  # fmt: skip
    print(json.dumps(result))


if __name__ == "__main__":
    main()
