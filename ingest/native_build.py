"""`xaetl native build`: compile the extractor with mypyc outside the source tree, verify it, keep it.

The build (`build`):

1. copies the `ingest` package into a new directory under the cache root (`ingest/native.py`) and
   compiles there, with mypyc, every module of `ingest/extract` but `__init__.py` (it runs the loader)
   and `parallel.py` (the worker pool, which starts plain interpreters running it). Never beside the
   `.py` files: an extension module there is imported first, and a stale one would run old code.
2. keeps only the extension modules (and mypyc's shared library of the build), then verifies them:
   one process extracts the texts bundled with the package (the portal simulator's document bodies)
   with the pure modules, another with the compiled ones (it fails unless every compiled module was
   imported from the build), and the hashes of their metadata and mentions must be equal.
3. writes `ready.json` into it and renames it to `<cache root>/<key>`: a build is there whole and
   verified, or not at all. A failed build leaves nothing behind.

`benchmarks/native_bench.py` builds with it too, into a temporary cache root.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import sysconfig
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ingest import native

# Left pure: `__init__.py` runs the loader before anything compiled may be imported; the worker pool
# (`ExtractPool`) starts its workers as `python -m ingest.extract.parallel`.
PURE_MODULES = frozenset({"ingest/extract/__init__.py", "ingest/extract/parallel.py"})
_BUILD_NAME = re.compile(r"[0-9a-f]{24}|\.build-[0-9a-f]{24}-\w+")
BUNDLED_TEXTS = "ingest/simulator/content/bodies"  # shipped in the wheel, unlike tests/fixtures
_MYPY_INI = "[mypy]\npython_version = 3.11\nignore_missing_imports = True\n"
_SETUP = """\
import json
from setuptools import setup
from mypyc.build import mypycify

setup(
    name="xaetl_native",
    ext_modules=mypycify(json.load(open("modules.json")), opt_level="3"),
    script_args=["build_ext", "--inplace"],
)
"""


class BuildError(Exception):
    """A build that cannot be made or was not kept: the message is one line for the user."""


@dataclass(frozen=True)
class Built:
    """A ready build."""

    path: Path
    key: str
    modules: int
    seconds: float  # compiling and verifying
    mentions_hash: str
    reused: bool = False  # a ready build of the same key was already there


def compiled_modules(root: Path) -> list[str]:
    """The modules compiled: every `.py` under `ingest/extract` (relative to `root`) but `PURE_MODULES`."""
    paths = sorted(p.relative_to(root).as_posix() for p in (root / "ingest" / "extract").rglob("*.py"))
    return [p for p in paths if p not in PURE_MODULES]


def module_name(rel: str) -> str:
    """The dotted name of the module at path `rel` (`ingest/extract/learned/__init__.py`: `…learned`)."""
    return rel.removesuffix(".py").removesuffix("/__init__").replace("/", ".")


def missing_tool() -> str | None:
    """Why a build cannot be made here (one line), or None when the tools are present."""
    compiler = os.environ.get("CC") or sysconfig.get_config_var("CC") or "cc"
    program = shlex.split(compiler)[0] if compiler.strip() else "cc"
    if shutil.which(program) is None:
        return f"no C compiler: `{program}` is not on PATH (install gcc, or set CC to a C compiler)"
    for module in ("setuptools", "mypyc"):
        if importlib.util.find_spec(module) is None:
            return (
                f"{module} is not installed: install the `native` extra "
                "(`pip install 'xaetl[native]'`, or `uv sync --extra native`)"
            )
    headers = Path(sysconfig.get_paths()["include"]) / "Python.h"
    if not headers.is_file():
        return f"no Python headers: {headers} is missing (install the python3-dev package)"
    return None


def native_files(directory: Path) -> list[Path]:
    """Extension modules under `directory`."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    found = (p for p in directory.rglob("*") if p.name.endswith(suffixes))
    return sorted(p for p in found if "build" not in p.relative_to(directory).parts)  # mypyc's scratch


def check_outside(cache: Path, root: Path) -> None:
    """Refuse a cache root inside the source tree (the directory holding `ingest`)."""
    if cache.resolve().is_relative_to(root.resolve()):
        raise BuildError(
            f"the native build directory {cache} is inside the source tree {root}; set {native.DIR_ENV}"
        )


def compile_into(work: Path, root: Path, modules: list[str]) -> None:
    """Copy `root`'s `ingest` package into `work` and compile `modules` (paths relative to `root`) there."""
    shutil.copytree(
        root / "ingest",
        work / "ingest",
        ignore=shutil.ignore_patterns(
            "__pycache__", *(f"*{s}" for s in importlib.machinery.EXTENSION_SUFFIXES)
        ),
    )
    (work / "mypy.ini").write_text(_MYPY_INI, encoding="utf-8")
    (work / "modules.json").write_text(json.dumps(modules), encoding="utf-8")
    (work / "setup.py").write_text(_SETUP, encoding="utf-8")
    log = work / "build.log"
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run([sys.executable, "setup.py"], cwd=work, stdout=out, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        tail = [line for line in log.read_text(encoding="utf-8").splitlines() if line.strip()][-1:]
        raise BuildError(f"the mypyc build failed ({log}): {' '.join(tail)}")
    # one per module, and mypyc's shared library of them (at the top, or beside a module built alone)
    built = [p for p in native_files(work / "ingest" / "extract") if "__mypyc." not in p.name]
    if len(built) != len(modules):
        raise BuildError(f"the mypyc build made {len(built)} extension modules, not {len(modules)}")


def _assemble(work: Path, out: Path) -> None:
    """Move the extension modules of `work` (the package's and mypyc's shared library) into `out`."""
    for path in native_files(work):
        rel = path.relative_to(work)
        if len(rel.parts) == 1 or rel.parts[0] == "ingest":
            (out / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(path, out / rel)


def _child_env(root: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(root), env.get("PYTHONPATH")) if p)
    env["PYTHONHASHSEED"] = "0"  # the two runs alike, whatever the output's dependence on it
    env.update(extra)
    return env


def extract_hash(root: Path, build: Path | None, modules: list[str]) -> dict[str, Any]:
    """In a new process importing `ingest` from `root`: the pure modules (`build` None) or those of
    `build`, which must be the ones imported for every one of `modules`; the hash of the metadata and
    mentions of every bundled text, and the number of mentions."""
    args = [sys.executable, "-m", "ingest.native_build", "--verify-child", str(build or "pure")]
    env = _child_env(root, **({native.ENABLE_ENV: "0"} if build is None else {}))
    done = subprocess.run(
        [*args, json.dumps(modules)], capture_output=True, text=True, env=env, cwd=tempfile.gettempdir()
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit code {done.returncode}"]
        raise BuildError(
            f"verification: the {'compiled' if build else 'pure'} extraction failed: {lines[-1]}"
        )
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


def _verify_child(build: str, modules: list[str]) -> None:
    if build != "pure":
        native.force(Path(build))
    import ingest.extract
    from ingest.extract import extract_mentions, extract_metadata

    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    for rel in modules:
        name = module_name(rel)
        module = sys.modules.get(name) or importlib.import_module(name)
        origin = Path(getattr(module, "__file__", "") or "")
        compiled = origin.name.endswith(suffixes)
        if build == "pure" and compiled:
            raise SystemExit(f"{name} was imported compiled from {origin} in the pure run")
        if build != "pure" and not (compiled and origin.resolve().is_relative_to(Path(build).resolve())):
            raise SystemExit(f"{name} was imported from {origin}, not from the build {build}")
    assert Path(ingest.extract.__file__ or "").suffix == ".py"
    digest, count = hashlib.sha256(), 0
    for path in sorted((native.source_root() / BUNDLED_TEXTS).iterdir()):
        text = path.read_text(encoding="utf-8")
        meta = extract_metadata(text)
        mentions = [m.to_dict() for m in extract_mentions(text, metadata=meta)]
        count += len(mentions)
        record = {"doc": path.name, "metadata": meta.to_dict(), "mentions": mentions}
        digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode() + b"\n")
    print(json.dumps({"hash": digest.hexdigest(), "mentions": count}))


def build(
    cache: Path | None = None,
    *,
    force: bool = False,
    modules: list[str] | None = None,
    compile_from: Path | None = None,
) -> Built:
    """Make, verify and keep the build of the imported `ingest`'s extractor under `cache` (default the
    cache root). `modules` compiles a subset (tests); `compile_from` compiles another copy of the source
    than the one verified against (tests: a build of an altered source must be discarded)."""
    problem = missing_tool()
    if problem:
        raise BuildError(problem)
    root = native.source_root()
    cache = native.cache_root() if cache is None else cache
    check_outside(cache, root)
    key = native.build_key(root)
    final = cache / key
    if (final / native.READY_FILE).is_file() and not force:
        ready = json.loads((final / native.READY_FILE).read_text(encoding="utf-8"))
        return Built(final, key, len(ready["modules"]), 0.0, ready["mentions_hash"], reused=True)
    stale = native_files(root / "ingest")
    if stale:
        raise BuildError(f"extension modules in the source tree would shadow the .py files: {stale[0]}")
    modules = compiled_modules(root) if modules is None else modules
    started = time.perf_counter()
    cache.mkdir(parents=True, exist_ok=True)
    temp = Path(tempfile.mkdtemp(prefix=f".build-{key}-", dir=cache))
    try:
        work, out = temp / "work", temp / "out"
        compile_into(work, compile_from or root, modules)
        _assemble(work, out)
        pure = extract_hash(root, None, modules)
        compiled = extract_hash(root, out, modules)
        if pure["hash"] != compiled["hash"] or pure["mentions"] != compiled["mentions"]:
            raise BuildError(
                "verification failed: the compiled extractor's output differs from the pure one's on the "
                f"bundled texts (pure {pure['hash'][:16]}, {pure['mentions']} mentions; compiled "
                f"{compiled['hash'][:16]}, {compiled['mentions']}); the build is discarded"
            )
        seconds = time.perf_counter() - started
        ready = {
            "key": key,
            "verified": True,
            "mentions_hash": pure["hash"],
            "mentions": pure["mentions"],
            "modules": modules,
            "python": sys.version.split()[0],
            "mypyc": native.mypyc_version(),
            "build_s": round(seconds, 1),
            "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
        (out / native.READY_FILE).write_text(json.dumps(ready, indent=1) + "\n", encoding="utf-8")
        if final.exists():  # --force over a ready build: the old one leaves just before the new arrives
            final.rename(temp / "old")
        try:
            out.rename(final)
        except OSError:  # another build of the same key arrived first: it is as good as this one
            if not (final / native.READY_FILE).is_file():
                raise
    finally:
        shutil.rmtree(temp, ignore_errors=True)
    return Built(final, key, len(modules), seconds, pure["hash"])


def clear(cache: Path | None = None) -> list[Path]:
    """Remove every build (and any unfinished one) under `cache` (default the cache root): what went.
    Only directories named as builds are: the root may be a directory shared with other things."""
    cache = native.cache_root() if cache is None else cache
    try:
        entries = sorted(p for p in cache.iterdir() if p.is_dir() and _BUILD_NAME.fullmatch(p.name))
    except OSError:
        return []
    for path in entries:
        shutil.rmtree(path)
    return entries


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--verify-child":
        _verify_child(sys.argv[2], json.loads(sys.argv[3]))
    else:
        raise SystemExit("usage: xaetl native build (this module's own entry point is internal)")
