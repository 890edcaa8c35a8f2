"""Where an office's data lives: the user data dir, or --data-dir / NASKAH_DATA_DIR."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir


def default_data_dir() -> Path:
    override = os.environ.get("NASKAH_DATA_DIR")
    if override:
        return Path(override)
    return Path(user_data_dir("Naskah", appauthor=False))


def log_dir(data_dir: Path | None = None) -> Path:
    if data_dir is not None:
        return data_dir / "logs"
    return Path(user_log_dir("Naskah", appauthor=False))
