"""`xaetl native build|status|clear`: the opt-in mypyc build of the extractor (ingest/native.py)."""

from __future__ import annotations

from typing import Annotated

import typer

app = typer.Typer(
    name="native",
    help=(
        "The extractor compiled with mypyc: opt-in, verified, never stale. Pure Python stays the default "
        "and the fallback; a build is used only for the exact source, Python and mypyc it was made from."
    ),
    no_args_is_help=True,
    add_completion=False,
)


@app.command("build")
def build(
    force: Annotated[
        bool, typer.Option("--force", help="Build again even when a ready build of this source exists.")
    ] = False,
) -> None:
    """Compile `ingest/extract` with mypyc under the cache root ($XAETL_NATIVE_DIR, default
    ~/.cache/xaetl/native), verify it extracts the bundled texts exactly as the pure modules do, and
    keep it only then. Needs a C compiler and the `native` extra; takes a few minutes. Exit 1 on failure."""
    from ingest.native import cache_root, source_root
    from ingest.native_build import BuildError, compiled_modules, missing_tool
    from ingest.native_build import build as make

    problem = missing_tool()
    if problem:
        typer.echo(f"error: {problem}", err=True)
        raise typer.Exit(code=1)
    typer.echo(
        f"compiling {len(compiled_modules(source_root()))} modules of ingest/extract with mypyc "
        f"under {cache_root()} (a few minutes)",
        err=True,
    )
    try:
        built = make(force=force)
    except BuildError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(code=1) from exc
    if built.reused:
        typer.echo(f"ready: {built.path} (already built for this source; --force builds again)")
    else:
        typer.echo(
            f"ready: {built.path} ({built.modules} modules, verified identical on the bundled texts, "
            f"{built.seconds:.0f} s)"
        )


@app.command("status")
def status() -> None:
    """Print which implementation `ingest.extract` would use in this environment, and why."""
    from ingest.native import cache_root, decide, ready_builds

    decision = decide()
    typer.echo(f"{decision.implementation}: {decision.reason}")
    unused = [p for p in ready_builds() if p != decision.build]
    if unused:
        typer.echo(f"{len(unused)} unused build(s) under {cache_root()} (`xaetl native clear` removes them)")


@app.command("clear")
def clear() -> None:
    """Remove every build under the cache root; the pure modules run until the next build."""
    from ingest.native import cache_root
    from ingest.native_build import clear as remove

    removed = remove()
    typer.echo(f"{len(removed)} build(s) removed from {cache_root()}")
