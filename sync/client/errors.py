"""Errors of the sync client, each with a message a person can act on (Bahasa Indonesia).

``retry`` says whether the scheduler should simply try again later (with backoff); the others
need a person (upgrade the app, enrol again, fix the address).
"""

from __future__ import annotations

from desktop.i18n import _
from desktop.store.errors import UserError


class SyncError(UserError):
    retry = True


class Offline(SyncError):
    """No connection (no route, refused, reset, or a transfer that stopped making progress).

    ``reason`` is a sentence a clerk understands (``sync.client.transport.plain_reason``);
    ``detail`` is the library's own text, for the log only."""

    def __init__(self, reason: str = "", detail: str = "") -> None:
        text = _("Luring: server tidak dapat dihubungi.")
        super().__init__(f"{text} {reason}" if reason else text)
        self.reason = reason
        self.detail = detail


class NoServer(SyncError):
    """Something answered, but not a Naskah server: a captive portal, a proxy, a TLS failure."""

    def __init__(self, detail: str = "", *, captive_portal: bool = True) -> None:
        text = (
            _("Jaringan meminta login (captive portal): buka peramban dan masuk dulu.")
            if captive_portal
            else _("Alamat ini bukan server Naskah.")
        )
        super().__init__(f"{text} ({detail})" if detail else text)
        self.detail = detail
        self.captive_portal = captive_portal


class TlsFailed(NoServer):
    """The server's certificate could not be verified (or a portal intercepted HTTPS)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail, captive_portal=False)
        self.message = _(
            "Sertifikat server tidak dapat diverifikasi; koneksi tidak aman dan dihentikan."
        )
        self.args = (self.message,)


class UpgradeRequired(SyncError):
    retry = False

    def __init__(self) -> None:
        super().__init__(
            _("Versi aplikasi ini terlalu lama untuk server. Perbarui Naskah lalu coba lagi.")
        )


class NotEnrolled(SyncError):
    retry = False

    def __init__(self, detail: str = "") -> None:
        text = _("PC ini belum terdaftar ke server (atau tokennya hilang): daftarkan ulang.")
        super().__init__(f"{text} ({detail})" if detail else text)


class EnrolRefused(SyncError):
    retry = False


class BadFingerprint(EnrolRefused):
    """The root a server sent is not the one whose fingerprint was typed (or the fingerprint
    typed is not one): nothing was sent to that server."""

    def __init__(self, *, typed: bool = False) -> None:
        super().__init__(
            _(
                "Sidik jari sertifikat akar harus berisi sedikitnya 24 angka heksadesimal "
                "(0-9, A-F), seperti yang dicetak bersama kode pendaftaran server kantor."
            )
            if typed
            else _(
                "Sertifikat akar dari server ini tidak cocok dengan sidik jari yang diketik. "
                "Periksa sidik jarinya; bila sudah benar, server ini bukan server kantor Anda "
                "dan PC ini tidak didaftarkan."
            )
        )


class NoRootServed(EnrolRefused):
    """The server has no organisation root to give yet (a hub that never reached central)."""

    def __init__(self, detail: str = "") -> None:
        text = _("Server ini belum memiliki sertifikat akar organisasi; coba lagi nanti.")
        super().__init__(f"{text} ({detail})" if detail else text)


class NoKeyring(SyncError):
    """The OS keyring cannot keep the device's token: enrolling would strand it."""

    retry = False

    def __init__(self, detail: str = "", *, after_enrolment: bool = False) -> None:
        text = _(
            "Penyimpanan rahasia sistem (keyring) tidak dapat dipakai di komputer ini, sehingga "
            "token server tidak dapat disimpan dengan aman."
        )
        what = (
            _("Kode pendaftaran masih berlaku: setelah keyring diperbaiki, daftarkan lagi dengan "
              "kode yang sama.")
            if after_enrolment
            else _("Kode pendaftaran belum dipakai.")
        )  # fmt: skip
        fix = _(
            "Di Windows, masuk dengan akun pengguna Windows biasa (bukan profil sementara); di "
            "Linux, pasang dan buka GNOME Keyring atau KWallet. Hubungi petugas TI bila perlu."
        )
        super().__init__(f"{text} {what} {fix}")
        self.detail = detail


class BadServerUrl(SyncError, ValueError):
    retry = False


class ServerFailed(SyncError):
    """The server answered with an error (5xx, 429) or an answer that does not parse."""


class RequestTooLarge(ServerFailed):
    """The server refused a request as too large (HTTP 413): an older server, whose limits are
    protocol 1's, facing a request filled to this version's."""
