"""Every letter type as the regulations draw it (DOMAIN.md "Per type"): each type's own
elements, in their order, read back from the PDF on F4 and on A4."""

from __future__ import annotations

import io

import pytest
from pdf_reading import assert_in_order, page_texts, run_starting, runs, text
from pypdf import PdfReader
from type_samples import CAMAT, DATE_TEXT, KASI, NUMBER, SEKCAM, document

from desktop.letters.templates import letter_types
from desktop.render import render_pdf
from desktop.render.document import PaperSize

HAL = "Pelaksanaan Kerja Bakti Menyambut Hari Ulang Tahun Kabupaten"
SIGNATURE = [CAMAT.name, CAMAT.pangkat, f"NIP. {CAMAT.nip}"]
PLACE_DATE = f"Wamena, {DATE_TEXT}"
CORRESPONDENCE_HEAD = [PLACE_DATE, "Nomor", NUMBER, "Sifat", "Biasa", "Lampiran",
                       "1 (satu) berkas", "Hal", HAL, "Yth.", "1.",
                       "Kepala Seksi Pemerintahan", "2.",
                       "Kepala Seksi Ketenteraman dan Ketertiban Umum", "di", "Wamena"]  # fmt: skip
TEMBUSAN = ["Tembusan:", "1. Bupati Jayawijaya", "2. Arsip"]
TITLED_NUMBER = f"NOMOR: {NUMBER}"

# Per type: what it prints, in order, and what it must not print.
ANATOMY: dict[str, tuple[list[str], list[str]]] = {
    "surat_dinas": (
        [*CORRESPONDENCE_HEAD, "Dengan hormat,", "Demikian disampaikan", "Camat Wamena,",
         *SIGNATURE, *TEMBUSAN],
        ["SURAT DINAS", "TENTANG"],
    ),
    "surat_undangan": (
        [*CORRESPONDENCE_HEAD, "Dengan hormat,", "hari/tanggal", "waktu", "tempat", "acara",
         "Demikian undangan ini", "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        ["SURAT UNDANGAN"],
    ),
    "nota_dinas": (
        ["NOTA DINAS", "Yth.", ":", "1.", "Kepala Seksi Pemerintahan", "2.",
         "Kepala Seksi Ketenteraman dan Ketertiban Umum", "Dari", ":", "Camat Wamena",
         "Tembusan", ":", "1.", "Bupati Jayawijaya", "2.", "Arsip", "Tanggal", ":", DATE_TEXT,
         "Nomor", ":", NUMBER, "Sifat", ":", "Biasa", "Lampiran", ":", "1 (satu) berkas",
         "Hal", ":", HAL, "Bersama ini kami sampaikan", "Camat Wamena,", *SIGNATURE],
        [PLACE_DATE, "Tembusan:", " di ", "NOMOR:"],
    ),
    "surat_keterangan": (
        ["SURAT KETERANGAN", TITLED_NUMBER, "menerangkan bahwa", "Nama", "NIK", "Alamat",
         "Demikian surat keterangan", PLACE_DATE, "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        ["Hal", "Lampiran", "Yth."],
    ),
    "surat_pengantar": (
        ["SURAT PENGANTAR", TITLED_NUMBER, "Yth.", "Kepala Seksi Pemerintahan",
         "Naskah Dinas yang Dikirimkan", "Banyaknya", "Keterangan", PLACE_DATE,
         "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        ["Hal :", "Lampiran"],
    ),
    "surat_tugas": (
        ["SURAT TUGAS", TITLED_NUMBER, "Dasar", "MENUGASKAN:", "Kepada", "Untuk",
         PLACE_DATE, "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        ["Hal", "Yth."],
    ),
    "surat_perintah": (
        ["SURAT PERINTAH", TITLED_NUMBER, "Dasar", ":", "1.", "MEMERINTAHKAN:", "Kepada", ":",
         "Nama", "Pangkat/Gol.", "NIP", "Jabatan", "Untuk", ":", "1.", "Demikian surat perintah",
         PLACE_DATE, "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        ["Hal", "Yth."],
    ),
    "surat_edaran": (
        ["SURAT EDARAN", TITLED_NUMBER, "TENTANG", HAL.upper(), "Yth.", "1.",
         "Kepala Seksi Pemerintahan", "2.", "Kepala Seksi Ketenteraman", "hal-hal sebagai berikut",
         "1.", "2.", "Demikian surat edaran", "Ditetapkan di Wamena", f"pada tanggal {DATE_TEXT}",
         "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        [PLACE_DATE],
    ),
    "pengumuman": (
        ["PENGUMUMAN", TITLED_NUMBER, "TENTANG", HAL.upper(), "diumumkan kepada",
         "Demikian pengumuman", "Dikeluarkan di Wamena", f"pada tanggal {DATE_TEXT}",
         "Camat Wamena,", *SIGNATURE],
        [PLACE_DATE, "Tembusan", "Yth."],
    ),
    "keputusan_camat": (
        ["KEPUTUSAN CAMAT WAMENA", TITLED_NUMBER, "TENTANG", HAL.upper(), "CAMAT WAMENA,",
         "Menimbang", ":", "a.", "bahwa", "b.", "bahwa", "Mengingat", ":", "1.", "2.",
         "MEMUTUSKAN:", "Menetapkan", ":", "KESATU", ":", "KEDUA", ":",
         "Ditetapkan di Wamena", f"pada tanggal {DATE_TEXT}", "Camat Wamena,", *SIGNATURE,
         *TEMBUSAN],
        [PLACE_DATE, "Yth."],
    ),
    "surat_kuasa": (
        ["SURAT KUASA", TITLED_NUMBER, "Yang bertanda tangan di bawah ini:", "Nama", "NIP",
         "Jabatan", "Memberi kuasa kepada:", "Nama", "NIP", "Jabatan", "Untuk",
         "Penerima Kuasa,", PLACE_DATE, "Pemberi Kuasa,", *SIGNATURE],
        ["Hal", "Yth.", "Camat Wamena,"],
    ),
    "berita_acara": (
        ["BERITA ACARA", TITLED_NUMBER, "Pada hari ini", "tanggal", "bulan", "tahun",
         PLACE_DATE, "Camat Wamena,", *SIGNATURE],
        ["Hal", "Yth."],
    ),
    "rekomendasi": (
        ["REKOMENDASI", TITLED_NUMBER, "memberikan rekomendasi kepada", PLACE_DATE,
         "Camat Wamena,", *SIGNATURE, *TEMBUSAN],
        ["Hal", "Yth."],
    ),
    "memo": (
        ["MEMO", "Yth.", ":", "1.", "Kepala Seksi Pemerintahan", "Dari", ":", "Camat Wamena",
         "Tanggal", ":", DATE_TEXT, "Nomor", ":", NUMBER, "Hal", ":", HAL, "Camat Wamena,",
         *SIGNATURE],
        [PLACE_DATE, "Lampiran", "NOMOR:"],
    ),
    "laporan": (
        ["LAPORAN", "TENTANG", HAL.upper(), "A. Pendahuluan", "Maksud dan Tujuan",
         "B. Kegiatan yang Dilaksanakan", "C. Hasil yang Dicapai", "D. Simpulan dan Saran",
         "E. Penutup", PLACE_DATE, "Camat Wamena,", *SIGNATURE],
        ["NOMOR", "Tembusan", "Yth."],
    ),
    "notula": (
        ["NOTULA", "Sidang/Rapat", "Hari/Tanggal", "Waktu Panggilan", "Waktu Sidang/Rapat",
         "Acara", "Pimpinan Sidang/Rapat", "Ketua", "Sekretaris", "Pencatat", "Peserta",
         "Kegiatan Sidang/Rapat:", "Kata pembukaan", "Pembahasan", "Keputusan",
         "Notulis,", PLACE_DATE, "Pimpinan Rapat,", *SIGNATURE],
        ["NOMOR", "Tembusan", "Yth.", "Hal :"],
    ),
    "telaahan_staf": (
        ["TELAAHAN STAF", "Yth.", ":", "1.", "Kepala Seksi Pemerintahan", "Dari", ":",
         "Camat Wamena", "Tanggal", ":", DATE_TEXT, "Nomor", ":", NUMBER, "Lampiran", ":",
         "1 (satu) berkas", "Hal", ":", HAL, "1. Persoalan", "2. Praanggapan",
         "3. Fakta yang Mempengaruhi", "4. Analisis", "5. Simpulan", "6. Saran",
         "Camat Wamena,", *SIGNATURE],
        [PLACE_DATE, "Tembusan"],
    ),
}  # fmt: skip

PAPER_PT = {PaperSize.F4: (609.45, 935.43), PaperSize.A4: (595.28, 841.89)}


def test_every_shipped_type_has_its_anatomy_checked() -> None:
    assert set(ANATOMY) == set(letter_types())


@pytest.mark.parametrize("paper", [PaperSize.F4, PaperSize.A4])
@pytest.mark.parametrize("type_key", sorted(ANATOMY))
def test_letter_type_anatomy(type_key: str, paper: PaperSize) -> None:
    pdf = render_pdf(document(type_key, paper))
    printed = text(pdf)
    present, absent = ANATOMY[type_key]
    # The kop comes first on every type.
    assert_in_order(printed, ["PEMERINTAH KABUPATEN JAYAWIJAYA", "KECAMATAN WAMENA", *present])
    for missing in absent:
        assert missing not in printed, f"{type_key} prints {missing!r}"
    page = PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) == pytest.approx(PAPER_PT[paper][0], abs=0.1)
    assert float(page.mediabox.height) == pytest.approx(PAPER_PT[paper][1], abs=0.1)


def test_nota_dinas_lists_each_addressee_and_copy_once_in_its_block() -> None:
    printed = text(render_pdf(document("nota_dinas")))
    assert printed.count("Bupati Jayawijaya") == 1
    assert printed.count("Kepala Seksi Pemerintahan") == 1


def test_nota_dinas_with_one_addressee_and_no_copies() -> None:
    from desktop.letters.drafting import AddresseeInput

    printed = text(
        render_pdf(
            document(
                "nota_dinas",
                addressees=[AddresseeInput("Sekretaris Kecamatan")],
                tembusan=[],
            )
        )
    )
    assert_in_order(printed, ["Yth.", ":", "Sekretaris Kecamatan", "Dari", ":", "Camat Wamena",
                              "Tanggal"])  # fmt: skip
    assert "Tembusan" not in printed
    assert "1." not in printed.split("Dari")[0]


def test_acting_head_signs_as_plt_camat() -> None:
    """The camat is away: the sekcam signs as "Plt. Camat Wamena," with her own name and NIP."""
    doc = document(
        "surat_dinas", signer=SEKCAM, signer_capacity="Plt.", signer_on_behalf_of="Camat Wamena"
    )
    printed = text(render_pdf(doc))
    assert_in_order(printed, ["Plt. Camat Wamena,", SEKCAM.name, SEKCAM.pangkat,
                              f"NIP. {SEKCAM.nip}"])  # fmt: skip
    assert "Sekretaris Kecamatan," not in printed
    assert "a.n." not in printed


@pytest.mark.parametrize("capacity", ["Plt.", "Plh."])
def test_acting_head_in_a_nota_dinas_block_and_signature(capacity: str) -> None:
    doc = document(
        "nota_dinas", signer=SEKCAM, signer_capacity=capacity, signer_on_behalf_of="Camat Wamena"
    )
    printed = text(render_pdf(doc))
    assert_in_order(printed, ["Dari", ":", f"{capacity} Camat Wamena", "Tanggal",
                              f"{capacity} Camat Wamena,", SEKCAM.name])  # fmt: skip


def test_acting_in_ones_own_line_keeps_the_own_position() -> None:
    """Plt. of another position than the head's: left empty, the signer's own position."""
    printed = text(render_pdf(document("surat_dinas", signer=KASI, signer_capacity="Plt.")))
    assert "Plt. Kepala Seksi Pemerintahan," in printed


def test_on_behalf_of_the_head_is_unchanged() -> None:
    doc = document(
        "surat_dinas", signer=SEKCAM, signer_capacity="a.n.", signer_on_behalf_of="Camat Wamena"
    )
    assert_in_order(text(render_pdf(doc)), ["a.n. Camat Wamena", "Sekretaris Kecamatan,",
                                            SEKCAM.name])  # fmt: skip


def test_surat_kuasa_two_signatures_side_by_side() -> None:
    """The receiver (a co-signer) at the left, the giver (the main signer) at the right."""
    pdf = render_pdf(document("surat_kuasa", co_signers=(KASI,)))
    placed = runs(pdf)
    receiver = run_starting(placed, "Penerima Kuasa,")
    giver = run_starting(placed, "Pemberi Kuasa,")
    assert receiver.y == pytest.approx(giver.y, abs=1)
    assert receiver.x < giver.x
    receiver_name = run_starting(placed, KASI.name)
    giver_name = run_starting(placed, CAMAT.name)
    assert receiver_name.y == pytest.approx(giver_name.y, abs=1)
    assert receiver_name.x < giver_name.x


def test_surat_kuasa_receiver_outside_the_office_signs_by_hand() -> None:
    pdf = render_pdf(document("surat_kuasa"))
    placed = runs(pdf)
    receiver = run_starting(placed, "Penerima Kuasa,")
    blank = run_starting(placed, "(....")
    giver_name = run_starting(placed, CAMAT.name)
    assert receiver.x < giver_name.x
    assert blank.y == pytest.approx(giver_name.y, abs=3)


def test_keputusan_title_carries_the_office_name() -> None:
    pages = page_texts(render_pdf(document("keputusan_camat")))
    assert "KEPUTUSAN CAMAT WAMENA" in pages[0]
    assert "{kecamatan}" not in pages[0]
