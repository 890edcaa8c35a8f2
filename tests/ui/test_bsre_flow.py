"""TTE BSrE driven through the window: the administrator sets the service up, the camat signs
with NIK and passphrase against the BSrE stand-in; a wrong passphrase is shown in the dialog."""

from __future__ import annotations

from desktop.letters import signer_keys
from desktop.signing import bsre as adapter
from desktop.ui.bsre_dialogs import BsreSettingsDialog, BsreSignDialog
from sync.pki import ca
from tests.conftest import Office
from tests.letters.office_pki import OfficePki
from tests.letters.test_esign import awaiting
from tests.signing.bsre_fixtures import ANDI_NIK, ANDI_PASSPHRASE, bsre, bsre_server
from tests.signing.bsre_standin import CLIENT_ID, CLIENT_SECRET, StandIn
from tests.ui.driver import Driver

__all__ = ["bsre", "bsre_server"]  # fixtures used by name below


def bsre_server_url(stand_in: StandIn) -> str:
    return stand_in.base_url.rstrip("/")


def test_settings_then_sign_with_bsre(driver: Driver, office_staff: Office, bsre: StandIn) -> None:
    o = office_staff
    OfficePki.create().install_trust(o.store)
    driver.log_in(o.store, o.admin)
    driver.click("Administrasi", "Pengaturan TTE BSrE...")
    settings = driver.dialog(BsreSettingsDialog)
    driver.type_into(settings.url, bsre.base_url)
    driver.type_into(settings.client_id, CLIENT_ID)
    driver.type_into(settings.secret, CLIENT_SECRET)
    # The file picker's choice: first a file that is no certificate, then BSrE's root.
    junk, root = o.store.data_dir / "junk.pem", o.store.data_dir / "bsre-root.pem"
    junk.write_bytes(b"bukan sertifikat")
    root.write_bytes(ca.cert_to_pem(bsre.root))
    driver.choose_file(junk)
    driver.click("Percayai sertifikat akar BSrE...")
    assert settings.error.isVisible() and "bukan sertifikat" in settings.error.text()
    driver.choose_file(root)
    driver.click("Percayai sertifikat akar BSrE...")
    assert not settings.error.isVisible() and "BSrE" in settings.root_label.text()
    driver.click("Simpan")
    assert not settings.isVisible()
    config = adapter.BsreConfig.load(o.store.data_dir)
    assert config is not None and config.base_url == bsre_server_url(bsre)
    assert CLIENT_SECRET not in (o.store.data_dir / "bsre.json").read_text()
    assert adapter.load_client_secret(CLIENT_ID) == CLIENT_SECRET
    driver.log_out()

    awaiting(o)
    driver.log_in(o.store, o.camat)
    driver.open_letter(0)
    assert signer_keys.status(o.store, o.camat.id).state is signer_keys.CredentialState.NONE
    driver.click("TTE BSrE...")
    dialog = driver.dialog(BsreSignDialog)
    driver.type_into(dialog.nik, ANDI_NIK)
    driver.type_into(dialog.passphrase, "bukan-ini")
    driver.click("Tandatangani sekarang")
    driver.wait_until(dialog.error.isVisible, "BSrE's refusal", timeout=10000)
    assert "Passphrase BSrE salah" in dialog.error.text()
    driver.type_into(dialog.passphrase, ANDI_PASSPHRASE)
    driver.click("Tandatangani sekarang")
    driver.wait_until(lambda: not dialog.isVisible(), "the dialog to close", timeout=10000)
    driver.wait_until(lambda: driver.field("Status") == "Ditandatangani", "the letter signed")
    assert driver.field("Tanda tangan").startswith("TTE BSrE")
    driver.log_out()
