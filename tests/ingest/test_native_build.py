"""`ingest/native_build.py`: real mypyc builds of two small leaf modules (the whole extractor takes
minutes; `xaetl native build` and benchmarks/native_bench.py make that one), loaded by `ingest.extract`
in new processes, the worker pool's included."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import native
from ingest.native_build import BuildError, build, missing_tool

ROOT = native.source_root()
SUBSET = ["ingest/extract/lowercase.py", "ingest/extract/scan.py"]
SEEDS = ROOT / "tests" / "fixtures" / "seeds"

_MISSING = missing_tool() or ""

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(_MISSING.startswith("no C compiler"), reason=f"a mypyc build needs one: {_MISSING}"),
]

# In a new process: which implementation runs, where the two compiled modules came from, and the hash
# of every seed document's metadata and mentions.
_CHILD = """
import hashlib, json, sys
from pathlib import Path
import ingest.extract, ingest.native as native
from ingest.extract import extract_mentions, extract_metadata
digest = hashlib.sha256()
for path in sorted(Path(sys.argv[1]).glob("*.txt")):
    text = path.read_text(encoding="utf-8")
    meta = extract_metadata(text)
    record = [meta.to_dict(), [m.to_dict() for m in extract_mentions(text, metadata=meta)]]
    digest.update(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str).encode())
files = {n: sys.modules[n].__file__ for n in ("ingest.extract.lowercase", "ingest.extract.scan")}
print(json.dumps({"implementation": native.implementation(), "files": files, "hash": digest.hexdigest()}))
"""


def _child(code: str, *args: str, **env: str) -> dict:
    full = {k: v for k, v in os.environ.items() if k not in (native.ENABLE_ENV, native.DIR_ENV)}
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env={**full, "PYTHONHASHSEED": "0", **env},
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    cache = tmp_path_factory.mktemp("native")
    return build(cache, modules=SUBSET)


def test_a_real_build_is_ready_under_its_key_and_holds_only_extension_modules(built) -> None:
    assert built.path == built.path.parent / native.build_key() and not built.reused
    ready = json.loads((built.path / native.READY_FILE).read_text(encoding="utf-8"))
    assert ready["verified"] and ready["modules"] == SUBSET and ready["mentions"] > 0
    files = sorted(p.relative_to(built.path).as_posix() for p in built.path.rglob("*") if p.is_file())
    assert len(files) == 4 and "ready.json" in files  # two modules, mypyc's shared library, ready.json
    assert {f.split(".")[0] for f in files if f.startswith("ingest/")} == {m[:-3] for m in SUBSET}
    assert [p.name for p in built.path.parent.iterdir()] == [built.path.name]  # no scratch left
    assert not list((ROOT / "ingest").rglob("*.so"))  # nothing beside the sources
    again = build(built.path.parent, modules=SUBSET)
    assert again.reused and again.path == built.path


def test_the_build_is_loaded_and_extracts_the_seeds_as_the_pure_modules_do(built) -> None:
    compiled = _child(_CHILD, str(SEEDS), **{native.DIR_ENV: str(built.path.parent)})
    pure = _child(_CHILD, str(SEEDS), **{native.DIR_ENV: str(built.path.parent), native.ENABLE_ENV: "0"})
    assert compiled["implementation"] == "native" and pure["implementation"] == "pure"
    for name, path in compiled["files"].items():
        assert Path(path).parent == built.path / "ingest" / "extract", name
    assert all(p.endswith(".py") for p in pure["files"].values())
    assert compiled["hash"] == pure["hash"]


def test_the_worker_pool_runs_the_implementation_of_its_parent(built) -> None:
    # each worker is a new interpreter (`python -m ingest.extract.parallel`); its mapped libraries say
    # which modules it imported
    code = """
import json, sys
import ingest.extract, ingest.native as native
from ingest.extract.parallel import ExtractPool
with ExtractPool(1) as pool:
    [(meta, mentions, error)] = pool.map([("Sản lượng lúa đạt 1.936 tấn.", None, None)])
    maps = open(f"/proc/{pool._workers[0].proc.pid}/maps").read()
print(json.dumps({"implementation": native.implementation(), "maps": sys.argv[1] in maps,
                  "mentions": len(mentions), "error": error}))
"""
    where = str(built.path)
    compiled = _child(code, where, **{native.DIR_ENV: str(built.path.parent)})
    pure = _child(code, where, **{native.DIR_ENV: str(built.path.parent), native.ENABLE_ENV: "0"})
    assert (compiled["implementation"], compiled["maps"]) == ("native", True)
    assert (pure["implementation"], pure["maps"]) == ("pure", False)
    assert compiled["mentions"] == pure["mentions"] == 1 and compiled["error"] is None


def test_a_build_whose_output_differs_is_discarded(tmp_path) -> None:
    # compiled from a copy whose separator search was altered on purpose, verified against the source
    altered = tmp_path / "altered"
    shutil.copytree(ROOT / "ingest", altered / "ingest", ignore=shutil.ignore_patterns("__pycache__"))
    module = altered / "ingest" / "extract" / "scan.py"
    source = module.read_text(encoding="utf-8")
    assert source.count("return last + 1\n") == 1
    module.write_text(source.replace("return last + 1\n", "return last\n"), encoding="utf-8")
    cache = tmp_path / "cache"
    with pytest.raises(BuildError, match=r"^verification failed: .* the build is discarded$"):
        build(cache, modules=SUBSET, compile_from=altered)
    assert list(cache.iterdir()) == []  # nothing left, ready or not
    assert native.ready_builds(cache) == []
