"""Errors of the signing core, each with a message in Bahasa Indonesia a person can act on.

They subclass ``desktop.store.errors.UserError``, the one base of errors a person can act on, so
the UI shows them as a message box (never the crash dialog). Signing sits below the domain
services: it imports nothing from ``desktop.letters``.
"""

from __future__ import annotations

from desktop.i18n import _
from desktop.store.errors import UserError


class SigningError(UserError):
    """Base class of every error raised by ``desktop.signing``."""


# -- the key file ------------------------------------------------------------------------------


class KeyFileMissing(SigningError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Berkas kunci tanda tangan tidak ditemukan di komputer ini. Lakukan pendaftaran "
                "penanda tangan (enrolmen) terlebih dahulu."
            )
        )


class WrongPassphrase(SigningError):
    def __init__(self) -> None:
        super().__init__(
            _("Frasa sandi kunci tanda tangan salah. Periksa huruf besar/kecil lalu coba lagi.")
        )


class DamagedKeyFile(SigningError):
    def __init__(self, detail: str = "") -> None:
        message = _(
            "Berkas kunci tanda tangan rusak atau bukan berkas kunci Naskah. Pulihkan dari "
            "cadangan atau daftarkan ulang penanda tangan."
        )
        super().__init__(f"{message} ({detail})" if detail else message)


class TooManyAttempts(SigningError):
    def __init__(self, seconds: float) -> None:
        super().__init__(
            _("Terlalu banyak frasa sandi salah. Tunggu {s} detik lalu coba lagi.").format(
                s=max(1, round(seconds))
            )
        )
        self.seconds = seconds


class WeakPassphrase(SigningError):
    """The passphrase chosen at enrolment is too weak (``message`` says why)."""


# -- certificates ------------------------------------------------------------------------------


class CertificateUnusable(SigningError):
    """The signer's certificate must not sign now (expired, revoked, not yet valid)."""


# -- PDFs --------------------------------------------------------------------------------------


class NotAPdf(SigningError):
    def __init__(self) -> None:
        super().__init__(_("Berkas ini bukan PDF."))


class DamagedPdf(SigningError):
    def __init__(self, detail: str = "") -> None:
        message = _("Berkas PDF rusak dan tidak dapat dibaca.")
        super().__init__(f"{message} ({detail})" if detail else message)


class EncryptedPdf(SigningError):
    def __init__(self) -> None:
        super().__init__(
            _("PDF ini dilindungi kata sandi (terenkripsi); tidak dapat ditandatangani/diperiksa.")
        )


class NoSignatures(SigningError):
    def __init__(self) -> None:
        super().__init__(_("PDF ini tidak memiliki tanda tangan elektronik."))


class StampDoesNotFit(SigningError):
    def __init__(self) -> None:
        super().__init__(_("Kotak tanda tangan terlalu kecil atau di luar halaman."))


class TimestampFailed(SigningError):
    def __init__(self, detail: str = "") -> None:
        message = _("Cap waktu dari server tidak dapat diperoleh.")
        super().__init__(f"{message} ({detail})" if detail else message)
