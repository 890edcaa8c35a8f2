"""The organisation's CA for desktop-side tests: it issues what the central server would issue
(root, TSA, signer certificates from the PC's own CSR, revocation lists) with the same
``sync.pki`` code, so the desktop half can be tested without a server process. The sync tests
run the whole exchange against the real server."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from cryptography import x509
from cryptography.hazmat.primitives.asymmetric import ec

from desktop.letters import signer_keys, trust
from desktop.letters.accounts import CurrentUser
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.models import Person
from sync import protocol
from sync.pki import ca, tsa

ORG = "Pemerintah Kabupaten Jayawijaya"
PUBLIC_URL = "https://naskah.jayawijayakab.go.id"
PASSPHRASE = "Honai-di-lembah-Baliem-2026"


@dataclass
class OfficePki:
    root_key: ec.EllipticCurvePrivateKey
    root: x509.Certificate
    tsa_key: ec.EllipticCurvePrivateKey
    tsa_cert: x509.Certificate
    revoked: list[ca.Revocation] = field(default_factory=list)
    crl_number: int = 1

    @classmethod
    def create(cls) -> OfficePki:
        root_key, root = ca.create_root_ca(ORG)
        tsa_key, tsa_cert = ca.create_tsa(root_key, root, ORG)
        return cls(root_key, root, tsa_key, tsa_cert)

    def material(self) -> protocol.TrustMaterial:
        crl = ca.build_crl(self.root_key, self.root, self.revoked, crl_number=self.crl_number)
        return protocol.TrustMaterial(
            root_pem=ca.cert_to_pem(self.root).decode(),
            tsa_pem=ca.cert_to_pem(self.tsa_cert).decode(),
            crl_pem=ca.crl_to_pem(crl).decode(),
            crl_number=self.crl_number,
            public_url=PUBLIC_URL,
        )

    def install_trust(self, store: Store) -> None:
        with store.write() as session:
            trust.save(session, self.material())

    def enrol(
        self,
        store: Store,
        user: CurrentUser,
        passphrase: str = PASSPHRASE,
        *,
        days: int = 365,
        now: datetime | None = None,
    ) -> x509.Certificate:
        """The PC makes the key and CSR; the CA answers as the server would; the PC installs."""
        credential = signer_keys.prepare_request(store, user, passphrase)
        with store.read() as session:
            person = session.get(Person, user.id)
            assert person is not None
            expected = signer_keys.identity_of(session, person)
        cert = ca.issue_signer_certificate(
            ca.csr_from_pem(credential.csr_pem.encode()),
            self.root_key,
            self.root,
            expected=expected,
            days=days,
            now=now,
        )
        issued = protocol.CertificateIssued(
            person_id=user.id,
            certificate_pem=ca.cert_to_pem(cert).decode(),
            chain_pem=ca.cert_to_pem(self.root).decode(),
            serial=format(cert.serial_number, "x"),
            not_after=cert.not_valid_after_utc,
        )
        with store.write() as session:
            assert signer_keys.install_certificate(session, issued)
        return cert

    def revoke(
        self, store: Store, cert: x509.Certificate, reason: x509.ReasonFlags | None = None
    ) -> None:
        self.revoked.append(ca.Revocation(cert.serial_number, clock.now(), reason))
        self.crl_number += 1
        self.install_trust(store)

    def timestamper(self) -> tsa.LocalTimeStamper:
        return tsa.make_timestamper(self.tsa_cert, self.tsa_key, [self.root])
