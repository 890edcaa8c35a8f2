"""Keep aiohttp out of processes that never fetch anything over HTTP.

pyHanko's ``pyhanko.sign.timestamps`` package imports its HTTP timestamp client on import, and
with it aiohttp, which builds two TLS contexts (reading the system's CA bundle) at import time:
0.15-0.3 s of CPU in every process that signs or verifies, although ``naskah verify`` and the
signing of a letter never open a connection (pyhanko-certvalidator already defers aiohttp "so
that aiohttp is not imported by code paths that never fetch"; pyHanko's own code imports the
timestamp client lazily too, ``pyhanko.sign.fields``).

``install()`` adds an import hook for the two modules that import it eagerly (``EDITS``): it runs
each module's own source with that import replaced by one made at first use.
``from pyhanko.sign.timestamps import HTTPTimeStamper`` still works (a module ``__getattr__``,
PEP 562) and imports aiohttp at that moment; the validator's default fetcher backend is imported
when the validator first makes one. When the installed pyHanko's text no longer matches (or there
is no source, as in a frozen build), the module is imported as it is, unchanged.
"""

from __future__ import annotations

import importlib.abc
import importlib.machinery
import sys
from collections.abc import Mapping, Sequence
from importlib.util import cache_from_source
from types import ModuleType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from typing_extensions import Buffer

CACHE_TAG = "deferredhttp"  # the edited modules' bytecode: NAME.cpython-3XX.opt-deferredhttp.pyc

# module -> (the eager import as pyHanko writes it, what takes its place, what is appended)
EDITS: dict[str, tuple[str, str, str]] = {
    # A package whose public name must stay importable: offered through __getattr__.
    "pyhanko.sign.timestamps": (
        "from .aiohttp_client import HTTPTimeStamper\n",
        "",
        """

def __getattr__(name):
    # Added by sync.pki.deferred_http: the HTTP client (and aiohttp) load on first use.
    if name == "HTTPTimeStamper":
        from .aiohttp_client import HTTPTimeStamper

        globals()["HTTPTimeStamper"] = HTTPTimeStamper
        return HTTPTimeStamper
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
""",
    ),
    # The signing package re-exports its signers (and so the timestamp client): validating
    # needs none of them. Each name loads ``.signers`` on first use.
    "pyhanko.sign": (
        "from .signers import (\n"
        "    DEFAULT_MD,\n"
        "    DEFAULT_SIGNING_STAMP_STYLE,\n"
        "    ExternalSigner,\n"
        "    PdfSignatureMetadata,\n"
        "    PdfSigner,\n"
        "    PdfTimeStamper,\n"
        "    Signer,\n"
        "    SimpleSigner,\n"
        "    async_sign_pdf,\n"
        "    load_certs_from_pemder,\n"
        "    sign_pdf,\n"
        ")\n",
        "",
        """

def __getattr__(name):
    # Added by sync.pki.deferred_http: the signers load on first use.
    if name in __all__:
        from . import signers

        value = getattr(signers, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
""",
    ),
    # The validator only calls the fetcher backend's class (once, when no backend was given):
    # a function of the same name imports it at that call.
    "pyhanko.sign.validation.ades": (
        "from pyhanko_certvalidator.fetchers.aiohttp_fetchers import (\n"
        "    AIOHttpFetcherBackend,\n"
        ")\n",
        "def AIOHttpFetcherBackend(*args, **kwargs):\n"
        "    # Added by sync.pki.deferred_http: aiohttp loads when a backend is first made.\n"
        "    from pyhanko_certvalidator.fetchers.aiohttp_fetchers import (\n"
        "        AIOHttpFetcherBackend as backend,\n"
        "    )\n"
        "\n"
        "    return backend(*args, **kwargs)\n",
        "",
    ),
}


class EditedSourceLoader(importlib.machinery.SourceFileLoader):
    """Loads a module from its file with ``source`` in place of the file's text. Its bytecode is
    cached beside the module's own (``NAME.cpython-3XX.opt-deferredhttp.pyc``), never in place
    of it, so a process without the hook still loads pyHanko's unedited module."""

    def __init__(self, fullname: str, path: str, source: bytes) -> None:
        super().__init__(fullname, path)
        self.source = source
        self.own_cache = cache_from_source(path, optimization=CACHE_TAG)

    def _cache_path(self, path: str) -> str:
        return self.own_cache if path == cache_from_source(self.path) else path

    def get_data(self, path: str) -> bytes:
        if path == self.path:
            return self.source
        return super().get_data(self._cache_path(path))

    def set_data(self, path: str, data: Buffer, *, _mode: int = 0o666) -> None:
        super().set_data(self._cache_path(path), data, _mode=_mode)

    def path_stats(self, path: str) -> Mapping[str, Any]:
        stats = dict(super().path_stats(path))
        stats["size"] = len(self.source)  # what the cached bytecode records and is checked against
        return stats


class DeferringFinder(importlib.abc.MetaPathFinder):
    """Finds the modules in ``EDITS`` with the other finders, then swaps in a loader that runs
    the edited source; returns None (the normal import) for every other name."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in EDITS:
            return None
        spec = None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                break
        if spec is None or not isinstance(spec.loader, importlib.machinery.SourceFileLoader):
            return spec  # not found, or no source to edit (a frozen build): the normal import
        source = edited_source(spec.loader, fullname)
        if source is not None:
            loader = EditedSourceLoader(fullname, spec.loader.path, source.encode("utf-8"))
            spec.loader, spec.cached = loader, loader.own_cache
        return spec


def edited_source(loader: importlib.machinery.SourceFileLoader, fullname: str) -> str | None:
    """The module's source with its eager import replaced, or None when it cannot be edited
    (pyHanko's text is not the one ``EDITS`` knows)."""
    eager, instead, appended = EDITS[fullname]
    try:
        source = loader.get_source(fullname)
    except (ImportError, OSError):
        return None
    if not source or source.count(eager) != 1:
        return None
    return source.replace(eager, instead, 1) + appended


def install() -> None:
    """Add the hook once, before pyHanko's signing package is first imported (later it changes
    nothing in this process: the modules are already loaded)."""
    if not any(isinstance(finder, DeferringFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, DeferringFinder())
