"""Vietnamese NLP packages as name-boundary helpers (issue 11, item 3): speed and usefulness, dev split only.

Run `python benchmarks/nlp_candidates.py`. Candidates: pyvi (`ViTokenizer` + `ViPosTagger`) and
underthesea (`pos_tag`, `chunk`); a candidate that is not installed is skipped with a one-line
message (neither is a project dependency: install them into a scratch venv to measure).

1. Speed, one core, on the real corpus's dev texts cut into documents of 50 KB: the extractor alone
   (`ingest.extract`), each tagger alone (line by line), and both in one loop, as documents and
   input words per second (words as `evaluation.strict.words` counts them, the same for every
   tool). "windows" tags only the text in front of each mention the extractor found (what an
   integration for names would need), "full" tags every line.
2. Usefulness for names: for each dev gold fact, the words in front of its number in the document
   (from the line start) are cut into a name by each method, and the name is checked with the
   scorer's name rule (`evaluation.strict`: at least half of the gold name's content words, at
   most about twice as long). Baselines: the last N words, the clause since the last punctuation,
   and the best N per fact (an upper bound for any cut ending at the number). The extractor's own
   names (a prediction with the same value at the same place) are shown beside them.

The test split is never read. The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation import strict  # noqa: E402
from evaluation.real_corpus import RealDoc, load_corpus  # noqa: E402
from ingest.extract import extract_mentions, extract_metadata  # noqa: E402

DOC_BYTES = 50_000
WINDOW_CHARS = 200  # text in front of a number handed to a tagger (a clause or two)
BASELINE_NS = (2, 3, 4, 5, 6, 8)
ORACLE_MAX_N = 15
MAX_SKIP = 3  # verbs/adverbs/prepositions skipped between a noun phrase and its number (`đạt`, `giảm còn`)
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CLAUSE_BREAK = re.compile(r"[,;:.()\n\-–+•]\s")

Tagged = list[tuple[str, str]]  # (word, tag) with multi-syllable words joined by spaces
Tagger = Callable[[str], Tagged]


# --- candidates --------------------------------------------------------------------------------


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def load_taggers() -> dict[str, Tagger]:
    """The candidates that are installed, each as text -> [(word, tag)]; a skip message for the rest."""
    taggers: dict[str, Tagger] = {}
    if _installed("pyvi"):
        from pyvi import ViPosTagger, ViTokenizer

        def pyvi_tag(text: str) -> Tagged:
            words, tags = ViPosTagger.postagging(ViTokenizer.tokenize(text))
            return [(w.replace("_", " "), str(t)) for w, t in zip(words, tags, strict=True)]

        taggers["pyvi"] = pyvi_tag
    else:
        print("skip pyvi: not installed")
    if _installed("underthesea"):
        from underthesea import chunk, pos_tag

        taggers["underthesea_pos"] = lambda text: [(w, t) for w, t in pos_tag(text)]
        # chunk tags folded into the tag: NP / VP / … so one cutter serves both
        taggers["underthesea_chunk"] = lambda text: [
            (w, c[2:] if c != "O" else "O") for w, _, c in chunk(text)
        ]
    else:
        print("skip underthesea: not installed")
    return taggers


# --- cutting a name in front of a number -------------------------------------------------------


def _np_tag(tag: str, chunked: bool) -> bool:
    if chunked:
        return tag in ("NP", "AP")
    return (tag.startswith("N") and tag != "Nu") or tag == "A"


def _is_break(word: str, tag: str) -> bool:
    """Punctuation ends a clause (pyvi tags it F, underthesea CH, the chunker O)."""
    return tag in ("F", "CH") or not any(ch.isalnum() for ch in word)


def np_before(tagged: Tagged, chunked: bool) -> str:
    """The noun phrase (nouns and adjectives, or NP/AP chunks) closest in front of the number,
    skipping a few verbs, adverbs or prepositions between them (`tỷ lệ hộ nghèo` | `giảm còn`)."""
    i, skipped = len(tagged) - 1, 0
    while i >= 0 and not _np_tag(tagged[i][1], chunked):
        if _is_break(*tagged[i]) or skipped >= MAX_SKIP:
            return ""
        i, skipped = i - 1, skipped + 1
    end = i + 1
    while i >= 0 and _np_tag(tagged[i][1], chunked):
        i -= 1
    return " ".join(w for w, _ in tagged[i + 1 : end])


def clause_np(tagged: Tagged, chunked: bool) -> str:
    """The clause since the last punctuation or conjunction, from its first noun (a noun with all its
    modifiers, verbs included: `tỷ lệ hộ đạt chuẩn văn hóa`), less trailing non-nouns."""
    start = 0
    for k in range(len(tagged) - 1, -1, -1):
        if _is_break(*tagged[k]) or (not chunked and tagged[k][1] == "C"):
            start = k + 1
            break
    part = tagged[start:]
    while part and not _np_tag(part[0][1], chunked):
        part = part[1:]
    while part and not _np_tag(part[-1][1], chunked):
        part = part[:-1]
    return " ".join(w for w, _ in part)


def last_words(prefix: str, n: int) -> str:
    return " ".join(strict.words(prefix)[-n:]) if n else ""


def clause_words(prefix: str) -> str:
    """Baseline without a tagger: the words since the last punctuation."""
    cuts = list(_CLAUSE_BREAK.finditer(prefix + " "))
    return prefix[cuts[-1].end() :] if cuts else prefix


def name_ok(name: str, gold: dict[str, Any]) -> tuple[bool, bool]:
    """(holds at least half of the gold name's content words, and also not too long) — the scorer's rule."""
    pred = {"indicator": name}
    share = strict.name_share(pred, gold) >= strict.NAME_SHARE
    return share, share and strict.name_not_too_long(pred, gold)


# --- the gold facts' numbers -------------------------------------------------------------------


def _readings(token: str) -> list[float]:
    """A number as written, read the Vietnamese way (`1.936`, `45,7`) and the English way."""
    out = []
    for thousands, decimal in ((".", ","), (",", ".")):
        with contextlib.suppress(ValueError):
            out.append(float(token.replace(thousands, "").replace(decimal, ".")))
    return out


def number_start(doc: RealDoc, fact: dict[str, Any]) -> int | None:
    """Where the gold fact's number starts in the document (the first number of its quote with its value)."""
    targets = [fact.get(k) for k in ("value", "value_high") if fact.get(k) is not None]
    quote = doc.text[fact["start"] : fact["end"]]
    for m in _NUMBER.finditer(quote):
        if any(strict.close(r, t) for r in _readings(m.group()) for t in targets):
            return int(fact["start"]) + m.start()
    return None


def prefix_before(text: str, pos: int) -> str:
    """The text of the number's line in front of it, at most WINDOW_CHARS, from a word boundary."""
    line_start = text.rfind("\n", 0, pos) + 1
    start = max(line_start, pos - WINDOW_CHARS)
    if start > line_start:
        space = text.find(" ", start, pos)
        start = space + 1 if space >= 0 else start
    return text[start:pos]


def usefulness(docs: list[RealDoc], taggers: dict[str, Tagger]) -> dict[str, Any]:
    """Share of the dev gold facts whose name each method's cut satisfies (scorer's rule)."""
    methods: dict[
        str, list[int]
    ] = {}  # name -> [share hits, rule hits, rule hits where the extractor's name fails]
    extractor_ok = False

    def tally(method: str, ok: tuple[bool, bool]) -> None:
        hit = methods.setdefault(method, [0, 0, 0])
        hit[0] += ok[0]
        hit[1] += ok[1]
        hit[2] += ok[1] and not extractor_ok

    facts = unlocated = failed = 0
    for doc in docs:
        preds = [m.to_dict() for m in extract_mentions(doc.text)]
        for fact in doc.gold:
            if fact.get("optional"):
                continue
            facts += 1
            pos = number_start(doc, fact)
            if pos is None:
                unlocated += 1
                continue
            prefix = prefix_before(doc.text, pos)
            same = [p for p in preds if strict.values_agree(p, fact) and strict.overlaps(p, fact, doc.text)]
            oks = [name_ok(p.get("indicator") or "", fact) for p in same]
            extractor_ok = any(o[1] for o in oks)
            failed += not extractor_ok
            for n in BASELINE_NS:
                tally(f"last_{n}_words", name_ok(last_words(prefix, n), fact))
            oracle = [name_ok(last_words(prefix, n), fact) for n in range(1, ORACLE_MAX_N + 1)]
            tally("best_n_words (bound)", (any(o[0] for o in oracle), any(o[1] for o in oracle)))
            tally("clause_words", name_ok(clause_words(prefix), fact))
            tally("extractor", (any(o[0] for o in oks), any(o[1] for o in oks)))
            number = _NUMBER.match(doc.text, pos)
            for tname, tag in taggers.items():
                tagged = tag(prefix + (number.group() if number else ""))[:-1]  # drop the number itself
                chunked = tname.endswith("chunk")
                tally(f"{tname}: noun phrase", name_ok(np_before(tagged, chunked), fact))
                tally(f"{tname}: clause from first noun", name_ok(clause_np(tagged, chunked), fact))
    located = facts - unlocated
    print(f"\nnames: {facts} required dev gold facts, {located} with their number found in the quote")
    print(
        f"(the extractor's name fails the rule on {failed}; last column: how many of those the method gets)"
    )
    print(
        f"{'method':40} {'≥ half of gold words':>22} {'scorer name rule':>18} {'where extractor fails':>22}"
    )
    out = {}
    for method, (share, rule, fixes) in methods.items():
        print(f"{method:40} {share / located:21.3f} {rule / located:17.3f} {fixes:16d}")
        out[method] = {"share": round(share / located, 4), "rule": round(rule / located, 4), "fixes": fixes}
    return {"facts": facts, "located": located, "extractor_fails": failed, "methods": out}


# --- speed -------------------------------------------------------------------------------------


def fifty_kb_docs(docs: list[RealDoc]) -> list[str]:
    """The dev texts joined and cut at line ends into documents of about 50 KB."""
    out, current, size = [], [], 0
    for line in "\n".join(d.text for d in docs).splitlines():
        current.append(line)
        size += len(line.encode("utf-8")) + 1
        if size >= DOC_BYTES:
            out.append("\n".join(current))
            current, size = [], 0
    return out


def _timed(work: Callable[[str], None], docs: list[str], seconds: float) -> tuple[float, float]:
    """(documents, input words) per CPU second, looping over the documents for `seconds`."""
    n_docs = n_words = 0
    start = time.process_time()
    while time.process_time() - start < seconds:
        for text in docs:
            work(text)
            n_docs += 1
            n_words += len(strict.words(text))
    elapsed = time.process_time() - start
    return n_docs / elapsed, n_words / elapsed


def speed(docs: list[RealDoc], taggers: dict[str, Tagger], seconds: float) -> dict[str, Any]:
    texts = fifty_kb_docs(docs)
    sizes = [len(t.encode("utf-8")) / 1000 for t in texts]
    kb = f"{min(sizes):.0f}–{max(sizes):.0f} KB"
    print(f"speed: {len(texts)} dev documents of {kb}, {seconds:.0f} s CPU per row")

    def extract(text: str) -> list[dict[str, Any]]:
        meta = extract_metadata(text)
        return [m.to_dict() for m in extract_mentions(text, metadata=meta)]

    def extract_only(text: str) -> None:
        extract(text)

    for text in texts:  # warm-up: regexes, catalogue, models
        extract(text)
        for tag in taggers.values():
            tag(text.splitlines()[0] or "x")
    out: dict[str, Any] = {}

    def run(label: str, work: Callable[[str], None]) -> None:
        dps, wps = _timed(work, texts, seconds)
        print(f"{label:44} {dps:8.2f} docs/s {wps:10.0f} words/s")
        out[label] = {"docs_per_s": round(dps, 2), "words_per_s": round(wps)}

    run("extractor alone", extract_only)
    for name, tag in taggers.items():

        def full(text: str, tag: Tagger = tag) -> None:
            for line in text.splitlines():
                if line.strip():
                    tag(line)

        def windows(text: str, tag: Tagger = tag) -> None:
            for m in extract(text):
                if isinstance(m.get("start"), int):
                    tag(prefix_before(text, m["start"]) + text[m["start"] : m["end"]])

        def both(text: str, full: Callable[[str], None] = full) -> None:
            extract(text)
            full(text)

        run(f"{name}: tag every line", full)
        run(f"extractor + {name}: tag every line", both)
        run(f"extractor + {name}: tag windows in front", windows)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=4.0, help="CPU seconds per speed measure")
    parser.add_argument("--skip-speed", action="store_true", help="names only")
    args = parser.parse_args()
    taggers = load_taggers()
    docs = load_corpus(split="dev")  # never the test split
    figures: dict[str, Any] = {"candidates": sorted(taggers)}
    if not args.skip_speed:
        figures["speed"] = speed(docs, taggers, args.seconds)
    figures["names"] = usefulness(docs, taggers)
    print(json.dumps(figures, ensure_ascii=False))


if __name__ == "__main__":
    main()
