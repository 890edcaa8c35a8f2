"""The letter view's "Penandatangan" line names the signer first, then the capacity."""

from __future__ import annotations

from desktop.letters.document import signer_summary


def test_signer_comes_before_the_capacity() -> None:
    assert signer_summary("Drs. Petrus Tabuni") == "Drs. Petrus Tabuni"
    on_behalf = signer_summary("Drs. Petrus Tabuni", "a.n.", "Camat Wamena")
    assert on_behalf == "Drs. Petrus Tabuni, a.n. Camat Wamena"
    assert not on_behalf.startswith("a.n.")
    assert signer_summary("Drs. Petrus Tabuni", "Plt.") == "Drs. Petrus Tabuni (Plt.)"
    assert signer_summary("Drs. Petrus Tabuni", "a.n.") == "Drs. Petrus Tabuni (a.n.)"
