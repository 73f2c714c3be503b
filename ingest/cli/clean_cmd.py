"""`xaetl clean` (placeholder until its owner lands it)."""

import typer


def clean() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
