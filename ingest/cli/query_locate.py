"""Find the published warehouse a reader command should open, or say which `--data-dir` to pass."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from ingest.paths import DataPaths

# Where `xaetl demo` writes by default (ingest/cli/demo_cmd.py), relative to the working directory.
DEMO_DATA_DIR = Path("data") / "demo"
DEFAULT_DATA_DIR = Path("data")

ReaderDataDirOption = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Data directory whose published warehouse to read. Default: $XAETL_DATA_DIR, else ./data, "
        "else ./data/demo (where `xaetl demo` writes).",
        file_okay=False,
    ),
]


ProvinceOption = Annotated[
    str | None, typer.Option("--province", help="Only this province (name as published).")
]
CommuneOption = Annotated[
    str | None, typer.Option("--commune", help="Only this commune (name as published, or commune_id).")
]


class WarehouseNotFound(FileNotFoundError):
    """No published warehouse where we looked; the message says where and what to run."""


def _has_published(paths: DataPaths) -> bool:
    return paths.published.exists()


def locate(
    data_dir: Path | None,
    *,
    cwd: Path | None = None,
    usable: Callable[[DataPaths], bool] = _has_published,
) -> tuple[DataPaths, str | None]:
    """The data directory to read and, when it was not the one asked for, a note saying so.

    An explicit `--data-dir` (or $XAETL_DATA_DIR) is used as given. Otherwise ./data, then
    ./data/demo: right after `xaetl demo`, `xaetl query "select 1"` just works. `usable` says
    whether a data directory holds what the command reads (default: a published warehouse).
    """
    cwd = cwd or Path.cwd()
    explicit = data_dir if data_dir is not None else _env_data_dir()
    if explicit is not None:
        paths = DataPaths.at(explicit if explicit.is_absolute() else cwd / explicit)
        if not usable(paths):
            raise WarehouseNotFound(_not_found([paths], cwd))
        return paths, None
    tried = [DataPaths.at(cwd / DEFAULT_DATA_DIR), DataPaths.at(cwd / DEMO_DATA_DIR)]
    for i, paths in enumerate(tried):
        if usable(paths):
            note = f"reading the demo warehouse in {paths.root} (pass --data-dir to choose)" if i else None
            return paths, note
    raise WarehouseNotFound(_not_found(tried, cwd))


def locate_or_exit(
    data_dir: Path | None, *, usable: Callable[[DataPaths], bool] = _has_published
) -> DataPaths:
    """`locate` for a command: the note on stderr, or the error and exit code 1."""
    try:
        paths, note = locate(data_dir, usable=usable)
    except WarehouseNotFound as exc:
        typer.secho(f"error: {exc}", fg="red", err=True)
        raise typer.Exit(code=1) from exc
    if note:
        typer.secho(note, fg="yellow", err=True)
    return paths


def _env_data_dir() -> Path | None:
    value = os.environ.get("XAETL_DATA_DIR")
    return Path(value) if value else None


def _not_found(tried: list[DataPaths], cwd: Path) -> str:
    looked = ", ".join(str(p.published) for p in tried)
    found = sorted(p.parent.parent for p in (cwd / "data").glob("*/published/warehouse.duckdb"))
    found = [d for d in found if all(d != t.root for t in tried)]
    hint = (
        "pass one of: " + ", ".join(f"--data-dir {_relative(d, cwd)}" for d in found)
        if found
        else "run `xaetl demo` (writes data/demo) or `xaetl run --registry FILE --data-dir DIR` first, "
        "then pass --data-dir DIR"
    )
    return f"no published warehouse at {looked}: {hint}"


def _relative(path: Path, cwd: Path) -> str:
    try:
        return str(path.relative_to(cwd))
    except ValueError:
        return str(path)
