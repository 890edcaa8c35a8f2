"""TTE BSrE driven through the window: the administrator sets the service up, the camat signs
with NIK and passphrase against the BSrE stand-in; a wrong passphrase is shown in the dialog."""

from __future__ import annotations

from typing import Any

from desktop.letters import signer_keys
from desktop.signing import bsre as adapter
from desktop.ui.bsre_dialogs import BsreSettingsDialog
from sync.pki import ca
from tests.conftest import Office
from tests.letters.office_pki import OfficePki
from tests.letters.test_esign import awaiting
from tests.signing.bsre_fixtures import ANDI_NIK, ANDI_PASSPHRASE, bsre, bsre_server
from tests.signing.bsre_standin import CLIENT_ID, CLIENT_SECRET, StandIn
from tests.ui.test_review_flow import log_in, open_row, type_into

__all__ = ["bsre", "bsre_server"]  # fixtures used by name below


def bsre_server_url(stand_in: StandIn) -> str:
    return stand_in.base_url.rstrip("/")


def test_settings_then_sign_with_bsre(
    qtbot: Any, office_staff: Office, click: Any, bsre: StandIn
) -> None:
    o = office_staff
    OfficePki.create().install_trust(o.store)
    settings = BsreSettingsDialog(o.store)
    qtbot.addWidget(settings)
    settings.show()
    type_into(qtbot, settings.url, bsre.base_url)
    type_into(qtbot, settings.client_id, CLIENT_ID)
    type_into(qtbot, settings.secret, CLIENT_SECRET)
    # The file picker's choice: first a file that is no certificate, then BSrE's root.
    junk, root = o.store.data_dir / "junk.pem", o.store.data_dir / "bsre-root.pem"
    junk.write_bytes(b"bukan sertifikat")
    root.write_bytes(ca.cert_to_pem(bsre.root))
    settings.trust_root(junk)
    assert settings.error.isVisible() and "bukan sertifikat" in settings.error.text()
    settings.trust_root(root)
    assert not settings.error.isVisible() and "BSrE" in settings.root_label.text()
    click(settings.save_button)
    assert not settings.isVisible()
    config = adapter.BsreConfig.load(o.store.data_dir)
    assert config is not None and config.base_url == bsre_server_url(bsre)
    assert CLIENT_SECRET not in (o.store.data_dir / "bsre.json").read_text()
    assert adapter.load_client_secret(CLIENT_ID) == CLIENT_SECRET

    awaiting(o)
    window = log_in(qtbot, o.store, o.camat)
    open_row(qtbot, window)
    view = window.letter_view
    assert view is not None
    qtbot.waitUntil(lambda: view.data is not None and view.bsre_button.isVisible())
    assert signer_keys.status(o.store, o.camat.id).state is signer_keys.CredentialState.NONE
    click(view.bsre_button)
    dialog = view.bsre_dialog
    qtbot.waitUntil(dialog.isVisible)
    type_into(qtbot, dialog.nik, ANDI_NIK)
    type_into(qtbot, dialog.passphrase, "bukan-ini")
    click(dialog.sign_button)
    qtbot.waitUntil(lambda: dialog.error.isVisible(), timeout=10000)
    assert "Passphrase BSrE salah" in dialog.error.text()
    type_into(qtbot, dialog.passphrase, ANDI_PASSPHRASE)
    click(dialog.sign_button)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: view.fields["status"].text() == "Ditandatangani")
    assert view.fields["signature"].text().startswith("TTE BSrE")
    window.close()
