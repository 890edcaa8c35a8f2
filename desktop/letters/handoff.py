"""Hand-off to SRIKANDI, the national e-office: a letter leaves as its PDF with its metadata (a
JSON file, and a .docx laid out like a SRIKANDI template with its ``${...}`` fields filled), the
reference SRIKANDI gave it is recorded on the letter; a letter downloaded from SRIKANDI (its PDF
and the JSON of its fields) comes in as an incoming letter.

SRIKANDI templates carry variables such as ``${nomor_naskah}``, ``${tanggal_naskah}`` and
``${ttd_pengirim}`` that SRIKANDI itself fills when the letter is numbered and signed there. A
letter already numbered and signed in Naskah has every field filled; a letter handed off still
unnumbered keeps exactly those variables, so SRIKANDI can number and sign it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlmodel import col, select

from desktop.i18n import _
from desktop.letters import drafting, incoming, journal
from desktop.letters.accounts import CurrentUser, Role
from desktop.letters.drafting import SIFAT, URGENCY, addressees_of, tembusan_of
from desktop.letters.errors import PermissionDenied, ServiceError, ValidationError
from desktop.letters.incoming import IncomingInput
from desktop.letters.spreadsheets import parse_date
from desktop.render.dates import format_date_id
from desktop.store import clock
from desktop.store.blobs import BlobStore
from desktop.store.db import Store
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Classification, Letter, Office, Person
from sync.protocol import Entity

FORMAT = "naskah-srikandi"
MAX_REF = 200
# SRIKANDI's own variables: left in the .docx for SRIKANDI to fill when it numbers and signs.
ASSIGNED_BY_SRIKANDI = ("nomor_naskah", "tanggal_naskah", "ttd_pengirim")


@dataclass(frozen=True)
class HandoffFiles:
    pdf: Path
    metadata: Path
    docx: Path


def _safe_name(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("_")[:80] or "naskah"


def fields_of(letter: Letter, office: Office, signer: Person | None) -> dict[str, str]:
    """The SRIKANDI template variables of a letter (empty for what is not known yet)."""
    tujuan = [a.name + (f" di {a.place}" if a.place else "") for a in addressees_of(letter)]
    return {
        "nomor_naskah": letter.number,
        "tanggal_naskah": format_date_id(letter.letter_date) if letter.letter_date else "",
        "hal": letter.hal,
        "sifat_naskah": letter.sifat,
        "tingkat_urgensi": letter.urgency,
        "lampiran": letter.lampiran or "-",
        "kode_klasifikasi": letter.classification_code,
        "tujuan": "; ".join(tujuan),
        "tembusan": "; ".join(tembusan_of(letter)),
        "jabatan_pengirim": _capacity(letter, signer),
        "nama_pengirim": signer.name if signer else "",
        "nip_pengirim": signer.nip if signer else "",
        "pangkat_pengirim": signer.pangkat if signer else "",
        "ttd_pengirim": _("Ditandatangani") if letter.signed_at else "",
        "instansi": f"Kecamatan {office.kecamatan}, Kabupaten {office.kabupaten}",
        "tempat": office.place_name,
    }


def _capacity(letter: Letter, signer: Person | None) -> str:
    if signer is None:
        return ""
    if letter.signer_capacity == "a.n." and letter.signer_on_behalf_of:
        return f"a.n. {letter.signer_on_behalf_of}, {signer.jabatan}"
    if letter.signer_capacity:
        return f"{letter.signer_capacity} {letter.signer_on_behalf_of or signer.jabatan}"
    return signer.jabatan


def suggested_name(letter: Letter) -> str:
    """A file name for the hand-off files: the number, or "konsep-<hal>" for a draft."""
    return _safe_name(letter.number or f"konsep-{letter.hal}") + ".pdf"


def export_letter(store: Store, user: CurrentUser, letter_id: str, pdf_path: Path) -> HandoffFiles:
    """Write the letter's PDF (the signed one when there is one) to ``pdf_path``, and its
    metadata JSON and its .docx beside it (same name, .json and .docx). Changes nothing in
    the store. Raises PermissionDenied when the letter's sifat keeps it from ``user``,
    ServiceError when a signed PDF has not arrived or the files cannot be written."""
    letter = drafting.get_letter(store, user, letter_id)
    with store.read() as session:
        office = session.exec(select(Office)).one()
        signer = session.get(Person, letter.signer_id) if letter.signer_id else None
        if letter.pdf_hash:
            blobs = BlobStore(store.blob_dir)
            if not blobs.has(letter.pdf_hash):
                raise ServiceError(
                    _("PDF surat yang ditandatangani belum tiba di PC ini. Sinkronkan dulu.")
                )
            pdf = blobs.get(letter.pdf_hash)
        else:
            from desktop.letters.document import document_for
            from desktop.render import render_pdf
            from desktop.render.fonts import ensure_gui_app

            ensure_gui_app()
            pdf = render_pdf(document_for(session, letter, store.blob_dir))
    fields = fields_of(letter, office, signer)
    pdf_path = pdf_path.with_suffix(".pdf")
    files = HandoffFiles(pdf_path, pdf_path.with_suffix(".json"), pdf_path.with_suffix(".docx"))
    try:
        files.pdf.write_bytes(pdf)
        meta: dict[str, Any] = {
            "format": FORMAT,
            "versi": 1,
            "id_naskah": letter.id,
            "jenis_naskah": letter.letter_type,
            "status": letter.status,
            "jenis_tanda_tangan": letter.signature_kind,
            "berkas_pdf": files.pdf.name,
            "sha256_pdf": hashlib.sha256(pdf).hexdigest(),
            "tujuan_list": [a.name for a in addressees_of(letter)],
            "tembusan_list": tembusan_of(letter),
            **fields,
        }
        files.metadata.write_text(json.dumps(meta, ensure_ascii=False, indent=2), encoding="utf-8")
        write_docx(files.docx, letter, fields)
    except OSError as exc:
        raise ServiceError(
            _("Berkas tidak dapat ditulis di {d}: {e}").format(d=pdf_path.parent, e=exc.strerror)
        ) from exc
    return files


def write_docx(path: Path, letter: Letter, fields: dict[str, str]) -> None:
    """The letter laid out as a SRIKANDI template: kop, the Nomor/Sifat/Lampiran/Hal block,
    addressees, body, signature and tembusan, with what SRIKANDI assigns left as its variable
    when Naskah has not assigned it."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    def value(name: str) -> str:
        if name in ASSIGNED_BY_SRIKANDI and not fields[name]:
            return "${" + name + "}"
        return fields[name]

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Arial"
    style.font.size = Pt(12)
    for line in (f"PEMERINTAH {fields['instansi'].split(', ')[-1].upper()}",
                 fields["instansi"].split(", ")[0].upper()):  # fmt: skip
        head = doc.add_paragraph()
        head.alignment = WD_ALIGN_PARAGRAPH.CENTER
        head.add_run(line).bold = True
    dated = doc.add_paragraph(f"{fields['tempat']}, {value('tanggal_naskah')}")
    dated.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    block = doc.add_table(rows=0, cols=3)
    for label, name in (("Nomor", "nomor_naskah"), ("Sifat", "sifat_naskah"),
                        ("Lampiran", "lampiran"), ("Hal", "hal")):  # fmt: skip
        cells = block.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = label, ":", value(name)
    doc.add_paragraph()
    doc.add_paragraph("Yth.")
    for addressee in addressees_of(letter):
        doc.add_paragraph(addressee.name)
        if addressee.place:
            doc.add_paragraph(f"di {addressee.place}")
    for paragraph in re.split(r"\n\s*\n|\n", letter.body_text.strip()):
        if paragraph.strip():
            doc.add_paragraph(paragraph.strip())
    for line in (value("jabatan_pengirim") + ",", value("ttd_pengirim"), value("nama_pengirim"),
                 f"NIP {value('nip_pengirim')}" if fields["nip_pengirim"] else ""):  # fmt: skip
        if line.strip(","):
            signature = doc.add_paragraph(line)
            signature.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    tembusan = tembusan_of(letter)
    if tembusan:
        doc.add_paragraph("Tembusan:")
        for number, name in enumerate(tembusan, start=1):
            doc.add_paragraph(f"{number}. {name}")
    doc.save(str(path))


def record_reference(store: Store, user: CurrentUser, letter_id: str, reference: str) -> Letter:
    """Record the reference SRIKANDI gave the letter (allowed after signing: it syncs as one of
    the few fields a signed letter may still change). One transaction; an empty reference
    clears it."""
    reference = " ".join(reference.split())
    if len(reference) > MAX_REF:
        raise ValidationError({"reference": _("Nomor referensi terlalu panjang.")})
    letter = drafting.get_letter(store, user, letter_id)
    if not (user.has(Role.REGISTRAR) or user.has(Role.ADMIN) or letter.drafter_id == user.id):
        raise PermissionDenied()
    with store.write() as session:
        row = session.exec(select(Letter).where(Letter.id == letter_id)).one()
        row.srikandi_ref = reference
        row.updated_at = clock.now()
        journal.record(
            session, user.id, "letter.srikandi_ref", Entity.LETTER, row,
            detail={"reference": reference},
        )  # fmt: skip
        return row


# -- a letter downloaded from SRIKANDI -------------------------------------------------------

# The fields' names in what SRIKANDI lets one download, with the spellings seen in the wild.
_KEYS: dict[str, tuple[str, ...]] = {
    "ref": ("id_naskah", "id", "uuid", "nomor_registrasi", "nomor_agenda_srikandi"),
    "number": ("nomor_naskah", "nomor_surat", "nomor"),
    "date": ("tanggal_naskah", "tanggal_surat", "tanggal"),
    "hal": ("hal", "perihal"),
    "sender": ("asal_naskah", "pengirim", "instansi_pengirim", "nama_instansi", "dari"),
    "sifat": ("sifat_naskah", "sifat"),
    "urgency": ("tingkat_urgensi", "urgensi"),
    "code": ("kode_klasifikasi", "klasifikasi"),
    "summary": ("isi_ringkas", "ringkasan"),
}


def _get(data: dict[str, Any], name: str) -> str:
    lower = {str(k).lower(): v for k, v in data.items()}
    for key in _KEYS[name]:
        value = lower.get(key)
        if isinstance(value, dict):
            value = value.get("nama") or value.get("name") or ""
        if value not in (None, ""):
            return " ".join(str(value).split())
    return ""


def read_fields(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValidationError(
            {
                "fields": _("{f} bukan berkas isian SRIKANDI (JSON) yang terbaca.").format(
                    f=path.name
                )
            }
        ) from exc
    if isinstance(data, dict) and isinstance(data.get("data"), dict):
        data = data["data"]  # an API-style envelope
    if not isinstance(data, dict):
        raise ValidationError({"fields": _("{f} tidak berisi isian naskah.").format(f=path.name)})
    return data


def import_from_srikandi(
    store: Store, user: CurrentUser, pdf: Path, fields_json: Path, *, received: date | None = None
) -> IncomingLetter:
    """Register a letter downloaded from SRIKANDI (its PDF and the JSON of its fields) as an
    incoming letter: channel "SRIKANDI", an agenda number from the office's series, SRIKANDI's
    id kept as its external reference. Refuses a letter already imported (same reference)."""
    data = read_fields(fields_json)
    ref = _get(data, "ref")
    if ref:
        with store.read() as session:
            earlier = session.exec(
                select(IncomingLetter).where(
                    IncomingLetter.external_ref == ref, col(IncomingLetter.deleted_at).is_(None)
                )
            ).first()
        if earlier is not None:
            raise ServiceError(
                _("Naskah SRIKANDI ini sudah dicatat: agenda {a}/{y}.").format(
                    a=earlier.agenda_number, y=earlier.agenda_year
                )
            )
    sent = _get(data, "date")
    sender_date = parse_date(sent[:10] if re.match(r"\d{4}-\d\d-\d\d", sent) else sent)
    sifat = next((s for s in SIFAT if s.lower() == _get(data, "sifat").lower()), "Biasa")
    urgency = next((u for u in URGENCY if u.lower() == _get(data, "urgency").lower()), "Biasa")
    code = _get(data, "code").split(" ")[0]
    note = _get(data, "summary")
    with store.read() as session:
        if code and session.get(Classification, code) is None:
            # A code of another scheme must not stop the registration: keep it in the note.
            note = " ".join([note, _("Klasifikasi di SRIKANDI: {k}.").format(k=code)]).strip()
            code = ""
    today = received or clock.today()
    return incoming.register(
        store,
        user,
        IncomingInput(
            sender_name=_get(data, "sender"),
            sender_number=_get(data, "number"),
            received_date=today,
            hal=_get(data, "hal"),
            sender_date=sender_date if sender_date and sender_date <= today else None,
            channel="srikandi",
            sifat=sifat,
            urgency=urgency,
            classification_code=code,
            note=note,
            scans=[pdf],
            external_ref=ref,
        ),
    )
