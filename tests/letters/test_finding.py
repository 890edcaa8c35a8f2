"""Finding a letter wherever it is: "Dalam proses" shows the drafter where a sent letter waits,
"Semua surat" searches every letter the person may see, and the classification picker ranks
what a clerk means first."""

from __future__ import annotations

import csv

from desktop.letters import classification, drafting, queries, workflow
from desktop.letters.queries import ListFilter, Queue
from desktop.resources import resource_path
from desktop.store.db import Store
from tests.conftest import Office
from tests.letters.test_lifecycle import fill_invitation


def sent(o: Office, word: str, reviewers: list[str] | None = None, sifat: str = "Biasa") -> str:
    letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, letter.id, word=word)
    if sifat != "Biasa":
        data = drafting.input_of(drafting.get_letter(o.store, o.drafter, letter.id))
        data.sifat = sifat
        drafting.save_draft(o.store, o.drafter, letter.id, data)
    workflow.send(o.store, o.drafter, letter.id, reviewers or [], o.camat.id)
    return letter.id


def ids(o: Office, user: object, queue: Queue, filt: ListFilter | None = None) -> list[str]:
    return [r.id for r in queries.page(o.store, user, queue, filt)]  # type: ignore[arg-type]


def test_a_sent_letter_stays_in_its_drafters_view_and_says_where_it_waits(
    office_staff: Office,
) -> None:
    o = office_staff
    letter_id = sent(o, "kbdsend", [o.kasi.id])
    assert queries.count(o.store, o.drafter, Queue.DRAFTS) == 0
    (row,) = queries.page(o.store, o.drafter, Queue.IN_PROCESS)
    assert row.id == letter_id and row.holder_name == "Sari Wulandari"
    assert queries.queue_counts(o.store, o.drafter)[Queue.IN_PROCESS] == 1
    # Sari holds it: it is in her Perlu Paraf, not in her Dalam proses.
    assert ids(o, o.kasi, Queue.IN_PROCESS) == []
    workflow.initial(o.store, o.kasi, letter_id)
    # Initialled: now it waits on the camat, and Sari sees where it went.
    (row,) = queries.page(o.store, o.kasi, Queue.IN_PROCESS)
    assert row.holder_name == "Agustinus Mabel, S.IP"
    assert ids(o, o.drafter, Queue.IN_PROCESS) == [letter_id]
    assert ids(o, o.camat, Queue.IN_PROCESS) == []  # his to sign
    workflow.sign_by_hand(o.store, o.camat, letter_id)
    assert ids(o, o.drafter, Queue.IN_PROCESS) == []
    assert ids(o, o.drafter, Queue.OUTGOING) == [letter_id]


def test_search_across_every_queue_the_person_may_see(office_staff: Office) -> None:
    o = office_staff
    waiting = sent(o, "kbdsend", [o.kasi.id])
    draft = drafting.new_draft(o.store, o.drafter, "surat_undangan")
    fill_invitation(o, draft.id, word="kbdsend")
    secret = sent(o, "kbdsend", [o.sekcam.id], sifat="Rahasia")
    word = ListFilter(search="KBDSEND")
    # Not in any one of the old queues of the drafter but Konsep; all of them in Semua surat.
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, word) == 0
    assert set(ids(o, o.drafter, Queue.ALL, word)) == {waiting, draft.id, secret}
    # Sari is on the first letter's chain; Budi's draft and the secret letter are not hers.
    assert ids(o, o.kasi, Queue.ALL, word) == [waiting]
    assert ids(o, o.sekcam, Queue.ALL, word) == [secret]
    # Once signed, an ordinary letter is everybody's to find; the secret one stays theirs.
    workflow.initial(o.store, o.kasi, waiting)
    workflow.initial(o.store, o.sekcam, secret)
    workflow.sign_by_hand(o.store, o.camat, waiting)
    workflow.sign_by_hand(o.store, o.camat, secret)
    assert ids(o, o.admin, Queue.ALL, word) == [waiting]
    assert queries.count(o.store, o.admin, Queue.ALL) == 1
    # Filters still apply.
    signed_only = ListFilter(search="kbdsend", status="signed")
    assert set(ids(o, o.drafter, Queue.ALL, signed_only)) == {waiting, secret}


def codes(store: Store, text: str, n: int = 5) -> list[str]:
    return [c.code for c in classification.search(store, text, limit=n)]


def title(store: Store, code: str) -> str:
    found = classification.get(store, code)
    assert found is not None
    return found.title


def test_classification_ranks_what_a_clerk_means_first(office_staff: Office) -> None:
    store = office_staff.store
    # Its own placeholder's example: the meeting code, not "Perundang-Undangan".
    found = codes(store, "undangan", 50)
    assert found[0] == "000.1.5"
    undang_undang = [c for c in found if "ndang-" in title(store, c)]
    assert undang_undang and all(found.index(c) > found.index("500.10.9.8") for c in undang_undang)
    assert codes(store, "cuti")[0] == "800.1.11.4"  # Cuti Tahunan, the one asked for most
    assert set(codes(store, "cuti", 6)) == {f"800.1.11.{n}" for n in (2, 3, 4, 5, 6, 7)}
    assert codes(store, "SPPD")[0] == "000.1.2.3"
    assert codes(store, "surat tugas")[0] == "800.1.11.1"
    assert codes(store, "pengantar")[0] == "000.5.3.1"
    # Without an alias: whole words of the main title first, the shallower code first.
    assert codes(store, "perjalanan dinas pegawai", 1) == ["000.1.2.3"]
    assert codes(store, "Laporan Bulanan", 1) == ["300.2.12.2"]
    # Codes: exact code first, then its children in code order.
    assert codes(store, "800.1.11", 3) == ["800.1.11", "800.1.11.1", "800.1.11.2"]
    assert codes(store, "")[:2] == ["000", "000.1"]
    assert codes(store, "tiada-kata-begini") == []


def test_every_alias_names_a_shipped_code() -> None:
    path = resource_path("classification", classification.CURRENT_FILE)
    with path.open(encoding="utf-8", newline="") as f:
        shipped = {row["code"] for row in csv.DictReader(f)}
    aliases = classification.aliases()
    assert {"undangan", "cuti", "pengantar", "sppd"} <= aliases.keys()
    missing = {k: [c for c in v if c not in shipped] for k, v in aliases.items()}
    assert {k: v for k, v in missing.items() if v} == {}
    assert all(k == k.lower() for k in aliases)
