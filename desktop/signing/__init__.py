"""Offline electronic signatures (TTE internal): keys, the organisation's CA, PAdES signing with a
visible QR stamp, RFC 3161 timestamps and offline verification. No Qt here.

Modules:
- ``keys``: EC P-256 keys, CSRs, the passphrase-protected PKCS#12 key file, ``LoadedSigner``.
- ``passphrase``: passphrase strength rules and the retry guard (re-exported by ``keys``).
- the CA and RFC 3161 token signer live in ``sync.pki`` (the server uses them too).
- ``pades``: ``sign_pdf`` and ``add_document_timestamp``.
- ``verify``: ``verify_pdf`` -> ``VerificationReport``.
- ``stamp``/``ttf``: the visible stamp and the font subsetting it needs (internal).
"""

# asn1crypto maps CMS content types to names once, on first use; the timestamp type only joins
# the map when asn1crypto.tsp is imported. Import it before any CMS structure is parsed (the key
# file is one), or a later RFC 3161 token cannot be built ("tst_info" unknown).
import asn1crypto.tsp  # noqa: F401

import sync.pki  # noqa: F401  (defers aiohttp until a timestamp is fetched: sync.pki.deferred_http)
