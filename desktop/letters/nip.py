"""NIP (Nomor Induk Pegawai) validation: 18 digits with embedded dates that must make sense.

Layout: birth date YYYYMMDD, appointment (TMT CPNS) YYYYMM, sex (1 male, 2 female), serial 3.
"""

from __future__ import annotations

from datetime import date

from desktop.i18n import _


def nip_problem(nip: str, today: date | None = None) -> str | None:
    """Return why ``nip`` is not a plausible NIP, or None when it is."""
    today = today or date.today()
    digits = nip.replace(" ", "")
    if len(digits) != 18 or not digits.isdigit():
        return _("NIP harus 18 angka.")
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return _("Tanggal lahir dalam NIP tidak valid.")
    appointed_year, appointed_month = int(digits[8:12]), int(digits[12:14])
    if not 1 <= appointed_month <= 12:
        return _("Bulan pengangkatan dalam NIP tidak valid.")
    age = today.year - born.year
    if age < 18 or age > 80:
        return _("Tanggal lahir dalam NIP tidak masuk akal.")
    appointed = date(appointed_year, appointed_month, 1)
    if appointed.year - born.year < 17:
        return _("Tanggal pengangkatan dalam NIP terlalu dekat dengan tanggal lahir.")
    if appointed > today:
        return _("Tanggal pengangkatan dalam NIP ada di masa depan.")
    if digits[14] not in "12":
        return _("Kode jenis kelamin dalam NIP harus 1 atau 2.")
    return None


def normalise(nip: str) -> str:
    return nip.replace(" ", "")
