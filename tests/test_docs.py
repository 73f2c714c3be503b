"""The design documents are in the repository: every link and every `docs/…` path cited resolves."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# [text](target) in Markdown; external URLs and in-page anchors are not files
MD_LINK = re.compile(r"\[[^\]\n]*\]\(([^)\s]+)\)")
DOCS_PATH = re.compile(r"(?<![\w/.])docs/[\w./-]+\.md")
CITED_IN = ("*.py", "*.md", "*.sql", "*.yml", "*.yaml", "*.sh", ".sqlfluff", "*.toml")


def _tracked(*patterns: str) -> list[Path]:
    out = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "--", *patterns],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [REPO / p for p in out if (REPO / p).is_file()]


def _markdown_targets() -> list[tuple[str, str]]:
    found = []
    for path in _tracked("*.md"):
        for target in MD_LINK.findall(path.read_text(encoding="utf-8")):
            if not re.match(r"^[a-z]+:|^#", target):
                found.append((str(path.relative_to(REPO)), target))
    return found


def test_the_docs_exist():
    names = {p.name for p in (REPO / "docs").glob("*.md")}
    assert {"README.md", "cli.md", "registry.md", "mentions.md", "periods.md", "marts.md"} <= names
    assert {"data-dir.md", "decisions.md", "sources.md"} <= names


@pytest.mark.parametrize(("source", "target"), _markdown_targets())
def test_markdown_links_resolve(source, target):
    path = target.split("#", 1)[0]
    assert (REPO / source).parent.joinpath(path).exists(), f"{source}: broken link {target}"


def test_cited_docs_paths_exist():
    missing = [
        f"{p.relative_to(REPO)}: {m}"
        for p in _tracked(*CITED_IN)
        for m in DOCS_PATH.findall(p.read_text(encoding="utf-8", errors="replace"))
        if not (REPO / m).is_file()
    ]
    assert not missing


def test_no_reference_to_documents_outside_the_repo():
    """Code and docs cite docs/, not a design brief or a briefs/ folder a clone does not have."""
    stale = re.compile(r"DESIGN(?:\.md| §)|briefs/|STYLE\.md|GOLD\.md|DEVELOPERS\.md")
    hits = [
        f"{p.relative_to(REPO)}:{n}"
        for p in _tracked(*CITED_IN)
        if p.name != "test_docs.py"
        for n, line in enumerate(p.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if stale.search(line)
    ]
    assert not hits


def test_every_command_and_option_of_the_readers_is_in_cli_md():
    import typer.main

    from ingest.cli.main import app

    commands = typer.main.get_command(app).commands  # type: ignore[attr-defined]
    text = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    rows = {line.split("`")[1].split()[1]: line for line in text.splitlines() if line.startswith("| `xaetl ")}
    assert set(commands) <= rows.keys()
    for name in ("query", "report", "export", "docs"):
        for param in commands[name].params:
            flags = [o for o in (*param.opts, *param.secondary_opts) if o.startswith("-") and o != "--help"]
            assert not flags or any(f in rows[name] for f in flags), (name, flags)
