"""Store templates: a migrated empty store and a staffed office, built once per test session.

Migrating a new store costs about a second and setting up an office with its staff more; a test
gets a copy of the template's files instead (SQLite's backup API and the blob folder), which is
the same store the app would have made, at a fraction of the cost.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from desktop.store.db import DB_NAME, Store, open_store

TEMPLATES: dict[str, Path] = {}  # name -> data dir, filled by the session fixture in conftest


def copy_store(source: Path, target: Path) -> None:
    """Copy the store in data dir ``source`` (closed or open) into the new data dir ``target``."""
    target.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source / DB_NAME)
    dst = sqlite3.connect(target / DB_NAME)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    if (source / "blobs").exists():
        shutil.copytree(source / "blobs", target / "blobs", dirs_exist_ok=True)


def new_store(data_dir: Path, template: str = "empty") -> Store:
    """Open a store in the new ``data_dir`` made from a template ("empty" or "staffed")."""
    if template not in TEMPLATES:
        raise RuntimeError(f"no store template {template!r} (made by tests/conftest.py)")
    if (data_dir / DB_NAME).exists():
        raise RuntimeError(f"{data_dir} already holds a store")
    copy_store(TEMPLATES[template], data_dir)
    return open_store(data_dir)
