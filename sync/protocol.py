"""The contract that the desktop store and the central server share.

Entity kinds, which fields of each kind travel, which records become immutable and the letter
lifecycle live here once, so that the client and the server cannot disagree about them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from datetime import datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    Field,
    PrivateAttr,
    field_validator,
    model_validator,
)

from sync.chain import audit_mutation_id, lengthen

# The words both sides and the letters use, kept where importing them costs no pydantic.
from sync.vocabulary import INDONESIAN_MONTHS as INDONESIAN_MONTHS
from sync.vocabulary import PUBLIC_SIFAT as PUBLIC_SIFAT
from sync.vocabulary import SIGNATURE_KIND_TEXT as SIGNATURE_KIND_TEXT
from sync.vocabulary import LetterStatus as LetterStatus
from sync.vocabulary import SignatureKind as SignatureKind

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
    CONFLICT = "conflict"  # made by the server when both sides changed the same field
    LETTER_SIGNATURE = "letter_signature"  # one electronic signature on a letter (insert-only)
    # Incoming letters and dispositions (desktop/store/incoming_models.py).
    SENDER = "sender"
    INCOMING_LETTER = "incoming_letter"
    INCOMING_SCAN = "incoming_scan"
    LETTER_LINK = "letter_link"
    DISPOSITION = "disposition"
    DISPOSITION_NOTE = "disposition_note"
    DISPOSITION_INSTRUCTION = "disposition_instruction"
    # Filing and retention (desktop/store/filing_models.py).
    BERKAS = "berkas"
    BERKAS_ITEM = "berkas_item"
    RETENTION_RULE = "retention_rule"
    # A signed letter delivered to another office through the server (one record per
    # recipient office, in the sender's namespace and, once sent, in the recipient's).
    DELIVERY = "delivery"


class Op(StrEnum):
    UPSERT = "upsert"
    DELETE = "delete"


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
IMMUTABLE_ENTITIES = frozenset(
    {Entity.AUDIT, Entity.LETTER_REVISION, Entity.LETTER_SIGNATURE, Entity.DISPOSITION_NOTE}
)

# An image in a letter's body is one of the letter's own files: a blob the body names as
# <img src="naskah-gambar:<sha256>">. It travels like an attachment (uploaded before the record
# that names it, fetched after), so the fields that may name one are searched for it.
BODY_IMAGE_SCHEME = "naskah-gambar"
BODY_IMAGE_FIELDS: dict[Entity, str] = {
    Entity.LETTER: "body_html",
    Entity.LETTER_REVISION: "snapshot_json",  # the body as it was, inside the snapshot's JSON
}
_BODY_IMAGE_RE = re.compile(re.escape(BODY_IMAGE_SCHEME) + r":([0-9a-f]{64})\b")


def body_image_refs(entity: Entity | str, fields: dict[str, Any]) -> set[str]:
    """The blobs (SHA-256 hex) of the images a record's body names."""
    name = BODY_IMAGE_FIELDS.get(entity)  # type: ignore[arg-type]  # a StrEnum key: str works
    text = fields.get(name) if name else None
    return set(_BODY_IMAGE_RE.findall(text)) if isinstance(text, str) else set()


def can_transition(current: LetterStatus, new: LetterStatus) -> bool:
    return new in LETTER_TRANSITIONS[current]


# Access by sifat on the server (docs/sync-protocol.md, "Access by sifat"): a record of a
# letter whose sifat is not in PUBLIC_SIFAT reaches only devices used by a person on that
# letter. The letter kinds are the roots; the fields of a root that name people on it:
ACCESS_ROOTS: dict[Entity, tuple[str, ...]] = {
    Entity.LETTER: ("drafter_id", "signer_id", "holder_id"),
    Entity.INCOMING_LETTER: ("registered_by", "addressed_to_id"),
}
# Records that belong to a letter, through the field naming their parent (a disposition note
# belongs to a disposition, which belongs to an incoming letter).
ACCESS_PARENTS: dict[Entity, tuple[Entity, str]] = {
    Entity.REVIEW_STEP: (Entity.LETTER, "letter_id"),
    Entity.LETTER_REVISION: (Entity.LETTER, "letter_id"),
    Entity.LETTER_SIGNATURE: (Entity.LETTER, "letter_id"),
    Entity.INCOMING_SCAN: (Entity.INCOMING_LETTER, "incoming_id"),
    Entity.DISPOSITION: (Entity.INCOMING_LETTER, "incoming_id"),
    Entity.DISPOSITION_NOTE: (Entity.DISPOSITION, "disposition_id"),
}
# Records that put more people on their letter: its reviewers, everyone a disposition reaches.
ACCESS_READERS: dict[Entity, tuple[str, ...]] = {
    Entity.REVIEW_STEP: ("reviewer_id",),
    Entity.DISPOSITION: ("from_id", "to_id"),
}
MAX_DEVICE_USERS = 500  # people a device may name as its users (SyncRequest.users)


# --- The wire contract ---------------------------------------------------------------------
# Pydantic models for every message, shared by the client engine and the server. See
# docs/sync-protocol.md for the reasoning and the rules around them.

SERVICE_NAME = "naskah-sync"
MIN_CLIENT_PROTOCOL = 1
MARKER_HEADER = "X-Naskah-Sync"  # set on every real server response; its value: PROTOCOL_VERSION
CLIENT_PROTOCOL_HEADER = "X-Naskah-Protocol"  # the client's protocol version, on every request
BATCH_SIZE = 200  # mutations per sync request (and changes per response) of a protocol-1 peer
# Byte-sized batches (docs/sync-protocol.md, "Batches by bytes"): a server announces its
# ``Limits`` in every sync answer; a client that knows them fills each request up to them, and
# asks for answer pages of up to ``page_bytes`` of JSON. These are what a client assumes before
# it has heard them, and what a server announces by default.
MAX_MUTATIONS = 5000  # mutations per sync request a server takes by default
MAX_PAGE = 5000  # changes per answer page, when the request names ``page_bytes``
REQUEST_BYTES = 4 * 1024 * 1024  # JSON bytes (before gzip) a client puts in one request
PAGE_BYTES = 4 * 1024 * 1024  # JSON bytes (before gzip) of changes in one answer page
# Bounds every message respects (and sync.schema checks inside records): ids are 1-64 printable
# ASCII characters; counters fit a 32-bit column, the change-log cursor a 64-bit one.
MAX_ID = 64
ID_PATTERN = r"^[\x21-\x7e]{1,64}$"
MAX_INT = 2**31 - 1
MAX_CURSOR = 2**63 - 1
# Number series a request may ask leases for (``SyncRequest.series_wanted``): at most this many
# are considered, each a lowercase name with at most one "/<letter type>" part ("keluar",
# "keluar/surat_dinas"); the server ignores the others.
MAX_SERIES_WANTED = 32
SERIES_PATTERN = r"^[a-z0-9_]{1,32}(/[a-z0-9_]{1,31})?$"
# The most unused numbers a device may ask to hold per series (``SyncRequest.lease_reserve``,
# a PC going offline for long); each server caps it lower with its own setting.
MAX_LEASE_RESERVE = 10_000

# Fields that always differ between edits and never make a conflict by themselves.
MERGE_IGNORED = frozenset({"updated_at"})

# Per-entity counters that never make a conflict: both sides' values are merged by taking the
# larger. A letter's ``revision_no`` counts saved revisions on each PC; the revisions themselves
# are insert-only ``letter_revision`` records, so two PCs saving the same letter only disagree
# about the counter. Only the entities named here are affected: audit entries and revisions
# stay insert-only.
MERGE_IGNORED_BY_ENTITY: dict[Entity, frozenset[str]] = {
    Entity.LETTER: frozenset({"revision_no"}),
}


def merge_ignored(entity: Entity) -> frozenset[str]:
    """Fields of ``entity`` that never make a conflict by themselves."""
    return MERGE_IGNORED | MERGE_IGNORED_BY_ENTITY.get(entity, frozenset())


# Once a letter is signed, only these fields may still change (voiding, the archive scan,
# housekeeping, and the document timestamp added after an offline signature); any other write is
# rejected and kept by the client as a new draft copy. ``pdf_hash`` may only change together with
# ``timestamped_at`` going from empty to set, and the server also requires the new PDF to be the
# old one with bytes appended (an incremental update), see ``pdf_extension_allowed``.
LETTER_FIELDS_AFTER_SIGNING = frozenset(
    {"status", "scan_hash", "holder_id", "updated_at", "version", "pdf_hash", "timestamped_at"}
    # The reference a national system (SRIKANDI) gave the letter after it was handed off.
    | {"srikandi_ref"}
)


class Limits(BaseModel):
    """What one request to this server may carry (announced in hello and every sync answer)."""

    max_mutations: int = BATCH_SIZE  # mutations in one sync request
    max_body: int = 16 * 1024 * 1024  # bytes of a request body after gunzip
    max_page: int = BATCH_SIZE  # changes in one answer page (a request with ``page_bytes``)
    max_chunk: int = 8 * 1024 * 1024  # bytes of blob data in one upload request
    # The server takes a run of audit entries in short form (``SyncRequest.audit``). Absent
    # (an older server, which ignores the field): audit entries go as mutations.
    audit_run: bool = False


class Hello(BaseModel):
    service: Literal["naskah-sync"]
    protocol: int
    min_client_protocol: int
    server_id: str
    server_time: datetime
    limits: Limits | None = None  # absent: an older server (protocol-1 defaults)


def device_public_key(value: str | None) -> str | None:
    """``value`` if it is None or a PEM EC P-256 public key (a device's bundle-signing key);
    ValueError otherwise."""
    if value is not None:
        from sync.sealing import SealBroken, load_public

        try:
            load_public(value)
        except SealBroken as exc:
            raise ValueError("device_key is not an EC P-256 public key") from exc
    return value


class EnrollRequest(BaseModel):
    office_code: str = Field(max_length=MAX_ID)
    enrol_code: str = Field(max_length=MAX_ID)
    device_name: str = Field(max_length=120)
    # This device's bundle-signing public key (PEM, EC P-256), made before it enrols: the
    # server keeps it with the new device, so the device's first bundle is checked against it
    # even if it never syncs online. None (older clients): the key comes with the first sync.
    device_key: str | None = Field(default=None, max_length=1024)

    @field_validator("device_key")
    @classmethod
    def _a_real_key(cls, value: str | None) -> str | None:
        return device_public_key(value)


class EnrollResponse(BaseModel):
    device_id: str
    office_id: str
    office_code: str
    token: str
    # An office hub's answer names the central server it syncs with, so a PC enrolled through
    # the hub can sync with central itself when away from the office (roaming). None at
    # central, and from older hubs.
    central_url: str | None = Field(default=None, max_length=2048)


Id = Annotated[str, Field(pattern=ID_PATTERN)]
Count = Annotated[int, Field(ge=0, le=MAX_INT)]


class Mutation(BaseModel):
    mutation_id: Id  # made by the client; the server stores each result under it
    entity: Entity
    entity_id: Id
    op: Op
    base_version: Count  # the server version the client edited (0: never synced)
    fields: dict[str, Any]  # checked against the entity's schema (sync.schema)
    # Set when ``fields`` is the device's whole copy of the record exactly as version
    # ``base_version`` of a restored hub's old log gave it, sent back while it reconciles
    # (docs/office-hub.md, "Restoring a hub from its backup"). None: an edit. Central ignores it.
    copy_of: int | None = Field(default=None, ge=1, le=MAX_INT)


class AckStatus(StrEnum):
    APPLIED = "applied"  # written as sent
    MERGED = "merged"  # written, merged with other changes made since base_version
    CONFLICT = "conflict"  # same field changed on both sides (or edit vs delete): both kept
    REJECTED = "rejected"  # write to an immutable record, or a number outside a lease


class Ack(BaseModel):
    mutation_id: str
    status: AckStatus
    entity: Entity
    entity_id: str
    version: int  # the record's server version after this mutation
    record: dict[str, Any] | None = None  # the server's fields when they differ from the sent
    conflict_id: str | None = None
    reason: str = ""


class Change(BaseModel):
    seq: int
    entity: Entity
    entity_id: str
    version: int
    op: Op
    fields: dict[str, Any]


class LeaseGrant(BaseModel):
    series: str
    year: int
    start: int  # first sequence number the device may issue
    end: int  # last one (inclusive)
    epoch: int  # grows with every grant to this device; older grants are void


class LeaseClaim(BaseModel):
    """A number lease a device says it holds (``SyncRequest.leases_held``): sent only while it
    reconciles with an office hub restored from a backup, which may have forgotten the
    sub-lease (docs/office-hub.md, "Restoring a hub from its backup")."""

    series: str = Field(pattern=SERIES_PATTERN)
    year: int = Field(ge=1, le=9999)
    start: int = Field(ge=1, le=MAX_INT)
    end: int = Field(ge=1, le=MAX_INT)
    epoch: Count


MAX_LEASES_HELD = 4 * MAX_SERIES_WANTED


class AuditItem(BaseModel):
    """One audit entry of a run in short form (docs/sync-protocol.md, "Audit entries in short
    form"): its content, and ``prev_hash`` / ``hash`` only where the server cannot derive them
    (a broken link, an entry changed after it was made)."""

    id: Id
    # Text as the full form carries it; sync.schema checks each entry once it is a mutation
    # (an entry that does not fit is acked ``rejected``, as in the full form).
    at: str  # ISO 8601
    actor_id: str | None = None
    action: str
    entity: str
    entity_id: str
    detail_json: str
    prev_hash: str | None = None
    hash: str | None = None


class AuditRun(BaseModel):
    """A device's audit entries in chain order, in short form: the server makes them the same
    ``audit`` mutations the full form carries (``audit_mutations``)."""

    prev_hash: str  # the chain's hash before the first entry
    entries: list[AuditItem] = Field(min_length=1)
    _full: list[dict[str, Any]] = PrivateAttr(default_factory=list)  # what the validator made

    @model_validator(mode="after")
    def _hashes_derivable(self) -> AuditRun:
        self._full = lengthen(self.prev_hash, (vars(e) for e in self.entries))  # ValueError: 422
        return self


def audit_mutations(run: AuditRun, device_id: str) -> list[Mutation]:
    """The run's entries as the mutations of the full form, for ``device_id`` (the entries
    were checked as the run was parsed: the mutations are built without checking again)."""
    fields = run._full or lengthen(run.prev_hash, (vars(e) for e in run.entries))
    return [
        Mutation.model_construct(
            mutation_id=audit_mutation_id(device_id, f["id"]),
            entity=Entity.AUDIT,
            entity_id=f["id"],
            op=Op.UPSERT,
            base_version=0,
            fields=f,
        )
        for f in fields
    ]


class SyncRequest(BaseModel):
    cursor: int = Field(ge=0, le=MAX_CURSOR)
    mutations: list[Mutation] = Field(default_factory=list)
    # The newest lease epoch this device holds; 0 after a restore from a backup (every lease
    # is voided and fresh ones granted). Absent: the device claims nothing, nothing is voided.
    lease_epoch: Count | None = None
    # Number series this device may issue from (its office settings); the server tops up a
    # lease for each (see SERIES_PATTERN, MAX_SERIES_WANTED). Empty: the server's default only.
    series_wanted: list[str] = Field(default_factory=list, max_length=4 * MAX_SERIES_WANTED)
    # This device's number for this request, higher than any it sent before (a retry takes a
    # new one). The server applies nothing new from a request numbered at or below the highest
    # it has taken from the device: it arrived late, after a newer one. None (older clients):
    # no ordering.
    request_seq: int | None = Field(default=None, ge=1, le=MAX_CURSOR)
    # Unused numbers the device asks to hold in each series it leases (its administrator's
    # request before a long time offline): the server tops each up to this many, capped by its
    # own limit (``lease_reserve_max``). None: the server's usual blocks.
    lease_reserve: int | None = Field(default=None, ge=1, le=MAX_LEASE_RESERVE)
    # The request number of the newest answer this device has applied (0: none yet). The
    # server then forgets the acks that answer carried (docs/sync-protocol.md, "Pruning
    # acks"). None (older clients): nothing is confirmed, nothing pruned.
    answered_seq: int | None = Field(default=None, ge=0, le=MAX_CURSOR)
    # This device's bundle-signing public key (PEM, EC P-256), sent until the device holds the
    # server's key: the server keeps the first one and checks every bundle against it.
    device_key: str | None = Field(default=None, max_length=1024)
    # The people who use this device (who have logged in on it). Records of letters above
    # Biasa reach the device only when one of them is on the letter; None (older clients):
    # nobody, so such records are held back until the device names its users.
    users: list[Id] | None = Field(default=None, max_length=MAX_DEVICE_USERS)
    # The JSON bytes of changes the client takes in one answer page; the server fills the page
    # up to it and to its ``max_page`` changes. Absent (older clients): pages of ``page_size``.
    page_bytes: int | None = Field(default=None, ge=1, le=MAX_INT)
    # This device's audit entries in short form, after ``mutations`` (a server that announces
    # ``limits.audit_run``). None: audit entries, if any, are among ``mutations``.
    audit: AuditRun | None = None
    # The change log (a hub's ``SyncResponse.log_id``) that the base versions of this
    # request's mutations were read in, as the device last knew it; None: the server's own.
    # An office hub restored from a backup takes the bases of a request that names the log it
    # had before the restore as the versions its records had at the restore (a version the old
    # log gave after the backup means nothing in the new one). Central ignores it.
    base_log: str | None = Field(default=None, max_length=64)
    # The number leases this device holds, sent while it reconciles with a hub restored from
    # a backup (the hub takes those it forgot that lie inside its own blocks). None: not sent.
    leases_held: list[LeaseClaim] | None = Field(default=None, max_length=MAX_LEASES_HELD)

    @field_validator("device_key")
    @classmethod
    def _a_real_key(cls, value: str | None) -> str | None:
        return device_public_key(value)


class SyncResponse(BaseModel):
    acks: list[Ack]
    changes: list[Change]
    cursor: int
    more: bool
    leases: list[LeaseGrant] = Field(default_factory=list)
    server_time: datetime
    # The number of the CA's newest revocation list (0: no CA). A device holding an older one
    # fetches ``GET /api/v1/pki/trust`` after the sync.
    crl_number: int = 0
    # The highest request number the server has taken from this device, and whether this
    # request was behind it (then only mutations already applied were acknowledged, and no
    # lease was voided or granted; the client raises its own number and sends again).
    request_seq: int = 0
    late: bool = False
    # The server's public key (PEM), answering a request that sent ``device_key``: replies to
    # this device's bundles are signed with it.
    server_key: str = ""
    # With ``server_key``: the office's verification-code key (hex), see office_verify_code.
    office_key: str = ""
    # How many offices the server has: a device whose cached directory of offices
    # (``GET /api/v1/offices``) holds another number fetches it again (0: not told).
    office_count: int = 0
    # Who answered (as ``Hello.server_id``) and what its requests may carry: a client that has
    # met the server before sends its first sync request without a hello and checks these.
    server_id: str = ""
    limits: Limits | None = None
    # The change log that ``cursor`` counts in, where a server's log can be replaced: an office
    # hub's own (a hub rebuilt from central has a new one). A client that sent a cursor of
    # another log pulls again from 0. Empty at central: one log for the server's life.
    log_id: str = Field(default="", max_length=64)
    # The log ``log_id`` continues, where a hub was restored from a backup made in that log: a
    # device whose versions count in it reconciles its records with the hub (docs/office-hub.md,
    # "Restoring a hub from its backup"). Empty: none.
    log_from: str = Field(default="", max_length=64)
    # From a hub restored from a backup of ``log_from``: for the records of ``changes`` it knows
    # it for, the newest version of that old log whose content the record holds
    # ("entity/entity_id" -> version). A reconciling device whose own copy counts no higher
    # there takes the hub's record instead of sending its older copy back.
    old_versions: dict[str, int] = Field(default_factory=dict)


# --- Delivery between offices (docs/sync-protocol.md, "Delivery between offices") -----------


class DeliveryState(StrEnum):
    """Where a letter delivered to another office is. Moves forward only."""

    WAITING = "menunggu"  # addressed on the sender's PC; not on its way yet
    SENT = "terkirim"  # the server holds it for the recipient office
    RECEIVED = "diterima"  # the recipient office registered it
    READ = "dibaca"  # someone there opened it after registering


DELIVERY_ORDER: tuple[DeliveryState, ...] = tuple(DeliveryState)
# The fields of a delivery record the recipient office may change, once it is sent.
DELIVERY_RECIPIENT_FIELDS = frozenset(
    {"state", "received_at", "read_at", "incoming_letter_id", "updated_at"}
)
MAX_DELIVERY_PDF = 50 * 1024 * 1024  # bytes of a delivered PDF (the server's default limit)


def delivery_rank(state: object) -> int:
    """The position of ``state`` in DELIVERY_ORDER (-1: not a state)."""
    try:
        return DELIVERY_ORDER.index(DeliveryState(str(state)))
    except ValueError:
        return -1


class OfficeEntry(BaseModel):
    """One office of the server's directory (``GET /api/v1/offices``)."""

    id: str
    code: str
    name: str


class OfficeDirectory(BaseModel):
    offices: list[OfficeEntry]


class DeliveryRequest(BaseModel):
    """Send the delivery record ``delivery_id`` of the device's office (its letter must be
    signed electronically and on the server with its signature records and PDF)."""

    delivery_id: Id


class DeliveryAccepted(BaseModel):
    delivery_id: str
    recipient_office_id: str
    state: DeliveryState
    sent_at: datetime
    pdf_hash: str


MAX_BUNDLE_DELIVERIES = 500  # deliveries one USB bundle may carry (the rest go in the next)


class BundleDelivery(DeliveryRequest):
    """A delivery carried in a USB bundle (``body.deliveries``): the HTTP request's body plus
    what the sender's PC meant to send, which the server checks against its own records (the
    bundle's device's office must be the sender; the letter's PDF must be this one)."""

    sender_office_id: Id
    letter_id: Id
    pdf_hash: str = Field(pattern=r"^[0-9a-f]{64}$")


class DeliveryOutcome(BaseModel):
    """What became of a delivery a bundle carried (``body.deliveries`` of the reply): sent
    (``accepted``), or refused with the reason a clerk reads (``problem``)."""

    delivery_id: str = Field(max_length=MAX_ID)
    accepted: DeliveryAccepted | None = None
    problem: str = Field(default="", max_length=2000)


# --- Signing certificates and trust (docs/sync-protocol.md, "Signing") -----------------------


class TrustMaterial(BaseModel):
    """What a device needs to check signatures offline: the root, the TSA, the newest CRL."""

    root_pem: str
    tsa_pem: str
    crl_pem: str
    crl_number: int
    public_url: str  # base of verification addresses: f"{public_url}/v/{verify_code}"


class CertificateRequest(BaseModel):
    person_id: Id  # a person of the device's office with the signer role, already synced
    csr_pem: str = Field(max_length=8192)


class CertificateIssued(BaseModel):
    person_id: str
    certificate_pem: str
    chain_pem: str  # the issuing root
    serial: str  # lowercase hex
    not_after: datetime


TIMESTAMP_QUERY_TYPE = "application/timestamp-query"
MAX_TIMESTAMP_QUERY = 16 * 1024  # bytes of a DER TimeStampReq (one is about a hundred)
# The request header that names what a timestamp query is for (a letter's id): an office hub
# that holds the query while central is unreachable keeps one per letter (``sync.hub.forward``).
QUERY_KEY_HEADER = "X-Naskah-Timestamp-For"
TIMESTAMP_REPLY_TYPE = "application/timestamp-reply"
VERIFY_CODE_PATTERN = r"^[a-z2-7]{20}$"  # base32, 100 bits; in the QR address /v/<code>


def office_verify_code(office_key: bytes, letter_id: str) -> str:
    """The verification code of a letter: 100 bits of HMAC-SHA256 under the office's code key
    (which the server gives the office's PCs), so no other office can claim it. A PC that does
    not hold the key yet makes a random code; the server lets such a code yield to this one."""
    mac = hmac.new(office_key, letter_id.encode(), hashlib.sha256).digest()
    return base64.b32encode(mac).decode("ascii").lower()[:20]


def letter_write_allowed(current: dict[str, Any], new: dict[str, Any]) -> bool:
    """May ``new`` be written over the letter ``current``? Signed letters barely change."""
    if current.get("status") not in {s.value for s in IMMUTABLE_LETTER_STATUSES}:
        return True
    changed = {k for k, v in new.items() if current.get(k) != v}
    if not changed <= LETTER_FIELDS_AFTER_SIGNING:
        return False
    if {"pdf_hash", "timestamped_at"} & changed and not (
        current.get("timestamped_at") is None and new.get("timestamped_at") is not None
    ):
        return False  # the PDF changes once only, when its document timestamp is added
    status = str(new.get("status", current["status"]))
    return status == current["status"] or can_transition(
        LetterStatus(current["status"]), LetterStatus(status)
    )


def pdf_extension_allowed(old_pdf: bytes, new_pdf: bytes) -> bool:
    """Is ``new_pdf`` ``old_pdf`` with an incremental update appended (what a timestamp adds)?"""
    return len(new_pdf) > len(old_pdf) and new_pdf.startswith(old_pdf)
