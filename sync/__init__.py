"""Naskah's sync: the protocol, the client, the central server and the office hub.

``__version__`` is the one version of Naskah (the clerk's app, the server and the hub; the
packaging reads it from this file, and ``desktop.__version__`` is this).
"""

__version__ = "0.1.0"
