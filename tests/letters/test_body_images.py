"""Pictures in a letter's body: kept in the office's files, printed from there, and never signed
away while missing on this PC."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from desktop.letters import body_images, drafting, workflow
from desktop.letters.body_images import ImageMissing, ImageRefused
from desktop.letters.errors import PermissionDenied
from desktop.store.blobs import BlobStore
from desktop.store.models import IssuedNumber
from sync.protocol import LetterStatus
from tests.conftest import PNG_1PX, Office
from tests.letters.test_lifecycle import fill_invitation, status


def with_picture(office: Office) -> tuple[str, str]:
    """A letter to the camat whose body shows a picture; (letter id, picture URL)."""
    letter = drafting.new_draft(office.store, office.drafter, "surat_undangan")
    fill_invitation(office, letter.id)
    url = body_images.keep_image(office.store, office.drafter, PNG_1PX)
    data = drafting.input_of(drafting.get_letter(office.store, office.drafter, letter.id))
    data.body_html = f'<p>Denah lokasi:</p><p><img src="{url}" width="120" height="120" /></p>'
    drafting.save_draft(office.store, office.drafter, letter.id, data)
    workflow.send(office.store, office.drafter, letter.id, [], office.camat.id)
    return letter.id, url


def test_the_signed_pdf_draws_the_picture(office_staff: Office) -> None:
    letter_id, _url = with_picture(office_staff)
    letter = workflow.sign_by_hand(office_staff.store, office_staff.camat, letter_id)
    pdf = BlobStore(office_staff.store.blob_dir).get(letter.pdf_hash or "")
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    objects = page["/Resources"]["/XObject"].get_object()
    images = [o for o in objects.values() if o.get_object()["/Subtype"] == "/Image"]
    assert len(images) == 2  # the kop's logo and the picture


def test_a_letter_whose_picture_has_not_arrived_is_not_signed(office_staff: Office) -> None:
    letter_id, url = with_picture(office_staff)
    digest = body_images.digest_of(url)
    assert digest is not None
    BlobStore(office_staff.store.blob_dir).path(digest).unlink()  # as on a PC sync has not reached
    with pytest.raises(ImageMissing, match="belum diunduh"):
        workflow.sign_by_hand(office_staff.store, office_staff.camat, letter_id)
    assert status(office_staff, letter_id) == LetterStatus.AWAITING_SIGNATURE
    with office_staff.store.read() as s:
        assert s.exec(select(IssuedNumber)).all() == []  # no number consumed
    assert not drafting.get_letter(office_staff.store, office_staff.camat, letter_id).number


def test_what_cannot_be_a_picture_is_refused(office_staff: Office, tmp_path: Path) -> None:
    store, budi = office_staff.store, office_staff.drafter
    with pytest.raises(ImageRefused, match="PNG, JPEG, GIF atau BMP"):
        body_images.keep_image(store, budi, b"%PDF-1.4 not a picture")
    with pytest.raises(ImageRefused, match="terlalu besar"):
        body_images.keep_image(store, budi, PNG_1PX + bytes(6 * 1024 * 1024))
    with pytest.raises(PermissionDenied):
        body_images.keep_image(store, office_staff.camat, PNG_1PX)  # not a drafter
    gone = tmp_path / "msohtmlclip1" / "01" / "clip_image002.png"
    with pytest.raises(ImageRefused, match=r"clip_image002\.png tidak ada lagi"):
        body_images.read_source(gone.as_uri())
    gone.parent.mkdir(parents=True)
    gone.write_bytes(PNG_1PX)
    assert body_images.read_source(gone.as_uri()) == PNG_1PX
    with pytest.raises(ImageRefused, match="tanpa internet"):
        body_images.read_source("https://contoh.go.id/peta.png")
