"""Lists in SQL: queue membership, filters, sorting, and searches capped at the newest matches."""

from __future__ import annotations

from datetime import date

from sqlalchemy import text

from desktop.letters import drafting, queries, workflow
from desktop.letters.queries import ListFilter, Queue
from tests.conftest import Office
from tests.letters.test_lifecycle import fill_invitation


def _signed(o: Office, n: int, word: str) -> list[str]:
    ids = []
    for i in range(n):
        letter = drafting.new_draft(o.store, o.drafter, "surat_undangan")
        fill_invitation(o, letter.id, word=f"{word} nomor{i}")
        workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
        workflow.sign_by_hand(o.store, o.camat, letter.id, on=date(2026, 1 + i % 12, 1 + i))
        ids.append(letter.id)
    return ids


def test_search_is_capped_at_the_newest_matches(office_staff: Office, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    o = office_staff
    ids = _signed(o, 6, "kemarau")
    monkeypatch.setattr(queries, "SEARCH_LIMIT", 4)
    found = ListFilter(search="kemarau")
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, found) == 4
    rows = queries.page(o.store, o.drafter, Queue.OUTGOING, found, sort="hal")
    assert {r.id for r in rows} == set(ids[-4:])  # the newest four, whatever the sort
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, ListFilter(search="nomor5")) == 1
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, ListFilter(search="tiada")) == 0


def test_outgoing_sorts_and_filters(office_staff: Office) -> None:
    o = office_staff
    _signed(o, 5, "banjir")
    by_number = queries.page(o.store, o.drafter, Queue.OUTGOING, sort="number", descending=False)
    assert [r.number for r in by_number] == sorted(r.number for r in by_number)
    assert len(by_number) == 5
    tail = queries.page(o.store, o.drafter, Queue.OUTGOING, sort="number", offset=3)
    assert len(tail) == 2
    march = ListFilter(date_from=date(2026, 3, 1), date_to=date(2026, 3, 31))
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, march) == 1
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, ListFilter(classification="000")) == 5
    assert (
        queries.count(o.store, o.drafter, Queue.OUTGOING, ListFilter(letter_type="surat_tugas"))
        == 0
    )
    user_input = ListFilter(search='banjir" (*')  # FTS syntax in user input is not parsed
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, user_input) == 5


def test_counts_see_confidential_letters_only_for_the_people_on_them(office_staff: Office) -> None:
    o = office_staff
    ids = _signed(o, 4, "pajak")
    # As a letter marked Rahasia and Terbatas would be stored, and one with a sifat this version
    # does not know (synced from a newer one): only Biasa letters are everyone's.
    with o.store.write() as session:
        for letter_id, sifat in ((ids[0], "Rahasia"), (ids[1], "Terbatas"), (ids[2], "Amat")):
            session.exec(
                text("UPDATE letter SET sifat = :s WHERE id = :i").bindparams(s=sifat, i=letter_id)
            )
    assert queries.count(o.store, o.drafter, Queue.OUTGOING) == 4  # Budi drafted them all
    assert queries.count(o.store, o.camat, Queue.OUTGOING) == 4  # the camat signed them
    assert queries.count(o.store, o.kasi, Queue.OUTGOING) == 1  # Sari is on none of them
    assert queries.queue_counts(o.store, o.kasi)[Queue.OUTGOING] == 1
    assert len(queries.page(o.store, o.kasi, Queue.OUTGOING)) == 1
    # The same letters through the one-walk count (a date range takes that path) agree.
    every_day = ListFilter(date_from=date(2000, 1, 1), date_to=date(2100, 1, 1))
    for person, seen in ((o.drafter, 4), (o.camat, 4), (o.kasi, 1)):
        assert queries.count(o.store, person, Queue.OUTGOING, every_day) == seen


def test_a_count_while_typing_stops_early(office_staff: Office) -> None:
    o = office_staff
    _signed(o, 5, "gempa")
    for filt in (
        ListFilter(),
        ListFilter(search="gempa"),
        ListFilter(letter_type="surat_undangan"),
    ):
        assert queries.count(o.store, o.drafter, Queue.OUTGOING, filt, at_most=3) == 4  # "3+"
        assert queries.count(o.store, o.drafter, Queue.OUTGOING, filt, at_most=10) == 5
        assert queries.count(o.store, o.drafter, Queue.OUTGOING, filt) == 5


def test_a_date_range_pages_in_order(office_staff: Office) -> None:
    o = office_staff
    _signed(o, 6, "longsor")  # dated on the 1st..6th of January..June
    spring = ListFilter(date_from=date(2026, 2, 1), date_to=date(2026, 5, 31))
    assert queries.count(o.store, o.drafter, Queue.OUTGOING, spring) == 4
    by_date = queries.page(o.store, o.drafter, Queue.OUTGOING, spring, sort="letter_date")
    assert [r.letter_date.month for r in by_date if r.letter_date] == [5, 4, 3, 2]
    first = queries.page(o.store, o.drafter, Queue.OUTGOING, spring, limit=2)
    rest = queries.page(o.store, o.drafter, Queue.OUTGOING, spring, offset=2, limit=2)
    newest = queries.page(o.store, o.drafter, Queue.OUTGOING, spring)
    assert [r.id for r in first + rest] == [r.id for r in newest]
    assert [r.updated_at for r in newest] == sorted((r.updated_at for r in newest), reverse=True)
