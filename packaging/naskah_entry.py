"""Entry script for the frozen app (both ``Naskah`` and ``naskah-cli`` run this file).

PyInstaller needs a script, not an entry point; this one only hands over to the same ``main``
that the ``naskah`` command of the installed package runs.
"""

import sys

from desktop.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
