"""Entry script of the frozen console program ``naskah-cli`` (the GUI runs naskah_entry.py).

PyInstaller runs its run-time hooks before the entry script, in every start. For this bundle
they are PySide6's (which loads QtCore, and with it ICU), multiprocessing's, pkgutil's,
inspect's (zipfile, shutil, bz2, lzma, pathlib...) and cryptography's: about two thirds of what
``naskah-cli --help`` cost. The spec leaves them out of this executable and ships their sources
in ``_internal/pyi_deferred_rthooks/``; they run here, in PyInstaller's order, once the command
line is understood (``main``'s ``before_command``), so every command still starts with all of
them done and only ``--help`` and a usage error go without.

Nothing in this program may use multiprocessing before that point (PyInstaller's hook for it
would come too late; the app uses none).
"""

import os
import sys

from desktop.__main__ import main

DEFERRED_RTHOOKS = "pyi_deferred_rthooks"  # the spec's folder under sys._MEIPASS


def run_deferred_runtime_hooks() -> None:
    """Run PyInstaller's run-time hooks that the spec moved here, in their original order; as
    the bootloader does, each in a ``__main__`` namespace of its own. Not frozen (this file run
    from source): nothing to run. Frozen without the folder: an error, not a half-set-up app."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle is None:
        return
    folder = os.path.join(bundle, DEFERRED_RTHOOKS)
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        with open(path, "rb") as source:
            code = compile(source.read(), path, "exec")
        exec(code, {"__name__": "__main__", "__file__": path, "__builtins__": __builtins__})


if __name__ == "__main__":
    sys.exit(main(before_command=run_deferred_runtime_hooks))
