"""Indonesian text material for the benchmark store: subjects, addressees and letter bodies.

The texts imitate what a kecamatan office writes (Kabupaten Manggarai Barat, Kecamatan Komodo):
invitations, reports, requests, certificates for citizens, assignments. Bodies are put together
from paragraphs until a drawn length is reached, so lengths run from a few hundred to a few
thousand characters like real letters.

Two words are planted on purpose for the full-text benchmark: ``desa`` appears in nearly every
letter (a common word) and ``abrasi`` in about 0.2 % of them (a rare word).
"""

from __future__ import annotations

import random
from collections.abc import Callable

from desktop.render.dates import MONTHS_ID

COMMON_WORD = "desa"
RARE_WORD = "abrasi"
RARE_RATE = 0.002

VILLAGES = [
    "Labuan Bajo",
    "Wae Kelambu",
    "Batu Cermin",
    "Gorontalo",
    "Golo Bilas",
    "Macang Tanggar",
    "Warloka",
    "Tanjung Boleng",
    "Papagarang",
    "Komodo",
    "Pasir Putih",
    "Compang Longgo",
    "Nggorang",
    "Golo Mori",
    "Seraya Marannu",
    "Batu Tiga",
    "Golo Pongkor",
    "Watu Nggelek",
    "Wae Sano",
    "Tiwu Nampar",
]

FIRST_NAMES = [
    "Yohanes",
    "Maria",
    "Fransiskus",
    "Agustinus",
    "Yosefina",
    "Kornelis",
    "Theresia",
    "Blasius",
    "Veronika",
    "Siprianus",
    "Hendrikus",
    "Margareta",
    "Stefanus",
    "Elisabeth",
    "Rofinus",
    "Muhammad",
    "Siti",
    "Abdul",
    "Nurhayati",
    "Ahmad",
    "Fatimah",
    "Hasan",
    "Aminah",
    "Ismail",
    "Kristina",
    "Benediktus",
    "Wilhelmus",
    "Yuliana",
    "Adrianus",
    "Sebastianus",
]
LAST_NAMES = [
    "Jehadu",
    "Jemarut",
    "Nggagur",
    "Dangur",
    "Pandur",
    "Hamsi",
    "Syukur",
    "Ndahur",
    "Jelalu",
    "Dalung",
    "Ngarung",
    "Tamur",
    "Abdullah",
    "Daeng",
    "Laka",
    "Bota",
    "Mbaru",
    "Djomba",
    "Ngganggu",
    "Sanur",
]

PROGRAMS = [
    "penyaluran Dana Desa",
    "percepatan penurunan stunting",
    "pendataan keluarga berisiko stunting",
    "Bantuan Langsung Tunai Dana Desa",
    "Musyawarah Perencanaan Pembangunan",
    "pemutakhiran data kependudukan",
    "perekaman KTP elektronik",
    "imunisasi dasar lengkap",
    "pengelolaan sampah di kawasan wisata",
    "penertiban pedagang kaki lima",
    "penyusunan APBDes",
    "Pekan Olahraga Kecamatan",
    "peringatan Hari Kemerdekaan",
    "pembentukan Kampung Keluarga Berkualitas",
    "sertifikasi tanah masyarakat",
    "pemungutan Pajak Bumi dan Bangunan",
    "pembangunan jalan usaha tani",
    "penanggulangan demam berdarah",
    "pelatihan aparatur desa",
    "evaluasi kinerja BUMDes",
]
OFFICES = [
    "Bupati Manggarai Barat",
    "Sekretaris Daerah Kabupaten Manggarai Barat",
    "Kepala Dinas Pemberdayaan Masyarakat dan Desa",
    "Kepala Dinas Kependudukan dan Pencatatan Sipil",
    "Kepala Dinas Kesehatan",
    "Kepala Puskesmas Labuan Bajo",
    "Kepala Kepolisian Sektor Komodo",
    "Komandan Rayon Militer Komodo",
    "Kepala Badan Pendapatan Daerah",
    "Kepala Dinas Pekerjaan Umum dan Penataan Ruang",
    "Kepala Dinas Pariwisata",
    "Kepala Badan Penanggulangan Bencana Daerah",
    "Inspektur Kabupaten Manggarai Barat",
]
PLACES = ["Labuan Bajo", "Tempat", "Ruteng", "Kupang"]
ROOMS = [
    "Aula Kantor Camat Komodo",
    "Ruang Rapat Kantor Camat",
    "Aula Kantor Desa {desa}",
    "Balai Pertemuan Desa {desa}",
    "Ruang Rapat Bupati Manggarai Barat",
]
MONTHS = list(MONTHS_ID)
DAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]

SUBJECTS: dict[str, list[str]] = {
    "surat_dinas": [
        "Penyampaian Laporan {program} Triwulan {n}",
        "Permohonan Data {program} Desa {desa}",
        "Pemberitahuan Jadwal {program}",
        "Penyampaian Rekapitulasi Penduduk Semester {n}",
        "Permohonan Bantuan Penanganan Banjir di Desa {desa}",
        "Tindak Lanjut Hasil {program}",
        "Permohonan Narasumber {program}",
        "Penyampaian Usulan Kegiatan Tahun {tahun}",
        "Laporan Kejadian Kebakaran di Desa {desa}",
        "Konfirmasi Kehadiran Rapat Koordinasi",
    ],
    "surat_undangan": [
        "Undangan Rapat Koordinasi {program}",
        "Undangan Musrenbang Kecamatan Tahun {tahun}",
        "Undangan Sosialisasi {program}",
        "Undangan Rapat Evaluasi {program} Desa {desa}",
        "Undangan Upacara {program}",
        "Undangan Rapat Minggon Kecamatan Bulan {bulan}",
    ],
    "nota_dinas": [
        "Laporan Pelaksanaan {program}",
        "Permintaan Kendaraan Dinas ke Desa {desa}",
        "Usulan Perjalanan Dinas ke Ruteng",
        "Laporan Kehadiran Pegawai Bulan {bulan}",
    ],
    "surat_keterangan": [
        "Keterangan Domisili a.n. {nama}",
        "Keterangan Usaha a.n. {nama}",
        "Keterangan Tidak Mampu a.n. {nama}",
        "Keterangan Ahli Waris a.n. {nama}",
        "Keterangan Pindah a.n. {nama}",
        "Keterangan Kelakuan Baik a.n. {nama}",
    ],
    "surat_pengantar": [
        "Pengantar Berkas {program}",
        "Pengantar Laporan Bulan {bulan} {tahun}",
        "Pengantar Dokumen Kependudukan Desa {desa}",
    ],
    "surat_tugas": [
        "Tugas Monitoring {program} di Desa {desa}",
        "Tugas Pendampingan Musdes Desa {desa}",
        "Tugas Verifikasi Data {program}",
        "Tugas Menghadiri Rapat di Ruteng",
    ],
    "surat_edaran": [
        "Edaran Pelaksanaan {program}",
        "Edaran Jam Kerja Bulan Ramadan Tahun {tahun}",
        "Edaran Kebersihan Lingkungan Menjelang Musim Hujan",
    ],
    "berita_acara": [
        "Berita Acara Serah Terima {program}",
        "Berita Acara Pemeriksaan Pekerjaan Desa {desa}",
        "Berita Acara Musyawarah Desa {desa}",
    ],
    "pengumuman": [
        "Pengumuman Seleksi Perangkat Desa {desa}",
        "Pengumuman Jadwal {program}",
        "Pengumuman Libur Nasional dan Cuti Bersama {tahun}",
    ],
    "rekomendasi": [
        "Rekomendasi Dispensasi Nikah a.n. {nama}",
        "Rekomendasi Izin Keramaian a.n. {nama}",
        "Rekomendasi Pencairan Dana Desa {desa} Tahap {n}",
        "Rekomendasi Beasiswa a.n. {nama}",
    ],
}

OPENINGS = {
    "surat_dinas": "<p>Dengan hormat,</p>",
    "surat_undangan": "<p>Dengan hormat,</p>",
    "rekomendasi": "<p>Yang bertanda tangan di bawah ini Camat Komodo, dengan ini memberikan "
    "rekomendasi kepada:</p>",
    "surat_keterangan": "<p>Yang bertanda tangan di bawah ini Camat Komodo Kabupaten Manggarai "
    "Barat, menerangkan bahwa:</p>",
    "surat_tugas": "<p>Dasar: Peraturan Bupati Manggarai Barat tentang Uraian Tugas Kecamatan dan "
    "program kerja Kecamatan Komodo Tahun {tahun}.</p><p>MENUGASKAN:</p>",
}

PARAGRAPHS = [
    "Sehubungan dengan pelaksanaan {program} di wilayah Kecamatan Komodo tahun anggaran {tahun}, "
    "bersama ini kami sampaikan bahwa seluruh kepala desa diminta menyiapkan data pendukung yang "
    "lengkap dan benar paling lambat tanggal {tgl} {bulan} {tahun}.",
    "Berdasarkan hasil monitoring tim kecamatan di Desa {desa}, kegiatan {program} telah berjalan "
    "dengan capaian {persen} persen dari target. Beberapa kendala yang ditemukan antara lain "
    "keterlambatan laporan pertanggungjawaban dan belum lengkapnya dokumen pendukung.",
    "Menindaklanjuti surat {kantor} tentang {program}, kami mohon kepada Saudara untuk segera "
    "menyampaikan daftar nama penerima manfaat beserta Nomor Induk Kependudukan yang telah "
    "diverifikasi oleh pemerintah desa.",
    "Dalam rangka meningkatkan kualitas pelayanan kepada masyarakat, pemerintah kecamatan akan "
    "melaksanakan kegiatan {program} secara bergilir di setiap desa. Jadwal pelaksanaan untuk "
    "Desa {desa} adalah hari {hari} tanggal {tgl} {bulan} {tahun}.",
    "Perlu kami sampaikan bahwa jumlah penduduk Desa {desa} pada akhir semester ini tercatat "
    "sebanyak {jumlah} jiwa yang terdiri atas {kk} kepala keluarga, dengan penambahan karena "
    "kelahiran dan perpindahan penduduk dari desa sekitar.",
    "Sesuai dengan ketentuan peraturan perundang-undangan yang berlaku, setiap penggunaan dana "
    "desa wajib dipertanggungjawabkan secara transparan melalui musyawarah desa dan dipublikasikan "
    "pada papan informasi di kantor desa.",
    "Mengingat musim hujan yang telah tiba, kami mengimbau seluruh pemerintah desa untuk "
    "meningkatkan kewaspadaan terhadap potensi banjir dan tanah longsor, serta membersihkan "
    "saluran air di lingkungan permukiman warga.",
    "Untuk kelancaran kegiatan dimaksud, kami mohon agar Saudara menugaskan satu orang operator "
    "desa yang menguasai aplikasi sistem informasi desa untuk hadir dengan membawa laptop dan "
    "data terbaru.",
    "Hasil rapat koordinasi tingkat kecamatan menyepakati bahwa pembangunan jalan usaha tani di "
    "Desa {desa} sepanjang {panjang} meter akan dilanjutkan pada tahap berikutnya dengan swadaya "
    "masyarakat dan dukungan dana desa.",
    "Kami sampaikan pula bahwa capaian perekaman KTP elektronik di Kecamatan Komodo telah "
    "mencapai {persen} persen, sehingga masih diperlukan pendataan warga wajib KTP yang belum "
    "melakukan perekaman, terutama di desa kepulauan.",
    "Sehubungan dengan hal tersebut, kepala desa diminta berkoordinasi dengan pendamping desa, "
    "bidan desa dan kader posyandu dalam pendataan balita dan ibu hamil sebagai sasaran "
    "intervensi penurunan stunting.",
    "Berkenaan dengan meningkatnya kunjungan wisatawan ke Labuan Bajo, pemerintah kecamatan "
    "meminta dukungan seluruh desa pesisir dalam menjaga kebersihan pantai serta mengelola "
    "sampah rumah tangga dengan baik.",
    "Anggaran kegiatan tersebut dibebankan pada Dokumen Pelaksanaan Anggaran Kecamatan Komodo "
    "Tahun Anggaran {tahun} sebesar Rp{rupiah},00 sesuai dengan rincian terlampir.",
    "Apabila dalam pelaksanaan kegiatan ditemukan permasalahan yang tidak dapat diselesaikan di "
    "tingkat desa, agar segera dilaporkan kepada Camat Komodo melalui Kepala Seksi Pemerintahan "
    "untuk ditindaklanjuti.",
    "Pelaksanaan Musyawarah Perencanaan Pembangunan tingkat desa diharapkan menghasilkan usulan "
    "prioritas yang sesuai dengan kebutuhan masyarakat dan selaras dengan rencana pembangunan "
    "jangka menengah daerah.",
    "Kami informasikan bahwa pencairan dana desa tahap {n} untuk Desa {desa} dapat diproses "
    "setelah laporan realisasi tahap sebelumnya diterima dan diverifikasi oleh tim kecamatan.",
]

RARE_PARAGRAPH = (
    "Kami laporkan pula bahwa abrasi pantai di pesisir Desa {desa} semakin parah dalam tiga bulan "
    "terakhir dan mengancam {kk} rumah warga, sehingga diperlukan penanganan segera."
)

LIST_ITEMS = [
    "Fotokopi Kartu Tanda Penduduk dan Kartu Keluarga",
    "Surat pengantar dari kepala desa",
    "Laporan realisasi penggunaan anggaran",
    "Daftar hadir peserta musyawarah",
    "Dokumentasi kegiatan",
    "Rekapitulasi data penerima manfaat",
    "Berita acara hasil verifikasi",
    "Rencana kerja dan anggaran tahun berikutnya",
]

CLOSING = "<p>Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.</p>"
CLOSINGS = {
    "surat_tugas": "<p>Demikian surat tugas ini dibuat untuk dilaksanakan dengan penuh tanggung "
    "jawab.</p>",
    "surat_edaran": "<p>Demikian surat edaran ini untuk menjadi perhatian dan dilaksanakan.</p>",
    "surat_keterangan": "<p>Demikian surat keterangan ini dibuat untuk dipergunakan sebagaimana "
    "mestinya.</p>",
    "rekomendasi": "<p>Demikian rekomendasi ini diberikan untuk dipergunakan sebagaimana "
    "mestinya.</p>",
    "berita_acara": "<p>Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan "
    "sebagaimana mestinya.</p>",
}

TEMBUSAN = [
    "Bupati Manggarai Barat (sebagai laporan)",
    "Sekretaris Daerah Kabupaten Manggarai Barat",
    "Kepala Dinas Pemberdayaan Masyarakat dan Desa",
    "Inspektur Kabupaten Manggarai Barat",
    "Arsip",
]


def person_name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}"


_MAKERS: dict[str, Callable[[random.Random], str]] = {
    "desa": lambda rng: rng.choice(VILLAGES),
    "program": lambda rng: rng.choice(PROGRAMS),
    "kantor": lambda rng: rng.choice(OFFICES),
    "bulan": lambda rng: rng.choice(MONTHS),
    "tgl": lambda rng: str(rng.randint(1, 28)),
    "hari": lambda rng: rng.choice(DAYS),
    "n": lambda rng: str(rng.randint(1, 4)),
    "persen": lambda rng: str(rng.randint(40, 99)),
    "jumlah": lambda rng: f"{rng.randint(600, 6000):,}".replace(",", "."),
    "kk": lambda rng: str(rng.randint(40, 900)),
    "panjang": lambda rng: str(rng.randint(2, 40) * 50),
    "rupiah": lambda rng: f"{rng.randint(5, 500) * 100_000:,}".replace(",", "."),
    "nama": person_name,
}


class _Slots(dict[str, str]):
    """Values for a template's placeholders, drawn only when the template asks for them."""

    def __init__(self, rng: random.Random, year: int) -> None:
        super().__init__(tahun=str(year))
        self.rng = rng

    def __missing__(self, key: str) -> str:
        value = self[key] = _MAKERS[key](self.rng)
        return value


def subject(rng: random.Random, letter_type: str, year: int) -> str:
    text = rng.choice(SUBJECTS[letter_type]).format_map(_Slots(rng, year))
    return text[0].upper() + text[1:]


def addressees(rng: random.Random, letter_type: str) -> list[dict[str, str]]:
    """A list of {name, place}: village heads, regency offices, or a person for certificates."""
    if letter_type in ("surat_keterangan", "rekomendasi", "surat_tugas", "pengumuman"):
        return []
    if rng.random() < 0.5:
        villages = rng.sample(VILLAGES, rng.choice([1, 1, 1, 2, 3, 5, 8]))
        return [{"name": f"Kepala Desa {v}", "place": v} for v in villages]
    office = rng.choice(OFFICES)
    place = "Labuan Bajo" if "Kabupaten" in office or "Kepala" in office else rng.choice(PLACES)
    return [{"name": office, "place": place}]


def tembusan(rng: random.Random) -> list[str]:
    return rng.sample(TEMBUSAN, rng.choice([0, 0, 1, 2, 2, 3]))


def _body_length(rng: random.Random) -> int:
    # Most letters are short; some reports run to several thousand characters.
    return int(min(6000, max(300, rng.lognormvariate(7.0, 0.55))))


def body_html(rng: random.Random, letter_type: str, year: int, *, rare: bool) -> str:
    """A letter body in Qt rich text: opening, paragraphs, maybe a list or table, closing."""
    slots = _Slots(rng, year)
    parts = [OPENINGS.get(letter_type, "<p>Dengan hormat,</p>").format_map(slots)]
    if letter_type == "surat_undangan":
        room = rng.choice(ROOMS).format_map(slots)
        parts.append(
            f"<p>Dalam rangka {slots['program']}, bersama ini kami mengundang Saudara untuk hadir "
            "pada:</p><table>"
            f"<tr><td>hari/tanggal</td><td>: {slots['hari']}, {slots['tgl']} {slots['bulan']} "
            f"{year}</td></tr><tr><td>waktu</td><td>: {rng.randint(8, 14):02d}.00 WITA s.d. "
            f"selesai</td></tr><tr><td>tempat</td><td>: {room}</td></tr>"
            f"<tr><td>acara</td><td>: {slots['program'].capitalize()}</td></tr></table>"
        )
    elif letter_type in ("surat_keterangan", "rekomendasi", "surat_tugas"):
        parts.append(
            f"<table><tr><td>Nama</td><td>: {slots['nama']}</td></tr>"
            f"<tr><td>NIK</td><td>: 5315{rng.randrange(10**11, 10**12)}</td></tr>"
            f"<tr><td>Alamat</td><td>: Desa {slots['desa']}, Kecamatan Komodo</td></tr></table>"
        )
    if rare:
        parts.append(f"<p>{RARE_PARAGRAPH.format_map(slots)}</p>")
    target = _body_length(rng)
    size = sum(map(len, parts))
    while size < target:
        if rng.random() < 0.12:
            items = rng.sample(LIST_ITEMS, rng.randint(2, 5))
            part = "<ol>" + "".join(f"<li>{i}</li>" for i in items) + "</ol>"
        else:
            part = f"<p>{rng.choice(PARAGRAPHS).format_map(_Slots(rng, year))}</p>"
        parts.append(part)
        size += len(part)
    parts.append(CLOSINGS.get(letter_type, CLOSING))
    return "\n".join(parts)
