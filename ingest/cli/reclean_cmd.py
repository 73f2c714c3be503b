"""`xaetl reclean` (placeholder until its owner lands it)."""

import typer


def reclean() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
