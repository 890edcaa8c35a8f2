"""The guides' pictures are drawn by the real app (docs/screenshots.py), in both languages, and
every picture a guide shows is one the script draws."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from desktop.ui.qt import QImage

ROOT = Path(__file__).resolve().parents[2]
GUIDES = {"id": ROOT / "docs" / "panduan-pengguna.md", "en": ROOT / "docs" / "admin-guide.md"}


def pictures_in(guide: Path) -> set[str]:
    return set(
        re.findall(r"\]\((?:\.\./)?(?:docs/)?(img/[a-z]{2}/[a-z-]+\.png)\)", guide.read_text())
    )


def test_the_script_draws_every_picture_the_guides_show_in_both_languages(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "screenshots.py"), "--out", str(tmp_path)],
        capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    drawn = {p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.png")}
    ids = {p.split("/", 1)[1] for p in drawn if p.startswith("id/")}
    assert ids and ids == {p.split("/", 1)[1] for p in drawn if p.startswith("en/")}
    shown: set[str] = set()
    for language, guide in GUIDES.items():
        pictures = pictures_in(guide)
        assert pictures, f"{guide.name} shows no pictures"
        assert all(p.startswith(f"img/{language}/") for p in pictures), (guide.name, pictures)
        shown |= pictures
    readme = set(
        re.findall(r"\]\(docs/(img/[a-z]{2}/[a-z-]+\.png)\)", (ROOT / "README.md").read_text())
    )
    shown |= readme
    assert {p.removeprefix("img/") for p in shown} <= drawn
    for name in drawn:  # real pictures of real windows, and committed for the guides
        image = QImage(str(tmp_path / name))
        assert image.width() >= 200 and image.height() >= 100, name
        assert (ROOT / "docs" / "img" / name).is_file(), f"docs/img/{name} is not committed"
    # English and Indonesian differ where the UI speaks, not where the letter does
    assert (tmp_path / "en" / "login.png").read_bytes() != (
        tmp_path / "id" / "login.png"
    ).read_bytes()
