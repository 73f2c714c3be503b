"""Where the extractor's data files are (the catalogue's CSV, the learned parts' JSON): a path in the
directory of the package that holds them, found from the `ingest` package.

Shape: `package_file("ingest.extract.learned", "kinds.json")` is `<ingest's directory>/extract/learned/
kinds.json`, beside `learned/kinds.py` (the trainers in `evaluation/` write to the same constants).
A module does not name its own `__file__`: compiled to native code (mypyc, `benchmarks/native_bench.py`)
a module's body runs before the import system sets `__file__`; the top `ingest` package stays pure
Python, so its directory is known by then.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def package_file(package: str, name: str) -> Path:
    """The path of the data file `name` in the directory of `package` (a dotted name under `ingest`)."""
    top, *below = package.split(".")
    return Path(str(files(top))).joinpath(*below, name)
