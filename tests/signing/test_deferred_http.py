"""pyHanko's eager aiohttp imports are deferred (sync.pki.deferred_http) without changing what
the modules offer, and a module whose text the hook does not know is imported unchanged."""

from __future__ import annotations

import importlib.machinery
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

from sync.pki import deferred_http

PROBE = """
import json, sys
import sync.pki  # installs the hook, as desktop.signing does
from pyhanko.sign.validation import ades, validate_pdf_signature  # what verifying loads
loaded_after_import = "aiohttp" in sys.modules
from pyhanko.sign.timestamps import HTTPTimeStamper
from pyhanko_certvalidator.fetchers.aiohttp_fetchers import AIOHttpFetcherBackend
backend = ades.AIOHttpFetcherBackend()
print(json.dumps({
    "aiohttp_after_import": loaded_after_import,
    "stamper": HTTPTimeStamper.__module__ + "." + HTTPTimeStamper.__qualname__,
    "backend_is_real": type(backend) is AIOHttpFetcherBackend,
    "edited": [type(sys.modules[m].__spec__.loader).__name__ for m in sorted(
        ["pyhanko.sign.timestamps", "pyhanko.sign.validation.ades"])],
}))
"""


def test_verifying_loads_no_aiohttp_and_the_names_still_work() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    result = json.loads(out.strip().splitlines()[-1])
    assert result == {
        "aiohttp_after_import": False,
        "stamper": "pyhanko.sign.timestamps.aiohttp_client.HTTPTimeStamper",
        "backend_is_real": True,
        "edited": ["EditedSourceLoader", "EditedSourceLoader"],  # the installed text is known
    }


def test_an_unknown_text_is_left_alone(tmp_path: Path) -> None:
    module = tmp_path / "other.py"
    module.write_text("import json\nVALUE = 1\n", encoding="utf-8")
    loader = importlib.machinery.SourceFileLoader("pyhanko.sign.timestamps", str(module))
    assert deferred_http.edited_source(loader, "pyhanko.sign.timestamps") is None


def test_the_edited_module_caches_its_own_bytecode_beside_the_original(tmp_path: Path) -> None:
    module = tmp_path / "plain.py"
    module.write_text("VALUE = 'original'\n", encoding="utf-8")
    original_cache = Path(importlib.util.cache_from_source(str(module)))

    def load() -> object:
        source = b"VALUE = 'edited'\n"
        loader = deferred_http.EditedSourceLoader("plain_edited", str(module), source)
        spec = importlib.util.spec_from_file_location("plain_edited", module, loader=loader)
        assert spec is not None
        mod = importlib.util.module_from_spec(spec)
        loader.exec_module(mod)
        return mod

    flag = sys.dont_write_bytecode
    sys.dont_write_bytecode = False
    try:
        first = load()
        own = Path(deferred_http.EditedSourceLoader("x", str(module), b"").own_cache)
        assert own.exists() and not original_cache.exists()  # never in place of the original's
        stamp = own.stat().st_mtime_ns
        second = load()
        assert own.stat().st_mtime_ns == stamp  # the cached bytecode was valid and reused
    finally:
        sys.dont_write_bytecode = flag
    assert first.VALUE == second.VALUE == "edited"  # type: ignore[attr-defined]
    spec = importlib.util.spec_from_file_location("plain_orig", module)
    assert spec is not None and spec.loader is not None
    plain = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(plain)
    assert plain.VALUE == "original"  # the file's own text, for a loader without the edit
