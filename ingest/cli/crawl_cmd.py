"""`xaetl crawl` (placeholder until its owner lands it)."""

import typer


def crawl() -> None:
    """Not implemented yet."""
    raise typer.Exit(code=2)
