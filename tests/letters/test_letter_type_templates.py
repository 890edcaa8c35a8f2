"""An administrator adjusts the letter types without code: the office's own
``templates/letter_types.toml`` in its data folder (font, margins, what a type prints, new
types), which survives upgrades; a bad file is refused with messages that say what to fix."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from desktop.letters import drafting, templates, workflow
from desktop.letters.document import document_for
from desktop.letters.drafting import AddresseeInput
from desktop.letters.errors import ValidationError
from desktop.letters.templates import TemplateError, letter_types, office_file
from desktop.render.document import Heading, InfoRow
from desktop.store.blobs import BlobStore
from desktop.store.models import Letter
from tests.conftest import Office

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def _fresh_templates() -> Iterator[None]:
    """Each test reads the files anew and leaves no office folder in use behind it."""
    templates.forget_loaded()
    yield
    templates.use_office_folder(None)
    templates.forget_loaded()


def write_office_file(data_dir: Path, text: str) -> Path:
    path = office_file(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_shipped_file_is_valid_and_has_every_common_kecamatan_type() -> None:
    kinds = templates.load_letter_types(None)
    for key in ("surat_dinas", "surat_undangan", "nota_dinas", "surat_edaran", "pengumuman",
                "surat_perintah", "surat_tugas", "surat_kuasa", "memo", "laporan", "notula",
                "telaahan_staf", "keputusan_camat", "berita_acara", "surat_keterangan",
                "surat_pengantar", "rekomendasi"):  # fmt: skip
        assert key in kinds, key
    assert kinds["nota_dinas"].form.info[:2] == (InfoRow.YTH, InfoRow.DARI)
    assert Heading.TENTANG in kinds["surat_edaran"].form.heading


def test_the_editor_asks_only_for_what_a_type_prints() -> None:
    kinds = letter_types()
    assert kinds["surat_dinas"].prints("hal") and kinds["surat_dinas"].prints("lampiran")
    assert kinds["nota_dinas"].prints("hal") and kinds["nota_dinas"].prints("addressees")
    assert kinds["surat_edaran"].prints("hal")  # under TENTANG
    for titled in ("surat_tugas", "surat_keterangan", "surat_perintah", "surat_kuasa", "notula"):
        assert not kinds[titled].prints("hal"), titled
        assert not kinds[titled].prints("lampiran"), titled
    assert not kinds["pengumuman"].prints("tembusan")
    assert not kinds["surat_tugas"].prints("addressees")


def _fill(o: Office, letter_id: str, **changes: object) -> None:
    data = drafting.input_of(drafting.get_letter(o.store, o.drafter, letter_id))
    data.classification_code = "800.1.11.1"
    data.body_html = "<p>Untuk menghadiri rapat koordinasi di Kantor Bupati.</p>"
    data.signer_id = o.camat.id
    for name, value in changes.items():
        setattr(data, name, value)
    drafting.save_draft(o.store, o.drafter, letter_id, data)


def test_a_titled_type_is_sent_without_a_hal_it_never_prints(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_tugas")
    _fill(o, letter.id)
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)


def test_a_nota_dinas_needs_its_hal_and_addressee(office_staff: Office) -> None:
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "nota_dinas")
    _fill(o, letter.id)
    with pytest.raises(ValidationError) as refused:
        workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    assert set(refused.value.fields) == {"hal", "addressees"}
    _fill(o, letter.id, hal="Laporan Kegiatan Bulan Maret",
          addressees=[AddresseeInput("Sekretaris Kecamatan")])  # fmt: skip
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)


def test_an_acting_head_needs_no_on_behalf_line(office_staff: Office) -> None:
    """Plt. with the head's position ("Plt. Camat Wamena") or without (own position): both can
    be sent; a.n. still needs the position signed for."""
    o = office_staff
    letter = drafting.new_draft(o.store, o.drafter, "surat_tugas")
    _fill(o, letter.id, signer_capacity="Plt.", signer_on_behalf_of="Camat Wamena")
    stored = drafting.get_letter(o.store, o.drafter, letter.id)
    assert drafting.validate_for_sending(drafting.input_of(stored)) == {}
    _fill(o, letter.id, signer_capacity="a.n.", signer_on_behalf_of="")
    stored = drafting.get_letter(o.store, o.drafter, letter.id)
    assert "signer_on_behalf_of" in drafting.validate_for_sending(drafting.input_of(stored))


OFFICE_VARIANT = """
# Kecamatan Wamena: nota dinas in 11 pt with a wider left margin; surat tugas with a subject.
[nota_dinas]
font_pt = 11
margins_mm = { left = 35, top = 15 }

[surat_tugas]
heading = ["nomor", "tentang"]

[surat_izin_keramaian]
label = "Surat Izin Keramaian"
layout = "titled"
title = "SURAT IZIN KERAMAIAN"
heading = ["nomor", "tentang"]
classification = "300.1"
body = "<p>Diberikan izin keramaian kepada ...</p>"
"""


def test_an_office_variant_changes_types_without_code(office_staff: Office) -> None:
    o = office_staff
    write_office_file(o.store.data_dir, OFFICE_VARIANT)
    kinds = letter_types(o.store.data_dir)
    assert kinds["nota_dinas"].font_pt == 11
    assert kinds["nota_dinas"].form.info_rule  # what the office left out stays as shipped
    assert kinds["surat_tugas"].prints("hal")
    assert list(kinds)[-1] == "surat_izin_keramaian"  # new types after the shipped ones

    # A new type of the office's own, drafted, sent, signed and printed like any other.
    letter = drafting.new_draft(o.store, o.drafter, "surat_izin_keramaian")
    assert letter.classification_code == "300.1"
    _fill(o, letter.id, hal="Pesta Adat Bakar Batu Kampung Sinakma")
    workflow.send(o.store, o.drafter, letter.id, [], o.camat.id)
    workflow.sign_by_hand(o.store, o.camat, letter.id)
    with o.store.read() as session:
        signed = session.get(Letter, letter.seq)
        assert signed is not None and signed.pdf_hash
        pdf = BlobStore(o.store.blob_dir).get(signed.pdf_hash)
    printed = " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())
    assert re.search(r"SURAT IZIN KERAMAIAN NOMOR: \S+ TENTANG PESTA ADAT BAKAR BATU", printed)


def test_font_and_margins_of_the_office_variant_reach_the_page(office_staff: Office) -> None:
    o = office_staff
    write_office_file(o.store.data_dir, OFFICE_VARIANT)
    letter = drafting.new_draft(o.store, o.drafter, "nota_dinas")
    _fill(o, letter.id)
    with o.store.read() as session:
        stored = session.get(Letter, letter.seq)
        assert stored is not None
        doc = document_for(session, stored, o.store.blob_dir)
    assert doc.font_pt == 11
    assert doc.margins_mm == (15.0, 35.0, 20.0, 25.0)  # right and bottom from the office


def test_the_variant_survives_an_upgrade(
    office_staff: Office, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A new version ships a corrected nota dinas text: the office keeps its own 11 pt and gets
    the new text, since its file only names what it changed."""
    o = office_staff
    write_office_file(o.store.data_dir, OFFICE_VARIANT)
    upgraded = tmp_path / "letter_types.toml"
    shipped = templates.shipped_file().read_text(encoding="utf-8")
    upgraded.write_text(
        shipped.replace("<p>Bersama ini kami sampaikan ...</p>", "<p>Dengan hormat, ...</p>"),
        encoding="utf-8",
    )
    monkeypatch.setattr(templates, "shipped_file", lambda: upgraded)
    templates.forget_loaded()
    nota = letter_types(o.store.data_dir)["nota_dinas"]
    assert nota.font_pt == 11
    assert "Dengan hormat, ..." in nota.body


BAD_FILES = {
    "unknown key": ('[nota_dinas]\nfontsize = 11\n', "[nota_dinas] fontsize: kunci tidak dikenal"),
    "font too big": ("[surat_dinas]\nfont_pt = 14\n",
                     "[surat_dinas] font_pt: harus angka antara 11 dan 12 (pt), bukan 14"),
    "font as text": ('[surat_dinas]\nfont_pt = "12"\n', "[surat_dinas] font_pt: harus angka"),
    "margin side": ("[surat_dinas]\nmargins_mm = { atas = 20 }\n",
                    "[surat_dinas] margins_mm: sisi 'atas' tidak dikenal"),
    "margin size": ("[surat_dinas]\nmargins_mm = { left = 100 }\n",
                    "[surat_dinas] margins_mm: left harus angka antara 5 dan 60 (mm)"),
    "info row": ('[nota_dinas]\ninfo = ["yth", "perihal"]\n',
                 "[nota_dinas] info: 'perihal' tidak dikenal; yang dapat dipakai: yth, dari"),
    "layout": ('[memo]\nlayout = "lurus"\n',
               "[memo] layout: harus salah satu dari: correspondence, titled (bukan 'lurus')"),
    "new type": ('[surat_izin]\ntitle = "SURAT IZIN"\n',
                 "[surat_izin] label: wajib diisi untuk jenis naskah baru"),
    "type name": ('["Surat Izin"]\nlabel = "x"\nlayout = "titled"\n',
                  "[Surat Izin]: nama jenis hanya boleh huruf kecil"),
    "placeholder": ('[keputusan_camat]\ntitle = "KEPUTUSAN {camat}"\n',
                    "[keputusan_camat] title: isian {camat} tidak dikenal"),
    "flag": ('[nota_dinas]\ninfo_rule = "ya"\n', "[nota_dinas] info_rule: harus true atau false"),
    "not a table": ('nota_dinas = "NOTA"\n', "nota_dinas: harus berupa bagian [nota_dinas]"),
    "toml syntax": ('[nota_dinas]\nfont_pt 11\n', "bukan TOML yang sah"),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_office_file_is_refused_with_what_to_fix(case: str, tmp_path: Path) -> None:
    text, expected = BAD_FILES[case]
    path = write_office_file(tmp_path, text)
    with pytest.raises(TemplateError) as refused:
        templates.load_letter_types(tmp_path)
    assert str(path) in refused.value.message
    assert expected in refused.value.message, refused.value.message
    # Letters still print meanwhile, from the shipped types; the problem stays visible.
    assert letter_types(tmp_path) == templates.load_letter_types(None)
    assert templates.office_problem(tmp_path) is not None


def test_every_problem_of_a_file_is_listed_at_once(tmp_path: Path) -> None:
    write_office_file(tmp_path, '[nota_dinas]\nfont_pt = 20\n\n[memo]\nlayout = "x"\n')
    with pytest.raises(TemplateError) as refused:
        templates.load_letter_types(tmp_path)
    assert len(refused.value.problems) == 2


def test_a_corrected_file_is_taken_without_restarting(tmp_path: Path) -> None:
    path = write_office_file(tmp_path, "[surat_dinas]\nfont_pt = 13\n")
    assert templates.office_problem(tmp_path) is not None
    path.write_text("[surat_dinas]\nfont_pt = 11.5\n# corrected\n", encoding="utf-8")
    assert templates.office_problem(tmp_path) is None
    assert letter_types(tmp_path)["surat_dinas"].font_pt == 11.5


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def test_the_administrator_checks_the_file_from_the_command_line(tmp_path: Path) -> None:
    result = run_cli("--data-dir", str(tmp_path), "templates", "check")
    assert result.returncode == 0 and "bawaan" in result.stdout
    write_office_file(tmp_path, OFFICE_VARIANT)
    result = run_cli("--data-dir", str(tmp_path), "templates", "check")
    assert result.returncode == 0, result.stderr
    assert "surat_izin_keramaian: Surat Izin Keramaian" in result.stdout
    write_office_file(tmp_path, "[surat_dinas]\nfont_pt = 14\n")
    result = run_cli("--data-dir", str(tmp_path), "templates", "check")
    assert result.returncode == 1
    assert "[surat_dinas] font_pt: harus angka antara 11 dan 12" in result.stderr


def test_the_office_file_lives_in_the_data_folder_not_the_program(tmp_path: Path) -> None:
    """An upgrade replaces the program folder (resources included) and never the data."""
    assert office_file(tmp_path).is_relative_to(tmp_path)
    assert not office_file(tmp_path).is_relative_to(templates.shipped_file().parents[1])
