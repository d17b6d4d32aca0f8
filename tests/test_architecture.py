"""The package's shape: small functions, small modules, data flowing one way (no two modules import
each other), reports that read a Comparison and never an article."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "framing"
MAX_FUNCTION_LINES = 120
MAX_MODULE_LINES = 800


def _modules() -> dict[str, ast.Module]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent).with_suffix("")
        name = ".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts)
        out[name] = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return out


def _imports(name: str, tree: ast.Module, modules: set[str]) -> set[str]:
    """Package modules that ``name`` imports anywhere (module level or inside functions)."""
    package = name if name in modules and _is_package(name) else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join([*parts, base]) if base else ".".join(parts)
            targets = [base] + [f"{base}.{a.name}" for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in modules and t != name)
    return found


def _is_package(name: str) -> bool:
    return (PACKAGE.parent / Path(*name.split(".")) / "__init__.py").exists()


def test_architecture_no_two_modules_import_each_other() -> None:
    modules = _modules()
    graph = {name: _imports(name, tree, set(modules)) for name, tree in modules.items()}
    mutual = sorted({tuple(sorted((a, b))) for a, deps in graph.items() for b in deps
                     if a in graph.get(b, ()) and not (_is_package(a) or _is_package(b))})
    assert mutual == []


def test_architecture_functions_and_modules_are_small() -> None:
    long_functions, long_modules = [], []
    for path in sorted(PACKAGE.rglob("*.py")):
        src = path.read_text(encoding="utf-8")
        if src.count("\n") > MAX_MODULE_LINES:
            long_modules.append((str(path.relative_to(PACKAGE)), src.count("\n")))
        for node in ast.walk(ast.parse(src)):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                n = node.end_lineno - node.lineno + 1
                if n > MAX_FUNCTION_LINES:
                    long_functions.append((str(path.relative_to(PACKAGE)), node.name, n))
    assert long_modules == [] and long_functions == []


def test_architecture_reports_never_read_articles() -> None:
    """The report modules read tables and the Comparison's views, never ``comp.corpus``."""
    for path in sorted((PACKAGE / "report").glob("*.py")):
        assert ".corpus" not in path.read_text(encoding="utf-8"), path.name
