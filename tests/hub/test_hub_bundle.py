"""Issue 16: an office whose hub never reaches central syncs upstream by USB bundle, for the
whole office at once (docs/office-hub.md, "Hub bundles").

Real processes on loopback: central runs the whole time (a third PC of the office syncs with it
directly), but the hub is pointed at an address where nothing answers, so its only way to
central is ``naskah-server hub bundle export`` / ``naskah-server bundle import`` /
``naskah-server hub bundle import-reply``.
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import select

from desktop.letters import workflow
from desktop.letters.drafting import get_letter
from desktop.store import sync_models
from desktop.store.delivery_models import OfficeDirectoryEntry
from sync.client import engine
from sync.client.bundle import export_bundle
from sync.client.server_address import HUB, change_server_address, set_hub_address
from sync.container import BUNDLE_FORMAT, read_container, write_container
from sync.hub.bundle import export_bundle as export_bundle_of_hub
from sync.server import db
from tests.conftest import LogErrors
from tests.hub.conftest import ROOT, Central, Hub, cli, free_port, server_command
from tests.hub.helpers import central_holds_blob, central_versions, numbers, pc_blobs, pc_versions
from tests.hub.test_hub_conflicts import conflicts
from tests.hub.test_offline_office import office_of_three, via
from tests.sync.pcs import draft, enrol, open_pc, save, set_up_office

# Each test is a story of several real processes and a dozen command runs on a shared machine.
pytestmark = pytest.mark.timeout(360)


def refused(*args: str) -> str:
    """``naskah-server ARGS`` that must fail with a message: the message."""
    done = subprocess.run(
        server_command(*args),
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr, done.stderr
    return done.stderr


def write_sql(db: str, sql: str, **params: object) -> None:
    """Change a database as a broken or hostile party would (not through Naskah)."""
    eng = create_engine(f"sqlite:///{db}")
    try:
        with eng.begin() as conn:
            conn.execute(text(sql), params)
    finally:
        eng.dispose()


class Trip:
    """The IT officer's steps between the hub and central."""

    def __init__(self, hub: Hub, central: Central, root: Path) -> None:
        self.hub, self.central, self.root = hub, central, root
        self.n = 0
        self.said = ""  # what central's import printed last

    def hub_args(self) -> list[str]:
        return ["--db", self.hub.db, "--blobs", str(self.hub.root / "hub-blobs")]

    def central_args(self) -> list[str]:
        return ["--db", self.central.db, "--blobs", str(self.central.root / "central-blobs")]

    def export(self) -> Path:
        self.n += 1
        out = self.root / f"kantor-{self.n}.naskah"
        cli("hub", "bundle", "export", *self.hub_args(), "--out", str(out))
        return out

    def at_central(self, bundle: Path, env: dict[str, str] | None = None) -> Path:
        """Import ``bundle`` at central (``env``: e.g. the CA's passphrase); the reply."""
        self.n += 1  # a bundle imported twice gets two replies
        reply = self.root / f"{bundle.stem}-{self.n}.balasan"
        self.said = cli("bundle", "import", str(bundle), "--reply", str(reply),
                        *self.central_args(), env=env)  # fmt: skip
        return reply

    def refused_at_central(self, bundle: Path) -> str:
        reply = bundle.with_suffix(".ditolak")
        message = refused("bundle", "import", str(bundle), "--reply", str(reply),
                          *self.central_args())  # fmt: skip
        assert not reply.exists()
        return message

    def back_at_hub(self, reply: Path) -> str:
        return cli("hub", "bundle", "import-reply", *self.hub_args(), "--in", str(reply))

    def refused_at_hub(self, reply: Path) -> str:
        return refused("hub", "bundle", "import-reply", *self.hub_args(), "--in", str(reply))


def isolated_hub(central: Central, root: Path, code: str, hubs: list[Hub]) -> Hub:
    """A hub set up with central once, then restarted towards an address where nothing
    answers: from here on it never reaches central."""
    hub = Hub(root / "hub", central, code)
    hub.root.mkdir()
    hubs.append(hub)
    hub.enrol()
    hub.start()
    hub.stop()
    hub.central = Central(root / "nowhere", port=free_port())  # never started
    hub.start()
    return hub


def central_counts(central: Central, office_id: str) -> tuple[object, ...]:
    """What a second import must leave as it is."""
    return (
        central.query("SELECT count(*) FROM applied_mutations WHERE office_id = :o", o=office_id),
        central.query("SELECT count(*) FROM history WHERE office_id = :o", o=office_id),
        central.query("SELECT count(*) FROM leases WHERE office_id = :o", o=office_id),
        central_versions(central, office_id),
        numbers(central, office_id),
    )


def test_the_hub_syncs_the_whole_office_by_usb_bundle(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, pc3 = office_of_three(central, tmp_path, "KEC-USB")
    state = engine.state_of(pc1.store)
    assert state is not None
    office_id = state.office_id
    hub = isolated_hub(central, tmp_path, "KEC-USB", hubs)
    for pc in (pc1, pc2):
        set_hub_address(pc.store, hub.url)  # PC3 stays with central (a laptop in town)
    trip = Trip(hub, central, tmp_path)

    # PC1 drafts, PC2 gives paraf, the camat signs on PC1 with a number: all through the hub.
    budi = pc1.user("budi")
    letter_id = draft(pc1, "Undangan Musyawarah Distrik")
    workflow.send(pc1.store, budi, letter_id, [pc2.user("sari").id], pc1.user("camat").id)
    via(pc1, HUB)
    via(pc2, HUB)
    workflow.initial(pc2.store, pc2.user("sari"), letter_id)
    via(pc2, HUB)
    via(pc1, HUB)
    signed = workflow.sign_by_hand(pc1.store, pc1.user("camat"), letter_id)
    assert signed.number
    via(pc1, HUB)
    via(pc2, HUB)
    assert hub.queue_length() > 0
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(0,)]

    # Meanwhile PC3 (the same office, at central directly) drafts a letter of its own.
    town_letter = draft(pc3, "Laporan dari Kota", username="budi")
    pc3.sync()

    bundle = trip.export()
    # One changed byte anywhere: refused, nothing applied.
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0x01
    bent = tmp_path / "rusak.naskah"
    bent.write_bytes(bytes(data))
    assert "rusak" in trip.refused_at_central(bent)
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(0,)]

    reply = trip.at_central(bundle)
    assert trip.said.endswith("answers, 0 blobs")  # the hub's own files do not come back
    # Central holds every record of the PCs at their versions, their files, the number once.
    held = central_versions(central, office_id)
    for table, versions in pc_versions(pc1).items():
        assert versions.items() <= held[table].items(), table
    assert pc_versions(pc1) == pc_versions(pc2)
    for sha in pc_blobs(pc1):
        assert central_holds_blob(central, office_id, sha)
    issued = numbers(central, office_id)
    keys = [(s, y, n) for s, y, n, _ in issued]
    assert len(keys) == len(set(keys)) == 1
    # Every mutation under the device that made it (not the hub's), once.
    devices = central.query(
        "SELECT DISTINCT device_id FROM history WHERE entity_id = :i", i=letter_id
    )
    pcs = {s.device_id for s in (engine.state_of(p.store) for p in (pc1, pc2)) if s}
    assert {d for (d,) in devices} == pcs

    # The same bundle again applies nothing twice.
    before = central_counts(central, office_id)
    again = trip.at_central(bundle)
    assert central_counts(central, office_id) == before

    # The hub takes the reply; its queue is done, and the PCs see PC3's letter on their
    # next sync with the hub.
    assert "0 refused" in trip.back_at_hub(reply)
    assert hub.queue_length() == 0
    via(pc1, HUB)
    via(pc2, HUB)
    assert get_letter(pc1.store, budi, town_letter).hal == "Laporan dari Kota"
    pc3.sync()
    assert get_letter(pc3.store, pc3.user("budi"), letter_id).number == signed.number
    assert pc_versions(pc1) == pc_versions(pc2) == pc_versions(pc3)
    assert pc_versions(pc1) == central_versions(central, office_id)
    assert hub.versions() == central.query(
        "SELECT entity, entity_id, version FROM records WHERE office_id = :o AND entity != 'audit'"
        " ORDER BY 1, 2",
        o=office_id,
    )

    # The reply again, or the second reply to the same bundle: nothing changes.
    hub_before = hub.versions()
    assert "imported before" in trip.back_at_hub(reply)
    assert "imported before" in trip.back_at_hub(again)
    assert hub.versions() == hub_before
    mutations = central.query(
        "SELECT mutation_id FROM applied_mutations WHERE office_id = :o GROUP BY mutation_id"
        " HAVING count(*) > 1",
        o=office_id,
    )
    assert mutations == []


def test_the_reply_brings_the_hub_centrals_directory_and_trust_for_its_pcs(
    ca_central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    central = ca_central
    pc1, _pc2, _pc3 = office_of_three(central, tmp_path, "KEC-DIR")
    hub = isolated_hub(central, tmp_path, "KEC-DIR", hubs)
    set_hub_address(pc1.store, hub.url)
    via(pc1, HUB)
    # While the hub never reaches central: a new office joins central, and the hub has
    # no trust material (as a hub whose central got its CA after their last contact).
    central.add_office("KEC-BARU")
    with sqlite3.connect(hub.db) as conn:
        conn.execute("DELETE FROM hub_state WHERE key IN ('trust', 'crl_number')")
    trip = Trip(hub, central, tmp_path)
    trip.back_at_hub(trip.at_central(trip.export()))

    codes = {code for (code,) in hub.query("SELECT code FROM hub_directory")}
    assert codes == {code for (code,) in central.query("SELECT code FROM offices")}
    assert "KEC-BARU" in codes
    [(held,)] = hub.query("SELECT value FROM hub_state WHERE key = 'trust'")
    root = json.loads(held)["root_pem"]
    with pc1.store.read() as session:
        pinned = session.get(sync_models.TrustMaterial, 1)
    assert pinned is not None and pinned.root_pem == root  # the PCs' root, from central
    via(pc1, HUB)  # the PC learns of the new office from the hub
    with pc1.store.read() as session:
        known = {row.code for row in session.exec(select(OfficeDirectoryEntry)).all()}
    assert "KEC-BARU" in known


def test_replies_that_are_not_this_hubs_newest_answer_are_refused(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, _pc2, _pc3 = office_of_three(central, tmp_path, "KEC-BLS")
    hub = isolated_hub(central, tmp_path, "KEC-BLS", hubs)
    set_hub_address(pc1.store, hub.url)
    trip = Trip(hub, central, tmp_path)
    letter_id = draft(pc1, "Surat Lewat Dua Bundel")
    via(pc1, HUB)
    # A new PC enrols at the hub with the hub's own code and drafts through it.
    new = open_pc(tmp_path, "pc-baru")
    mine = engine.enroll(new.store, hub.url, "KEC-BLS", hub.enrol_code()[0], "PC baru")
    assert new.sync().pending == 0
    new_letter = draft(new, "Surat dari PC Baru")
    assert new.sync().pending == 0

    first = trip.export()
    old_reply = trip.at_central(first)
    second = trip.export()  # the officer made a new one before the first reply came back
    new_reply = trip.at_central(second)
    waiting = hub.queue_length()
    assert waiting > 0
    assert "bundel terakhir" in trip.refused_at_hub(old_reply)
    assert hub.queue_length() == waiting  # nothing taken from the refused reply

    data = bytearray(new_reply.read_bytes())
    data[len(data) // 2] ^= 0x01
    bent = tmp_path / "rusak.balasan"
    bent.write_bytes(bytes(data))
    assert "rusak" in trip.refused_at_hub(bent)

    # A PC's own reply (its bundle imported at central) is no hub's.
    pc_bundle = tmp_path / "pc1.naskah"
    export_bundle(pc1.store, pc_bundle)
    pc_reply = trip.at_central(pc_bundle)
    assert "bukan untuk server kantor" in trip.refused_at_hub(pc_reply)
    assert hub.queue_length() == waiting

    assert "0 refused" in trip.back_at_hub(new_reply)
    assert hub.queue_length() == 0
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(1,)]
    # Central now knows the new PC (same id, same token) and holds its letter; the PC can
    # sync with central directly with the token it has.
    assert central.query("SELECT token_hash FROM devices WHERE id = :i", i=mine.device_id) == (
        hub.query("SELECT token_hash FROM devices WHERE id = :i", i=mine.device_id)
    )
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=new_letter) == [
        (1,)
    ]
    change_server_address(new.store, central.url)
    assert new.sync().pending == 0

    # More than one bundle holds: each takes the queue's first entries, the next the rest.
    later = []
    for n in range(3):
        later.append(draft(pc1, f"Surat Antrean {n}"))
        via(pc1, HUB)
    waiting = hub.queue_length()
    assert waiting >= 3
    hub_db = db.make_engine(hub.db)
    trips = 0
    try:
        while hub.queue_length():
            trips += 1
            out = tmp_path / f"kecil-{trips}.naskah"
            done = export_bundle_of_hub(hub_db, hub.root / "hub-blobs", out, limit=1)
            assert done.entries == 1 and done.left == hub.queue_length() - 1
            trip.back_at_hub(trip.at_central(out))
    finally:
        hub_db.dispose()
    assert trips == waiting
    for letter in later:
        assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter) == [
            (1,)
        ]


def test_central_refuses_a_bundle_of_a_hub_it_does_not_allow_or_of_another_office(
    central: Central, hubs: list[Hub], tmp_path: Path, log_errors: LogErrors
) -> None:
    pc1, pc2, _pc3 = office_of_three(central, tmp_path, "KEC-HUB")
    hub = isolated_hub(central, tmp_path, "KEC-HUB", hubs)
    set_hub_address(pc1.store, hub.url)
    set_hub_address(pc2.store, hub.url)
    trip = Trip(hub, central, tmp_path)
    letter_id = draft(pc1, "Surat yang Menunggu")
    via(pc1, HUB)
    lost = engine.state_of(pc2.store)
    assert lost is not None
    lost_letter = draft(pc2, "Surat dari PC yang Hilang")
    via(pc2, HUB)
    state = engine.state_of(pc1.store)
    assert state is not None

    # The administrator withdrew the hub's permission at central.
    write_sql(central.db, "DELETE FROM hub_devices WHERE device_id = :d", d=hub.device_id)
    bundle = trip.export()
    assert "bukan server kantor (hub) yang diizinkan" in trip.refused_at_central(bundle)
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(0,)]
    cli("hub", "allow", hub.device_id, "--db", central.db)

    # A device of another office slipped into the hub's queue (a tampered hub database).
    central.add_office("KEC-LAIN")
    stranger = open_pc(tmp_path, "lain")
    set_up_office(stranger, kecamatan="Asologaima")
    enrol(stranger, central, "KEC-LAIN")
    stranger.sync()
    other = engine.state_of(stranger.store)
    assert other is not None
    mutations = hub.query("SELECT mutations FROM hub_relay ORDER BY seq LIMIT 1")[0][0]
    write_sql(
        hub.db,
        "INSERT INTO hub_relay (device_id, request_seq, mutations, created_at, failed)"
        " VALUES (:d, 1, :m, '2026-01-01 00:00:00', '')",
        d=other.device_id,
        m=mutations,
    )
    bundle = trip.export()
    message = trip.refused_at_central(bundle)
    assert other.device_id in message and "bukan milik kantor KEC-HUB" in message
    # Nothing of it applied: not even the office's own waiting request.
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(0,)]
    write_sql(hub.db, "DELETE FROM hub_relay WHERE device_id = :d", d=other.device_id)
    good = trip.export()

    # Its content changed and its checksum made again: the hub's signature no longer fits.
    opened = read_container(good, BUNDLE_FORMAT)
    body = json.loads(json.dumps(opened.body))
    body["relay"][0]["body"]["mutations"][0]["fields"]["hal"] = "Diubah di jalan"
    forged = tmp_path / "palsu.naskah"
    write_container(forged, BUNDLE_FORMAT, opened.header, body)
    assert "tidak ditandatangani" in trip.refused_at_central(forged)
    # Taken to another organisation's server: refused there.
    elsewhere = Central(tmp_path / "pusat-lain")
    elsewhere.root.mkdir()
    elsewhere.init()
    there = ["--db", elsewhere.db, "--blobs", str(elsewhere.root / "central-blobs")]
    message = refused("bundle", "import", str(good), "--reply", str(tmp_path / "x"), *there)
    assert "server lain" in message
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(0,)]

    # PC2 was stolen and revoked at central before the bundle arrived: its work is refused
    # (kept at the hub as failed, as online), the rest applied.
    cli("device", "revoke", lost.device_id, "--db", central.db)
    reply = trip.at_central(good)
    assert "1 refused" in trip.back_at_hub(reply)
    assert hub.queue_length() == 0
    failed = hub.query("SELECT device_id, failed FROM hub_relay")
    assert [d for d, _ in failed] == [lost.device_id] and failed[0][1].startswith("403 ")
    [logged] = log_errors.messages  # the hub's log says so (its import ran in this process)
    assert "refused by central: 403" in logged
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=letter_id) == [(1,)]
    assert central.query("SELECT count(*) FROM records WHERE entity_id = :i", i=lost_letter) == [
        (0,)
    ]


def test_conflicts_carried_by_a_hub_bundle_surface_once(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    pc1, pc2, pc3 = office_of_three(central, tmp_path, "KEC-DUA")
    state = engine.state_of(pc1.store)
    assert state is not None
    at_hub = draft(pc1, "Diubah di Dua PC Kantor")
    at_central = draft(pc1, "Diubah di Kantor dan di Kota")
    pc1.sync()
    pc3.sync()
    hub = isolated_hub(central, tmp_path, "KEC-DUA", hubs)
    for pc in (pc1, pc2):
        set_hub_address(pc.store, hub.url)
        via(pc, HUB)
    trip = Trip(hub, central, tmp_path)

    # Two PCs of the office edit one letter through the hub: the hub merges (a conflict).
    save(pc1, at_hub, hal="Versi PC1")
    save(pc2, at_hub, hal="Versi PC2")
    # The other letter is edited in the office and, at central, by the laptop in town.
    save(pc1, at_central, hal="Versi kantor")
    save(pc3, at_central, hal="Versi kota")
    pc3.sync()
    via(pc1, HUB)
    via(pc2, HUB)
    via(pc1, HUB)
    made_at_hub = conflicts(pc1, at_hub)
    assert len(made_at_hub) == 1 and conflicts(pc2, at_hub) == made_at_hub

    reply = trip.at_central(trip.export())
    assert "0 refused" in trip.back_at_hub(reply)
    for pc in (pc1, pc2):
        via(pc, HUB)
    pc3.sync()
    made_at_central = conflicts(pc3, at_central)
    assert len(made_at_central) == 1
    for pc in (pc1, pc2, pc3):
        assert conflicts(pc, at_hub) == made_at_hub  # once, everywhere
        assert conflicts(pc, at_central) == made_at_central
        assert pc_versions(pc) == central_versions(central, state.office_id)
    assert sorted(
        central.query(
            "SELECT entity_id FROM records WHERE office_id = :o AND entity = 'conflict'",
            o=state.office_id,
        )
    ) == sorted([(made_at_hub[0],), (made_at_central[0],)])


def test_a_hub_refuses_the_reply_made_for_another_offices_hub(
    central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    trips = []
    for code in ("KEC-SATU", "KEC-DUA"):
        central.add_office(code)
        pc = open_pc(tmp_path, f"pc-{code}")
        set_up_office(pc)
        enrol(pc, central, code)
        pc.sync()
        (tmp_path / code).mkdir()
        hub = isolated_hub(central, tmp_path / code, code, hubs)
        trips.append(Trip(hub, central, tmp_path / code))
    ours, theirs = trips
    ours.export()
    their_reply = theirs.at_central(theirs.export())
    assert "server kantor lain" in ours.refused_at_hub(their_reply)
    assert "balasan" in theirs.back_at_hub(their_reply)


def test_the_hub_program_has_the_bundle_commands_with_its_own_files(tmp_path: Path) -> None:
    from sync.hub.program import parser

    args = parser(tmp_path).parse_args(["bundle", "export", "--out", str(tmp_path / "k.naskah")])
    assert (args.db, args.blobs) == (str(tmp_path / "hub.db"), str(tmp_path / "blobs"))
    args = parser(tmp_path).parse_args(["bundle", "import-reply", "--in", "k.balasan"])
    assert args.hub_bundle_command == "import-reply" and args.db == str(tmp_path / "hub.db")
