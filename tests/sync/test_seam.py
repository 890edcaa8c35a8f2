"""The seam between the domain and the sync client: a program that forgot to hand the domain's
handlers over (``desktop.seam.install``) cannot sync, enrol or exchange bundles, and stops with
``DomainMissing`` before it sends or changes anything; once they are installed, the same PC
syncs what was waiting."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop import seam
from sync.client import bundle, domain, engine
from sync.client.domain import DomainMissing
from tests.sync.pcs import count, draft, enrol, office_with_pcs, open_pc

pytestmark = pytest.mark.parametrize("module_sync_engine_kind", ["sqlite"], indirect=True)


@pytest.fixture
def without_handlers() -> Iterator[None]:
    domain.unregister()
    yield
    seam.install()


def test_nothing_syncs_without_the_domains_handlers(
    module_sync_server: Any, tmp_path: Path, without_handlers: None
) -> None:
    seam.install()
    code, (pc1, pc2) = office_with_pcs(module_sync_server, tmp_path, "pc1", "pc2")
    letter_id = draft(pc1, "Undangan rapat koordinasi")
    waiting = engine.pending_count(pc1.store)
    state = engine.state_of(pc1.store)
    assert waiting > 0 and state is not None
    domain.unregister()

    with pytest.raises(DomainMissing, match=r"desktop\.seam\.install"):
        pc1.sync()
    with pytest.raises(DomainMissing):
        bundle.export_bundle(pc1.store, tmp_path / "keluar.naskah")
    with pytest.raises(DomainMissing):
        bundle.import_reply(pc1.store, tmp_path / "balasan.naskah")
    newcomer = open_pc(tmp_path, "pc3")
    with pytest.raises(DomainMissing):
        enrol(newcomer, module_sync_server, code)

    # Nothing was sent or changed: the outbox waits, no error was noted for the clerk, no
    # bundle was written, the newcomer is not enrolled (its one-time code was not used up).
    assert engine.pending_count(pc1.store) == waiting
    after = engine.state_of(pc1.store)
    assert after is not None
    assert (after.cursor, after.last_error, after.last_sync_at) == (
        state.cursor,
        state.last_error,
        state.last_sync_at,
    )
    assert not (tmp_path / "keluar.naskah").exists()
    assert engine.state_of(newcomer.store) is None

    seam.install()
    pc2.sync()
    sql = f"SELECT count(*) FROM letter WHERE id = '{letter_id}'"
    assert count(pc2.store, sql) == 0  # the server never got it
    report = pc1.sync()
    assert report.pushed > 0 and report.pending == 0
    pc2.sync()
    assert count(pc2.store, sql) == 1
    enrol(newcomer, module_sync_server, code)
    assert newcomer.sync().pulled > 0
    for pc in (pc1, pc2, newcomer):
        pc.close()
