"""Words of the shared contract that the letters show without the rest of it: the letter
statuses, the signature kinds, the Indonesian month names and which sifat is public.

``sync.protocol`` re-exports every name here (import them from either); this module needs
nothing beyond the standard library, so ``naskah verify`` and the date and zone helpers can use
them without loading pydantic.
"""

from __future__ import annotations

from enum import StrEnum


class LetterStatus(StrEnum):
    DRAFT = "draft"  # with its drafter
    IN_REVIEW = "in_review"  # waiting for a reviewer's initials (paraf)
    RETURNED = "returned"  # sent back to the drafter with a note
    AWAITING_SIGNATURE = "awaiting_signature"  # all initials given, with the signer
    SIGNED = "signed"  # numbered and immutable
    VOIDED = "voided"  # signed, then its number voided with a reason


class SignatureKind(StrEnum):
    """``letter.signature_kind`` and ``letter_signature.kind``."""

    WET = "basah"  # signed by hand on paper; the PDF carries no signature
    INTERNAL = "tte_internal"  # PAdES signature with a certificate from the organisation's CA
    BSRE = "tte_bsre"  # PAdES signature made by BSrE's signing service


# How each kind is named to people (Bahasa Indonesia; the app may translate these).
SIGNATURE_KIND_TEXT: dict[str, str] = {
    SignatureKind.WET.value: "Tanda tangan basah",
    SignatureKind.INTERNAL.value: "TTE internal",
    SignatureKind.BSRE.value: "TTE BSrE",
}


# Month names as letters and the verification page print dates ("3 Maret 2026").
INDONESIAN_MONTHS: tuple[str, ...] = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


# Sifat (confidentiality) values whose letters the public verification page describes in full;
# for every other sifat it says only "valid" or "not valid".
PUBLIC_SIFAT = frozenset({"Biasa"})
