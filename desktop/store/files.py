"""Where a store lives in its data dir, and a first look into it that needs no SQLAlchemy.

``office_names`` reads the office's name with the standard library's sqlite3 alone, so the app
can put the log-in dialog on screen while the store proper (SQLAlchemy, the models, the
migration check) opens on the writer thread.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

DB_NAME = "naskah.sqlite3"
LOCK_NAME = "naskah.lock"


def office_names(data_dir: Path) -> tuple[str, str] | None:
    """(kecamatan, kabupaten) of the office set up in ``data_dir``; None when there is no store
    yet, no office in it, or the file cannot be read this way (the full open will say why)."""
    path = data_dir / DB_NAME
    try:
        if path.stat().st_size == 0:
            return None
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1)
    except (OSError, sqlite3.Error):
        return None
    try:
        row = con.execute("SELECT kecamatan, kabupaten FROM office LIMIT 1").fetchone()
    except sqlite3.Error:  # not a store, an older schema, damaged: the full open decides
        return None
    finally:
        con.close()
    return (str(row[0]), str(row[1])) if row else None
