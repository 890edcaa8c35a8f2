"""Lists in SQL: queue membership, filters, sorting, and searches capped at the newest matches."""

from __future__ import annotations

from datetime import date

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
