"""What the agenda book import tests share (tests/letters and tests/sync): the year of the book
they import, importing it as the registrar who accepts the columns and header row the preview
guessed, and the letters still in the register."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from sqlmodel import col, select

from desktop.letters import agenda_import, outgoing_import
from desktop.letters.accounts import CurrentUser
from desktop.letters.agenda_import import ImportReport
from desktop.store import clock
from desktop.store.db import Store
from desktop.store.incoming_models import IncomingLetter
from desktop.store.models import Letter

Row = TypeVar("Row", IncomingLetter, Letter)


def last_year() -> int:
    """The year of the book most tests import: the office kept it on paper or in Excel."""
    return clock.today().year - 1


def import_guessed(
    store: Store, user: CurrentUser, path: Path, *, outgoing: bool = False
) -> ImportReport:
    """Import the incoming agenda book at ``path`` (or, ``outgoing``, the book of outgoing
    letters) with what its preview guessed."""
    book = outgoing_import if outgoing else agenda_import
    shown = book.preview(store, path)
    return book.import_book(
        store, user, path, shown.mapping, sheet=shown.sheet.name, header_row=shown.header_row
    )


def live(store: Store, table: type[Row], *where: Any) -> list[Row]:
    """The rows of ``table`` not deleted (and matching ``where``), in the order they were
    written."""
    query = select(table).where(col(table.deleted_at).is_(None), *where)
    with store.read() as s:
        return list(s.exec(query.order_by(col(table.seq))).all())
