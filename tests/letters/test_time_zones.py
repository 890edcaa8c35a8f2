"""Times carry their zone everywhere, the office's zone by default: the signature stamp, the
preview, ``naskah verify`` and the public verification page name the same moment the same way
("10:04 WIB"), whatever zone the PC itself is set to (the suite's PCs are in Papua, WIT)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from desktop.letters import esign, signed_letters, signer_keys
from desktop.letters.verification import check_pdf, describe
from desktop.signing import pades
from desktop.signing.keys import PassphraseGuard
from desktop.store.models import Office as OfficeRow
from sync.pki import zones
from sync.pki.zones import office_zone, zone_of_kabupaten
from sync.server.verify_page import Clock
from tests.clocks import TestClock
from tests.conftest import Office
from tests.letters.office_pki import PASSPHRASE, OfficePki
from tests.letters.test_esign import awaiting, pdf_of


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


def test_the_zone_follows_the_kabupaten_or_the_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(zones.ENV, raising=False)
    assert zone_of_kabupaten("Jayawijaya") == "Asia/Jayapura"
    assert zone_of_kabupaten("Kabupaten Merauke") == "Asia/Jayapura"
    assert zone_of_kabupaten("Kota Ambon") == "Asia/Jayapura"
    assert zone_of_kabupaten("Bone") == "Asia/Makassar"
    assert zone_of_kabupaten("kota  makassar") == "Asia/Makassar"
    assert zone_of_kabupaten("Tojo Una Una") == "Asia/Makassar"
    assert zone_of_kabupaten("Banjar") == "Asia/Makassar"  # South Kalimantan
    assert zone_of_kabupaten("Kota Banjar") == "Asia/Jakarta"  # West Java
    assert zone_of_kabupaten("Sleman") == "Asia/Jakarta"
    assert zone_of_kabupaten("Kubu Raya") == "Asia/Jakarta"  # West Kalimantan: WIB
    moment = datetime(2026, 3, 3, 3, 4, tzinfo=UTC)
    assert office_zone("Sleman").time_text(moment) == "3 Maret 2026 10:04 WIB"
    assert office_zone("Gowa").time_text(moment) == "3 Maret 2026 11:04 WITA"
    assert office_zone("Jayawijaya").time_text(moment) == "3 Maret 2026 12:04 WIT"
    assert office_zone(None).time_text(moment) == "3 Maret 2026 12:04 WIT"  # this PC's own
    monkeypatch.setenv(zones.ENV, "Asia/Makassar")
    assert office_zone("Jayawijaya").time_text(moment) == "3 Maret 2026 11:04 WITA"
    monkeypatch.setenv(zones.ENV, "Bulan/Purnama")
    assert office_zone("Jayawijaya").clock_text(moment) == "03:04 UTC"


def test_stamp_preview_check_and_page_name_the_signing_time_alike(
    office_staff: Office,
    pki: OfficePki,
    test_clock: TestClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """An office in Sleman (WIB) on a PC set to Papua's time: 03:04 UTC is 10:04 WIB on the
    stamp, in the preview, in ``naskah verify`` and on the page (whose zone is WIB)."""
    monkeypatch.delenv(zones.ENV, raising=False)
    o = office_staff
    with o.store.write() as session:
        office = session.exec(select(OfficeRow)).one()
        office.kabupaten = "Sleman"
    pki.enrol(o.store, o.camat)
    signer = signer_keys.unlock(o.store, o.camat.id, PASSPHRASE, PassphraseGuard())
    stamped: list[str] = []
    real_sign = pades.sign_pdf

    def spy(*args: object, **kw: object) -> bytes:
        stamped.append(str(kw["date_text"]))
        return real_sign(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pades, "sign_pdf", spy)
    tomorrow = test_clock.now().astimezone(UTC) + timedelta(days=1)
    signed_at = tomorrow.replace(hour=3, minute=4, second=0, microsecond=0)
    test_clock.freeze(signed_at)
    letter = esign.sign_electronically(o.store, o.camat, awaiting(o), signer)
    page = Clock("Asia/Jakarta").time_text(signed_at)
    assert page.endswith(" 10:04 WIB")
    assert stamped == [page]
    with o.store.read() as session:
        preview = signed_letters.document_as_signed(session, letter, o.store.blob_dir)
    assert preview.signature_marks[0].lines[-1] == page
    out = "\n".join(describe(check_pdf(o.store, pdf_of(o, letter))))
    assert f"Waktu tanda tangan: {page} (menurut jam komputer penanda tangan)." in out
    stamped_letter = signed_letters.add_timestamp(o.store, letter.id, pki.timestamper())
    assert signed_letters.badge(stamped_letter).endswith("bertanda waktu 12:04 WIT")  # this PC
