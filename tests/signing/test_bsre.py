"""TTE BSrE: a camat signs a letter through BSrE (here its stand-in on loopback) with the NIK
and passphrase typed at that moment; every way it can fail tells the signer what to do, and
neither the NIK nor the passphrase ends up in a log, an error or a file."""

# The stand-in's fixtures are imported by name, so their parameters shadow the imports.
# ruff: noqa: F811

from __future__ import annotations

import json
import logging
from io import BytesIO
from pathlib import Path

import keyring
import pypdf
import pytest

from desktop.signing.bsre import (
    BsreBadResponse,
    BsreCertificateExpired,
    BsreCertificateRevoked,
    BsreClient,
    BsreClientRejected,
    BsreConfig,
    BsreError,
    BsreInvalidNik,
    BsreInvalidSettings,
    BsreNotConfigured,
    BsreNotRegistered,
    BsreRejected,
    BsreServerError,
    BsreUnreachable,
    BsreWrongPassphrase,
    delete_client_secret,
    save_client_secret,
)
from desktop.signing.errors import NotAPdf, SigningError, StampDoesNotFit
from desktop.signing.pades import StampBox
from desktop.signing.verify import verify_pdf
from tests.signing.bsre_fixtures import (  # noqa: F401 - fixtures
    ANDI_NIK,
    ANDI_PASSPHRASE,
    EXPIRED_NIK,
    REVOKED_NIK,
    UNKNOWN_NIK,
    bsre,
    bsre_client,
    bsre_server,
)
from tests.signing.bsre_standin import CLIENT_ID, CLIENT_SECRET, StandIn, unused_loopback_url
from tests.signing.signing_support import VERIFY_URL


def _box(stamp: StampBox) -> tuple[float, float, float, float]:
    return (stamp.x, stamp.y, stamp.x + stamp.width, stamp.y + stamp.height)


def _sign(
    client: BsreClient,
    pdf: bytes,
    stamp: StampBox,
    nik: str = ANDI_NIK,
    passphrase: str = ANDI_PASSPHRASE,
) -> bytes:
    return client.sign_pdf(
        pdf,
        nik,
        passphrase,
        page=stamp.page,
        box=_box(stamp),
        qr_url=VERIFY_URL,
        reason="Persetujuan naskah dinas",
        location="Sukamaju",
    )


def _client(base_url: str, *, timeout: float = 10, secret: str = CLIENT_SECRET) -> BsreClient:
    return BsreClient(BsreConfig(base_url, CLIENT_ID, timeout=timeout), secret)


# -- the happy path ----------------------------------------------------------------------------


def test_the_camat_signs_and_the_letter_verifies_against_bsre_root(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    signed = _sign(bsre_client, letter_pdf, stamp_box)

    assert signed.startswith(letter_pdf)  # the same letter, BSrE's signature appended
    report = verify_pdf(signed, [bsre.root])
    assert report.valid, [s.problems for s in report.signatures]
    signature = report.signatures[-1]
    assert signature.signer_name == "Andi Baso Mappaturung, S.STP., M.Si."
    assert signature.covers_whole_document
    # Visible where the letter leaves room for it, on the right page.
    page = pypdf.PdfReader(BytesIO(signed)).pages[stamp_box.page]
    rects = [
        [float(v) for v in a.get_object()["/Rect"]]
        for a in page.get("/Annots", [])
        if a.get_object().get("/FT") == "/Sig"
    ]
    assert rects == [pytest.approx(list(_box(stamp_box)), abs=0.01)]
    # The documented multipart fields went over the wire (names only are recorded).
    assert set(bsre.requests[-1]["fields"]) == {
        "file", "nik", "passphrase", "tampilan", "image", "linkQR", "page",
        "xAxis", "yAxis", "width", "height", "reason", "location",
    }  # fmt: skip


def test_a_deployment_answering_with_a_document_id_is_downloaded(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    bsre.mode = "id_only"
    signed = _sign(bsre_client, letter_pdf, stamp_box)
    assert verify_pdf(signed, [bsre.root]).valid
    assert not bsre.documents  # fetched once, as the API allows


def test_user_status_reports_what_bsre_knows(bsre: StandIn, bsre_client: BsreClient) -> None:
    assert bsre_client.user_status(ANDI_NIK).can_sign
    expired = bsre_client.user_status(EXPIRED_NIK)
    assert (expired.status, expired.can_sign) == ("EXPIRED", False)
    assert isinstance(expired.problem(), BsreCertificateExpired)
    assert bsre_client.user_status(UNKNOWN_NIK).status == "NOT_REGISTERED"


# -- what the signer is told -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("nik", "passphrase", "error", "words"),
    [
        (UNKNOWN_NIK, ANDI_PASSPHRASE, BsreNotRegistered, ["belum terdaftar", "admin TTE"]),
        (EXPIRED_NIK, "Lama#2019", BsreCertificateExpired, ["kedaluwarsa", "perpanjangan"]),
        (REVOKED_NIK, "Dicabut#2024", BsreCertificateRevoked, ["dicabut", "sertifikat baru"]),
        (ANDI_NIK, "salah-ketik", BsreWrongPassphrase, ["Passphrase BSrE salah", "coba lagi"]),
    ],
)
def test_each_refusal_says_what_to_do_and_that_nothing_was_signed(
    bsre: StandIn,
    bsre_client: BsreClient,
    letter_pdf: bytes,
    stamp_box: StampBox,
    nik: str,
    passphrase: str,
    error: type[BsreError],
    words: list[str],
) -> None:
    with pytest.raises(error) as caught:
        _sign(bsre_client, letter_pdf, stamp_box, nik, passphrase)
    assert isinstance(caught.value, SigningError)
    for word in [*words, "surat tetap dalam antrean"]:
        assert word.lower() in caught.value.message.lower()
    # A certificate that may not sign is caught by the status check: the letter never left.
    if error in (BsreNotRegistered, BsreCertificateExpired, BsreCertificateRevoked):
        assert bsre.requests == []


@pytest.mark.parametrize(
    ("nik", "passphrase", "error"),
    [
        (EXPIRED_NIK, "Lama#2019", BsreCertificateExpired),
        (REVOKED_NIK, "Dicabut#2024", BsreCertificateRevoked),
    ],
)
def test_a_refusal_at_signing_time_is_understood_too(
    bsre: StandIn,
    bsre_client: BsreClient,
    letter_pdf: bytes,
    stamp_box: StampBox,
    nik: str,
    passphrase: str,
    error: type[BsreError],
) -> None:
    bsre.mode = "status_always_issue"
    with pytest.raises(error):
        _sign(bsre_client, letter_pdf, stamp_box, nik, passphrase)
    assert bsre.requests  # this time the refusal came from the signing call


def test_a_lock_warning_from_bsre_is_passed_on(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    bsre.wrong_passphrase_text = "Passphrase anda salah, akun akan terkunci setelah 3 kali salah"
    with pytest.raises(BsreWrongPassphrase) as caught:
        _sign(bsre_client, letter_pdf, stamp_box, passphrase="hampir-benar")
    assert caught.value.lock_warning
    assert "terkunci" in caught.value.message


def test_a_slow_bsre_gives_the_connection_message_quickly(
    bsre: StandIn, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    # BSrE answers only after 30 s, and then it signs: the refusal can only come from the
    # client's own 0.3 s timeout, however slow the machine (no seconds are measured here).
    bsre.delay = 30.0
    with _client(bsre.base_url, timeout=0.3) as client, pytest.raises(BsreUnreachable) as caught:
        _sign(client, letter_pdf, stamp_box)
    assert "koneksi" in caught.value.message
    assert "Tidak ada yang ditandatangani" in caught.value.message


def test_an_unreachable_bsre_gives_the_connection_message(
    letter_pdf: bytes, stamp_box: StampBox
) -> None:
    with _client(unused_loopback_url(), timeout=2) as client, pytest.raises(BsreUnreachable):
        _sign(client, letter_pdf, stamp_box)


def test_a_server_error_says_to_try_later(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    bsre.mode = "error500"
    with pytest.raises(BsreServerError) as caught:
        _sign(bsre_client, letter_pdf, stamp_box)
    assert "HTTP 500" in caught.value.message


@pytest.mark.parametrize("mode", ["garbage", "unsigned", "tampered"])
def test_an_answer_that_is_not_the_signed_letter_is_refused(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox, mode: str
) -> None:
    bsre.mode = mode
    with pytest.raises(BsreBadResponse) as caught:
        _sign(bsre_client, letter_pdf, stamp_box)
    assert "tidak disimpan" in caught.value.message


def test_an_error_object_with_status_200_is_still_an_error(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    bsre.mode = "error_on_200"
    with pytest.raises(BsreRejected) as caught:
        _sign(bsre_client, letter_pdf, stamp_box)
    assert caught.value.code == 2099
    assert "Dokumen gagal ditandatangani" in caught.value.message


def test_wrong_client_credentials_are_for_the_it_officer(
    bsre: StandIn, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    with (
        _client(bsre.base_url, secret="bukan-itu") as client,
        pytest.raises(BsreClientRejected) as caught,
    ):
        _sign(client, letter_pdf, stamp_box)
    assert "Petugas TI" in caught.value.message


def test_bad_input_is_refused_before_anything_is_sent(
    bsre: StandIn, bsre_client: BsreClient, letter_pdf: bytes, stamp_box: StampBox
) -> None:
    with pytest.raises(NotAPdf):
        _sign(bsre_client, b"bukan pdf", stamp_box)
    with pytest.raises(BsreInvalidNik):
        _sign(bsre_client, letter_pdf, stamp_box, nik="12345")
    off_page = StampBox(stamp_box.page, 5000, 5000, 100, 40)
    with pytest.raises(StampDoesNotFit):
        _sign(bsre_client, letter_pdf, off_page)
    with pytest.raises(StampDoesNotFit):
        _sign(bsre_client, letter_pdf, StampBox(99, 100, 100, 100, 40))
    assert bsre.requests == []


# -- settings ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://tte.sukamajukab.go.id",
        "http://10.0.0.5:8080",
        "http://127.0.0.1.nip.io",
        "ftp://127.0.0.1",
        "https://user:rahasia@tte.sukamajukab.go.id",
        "tte.sukamajukab.go.id",
    ],
)
def test_unencrypted_or_odd_addresses_are_refused(url: str) -> None:
    with pytest.raises(BsreInvalidSettings):
        BsreConfig(url, CLIENT_ID)


def test_https_anywhere_and_http_only_on_loopback_are_accepted() -> None:
    for url in (
        "https://tte.sukamajukab.go.id/",
        "https://10.0.0.5:8443/esign",
        "http://127.0.0.1:8080",
        "http://localhost:8080",
        "http://[::1]:8080",
    ):
        assert BsreConfig(url, CLIENT_ID).base_url == url.rstrip("/")
    assert not BsreConfig("https://tte.sukamajukab.go.id", CLIENT_ID).is_loopback


def test_settings_round_trip_without_secrets_and_the_secret_lives_in_the_keyring(
    bsre: StandIn, tmp_path: Path
) -> None:
    config = BsreConfig(bsre.base_url, CLIENT_ID, timeout=45)
    path = config.save(tmp_path)
    assert BsreConfig.load(tmp_path) == config
    assert json.loads(path.read_text("utf-8")) == {
        "base_url": bsre.base_url,
        "client_id": CLIENT_ID,
        "timeout": 45.0,
    }
    with pytest.raises(BsreNotConfigured):
        BsreClient(config)  # no secret in the keyring yet

    save_client_secret(CLIENT_ID, CLIENT_SECRET)
    assert keyring.get_password("naskah-bsre", CLIENT_ID) == CLIENT_SECRET
    assert CLIENT_SECRET not in path.read_text("utf-8")
    with BsreClient(config) as client:
        assert client.user_status(ANDI_NIK).can_sign
        assert CLIENT_SECRET not in repr(client)

    delete_client_secret(CLIENT_ID)
    assert keyring.get_password("naskah-bsre", CLIENT_ID) is None


def test_missing_or_damaged_settings(tmp_path: Path) -> None:
    assert BsreConfig.load(tmp_path) is None
    (tmp_path / "bsre.json").write_text("{rusak", encoding="utf-8")
    with pytest.raises(BsreNotConfigured) as caught:
        BsreConfig.load(tmp_path)
    assert caught.value.kind == "damaged"


# -- secrets -----------------------------------------------------------------------------------


def _texts_of(error: BaseException) -> list[str]:
    """Everything an error could show: its text, repr, arguments, attributes, causes."""
    texts: list[str] = []
    seen: BaseException | None = error
    while seen is not None:
        texts += [str(seen), repr(seen), repr(seen.args), repr(vars(seen))]
        seen = seen.__cause__ or seen.__context__
    return texts


def test_the_nik_and_passphrase_are_never_logged_or_repeated(
    bsre: StandIn,
    bsre_client: BsreClient,
    letter_pdf: bytes,
    stamp_box: StampBox,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    for name in ("urllib3", "urllib3.connectionpool", "desktop.signing.bsre"):
        caplog.set_level(logging.DEBUG, logger=name)
    errors: list[BaseException] = []

    _sign(bsre_client, letter_pdf, stamp_box)
    for nik, passphrase in [(ANDI_NIK, "salah-" + ANDI_PASSPHRASE), (UNKNOWN_NIK, "x-1234")]:
        with pytest.raises(BsreError) as caught:
            _sign(bsre_client, letter_pdf, stamp_box, nik, passphrase)
        errors.append(caught.value)
    bsre.mode = "error500"
    with pytest.raises(BsreError) as caught:
        _sign(bsre_client, letter_pdf, stamp_box)
    errors.append(caught.value)
    bsre.mode, bsre.delay = "normal", 1.0
    with _client(bsre.base_url, timeout=0.2) as slow, pytest.raises(BsreError) as caught:
        _sign(slow, letter_pdf, stamp_box)
    errors.append(caught.value)

    records = caplog.records
    assert any(r.name.startswith("urllib3") for r in records)  # urllib3 was heard
    assert any("/api/user/status/***" in r.getMessage() for r in records)
    logged = [r.getMessage() + (r.exc_text or "") for r in records]
    shown = [t for e in errors for t in _texts_of(e)] + [repr(bsre_client)]
    for secret in (ANDI_NIK, UNKNOWN_NIK, ANDI_PASSPHRASE, "x-1234"):
        assert not [t for t in logged if secret in t], secret
        assert not [t for t in shown if secret in t], secret
