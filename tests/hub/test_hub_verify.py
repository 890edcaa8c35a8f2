"""The verification page at the hub (docs/office-hub.md): a letter signed on a PC that syncs
directly with central reaches the hub by adoption, and the hub finds it by its code and judges
it as central does (the certificate central's CA issued to the office came with the mirror)."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from desktop.letters.drafting import get_letter
from sync.client import engine
from tests.hub.conftest import Central, Hub
from tests.hub.test_hub_signing_delivery import office_pc
from tests.hub.test_offline_office import start_hub
from tests.sync.pcs import draft
from tests.sync.test_delivery import enrol_camat, sign_electronically


def verdict(url: str, code: str) -> dict[str, object]:
    response = requests.get(f"{url}/v/{code}.json", timeout=30)
    assert response.status_code == 200, response.text
    answer: dict[str, object] = response.json()
    return answer


def test_a_letter_adopted_at_the_hub_is_found_there_by_its_code(
    ca_central: Central, hubs: list[Hub], tmp_path: Path
) -> None:
    central = ca_central
    laptop = office_pc(central, tmp_path, "laptop", "KEC-VER", "Wamena")
    state = engine.state_of(laptop.store)
    assert state is not None
    hub = start_hub(central, tmp_path, "KEC-VER", hubs)
    enrol_camat(laptop)
    letter_id = draft(laptop, "Surat keterangan domisili")
    sign_electronically(laptop, letter_id)
    laptop.sync()  # directly with central: the hub learns of it only from central
    laptop.sync()  # the timestamped PDF
    code = get_letter(laptop.store, laptop.user("camat"), letter_id).verify_code
    assert code
    hub.wait_caught_up(state.office_id)
    at_central = verdict(central.url, code)
    assert at_central["valid"] is True, at_central
    while True:  # the signed PDF comes down to the hub after its record
        at_hub = verdict(hub.url, code)
        if at_hub == at_central:
            break
        # Never "not valid" meanwhile: at most "not yet certain" (the PDF on its way).
        assert at_hub["status"] == "BELUM DAPAT DIPASTIKAN", at_hub
        time.sleep(0.2)
    wrong = requests.get(f"{hub.url}/v/{code[:-2]}XX.json", timeout=30)
    assert wrong.status_code == 404
