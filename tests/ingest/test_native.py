"""`ingest/native.py`: the build key and the loader's decision, without compiling anything (the real
mypyc build is tests/ingest/test_native_build.py)."""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from ingest import native
from ingest.native_build import compiled_modules, module_name

ROOT = native.source_root()


def _copy_key_inputs(dest: Path) -> Path:
    for rel in native.key_inputs(ROOT):
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(ROOT / rel, dest / rel)
    return dest


def _fake_ready(cache: Path, key: str, **ready: object) -> Path:
    """A build directory as `xaetl native build` leaves it, without its extension modules."""
    build = cache / key
    (build / "ingest" / "extract").mkdir(parents=True)
    content = {"key": key, "verified": True, "mentions_hash": "0" * 64, "modules": [], **ready}
    (build / native.READY_FILE).write_text(json.dumps(content), encoding="utf-8")
    return build


def test_the_key_is_the_sources_not_their_place_and_changes_with_any_byte(tmp_path: Path) -> None:
    copy = _copy_key_inputs(tmp_path / "copy")
    key = native.build_key(ROOT, mypyc="1.19.1")
    assert len(key) == 24 and native.build_key(copy, mypyc="1.19.1") == key
    # byproducts are not sources
    (copy / "ingest" / "extract" / "__pycache__").mkdir(exist_ok=True)
    (copy / "ingest" / "extract" / "__pycache__" / "lists.cpython-311.pyc").write_bytes(b"x")
    assert native.build_key(copy, mypyc="1.19.1") == key
    changed = set()
    for rel in (
        "ingest/extract/scan.py",  # a compiled module
        "ingest/extract/learned/kinds.json",  # a data file the extractor reads
        "ingest/records.py",  # a pure module the compiled code imports
        "ingest/native_build.py",  # the recipe
    ):
        path = copy / rel
        original = path.read_bytes()
        path.write_bytes(original[:-1] + bytes([original[-1] ^ 1]))  # one bit of the last byte
        changed.add(native.build_key(copy, mypyc="1.19.1"))
        path.write_bytes(original)
    assert len(changed) == 4 and key not in changed
    (copy / "ingest" / "extract" / "new_module.py").write_text("X = 1\n", encoding="utf-8")
    assert native.build_key(copy, mypyc="1.19.1") != key
    assert native.build_key(ROOT, mypyc="1.20.0") != key  # another mypyc


def test_the_key_covers_every_module_the_compiled_code_imports() -> None:
    outside = set()
    for rel in compiled_modules(ROOT):
        for node in ast.walk(ast.parse((ROOT / rel).read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("ingest"):
                if not node.module.startswith("ingest.extract"):
                    outside.add(node.module)
            elif isinstance(node, ast.Import):
                outside |= {a.name for a in node.names if a.name.startswith("ingest.")}
    outside_paths = {m.replace(".", "/") + ".py" for m in outside}
    assert outside_paths <= set(native.IMPORTED_OUTSIDE)
    # everything the extractor reads is under ingest/extract: the key's files hold it
    assert "ingest/extract/catalogue/indicators.csv" in {p.as_posix() for p in native.key_inputs(ROOT)}


def test_pure_without_a_build_when_disabled_and_when_the_build_is_stale(tmp_path, monkeypatch) -> None:
    cache = tmp_path / "cache"
    monkeypatch.setenv(native.DIR_ENV, str(cache))
    monkeypatch.delenv(native.ENABLE_ENV, raising=False)
    decision = native.decide()
    assert decision.implementation == "pure" and "no native build" in decision.reason
    assert decision.key is None  # nothing hashed without any build
    # a build of other source (the key of an edited copy) is never chosen
    copy = _copy_key_inputs(tmp_path / "copy")
    (copy / "ingest" / "extract" / "scan.py").write_text("# edited\n", encoding="utf-8")
    _fake_ready(cache, native.build_key(copy))
    decision = native.decide()
    assert decision.implementation == "pure" and "stale" in decision.reason
    # a ready build of this very source is
    current = _fake_ready(cache, native.build_key())
    decision = native.decide()
    assert (decision.implementation, decision.build) == ("native", current)
    monkeypatch.setenv(native.ENABLE_ENV, "0")
    assert native.decide().reason == "disabled by XAETL_NATIVE=0"


def test_an_unfinished_or_unverified_build_is_not_chosen(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(native.DIR_ENV, str(tmp_path))
    monkeypatch.delenv(native.ENABLE_ENV, raising=False)
    key = native.build_key()
    (tmp_path / f".build-{key}-abc").mkdir()  # a build under way: no ready.json, a dot name
    assert native.decide().implementation == "pure"
    _fake_ready(tmp_path, key, verified=False)
    assert native.decide().implementation == "pure"


def test_a_build_that_fails_to_import_falls_back_to_the_pure_modules(tmp_path) -> None:
    build = _fake_ready(tmp_path, native.build_key())
    broken = build / "ingest" / "extract" / f"lowercase{sysconfig.get_config_var('EXT_SUFFIX')}"
    broken.write_bytes(b"not an ELF file")
    code = (
        "import ingest.extract, ingest.native as n, sys;"
        "print(n.implementation(), n.loaded().reason, sys.modules['ingest.extract.lowercase'].__file__)"
    )
    env = {**os.environ, native.DIR_ENV: str(tmp_path)}
    env.pop(native.ENABLE_ENV, None)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    implementation, rest = done.stdout.split(" ", 1)
    assert implementation == "pure" and "failed to import" in rest
    assert rest.strip().endswith(str(ROOT / "ingest" / "extract" / "lowercase.py"))
    assert "failed to import" in done.stderr  # said once, as a warning


@pytest.mark.parametrize(
    "rel", ["ingest/extract/learned/__init__.py", "ingest/extract/catalogue/__init__.py"]
)
def test_subpackages_are_compiled_so_their_modules_are_found_in_the_build(rel) -> None:
    # a subpackage left pure would be found beside its .py, and its compiled modules never
    assert rel in compiled_modules(ROOT)
    assert module_name(rel) == rel.removesuffix("/__init__.py").replace("/", ".")


def test_the_suite_runs_the_extractor_from_its_source() -> None:
    """The suite's conftest hides any native build in the developer's cache: every module is the `.py`."""
    import ingest.extract.mentions
    import ingest.extract.numbers

    for module in (ingest.extract.mentions, ingest.extract.numbers):
        assert module.__file__ is not None and module.__file__.endswith(".py"), module.__file__
