"""Extraction throughput pure and compiled with mypyc: what a native build of `ingest/extract` would buy.

Run `python benchmarks/native_bench.py` (no arguments; needs a C compiler, and setuptools and mypy from
the dev group). The product stays pure Python; this benchmark only measures the option:

1. It copies the `ingest` package into a new temporary directory outside the repository and compiles
   there, with mypyc, every module of `ingest/extract` except `parallel.py` (the worker pool, which
   pickles its functions into other processes). Never in the source tree: an extension module beside
   its `.py` is imported first, so a stale one would silently run old code.
2. In one session, alternating pure and compiled, each measurement in its own process, it runs
   `benchmarks/extract_bench.py`'s measurement (`extract_bench.measure`) on the seed texts and on
   `--texts real`, `--rounds` times each; the figures are the medians over the rounds.
3. It hashes the mentions of every real document (`tests/fixtures/real/docs/`, as the product's
   extraction step makes them) pure and compiled: `identical` says whether the two hashes are equal.

The last line printed is JSON: {"seeds_pure_docs_per_s", "seeds_compiled_docs_per_s", "seeds_ratio",
the same three for "real", "build_s", "modules", "identical"}. On a loaded machine both figures move
with the load; the ratio, measured alternately, is the dependable one.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.machinery
import importlib.util
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = "ingest/extract"
# Left pure: the worker pool (`ExtractPool`) sends its functions to worker processes by pickling
PURE_MODULES = frozenset({"ingest/extract/parallel.py"})
TEXTS = ("seeds", "real")
_MYPY_INI = "[mypy]\npython_version = 3.11\nignore_missing_imports = True\n"
_SETUP = """\
import json
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="native_bench",
    ext_modules=mypycify(json.load(open("modules.json")), opt_level="3"),
    script_args=["build_ext", "--inplace"],
)
"""


def compiled_modules(root: Path = ROOT) -> list[str]:
    """The modules compiled: every `.py` under `ingest/extract` (relative to `root`) but `PURE_MODULES`."""
    paths = sorted(p.relative_to(root).as_posix() for p in (root / PACKAGE).rglob("*.py"))
    return [p for p in paths if p not in PURE_MODULES]


def missing_tool() -> str | None:
    """Why a compiled copy cannot be built here (one line), or None when the tools are present."""
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    program = shlex.split(compiler)[0] if compiler.strip() else "cc"
    if shutil.which(program) is None:
        return f"no C compiler: `{program}` is not on PATH (install gcc, or set CC to a C compiler)"
    for module in ("setuptools", "mypyc"):
        if importlib.util.find_spec(module) is None:
            return f"{module} is not installed: run `uv sync --frozen` (the dev group brings it)"
    return None


def build_parent(root: Path = ROOT) -> Path:
    """Where the build directory is made: the temporary directory, refused when it is inside `root`."""
    base = Path(tempfile.gettempdir()).resolve()
    if base.is_relative_to(root.resolve()):
        raise SystemExit(f"native_bench: the temporary directory {base} is inside the repository; set TMPDIR")
    return base


def native_files(package_dir: Path) -> list[Path]:
    """Extension modules under `package_dir` (in the source tree: stale builds that shadow the `.py`)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    return sorted(p for p in package_dir.rglob("*") if p.name.endswith(suffixes))


def build(dest: Path, root: Path = ROOT) -> float:
    """Copy `root`'s `ingest` package into `dest` and compile `compiled_modules` there: seconds taken."""
    start = time.perf_counter()
    shutil.copytree(
        root / "ingest",
        dest / "ingest",
        ignore=shutil.ignore_patterns(
            "__pycache__", *(f"*{s}" for s in importlib.machinery.EXTENSION_SUFFIXES)
        ),
    )
    (dest / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
    (dest / "modules.json").write_text(json.dumps(compiled_modules(root)), encoding="utf-8")
    (dest / "setup.py").write_text(_SETUP, encoding="utf-8")
    log = dest / "build.log"
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "setup.py"], cwd=dest, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        tail = log.read_text(encoding="utf-8").splitlines()[-15:]
        raise SystemExit("native_bench: the mypyc build failed:\n" + "\n".join(tail))
    built = native_files(dest / PACKAGE)
    if len(built) < len(compiled_modules(root)):
        raise SystemExit(
            f"native_bench: the build made {len(built)} extension modules, not {len(compiled_modules(root))}"
        )
    return time.perf_counter() - start


def _child(variant: str, path: Path, job: str, seconds: float) -> None:
    """In its own process: import `ingest` from `path`, check it is the variant asked for, then run
    extract_bench's measurement (`job` "seeds" or "real") or hash the real documents' mentions ("hash")."""
    sys.path.insert(0, str(path))
    import ingest.extract

    if not Path(ingest.extract.__file__).resolve().is_relative_to(path.resolve()):
        raise SystemExit(f"native_bench: ingest.extract came from {ingest.extract.__file__}, not {path}")
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
    loaded = [m for name, m in sys.modules.items() if name.startswith("ingest.extract") and m is not None]
    native = [m for m in loaded if Path(getattr(m, "__file__", "") or "").suffix == ".so"]
    expected = len(loaded) - len([m for m in loaded if m.__name__ == "ingest.extract.parallel"])
    if variant == "compiled" and len(native) != expected:
        pure = sorted(
            m.__name__ for m in loaded if m not in native and m.__name__ != "ingest.extract.parallel"
        )
        raise SystemExit(f"native_bench: compiled run imported pure modules: {pure}")
    if variant == "pure" and native:
        raise SystemExit(f"native_bench: pure run imported extension modules: {[m.__name__ for m in native]}")
    print(json.dumps(payload))


def _mentions_hash() -> str:
    """sha256 of every real document's mentions as the product's extraction step makes them."""
    sys.path.append(str(ROOT))  # `evaluation` (after the `ingest` already imported)
    import evaluation.product_inputs as product_inputs
    from evaluation.real_corpus import doc_ids, load_doc

    digest = hashlib.sha256()
    for doc_id in doc_ids():
        mentions = product_inputs.product_mentions(load_doc(doc_id))
        digest.update(json.dumps(mentions, sort_keys=True, ensure_ascii=False, default=str).encode())
    return digest.hexdigest()


def _run(variant: str, path: Path, job: str, seconds: float) -> dict[str, Any]:
    command = [sys.executable, str(Path(__file__).resolve()), "--child", variant, "--path", str(path)]
    done = subprocess.run(
        [*command, "--job", job, "--seconds", str(seconds)], capture_output=True, text=True, cwd=ROOT
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
    parser.add_argument("--path", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--job", choices=(*TEXTS, "hash"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child, args.path, args.job, args.seconds)
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
        print(json.dumps({"modules": compiled_modules(), "build_parent": str(parent)}))
        return
    dest = Path(tempfile.mkdtemp(prefix="native_bench-", dir=parent))
    try:
        print(f"building {len(compiled_modules())} modules of {PACKAGE} with mypyc in {dest}", flush=True)
        build_s = build(dest)
        print(f"built in {build_s:.0f} s", flush=True)
        variants = {"pure": ROOT, "compiled": dest}
        hashes = {v: _run(v, p, "hash", 0)["hash"] for v, p in variants.items()}
        print(f"real documents' mentions: pure {hashes['pure'][:16]}, compiled {hashes['compiled'][:16]}")
        figures: dict[str, list[float]] = {f"{t}_{v}": [] for t in TEXTS for v in variants}
        for r in range(max(1, args.rounds)):
            for texts in TEXTS:
                for variant, path in variants.items():
                    docs_per_s = _run(variant, path, texts, args.seconds)["docs_per_s"]
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
        build_s=round(build_s, 1), modules=len(compiled_modules()), identical=len(set(hashes.values())) == 1
    )
    print(json.dumps(result))


if __name__ == "__main__":
    main()
