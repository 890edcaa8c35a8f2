"""Public-key infrastructure shared by the central server and the app: the organisation's CA
(``ca``), the RFC 3161 token signer and client (``tsa``), signer identities and ASN.1 glue.
Pure functions over ``cryptography``/``asn1crypto``; imports neither ``desktop`` nor the server.
"""

# See desktop/signing/__init__.py: the timestamp content type must be known before CMS is used.
import asn1crypto.tsp  # noqa: F401

from sync.pki import deferred_http

deferred_http.install()  # before pyHanko's signing package loads: no aiohttp until it is used
