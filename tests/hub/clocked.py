"""``naskah-server`` in a child process that reads the suite's clock (tests/clocks.py).

The central server and the hub run as their own processes in these tests, and a process has
its own ``sync.clock``. Started as ``python -m tests.hub.clocked INSTANT ARGS...``, the command
runs with a clock that starts at ``INSTANT`` (the test process's clock when it started the
child) and then runs at real speed, so leases, certificates and timestamps carry the test's
dates (December or January, whatever day the suite runs on), as they do for the in-process
server of tests/sync. ``python -m tests.hub.clocked INSTANT naskah-hub ARGS...`` runs the hub's
own program (``naskah-hub``) the same way. Nothing in the product reads an environment variable
for this.
"""

from __future__ import annotations

import sys
from datetime import datetime

from sync import clock
from tests.clocks import TestClock


def main(argv: list[str]) -> int:
    instant, *args = argv
    clock.set_clock(TestClock(datetime.fromisoformat(instant)).utcnow)
    if args[:1] == ["naskah-hub"]:  # the hub's own program (sync/hub/program.py)
        from sync.hub.program import main as hub_main

        return hub_main(args[1:])
    from sync.server.cli import main as server_main

    return server_main(args)


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
