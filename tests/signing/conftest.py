"""Fixtures for the signing tests: real keys, a real CA and TSA, a real rendered letter.

Key material and the letter are made once per session; every test signs fresh copies.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from desktop.signing import pades
from desktop.signing.keys import LoadedSigner
from sync.pki import ca
from tests.signing.signing_support import ANDI, ORG, VERIFY_URL, Pki, letter, note_box


@pytest.fixture(scope="session")
def pki() -> Pki:
    root_key, root = ca.create_root_ca(ORG)
    tsa_key, tsa_cert = ca.create_tsa(root_key, root, ORG)
    return Pki(root_key, root, tsa_key, tsa_cert)


@pytest.fixture(scope="session")
def andi(pki: Pki) -> LoadedSigner:
    return pki.signer(ANDI)


@pytest.fixture(scope="session")
def letter_pdf(qapp: object) -> bytes:
    from desktop.render import render_pdf

    return bytes(render_pdf(letter()))


@pytest.fixture(scope="session")
def stamp_box(letter_pdf: bytes) -> pades.StampBox:
    return note_box(letter_pdf)


SignFn = Callable[..., bytes]


@pytest.fixture
def sign(letter_pdf: bytes, stamp_box: pades.StampBox) -> SignFn:
    """sign(signer, pdf=None, **overrides) -> signed bytes, with sensible letter defaults."""

    def _sign(signer: LoadedSigner, pdf: bytes | None = None, **kw: object) -> bytes:
        pdf = pdf if pdf is not None else letter_pdf
        args: dict[str, object] = dict(
            reason="Persetujuan naskah dinas",
            location="Sukamaju",
            signer_name=signer.name,
            position="Sekretaris Kecamatan",
            date_text="3 Maret 2026",
            verify_url=VERIFY_URL,
            field_box=stamp_box,
        )
        args.update(kw)
        return pades.sign_pdf(pdf, signer, **args)  # type: ignore[arg-type]

    return _sign
