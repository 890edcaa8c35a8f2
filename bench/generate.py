"""Build a realistic benchmark store of N letters (default 100,000) and cache it under bench/out/.

    .venv/bin/python -m bench.generate [--letters 100000] [--force]

The office (Kecamatan Komodo, Kabupaten Manggarai Barat) and its staff are made through the real
services (``office.setup``, ``accounts.add_person``). The letters, their review steps and their
issued numbers are then bulk-inserted with SQLAlchemy core ``executemany`` in a few large
transactions: five years of outgoing letters, mostly signed and numbered from the office's
pattern (with matching ``issued_number`` rows and ``number_counter`` so numbering continues
correctly), plus drafts, letters in review, awaiting signature and returned, each with a realistic
``holder_id``.

Bulk rows skip the per-row outbox and audit entries that the services write: this is a benchmark
store, like an archive imported from an older system, not a record of user actions. Letters in
progress get one saved revision (so ``save_draft`` continues their revision numbering); signed
letters have none. The FTS index is filled by the store's own triggers as rows go in.

The store is cached in ``bench/out/store-n<N>-g<generator>-s<schema>/`` and reused while the
generator version and the schema revision are the same; it is built in a temporary folder and
renamed into place only when complete. (Editing a migration in place does not change the key:
delete bench/out/store-* then.)
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import random
import shutil
import struct
import sys
import time
import uuid
import zlib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from bench import corpus

GENERATOR_VERSION = 4
DEFAULT_LETTERS = 100_000
SEED = 20_26
PASSWORD = "bench-naskah-2026"
OUT_DIR = Path(__file__).resolve().parent / "out"
MANIFEST = "bench-manifest.json"
CHUNK = 10_000  # letters per transaction
WORKERS = max(1, min(2, os.cpu_count() or 1))
FTS_TRIGGERS = ("letter_fts_ai", "letter_body_fts_ai")
YEARS = 5
WITA = timedelta(hours=8)  # office hours 08.00-16.00 WITA are 00.00-08.00 UTC

# Share of letters per status; the rest are signed.
STATUS_SHARES = {
    "voided": 0.005,
    "draft": 0.015,
    "in_review": 0.006,
    "awaiting_signature": 0.005,
    "returned": 0.004,
}
DELETED_DRAFT_SHARE = 0.15  # of drafts: discarded (tombstoned) ones
TYPE_WEIGHTS = {
    "surat_dinas": 30,
    "surat_undangan": 18,
    "surat_keterangan": 16,
    "rekomendasi": 8,
    "surat_tugas": 8,
    "nota_dinas": 7,
    "surat_pengantar": 5,
    "surat_edaran": 3,
    "berita_acara": 3,
    "pengumuman": 2,
}
# Codes a kecamatan uses again and again (first ones most often); checked against the shipped list.
POPULAR_CODES = [
    "000.1.5",
    "400.12.2.1",
    "800.1.11.1",
    "100.2.2.4",
    "000.1.2.3",
    "900.1.1.1",
    "400.10.2.2",
    "100.2.3.1",
    "000.5.3.1",
    "400.14.1",
    "100.3.4.2",
    "500.5.1",
    "000.1.10.2",
    "000.2.3.1",
    "100.1.4.1",
    "400.5.1",
    "100.2.2.5",
    "000.1.8.6",
    "400.7.1",
    "800.1.2",
    "100.3.9",
    "000.1.6",
    "400.3.1",
    "900.1.3",
    "000.1.7.2",
]
SIFAT_WEIGHTS = {"Biasa": 950, "Terbatas": 30, "Rahasia": 15, "Sangat Rahasia": 5}
URGENCY_WEIGHTS = {"Biasa": 85, "Segera": 12, "Sangat Segera": 3}
LAMPIRAN = ["-"] * 8 + ["1 (satu) berkas", "2 (dua) lembar", "1 (satu) eksemplar"]


@dataclass(frozen=True)
class StaffMember:
    name: str
    nip: str
    pangkat: str
    jabatan: str
    username: str
    roles: tuple[str, ...]
    head: str = ""  # username of the unit head who initials this person's letters first


CAMAT = "stefanus"
SEKCAM = "hendrikus"
BENCH_USER = "yohanes"  # a kasi: drafts, initials, sees Surat Keluar
ADMIN = StaffMember(
    "Kornelis Nggagur, A.Md",
    "199203142019031005",
    "Pengatur (II/c)",
    "Pengelola Sistem Informasi",
    "admin",
    ("admin",),
)
STAFF = [
    StaffMember(
        "Stefanus Abu, S.Sos., M.Si",
        "197206151998031007",
        "Pembina Tingkat I (IV/b)",
        "Camat Komodo",
        CAMAT,
        ("signer",),
    ),
    StaffMember(
        "Drs. Hendrikus Jehadu",
        "197511201999031003",
        "Pembina (IV/a)",
        "Sekretaris Kecamatan",
        SEKCAM,
        ("reviewer", "signer"),
    ),
    StaffMember(
        "Yohanes Jemarut, S.IP",
        "198403152009031002",
        "Penata Tingkat I (III/d)",
        "Kepala Seksi Pemerintahan",
        BENCH_USER,
        ("drafter", "reviewer"),
    ),
    StaffMember(
        "Maria Goreti Dangur, S.E",
        "198607222010012004",
        "Penata (III/c)",
        "Kepala Seksi Pemberdayaan Masyarakat dan Desa",
        "maria",
        ("drafter", "reviewer"),
    ),
    StaffMember(
        "Blasius Pandur, S.H",
        "198101102006041008",
        "Penata Tingkat I (III/d)",
        "Kepala Seksi Ketenteraman dan Ketertiban Umum",
        "blasius",
        ("drafter", "reviewer"),
    ),
    StaffMember(
        "Siti Nurhayati Hamsi, S.Sos",
        "198812052011012006",
        "Penata (III/c)",
        "Kepala Seksi Kesejahteraan Sosial",
        "siti",
        ("drafter", "reviewer"),
    ),
    StaffMember(
        "Agustinus Ndahur, S.AP",
        "197909092005011009",
        "Penata Tingkat I (III/d)",
        "Kepala Subbagian Umum dan Kepegawaian",
        "agustinus",
        ("drafter", "registrar", "reviewer"),
    ),
    StaffMember(
        "Theresia Jelalu, S.E",
        "199002182014032003",
        "Penata Muda Tingkat I (III/b)",
        "Kepala Subbagian Perencanaan dan Keuangan",
        "theresia",
        ("drafter", "reviewer"),
    ),
    StaffMember(
        "Veronika Tamur",
        "199405112019032007",
        "Pengatur (II/c)",
        "Pengadministrasi Umum",
        "veronika",
        ("drafter", "registrar"),
        "agustinus",
    ),
    StaffMember(
        "Abdul Hasan Daeng",
        "199110302015031004",
        "Pengatur Tingkat I (II/d)",
        "Pengelola Data Kependudukan",
        "abdul",
        ("drafter",),
        BENCH_USER,
    ),
    StaffMember(
        "Yosefina Laka, A.Md",
        "199607252020122005",
        "Pengatur (II/c)",
        "Operator Layanan Operasional",
        "yosefina",
        ("drafter", "registrar"),
        "maria",
    ),
    StaffMember(
        "Rofinus Mbaru",
        "198911142014031006",
        "Penata Muda (III/a)",
        "Bendahara Pengeluaran",
        "rofinus",
        ("drafter",),
        "theresia",
    ),
]


@dataclass
class Spec:
    """What is decided about a letter before its text is written (cheap, kept for all N)."""

    status: str
    letter_type: str
    created_at: datetime
    drafter: str  # username
    signer: str
    capacity: str
    chain: list[str]  # usernames who initial, in order
    letter_date: date | None = None
    signed_at: datetime | None = None
    updated_at: datetime | None = None
    deleted: bool = False
    id: str = ""
    number_seq: int = 0
    progress: int = 0  # in_review: initials given; returned: position that returned it
    extra: dict[str, Any] = field(default_factory=dict)


def store_dir(letters: int) -> Path:
    from desktop.store import migrate

    return OUT_DIR / f"store-n{letters}-g{GENERATOR_VERSION}-s{migrate.head_revision()}"


def logo_png(size: int = 240) -> bytes:
    """A regional-emblem-like PNG (a shield in two colours) made without any image library."""
    rows = bytearray()
    c = size / 2
    for y in range(size):
        rows.append(0)
        for x in range(size):
            dx, dy = abs(x - c) / c, y / size
            inside = dx < 0.85 - 0.6 * max(0.0, dy - 0.55) ** 1.2 * 2
            ring = inside and (dx > 0.75 or dy < 0.06 or dy > 0.9)
            rgb = (20, 80, 160) if ring else (230, 190, 40) if inside else (255, 255, 255)
            if inside and not ring and abs(x - c) < 6:
                rgb = (180, 30, 30)
            rows += bytes(rgb)

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(rows), 9))
        + chunk(b"IEND", b"")
    )


def uuid7_at(moment: datetime, rng: random.Random) -> str:
    """A UUIDv7 for a row made at ``moment`` (ids of an old archive carry their old time)."""
    ms = int(moment.timestamp() * 1000)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | rng.getrandbits(12) << 64
    value |= 0b10 << 62 | rng.getrandbits(62)
    return str(uuid.UUID(int=value))


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _office_time(rng: random.Random, day: date) -> datetime:
    start = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return start + timedelta(seconds=rng.randrange(8 * 3600))


def _working_day(rng: random.Random, first: date, days: int) -> date:
    while True:
        day = first + timedelta(days=rng.randrange(days))
        if day.weekday() < 5 or (day.weekday() == 5 and rng.random() < 0.1):
            return day


def _status(rng: random.Random) -> str:
    r = rng.random()
    for status, share in STATUS_SHARES.items():
        if r < share:
            return status
        r -= share
    return "signed"


def _route(rng: random.Random, drafter: StaffMember) -> tuple[str, str, list[str]]:
    """Signer, capacity and paraf chain for a letter drafted by ``drafter``."""
    if rng.random() < 0.25:  # signed by the sekcam on behalf of the camat
        signer, capacity = SEKCAM, "a.n."
        chain = [drafter.head] if drafter.head else []
    else:
        signer, capacity = CAMAT, ""
        if rng.random() < 0.01:
            capacity = rng.choice(["Plt.", "Plh."])
        chain = ([drafter.head] if drafter.head else []) + [SEKCAM]
    return signer, capacity, chain


def plan(letters: int, today: date, seed: int = SEED) -> list[Spec]:
    """Decide status, type, dates and people for every letter, ordered by creation time."""
    rng = random.Random(seed)
    drafters = [s for s in STAFF if "drafter" in s.roles]
    drafter_weights = [3 if s.head else 2 for s in drafters]
    first = today - timedelta(days=365 * YEARS)
    span = (today - first).days
    specs: list[Spec] = []
    for _ in range(letters):
        status = _status(rng)
        drafter = rng.choices(drafters, weights=drafter_weights)[0]
        signer, capacity, chain = _route(rng, drafter)
        kind = _weighted(rng, TYPE_WEIGHTS)
        if status in ("signed", "voided"):
            day = _working_day(rng, first, span)
            created = _office_time(rng, day - timedelta(days=rng.choice([0, 0, 1, 1, 2, 3, 5, 7])))
            signed = _office_time(rng, day)
            if signed <= created:
                signed = created + timedelta(minutes=rng.randint(20, 240))
            spec = Spec(
                status,
                kind,
                created,
                drafter.username,
                signer,
                capacity,
                chain,
                letter_date=day,
                signed_at=signed,
                updated_at=signed,
            )
            if status == "voided":
                spec.extra["voided_at"] = signed + timedelta(days=rng.randint(0, 10))
                spec.updated_at = spec.extra["voided_at"]
        else:
            recent = rng.random() < 0.8  # the rest are old, forgotten drafts
            back = rng.randrange(90) if recent else rng.randrange(90, span)
            created = _office_time(rng, today - timedelta(days=back))
            updated = created + timedelta(hours=rng.randint(0, 24 * min(back, 20)))
            spec = Spec(
                status, kind, created, drafter.username, signer, capacity, chain, updated_at=updated
            )
            spec.deleted = status == "draft" and rng.random() < DELETED_DRAFT_SHARE
            if status == "in_review" and not chain:
                spec.status = "awaiting_signature"
            if spec.status == "in_review":
                spec.progress = rng.randrange(len(chain))
            elif status == "returned":
                spec.progress = rng.randrange(len(chain) + 1)
        specs.append(spec)
    specs.sort(key=lambda s: s.created_at)
    for spec in specs:
        spec.id = uuid7_at(spec.created_at, rng)
    # Numbers: one yearly series, issued in signing order.
    numbered = sorted((s for s in specs if s.signed_at), key=lambda s: s.signed_at or s.created_at)
    counters: dict[int, int] = defaultdict(int)
    for spec in numbered:
        assert spec.letter_date is not None
        counters[spec.letter_date.year] += 1
        spec.number_seq = counters[spec.letter_date.year]
    return specs


@dataclass
class Context:
    people: dict[str, str]  # username -> person id
    codes: list[str]  # all current classification codes
    popular: list[str]
    pattern: str
    padding: int
    unit: str
    series: str


def _code(rng: random.Random, ctx: Context, letter_type: str) -> str:
    from desktop.letters.templates import letter_types

    default = letter_types()[letter_type].classification
    r = rng.random()
    if default and r < 0.5:
        return default
    if r < 0.88:
        return rng.choices(ctx.popular, weights=[1 / (i + 1) for i in range(len(ctx.popular))])[0]
    return rng.choice(ctx.codes)


def _steps(spec: Spec, ctx: Context, rng: random.Random) -> list[dict[str, Any]]:
    """Review steps of round 1: initials by the chain, then the signature."""
    if spec.status == "draft":
        return []
    sequence = [(u, "paraf") for u in spec.chain] + [(spec.signer, "sign")]
    acted_base = spec.created_at + timedelta(hours=1)
    rows: list[dict[str, Any]] = []
    for pos, (username, kind) in enumerate(sequence, start=1):
        state, acted, note = "pending", None, ""
        done = spec.status in ("signed", "voided")
        if done or (spec.status == "in_review" and pos <= spec.progress):
            state, acted = ("signed" if kind == "sign" else "initialled"), acted_base
        elif spec.status == "awaiting_signature" and kind == "paraf":
            state, acted = "initialled", acted_base
        elif spec.status == "returned":
            if pos <= spec.progress:
                state, acted = "initialled", acted_base
            elif pos == spec.progress + 1:
                state, acted, note = "returned", acted_base, spec.extra["return_note"]
            else:
                state = "superseded"
        if acted is not None and spec.signed_at and kind == "sign":
            acted = spec.signed_at
        acted_base += timedelta(minutes=rng.randint(10, 600))
        rows.append(
            {
                "id": uuid7_at(acted or spec.created_at, rng),
                "version": int(done),
                "deleted_at": None,
                "updated_at": acted or spec.created_at,
                "letter_id": spec.id,
                "round": 1,
                "position": pos,
                "kind": kind,
                "reviewer_id": ctx.people[username],
                "state": state,
                "note": note,
                "acted_at": acted,
            }
        )
    return rows


def _holder(spec: Spec) -> str | None:
    if spec.status in ("draft", "returned"):
        return None if spec.deleted else spec.drafter
    if spec.status == "in_review":
        return spec.chain[spec.progress]
    if spec.status == "awaiting_signature":
        return spec.signer
    return None


def build_rows(
    specs: list[Spec], start: int, ctx: Context, seed: int = SEED
) -> tuple[list[dict[str, Any]], ...]:
    """Rows for letters, review steps, issued numbers and revisions of one chunk of specs."""
    from desktop.letters.drafting import html_to_text
    from desktop.letters.numbering import format_number

    letters: list[dict[str, Any]] = []
    bodies: list[dict[str, Any]] = []
    steps: list[dict[str, Any]] = []
    numbers: list[dict[str, Any]] = []
    revisions: list[dict[str, Any]] = []
    for offset, spec in enumerate(specs):
        seq = start + offset + 1
        rng = random.Random(seed * 1_000_003 + seq)
        year = (spec.letter_date or spec.created_at.date()).year
        html = corpus.body_html(rng, spec.letter_type, year, rare=rng.random() < corpus.RARE_RATE)
        addressees = corpus.addressees(rng, spec.letter_type)
        code = _code(rng, ctx, spec.letter_type)
        number_text, number_id = "", None
        if spec.number_seq:
            assert spec.letter_date is not None and spec.signed_at is not None
            number_text = format_number(
                ctx.pattern,
                kode=code,
                seq=spec.number_seq,
                padding=ctx.padding,
                unit=ctx.unit,
                on=spec.letter_date,
            )
            number_id = uuid7_at(spec.signed_at, rng)
            voided = spec.extra.get("voided_at")
            numbers.append(
                {
                    "id": number_id,
                    "version": 1,
                    "deleted_at": None,
                    "updated_at": voided or spec.signed_at,
                    "series": ctx.series,
                    "year": spec.letter_date.year,
                    "seq": spec.number_seq,
                    "text": number_text,
                    "letter_id": spec.id,
                    "issued_at": spec.signed_at,
                    "issued_by": ctx.people[spec.signer],
                    "voided_at": voided,
                    "void_reason": "Salah alamat tujuan, diganti surat baru" if voided else "",
                    "voided_by": ctx.people[spec.signer] if voided else None,
                }
            )
        if spec.status == "returned":
            spec.extra["return_note"] = rng.choice(
                [
                    "Mohon lengkapi data jumlah penduduk per dusun.",
                    "Perbaiki dasar hukum dan tanggal kegiatan.",
                    "Lampiran belum disertakan.",
                    "Sesuaikan redaksi dengan surat Bupati terdahulu.",
                ]
            )
        in_progress = spec.status not in ("signed", "voided")
        signer_id = ctx.people[spec.signer]
        row = {
            "seq": seq,
            "id": spec.id,
            "version": 0 if in_progress else 1,
            "deleted_at": spec.updated_at if spec.deleted else None,
            "created_at": spec.created_at,
            "updated_at": spec.updated_at,
            "letter_type": spec.letter_type,
            "status": spec.status,
            "classification_code": code,
            "sifat": _weighted(rng, SIFAT_WEIGHTS),
            "urgency": _weighted(rng, URGENCY_WEIGHTS),
            "lampiran": rng.choice(LAMPIRAN),
            "hal": corpus.subject(rng, spec.letter_type, year),
            "addressees_json": json.dumps(addressees, ensure_ascii=False),
            "addressees_text": "; ".join(
                f"{a['name']} di {a['place']}" if a["place"] else a["name"] for a in addressees
            ),
            "tembusan_json": json.dumps(corpus.tembusan(rng), ensure_ascii=False),
            "drafter_id": ctx.people[spec.drafter],
            "signer_id": signer_id,
            "signer_capacity": spec.capacity,
            "signer_on_behalf_of": "Camat Komodo" if spec.capacity == "a.n." else "",
            "holder_id": ctx.people[h] if (h := _holder(spec)) else None,
            "number": number_text,
            "number_id": number_id,
            "letter_date": spec.letter_date,
            "signed_at": spec.signed_at,
            "signature_kind": "basah" if spec.signed_at else "",
            "pdf_hash": None,
            "scan_hash": None,
            "revision_no": 1 if in_progress else 0,
            "return_note": spec.extra.get("return_note", ""),
        }
        letters.append(row)
        bodies.append({"letter_id": spec.id, "body_html": html, "body_text": html_to_text(html)})
        steps += _steps(spec, ctx, rng)
        if in_progress:
            revisions.append(_revision(row, html, rng))
    return letters, bodies, steps, numbers, revisions


def _revision(row: dict[str, Any], body_html: str, rng: random.Random) -> dict[str, Any]:
    """Revision 1 of a letter in progress, with the same snapshot ``save_draft`` would store."""
    from dataclasses import asdict

    from desktop.letters.drafting import AddresseeInput, DraftInput

    data = DraftInput(
        letter_type=row["letter_type"],
        classification_code=row["classification_code"],
        sifat=row["sifat"],
        urgency=row["urgency"],
        lampiran=row["lampiran"],
        hal=row["hal"],
        addressees=[AddresseeInput(**a) for a in json.loads(row["addressees_json"])],
        body_html=body_html,
        tembusan=json.loads(row["tembusan_json"]),
        signer_id=row["signer_id"],
        signer_capacity=row["signer_capacity"],
        signer_on_behalf_of=row["signer_on_behalf_of"],
    )
    return {
        "id": uuid7_at(row["created_at"], rng),
        "letter_id": row["id"],
        "revision_no": 1,
        "author_id": row["drafter_id"],
        "created_at": row["updated_at"],
        "snapshot_json": json.dumps(asdict(data), ensure_ascii=False, sort_keys=True),
        "version": 0,
    }


def _chunks(specs: list[Spec], size: int) -> Iterator[tuple[int, list[Spec]]]:
    for start in range(0, len(specs), size):
        yield start, specs[start : start + size]


_worker_ctx: Context | None = None


def _init_worker(ctx: Context) -> None:
    global _worker_ctx
    _worker_ctx = ctx


def _build_chunk(job: tuple[int, list[Spec]]) -> tuple[list[dict[str, Any]], ...]:
    assert _worker_ctx is not None
    start, specs = job
    return build_rows(specs, start, _worker_ctx)


def _set_up_office(data_dir: Path) -> dict[str, str]:
    """Office profile, classification codes, administrator and staff through the services."""
    from desktop.letters import accounts, office
    from desktop.letters.accounts import PersonInput, Role
    from desktop.store.db import open_store

    store = open_store(data_dir)
    try:
        office_in = office.OfficeInput(
            kabupaten="Manggarai Barat",
            kecamatan="Komodo",
            place_name="Labuan Bajo",
            unit_code="Kec.KMD",
            address="Jl. Soekarno-Hatta No. 12, Labuan Bajo 86754",
            phone="(0385) 41234",
            email="kecamatan.komodo@manggaraibaratkab.go.id",
            website="komodo.manggaraibaratkab.go.id",
            logo=logo_png(),
        )

        def person(s: StaffMember) -> PersonInput:
            roles = frozenset(Role(r) for r in s.roles)
            return PersonInput(s.name, s.nip, s.pangkat, s.jabatan, s.username, roles, PASSWORD)

        _, admin_row = office.setup(store, office_in, person(ADMIN))
        admin = accounts.CurrentUser(admin_row.id, admin_row.name, frozenset({Role.ADMIN}))
        for member in STAFF:
            accounts.add_person(store, admin, person(member))
        return {p.username: p.id for p in accounts.list_people(store)}
    finally:
        store.close()


def _context(data_dir: Path, people: dict[str, str]) -> Context:
    from sqlmodel import col, select

    from desktop.letters import office
    from desktop.letters.numbering import OUTGOING
    from desktop.store.db import open_store
    from desktop.store.models import Classification

    store = open_store(data_dir)
    try:
        profile = office.get_office(store)
        with store.read() as session:
            codes = list(
                session.exec(
                    select(Classification.code).where(col(Classification.obsolete).is_(False))
                ).all()
            )
    finally:
        store.close()
    known = set(codes)
    missing = [c for c in POPULAR_CODES if c not in known]
    if missing:
        raise SystemExit(f"popular codes not in the shipped list: {missing}")
    return Context(
        people,
        sorted(codes),
        POPULAR_CODES,
        profile.number_pattern,
        profile.number_padding,
        profile.unit_code,
        OUTGOING,
    )


def _bulk_insert(data_dir: Path, specs: list[Spec], ctx: Context, log: bool) -> None:
    """Insert all rows; text is made on worker processes while this one writes to SQLite."""
    from sqlalchemy import insert

    from desktop.store.db import open_store
    from desktop.store.models import (
        IssuedNumber,
        Letter,
        LetterBody,
        LetterRevision,
        NumberCounter,
        ReviewStep,
    )

    store = open_store(data_dir)
    try:
        with store.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            # A throwaway build (renamed into place only when complete) needs no fsync per commit.
            raw.execute("PRAGMA synchronous=OFF")
            raw.execute("PRAGMA cache_size=-262144")
            # Feeding FTS5 row by row through the insert triggers costs ~10x a rebuild at the
            # end, so the triggers are set aside during the load and put back verbatim afterwards.
            trigger_sql = [
                raw.execute(
                    "SELECT sql FROM sqlite_master WHERE type='trigger' AND name=?", (name,)
                ).fetchone()[0]
                for name in FTS_TRIGGERS
            ]
            for name in FTS_TRIGGERS:
                raw.execute(f"DROP TRIGGER {name}")
            started = time.perf_counter()
            with mp.get_context().Pool(WORKERS, _init_worker, (ctx,)) as pool:
                for done, (letters, bodies, steps, numbers, revisions) in zip(
                    range(CHUNK, len(specs) + CHUNK, CHUNK),
                    pool.imap(_build_chunk, _chunks(specs, CHUNK)),
                    strict=True,
                ):
                    with conn.begin():
                        conn.execute(insert(Letter), letters)
                        conn.execute(insert(LetterBody), bodies)
                        conn.execute(insert(ReviewStep), steps)
                        if numbers:
                            conn.execute(insert(IssuedNumber), numbers)
                        if revisions:
                            conn.execute(insert(LetterRevision), revisions)
                    if log:
                        elapsed = time.perf_counter() - started
                        print(f"  {min(done, len(specs)):>7} letters  {elapsed:6.1f} s", flush=True)
            last: dict[int, int] = defaultdict(int)
            for spec in specs:
                if spec.letter_date and spec.number_seq:
                    year = spec.letter_date.year
                    last[year] = max(last[year], spec.number_seq)
            counters = [{"series": ctx.series, "year": y, "last_seq": n} for y, n in last.items()]
            with conn.begin():
                conn.execute(insert(NumberCounter), counters)
                conn.exec_driver_sql("INSERT INTO letter_fts(letter_fts) VALUES ('rebuild')")
                # 'rebuild' leaves the whole index as one segment at the lowest level, where the
                # first few saves' automerge folds it into theirs: one save of ~0.3 s and a few
                # of ~15 ms, once, which a store in daily use paid long ago (measured on 5
                # December 2026: save p95 13 ms with them, 5 ms without). 'optimize' puts it
                # where a store's own history would.
                conn.exec_driver_sql("INSERT INTO letter_fts(letter_fts) VALUES ('optimize')")
                for sql in trigger_sql:
                    conn.exec_driver_sql(sql)
            if log:
                print(f"  index rebuilt  {time.perf_counter() - started:6.1f} s", flush=True)
            # A store in daily use has planner statistics as fresh as the app keeps them: if its
            # migrations keep statistics at all (sqlite_stat1 exists), bring them up to date as
            # the app's own upkeep (PRAGMA optimize) eventually would; if not, leave none.
            has_stats = raw.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='sqlite_stat1'"
            ).fetchone()
            if has_stats:
                raw.execute("ANALYZE")
                if log:
                    print(f"  analyzed  {time.perf_counter() - started:6.1f} s", flush=True)
            raw.execute("PRAGMA synchronous=FULL")
            raw.execute("PRAGMA cache_size=-32000")
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        store.close()


def _check(data_dir: Path, letters: int) -> dict[str, int]:
    import sqlite3

    from desktop.store.db import DB_NAME

    con = sqlite3.connect(data_dir / DB_NAME)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("letter", "review_step", "issued_number", "letter_revision", "person")
        }
        # The FTS index is external-content: check the trigger actually filled it.
        fts = con.execute(
            "SELECT count(*) FROM letter_fts WHERE letter_fts MATCH ?", (f'"{corpus.RARE_WORD}"',)
        ).fetchone()[0]
    finally:
        con.close()
    if counts["letter"] != letters or fts == 0:
        raise SystemExit(f"benchmark store incomplete: {counts}, fts rare hits {fts}")
    counts["fts_rare_hits"] = fts
    return counts


def build(letters: int, target: Path, *, log: bool = True) -> None:
    """Build a store of ``letters`` letters into ``target`` (which must not exist)."""
    from desktop.store import clock

    tmp = target.with_name(target.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    started = time.perf_counter()
    people = _set_up_office(tmp)
    ctx = _context(tmp, people)
    today = clock.today()
    specs = plan(letters, today)
    if log:
        print(f"office, staff and plan ready in {time.perf_counter() - started:.1f} s", flush=True)
    _bulk_insert(tmp, specs, ctx, log)
    counts = _check(tmp, letters)
    elapsed = time.perf_counter() - started
    manifest = {
        "letters": letters,
        "generator_version": GENERATOR_VERSION,
        "seed": SEED,
        "built_on": today.isoformat(),
        "build_seconds": round(elapsed, 1),
        "password": PASSWORD,
        "bench_user": BENCH_USER,
        "camat": CAMAT,
        "people": people,
        "counts": counts,
        "common_word": corpus.COMMON_WORD,
        "rare_word": corpus.RARE_WORD,
    }
    (tmp / MANIFEST).write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    os.replace(tmp, target)
    if log:
        print(f"built {target} in {elapsed:.1f} s: {counts}", flush=True)


def ensure_store(letters: int = DEFAULT_LETTERS, *, force: bool = False, log: bool = True) -> Path:
    """The cached store for ``letters`` letters, built first if missing (or if ``force``)."""
    from filelock import FileLock

    target = store_dir(letters)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    with FileLock(str(target.with_name(target.name + ".lock"))):  # one builder at a time
        if force:
            shutil.rmtree(target, ignore_errors=True)
        if not (target / MANIFEST).exists():
            build(letters, target, log=log)
        elif log:
            print(f"reusing {target}", flush=True)
    return target


def manifest(data_dir: Path) -> dict[str, Any]:
    return dict(json.loads((data_dir / MANIFEST).read_text(encoding="utf-8")))


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench.generate", description=__doc__.split("\n")[0])
    p.add_argument("--letters", type=int, default=DEFAULT_LETTERS)
    p.add_argument("--force", action="store_true", help="rebuild even if cached")
    args = p.parse_args(argv)
    ensure_store(args.letters, force=args.force)
    return 0


if __name__ == "__main__":
    sys.exit(main())
