"""Extraction throughput pure and compiled with mypyc: what a native build of `ingest/extract` would buy.

Run `python benchmarks/native_bench.py` (no arguments; needs a C compiler, and setuptools and mypy: the
`native` extra, or the dev group). Pure Python stays the default; this benchmark measures the opt-in
build `xaetl native build` makes (README, "Native build"):

1. It makes that build (`ingest.native_build.build`: every module of `ingest/extract` but `__init__.py`
   and `parallel.py`, compiled with mypyc and verified on the bundled texts) in a new temporary cache
   root outside the repository, never in the source tree nor in the user's cache.
2. In one session, alternating pure (`XAETL_NATIVE=0`) and compiled (the temporary cache root), each
   measurement in its own process, it runs `benchmarks/extract_bench.py`'s measurement
   (`extract_bench.measure`) on the seed texts and on `--texts real`, `--rounds` times each; the
   figures are the medians over the rounds. Each process checks it ran the variant asked for.
3. It hashes the mentions of every real document (`tests/fixtures/real/docs/`, as the product's
   extraction step makes them) pure and compiled: `identical` says whether the two hashes are equal.

The last line printed is JSON: {"seeds_pure_docs_per_s", "seeds_compiled_docs_per_s", "seeds_ratio",
the same three for "real", "build_s" (compiling and verifying), "modules", "identical"}. On a loaded
machine both figures move with the load; the ratio, measured alternately, is the dependable one.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.machinery
import importlib.util
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from ingest import native  # noqa: E402
from ingest.native_build import (  # noqa: E402
    BuildError,
    compiled_modules,
    missing_tool,
    module_name,
    native_files,
)
from ingest.native_build import build as native_build  # noqa: E402

PACKAGE = "ingest/extract"
TEXTS = ("seeds", "real")
VARIANTS = ("pure", "compiled")


def build_parent(root: Path = ROOT) -> Path:
    """Where the build directory is made: the temporary directory, refused when it is inside `root`."""
    base = Path(tempfile.gettempdir()).resolve()
    if base.is_relative_to(root.resolve()):
        raise SystemExit(f"native_bench: the temporary directory {base} is inside the repository; set TMPDIR")
    return base


def _child(variant: str, job: str, seconds: float) -> None:
    """In its own process (the environment chooses the variant: `XAETL_NATIVE=0`, or the temporary
    cache root with its one build): import `ingest.extract`, check it is the variant asked for, then run
    extract_bench's measurement (`job` "seeds" or "real") or hash the real documents' mentions ("hash")."""
    import ingest.extract  # noqa: F401  (the loader decides here)

    if job == "hash":
        payload: dict[str, Any] = {"hash": _mentions_hash()}
    else:
        spec = importlib.util.spec_from_file_location(
            "extract_bench", ROOT / "benchmarks" / "extract_bench.py"
        )
        assert spec is not None and spec.loader is not None
        extract_bench = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(extract_bench)  # its `ingest` is the one imported above
        payload = extract_bench.measure(job, seconds, 1)
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    expected = {module_name(m) for m in compiled_modules(ROOT)}
    loaded = {n: m for n, m in sys.modules.items() if n.startswith("ingest.extract") and m is not None}
    native_loaded = {n for n, m in loaded.items() if (getattr(m, "__file__", "") or "").endswith(suffixes)}
    if variant == "compiled" and native_loaded != expected & loaded.keys():
        pure = sorted((expected & loaded.keys()) - native_loaded)
        raise SystemExit(f"native_bench: compiled run imported pure modules: {pure} ({native.loaded()})")
    if variant == "pure" and native_loaded:
        raise SystemExit(f"native_bench: pure run imported extension modules: {sorted(native_loaded)}")
    print(json.dumps(payload))


def _mentions_hash() -> str:
    """sha256 of every real document's mentions as the product's extraction step makes them."""
    import evaluation.product_inputs as product_inputs
    from evaluation.real_corpus import doc_ids, load_doc

    digest = hashlib.sha256()
    for doc_id in doc_ids():
        mentions = product_inputs.product_mentions(load_doc(doc_id))
        digest.update(json.dumps(mentions, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


def _run(variant: str, cache: Path, job: str, seconds: float) -> dict[str, Any]:
    env = {k: v for k, v in os.environ.items() if k not in (native.ENABLE_ENV, native.DIR_ENV)}
    env.update({native.ENABLE_ENV: "0"} if variant == "pure" else {native.DIR_ENV: str(cache)})
    command = [sys.executable, str(Path(__file__).resolve()), "--child", variant]
    done = subprocess.run(
        [*command, "--job", job, "--seconds", str(seconds)], capture_output=True, text=True, cwd=ROOT, env=env
    )
    if done.returncode != 0:
        raise SystemExit(f"native_bench: the {variant} {job} run failed:\n{done.stderr.strip()}")
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="alternations per text set (default 3)")
    parser.add_argument("--seconds", type=float, default=4.0, help="CPU seconds per measurement (default 4)")
    parser.add_argument("--keep", action="store_true", help="keep the build directory (its path is printed)")
    parser.add_argument(
        "--plan",
        action="store_true",
        help="check the tools, print what would be built where (JSON), build nothing",
    )
    parser.add_argument("--child", choices=("pure", "compiled"), help=argparse.SUPPRESS)
    parser.add_argument("--job", choices=(*TEXTS, "hash"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.job, args.seconds)
        return
    problem = missing_tool()
    if problem:
        print(f"native_bench: {problem}", file=sys.stderr)
        raise SystemExit(2)
    stale = native_files(ROOT / "ingest")
    if stale:
        raise SystemExit(f"native_bench: extension modules in the source tree would shadow the .py: {stale}")
    parent = build_parent()
    if args.plan:
        print(json.dumps({"modules": compiled_modules(ROOT), "build_parent": str(parent)}))
        return
    dest = Path(tempfile.mkdtemp(prefix="native_bench-", dir=parent))
    try:
        print(f"building {len(compiled_modules(ROOT))} modules of {PACKAGE} with mypyc in {dest}", flush=True)
        try:
            built = native_build(dest)
        except BuildError as exc:
            raise SystemExit(f"native_bench: {exc}") from exc
        build_s = built.seconds
        print(f"built and verified in {build_s:.0f} s: {built.path}", flush=True)
        hashes = {v: _run(v, dest, "hash", 0)["hash"] for v in VARIANTS}
        print(f"real documents' mentions: pure {hashes['pure'][:16]}, compiled {hashes['compiled'][:16]}")
        figures: dict[str, list[float]] = {f"{t}_{v}": [] for t in TEXTS for v in VARIANTS}
        for r in range(max(1, args.rounds)):
            for texts in TEXTS:
                for variant in VARIANTS:
                    docs_per_s = _run(variant, dest, texts, args.seconds)["docs_per_s"]
                    figures[f"{texts}_{variant}"].append(docs_per_s)
                    print(f"round {r + 1} {texts:5} {variant:8} {docs_per_s:6.1f} docs/s", flush=True)
    finally:
        if args.keep:
            print(f"kept {dest}")
        else:
            shutil.rmtree(dest, ignore_errors=True)
    result: dict[str, Any] = {}
    for texts in TEXTS:
        pure = statistics.median(figures[f"{texts}_pure"])
        compiled = statistics.median(figures[f"{texts}_compiled"])
        result[f"{texts}_pure_docs_per_s"] = round(pure, 1)
        result[f"{texts}_compiled_docs_per_s"] = round(compiled, 1)
        # the median of each round's ratio: a round's pure and compiled runs saw the same load
        ratios = [c / p for p, c in zip(figures[f"{texts}_pure"], figures[f"{texts}_compiled"], strict=True)]
        result[f"{texts}_ratio"] = round(statistics.median(ratios), 2)
    result.update(
        build_s=round(build_s, 1),
        modules=len(compiled_modules(ROOT)),
        identical=len(set(hashes.values())) == 1,
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
