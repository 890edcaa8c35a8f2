"""Filing and retention as the agendaris lives them: a done letter is filed into the berkas of
its code and year (suggested, or a new one), the berkas index prints, and the Retensi list shows
what is due for transfer and for destruction, with the list for the berita acara."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlmodel import select

from desktop.letters import drafting, filing, retention, workflow
from desktop.letters.drafting import AddresseeInput, DraftInput
from desktop.letters.errors import PermissionDenied, ServiceError, ValidationError
from desktop.letters.filing import BerkasInput
from desktop.resources import resource_path
from desktop.store.filing_models import Berkas, BerkasItem, RetentionRule
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Classification, Letter, Outbox
from tests.clocks import WIT, TestClock
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf

# 000.1.4 Penggunaan Fasilitas Kantor: 2 years active, 3 inactive, then destroyed (shipped JRA).
CODE_2_3 = "000.1.4"


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def _signed(
    o: IncomingOffice, code: str = CODE_2_3, hal: str = "Peminjaman aula", sifat: str = "Biasa"
) -> Letter:
    letter = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    data = DraftInput(
        letter_type="surat_dinas", classification_code=code, hal=hal, sifat=sifat,
        addressees=[AddresseeInput("Lurah Sinakma", "Wamena")],
        body_html="<p>Dengan hormat, kami mohon izin memakai aula.</p>",
    )  # fmt: skip
    drafting.save_draft(o.store, o.drafter, letter.id, data)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    return workflow.sign_by_hand(o.store, o.camat, letter.id)


def test_the_shipped_schedule_has_sourced_figures_only_for_known_codes() -> None:
    with resource_path("classification", "klasifikasi-permendagri-83-2022.csv").open(
        encoding="utf-8"
    ) as f:
        codes = {row["code"] for row in csv.DictReader(f)}
    rules = retention.shipped()
    assert len(rules) > 2000
    assert set(rules) <= codes  # every figure is for a code of the classification list
    rule = rules[CODE_2_3]
    assert (rule.active_years, rule.inactive_years, rule.final_fate) == (2, 3, "musnah")
    assert {r.final_fate for r in rules.values()} <= {"musnah", "permanen", "dinilai_kembali", ""}
    # A parent code has no figure of its own: nothing is inherited or guessed.
    assert "000.1" not in rules and "000" not in rules


def test_an_incoming_letter_is_filed_into_a_new_berkas_then_suggested_berkas(
    o: IncomingOffice, tmp_path: Path
) -> None:
    first = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code=CODE_2_3)
    suggestion = filing.suggest(o.store, o.registrar, "masuk", first.id)
    assert (suggestion.classification_code, suggestion.year) == (CODE_2_3, first.received_date.year)
    assert suggestion.candidates == []
    assert suggestion.new_title.startswith("Penggunaan Fasilitas Kantor")

    item = filing.file_letter(
        o.store, o.registrar, "masuk", first.id,
        new_berkas=BerkasInput(CODE_2_3, suggestion.year, "Peminjaman ruang dan kendaraan"),
    )  # fmt: skip
    with o.store.read() as s:
        filed = s.exec(select(IncomingLetter).where(IncomingLetter.id == first.id)).one()
        assert filed.state == "diarsipkan"
        kinds = [r.entity for r in s.exec(select(Outbox)).all()]
    assert {"berkas", "berkas_item"} <= set(kinds)

    second = register(
        o, [write_pdf(tmp_path, "b.pdf", 1, "Lain")], classification_code=CODE_2_3,
        sender_number="B/77/2026", hal="Pinjam kendaraan dinas",
    )  # fmt: skip
    suggestion = filing.suggest(o.store, o.registrar, "masuk", second.id)
    assert [b.id for b in suggestion.candidates] == [item.berkas_id]
    filing.file_letter(o.store, o.registrar, "masuk", second.id, berkas_id=item.berkas_id)
    assert [i.letter_id for i in filing.items(o.store, item.berkas_id)] == [first.id, second.id]

    # Filed once only; a letter of another code does not go into this berkas.
    with pytest.raises(ServiceError, match="sudah diberkaskan"):
        filing.file_letter(o.store, o.registrar, "masuk", first.id, berkas_id=item.berkas_id)
    other = register(
        o, [write_pdf(tmp_path, "c.pdf", 1, "Beda")], classification_code="400.10.2.2",
        sender_number="C/1/2026",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="berbeda dengan kode berkas"):
        filing.file_letter(o.store, o.registrar, "masuk", other.id, berkas_id=item.berkas_id)
    assert len(filing.items(o.store, item.berkas_id)) == 2  # nothing half-written


def test_only_a_signed_outgoing_letter_is_filed_and_only_by_the_archivist(
    o: IncomingOffice,
) -> None:
    draft = drafting.new_draft(o.store, o.drafter, "surat_dinas")
    with pytest.raises(ServiceError, match="sudah ditandatangani"):
        filing.suggest(o.store, o.registrar, "keluar", draft.id)
    signed = _signed(o)
    with pytest.raises(PermissionDenied):
        filing.file_letter(
            o.store, o.drafter, "keluar", signed.id, new_berkas=BerkasInput(CODE_2_3, 2026)
        )
    item = filing.file_letter(
        o.store, o.registrar, "keluar", signed.id, new_berkas=BerkasInput(CODE_2_3, 2026)
    )
    assert (item.letter_number, item.hal, item.correspondent) == (
        signed.number, "Peminjaman aula", "Lurah Sinakma",
    )  # fmt: skip
    unfiled = filing.unfiled_letters(o.store, o.registrar)
    assert signed.id not in {u.letter_id for u in unfiled}


def test_bad_berkas_input_gets_a_clear_message_and_creates_nothing(o: IncomingOffice) -> None:
    with pytest.raises(ValidationError) as caught:
        filing.create_berkas(o.store, o.registrar, BerkasInput("999.99", 1900, "x" * 400))
    assert set(caught.value.fields) == {"classification_code", "year", "title"}
    with o.store.read() as s:
        assert s.exec(select(Berkas)).all() == []


def test_the_berkas_index_prints_as_pdf_with_its_letters(o: IncomingOffice, tmp_path: Path) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code=CODE_2_3)
    item = filing.file_letter(
        o.store, o.registrar, "masuk", letter.id,
        new_berkas=BerkasInput(CODE_2_3, letter.received_date.year, "Peminjaman ruang rapat"),
    )  # fmt: skip
    pdf = filing.index_pdf(o.store, item.berkas_id)
    text = " ".join((p.extract_text() or "") for p in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "DAFTAR ISI BERKAS" in text
    assert "Peminjaman ruang rapat" in text
    assert "000.1.4" in text
    assert letter.sender_number in text.replace("/ ", "/")  # a long number wraps in its cell
    assert "Undangan Rapat Evaluasi Dana Kampung" in text


def test_a_letter_filed_five_years_ago_under_a_2_plus_3_code_is_due_for_destruction(
    o: IncomingOffice, tmp_path: Path, test_clock: TestClock
) -> None:
    now = test_clock.now()
    # Five years ago (the suite's clock is fixed): a letter registered and filed.
    test_clock.at(datetime(now.year - 5, now.month, now.day, 9, 0, tzinfo=WIT))
    old = register(o, [write_pdf(tmp_path, "old.pdf", 1)], classification_code=CODE_2_3,
                   sender_date=None)  # fmt: skip
    old_item = filing.file_letter(
        o.store,
        o.registrar,
        "masuk",
        old.id,
        new_berkas=BerkasInput(CODE_2_3, old.received_date.year),
    )
    # Three years ago: a second berkas, past its active years only.
    test_clock.at(datetime(now.year - 3, now.month, now.day, 9, 0, tzinfo=WIT))
    mid = register(o, [write_pdf(tmp_path, "mid.pdf", 1, "Mid")], classification_code=CODE_2_3,
                   sender_number="M/1", sender_date=None)  # fmt: skip
    mid_item = filing.file_letter(
        o.store,
        o.registrar,
        "masuk",
        mid.id,
        new_berkas=BerkasInput(CODE_2_3, mid.received_date.year),
    )
    test_clock.at(now)
    new = register(o, [write_pdf(tmp_path, "new.pdf", 1, "New")], classification_code=CODE_2_3,
                   sender_number="N/1", sender_date=None)  # fmt: skip
    filing.file_letter(
        o.store, o.registrar, "masuk", new.id, new_berkas=BerkasInput(CODE_2_3, now.year)
    )

    report = retention.report(o.store)
    due = {d.row.berkas.id: d.action for d in report.due}
    assert due == {old_item.berkas_id: "musnah", mid_item.berkas_id: retention.TRANSFER}
    old_due = next(d for d in report.due if d.row.berkas.id == old_item.berkas_id)
    assert old_due.start == old.received_date
    assert old_due.inactive_until == old.received_date.replace(year=old.received_date.year + 5)

    # One day earlier the old berkas was not yet due for destruction.
    earlier = retention.report(o.store, today=old_due.inactive_until - timedelta(days=1))
    assert {d.row.berkas.id: d.action for d in earlier.due}[
        old_item.berkas_id
    ] == retention.TRANSFER

    # The berita acara starts as a draft with the list in its body.
    # (a berita acara is a letter: a drafter starts it)
    letter = retention.start_berita_acara(o.store, o.drafter, [old_item.berkas_id], "musnah")
    assert letter.letter_type == "berita_acara"
    assert "DAFTAR ARSIP USUL MUSNAH" in letter.body_html
    assert "000.1.4" in letter.body_html
    with pytest.raises(ServiceError, match="tindakan yang sama"):
        retention.start_berita_acara(
            o.store, o.drafter, [old_item.berkas_id, mid_item.berkas_id], "musnah"
        )

    # Transferred and destroyed berkas leave the list.
    assert retention.mark_transferred(o.store, o.registrar, [mid_item.berkas_id]) == 1
    assert retention.mark_finished(o.store, o.registrar, [old_item.berkas_id], "musnah") == 1
    assert retention.report(o.store).due == []
    with pytest.raises(ServiceError, match="sudah"):
        filing.file_letter(
            o.store, o.registrar, "keluar", _signed(o).id, berkas_id=mid_item.berkas_id
        )


def test_the_office_rule_takes_the_place_of_the_shipped_one_and_fills_an_empty_code(
    o: IncomingOffice, tmp_path: Path
) -> None:
    empty_code = next(
        c for c in ("400.10.2.2", "400.10.2", "400.10") if c not in retention.shipped()
    )
    berkas = filing.create_berkas(o.store, o.registrar, BerkasInput(empty_code, 2019))
    report = retention.report(o.store)
    assert [r.berkas.id for r in report.without_rule] == [berkas.id]

    with pytest.raises(PermissionDenied):
        retention.set_rule(o.store, o.registrar, empty_code, active_years=1,
                           inactive_years=1, final_fate="musnah")  # fmt: skip
    with pytest.raises(ValidationError) as caught:
        retention.set_rule(o.store, o.admin, empty_code, active_years=-1,
                           inactive_years=500, final_fate="bakar")  # fmt: skip
    assert set(caught.value.fields) == {"active_years", "inactive_years", "final_fate"}
    with o.store.read() as s:
        assert s.exec(select(RetentionRule)).all() == []

    retention.set_rule(o.store, o.admin, empty_code, active_years=1, inactive_years=2,
                       final_fate="permanen", note="SK Camat 12/2026")  # fmt: skip
    (due,) = retention.report(o.store).due
    assert (due.row.berkas.id, due.action, due.rule.source) == (berkas.id, "permanen", "kantor")

    # An override of a shipped figure is read first, and dropping it brings the figure back.
    retention.set_rule(o.store, o.admin, CODE_2_3, active_years=10, inactive_years=10,
                       final_fate="permanen")  # fmt: skip
    assert retention.rule_for(o.store, CODE_2_3).active_years == 10  # type: ignore[union-attr]
    retention.clear_rule(o.store, o.admin, CODE_2_3)
    assert retention.rule_for(o.store, CODE_2_3) == retention.shipped()[CODE_2_3]
    # Reloading the shipped classification list (an upgrade) keeps the office's rules.
    from desktop.letters import classification

    with o.store.write() as s:
        classification.load_reference(s)
    assert retention.rule_for(o.store, empty_code).source == "kantor"  # type: ignore[union-attr]
    with o.store.read() as s:
        assert s.get(Classification, empty_code) is not None


def test_a_wrong_filing_is_taken_out_and_the_letter_waits_again(
    o: IncomingOffice, tmp_path: Path
) -> None:
    letter = register(o, [write_pdf(tmp_path, "a.pdf", 1)], classification_code=CODE_2_3)
    item = filing.file_letter(
        o.store, o.registrar, "masuk", letter.id, new_berkas=BerkasInput(CODE_2_3, 2026)
    )
    assert letter.id not in {u.letter_id for u in filing.unfiled_letters(o.store, o.registrar)}
    filing.unfile(o.store, o.registrar, item.id)
    with o.store.read() as s:
        back = s.exec(select(IncomingLetter).where(IncomingLetter.id == letter.id)).one()
        assert back.state == "baru"
        assert s.get(BerkasItem, item.id).deleted_at is not None  # type: ignore[union-attr]
    assert filing.items(o.store, item.berkas_id) == []
    assert letter.id in {u.letter_id for u in filing.unfiled_letters(o.store, o.registrar)}
    assert filing.filed_in(o.store, "masuk", letter.id) is None


def test_a_confidential_letter_is_filed_only_by_the_people_on_it(o: IncomingOffice) -> None:
    secret = _signed(o, hal="Pemeriksaan pegawai", sifat="Rahasia")
    assert secret.id not in {u.letter_id for u in filing.unfiled_letters(o.store, o.registrar)}
    with pytest.raises(PermissionDenied, match="Rahasia"):
        filing.file_letter(
            o.store, o.registrar, "keluar", secret.id, new_berkas=BerkasInput(CODE_2_3, 2026)
        )
    with o.store.read() as s:
        assert s.exec(select(Berkas)).all() == []  # the new berkas was not kept either
