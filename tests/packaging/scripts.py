"""The packaging scripts (packaging/*.py are scripts, not a package) loaded as modules for tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def load(script: str, as_name: str) -> ModuleType:
    """``packaging/<script>.py`` as the module ``as_name`` (registered in ``sys.modules``)."""
    spec = importlib.util.spec_from_file_location(as_name, ROOT / "packaging" / f"{script}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[as_name] = module
    spec.loader.exec_module(module)
    return module
