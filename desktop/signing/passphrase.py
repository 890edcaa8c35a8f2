"""Passphrase rules for the signing key, and a guard that pauses after repeated wrong tries.

``passphrase_problem`` returns a reason in Bahasa Indonesia, or None when the passphrase is
acceptable: at least 10 characters, characters of at least two kinds (lower case, upper case,
digits, others), not a handful of repeated characters, not a common word or password (with or
without digits and symbols around it), and not the signer's NIP or name.

``PassphraseGuard`` counts wrong passphrases in this session: after 5 in a row every further
try waits (30 s, doubling each time, at most 15 minutes). It slows someone at the keyboard; the
key file's own key derivation is what slows an attacker who copied the file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable

from desktop.i18n import _
from desktop.signing.errors import TooManyAttempts

MIN_LENGTH = 10

# Words people reach for first (Indonesian and English), compared after lower-casing and
# removing digits, spaces and symbols.
COMMON_WORDS = frozenset(
    """
    password passw0rd passwd katasandi kata sandi rahasia rahasiaku rahasiasaya
    admin administrator qwerty qwertyuiop asdfghjkl asdf zxcvbnm abcdef abcdefgh abcdefghij
    iloveyou sayang sayangku cinta cintaku indonesia indonesiaraya merdeka pancasila garuda
    bismillah alhamdulillah allahuakbar insyaallah masyaallah jakarta bandung surabaya papua
    kecamatan camat kantor kantorcamat sekcam sekretaris pemerintah pemda kabupaten desa
    kelurahan naskah tandatangan tandatangani ttd tte bsre pegawai pns asn nip letmein
    welcome selamat selamatdatang senin selasa rabu kamis jumat sabtu minggu januari februari
    maret april mei juni juli agustus september oktober november desember dragon monkey
    football sunshine princess master superman batman
    """.split()  # noqa: SIM905 - a word list reads better as text
)

_CLASSES = (
    re.compile(r"[a-z]"),
    re.compile(r"[A-Z]"),
    re.compile(r"[0-9]"),
    re.compile(r"[^a-zA-Z0-9]"),
)


def _letters(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalpha())


def passphrase_problem(passphrase: str, *, name: str = "", nip: str = "") -> str | None:
    """Why ``passphrase`` is too weak for a signing key, or None when it is acceptable."""
    p = passphrase
    if len(p) < MIN_LENGTH:
        return _("Frasa sandi minimal {n} karakter.").format(n=MIN_LENGTH)
    if p != p.strip():
        return _("Frasa sandi tidak boleh diawali atau diakhiri spasi.")
    if sum(1 for c in _CLASSES if c.search(p)) < 2:
        return _(
            "Frasa sandi harus memakai paling sedikit dua jenis karakter (huruf kecil, "
            "huruf besar, angka, atau simbol)."
        )
    if len(set(p.lower())) < 5:
        return _("Frasa sandi terlalu banyak mengulang karakter yang sama.")
    digits = "".join(ch for ch in p if ch.isdigit())
    nip_digits = nip.replace(" ", "")
    if nip_digits and (nip_digits in digits or (len(digits) >= 8 and digits in nip_digits)):
        return _("Frasa sandi tidak boleh memakai NIP.")
    core = _letters(p)
    if not core or core in COMMON_WORDS or p.lower() in COMMON_WORDS:
        return _("Frasa sandi terlalu umum dan mudah ditebak.")
    if re.fullmatch(r"(0123456789|1234567890|9876543210)+\d*", digits) and len(core) < 4:
        return _("Frasa sandi terlalu umum dan mudah ditebak.")
    name_letters = _letters(name)
    name_parts = {_letters(part) for part in re.split(r"[\s,.]+", name) if len(part) >= 3}
    if name_letters and (core == name_letters or core in name_parts):
        return _("Frasa sandi tidak boleh hanya nama Anda.")
    return None


class PassphraseGuard:
    """Counts consecutive wrong passphrases and imposes a growing pause after ``max_failures``.

    ``clock`` returns seconds (monotonic); inject a fake one in tests.
    """

    def __init__(
        self,
        max_failures: int = 5,
        pause_seconds: float = 30.0,
        max_pause_seconds: float = 15 * 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_failures = max_failures
        self.pause_seconds = pause_seconds
        self.max_pause_seconds = max_pause_seconds
        self._clock = clock
        self._failures = 0
        self._blocked_until = 0.0

    @property
    def failures(self) -> int:
        return self._failures

    def wait_seconds(self) -> float:
        """Seconds until the next try is allowed (0 when it is allowed now)."""
        return max(0.0, self._blocked_until - self._clock())

    def check(self) -> None:
        """Raise ``TooManyAttempts`` while a pause is running."""
        wait = self.wait_seconds()
        if wait > 0:
            raise TooManyAttempts(wait)

    def record_failure(self) -> float:
        """Count a wrong passphrase; return the pause now imposed (0 if none)."""
        self._failures += 1
        over = self._failures - self.max_failures
        if over < 0:
            return 0.0
        pause = min(self.max_pause_seconds, self.pause_seconds * (2**over))
        self._blocked_until = self._clock() + pause
        return pause

    def record_success(self) -> None:
        self._failures = 0
        self._blocked_until = 0.0
