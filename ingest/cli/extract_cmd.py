"""`xaetl extract` (placeholder until its owner lands it)."""

import typer


def extract() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
