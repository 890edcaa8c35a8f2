"""The contract that the desktop store and the central server share.

Entity kinds, which fields of each kind travel, which records become immutable and the letter
lifecycle live here once, so that the client and the server cannot disagree about them.
"""

from __future__ import annotations

from enum import StrEnum

PROTOCOL_VERSION = 1


class Entity(StrEnum):
    OFFICE = "office"
    PERSON = "person"
    CLASSIFICATION = "classification"
    LETTER = "letter"
    REVIEW_STEP = "review_step"
    LETTER_REVISION = "letter_revision"
    ISSUED_NUMBER = "issued_number"
    AUDIT = "audit"


class Op(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


class LetterStatus(StrEnum):
    DRAFT = "draft"  # with its drafter
    IN_REVIEW = "in_review"  # waiting for a reviewer's initials (paraf)
    RETURNED = "returned"  # sent back to the drafter with a note
    AWAITING_SIGNATURE = "awaiting_signature"  # all initials given, with the signer
    SIGNED = "signed"  # numbered and immutable
    VOIDED = "voided"  # signed, then its number voided with a reason


# Allowed lifecycle moves. A signed or voided letter never goes back.
LETTER_TRANSITIONS: dict[LetterStatus, frozenset[LetterStatus]] = {
    LetterStatus.DRAFT: frozenset({LetterStatus.IN_REVIEW, LetterStatus.AWAITING_SIGNATURE}),
    LetterStatus.RETURNED: frozenset({LetterStatus.IN_REVIEW, LetterStatus.AWAITING_SIGNATURE}),
    LetterStatus.IN_REVIEW: frozenset(
        {LetterStatus.IN_REVIEW, LetterStatus.AWAITING_SIGNATURE, LetterStatus.RETURNED}
    ),
    LetterStatus.AWAITING_SIGNATURE: frozenset({LetterStatus.SIGNED, LetterStatus.RETURNED}),
    LetterStatus.SIGNED: frozenset({LetterStatus.VOIDED}),
    LetterStatus.VOIDED: frozenset(),
}

# Statuses whose letter content may no longer change.
IMMUTABLE_LETTER_STATUSES = frozenset({LetterStatus.SIGNED, LetterStatus.VOIDED})

# Entity kinds whose records never change once written.
IMMUTABLE_ENTITIES = frozenset({Entity.AUDIT, Entity.LETTER_REVISION})


def can_transition(current: LetterStatus, new: LetterStatus) -> bool:
    return new in LETTER_TRANSITIONS[current]
