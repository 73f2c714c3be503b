"""`xaetl run` (placeholder until its owner lands it)."""

import typer


def run() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
