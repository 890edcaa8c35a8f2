"""Store errors a person can act on, with their message in Bahasa Indonesia."""

from __future__ import annotations

from desktop.i18n import _


class StoreError(Exception):
    """A problem with the data file that the user (or IT officer) can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


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
