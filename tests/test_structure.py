"""The package's import structure: no import cycle, and no click below the command line.

The graph is read from the source with ``ast`` (nothing is imported): an edge
for every ``import`` and ``from ... import`` of an ``aicity`` module, absolute
or relative, at module level or inside a function. ``from . import name`` is an
edge to the submodule ``name`` when there is one, else to the package. Imports
under ``if TYPE_CHECKING:`` never run and are left out.
"""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "aicity"
# The command line may use click; the library layers below it (api, pipeline,
# sqlite_store, extractors, ...) raise aicity.errors exceptions instead.
CLICK_ALLOWED = ("aicity.cli", "aicity.commands")
KNOWN_CYCLES: list[set[str]] = []


def module_name(path: Path, root: Path = PACKAGE) -> str:
    parts = path.relative_to(root.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def package_modules(root: Path = PACKAGE) -> dict[str, Path]:
    return {module_name(path, root): path for path in sorted(root.rglob("*.py"))}


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(tree: ast.AST):
    """Every Import/ImportFrom node, at any depth, outside ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and _is_type_checking(node):
            yield from (n for child in node.orelse for n in _imports_in(child))
            continue
        yield from _imports_in(node)


def _imports_in(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    else:
        yield from _imports(node)


def imported_names(name: str, path: Path, modules: frozenset[str] = frozenset()) -> set[str]:
    """The dotted names ``name`` (the module at ``path``) imports, absolute or relative.

    ``from X import y`` gives ``X.y`` when that is one of ``modules``, else ``X``.
    """
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in _imports(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
            continue
        if node.level:
            base = name.split(".")
            # a module's "." is its package; a package's "." is itself
            base = base[:len(base) - node.level + (1 if is_package else 0)]
            module = ".".join(base + ([node.module] if node.module else []))
        else:
            module = node.module or ""
        for alias in node.names:
            submodule = f"{module}.{alias.name}"
            found.add(submodule if submodule in modules else module)
    return found


def import_graph(root: Path = PACKAGE) -> dict[str, set[str]]:
    """aicity module -> the aicity modules it imports."""
    modules = package_modules(root)
    names = frozenset(modules)
    return {name: {target for target in imported_names(name, path, names)
                   if target in modules and target != name}
            for name, path in modules.items()}


def cycles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(frozenset(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_cycle():
    graph = import_graph()
    assert "aicity.pipeline" in graph["aicity.api"]  # the graph sees relative imports
    unexpected = [sorted(c) for c in cycles(graph) if c not in KNOWN_CYCLES]
    assert not unexpected, f"import cycles: {unexpected}"


def test_no_click_below_the_command_line():
    importers = sorted(name for name, path in package_modules().items()
                       if not name.startswith(CLICK_ALLOWED)
                       and any(m == "click" or m.startswith("click.")
                               for m in imported_names(name, path)))
    assert not importers, f"import click: {importers}"


def test_the_graph_reader_on_a_small_package(tmp_path):
    """The reader finds relative, function-level and submodule imports, skips
    TYPE_CHECKING ones, and the cycle finder reports exactly the cycle."""
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .a import A\n")
    (package / "a.py").write_text("def f():\n    from .sub import b\n")
    (package / "sub" / "__init__.py").write_text("from .. import a\n")
    (package / "sub" / "b.py").write_text("import click\nfrom ..a import f\nfrom . import c\n")
    (package / "sub" / "c.py").write_text("")
    graph = import_graph(package)
    assert graph == {"pkg": set(), "pkg.a": {"pkg.sub.b"}, "pkg.sub": {"pkg.a"},
                     "pkg.sub.b": {"pkg.a", "pkg.sub.c"}, "pkg.sub.c": set()}
    assert cycles(graph) == [frozenset({"pkg.a", "pkg.sub.b"})]
    assert "click" in imported_names("pkg.sub.b", package / "sub" / "b.py")
