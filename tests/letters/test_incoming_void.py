"""An agenda number registered by mistake is voided, as an outgoing number is: with a reason, by
the registrar, never reused; the letter stays in the register as "Dibatalkan" and leaves Surat
Masuk Baru; nobody disposes it any more."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import select

from desktop.letters import disposition, incoming
from desktop.letters import incoming_queries as iq
from desktop.letters.disposition import DispositionInput
from desktop.letters.errors import InvalidTransition, PermissionDenied, ValidationError
from desktop.letters.incoming_queries import IncomingQueue
from desktop.store.models import AuditEntry, IssuedNumber
from tests.conftest import Office
from tests.letters.incoming_office import IncomingOffice, register, staff_incoming
from tests.letters.scan_files import write_pdf


@pytest.fixture
def o(office_staff: Office) -> IncomingOffice:
    return staff_incoming(office_staff)


def test_a_voided_agenda_number_is_kept_marked_and_never_reused(
    o: IncomingOffice, tmp_path: Path
) -> None:
    first = register(o, [write_pdf(tmp_path, "a.pdf", 1)])
    assert iq.count(o.store, o.camat, IncomingQueue.NEW) == 1

    with pytest.raises(ValidationError) as no_reason:
        incoming.void_agenda(o.store, o.registrar, first.id, "   ")
    assert "Alasan" in no_reason.value.fields["reason"]
    with pytest.raises(PermissionDenied):
        incoming.void_agenda(o.store, o.staffer, first.id, "Tercatat dua kali")

    voided = incoming.void_agenda(o.store, o.registrar, first.id, "Tercatat dua kali")
    assert voided.state == "dibatalkan"
    assert incoming.STATE_LABELS["dibatalkan"] == "Dibatalkan"
    with o.store.read() as s:
        number = s.get(IssuedNumber, first.number_id)
        assert number is not None and number.voided_at is not None
        assert (number.void_reason, number.voided_by) == ("Tercatat dua kali", o.registrar.id)
        assert s.exec(select(AuditEntry).where(AuditEntry.action == "incoming.void")).one()
    assert iq.count(o.store, o.camat, IncomingQueue.NEW) == 0  # out of Surat Masuk Baru
    assert iq.count(o.store, o.camat, IncomingQueue.ALL) == 1  # still in the register
    with pytest.raises(ValidationError):
        incoming.void_agenda(o.store, o.registrar, first.id, "Lagi")
    with pytest.raises(InvalidTransition):
        disposition.dispose(
            o.store, o.camat, first.id, DispositionInput([o.kasi_pem.id], ["Untuk diketahui"])
        )
    second = register(o, [write_pdf(tmp_path, "b.pdf", 1, "Lain")], sender_number="B/2/2026")
    assert second.agenda_number == "002"  # the voided 001 is never given again
