"""Entry script of ``naskah-probe``: built by the spec beside the two programs, never shipped.

It runs the Python file named on its command line with the bundle's own runtime (the modules,
DLLs and data of ``_internal``, PyInstaller's run-time hooks done as for the GUI), so that
``build.py``'s smoke test can check, inside the frozen app, what no command of it reaches on
its own (packaging/bundle_checks.py). The checked file's imports are not seen by PyInstaller's
analysis: what it needs must already be in the bundle because the app imports it.

    naskah-probe FILE.py [ARG ...]     (sys.argv becomes [FILE.py, ARG ...])

The smoke test copies this executable into dist/Naskah for the run (a onedir program finds
``_internal`` beside itself) and removes it afterwards.
"""

import sys

if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: naskah-probe FILE.py [ARG ...]")
    script = sys.argv[1]
    sys.argv = sys.argv[1:]
    with open(script, "rb") as source:
        code = compile(source.read(), script, "exec")
    exec(code, {"__name__": "__main__", "__file__": script, "__builtins__": __builtins__})
