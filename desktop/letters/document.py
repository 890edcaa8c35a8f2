"""Turning a stored letter into the renderer's plain ``LetterDocument``.

The preview, the printed copy and the final PDF all come from here, so what the clerk sees is
what prints.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import Session, select

from desktop.letters.drafting import DraftInput, input_of
from desktop.letters.templates import letter_types
from desktop.render.document import (
    Addressee,
    Layout,
    LetterDocument,
    Letterhead,
    PaperSize,
    SignatureBlock,
)
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter, Office, Person


def letterhead(office: Office, blob_dir: Path) -> Letterhead:
    logo = None
    if office.logo_hash:
        try:
            logo = BlobStore(blob_dir).get(office.logo_hash)
        except OSError:
            logo = None  # a missing or damaged logo must not stop a letter from printing
    return Letterhead(
        kabupaten=office.kabupaten,
        kecamatan=office.kecamatan,
        address=office.address,
        phone=office.phone,
        email=office.email,
        website=office.website,
        logo_png=logo,
    )


def build_document(
    office: Office,
    head: Letterhead,
    data: DraftInput,
    signer: Person | None,
    *,
    number: str = "",
    letter_date: object = None,
    final: bool = False,
) -> LetterDocument:
    kind = letter_types().get(data.letter_type)
    signature = None
    if signer is not None:
        signature = SignatureBlock(
            position=signer.jabatan,
            name=signer.name,
            pangkat=signer.pangkat,
            nip=signer.nip,
            capacity=data.signer_capacity,
            on_behalf_of=data.signer_on_behalf_of,
        )
    return LetterDocument(
        letterhead=head,
        layout=kind.layout if kind else Layout.CORRESPONDENCE,
        title=kind.title if kind else "",
        place=office.place_name,
        letter_date=letter_date,  # type: ignore[arg-type]
        number=number,
        sifat=data.sifat,
        lampiran=data.lampiran or "-",
        hal=data.hal,
        addressees=[Addressee(a.name, a.place) for a in data.addressees if a.name.strip()],
        body_html=data.body_html,
        signature=signature,
        tembusan=[t for t in data.tembusan if t.strip()],
        paper=PaperSize(office.paper_size),
        font_pt=office.font_pt,
        margins_mm=(
            office.margin_top_mm,
            office.margin_left_mm,
            office.margin_right_mm,
            office.margin_bottom_mm,
        ),
        draft_watermark=not final,
    )


def document_for(session: Session, letter: Letter, blob_dir: Path) -> LetterDocument:
    office = session.exec(select(Office)).one()
    signer = session.get(Person, letter.signer_id) if letter.signer_id else None
    final = bool(letter.number)
    return build_document(
        office,
        letterhead(office, blob_dir),
        input_of(letter),
        signer,
        number=letter.number,
        letter_date=letter.letter_date,
        final=final,
    )


def render_final_pdf(session: Session, letter: Letter, blob_dir: Path) -> bytes:
    from desktop.render import render_pdf
    from desktop.render.fonts import ensure_gui_app

    ensure_gui_app()
    return render_pdf(document_for(session, letter, blob_dir))
