"""How a letter's status and signature kind are named to people, and the reason every
electronic signature carries, with nothing heavier than the standard library behind them.

``queries`` (the lists), ``signed_letters``/``esign`` (signing) and ``verification`` (``naskah
verify``, which must start quickly) share these; import them from here or from those modules.
"""

from __future__ import annotations

from desktop.i18n import N_, _
from sync.vocabulary import SIGNATURE_KIND_TEXT, LetterStatus

STATUS_LABELS: dict[str, str] = {
    LetterStatus.DRAFT.value: N_("Konsep"),
    LetterStatus.IN_REVIEW.value: N_("Menunggu paraf"),
    LetterStatus.RETURNED.value: N_("Dikembalikan"),
    LetterStatus.AWAITING_SIGNATURE.value: N_("Menunggu tanda tangan"),
    LetterStatus.SIGNED.value: N_("Ditandatangani"),
    LetterStatus.VOIDED.value: N_("Dibatalkan"),
}

# Part of the signed letter (its signature's reason), so never translated: a letter stays in
# Bahasa Indonesia whatever language the UI speaks. Verification reads the number back from it.
SIGNING_REASON = "Menandatangani naskah dinas nomor {n}"


def status_label(status: str) -> str:
    """The status shown to people ("Menunggu paraf"); an unknown value as it is."""
    return _(STATUS_LABELS[status]) if status in STATUS_LABELS else status


def kind_label(kind: str) -> str:
    """The signature kind shown to people ("TTE internal"); an unknown value as it is."""
    return _(SIGNATURE_KIND_TEXT[kind]) if kind in SIGNATURE_KIND_TEXT else kind
