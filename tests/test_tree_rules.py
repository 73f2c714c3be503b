"""House rules of the tree: benchmarks and tests share helpers through `evaluation/`, never each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _imported_top_names(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _stems(tree: str) -> set[str]:
    return {p.stem for p in (REPO / tree).rglob("*.py")}


@pytest.mark.parametrize(("importer", "imported"), [("benchmarks", "tests"), ("tests", "benchmarks")])
def test_no_imports_between_benchmarks_and_tests(importer, imported):
    # a module of the other tree is reachable by its package name or, through sys.path, by its stem
    forbidden = {imported} | _stems(imported)
    forbidden -= _stems(importer) | {"conftest"}
    offenders = {
        str(p.relative_to(REPO)): sorted(_imported_top_names(p) & forbidden)
        for p in (REPO / importer).rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_the_product_does_not_import_evaluation():
    offenders = [
        str(p.relative_to(REPO))
        for tree in ("ingest", "dags", "expectations")
        for p in (REPO / tree).rglob("*.py")
        if "evaluation" in _imported_top_names(p)
    ]
    assert not offenders
