"""`xaetl simulate` (placeholder until its owner lands it)."""

import typer


def simulate() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
