"""Store errors a person can act on, with their message in Bahasa Indonesia."""

from __future__ import annotations

from pathlib import Path

from desktop.i18n import _


class UserError(Exception):
    """The one base of every error a person can act on: its ``message`` is shown as it is.

    The store, the domain services (``desktop.letters.errors.ServiceError``), signing
    (``desktop.signing.errors.SigningError``) and the sync client
    (``sync.client.errors.SyncError``) derive their families from it, so the UI routes all of
    them one way: a message for a ``UserError``, the crash dialog for the rest.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class StoreError(UserError):
    """A problem with the data file that the user (or IT officer) can act on."""


class StoreLocked(StoreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Naskah sudah berjalan untuk folder data ini (mungkin di jendela lain). "
                "Tutup salinan yang lain terlebih dahulu."
            )
        )


class StoreDamaged(StoreError):
    def __init__(self, detail: str) -> None:
        super().__init__(
            _("Berkas data rusak atau bukan berkas Naskah ({detail}).").format(detail=detail)
        )
        self.detail = detail


class StoreTooNew(StoreError):
    def __init__(self, revision: str) -> None:
        super().__init__(
            _(
                "Data ini dibuat oleh versi Naskah yang lebih baru (skema {r}). Pasang versi "
                "Naskah yang sama atau lebih baru di PC ini; data tidak diubah."
            ).format(r=revision)
        )
        self.revision = revision


class DataFolderError(StoreError):
    """The data folder (or a file in it) cannot be written: read-only, no permission."""

    def __init__(self, path: Path, *, read_only: bool = False, detail: str = "") -> None:
        if read_only:
            message = _(
                "Folder data tidak dapat ditulis: {path} hanya-baca atau tanpa izin tulis untuk "
                "pengguna ini. Data tidak rusak. Minta petugas TI memberi izin tulis (atau "
                "pindahkan folder data), lalu buka Naskah lagi."
            ).format(path=path)
        else:
            message = _("Folder data tidak dapat dipakai: {path} ({detail}).").format(
                path=path, detail=detail
            )
        super().__init__(message)
        self.path = path


class DiskFull(StoreError):
    def __init__(self) -> None:
        super().__init__(
            _(
                "Disk penuh: perubahan terakhir tidak tersimpan, data sebelumnya tetap utuh. "
                "Kosongkan ruang disk lalu coba lagi."
            )
        )


class StoreBusy(StoreError):
    def __init__(self) -> None:
        super().__init__(_("Basis data sedang sibuk. Coba lagi sebentar lagi."))
