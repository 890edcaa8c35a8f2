"""Signing a real rendered letter: PAdES signature, visible QR stamp, PDF/A kept, refusals."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from io import BytesIO
from pathlib import Path

import pypdf
import pytest
from pypdf.generic import DictionaryObject, IndirectObject

from desktop.signing import pades, stamp, verify
from desktop.signing.errors import (
    CertificateUnusable,
    DamagedPdf,
    EncryptedPdf,
    NotAPdf,
    StampDoesNotFit,
)
from desktop.signing.keys import LoadedSigner
from desktop.signing.report import ChainStatus, LaterChanges
from desktop.signing.ttf import TrueTypeFont
from desktop.store import clock
from tests.signing.conftest import SignFn
from tests.signing.signing_support import HAMZAH, VERIFY_URL, Pki


def _reader(pdf: bytes) -> pypdf.PdfReader:
    return pypdf.PdfReader(BytesIO(pdf))


def _pdf_date(text: str) -> datetime:
    """D:YYYYMMDDHHmmSS with Z or +HH'mm' -> datetime."""
    match = re.fullmatch(r"D:(\d{14})(Z|[+-]\d\d'\d\d'?)?", text)
    assert match, text
    zone = (match.group(2) or "Z").replace("'", "")
    zone = "+0000" if zone == "Z" else zone
    return datetime.strptime(match.group(1) + zone, "%Y%m%d%H%M%S%z")


def _widget(pdf: bytes, field: str = "TandaTangan1") -> DictionaryObject:
    for annot in _reader(pdf).pages[0]["/Annots"]:
        annot = annot.get_object()
        if annot.get("/T") == field:
            return annot
    raise AssertionError(f"no widget {field}")


def test_signed_letter_verifies_valid_trusted_and_intact(
    pki: Pki, andi: LoadedSigner, sign: SignFn, letter_pdf: bytes
) -> None:
    signed = sign(andi)
    assert signed.startswith(letter_pdf)  # an incremental update: the letter's bytes are kept

    report = verify.verify_pdf(signed, [pki.root])
    assert report.valid
    (sig,) = report.signatures
    assert sig.intact and sig.chain == ChainStatus.TRUSTED
    assert sig.covers_whole_document and sig.uncovered_ranges == []
    assert sig.later_changes == LaterChanges.NONE
    assert sig.signer_name == andi.name
    assert sig.signer_nip == "198003152005011002"
    assert "Naskah Root CA" in sig.issuer
    assert sig.signed_ranges[0][0] == 0 and sig.signed_ranges[1][1] == len(signed)
    assert sig.claimed_signing_time is not None
    assert abs(sig.claimed_signing_time - clock.now()) < timedelta(minutes=5)
    assert report.unsigned_tail is None
    assert "sah" in report.summary()


def test_signature_is_pades_baseline(andi: LoadedSigner, sign: SignFn) -> None:
    signed = sign(andi)
    sig = _widget(signed)["/V"].get_object()
    assert sig["/SubFilter"] == "/ETSI.CAdES.detached"
    assert sig["/Filter"] == "/Adobe.PPKLite"
    assert sig["/Reason"] == "Persetujuan naskah dinas" and sig["/Location"] == "Sukamaju"
    from asn1crypto import cms

    signed_data = cms.ContentInfo.load(bytes(sig["/Contents"]))["content"]
    signer_info = signed_data["signer_infos"][0]
    assert signer_info["digest_algorithm"]["algorithm"].native == "sha256"
    attrs = {a["type"].native for a in signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in attrs and "signing_time" not in attrs  # PAdES B-B
    assert len(signed_data["certificates"]) == 2  # signer and root


def test_pdfa_metadata_fonts_and_structure_are_kept(andi: LoadedSigner, sign: SignFn) -> None:
    signed = sign(andi)
    reader = _reader(signed)
    root = reader.trailer["/Root"]
    assert signed.startswith(b"%PDF-1.4")
    assert "/Version" not in root and "/Extensions" not in root
    assert "/OutputIntents" in root

    metadata = root["/Metadata"].get_object()
    assert "/Filter" not in metadata  # PDF/A-1: the XMP packet is not compressed
    xmp = metadata.get_data().decode("utf-8")
    assert re.search(r"pdfaid:part(>|=\")1", xmp), xmp
    assert re.search(r"pdfaid:conformance(>|=\")B", xmp), xmp
    # Info and XMP stay in step (PDF/A-1 6.7.3): same modification time, same producer.
    info = reader.trailer["/Info"]
    modify = re.search(r'xmp:ModifyDate(?:>|=")([^<"]+)', xmp)
    producer = re.search(r'pdf:Producer(?:>|=")([^<"]+)', xmp)
    assert modify and producer
    assert _pdf_date(str(info["/ModDate"])) == datetime.fromisoformat(modify.group(1))
    assert info["/Producer"] == producer.group(1)
    assert "xmpMM:DocumentID" in xmp and "ns0:" not in xmp

    # No cross-reference streams or object streams in the update (PDF/A-1 is PDF 1.4).
    tail = signed[signed.rfind(b"%%EOF", 0, len(signed) - 6) :]
    assert b"/XRef" not in tail and b"/ObjStm" not in tail

    # Every font the page and the stamp use is embedded.
    fonts = list(_fonts(reader.pages[0]["/Resources"]))
    for annot in reader.pages[0]["/Annots"]:
        appearance = annot.get_object()["/AP"]["/N"].get_object()
        fonts += list(_fonts(appearance.get("/Resources", DictionaryObject())))
    assert len(fonts) >= 5
    for font in fonts:
        descriptor = font.get("/FontDescriptor")
        if descriptor is None:  # composite font
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        descriptor = descriptor.get_object()
        assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]

    widget = _widget(signed)
    assert int(widget["/F"]) & 4  # printed (PDF/A requires it)
    assert not int(widget["/F"]) & (1 | 2 | 32)  # not invisible, hidden or no-view


def _fonts(resources: DictionaryObject, seen: set[int] | None = None):  # type: ignore[no-untyped-def]
    seen = seen if seen is not None else set()
    resources = resources.get_object()
    for font in resources.get("/Font", {}).values():
        yield font.get_object()
    for xobject in resources.get("/XObject", {}).values():
        ref = xobject.idnum if isinstance(xobject, IndirectObject) else id(xobject)
        xobject = xobject.get_object()
        if ref in seen or xobject.get("/Subtype") != "/Form" or "/Resources" not in xobject:
            continue
        seen.add(ref)
        yield from _fonts(xobject["/Resources"], seen)


def test_stamp_shows_name_position_date_and_heading(andi: LoadedSigner, sign: SignFn) -> None:
    signed = sign(andi, position="Sekretaris Kecamatan", date_text="3 Maret 2026")
    appearance = _widget(signed)["/AP"]["/N"].get_object()
    content = appearance.get_data()
    for text in (andi.name.split(",")[0], "Sekretaris Kecamatan", "3 Maret 2026"):
        assert f"({text}".encode() in content or text.encode() in content, text
    assert b"(Ditandatangani secara elektronik)" in content
    assert b"0.5 w" in content and b" re" in content  # border and QR modules


def _qr_decoder():  # type: ignore[no-untyped-def]
    try:
        import zxingcpp
    except ImportError:
        return None
    return zxingcpp


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) missing")
def test_qr_code_decodes_to_the_verification_address(
    andi: LoadedSigner, sign: SignFn, tmp_path: Path
) -> None:
    zxingcpp = _qr_decoder()
    if zxingcpp is None:
        pytest.skip("QR decoder zxing-cpp not installed (pip install zxing-cpp)")
    signed = sign(andi)
    (tmp_path / "signed.pdf").write_bytes(signed)
    # Print resolution of an ordinary office printer: 300 dpi, greyscale.
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", "-f", "1", "-l", "1", str(tmp_path / "signed.pdf"),
         str(tmp_path / "page")],
        check=True,
    )  # fmt: skip
    (page,) = tmp_path.glob("page*.pgm")
    magic, width, height, _maxval, pixels = page.read_bytes().split(maxsplit=4)
    assert magic == b"P5"
    image = memoryview(pixels).cast("B", (int(height), int(width)))
    results = [r.text for r in zxingcpp.read_barcodes(image)]
    assert results == [VERIFY_URL]


def test_stamp_font_subset_is_a_valid_font(qapp: object) -> None:
    from PySide6.QtGui import QRawFont

    font = TrueTypeFont.load(Path("resources/fonts/LiberationSans-Bold.ttf"))
    tag, program = font.subset("Drs. La Ode Hamzah é")
    assert re.fullmatch("[A-Z]{6}", tag)
    assert len(program) < 10_000
    raw = QRawFont(program, 12.0)  # Qt (FreeType) must accept it as a font
    assert raw.isValid()
    assert raw.familyName() == "Liberation Sans" and raw.styleName() == "Bold"
    used, unused = raw.glyphIndexesForString("Hé"), raw.glyphIndexesForString("Q")
    assert used == [font.cmap[ord("H")], font.cmap[ord("é")]]  # ids kept, cmap works
    assert not raw.pathForGlyph(used[0]).isEmpty()  # outlines kept
    assert not raw.pathForGlyph(used[1]).isEmpty()  # a composite glyph and its parts
    assert unused == [0]  # characters not used are not in the subset


def test_long_text_shrinks_wraps_and_never_overflows() -> None:
    lines = (
        stamp.StampLine("Ditandatangani secara elektronik", scale=0.85),
        stamp.StampLine(
            "Dr. Ir. Hj. Siti Nurhaliza Wulandari Kusumawardhani, S.H., M.H.", bold=True
        ),
        stamp.StampLine("Pelaksana Tugas Sekretaris Kecamatan Tanjung Harapan Barat Daya"),
        stamp.StampLine("3 Maret 2026", scale=0.85),
    )
    laid = stamp.lay_out_text(lines, 120, 50)
    assert laid.height <= 50
    assert len(laid.lines) >= 5  # wrapped
    for line, text, size in laid.lines:
        font = stamp._font(stamp.BOLD if line.bold else stamp.REGULAR)
        assert font.text_width(text, size) <= 120
    tiny = stamp.lay_out_text(lines, 40, 12)
    assert tiny.height <= 12


def test_two_signers_in_sequence_both_valid(
    pki: Pki, andi: LoadedSigner, sign: SignFn, stamp_box: pades.StampBox
) -> None:
    hamzah = pki.signer(HAMZAH)
    first = sign(andi)
    second_box = replace(stamp_box, x=stamp_box.x - stamp_box.width - 10)
    both = sign(hamzah, first, position="Camat Sukamaju", field_box=second_box, reason="Mengetahui")
    assert both.startswith(first)
    report = verify.verify_pdf(both, [pki.root])
    assert report.valid
    one, two = report.signatures
    assert (one.signer_name, two.signer_name) == (andi.name, hamzah.name)
    assert one.later_changes == LaterChanges.ALLOWED
    assert one.uncovered_ranges == [(len(first), len(both))]
    assert not one.covers_whole_document and two.covers_whole_document
    assert (one.field_name, two.field_name) == ("TandaTangan1", "TandaTangan2")


def test_signature_with_a_timestamp_token(pki: Pki, andi: LoadedSigner, sign: SignFn) -> None:
    signed = sign(andi, timestamper=pki.timestamper())
    (sig,) = verify.verify_pdf(signed, [pki.root]).signatures
    assert sig.valid and sig.timestamp is not None and sig.timestamp.ok
    assert "Naskah TSA" in sig.timestamp.tsa
    assert sig.proven_time == sig.timestamp.time


def test_expired_not_yet_valid_and_revoked_certificates_refuse_to_sign(
    pki: Pki, sign: SignFn
) -> None:
    signer = pki.signer(days=1)
    with pytest.raises(CertificateUnusable) as err:
        sign(signer, now=clock.now() + timedelta(days=3))
    assert "kedaluwarsa" in err.value.message and "sertifikat baru" in err.value.message

    with pytest.raises(CertificateUnusable) as err:  # a PC clock set years back
        sign(signer, now=datetime(2019, 1, 1, tzinfo=UTC))
    assert "tanggal dan jam komputer" in err.value.message

    crl = pki.crl(signer.cert, clock.now() - timedelta(minutes=1))
    with pytest.raises(CertificateUnusable) as err:
        sign(signer, crls=[crl])
    assert "dicabut" in err.value.message
    # A revocation list that does not name this certificate changes nothing.
    other = pki.crl(pki.signer().cert, clock.now() - timedelta(minutes=1))
    assert sign(signer, crls=[other])


def test_bad_pdfs_and_boxes_give_clear_errors(
    andi: LoadedSigner, sign: SignFn, letter_pdf: bytes, stamp_box: pades.StampBox
) -> None:
    with pytest.raises(NotAPdf) as not_pdf:
        sign(andi, b"PK\x03\x04 a docx file")
    assert not_pdf.value.message == "Berkas ini bukan PDF."
    with pytest.raises(DamagedPdf):
        sign(andi, b"%PDF-1.4\n" + b"\x00" * 100)

    writer = pypdf.PdfWriter(clone_from=BytesIO(letter_pdf))
    writer.encrypt("rahasia", algorithm="AES-128")
    encrypted = BytesIO()
    writer.write(encrypted)
    with pytest.raises(EncryptedPdf) as enc:
        sign(andi, encrypted.getvalue())
    assert "terenkripsi" in enc.value.message

    for box in (
        replace(stamp_box, page=3),
        replace(stamp_box, x=600),
        replace(stamp_box, y=-10),
        replace(stamp_box, height=5),
    ):
        with pytest.raises(StampDoesNotFit):
            sign(andi, field_box=box)


def test_stamp_box_from_millimetres() -> None:
    box = pades.StampBox.from_top_left_mm(0, 120, 200, 70, 22, page_height_pt=935.43)
    assert box.x == pytest.approx(120 * 72 / 25.4)
    assert box.height == pytest.approx(22 * 72 / 25.4)
    assert box.y + box.height == pytest.approx(935.43 - 200 * 72 / 25.4)


def test_only_a_signing_certificate_may_sign(pki: Pki, sign: SignFn) -> None:
    tsa_signer = LoadedSigner(pki.tsa_key, pki.tsa_cert, [pki.root])
    with pytest.raises(CertificateUnusable) as err:
        sign(tsa_signer)
    assert "bukan sertifikat untuk tanda tangan" in err.value.message
