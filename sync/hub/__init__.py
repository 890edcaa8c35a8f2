"""The office hub (docs/office-hub.md): the sync server for the PCs of one office on its LAN,
relaying everything to the central server whenever it is reachable. Never imports ``desktop``
or the sync client (``pyproject.toml``'s import contracts)."""
