"""The house rules on imports hold, and the checks that enforce them catch what they should.

- The layering contract in pyproject.toml (``[tool.importlinter]``, run with import-linter):
  arrows point down, the sync client never reaches into the domain, the server never into the
  desktop app, nothing in sync, the store or signing imports Qt.
- No private name (``_x``) of one module of ``desktop``/``sync`` is used by another
  (tests/private_names.py).
Each check is also run on a small package made here with a violation, and must report it.
"""

from __future__ import annotations

import logging
import textwrap
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

from tests.private_names import find_private_uses

ROOT = Path(__file__).resolve().parents[1]


def _lint(config: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    # lint_imports configures logging with dictConfig, which disables every logger that exists
    # already: the rest of this test process would then lose its log lines (and the suite's
    # rule that an unexpected error fails a test). Put the loggers back as they were.
    loggers = [logging.getLogger(name) for name in list(logging.root.manager.loggerDict)]
    disabled = {logger.name: logger.disabled for logger in loggers}
    try:
        code = lint_imports(config_filename=str(config), no_cache=True)
    finally:
        for logger in loggers:
            logger.disabled = disabled[logger.name]
        for name in ("importlinter", "grimp", "_rustgrimp"):
            logging.getLogger(name).handlers.clear()
    return code, capsys.readouterr().out


def test_the_import_contract_holds(capsys: pytest.CaptureFixture[str]) -> None:
    code, report = _lint(ROOT / "pyproject.toml", capsys)
    assert code == 0, report
    assert "0 broken" in report


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


CONTRACT = """
[tool.importlinter]
root_packages = ["probe_app"]

[[tool.importlinter.contracts]]
name = "ui over domain over store"
type = "layers"
layers = ["probe_app.ui", "probe_app.domain", "probe_app.store"]

[[tool.importlinter.contracts]]
name = "sync never sees the domain"
type = "forbidden"
source_modules = ["probe_app.sync"]
forbidden_modules = ["probe_app.domain"]
"""


def test_the_contract_fails_when_an_arrow_points_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    files = {
        "probe_app/__init__.py": "",
        "probe_app/ui.py": "from probe_app import domain\n",
        "probe_app/domain.py": "from probe_app import store\n",
        "probe_app/store.py": "X = 1\n",
        "probe_app/sync.py": "from probe_app import store\n",
    }
    _write(tmp_path, files)
    (tmp_path / "pyproject.toml").write_text(CONTRACT, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    code, report = _lint(tmp_path / "pyproject.toml", capsys)
    assert code == 0, report  # the clean package passes

    _write(tmp_path, {"probe_app/store.py": "def f():\n    from probe_app import ui\n"})
    _write(tmp_path, {"probe_app/sync.py": "from probe_app.domain import store\n"})
    code, report = _lint(tmp_path / "pyproject.toml", capsys)
    assert code == 1
    assert "probe_app.store -> probe_app.ui" in report
    assert "probe_app.sync -> probe_app.domain" in report
    assert "2 broken" in report


def test_no_private_name_is_used_outside_its_module() -> None:
    uses = find_private_uses(ROOT, ["desktop", "sync"])
    assert not uses, "\n".join(str(u) for u in uses)


def test_the_private_name_check_sees_imports_and_attributes(tmp_path: Path) -> None:
    _write(
        tmp_path,
        {
            "probe/__init__.py": "",
            "probe/a.py": """
                def _helper(): ...
                def public(): return _helper()  # its own: fine
                class Link:
                    @staticmethod
                    def _parse(x): return x
                    def __repr__(self): return "Link"
            """,
            "probe/b.py": """
                from probe.a import _helper
                from probe import a
                import probe.a
                from .a import Link
                from desktop.i18n import _  # the translation function is public

                def uses():
                    a._helper()
                    probe.a._helper()
                    Link._parse(1)
                    Link.__repr__  # dunder: fine
                    a.public()  # public: fine
                    return _("teks")
            """,
            "probe/c.py": "from probe.a import public\n",
        },
    )
    found = {(u.module, u.name, u.line) for u in find_private_uses(tmp_path, ["probe"])}
    assert found == {
        ("probe.b", "probe.a._helper", 2),
        ("probe.b", "probe.a._helper", 9),
        ("probe.b", "probe.a._helper", 10),
        ("probe.b", "probe.a.Link._parse", 11),
    }
