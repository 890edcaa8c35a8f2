"""Write a one-page letter signed with a throwaway CA, for the frozen app's smoke test.

    python packaging/signed_sample.py OUT.pdf

Runs from the source tree (the build's own virtualenv); the frozen ``naskah-cli verify`` then
reads it, which exercises pyHanko, asn1crypto and the verifier inside the bundle.
"""

from __future__ import annotations

import os
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SIGNER = ("Agustinus Mabel, S.IP", "197008171994031006", "Camat Wamena")


def signed_letter() -> bytes:
    from desktop.render.document import Layout, LetterDocument, Letterhead, SignatureBlock
    from desktop.render.pdf import render_signable_pdf
    from desktop.signing import keys, pades
    from sync.pki import ca
    from sync.pki.identity import SignerIdentity, office_label

    name, nip, jabatan = SIGNER
    note = "Ditandatangani secara elektronik"
    doc = LetterDocument(
        letterhead=Letterhead("Jayawijaya", "Wamena", "Jl. Yos Sudarso No. 1, Wamena"),
        layout=Layout.CORRESPONDENCE,
        title="Surat",
        place="Wamena",
        letter_date=date.today(),
        number="000.1.5/001/Kec.WMN/2026",
        hal="Uji paket aplikasi",
        body_html="<p>Surat ini dibuat untuk menguji aplikasi yang dipaketkan.</p>",
        signature=SignatureBlock(position=jabatan, name=name, nip=nip, signed_note=note),
    )
    pdf, spaces = render_signable_pdf(doc)
    root_key, root = ca.create_root_ca("Pemerintah Kabupaten Uji Paket")
    key = keys.generate_key()
    identity = SignerIdentity(name, nip, jabatan, office_label("Wamena", "Jayawijaya"))
    cert = ca.issue_signer_certificate(keys.build_csr(key, identity), root_key, root)
    space = spaces[0]
    box = pades.StampBox(space.page, space.x + 8, space.y + 2, space.width - 16, space.height - 4)
    return pades.sign_pdf(
        pdf,
        keys.LoadedSigner(key, cert, [root]),
        reason="Uji paket",
        location="Wamena",
        signer_name=name,
        position=jabatan,
        date_text=date.today().isoformat(),
        verify_url="https://naskah.example.go.id/v/abcdefghijklmnopqrst",
        field_box=box,
    )


if __name__ == "__main__":
    Path(sys.argv[1]).write_bytes(signed_letter())
