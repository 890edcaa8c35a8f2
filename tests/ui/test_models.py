"""The letter list model pages through SQL: a few hundred letters, sorted, filtered, searched."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from desktop.letters.queries import ListFilter, Queue
from desktop.store.models import Letter
from desktop.ui import letter_model
from desktop.ui.letter_model import ID_ROLE, PAGE_SIZE, ROW_ROLE, LetterListModel
from desktop.ui.qt import QPersistentModelIndex, Qt
from tests.conftest import Office

LETTERS = 350
TYPES = ["surat_dinas", "surat_undangan", "surat_tugas"]
CODES = ["000.1.5", "400.12.2.1", "800.1.11.1"]


@pytest.fixture
def archive(office_staff: Office) -> Office:
    """350 signed letters (numbered, dated one a day) and 3 drafts, inserted directly."""
    camat, budi = office_staff.camat, office_staff.drafter
    start = date(2025, 1, 1)
    rows = []
    for i in range(LETTERS):
        day = start + timedelta(days=i)
        word = "abrasi" if i % 50 == 7 else "jalan"
        rows.append(
            Letter(
                letter_type=TYPES[i % 3], status="signed", classification_code=CODES[i % 3],
                hal=f"Surat nomor {i:03d} tentang {word}",
                addressees_json=json.dumps([{"name": f"Kepala Desa {i}", "place": "Komodo"}]),
                addressees_text=f"Kepala Desa {i} di Komodo", drafter_id=budi.id,
                signer_id=camat.id, number=f"{CODES[i % 3]}/{i + 1:03d}/Kec.WMN/{day.year}",
                letter_date=day, updated_at=datetime(2025, 1, 1, tzinfo=UTC) + timedelta(hours=i),
            )
        )  # fmt: skip
        rows[-1].set_body(f"<p>isi {word} {i}</p>", f"isi {word} {i}")
    for i in range(3):
        rows.append(
            Letter(letter_type="surat_dinas", status="draft", hal=f"Konsep {i}",
                   drafter_id=budi.id, holder_id=budi.id)
        )  # fmt: skip
    with office_staff.store.write() as session:
        session.add_all(rows)
    return office_staff


def test_model_passes_qt_model_checks(qtmodeltester: Any, archive: Office) -> None:
    model = LetterListModel(archive.store, archive.camat)
    model.set_view(Queue.OUTGOING, ListFilter())
    qtmodeltester.check(model, force_py=True)


def test_only_the_pages_looked_at_are_fetched(archive: Office) -> None:
    model = LetterListModel(archive.store, archive.camat)
    model.set_view(Queue.OUTGOING, ListFilter())
    assert model.rowCount() == LETTERS
    assert model.pages_fetched == 0
    newest = model.index(0, 2).data()
    assert newest == f"Surat nomor {LETTERS - 1:03d} tentang jalan"
    assert model.pages_fetched == 1
    model.index(5, 0).data()
    assert model.pages_fetched == 1  # same page, from the cache
    # The last row comes from a page read backwards from the end, in the right order.
    last = model.rowCount() - 1
    assert model.index(last, 2).data() == "Surat nomor 000 tentang jalan"
    assert model.pages_fetched == 2
    every = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert every == [f"Surat nomor {i:03d} tentang {'abrasi' if i % 50 == 7 else 'jalan'}"
                     for i in reversed(range(LETTERS))]  # fmt: skip
    assert model.pages_fetched == -(-LETTERS // PAGE_SIZE)


def test_sorting_by_a_header_sorts_in_sql_and_keeps_the_count(archive: Office) -> None:
    model = LetterListModel(archive.store, archive.camat)
    model.set_view(Queue.OUTGOING, ListFilter())
    counted = model.count_queries
    model.sort(model.column_of("letter_date"), Qt.SortOrder.AscendingOrder)
    assert model.count_queries == counted
    assert model.index(0, 1).data() == "01/01/2025"
    assert model.index(LETTERS - 1, 1).data() == (
        date(2025, 1, 1) + timedelta(days=LETTERS - 1)
    ).strftime("%d/%m/%Y")
    model.sort(model.column_of("number"), Qt.SortOrder.DescendingOrder)
    numbers = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert numbers == sorted(numbers, reverse=True)
    before = model.sort_key
    model.sort(model.column_of("hal") + 1, Qt.SortOrder.AscendingOrder)  # Tujuan: not sortable
    assert model.sort_key == before


def test_filters_and_search_narrow_the_list(archive: Office) -> None:
    model = LetterListModel(archive.store, archive.camat)
    model.set_view(Queue.OUTGOING, ListFilter(letter_type="surat_tugas"))
    assert model.rowCount() == len(range(2, LETTERS, 3))
    assert {model.index(r, 4).data() for r in range(model.rowCount())} == {"Surat Tugas"}
    model.set_view(Queue.OUTGOING, ListFilter(classification="400"))
    assert model.rowCount() == len(range(1, LETTERS, 3))
    model.set_view(
        Queue.OUTGOING, ListFilter(date_from=date(2025, 2, 1), date_to=date(2025, 2, 28))
    )
    assert model.rowCount() == 28
    model.set_view(Queue.OUTGOING, ListFilter(search="abrasi"))
    assert model.rowCount() == len(range(7, LETTERS, 50))
    row = model.index(0, 0).data(ROW_ROLE)
    assert "abrasi" in row.hal and model.index(0, 0).data(ID_ROLE) == row.id
    model.set_view(Queue.DRAFTS, ListFilter())
    assert model.rowCount() == 0  # the camat has no drafts; Budi's are his own
    budi = LetterListModel(archive.store, archive.drafter)
    budi.set_view(Queue.DRAFTS, ListFilter())
    assert budi.rowCount() == 3
    assert budi.index(0, 0).data() == "(belum bernomor)"


def test_known_count_skips_the_count_query_and_refresh_recounts(archive: Office) -> None:
    model = LetterListModel(archive.store, archive.camat)
    model.set_view(Queue.OUTGOING, ListFilter(), known_count=LETTERS)
    assert model.count_queries == 0 and model.rowCount() == LETTERS
    with archive.store.write() as session:
        session.add(
            Letter(letter_type="surat_dinas", status="signed", hal="Baru", number="X/1",
                   drafter_id=archive.drafter.id, letter_date=date(2026, 1, 1))
        )  # fmt: skip
    model.refresh()
    assert model.count_queries == 1 and model.rowCount() == LETTERS + 1


def test_a_long_list_opens_on_a_capped_count_and_grows_to_the_exact_one(
    archive: Office, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(letter_model, "COUNT_CAP", 120)
    model = LetterListModel(archive.store, archive.camat)
    model.set_view(Queue.OUTGOING, ListFilter())
    assert model.rowCount() == 121 and not model.count_exact  # "120+": at least one more
    # Every row the capped list shows is the real one, the last one included (read forwards).
    assert model.index(120, 2).data() == f"Surat nomor {LETTERS - 121:03d} tentang jalan"
    model.index(0, 0).data()
    selected = QPersistentModelIndex(model.index(3, 0))
    # An exact count for another view (the clerk moved on) changes nothing.
    assert not model.set_exact_count(Queue.OUTGOING, ListFilter(letter_type="surat_tugas"), 9)
    assert model.rowCount() == 121
    assert model.set_exact_count(Queue.OUTGOING, ListFilter(), LETTERS)
    assert model.count_exact and model.rowCount() == LETTERS
    assert selected.isValid() and selected.row() == 3  # rows added, not a reset
    every = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert every == [f"Surat nomor {i:03d} tentang {'abrasi' if i % 50 == 7 else 'jalan'}"
                     for i in reversed(range(LETTERS))]  # fmt: skip
    assert not model.set_exact_count(Queue.OUTGOING, ListFilter(), LETTERS + 5)  # already exact
    # A letter signed meanwhile: the refresh counts exactly again, the rows past the cap stay.
    with archive.store.write() as session:
        session.add(
            Letter(letter_type="surat_dinas", status="signed", hal="Baru", number="X/1",
                   drafter_id=archive.drafter.id, letter_date=date(2026, 1, 1))
        )  # fmt: skip
    model.refresh()
    assert model.count_exact and model.rowCount() == LETTERS + 1
    # A short list is exact at once.
    model.set_view(Queue.OUTGOING, ListFilter(letter_type="surat_tugas"))
    assert model.count_exact and model.rowCount() == len(range(2, LETTERS, 3))
