"""`xaetl demo` (placeholder until its owner lands it)."""

import typer


def demo() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
