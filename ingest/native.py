"""Which implementation `ingest.extract` runs: its pure Python modules, or a verified mypyc build of them.

`xaetl native build` (`ingest/native_build.py`) compiles the extractor's modules with mypyc into a
directory outside the source tree, `<cache root>/<key>/`, and keeps it only when it extracts the texts
bundled with the package exactly as the pure modules do. The key hashes everything the compiled code was
made from: every file under `ingest/extract` (modules and the data files they read), the pure modules
they import from outside it, this module and the builder, the Python version and ABI, and mypyc's
version. When `ingest.extract` is imported, `activate` puts the build of the *current* key first on the
package's `__path__`, so its modules are imported instead of the `.py` ones; a build made from other
source (edited since, another extractor version, another Python or mypyc) has another key and is never
loaded. Without a ready build, or with `XAETL_NATIVE=0`, the pure modules run, silently.

Pure Python and standard library only: it runs before anything of the extractor is imported, and the
CLI's `xaetl native status` reads the decision without importing the extractor.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.machinery
import json
import logging
import os
import sys
import sysconfig
from collections.abc import MutableSequence
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

log = logging.getLogger(__name__)

ENABLE_ENV = "XAETL_NATIVE"  # "0": always the pure modules
DIR_ENV = "XAETL_NATIVE_DIR"  # the cache root; default ~/.cache/xaetl/native
READY_FILE = "ready.json"  # written last into a build, before it is renamed into place
PACKAGE = "ingest.extract"
# Pure modules of `ingest` the compiled code imports from outside `ingest/extract`: mypyc compiled
# against their types, so they are part of the key (tests/ingest/test_native.py keeps the list whole).
IMPORTED_OUTSIDE = ("ingest/__init__.py", "ingest/records.py")
# The loader and the builder: how a build is made and found is part of what it is.
RECIPE = ("ingest/native.py", "ingest/native_build.py")
_forced: Path | None = None  # a build not yet ready, loaded by the builder's verification child


@dataclass(frozen=True)
class Decision:
    """What `ingest.extract` uses, and why (one line, for `xaetl native status`)."""

    implementation: str  # "pure" or "native"
    reason: str
    build: Path | None = None  # the build directory, when native
    key: str | None = None


def cache_root() -> Path:
    """Where builds are kept: `$XAETL_NATIVE_DIR`, else `~/.cache/xaetl/native`."""
    configured = os.environ.get(DIR_ENV, "").strip()
    # absolute: the build goes on sys.path, where a relative entry would follow the working directory
    root = Path(configured).expanduser() if configured else Path.home() / ".cache" / "xaetl" / "native"
    return root.absolute()


def source_root() -> Path:
    """The directory holding the `ingest` package imported here (a checkout or site-packages)."""
    return Path(__file__).resolve().parent.parent


def _is_source(path: Path) -> bool:
    """A file of the source tree, not a byproduct (bytecode, an extension module left by hand)."""
    return "__pycache__" not in path.parts and not path.name.endswith(
        tuple(importlib.machinery.EXTENSION_SUFFIXES)
    )


def key_inputs(root: Path) -> list[Path]:
    """The files the key hashes, relative to `root`: every file under `ingest/extract`, the pure
    modules it imports from outside, and the recipe, in a fixed order."""
    under = [p for p in sorted((root / "ingest" / "extract").rglob("*")) if p.is_file() and _is_source(p)]
    rel = [p.relative_to(root) for p in under]
    return rel + [Path(p) for p in (*IMPORTED_OUTSIDE, *RECIPE)]


def mypyc_version() -> str | None:
    """The installed mypyc's version (it ships in the `mypy` distribution), None without it."""
    try:
        return version("mypy")
    except PackageNotFoundError:
        return None


def build_key(root: Path | None = None, mypyc: str | None = None) -> str:
    """The key of a build of `root`'s extractor (default: the one imported here) with `mypyc` (default:
    the installed one's version): 24 hex digits of a sha256."""
    root = source_root() if root is None else root
    mypyc = mypyc_version() if mypyc is None else mypyc
    digest = hashlib.sha256()
    for name, value in (
        ("python", sys.version),
        ("abi", f"{sys.implementation.cache_tag} {sysconfig.get_config_var('EXT_SUFFIX')}"),
        ("mypyc", mypyc or "none"),
    ):
        digest.update(f"{name}={value}\n".encode())
    for rel in key_inputs(root):
        data = (root / rel).read_bytes()
        digest.update(f"{rel.as_posix()} {len(data)}\n".encode())
        digest.update(data)
    return digest.hexdigest()[:24]


def ready_builds(root: Path | None = None) -> list[Path]:
    """The ready builds under the cache root, whatever their key."""
    root = cache_root() if root is None else root
    try:
        entries = sorted(root.iterdir())
    except OSError:
        return []
    return [p for p in entries if not p.name.startswith(".") and (p / READY_FILE).is_file()]


def decide() -> Decision:
    """Which implementation `ingest.extract` uses in this process, from the environment and the cache."""
    if _forced is not None:
        return Decision("native", f"build under verification at {_forced}", _forced)
    if os.environ.get(ENABLE_ENV, "").strip() == "0":
        return Decision("pure", f"disabled by {ENABLE_ENV}=0")
    root = cache_root()
    builds = ready_builds(root)
    if not builds:  # the usual case without a build: nothing hashed
        return Decision("pure", f"no native build in {root} (make one with `xaetl native build`)")
    mypyc = mypyc_version()
    if mypyc is None:
        return Decision("pure", "mypyc is not installed (a build's key names the mypyc that made it)")
    key = build_key(mypyc=mypyc)
    build = root / key
    if build not in builds:
        return Decision(
            "pure",
            f"no build for this source in {root} (those there are stale: made from other source, "
            "Python or mypyc; run `xaetl native build`)",
            key=key,
        )
    try:
        ready = json.loads((build / READY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        return Decision("pure", f"unreadable {build / READY_FILE}: {exc}", key=key)
    if ready.get("key") != key or not ready.get("verified"):
        return Decision("pure", f"{build} is not a verified build of key {key}", key=key)
    return Decision("native", f"ready build at {build}", build, key)


_decision: Decision | None = None


def activate(package_path: MutableSequence[str]) -> Decision:
    """Called by `ingest/extract/__init__.py` before it imports anything: with a ready build for the
    current source, put its package directory first on `package_path` (`ingest.extract.__path__`) and
    its directory on `sys.path` (mypyc's shared library of the build is a top-level module there)."""
    global _decision
    decision = _decision = decide()
    if decision.build is None:
        return decision
    entries = ((package_path, str(decision.build / "ingest" / "extract")), (sys.path, str(decision.build)))
    for path, entry in entries:
        path.insert(0, entry)
    try:  # the two modules the package's `__init__` imports, and through them every compiled one
        for name in ("mentions", "metadata"):
            importlib.import_module(f"{PACKAGE}.{name}")
    except ImportError as exc:  # a build that loads no more (a library moved): the pure modules run
        if _forced is not None:
            raise
        log.warning(
            "the native build at %s failed to import (%s): using the pure modules", decision.build, exc
        )
        for path, entry in entries:
            path.remove(entry)
        for name in [n for n in sys.modules if n.startswith(PACKAGE + ".")]:
            del sys.modules[name]
        _decision = Decision(
            "pure", f"the build at {decision.build} failed to import: {exc}", key=decision.key
        )
    return _decision


def implementation() -> str:
    """The implementation running here: native when modules of the imported extractor are compiled
    ones, else pure (read from the modules themselves: what runs, not what was meant to)."""
    suffixes = tuple(importlib.machinery.EXTENSION_SUFFIXES)
    origins = [
        getattr(m, "__file__", None) or "" for n, m in list(sys.modules.items()) if n.startswith(PACKAGE)
    ]
    return "native" if any(o.endswith(suffixes) for o in origins) else "pure"


def loaded() -> Decision | None:
    """The decision `ingest.extract`'s import made in this process (None before it)."""
    return _decision


def force(build: Path) -> None:
    """Load `build` whatever its state: only for the builder's verification child, before the import."""
    global _forced
    _forced = build
