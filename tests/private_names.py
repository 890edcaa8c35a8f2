"""A private name stays in its module: find every ``_name`` of a module of ours that another
module imports or reaches through an attribute (``drafting._revise``, ``Transport._parse``).

Module-level names and the attributes of what a module imports (its classes, functions,
submodules) are checked; dunder names (``__table__``), sunder names (``_value_``) and the
translation function ``_`` are public by convention. An attribute of an object made at run time
(``self._lock``) is not seen: that needs types, and those stay inside their own class anyway.

Used by tests/test_architecture.py on ``desktop`` and ``sync``, and on small packages it makes to
prove that it catches what it should.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class PrivateUse:
    path: Path
    line: int
    module: str  # the module that uses it
    name: str  # what it uses, fully qualified: desktop.letters.drafting._revise

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} uses {self.name}"


def is_private(name: str) -> bool:
    if name == "_" or not name.startswith("_"):
        return False
    return not name.endswith("_")  # __dunder__ and _sunder_ names are not private


def modules_under(root: Path, packages: list[str]) -> dict[str, Path]:
    """Module name -> file, for every ``.py`` file of ``packages`` (directories under ``root``)."""
    found: dict[str, Path] = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = list(path.relative_to(root).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def _absolute(module: str, is_package: bool, node: ast.ImportFrom) -> str:
    if not node.level:
        return node.module or ""
    base = module.split(".")
    if not is_package:
        base.pop()
    if node.level > 1:
        base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, node.module] if node.module else base)


def _chain(node: ast.Attribute) -> list[str] | None:
    """``a.b.c`` as ["a", "b", "c"]; None when the chain starts with anything but a name."""
    names = [node.attr]
    value = node.value
    while isinstance(value, ast.Attribute):
        names.append(value.attr)
        value = value.value
    if not isinstance(value, ast.Name):
        return None
    names.append(value.id)
    return names[::-1]


def _owner_module(target: str, modules: set[str]) -> str:
    """The module that defines ``target`` (the longest known module name it starts with)."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return target


def find_private_uses(root: Path, packages: list[str]) -> list[PrivateUse]:
    """Every use of a private name of one module of ``packages`` by another module."""
    modules = modules_under(root, packages)
    known = set(modules)
    ours = tuple(packages)
    uses: list[PrivateUse] = []
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        is_package = path.name == "__init__.py"
        bound: dict[str, str] = {}  # local name -> what it stands for (scopes merged)

        def ours_(target: str) -> bool:
            return target.split(".")[0] in ours

        def use(line: int, owner: str, name: str, module: str = module, path: Path = path) -> None:
            if ours_(owner) and is_private(name) and _owner_module(owner, known) != module:
                uses.append(PrivateUse(path, line, module, f"{owner}.{name}"))

        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.asname:
                        bound[alias.asname] = alias.name
                    else:
                        bound[alias.name.split(".")[0]] = alias.name.split(".")[0]
                    parent, _dot, last = alias.name.rpartition(".")
                    if parent:
                        use(node.lineno, parent, last)
            elif isinstance(node, ast.ImportFrom):
                source = _absolute(module, is_package, node)
                for alias in node.names:
                    if alias.name == "*":
                        continue
                    use(node.lineno, source, alias.name)
                    bound[alias.asname or alias.name] = f"{source}.{alias.name}"
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute):
                chain = _chain(node)
                if chain is None or chain[0] not in bound:
                    continue
                owner = ".".join([bound[chain[0]], *chain[1:-1]])
                use(node.lineno, owner, chain[-1])
    return sorted(uses)
