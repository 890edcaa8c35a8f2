"""Fixtures for the TTE BSrE tests: the stand-in served on loopback once per session, reset
before each test, with three NIKs registered (a signer in good standing, one whose certificate
expired, one whose certificate was revoked)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from desktop.signing.bsre import BsreClient, BsreConfig
from tests.signing.bsre_standin import CLIENT_ID, CLIENT_SECRET, Holder, StandIn, StandInServer

ANDI_NIK = "7371011503800002"
ANDI_PASSPHRASE = "Bsr3-Sukamaju!2026"
EXPIRED_NIK = "7371012005700003"
REVOKED_NIK = "7371010107750004"
UNKNOWN_NIK = "7371019999990005"


@pytest.fixture(scope="session")
def bsre_server() -> Iterator[StandIn]:
    state = StandIn.create()
    state.register(Holder(ANDI_NIK, "Andi Baso Mappaturung, S.STP., M.Si.", ANDI_PASSPHRASE))
    state.register(
        Holder(EXPIRED_NIK, "Drs. La Ode Hamzah", "Lama#2019", "EXPIRED", "197205101998031004")
    )
    state.register(
        Holder(REVOKED_NIK, "Wa Ode Sitti, S.Sos", "Dicabut#2024", "REVOKE", "197501012000032001")
    )
    server = StandInServer(state).start()
    yield state
    server.stop()


@pytest.fixture
def bsre(bsre_server: StandIn) -> Iterator[StandIn]:
    """The stand-in with its switches back to normal."""
    bsre_server.reset()
    yield bsre_server
    bsre_server.reset()


@pytest.fixture
def bsre_client(bsre: StandIn) -> Iterator[BsreClient]:
    with BsreClient(BsreConfig(bsre.base_url, CLIENT_ID, timeout=10), CLIENT_SECRET) as client:
        yield client
