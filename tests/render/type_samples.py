"""One letter of each type as a clerk of Kecamatan Wamena fills it in, turned into the renderer's
document by the same code the app uses (``desktop.letters.document.build_document``)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.letters.document import build_document
from desktop.letters.drafting import AddresseeInput, DraftInput
from desktop.letters.templates import letter_type
from desktop.render.document import LetterDocument, Letterhead, PaperSize
from desktop.store.models import Office, Person

NUMBER = "000.1.5/041/Kec.WMN/2026"
DATE = date(2026, 3, 3)
DATE_TEXT = "3 Maret 2026"
CAMAT = Person(
    name="Drs. Petrus Tabuni, M.Si.",
    nip="197205101998031004",
    pangkat="Pembina Tingkat I (IV/b)",
    jabatan="Camat Wamena",
    username="petrus",
    password_hash="-",
)
SEKCAM = Person(
    name="Yohana Wenda, S.STP.",
    nip="198003152005012002",
    pangkat="Pembina (IV/a)",
    jabatan="Sekretaris Kecamatan",
    username="yohana",
    password_hash="-",
)
KASI = Person(
    name="Markus Kogoya, S.Sos.",
    nip="199001012015031001",
    pangkat="Penata (III/c)",
    jabatan="Kepala Seksi Pemerintahan",
    username="markus",
    password_hash="-",
)


def office(paper: PaperSize = PaperSize.F4) -> Office:
    return Office(
        kabupaten="Jayawijaya",
        kecamatan="Wamena",
        place_name="Wamena",
        unit_code="Kec.WMN",
        address="Jalan Trikora Nomor 1, Wamena",
        phone="(0969) 31001",
        paper_size=paper.value,
    )


def letterhead() -> Letterhead:
    return Letterhead(kabupaten="Jayawijaya", kecamatan="Wamena", address="Jalan Trikora 1")


def draft(type_key: str, **changes: object) -> DraftInput:
    """A draft of ``type_key`` from its template, with a Hal, two addressees and a tembusan."""
    kind = letter_type(type_key)
    data = DraftInput(
        letter_type=type_key,
        classification_code="000.1.5",
        lampiran="1 (satu) berkas",
        hal="Pelaksanaan Kerja Bakti Menyambut Hari Ulang Tahun Kabupaten",
        addressees=[
            AddresseeInput("Kepala Seksi Pemerintahan", "Wamena"),
            AddresseeInput("Kepala Seksi Ketenteraman dan Ketertiban Umum", "Wamena"),
        ],
        body_html=kind.body,
        tembusan=["Bupati Jayawijaya", "Arsip"],
        signer_id="camat",
    )
    for name, value in changes.items():
        setattr(data, name, value)
    return data


def document(
    type_key: str,
    paper: PaperSize = PaperSize.F4,
    *,
    signer: Person = CAMAT,
    co_signers: tuple[Person, ...] = (),
    data_dir: Path | None = None,
    **changes: object,
) -> LetterDocument:
    """The type's letter, signed and numbered (``changes`` edit the draft's fields)."""
    return build_document(
        office(paper),
        letterhead(),
        draft(type_key, **changes),
        signer,
        number=NUMBER,
        letter_date=DATE,
        final=True,
        co_signers=co_signers,
        data_dir=data_dir,
    )
