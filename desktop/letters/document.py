"""Turning a stored letter into the renderer's plain ``LetterDocument``.

The preview, the printed copy and the final PDF all come from here, so what the clerk sees is
what prints.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sqlmodel import Session, col, select

from desktop.letters.body_images import images_of
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
from desktop.store.models import Letter, Office, Person, ReviewStep


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


def _block(person: Person, note: str, capacity: str = "", on_behalf_of: str = "") -> SignatureBlock:
    return SignatureBlock(
        position=person.jabatan,
        name=person.name,
        pangkat=person.pangkat,
        nip=person.nip,
        capacity=capacity,
        on_behalf_of=on_behalf_of,
        signed_note=note,
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
    co_signers: Sequence[Person] = (),
    signed_note: str = "",
    footer_note: str = "",
    data_dir: Path | None = None,
    images: dict[str, bytes] | None = None,
) -> LetterDocument:
    """The letter as its type prints it (``data_dir``: the office whose letter types apply;
    None: the app's office); ``images`` are the body's (``body_images.images_of``)."""
    kind = letter_types(data_dir).get(data.letter_type)
    signature = None
    if signer is not None:
        signature = _block(signer, signed_note, data.signer_capacity, data.signer_on_behalf_of)
    title, form = kind.resolved(office.kecamatan, office.kabupaten) if kind else ("", None)
    margins = kind.margins_mm if kind else {}
    return LetterDocument(
        letterhead=head,
        layout=kind.layout if kind else Layout.CORRESPONDENCE,
        title=title,
        form=form,
        place=office.place_name,
        letter_date=letter_date,  # type: ignore[arg-type]
        number=number,
        sifat=data.sifat,
        lampiran=data.lampiran or "-",
        hal=data.hal,
        addressees=[Addressee(a.name, a.place) for a in data.addressees if a.name.strip()],
        body_html=data.body_html,
        images=dict(images or {}),
        signature=signature,
        co_signatures=[_block(p, signed_note) for p in co_signers],
        footer_note=footer_note,
        tembusan=[t for t in data.tembusan if t.strip()],
        paper=PaperSize(office.paper_size),
        font_pt=kind.font_pt if kind and kind.font_pt else office.font_pt,
        margins_mm=(
            margins.get("top", office.margin_top_mm),
            margins.get("left", office.margin_left_mm),
            margins.get("right", office.margin_right_mm),
            margins.get("bottom", office.margin_bottom_mm),
        ),
        draft_watermark=not final,
    )


def co_signer_ids(session: Session, letter: Letter) -> list[str]:
    """The signers of the latest review round before the main signer, in signing order."""
    steps = session.exec(
        select(ReviewStep)
        .where(ReviewStep.letter_id == letter.id, ReviewStep.kind == "sign")
        .order_by(col(ReviewStep.round).desc(), col(ReviewStep.position))
    ).all()
    if not steps:
        return []
    latest = [s for s in steps if s.round == steps[0].round]
    return [s.reviewer_id for s in latest[:-1]]


def document_for(
    session: Session,
    letter: Letter,
    blob_dir: Path,
    *,
    signed_note: str = "",
    footer_note: str = "",
    complete: bool = False,
) -> LetterDocument:
    """The letter as the renderer draws it. ``signed_note`` (electronic signatures) goes in each
    signer's signature space, ``footer_note`` at the foot of every page. With ``complete`` (the
    copy to sign) a picture of the body missing on this PC raises ``ImageMissing``."""
    office = session.exec(select(Office)).one()
    signer = session.get(Person, letter.signer_id) if letter.signer_id else None
    co_signers = [p for i in co_signer_ids(session, letter) if (p := session.get(Person, i))]
    final = bool(letter.number)
    return build_document(
        office,
        letterhead(office, blob_dir),
        input_of(letter),
        signer,
        number=letter.number,
        letter_date=letter.letter_date,
        final=final,
        co_signers=co_signers,
        signed_note=signed_note,
        footer_note=footer_note,
        data_dir=blob_dir.parent,  # the blob folder lives in the office's data folder
        images=images_of(blob_dir, letter.body_html, complete=complete),
    )


def render_final_pdf(session: Session, letter: Letter, blob_dir: Path) -> bytes:
    from desktop.render import render_pdf
    from desktop.render.fonts import ensure_gui_app

    ensure_gui_app()
    return render_pdf(document_for(session, letter, blob_dir, complete=True))
