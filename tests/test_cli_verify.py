"""``naskah verify FILE.pdf``: what a clerk (or anyone with a copy of the app) sees on the
command line, and the exit status a script can rely on: 0 valid, 1 not valid, 2 unreadable."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.__main__ import main
from tests.conftest import Office
from tests.letters.office_pki import OfficePki
from tests.letters.test_esign import pdf_of
from tests.letters.test_verification import signed, with_text_added


@pytest.fixture
def pki(office_staff: Office) -> OfficePki:
    authority = OfficePki.create()
    authority.install_trust(office_staff.store)
    return authority


@pytest.fixture
def letter_file(office_staff: Office, pki: OfficePki, tmp_path: Path) -> Path:
    letter, _cert = signed(office_staff, pki)
    path = tmp_path / "Undangan Rapat.pdf"
    path.write_bytes(pdf_of(office_staff, letter))
    return path


def verify(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["verify", *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_our_letter_checks_out_while_the_app_has_the_store_open(
    office_staff: Office, letter_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = office_staff.store.data_dir
    code, out, err = verify(capsys, str(letter_file), "--data-dir", str(data_dir))
    assert code == 0, out + err
    lines = out.splitlines()
    assert lines[0].startswith("SAH: tanda tangan utuh")
    assert "Berkas: Undangan Rapat.pdf" in lines[1]
    assert "Penanda tangan: Agustinus Mabel, S.IP (NIP 197008171994031006)" in out
    assert "Sertifikat: terpercaya" in out
    assert "Arsip: surat nomor 000.1.5/001/Kec.WMN/" in out
    assert "sama persis" in out
    # --data-dir before the subcommand works the same.
    assert main(["--data-dir", str(data_dir), "verify", str(letter_file)]) == 0


def test_changed_copy_exits_1_and_names_the_bytes(
    office_staff: Office, letter_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    original = letter_file.read_bytes()
    letter_file.write_bytes(with_text_added(original))
    code, out, _err = verify(
        capsys, str(letter_file), "--data-dir", str(office_staff.store.data_dir)
    )
    assert code == 1
    assert out.splitlines()[0] == "TIDAK SAH: dokumen DIUBAH setelah ditandatangani."
    assert f"bita {len(original)}–" in out


def test_fresh_pc_checks_integrity_only(
    letter_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "pc-baru"
    code, out, err = verify(capsys, str(letter_file), "--data-dir", str(empty))
    assert code == 1, err  # intact, but nothing here says whom to trust
    assert "Keutuhan: utuh" in out
    assert "Sertifikat: tidak dikenal" in out
    assert "Tidak ada data Naskah di komputer ini" in out
    assert not empty.exists()  # checking wrote nothing


def test_unreadable_input_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = str(tmp_path / "pc-baru")
    not_pdf = tmp_path / "surat.pdf"
    not_pdf.write_bytes(b"<html>bukan pdf</html>")
    code, out, err = verify(capsys, str(not_pdf), "--data-dir", empty)
    assert (code, out) == (2, "") and "Berkas ini bukan PDF." in err
    code, _out, err = verify(capsys, str(tmp_path / "tidak-ada.pdf"), "--data-dir", empty)
    assert code == 2 and "Berkas tidak dapat dibaca" in err
    code, _out, err = verify(capsys, str(tmp_path), "--data-dir", empty)
    assert code == 2 and "Berkas tidak dapat dibaca" in err
