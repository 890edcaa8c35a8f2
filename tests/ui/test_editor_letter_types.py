"""The editor asks for what the letter type prints, and an acting head can be written."""

from __future__ import annotations

from desktop.letters import drafting
from desktop.ui.editor_page import EditorPage
from tests.conftest import Office
from tests.ui.driver import Driver


def new_draft(driver: Driver, office_staff: Office, label: str) -> EditorPage:
    driver.log_in(office_staff.store, office_staff.drafter)
    return driver.new_letter(label)


def shown(page: EditorPage) -> dict[str, bool]:
    editor = page.editor
    return {
        "hal": editor.hal.isVisible(),
        "lampiran": editor.lampiran.isVisible(),
        "addressees": editor.addressees.isVisible(),
        "tembusan": editor.tembusan.isVisible(),
    }


def test_a_surat_tugas_asks_for_no_hal_lampiran_or_addressee(
    driver: Driver, office_staff: Office
) -> None:
    page = new_draft(driver, office_staff, "Surat Tugas")
    assert shown(page) == {"hal": False, "lampiran": False, "addressees": False, "tembusan": True}
    assert page.editor.body.text.hasFocus()  # the first field it asks for
    driver.log_out()


def test_a_nota_dinas_asks_for_its_whole_block(driver: Driver, office_staff: Office) -> None:
    page = new_draft(driver, office_staff, "Nota Dinas")
    assert shown(page) == {"hal": True, "lampiran": True, "addressees": True, "tembusan": True}
    driver.log_out()


def test_a_pengumuman_asks_for_its_subject_and_no_copies(
    driver: Driver, office_staff: Office
) -> None:
    page = new_draft(driver, office_staff, "Pengumuman")
    assert shown(page) == {"hal": True, "lampiran": False, "addressees": False, "tembusan": False}
    driver.log_out()


def test_sending_a_surat_tugas_does_not_ask_for_a_hal(driver: Driver, office_staff: Office) -> None:
    page = new_draft(driver, office_staff, "Surat Tugas")
    driver.click("Kirim...")
    errors = page.editor.errors
    assert not errors.is_invalid("hal")
    assert not errors.is_invalid("addressees")
    assert errors.is_invalid("signer_id")
    driver.log_out()


def test_the_clerk_writes_plt_camat_for_the_acting_head(
    driver: Driver, office_staff: Office
) -> None:
    page = new_draft(driver, office_staff, "Surat Dinas")
    editor = page.editor
    assert not editor.on_behalf.isEnabled()  # signing in one's own name
    driver.pick(editor.signer, "Drs. Petrus Tabuni")
    driver.pick(editor.capacity, "Plt.")
    driver.type_into(editor.on_behalf, "Camat Wamena")
    signature = page.document().signature
    assert signature is not None
    assert (signature.capacity, signature.on_behalf_of) == ("Plt.", "Camat Wamena")
    driver.log_out()
    stored = drafting.get_letter(office_staff.store, office_staff.drafter, page.letter.id)
    assert (stored.signer_capacity, stored.signer_on_behalf_of) == ("Plt.", "Camat Wamena")
