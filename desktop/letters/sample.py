"""Realistic sample data for training: staff, and letters in every stage, made through the real
services (so every sample row has its revisions, outbox rows and audit entries)."""

from __future__ import annotations

import random
from datetime import timedelta

from desktop.letters import accounts, drafting, workflow
from desktop.letters.accounts import CurrentUser, PersonInput, Role
from desktop.letters.drafting import AddresseeInput
from desktop.store import clock
from desktop.store.db import Store

SAMPLE_PASSWORD = "latihan123"

STAFF = [
    ("Yohanes Wenda, S.Sos", "198403152009031002", "Penata (III/c)", "Kepala Seksi Pemerintahan",
     "yohanes", {Role.DRAFTER, Role.REVIEWER}),
    ("Maria Kogoya", "199107202015032004", "Penata Muda (III/a)", "Pengadministrasi Umum",
     "maria", {Role.DRAFTER, Role.REGISTRAR}),
    ("Drs. Petrus Tabuni", "197512121999031004", "Pembina (IV/a)", "Sekretaris Kecamatan",
     "petrus", {Role.REVIEWER, Role.SIGNER}),
    ("Agustinus Mabel, S.IP", "197008171994031006", "Pembina Tingkat I (IV/b)", "Camat",
     "agustinus", {Role.SIGNER}),
]  # fmt: skip

VILLAGES = ["Wamena Kota", "Sinakma", "Hom-Hom", "Elagaima", "Wesaput", "Megapura", "Yomaima"]
TOPICS = [
    ("surat_undangan", "000.1.5", "Undangan Rapat Koordinasi {v}",
     "<p>Dengan hormat,</p><p>Dalam rangka koordinasi penyaluran dana desa tahap {n}, "
     "kami mengundang Saudara hadir di Aula Kantor Camat.</p>"),
    ("surat_dinas", "100.3.1", "Penyampaian Data Penduduk {v}",
     "<p>Dengan hormat,</p><p>Bersama ini kami sampaikan rekapitulasi data penduduk "
     "Kampung {v} untuk semester {n}.</p><ol><li>Laki-laki</li><li>Perempuan</li></ol>"),
    ("surat_keterangan", "400.12.2.1", "Keterangan Domisili",
     "<p>Yang bertanda tangan di bawah ini menerangkan bahwa warga Kampung {v} benar "
     "berdomisili di wilayah kecamatan.</p>"),
    ("surat_tugas", "800.1.11.1", "Tugas Monitoring Kampung {v}",
     "<p>Menugaskan staf untuk melaksanakan monitoring pembangunan di Kampung {v} "
     "selama {n} hari.</p>"),
]  # fmt: skip


def fill(store: Store, admin: CurrentUser, letters: int = 24, seed: int = 7) -> int:
    """Add sample staff (password ``latihan123``) and ``letters`` letters in mixed stages."""
    rng = random.Random(seed)
    users: dict[str, CurrentUser] = {}
    for name, nip, pangkat, jabatan, username, roles in STAFF:
        accounts.add_person(
            store, admin,
            PersonInput(name, nip, pangkat, jabatan, username, frozenset(roles), SAMPLE_PASSWORD),
        )  # fmt: skip
        users[username] = CurrentUser("", name, frozenset(roles))
    people = {p.username: p for p in accounts.list_people(store)}
    users = {
        u: CurrentUser(people[u].id, people[u].name, accounts.parse_roles(people[u].roles))
        for u in users
    }
    drafters = [users["yohanes"], users["maria"]]
    reviewer, camat = users["yohanes"], users["agustinus"]
    base_day = clock.today() - timedelta(days=letters)
    for i in range(letters):
        kind, code, hal, body = TOPICS[i % len(TOPICS)]
        village = rng.choice(VILLAGES)
        drafter = drafters[i % 2]
        letter = drafting.new_draft(store, drafter, kind)
        data = drafting.input_of(letter)
        data.classification_code = code
        data.hal = hal.format(v=village)
        data.body_html = body.format(v=village, n=rng.randint(1, 4))
        data.addressees = [
            AddresseeInput(f"Kepala Kampung {v}", v)
            for v in rng.sample(VILLAGES, rng.randint(1, 3))
        ]
        data.tembusan = ["Bupati Jayawijaya", "Arsip"][: rng.randint(0, 2)]
        data.signer_id = camat.id
        if i % 5 == 0:
            data.signer_capacity = "a.n."
            data.signer_on_behalf_of = "Camat"
            data.signer_id = users["petrus"].id
        drafting.save_draft(store, drafter, letter.id, data)
        stage = i % 6
        if stage == 0:
            continue  # stays a draft
        chain = [] if drafter is reviewer else [reviewer.id]
        signer = data.signer_id
        workflow.send(store, drafter, letter.id, chain, signer)
        if stage == 1 and chain:
            workflow.return_to_drafter(
                store, reviewer, letter.id, "Mohon lengkapi jumlah penduduk per dusun."
            )
            continue
        if stage == 2 and chain:
            continue  # waiting for initials
        if chain:
            workflow.initial(store, reviewer, letter.id)
        if stage == 3:
            continue  # waiting for the signature
        signer_user = camat if signer == camat.id else users["petrus"]
        workflow.sign_by_hand(store, signer_user, letter.id, on=base_day + timedelta(days=i))
    return letters
