"""`xaetl query` (placeholder until its owner lands it)."""

import typer


def query() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
