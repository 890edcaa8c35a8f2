"""Entry script of the frozen office hub (``naskah-hub`` and ``naskah-hub-cli`` run this file):
it hands over to the same ``main`` as the ``naskah-hub`` command of the installed package."""

import sys

from sync.hub.program import main

if __name__ == "__main__":
    sys.exit(main())
