"""Who a signing certificate is for: shared by the app (CSR) and the CA (checking the CSR)."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography import x509
from cryptography.x509.oid import NameOID


@dataclass(frozen=True)
class SignerIdentity:
    """Who a certificate is for, as the office knows them."""

    name: str  # full name with titles, e.g. "Agustinus Mabel, S.IP"
    nip: str  # 18 digits
    jabatan: str  # position, e.g. "Camat Wamena"
    office: str  # e.g. "Kecamatan Wamena, Kabupaten Jayawijaya"

    def subject(self) -> x509.Name:
        attrs = [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, self.office.strip()),
            x509.NameAttribute(NameOID.TITLE, self.jabatan.strip()),
            x509.NameAttribute(NameOID.SERIAL_NUMBER, self.nip.replace(" ", "")),
            x509.NameAttribute(NameOID.COMMON_NAME, self.name.strip()),
        ]
        return x509.Name(attrs)


def office_label(kecamatan: str, kabupaten: str) -> str:
    """The O attribute of a signer certificate, from the office record's own fields: the app
    puts it in the CSR and the CA expects it, so both build it here."""
    return f"Kecamatan {kecamatan.strip()}, Kabupaten {kabupaten.strip()}"
