"""The store tells its listeners what each committed write changed, and from where."""

from __future__ import annotations

import threading

import pytest
from sqlmodel import delete, select

from desktop.letters import drafting
from desktop.store.changes import LOCAL, SYNC, Changes
from desktop.store.db import Store
from desktop.store.models import Letter, Outbox
from tests.conftest import LogErrors, Office


def listen(store: Store) -> list[Changes]:
    heard: list[Changes] = []
    store.on_change(heard.append)
    return heard


def test_a_saved_draft_names_the_letter_its_revision_and_outbox_row(office_staff: Office) -> None:
    store, budi = office_staff.store, office_staff.drafter
    letter = drafting.new_draft(store, budi, "surat_dinas")
    heard = listen(store)
    data = drafting.input_of(letter)
    data.hal = "Undangan Rapat Koordinasi"
    drafting.save_draft(store, budi, letter.id, data)
    assert len(heard) == 1  # one user action, one transaction, one notice
    changes = heard[0]
    assert changes.origin == LOCAL and changes.local
    assert letter.id in changes.rows["letter"]
    assert changes.may_touch("letter", letter.id)
    assert not changes.may_touch("letter", "some-other-letter")
    assert changes.touches("outbox", "letter_revision")
    assert not changes.touches("number_lease")


def test_a_bulk_statement_names_its_table_without_ids(office_staff: Office) -> None:
    store, budi = office_staff.store, office_staff.drafter
    drafting.new_draft(store, budi, "surat_dinas")
    heard = listen(store)
    with store.write() as session:
        session.exec(delete(Outbox))  # type: ignore[call-overload]
    assert heard == [Changes(LOCAL, {}, frozenset({"outbox"}))]
    assert heard[0].may_touch("outbox", "any row at all")


def test_nothing_is_told_for_a_read_a_write_of_nothing_or_a_rolled_back_write(
    office_staff: Office,
) -> None:
    store, budi = office_staff.store, office_staff.drafter
    letter = drafting.new_draft(store, budi, "surat_dinas")
    heard = listen(store)
    with store.read() as session:
        session.exec(select(Letter)).all()
    with store.write() as session:
        session.exec(select(Letter)).all()
    drafting.save_draft(store, budi, letter.id, drafting.input_of(letter))  # nothing new
    with pytest.raises(RuntimeError), store.write() as session:
        row = session.exec(select(Letter).where(Letter.id == letter.id)).one()
        row.hal = "Tidak jadi"
        session.flush()
        raise RuntimeError("the action failed half-way")
    assert heard == []
    with store.read() as session:
        assert session.exec(select(Letter.hal).where(Letter.id == letter.id)).one() == ""


def test_origin_is_per_thread_and_listeners_hear_writes_of_any_thread(
    office_staff: Office,
) -> None:
    store, budi = office_staff.store, office_staff.drafter
    heard = listen(store)
    seen_on: list[str] = []
    store.on_change(lambda _c: seen_on.append(threading.current_thread().name))

    def as_sync() -> None:
        with store.origin(SYNC):
            drafting.new_draft(store, budi, "surat_dinas")

    worker = threading.Thread(target=as_sync, name="naskah-sync")
    with store.origin("elsewhere"):  # this thread's mark does not leak into the worker
        worker.start()
        worker.join()
    drafting.new_draft(store, budi, "nota_dinas")
    assert [c.origin for c in heard] == [SYNC, LOCAL]
    assert seen_on == ["naskah-sync", threading.current_thread().name]


def test_a_listener_that_fails_is_logged_and_the_write_stays(
    office_staff: Office, log_errors: LogErrors
) -> None:
    store, budi = office_staff.store, office_staff.drafter

    def broken(_changes: Changes) -> None:
        raise ValueError("listener bug")

    unsubscribe = store.on_change(broken)
    heard = listen(store)
    letter = drafting.new_draft(store, budi, "surat_dinas")
    assert heard and letter.id in heard[0].rows["letter"]
    with store.read() as session:
        assert session.exec(select(Letter).where(Letter.id == letter.id)).first() is not None
    unsubscribe()
    drafting.new_draft(store, budi, "surat_dinas")
    assert len(heard) == 2
    assert log_errors.messages == ["store change listener failed"]


def test_a_transaction_of_its_own_on_the_stores_engine_is_told_after_it_commits(
    office_staff: Office,
) -> None:
    """Sync applies a server answer in its own transaction (foreign-key checks off)."""
    from sync.client.engine import replica_transaction

    store, budi = office_staff.store, office_staff.drafter
    letter = drafting.new_draft(store, budi, "surat_dinas")
    heard = listen(store)
    with store.origin(SYNC), replica_transaction(store) as session:
        row = session.exec(select(Letter).where(Letter.id == letter.id)).one()
        row.hal = "Diubah di PC lain"
        session.add(row)
        session.flush()
        assert heard == []  # not before the commit
    assert [c.origin for c in heard] == [SYNC]
    assert heard[0].may_touch("letter", letter.id)
