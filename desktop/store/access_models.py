"""Who uses this PC (migration 0009): every person who has logged in here. A sync names them
to the server, which sends the records of letters above Biasa only to devices used by a person
on the letter (docs/sync-protocol.md, "Access by sifat"). Local only, never synced.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from desktop.store import clock


class PcUser(SQLModel, table=True):
    __tablename__ = "pc_user"

    person_id: str = Field(primary_key=True, max_length=36)
    first_login_at: datetime = Field(default_factory=clock.now)
