<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID" sourcelanguage="id_ID">
    <context>
        <name>AddressOfficesDialog</name>
        <message>
            <source>Centang kantor tujuan. Surat dikirim lewat server pusat saat sudah ditandatangani secara elektronik dan PC ini tersinkron.</source>
            <translation>Centang kantor tujuan. Surat dikirim lewat server pusat saat sudah ditandatangani secara elektronik dan PC ini tersinkron.</translation>
        </message>
        <message>
            <source>Daftar kantor belum ada di PC ini: sinkronkan dengan server pusat dulu.</source>
            <translation>Daftar kantor belum ada di PC ini: sinkronkan dengan server pusat dulu.</translation>
        </message>
        <message>
            <source>Kirim ke Kantor Lain</source>
            <translation>Kirim ke Kantor Lain</translation>
        </message>
        <message>
            <source>Tujuan pengiriman disimpan.</source>
            <translation>Tujuan pengiriman disimpan.</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Administrator mengelola akun pegawai dan pengaturan kantor. Peran lain (pemaraf, agendaris, ...) dapat ditambahkan nanti di menu Pegawai.</source>
            <translation>Administrator mengelola akun pegawai dan pengaturan kantor. Peran lain (pemaraf, agendaris, ...) dapat ditambahkan nanti di menu Pegawai.</translation>
        </message>
        <message>
            <source>Administrator pertama</source>
            <translation>Administrator pertama</translation>
        </message>
        <message>
            <source>Saya juga menandatangani surat (peran Pena&amp;ndatangan)</source>
            <translation>Saya juga menandatangani surat (peran Pena&amp;ndatangan)</translation>
        </message>
        <message>
            <source>Saya juga menulis konsep surat (peran &amp;Pengonsep)</source>
            <translation>Saya juga menulis konsep surat (peran &amp;Pengonsep)</translation>
        </message>
    </context>
    <context>
        <name>AgendaImportDialog</name>
        <message>
            <source>&amp;Impor</source>
            <translation>&amp;Impor</translation>
        </message>
        <message>
            <source>&amp;Lembar</source>
            <translation>&amp;Lembar</translation>
        </message>
        <message>
            <source>(tidak ada)</source>
            <translation>(tidak ada)</translation>
        </message>
        <message>
            <source>Baris</source>
            <translation>Baris</translation>
        </message>
        <message>
            <source>Baris {n}: {reason}</source>
            <translation>Baris {n}: {reason}</translation>
        </message>
        <message>
            <source>Batalkan &amp;Impor Ini</source>
            <translation>Batalkan &amp;Impor Ini</translation>
        </message>
        <message>
            <source>Batalkan impor</source>
            <translation>Batalkan impor</translation>
        </message>
        <message>
            <source>Belum ada berkas dipilih (.xlsx, .xls, .csv).</source>
            <translation>Belum ada berkas dipilih (.xlsx, .xls, .csv).</translation>
        </message>
        <message>
            <source>Catatan: buku ini memuat surat tahun ini. Nomor agenda lama tetap seperti di buku; nomor agenda baru dari Naskah berjalan terus dari serinya sendiri.</source>
            <translation>Catatan: buku ini memuat surat tahun ini. Nomor agenda lama tetap seperti di buku; nomor agenda baru dari Naskah berjalan terus dari serinya sendiri.</translation>
        </message>
        <message>
            <source>Catatan: buku ini memuat surat tahun ini. Nomor surat lama tetap seperti di buku; nomor baru dari Naskah berjalan dari serinya sendiri dan tidak memperhitungkan nomor di buku ini.</source>
            <translation>Catatan: buku ini memuat surat tahun ini. Nomor surat lama tetap seperti di buku; nomor baru dari Naskah berjalan dari serinya sendiri dan tidak memperhitungkan nomor di buku ini.</translation>
        </message>
        <message>
            <source>Hapus {n} surat dari impor ini dari register?</source>
            <translation>Hapus {n} surat dari impor ini dari register?</translation>
        </message>
        <message>
            <source>Impor Buku Agenda Surat Keluar</source>
            <translation>Impor Buku Agenda Surat Keluar</translation>
        </message>
        <message>
            <source>Impor Buku Agenda Surat Masuk</source>
            <translation>Impor Buku Agenda Surat Masuk</translation>
        </message>
        <message>
            <source>Impor dibatalkan: {n} surat dihapus.</source>
            <translation>Impor dibatalkan: {n} surat dihapus.</translation>
        </message>
        <message>
            <source>Judul kolom di &amp;baris</source>
            <translation>Judul kolom di &amp;baris</translation>
        </message>
        <message>
            <source>Lembar kerja (*.xlsx *.xls *.csv);;Semua berkas (*)</source>
            <translation>Lembar kerja (*.xlsx *.xls *.csv);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Masalah</source>
            <translation>Masalah</translation>
        </message>
        <message>
            <source>Mengimpor buku agenda...</source>
            <translation>Mengimpor buku agenda...</translation>
        </message>
        <message>
            <source>Pilih &amp;Berkas...</source>
            <translation>Pilih &amp;Berkas...</translation>
        </message>
        <message>
            <source>Pilih buku agenda</source>
            <translation>Pilih buku agenda</translation>
        </message>
        <message>
            <source>Pilih kolom untuk: {f}.</source>
            <translation>Pilih kolom untuk: {f}.</translation>
        </message>
        <message>
            <source>Pratinjau {n} baris pertama dari {total} baris lembar ini: {ok} terbaca, {bad} bermasalah (tidak akan diimpor).</source>
            <translation>Pratinjau {n} baris pertama dari {total} baris lembar ini: {ok} terbaca, {bad} bermasalah (tidak akan diimpor).</translation>
        </message>
        <message>
            <source>{n} baris tidak diimpor:</source>
            <translation>{n} baris tidak diimpor:</translation>
        </message>
        <message>
            <source>{n} surat diimpor sebagai satu impor (dapat dibatalkan).</source>
            <translation>{n} surat diimpor sebagai satu impor (dapat dibatalkan).</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Belum ada surat</source>
            <translation>Belum ada surat</translation>
        </message>
    </context>
    <context>
        <name>BerkasDialog</name>
        <message>
            <source>&amp;Kode</source>
            <translation>&amp;Kode</translation>
        </message>
        <message>
            <source>&amp;Tahun</source>
            <translation>&amp;Tahun</translation>
        </message>
        <message>
            <source>Daftar Berkas</source>
            <translation>Daftar Berkas</translation>
        </message>
        <message>
            <source>Daftar isi berkas disimpan: {path}</source>
            <translation>Daftar isi berkas disimpan: {path}</translation>
        </message>
        <message>
            <source>Daftar isi tidak dapat disimpan: {error}</source>
            <translation>Daftar isi tidak dapat disimpan: {error}</translation>
        </message>
        <message>
            <source>Dari/Kepada</source>
            <translation>Dari/Kepada</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Isi</source>
            <translation>Isi</translation>
        </message>
        <message>
            <source>Isi berkas:</source>
            <translation>Isi berkas:</translation>
        </message>
        <message>
            <source>Judul berkas</source>
            <translation>Judul berkas</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Kode klasifikasi, mis. 000.1</source>
            <translation>Kode klasifikasi, mis. 000.1</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Semua tahun</source>
            <translation>Semua tahun</translation>
        </message>
        <message>
            <source>Simpan &amp;daftar isi (PDF)...</source>
            <translation>Simpan &amp;daftar isi (PDF)...</translation>
        </message>
        <message>
            <source>Simpan daftar isi berkas</source>
            <translation>Simpan daftar isi berkas</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Tahun</source>
            <translation>Tahun</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} surat</translation>
        </message>
    </context>
    <context>
        <name>BodyEditor</name>
        <message>
            <source>Daftar berbutir</source>
            <translation>Daftar berbutir</translation>
        </message>
        <message>
            <source>Daftar bernomor</source>
            <translation>Daftar bernomor</translation>
        </message>
        <message>
            <source>Garis bawah (Ctrl+U)</source>
            <translation>Garis bawah (Ctrl+U)</translation>
        </message>
        <message>
            <source>Miring (Ctrl+I)</source>
            <translation>Miring (Ctrl+I)</translation>
        </message>
        <message>
            <source>Sisipkan tabel sederhana (2 kolom)</source>
            <translation>Sisipkan tabel sederhana (2 kolom)</translation>
        </message>
        <message>
            <source>Tabel</source>
            <translation>Tabel</translation>
        </message>
        <message>
            <source>Tebal (Ctrl+B)</source>
            <translation>Tebal (Ctrl+B)</translation>
        </message>
    </context>
    <context>
        <name>BsreSettingsDialog</name>
        <message>
            <source>(tersimpan di keyring; isi untuk mengganti)</source>
            <translation>(tersimpan di keyring; isi untuk mengganti)</translation>
        </message>
        <message>
            <source>Agar surat ber-TTE BSrE terperiksa sebagai terpercaya, pilih berkas sertifikat akar BSrE (.pem/.cer) dari BSrE/BSSN.</source>
            <translation>Agar surat ber-TTE BSrE terperiksa sebagai terpercaya, pilih berkas sertifikat akar BSrE (.pem/.cer) dari BSrE/BSSN.</translation>
        </message>
        <message>
            <source>Alamat dan akun klien diberikan BSrE/Diskominfo. Kata sandi klien disimpan di keyring sistem komputer ini, tidak di berkas.</source>
            <translation>Alamat dan akun klien diberikan BSrE/Diskominfo. Kata sandi klien disimpan di keyring sistem komputer ini, tidak di berkas.</translation>
        </message>
        <message>
            <source>Alamat layanan</source>
            <translation>Alamat layanan</translation>
        </message>
        <message>
            <source>Dipercaya untuk pemeriksaan: {name}</source>
            <translation>Dipercaya untuk pemeriksaan: {name}</translation>
        </message>
        <message>
            <source>ID klien</source>
            <translation>ID klien</translation>
        </message>
        <message>
            <source>Kata sandi klien</source>
            <translation>Kata sandi klien</translation>
        </message>
        <message>
            <source>Pengaturan TTE BSrE</source>
            <translation>Pengaturan TTE BSrE</translation>
        </message>
        <message>
            <source>Percayai sertifikat akar BSrE...</source>
            <translation>Percayai sertifikat akar BSrE...</translation>
        </message>
        <message>
            <source>Sertifikat (*.pem *.cer *.crt)</source>
            <translation>Sertifikat (*.pem *.cer *.crt)</translation>
        </message>
        <message>
            <source>Sertifikat akar BSrE</source>
            <translation>Sertifikat akar BSrE</translation>
        </message>
    </context>
    <context>
        <name>BsreSignDialog</name>
        <message>
            <source>Antrekan</source>
            <translation>Antrekan</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Menandatangani lewat BSrE...</source>
            <translation>Menandatangani lewat BSrE...</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK</translation>
        </message>
        <message>
            <source>Naskah diantrekan untuk TTE BSrE; tandatangani saat tersambung.</source>
            <translation>Naskah diantrekan untuk TTE BSrE; tandatangani saat tersambung.</translation>
        </message>
        <message>
            <source>Naskah ditandatangani dengan TTE BSrE, nomor {n}.</source>
            <translation>Naskah ditandatangani dengan TTE BSrE, nomor {n}.</translation>
        </message>
        <message>
            <source>Passphrase BSrE</source>
            <translation>Passphrase BSrE</translation>
        </message>
        <message>
            <source>TTE BSrE</source>
            <translation>TTE BSrE</translation>
        </message>
        <message>
            <source>Tanda tangan dengan sertifikat BSrE memerlukan sambungan internet. Ketik NIK dan passphrase BSrE Anda; keduanya hanya dipakai sekali dan tidak disimpan. Bila sedang luring, antrekan naskah ini dan tandatangani saat tersambung.</source>
            <translation>Tanda tangan dengan sertifikat BSrE memerlukan sambungan internet. Ketik NIK dan passphrase BSrE Anda; keduanya hanya dipakai sekali dan tidak disimpan. Bila sedang luring, antrekan naskah ini dan tandatangani saat tersambung.</translation>
        </message>
        <message>
            <source>Tandatangani sekarang</source>
            <translation>Tandatangani sekarang</translation>
        </message>
    </context>
    <context>
        <name>ClassificationDialog</name>
        <message>
            <source>Kode atau kata pada judul</source>
            <translation>Kode atau kata pada judul</translation>
        </message>
        <message>
            <source>Pilih</source>
            <translation>Pilih</translation>
        </message>
        <message>
            <source>Pilih kode klasifikasi</source>
            <translation>Pilih kode klasifikasi</translation>
        </message>
    </context>
    <context>
        <name>ClassificationPicker</name>
        <message>
            <source>Cari kode klasifikasi menurut judulnya</source>
            <translation>Cari kode klasifikasi menurut judulnya</translation>
        </message>
        <message>
            <source>Cari...</source>
            <translation>Cari...</translation>
        </message>
        <message>
            <source>Ketik kode atau kata, misalnya 000.1.5 atau undangan</source>
            <translation>Ketik kode atau kata, misalnya 000.1.5 atau undangan</translation>
        </message>
        <message>
            <source>Kode belum dikenal: pilih dari daftar.</source>
            <translation>Kode belum dikenal: pilih dari daftar.</translation>
        </message>
        <message>
            <source>{title} — kode lama (2012), tidak dipakai untuk surat keluar.</source>
            <translation>{title} — kode lama (2012), tidak dipakai untuk surat keluar.</translation>
        </message>
    </context>
    <context>
        <name>ConflictPanel</name>
        <message>
            <source>Diubah di dua tempat sekaligus.</source>
            <translation>Diubah di dua tempat sekaligus.</translation>
        </message>
        <message>
            <source>Hasil</source>
            <translation>Hasil</translation>
        </message>
        <message>
            <source>Kolom</source>
            <translation>Kolom</translation>
        </message>
        <message>
            <source>Versi PC ini</source>
            <translation>Versi PC ini</translation>
        </message>
        <message>
            <source>Versi server</source>
            <translation>Versi server</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>Data ini diubah di dua PC sebelum sempat disinkronkan. Pilih nilai yang benar untuk setiap kolom (atau ubah hasilnya), lalu simpan.</source>
            <translation>Data ini diubah di dua PC sebelum sempat disinkronkan. Pilih nilai yang benar untuk setiap kolom (atau ubah hasilnya), lalu simpan.</translation>
        </message>
        <message>
            <source>Konflik sinkronisasi</source>
            <translation>Konflik sinkronisasi</translation>
        </message>
        <message>
            <source>Simpan penyelesaian</source>
            <translation>Simpan penyelesaian</translation>
        </message>
        <message>
            <source>Tidak ada konflik yang terbuka.</source>
            <translation>Tidak ada konflik yang terbuka.</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Naskah mengalami kesalahan yang tidak terduga. Data yang sudah tersimpan aman.
Salin laporan di bawah ini dan kirimkan kepada petugas TI.</source>
            <translation>Naskah mengalami kesalahan yang tidak terduga. Data yang sudah tersimpan aman.
Salin laporan di bawah ini dan kirimkan kepada petugas TI.</translation>
        </message>
        <message>
            <source>Salin laporan</source>
            <translation>Salin laporan</translation>
        </message>
        <message>
            <source>Terjadi kesalahan program</source>
            <translation>Terjadi kesalahan program</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>&amp;Muat ulang</source>
            <translation>&amp;Muat ulang</translation>
        </message>
        <message>
            <source>Buku A&amp;genda...</source>
            <translation>Buku A&amp;genda...</translation>
        </message>
        <message>
            <source>Cetak atau ekspor buku agenda surat masuk/keluar</source>
            <translation>Cetak atau ekspor buku agenda surat masuk/keluar</translation>
        </message>
        <message>
            <source>Dasbor</source>
            <translation>Dasbor</translation>
        </message>
        <message>
            <source>Dasbor — {month}</source>
            <translation>Dasbor — {month}</translation>
        </message>
        <message>
            <source>Disposisi belum selesai</source>
            <translation>Disposisi belum selesai</translation>
        </message>
        <message>
            <source>Disposisi terlambat</source>
            <translation>Disposisi terlambat</translation>
        </message>
        <message>
            <source>Menurut klasifikasi</source>
            <translation>Menurut klasifikasi</translation>
        </message>
        <message>
            <source>Surat keluar bulan ini</source>
            <translation>Surat keluar bulan ini</translation>
        </message>
        <message>
            <source>Surat keluar menurut jenis naskah</source>
            <translation>Surat keluar menurut jenis naskah</translation>
        </message>
        <message>
            <source>Surat keluar {year} menurut jenis naskah</source>
            <translation>Surat keluar {year} menurut jenis naskah</translation>
        </message>
        <message>
            <source>Surat masuk bulan ini</source>
            <translation>Surat masuk bulan ini</translation>
        </message>
        <message>
            <source>Surat masuk dan keluar {year} menurut klasifikasi</source>
            <translation>Surat masuk dan keluar {year} menurut klasifikasi</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Daftar surat</translation>
        </message>
    </context>
    <context>
        <name>DeliveryInbox</name>
        <message>
            <source>Ca&amp;tat Surat Kiriman</source>
            <translation>Ca&amp;tat Surat Kiriman</translation>
        </message>
        <message>
            <source>Surat kiriman dari kantor lain: {n}</source>
            <translation>Surat kiriman dari kantor lain: {n}</translation>
        </message>
        <message>
            <source>Tanda tangan: {v}</source>
            <translation>Tanda tangan: {v}</translation>
        </message>
    </context>
    <context>
        <name>DispositionDialog</name>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Batas waktu</source>
            <translation>Batas waktu</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Disposisi</source>
            <translation>Disposisi</translation>
        </message>
        <message>
            <source>Diteruskan kepada</source>
            <translation>Diteruskan kepada</translation>
        </message>
        <message>
            <source>Instruksi</source>
            <translation>Instruksi</translation>
        </message>
        <message>
            <source>Instruksi lain (boleh kosong)</source>
            <translation>Instruksi lain (boleh kosong)</translation>
        </message>
        <message>
            <source>Kirim Disposisi</source>
            <translation>Kirim Disposisi</translation>
        </message>
        <message>
            <source>Teruskan Disposisi</source>
            <translation>Teruskan Disposisi</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Catat Terpisah</source>
            <translation>Catat Terpisah</translation>
        </message>
        <message>
            <source>Catat dan Tautkan</source>
            <translation>Catat dan Tautkan</translation>
        </message>
        <message>
            <source>Kemungkinan surat ganda</source>
            <translation>Kemungkinan surat ganda</translation>
        </message>
        <message>
            <source>Surat ini mungkin sudah dicatat sebelumnya. Tautkan ke surat yang lama, catat sebagai surat terpisah, atau kembali untuk memeriksa isian.</source>
            <translation>Surat ini mungkin sudah dicatat sebelumnya. Tautkan ke surat yang lama, catat sebagai surat terpisah, atau kembali untuk memeriksa isian.</translation>
        </message>
        <message>
            <source>pengirim dan nomor sama</source>
            <translation>pengirim dan nomor sama</translation>
        </message>
        <message>
            <source>pindaian sama</source>
            <translation>pindaian sama</translation>
        </message>
    </context>
    <context>
        <name>EditorPage</name>
        <message>
            <source>&amp;Kirim...</source>
            <translation>&amp;Kirim...</translation>
        </message>
        <message>
            <source>Dikembalikan</source>
            <translation>Dikembalikan</translation>
        </message>
        <message>
            <source>Dikembalikan dengan catatan: {note}</source>
            <translation>Dikembalikan dengan catatan: {note}</translation>
        </message>
        <message>
            <source>Kirim untuk paraf dan tanda tangan (Ctrl+Enter)</source>
            <translation>Kirim untuk paraf dan tanda tangan (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Riwayat &amp;revisi</source>
            <translation>Riwayat &amp;revisi</translation>
        </message>
        <message>
            <source>Simpan dan kembali ke daftar (Esc)</source>
            <translation>Simpan dan kembali ke daftar (Esc)</translation>
        </message>
        <message>
            <source>Tersimpan</source>
            <translation>Tersimpan</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Daftar surat</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>Frasa sandi</source>
            <translation>Frasa sandi</translation>
        </message>
        <message>
            <source>Frasa sandi cukup kuat.</source>
            <translation>Frasa sandi cukup kuat.</translation>
        </message>
        <message>
            <source>Kedua frasa sandi tidak sama.</source>
            <translation>Kedua frasa sandi tidak sama.</translation>
        </message>
        <message>
            <source>Membuat kunci tanda tangan...</source>
            <translation>Membuat kunci tanda tangan...</translation>
        </message>
        <message>
            <source>Minta sertifikat ke server</source>
            <translation>Minta sertifikat ke server</translation>
        </message>
        <message>
            <source>Permintaan sertifikat disiapkan. Buat bundel (Sinkronisasi &gt; Ekspor bundel), bawa ke server, lalu impor balasannya.</source>
            <translation>Permintaan sertifikat disiapkan. Buat bundel (Sinkronisasi &gt; Ekspor bundel), bawa ke server, lalu impor balasannya.</translation>
        </message>
        <message>
            <source>Pilih frasa sandi untuk kunci tanda tangan Anda: paling sedikit {n} karakter, mudah Anda ingat, sulit ditebak orang lain. Frasa sandi tidak disimpan di mana pun; bila lupa, daftarkan ulang.</source>
            <translation>Pilih frasa sandi untuk kunci tanda tangan Anda: paling sedikit {n} karakter, mudah Anda ingat, sulit ditebak orang lain. Frasa sandi tidak disimpan di mana pun; bila lupa, daftarkan ulang.</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan elektronik</source>
            <translation>Sertifikat tanda tangan elektronik</translation>
        </message>
        <message>
            <source>Siapkan untuk bundel</source>
            <translation>Siapkan untuk bundel</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Ulangi</source>
            <translation>Ulangi</translation>
        </message>
    </context>
    <context>
        <name>EnrolFields</name>
        <message>
            <source>Alamat server</source>
            <translation>Alamat server</translation>
        </message>
        <message>
            <source>Isi alamat server, kode kantor, dan kode pendaftaran.</source>
            <translation>Isi alamat server, kode kantor, dan kode pendaftaran.</translation>
        </message>
        <message>
            <source>Kode kantor</source>
            <translation>Kode kantor</translation>
        </message>
        <message>
            <source>Kode pendaftaran</source>
            <translation>Kode pendaftaran</translation>
        </message>
        <message>
            <source>Sidik jari akar</source>
            <translation>Sidik jari akar</translation>
        </message>
        <message>
            <source>Sidik jari sertifikat akar yang dicetak bersama kode pendaftaran server kantor. Kosongkan bila mendaftar ke server pusat.</source>
            <translation>Sidik jari sertifikat akar yang dicetak bersama kode pendaftaran server kantor. Kosongkan bila mendaftar ke server pusat.</translation>
        </message>
        <message>
            <source>hanya untuk server kantor, mis. 3F2A-9C1B-...</source>
            <translation>hanya untuk server kantor, mis. 3F2A-9C1B-...</translation>
        </message>
    </context>
    <context>
        <name>FileLetterDialog</name>
        <message>
            <source>&amp;Berkas</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>+ Berkas baru</source>
            <translation>+ Berkas baru</translation>
        </message>
        <message>
            <source>Berkas&amp;kan</source>
            <translation>Berkas&amp;kan</translation>
        </message>
        <message>
            <source>Berkaskan Surat</source>
            <translation>Berkaskan Surat</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Judul berkas baru</source>
            <translation>Judul berkas baru</translation>
        </message>
        <message>
            <source>Keluar</source>
            <translation>Keluar</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Masuk</source>
            <translation>Masuk</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Surat</translation>
        </message>
        <message>
            <source>Surat diberkaskan.</source>
            <translation>Surat diberkaskan.</translation>
        </message>
        <message>
            <source>Surat selesai yang belum diberkaskan:</source>
            <translation>Surat selesai yang belum diberkaskan:</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Tidak ada surat yang menunggu diberkaskan.</source>
            <translation>Tidak ada surat yang menunggu diberkaskan.</translation>
        </message>
    </context>
    <context>
        <name>FileOneLetterDialog</name>
        <message>
            <source>&amp;Berkas</source>
            <translation>&amp;Berkas</translation>
        </message>
        <message>
            <source>&amp;Judul berkas baru</source>
            <translation>&amp;Judul berkas baru</translation>
        </message>
        <message>
            <source>Berkaskan Surat</source>
            <translation>Berkaskan Surat</translation>
        </message>
        <message>
            <source>Klasifikasi {code}, tahun {year}</source>
            <translation>Klasifikasi {code}, tahun {year}</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Surat</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Awal kode klasifikasi, misalnya 400 atau 000.1</source>
            <translation>Awal kode klasifikasi, misalnya 400 atau 000.1</translation>
        </message>
        <message>
            <source>Cari nomor, hal, tujuan atau isi surat...</source>
            <translation>Cari nomor, hal, tujuan atau isi surat...</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Semua jenis</source>
            <translation>Semua jenis</translation>
        </message>
        <message>
            <source>Semua status</source>
            <translation>Semua status</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>s.d.</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <source>Isi dengan data contoh untuk latihan</source>
            <translation>Isi dengan data contoh untuk latihan</translation>
        </message>
        <message>
            <source>Kantor: Kecamatan {kec}, Kabupaten {kab}
Kertas: {paper}
Administrator: {name} (nama pengguna: {user})
Peran: {roles}</source>
            <translation>Kantor: Kecamatan {kec}, Kabupaten {kab}
Kertas: {paper}
Administrator: {name} (nama pengguna: {user})
Peran: {roles}</translation>
        </message>
        <message>
            <source>Menambahkan pegawai contoh (nama pengguna {names}; kata sandi semuanya: {pw}) dan surat contoh dalam berbagai tahap. Pakai hanya di komputer latihan, bukan untuk surat resmi.</source>
            <translation>Menambahkan pegawai contoh (nama pengguna {names}; kata sandi semuanya: {pw}) dan surat contoh dalam berbagai tahap. Pakai hanya di komputer latihan, bukan untuk surat resmi.</translation>
        </message>
        <message>
            <source>Periksa ringkasan di bawah, lalu tekan Selesai.</source>
            <translation>Periksa ringkasan di bawah, lalu tekan Selesai.</translation>
        </message>
        <message>
            <source>Siap disimpan</source>
            <translation>Siap disimpan</translation>
        </message>
    </context>
    <context>
        <name>HandoffDialog</name>
        <message>
            <source>&amp;Simpan Berkas...</source>
            <translation>&amp;Simpan Berkas...</translation>
        </message>
        <message>
            <source>(belum bernomor)</source>
            <translation>(belum bernomor)</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Nomor/ID naskah dari SRIKANDI</source>
            <translation>Nomor/ID naskah dari SRIKANDI</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>R&amp;eferensi SRIKANDI</source>
            <translation>R&amp;eferensi SRIKANDI</translation>
        </message>
        <message>
            <source>Referensi SRIKANDI disimpan: {r}</source>
            <translation>Referensi SRIKANDI disimpan: {r}</translation>
        </message>
        <message>
            <source>Serahkan ke SRIKANDI</source>
            <translation>Serahkan ke SRIKANDI</translation>
        </message>
        <message>
            <source>Simpan &amp;Referensi</source>
            <translation>Simpan &amp;Referensi</translation>
        </message>
        <message>
            <source>Simpan PDF surat beserta isiannya (JSON) dan berkas .docx berformat templat SRIKANDI, lalu unggah ke SRIKANDI. Surat yang belum bernomor membawa isian ${nomor_naskah}, ${tanggal_naskah} dan ${ttd_pengirim} untuk diisi SRIKANDI.</source>
            <translation>Simpan PDF surat beserta isiannya (JSON) dan berkas .docx berformat templat SRIKANDI, lalu unggah ke SRIKANDI. Surat yang belum bernomor membawa isian ${nomor_naskah}, ${tanggal_naskah} dan ${ttd_pengirim} untuk diisi SRIKANDI.</translation>
        </message>
        <message>
            <source>Simpan berkas untuk SRIKANDI</source>
            <translation>Simpan berkas untuk SRIKANDI</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Surat</translation>
        </message>
        <message>
            <source>Tersimpan: {pdf}, {json}, {docx} di {folder}</source>
            <translation>Tersimpan: {pdf}, {json}, {docx} di {folder}</translation>
        </message>
    </context>
    <context>
        <name>HubAddressBox</name>
        <message>
            <source>Alamat disimpan, tetapi server kantor belum dapat dipakai: {reason} Sampai server kantor menjawab, PC ini sinkron langsung dengan server pusat.</source>
            <translation>Alamat disimpan, tetapi server kantor belum dapat dipakai: {reason} Sampai server kantor menjawab, PC ini sinkron langsung dengan server pusat.</translation>
        </message>
        <message>
            <source>Alamat disimpan. Memeriksa server kantor...</source>
            <translation>Alamat disimpan. Memeriksa server kantor...</translation>
        </message>
        <message>
            <source>Alamat server kantor</source>
            <translation>Alamat server kantor</translation>
        </message>
        <message>
            <source>Alamat server kantor dihapus: PC ini sinkron dengan server pusat.</source>
            <translation>Alamat server kantor dihapus: PC ini sinkron dengan server pusat.</translation>
        </message>
        <message>
            <source>Alamat tidak dapat disimpan: {e}</source>
            <translation>Alamat tidak dapat disimpan: {e}</translation>
        </message>
        <message>
            <source>Cari server kantor</source>
            <translation>Cari server kantor</translation>
        </message>
        <message>
            <source>Isi sekali di setiap PC. PC ini sinkron lewat server kantor saat server itu menjawab, dan dengan server pusat saat tidak. Kosong: selalu server pusat.</source>
            <translation>Isi sekali di setiap PC. PC ini sinkron lewat server kantor saat server itu menjawab, dan dengan server pusat saat tidak. Kosong: selalu server pusat.</translation>
        </message>
        <message>
            <source>Mencari server kantor di jaringan ini...</source>
            <translation>Mencari server kantor di jaringan ini...</translation>
        </message>
        <message>
            <source>Pencarian gagal: {e}</source>
            <translation>Pencarian gagal: {e}</translation>
        </message>
        <message>
            <source>Pilih server kantor (Enter atau klik dua kali) untuk menyimpannya. PC ini tetap memeriksa sertifikatnya sebelum memakainya.</source>
            <translation>Pilih server kantor (Enter atau klik dua kali) untuk menyimpannya. PC ini tetap memeriksa sertifikatnya sebelum memakainya.</translation>
        </message>
        <message>
            <source>Server kantor (jaringan lokal)</source>
            <translation>Server kantor (jaringan lokal)</translation>
        </message>
        <message>
            <source>Server kantor menjawab. PC ini sinkron lewat server kantor.</source>
            <translation>Server kantor menjawab. PC ini sinkron lewat server kantor.</translation>
        </message>
        <message>
            <source>Server kantor yang ditemukan</source>
            <translation>Server kantor yang ditemukan</translation>
        </message>
        <message>
            <source>Simpan alamat server kantor</source>
            <translation>Simpan alamat server kantor</translation>
        </message>
        <message>
            <source>Sinkron terakhir lewat</source>
            <translation>Sinkron terakhir lewat</translation>
        </message>
        <message>
            <source>Tidak ada server kantor yang ditemukan di jaringan ini. Isi alamatnya sendiri (tanyakan kepada administrator).</source>
            <translation>Tidak ada server kantor yang ditemukan di jaringan ini. Isi alamatnya sendiri (tanyakan kepada administrator).</translation>
        </message>
        <message>
            <source>belum pernah</source>
            <translation>belum pernah</translation>
        </message>
        <message>
            <source>server kantor</source>
            <translation>server kantor</translation>
        </message>
        <message>
            <source>server pusat</source>
            <translation>server pusat</translation>
        </message>
    </context>
    <context>
        <name>ImportBatchesDialog</name>
        <message>
            <source>&amp;Batalkan Impor</source>
            <translation>&amp;Batalkan Impor</translation>
        </message>
        <message>
            <source>Batalkan Impor Buku Agenda</source>
            <translation>Batalkan Impor Buku Agenda</translation>
        </message>
        <message>
            <source>Impor yang suratnya masih ada di register:</source>
            <translation>Impor yang suratnya masih ada di register:</translation>
        </message>
        <message>
            <source>{at}: {n} surat keluar, tahun {y}</source>
            <translation>{at}: {n} surat keluar, tahun {y}</translation>
        </message>
        <message>
            <source>{at}: {n} surat, tahun {y}</source>
            <translation>{at}: {n} surat, tahun {y}</translation>
        </message>
    </context>
    <context>
        <name>IncomingDesk</name>
        <message>
            <source>Daftar Pengirim...</source>
            <translation>Daftar Pengirim...</translation>
        </message>
        <message>
            <source>Instruksi Disposisi...</source>
            <translation>Instruksi Disposisi...</translation>
        </message>
        <message>
            <source>terlambat</source>
            <translation>terlambat</translation>
        </message>
    </context>
    <context>
        <name>IncomingListModel</name>
        <message>
            <source>Agenda</source>
            <translation>Agenda</translation>
        </message>
        <message>
            <source>Batas Waktu</source>
            <translation>Batas Waktu</translation>
        </message>
        <message>
            <source>Disposisi ini melewati batas waktu</source>
            <translation>Disposisi ini melewati batas waktu</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Nomor Surat</source>
            <translation>Nomor Surat</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Pengirim</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>terlambat</source>
            <translation>terlambat</translation>
        </message>
    </context>
    <context>
        <name>IncomingPage</name>
        <message>
            <source>+ Catat Surat Masuk...</source>
            <translation>+ Catat Surat Masuk...</translation>
        </message>
        <message>
            <source>Awal kode klasifikasi, misalnya 400 atau 474</source>
            <translation>Awal kode klasifikasi, misalnya 400 atau 474</translation>
        </message>
        <message>
            <source>Cari agenda, pengirim, nomor atau hal...</source>
            <translation>Cari agenda, pengirim, nomor atau hal...</translation>
        </message>
        <message>
            <source>Disimpan ke {p}</source>
            <translation>Disimpan ke {p}</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Hanya yang terlambat</source>
            <translation>Hanya yang terlambat</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Lembar Disposisi Kosong...</source>
            <translation>Lembar Disposisi Kosong...</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Semua sifat</source>
            <translation>Semua sifat</translation>
        </message>
        <message>
            <source>Simpan lembar disposisi kosong</source>
            <translation>Simpan lembar disposisi kosong</translation>
        </message>
        <message>
            <source>Surat masuk dicatat dengan nomor agenda {a}/{y}.</source>
            <translation>Surat masuk dicatat dengan nomor agenda {a}/{y}.</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>s.d.</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} surat</translation>
        </message>
    </context>
    <context>
        <name>IncomingView</name>
        <message>
            <source>  Hasil: {r}</source>
            <translation>  Hasil: {r}</translation>
        </message>
        <message>
            <source> (batas {d})</source>
            <translation> (batas {d})</translation>
        </message>
        <message>
            <source> · terlambat</source>
            <translation> · terlambat</translation>
        </message>
        <message>
            <source>&amp;Berkaskan...</source>
            <translation>&amp;Berkaskan...</translation>
        </message>
        <message>
            <source>(dari buku agenda yang diimpor)</source>
            <translation>(dari buku agenda yang diimpor)</translation>
        </message>
        <message>
            <source>Alur disposisi</source>
            <translation>Alur disposisi</translation>
        </message>
        <message>
            <source>Balas</source>
            <translation>Balas</translation>
        </message>
        <message>
            <source>Batalkan Disposisi</source>
            <translation>Batalkan Disposisi</translation>
        </message>
        <message>
            <source>Batalkan Nomor Agenda...</source>
            <translation>Batalkan Nomor Agenda...</translation>
        </message>
        <message>
            <source>Batalkan disposisi</source>
            <translation>Batalkan disposisi</translation>
        </message>
        <message>
            <source>Batalkan disposisi kepada {n}? Penerima belum membacanya.</source>
            <translation>Batalkan disposisi kepada {n}? Penerima belum membacanya.</translation>
        </message>
        <message>
            <source>Belum diberkaskan</source>
            <translation>Belum diberkaskan</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Berkas tidak tersimpan</source>
            <translation>Berkas tidak tersimpan</translation>
        </message>
        <message>
            <source>Berkaskan surat ini (Alt+B)</source>
            <translation>Berkaskan surat ini (Alt+B)</translation>
        </message>
        <message>
            <source>Catatan Tindak Lanjut...</source>
            <translation>Catatan Tindak Lanjut...</translation>
        </message>
        <message>
            <source>Catatan tindak lanjut</source>
            <translation>Catatan tindak lanjut</translation>
        </message>
        <message>
            <source>Catatan tindak lanjut disimpan.</source>
            <translation>Catatan tindak lanjut disimpan.</translation>
        </message>
        <message>
            <source>Cetak Lembar Disposisi...</source>
            <translation>Cetak Lembar Disposisi...</translation>
        </message>
        <message>
            <source>Cetak Pindaian...</source>
            <translation>Cetak Pindaian...</translation>
        </message>
        <message>
            <source>Dilihat oleh {name}, {at}</source>
            <translation>Dilihat oleh {name}, {at}</translation>
        </message>
        <message>
            <source>Disimpan ke {p}</source>
            <translation>Disimpan ke {p}</translation>
        </message>
        <message>
            <source>Disposisi</source>
            <translation>Disposisi</translation>
        </message>
        <message>
            <source>Disposisi dibatalkan.</source>
            <translation>Disposisi dibatalkan.</translation>
        </message>
        <message>
            <source>Disposisi dikirim.</source>
            <translation>Disposisi dikirim.</translation>
        </message>
        <message>
            <source>Disposisi diteruskan.</source>
            <translation>Disposisi diteruskan.</translation>
        </message>
        <message>
            <source>Disposisi selesai.</source>
            <translation>Disposisi selesai.</translation>
        </message>
        <message>
            <source>Disposisi...</source>
            <translation>Disposisi...</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Diterima</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Hasil tindak lanjut:</source>
            <translation>Hasil tindak lanjut:</translation>
        </message>
        <message>
            <source>ID SRIKANDI: {r}</source>
            <translation>ID SRIKANDI: {r}</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Laporkan perkembangan:</source>
            <translation>Laporkan perkembangan:</translation>
        </message>
        <message>
            <source>Lembar Disposisi</source>
            <translation>Lembar Disposisi</translation>
        </message>
        <message>
            <source>Lembar disposisi dicetak.</source>
            <translation>Lembar disposisi dicetak.</translation>
        </message>
        <message>
            <source>Nomor agenda</source>
            <translation>Nomor agenda</translation>
        </message>
        <message>
            <source>Nomor agenda dibatalkan.</source>
            <translation>Nomor agenda dibatalkan.</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Nomor surat</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Pengirim</translation>
        </message>
        <message>
            <source>Pindaian dicetak.</source>
            <translation>Pindaian dicetak.</translation>
        </message>
        <message>
            <source>Selesaikan disposisi</source>
            <translation>Selesaikan disposisi</translation>
        </message>
        <message>
            <source>Selesaikan...</source>
            <translation>Selesaikan...</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Simpan Lembar Disposisi...</source>
            <translation>Simpan Lembar Disposisi...</translation>
        </message>
        <message>
            <source>Simpan Pindaian...</source>
            <translation>Simpan Pindaian...</translation>
        </message>
        <message>
            <source>Simpan lembar disposisi</source>
            <translation>Simpan lembar disposisi</translation>
        </message>
        <message>
            <source>Simpan pindaian</source>
            <translation>Simpan pindaian</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Surat balasan</source>
            <translation>Surat balasan</translation>
        </message>
        <message>
            <source>Surat diberkaskan dalam berkas {b}.</source>
            <translation>Surat diberkaskan dalam berkas {b}.</translation>
        </message>
        <message>
            <source>Surat terkait</source>
            <translation>Surat terkait</translation>
        </message>
        <message>
            <source>Tanda tangan</source>
            <translation>Tanda tangan</translation>
        </message>
        <message>
            <source>Tanggal surat</source>
            <translation>Tanggal surat</translation>
        </message>
        <message>
            <source>Teruskan...</source>
            <translation>Teruskan...</translation>
        </message>
        <message>
            <source>{n} pindaian menyusul (belum diunduh dari server).</source>
            <translation>{n} pindaian menyusul (belum diunduh dari server).</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Daftar surat</translation>
        </message>
    </context>
    <context>
        <name>InstructionsDialog</name>
        <message>
            <source>Instruksi Disposisi</source>
            <translation>Instruksi Disposisi</translation>
        </message>
        <message>
            <source>Nonaktifkan/Aktifkan</source>
            <translation>Nonaktifkan/Aktifkan</translation>
        </message>
        <message>
            <source>Tambah</source>
            <translation>Tambah</translation>
        </message>
        <message>
            <source>Teks instruksi, misalnya Segera laporkan</source>
            <translation>Teks instruksi, misalnya Segera laporkan</translation>
        </message>
        <message>
            <source>Ubah Teks</source>
            <translation>Ubah Teks</translation>
        </message>
        <message>
            <source>{t} (nonaktif)</source>
            <translation>{t} (nonaktif)</translation>
        </message>
    </context>
    <context>
        <name>JoinOfficeDialog</name>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Gabung</source>
            <translation>Gabung</translation>
        </message>
        <message>
            <source>Gabung ke kantor yang sudah ada</source>
            <translation>Gabung ke kantor yang sudah ada</translation>
        </message>
        <message>
            <source>Mendaftarkan PC dan mengunduh data kantor...</source>
            <translation>Mendaftarkan PC dan mengunduh data kantor...</translation>
        </message>
        <message>
            <source>Minta alamat server, kode kantor, dan kode pendaftaran sekali pakai kepada administrator. Data kantor dan pegawai akan diunduh ke PC ini.</source>
            <translation>Minta alamat server, kode kantor, dan kode pendaftaran sekali pakai kepada administrator. Data kantor dan pegawai akan diunduh ke PC ini.</translation>
        </message>
        <message>
            <source>Sinkronisasi pertama gagal</source>
            <translation>Sinkronisasi pertama gagal</translation>
        </message>
    </context>
    <context>
        <name>LanguageDialog</name>
        <message>
            <source>Bahasa</source>
            <translation>Bahasa</translation>
        </message>
        <message>
            <source>Bahasa menu dan pesan di PC ini. Surat tetap dibuat dalam Bahasa Indonesia. Perubahan berlaku setelah Naskah dibuka ulang.</source>
            <translation>Bahasa menu dan pesan di PC ini. Surat tetap dibuat dalam Bahasa Indonesia. Perubahan berlaku setelah Naskah dibuka ulang.</translation>
        </message>
        <message>
            <source>Bahasa tampilan</source>
            <translation>Bahasa tampilan</translation>
        </message>
        <message>
            <source>Pilihan bahasa tidak dapat disimpan di folder data ({e}).</source>
            <translation>Pilihan bahasa tidak dapat disimpan di folder data ({e}).</translation>
        </message>
    </context>
    <context>
        <name>LetterEditor</name>
        <message>
            <source>(langsung)</source>
            <translation>(langsung)</translation>
        </message>
        <message>
            <source>- atau 1 (satu) berkas</source>
            <translation>- atau 1 (satu) berkas</translation>
        </message>
        <message>
            <source>Belum tersimpan</source>
            <translation>Belum tersimpan</translation>
        </message>
        <message>
            <source>Gagal menyimpan</source>
            <translation>Gagal menyimpan</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Isi surat</source>
            <translation>Isi surat</translation>
        </message>
        <message>
            <source>Jabatan yang diwakili, mis. Camat Wamena</source>
            <translation>Jabatan yang diwakili, mis. Camat Wamena</translation>
        </message>
        <message>
            <source>Jenis naskah</source>
            <translation>Jenis naskah</translation>
        </message>
        <message>
            <source>Kepada</source>
            <translation>Kepada</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Lampiran</source>
            <translation>Lampiran</translation>
        </message>
        <message>
            <source>Menyimpan...</source>
            <translation>Menyimpan...</translation>
        </message>
        <message>
            <source>Naskah belum lengkap</source>
            <translation>Naskah belum lengkap</translation>
        </message>
        <message>
            <source>Naskah dikirim kepada {who}.</source>
            <translation>Naskah dikirim kepada {who}.</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Penandatangan</translation>
        </message>
        <message>
            <source>Penerima tembusan</source>
            <translation>Penerima tembusan</translation>
        </message>
        <message>
            <source>Pokok surat, dengan Huruf Awal Kapital</source>
            <translation>Pokok surat, dengan Huruf Awal Kapital</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Tambah tembusan</source>
            <translation>Tambah tembusan</translation>
        </message>
        <message>
            <source>Tambah tujuan</source>
            <translation>Tambah tujuan</translation>
        </message>
        <message>
            <source>Tembusan</source>
            <translation>Tembusan</translation>
        </message>
        <message>
            <source>Tersimpan {t}</source>
            <translation>Tersimpan {t}</translation>
        </message>
        <message>
            <source>Urgensi</source>
            <translation>Urgensi</translation>
        </message>
        <message>
            <source>Yth. (nama atau jabatan tujuan)</source>
            <translation>Yth. (nama atau jabatan tujuan)</translation>
        </message>
        <message>
            <source>a.n. / Plt. / Plh.</source>
            <translation>a.n. / Plt. / Plh.</translation>
        </message>
        <message>
            <source>a.n.: jabatan pimpinan yang diwakili. Plt./Plh.: jabatan yang dijabat, mis. Camat Wamena (kosong: jabatan penandatangan sendiri).</source>
            <translation>a.n.: jabatan pimpinan yang diwakili. Plt./Plh.: jabatan yang dijabat, mis. Camat Wamena (kosong: jabatan penandatangan sendiri).</translation>
        </message>
        <message>
            <source>di (tempat)</source>
            <translation>di (tempat)</translation>
        </message>
        <message>
            <source>— pilih penandatangan —</source>
            <translation>— pilih penandatangan —</translation>
        </message>
    </context>
    <context>
        <name>LetterListModel</name>
        <message>
            <source>(belum bernomor)</source>
            <translation>(belum bernomor)</translation>
        </message>
        <message>
            <source>Diubah</source>
            <translation>Diubah</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Jenis</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Kolom ini tidak dapat diurutkan</source>
            <translation>Kolom ini tidak dapat diurutkan</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Tujuan</source>
            <translation>Tujuan</translation>
        </message>
    </context>
    <context>
        <name>LetterView</name>
        <message>
            <source>&amp;Berkaskan...</source>
            <translation>&amp;Berkaskan...</translation>
        </message>
        <message>
            <source>&amp;Cetak...</source>
            <translation>&amp;Cetak...</translation>
        </message>
        <message>
            <source>&amp;Kembalikan...</source>
            <translation>&amp;Kembalikan...</translation>
        </message>
        <message>
            <source>&amp;Lampirkan Pindaian...</source>
            <translation>&amp;Lampirkan Pindaian...</translation>
        </message>
        <message>
            <source>&amp;Paraf</source>
            <translation>&amp;Paraf</translation>
        </message>
        <message>
            <source>(belum bernomor)</source>
            <translation>(belum bernomor)</translation>
        </message>
        <message>
            <source>(dari buku agenda yang diimpor)</source>
            <translation>(dari buku agenda yang diimpor)</translation>
        </message>
        <message>
            <source>Batalkan &amp;Nomor...</source>
            <translation>Batalkan &amp;Nomor...</translation>
        </message>
        <message>
            <source>Belum ada</source>
            <translation>Belum ada</translation>
        </message>
        <message>
            <source>Belum diberkaskan</source>
            <translation>Belum diberkaskan</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Berkas tidak terbaca</source>
            <translation>Berkas tidak terbaca</translation>
        </message>
        <message>
            <source>Berkaskan surat yang sudah selesai (Alt+B)</source>
            <translation>Berkaskan surat yang sudah selesai (Alt+B)</translation>
        </message>
        <message>
            <source>Cetak naskah</source>
            <translation>Cetak naskah</translation>
        </message>
        <message>
            <source>Cetak naskah (Ctrl+P)</source>
            <translation>Cetak naskah (Ctrl+P)</translation>
        </message>
        <message>
            <source>Cetak sekarang untuk ditandatangani dan dicap?</source>
            <translation>Cetak sekarang untuk ditandatangani dan dicap?</translation>
        </message>
        <message>
            <source>Dengan menandatangani, nomor surat diterbitkan sekarang dan naskah menjadi final: isinya tidak dapat diubah lagi. Sesudah itu cetak naskah, tanda tangani dan cap, lalu lampirkan pindaiannya.

Tandatangani naskah ini sekarang?</source>
            <translation>Dengan menandatangani, nomor surat diterbitkan sekarang dan naskah menjadi final: isinya tidak dapat diubah lagi. Sesudah itu cetak naskah, tanda tangani dan cap, lalu lampirkan pindaiannya.

Tandatangani naskah ini sekarang?</translation>
        </message>
        <message>
            <source>Di tangan</source>
            <translation>Di tangan</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Kembali ke daftar (Esc)</source>
            <translation>Kembali ke daftar (Esc)</translation>
        </message>
        <message>
            <source>Kepada</source>
            <translation>Kepada</translation>
        </message>
        <message>
            <source>Kirim ke Kantor &amp;Lain...</source>
            <translation>Kirim ke Kantor &amp;Lain...</translation>
        </message>
        <message>
            <source>Kirim ke kantor</source>
            <translation>Kirim ke kantor</translation>
        </message>
        <message>
            <source>Kirim surat bertanda tangan elektronik ke kantor lain lewat server pusat</source>
            <translation>Kirim surat bertanda tangan elektronik ke kantor lain lewat server pusat</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Lampiran menyusul</source>
            <translation>Lampiran menyusul</translation>
        </message>
        <message>
            <source>Lampiran menyusul (belum diunduh dari server)</source>
            <translation>Lampiran menyusul (belum diunduh dari server)</translation>
        </message>
        <message>
            <source>Menandatangani dan membuat PDF...</source>
            <translation>Menandatangani dan membuat PDF...</translation>
        </message>
        <message>
            <source>Naskah dikembalikan kepada pengonsep.</source>
            <translation>Naskah dikembalikan kepada pengonsep.</translation>
        </message>
        <message>
            <source>Naskah ditandatangani dengan nomor {n}.</source>
            <translation>Naskah ditandatangani dengan nomor {n}.</translation>
        </message>
        <message>
            <source>Naskah ditandatangani secara elektronik dengan nomor {n}.</source>
            <translation>Naskah ditandatangani secara elektronik dengan nomor {n}.</translation>
        </message>
        <message>
            <source>Naskah telah diparaf.</source>
            <translation>Naskah telah diparaf.</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Nomor dibatalkan.</source>
            <translation>Nomor dibatalkan.</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF disimpan ke {p}</source>
            <translation>PDF disimpan ke {p}</translation>
        </message>
        <message>
            <source>PDF naskah ini belum diunduh dari server; lampiran menyusul pada sinkronisasi berikutnya. Coba lagi nanti.</source>
            <translation>PDF naskah ini belum diunduh dari server; lampiran menyusul pada sinkronisasi berikutnya. Coba lagi nanti.</translation>
        </message>
        <message>
            <source>PDF tidak tersimpan</source>
            <translation>PDF tidak tersimpan</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Penandatangan</translation>
        </message>
        <message>
            <source>Pilih berkas pindaian</source>
            <translation>Pilih berkas pindaian</translation>
        </message>
        <message>
            <source>Pindaian</source>
            <translation>Pindaian</translation>
        </message>
        <message>
            <source>Pindaian (*.pdf *.png *.jpg *.jpeg)</source>
            <translation>Pindaian (*.pdf *.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Pindaian dilampirkan.</source>
            <translation>Pindaian dilampirkan.</translation>
        </message>
        <message>
            <source>Riwayat</source>
            <translation>Riwayat</translation>
        </message>
        <message>
            <source>SRIKANDI</source>
            <translation>SRIKANDI</translation>
        </message>
        <message>
            <source>Serahkan ke SRIKANDI...</source>
            <translation>Serahkan ke SRIKANDI...</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Simpan P&amp;DF...</source>
            <translation>Simpan P&amp;DF...</translation>
        </message>
        <message>
            <source>Simpan PDF</source>
            <translation>Simpan PDF</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Surat diberkaskan dalam berkas {b}.</source>
            <translation>Surat diberkaskan dalam berkas {b}.</translation>
        </message>
        <message>
            <source>Surat terkait</source>
            <translation>Surat terkait</translation>
        </message>
        <message>
            <source>TTE &amp;BSrE...</source>
            <translation>TTE &amp;BSrE...</translation>
        </message>
        <message>
            <source>Tanda tangan</source>
            <translation>Tanda tangan</translation>
        </message>
        <message>
            <source>Tanda tangan Anda dibubuhkan (nomor {n}); naskah diteruskan ke penanda tangan berikutnya.</source>
            <translation>Tanda tangan Anda dibubuhkan (nomor {n}); naskah diteruskan ke penanda tangan berikutnya.</translation>
        </message>
        <message>
            <source>Tandatangani &amp;Elektronik...</source>
            <translation>Tandatangani &amp;Elektronik...</translation>
        </message>
        <message>
            <source>Tandatangani Ba&amp;sah...</source>
            <translation>Tandatangani Ba&amp;sah...</translation>
        </message>
        <message>
            <source>Tandatangani basah</source>
            <translation>Tandatangani basah</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Tanggal</translation>
        </message>
        <message>
            <source>Terlampir</source>
            <translation>Terlampir</translation>
        </message>
        <message>
            <source>Tidak dapat mencetak</source>
            <translation>Tidak dapat mencetak</translation>
        </message>
        <message>
            <source>{sifat} · Urgensi: {urgency}</source>
            <translation>{sifat} · Urgensi: {urgency}</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Daftar surat</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Isi nama pengguna dan kata sandi.</source>
            <translation>Isi nama pengguna dan kata sandi.</translation>
        </message>
        <message>
            <source>Kata sandi</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Kecamatan {kec}
Kabupaten {kab}</source>
            <translation>Kecamatan {kec}
Kabupaten {kab}</translation>
        </message>
        <message>
            <source>Keluar</source>
            <translation>Keluar</translation>
        </message>
        <message>
            <source>Masuk</source>
            <translation>Masuk</translation>
        </message>
        <message>
            <source>Masuk - Naskah</source>
            <translation>Masuk - Naskah</translation>
        </message>
        <message>
            <source>Nama pengguna</source>
            <translation>Nama pengguna</translation>
        </message>
    </context>
    <context>
        <name>LogoPicker</name>
        <message>
            <source>Belum ada logo</source>
            <translation>Belum ada logo</translation>
        </message>
        <message>
            <source>Gambar (*.png *.jpg *.jpeg)</source>
            <translation>Gambar (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Lambang daerah untuk kop surat, PNG atau JPEG.</source>
            <translation>Lambang daerah untuk kop surat, PNG atau JPEG.</translation>
        </message>
        <message>
            <source>Pilih berkas...</source>
            <translation>Pilih berkas...</translation>
        </message>
        <message>
            <source>Pilih logo kop surat</source>
            <translation>Pilih logo kop surat</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Administrasi</source>
            <translation>&amp;Administrasi</translation>
        </message>
        <message>
            <source>&amp;Berkaskan surat...</source>
            <translation>&amp;Berkaskan surat...</translation>
        </message>
        <message>
            <source>&amp;Cari surat</source>
            <translation>&amp;Cari surat</translation>
        </message>
        <message>
            <source>&amp;Daftar berkas...</source>
            <translation>&amp;Daftar berkas...</translation>
        </message>
        <message>
            <source>&amp;Hapus penyaring</source>
            <translation>&amp;Hapus penyaring</translation>
        </message>
        <message>
            <source>&amp;Jadwal retensi...</source>
            <translation>&amp;Jadwal retensi...</translation>
        </message>
        <message>
            <source>&amp;Keluar</source>
            <translation>&amp;Keluar</translation>
        </message>
        <message>
            <source>&amp;Muat ulang daftar</source>
            <translation>&amp;Muat ulang daftar</translation>
        </message>
        <message>
            <source>&amp;Pegawai...</source>
            <translation>&amp;Pegawai...</translation>
        </message>
        <message>
            <source>&amp;Periksa keaslian PDF...</source>
            <translation>&amp;Periksa keaslian PDF...</translation>
        </message>
        <message>
            <source>&amp;Retensi...</source>
            <translation>&amp;Retensi...</translation>
        </message>
        <message>
            <source>&amp;Simpan konsep</source>
            <translation>&amp;Simpan konsep</translation>
        </message>
        <message>
            <source>&amp;Sinkronisasi...</source>
            <translation>&amp;Sinkronisasi...</translation>
        </message>
        <message>
            <source>&amp;Surat</source>
            <translation>&amp;Surat</translation>
        </message>
        <message>
            <source>+ Konsep Baru</source>
            <translation>+ Konsep Baru</translation>
        </message>
        <message>
            <source>A&amp;rsip</source>
            <translation>A&amp;rsip</translation>
        </message>
        <message>
            <source>Anda belum berperan Pengonsep. Tambahkan peran itu untuk diri Anda di Administrasi &gt; Pegawai; peran baru langsung berlaku.</source>
            <translation>Anda belum berperan Pengonsep. Tambahkan peran itu untuk diri Anda di Administrasi &gt; Pegawai; peran baru langsung berlaku.</translation>
        </message>
        <message>
            <source>Bahasa / Language...</source>
            <translation>Bahasa / Language...</translation>
        </message>
        <message>
            <source>Ce&amp;tak surat...</source>
            <translation>Ce&amp;tak surat...</translation>
        </message>
        <message>
            <source>Hasil pencarian “{q}” di semua surat yang dapat Anda lihat.</source>
            <translation>Hasil pencarian “{q}” di semua surat yang dapat Anda lihat.</translation>
        </message>
        <message>
            <source>Keluar &amp;akun</source>
            <translation>Keluar &amp;akun</translation>
        </message>
        <message>
            <source>Kirim untuk pa&amp;raf...</source>
            <translation>Kirim untuk pa&amp;raf...</translation>
        </message>
        <message>
            <source>Konflik</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Konflik ({n})</source>
            <translation>Konflik ({n})</translation>
        </message>
        <message>
            <source>Konsep &amp;Baru</source>
            <translation>Konsep &amp;Baru</translation>
        </message>
        <message>
            <source>Konsep baru...</source>
            <translation>Konsep baru...</translation>
        </message>
        <message>
            <source>Mencari...</source>
            <translation>Mencari...</translation>
        </message>
        <message>
            <source>Mulai naskah baru dari templat jenis naskah (Ctrl+N)</source>
            <translation>Mulai naskah baru dari templat jenis naskah (Ctrl+N)</translation>
        </message>
        <message>
            <source>Naskah — {name}</source>
            <translation>Naskah — {name}</translation>
        </message>
        <message>
            <source>Pengaturan &amp;Kantor...</source>
            <translation>Pengaturan &amp;Kantor...</translation>
        </message>
        <message>
            <source>Penyaring aktif: hanya surat yang cocok yang ditampilkan.</source>
            <translation>Penyaring aktif: hanya surat yang cocok yang ditampilkan.</translation>
        </message>
        <message>
            <source>Penyaring lain juga aktif.</source>
            <translation>Penyaring lain juga aktif.</translation>
        </message>
        <message>
            <source>T&amp;utup surat</source>
            <translation>T&amp;utup surat</translation>
        </message>
        <message>
            <source>Tampilkan lagi semua surat antrean ini</source>
            <translation>Tampilkan lagi semua surat antrean ini</translation>
        </message>
        <message>
            <source>Tidak ada surat di {queue}.</source>
            <translation>Tidak ada surat di {queue}.</translation>
        </message>
        <message>
            <source>Tidak ada surat yang cocok dengan penyaring.</source>
            <translation>Tidak ada surat yang cocok dengan penyaring.</translation>
        </message>
        <message>
            <source>Tutup jendela ini agar pegawai lain dapat masuk</source>
            <translation>Tutup jendela ini agar pegawai lain dapat masuk</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} surat</translation>
        </message>
        <message>
            <source>{n} surat terbaru yang cocok (persempit pencarian)</source>
            <translation>{n} surat terbaru yang cocok (persempit pencarian)</translation>
        </message>
        <message>
            <source>{n}+ surat</source>
            <translation>{n}+ surat</translation>
        </message>
    </context>
    <context>
        <name>NumberReserveDialog</name>
        <message>
            <source>&amp;Minta Nomor</source>
            <translation>&amp;Minta Nomor</translation>
        </message>
        <message>
            <source>&amp;Nomor per seri</source>
            <translation>&amp;Nomor per seri</translation>
        </message>
        <message>
            <source>Diminta: {n} nomor per seri. Server memberikannya pada sinkronisasi berikutnya.</source>
            <translation>Diminta: {n} nomor per seri. Server memberikannya pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>PC ini belum terdaftar di server: nomornya diberikan PC ini sendiri dan tidak akan habis.</source>
            <translation>PC ini belum terdaftar di server: nomornya diberikan PC ini sendiri dan tidak akan habis.</translation>
        </message>
        <message>
            <source>Permintaan nomor tambahan dibatalkan.</source>
            <translation>Permintaan nomor tambahan dibatalkan.</translation>
        </message>
        <message>
            <source>Sebelum PC ini lama tidak tersambung (misalnya dibawa bertugas ke luar kantor), minta server menyiapkan lebih banyak nomor surat untuk setiap seri. Permintaan dikirim pada sinkronisasi berikutnya; server memberi paling banyak sebanyak batas yang ditetapkan administrator server.</source>
            <translation>Sebelum PC ini lama tidak tersambung (misalnya dibawa bertugas ke luar kantor), minta server menyiapkan lebih banyak nomor surat untuk setiap seri. Permintaan dikirim pada sinkronisasi berikutnya; server memberi paling banyak sebanyak batas yang ditetapkan administrator server.</translation>
        </message>
        <message>
            <source>Siapkan Nomor untuk Luring</source>
            <translation>Siapkan Nomor untuk Luring</translation>
        </message>
    </context>
    <context>
        <name>NumberingFields</name>
        <message>
            <source> digit</source>
            <translation> digit</translation>
        </message>
        <message>
            <source>Bagian yang tersedia: {t}.</source>
            <translation>Bagian yang tersedia: {t}.</translation>
        </message>
        <message>
            <source>Contoh nomor berikutnya</source>
            <translation>Contoh nomor berikutnya</translation>
        </message>
        <message>
            <source>Nomor urut terpisah untuk tiap jenis surat</source>
            <translation>Nomor urut terpisah untuk tiap jenis surat</translation>
        </message>
        <message>
            <source>Panjang nomor urut</source>
            <translation>Panjang nomor urut</translation>
        </message>
        <message>
            <source>Pola nomor *</source>
            <translation>Pola nomor *</translation>
        </message>
    </context>
    <context>
        <name>OfficeFields</name>
        <message>
            <source>Alamat kantor *</source>
            <translation>Alamat kantor *</translation>
        </message>
        <message>
            <source>Dipakai dalam nomor surat.</source>
            <translation>Dipakai dalam nomor surat.</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Kode unit *</source>
            <translation>Kode unit *</translation>
        </message>
        <message>
            <source>Kop surat: PEMERINTAH KABUPATEN {kab} / KECAMATAN {kec}</source>
            <translation>Kop surat: PEMERINTAH KABUPATEN {kab} / KECAMATAN {kec}</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Nama kabupaten *</source>
            <translation>Nama kabupaten *</translation>
        </message>
        <message>
            <source>Nama kecamatan *</source>
            <translation>Nama kecamatan *</translation>
        </message>
        <message>
            <source>Nama tempat</source>
            <translation>Nama tempat</translation>
        </message>
        <message>
            <source>Situs web</source>
            <translation>Situs web</translation>
        </message>
        <message>
            <source>Telepon</source>
            <translation>Telepon</translation>
        </message>
        <message>
            <source>Untuk tempat dan tanggal surat, misalnya "Wamena, 3 Maret 2026".</source>
            <translation>Untuk tempat dan tanggal surat, misalnya "Wamena, 3 Maret 2026".</translation>
        </message>
        <message>
            <source>misalnya Jayawijaya (tanpa kata "Kabupaten")</source>
            <translation>misalnya Jayawijaya (tanpa kata "Kabupaten")</translation>
        </message>
        <message>
            <source>misalnya Wamena (tanpa kata "Kecamatan")</source>
            <translation>misalnya Wamena (tanpa kata "Kecamatan")</translation>
        </message>
    </context>
    <context>
        <name>OfficePage</name>
        <message>
            <source>Gabung ke kantor yang sudah ada...</source>
            <translation>Gabung ke kantor yang sudah ada...</translation>
        </message>
        <message>
            <source>Kantor ini sudah memakai Naskah di PC lain?</source>
            <translation>Kantor ini sudah memakai Naskah di PC lain?</translation>
        </message>
        <message>
            <source>Profil kantor</source>
            <translation>Profil kantor</translation>
        </message>
        <message>
            <source>Selamat datang di Naskah. Isi data kantor kecamatan untuk kop surat; semuanya dapat diubah nanti di Pengaturan kantor. Tanda * berarti wajib diisi.</source>
            <translation>Selamat datang di Naskah. Isi data kantor kecamatan untuk kop surat; semuanya dapat diubah nanti di Pengaturan kantor. Tanda * berarti wajib diisi.</translation>
        </message>
    </context>
    <context>
        <name>OfficeSettingsDialog</name>
        <message>
            <source>Hanya administrator yang dapat mengubah pengaturan kantor.</source>
            <translation>Hanya administrator yang dapat mengubah pengaturan kantor.</translation>
        </message>
        <message>
            <source>Kertas dan huruf</source>
            <translation>Kertas dan huruf</translation>
        </message>
        <message>
            <source>Kop surat</source>
            <translation>Kop surat</translation>
        </message>
        <message>
            <source>Logo belum tersedia di komputer ini</source>
            <translation>Logo belum tersedia di komputer ini</translation>
        </message>
        <message>
            <source>Logo saat ini</source>
            <translation>Logo saat ini</translation>
        </message>
        <message>
            <source>Margin atas</source>
            <translation>Margin atas</translation>
        </message>
        <message>
            <source>Margin bawah</source>
            <translation>Margin bawah</translation>
        </message>
        <message>
            <source>Margin kanan</source>
            <translation>Margin kanan</translation>
        </message>
        <message>
            <source>Margin kiri</source>
            <translation>Margin kiri</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Nomor surat</translation>
        </message>
        <message>
            <source>Pengaturan kantor</source>
            <translation>Pengaturan kantor</translation>
        </message>
        <message>
            <source>Ukuran huruf</source>
            <translation>Ukuran huruf</translation>
        </message>
        <message>
            <source>Ukuran kertas</source>
            <translation>Ukuran kertas</translation>
        </message>
    </context>
    <context>
        <name>PaperChoice</name>
        <message>
            <source>A4 (210 × 297 mm)</source>
            <translation>A4 (210 × 297 mm)</translation>
        </message>
        <message>
            <source>F4 / folio (215 × 330 mm), umum di kantor pemerintah</source>
            <translation>F4 / folio (215 × 330 mm), umum di kantor pemerintah</translation>
        </message>
    </context>
    <context>
        <name>PaperPage</name>
        <message>
            <source>Kertas dan nomor surat</source>
            <translation>Kertas dan nomor surat</translation>
        </message>
        <message>
            <source>Ukuran kertas</source>
            <translation>Ukuran kertas</translation>
        </message>
        <message>
            <source>Ukuran kertas surat dan bentuk nomor surat keluar.</source>
            <translation>Ukuran kertas surat dan bentuk nomor surat keluar.</translation>
        </message>
    </context>
    <context>
        <name>PasteTextEdit</name>
        <message>
            <source>Gambar berikut tidak ikut ditempel:</source>
            <translation>Gambar berikut tidak ikut ditempel:</translation>
        </message>
        <message>
            <source>Gambar di papan klip tidak dapat dibaca.</source>
            <translation>Gambar di papan klip tidak dapat dibaca.</translation>
        </message>
        <message>
            <source>Gambar tidak dapat disisipkan di sini.</source>
            <translation>Gambar tidak dapat disisipkan di sini.</translation>
        </message>
        <message>
            <source>Gambar tidak ditempel</source>
            <translation>Gambar tidak ditempel</translation>
        </message>
    </context>
    <context>
        <name>PdfVerifier</name>
        <message>
            <source>Dokumen PDF (*.pdf)</source>
            <translation>Dokumen PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Periksa keaslian PDF</source>
            <translation>Periksa keaslian PDF</translation>
        </message>
    </context>
    <context>
        <name>PeopleDialog</name>
        <message>
            <source>Aktifkan</source>
            <translation>Aktifkan</translation>
        </message>
        <message>
            <source>Hanya administrator yang dapat mengelola pegawai.</source>
            <translation>Hanya administrator yang dapat mengelola pegawai.</translation>
        </message>
        <message>
            <source>Nonaktifkan</source>
            <translation>Nonaktifkan</translation>
        </message>
        <message>
            <source>Pegawai dan akun</source>
            <translation>Pegawai dan akun</translation>
        </message>
        <message>
            <source>Pegawai nonaktif tidak dapat masuk; surat dan riwayatnya tetap tersimpan.</source>
            <translation>Pegawai nonaktif tidak dapat masuk; surat dan riwayatnya tetap tersimpan.</translation>
        </message>
        <message>
            <source>Tambah pegawai...</source>
            <translation>Tambah pegawai...</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>Ubah...</source>
            <translation>Ubah...</translation>
        </message>
    </context>
    <context>
        <name>PeopleTableModel</name>
        <message>
            <source>Aktif</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Jabatan</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Nama</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Nonaktif</source>
            <translation>Nonaktif</translation>
        </message>
        <message>
            <source>Peran</source>
            <translation>Peran</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
    </context>
    <context>
        <name>PersonDialog</name>
        <message>
            <source>Tambah pegawai</source>
            <translation>Tambah pegawai</translation>
        </message>
        <message>
            <source>Ubah data pegawai</source>
            <translation>Ubah data pegawai</translation>
        </message>
    </context>
    <context>
        <name>PersonFields</name>
        <message>
            <source>18 angka, tanpa spasi</source>
            <translation>18 angka, tanpa spasi</translation>
        </message>
        <message>
            <source>Dengan gelar, seperti tertulis di surat.</source>
            <translation>Dengan gelar, seperti tertulis di surat.</translation>
        </message>
        <message>
            <source>Jabatan *</source>
            <translation>Jabatan *</translation>
        </message>
        <message>
            <source>Kata sandi</source>
            <translation>Kata sandi</translation>
        </message>
        <message>
            <source>Kata sandi dan ulangannya tidak sama.</source>
            <translation>Kata sandi dan ulangannya tidak sama.</translation>
        </message>
        <message>
            <source>Kosongkan jika tidak diganti.</source>
            <translation>Kosongkan jika tidak diganti.</translation>
        </message>
        <message>
            <source>Minimal 8 karakter.</source>
            <translation>Minimal 8 karakter.</translation>
        </message>
        <message>
            <source>NIP *</source>
            <translation>NIP *</translation>
        </message>
        <message>
            <source>Nama lengkap *</source>
            <translation>Nama lengkap *</translation>
        </message>
        <message>
            <source>Nama pengguna *</source>
            <translation>Nama pengguna *</translation>
        </message>
        <message>
            <source>Pangkat/golongan</source>
            <translation>Pangkat/golongan</translation>
        </message>
        <message>
            <source>Peran *</source>
            <translation>Peran *</translation>
        </message>
        <message>
            <source>Ulangi kata sandi</source>
            <translation>Ulangi kata sandi</translation>
        </message>
        <message>
            <source>Untuk masuk: huruf kecil, angka, titik, garis bawah atau strip.</source>
            <translation>Untuk masuk: huruf kecil, angka, titik, garis bawah atau strip.</translation>
        </message>
        <message>
            <source>misalnya Kepala Seksi Pemerintahan</source>
            <translation>misalnya Kepala Seksi Pemerintahan</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Menyiapkan pratinjau...</source>
            <translation>Menyiapkan pratinjau...</translation>
        </message>
        <message>
            <source>Pratinjau tidak dapat dibuat.</source>
            <translation>Pratinjau tidak dapat dibuat.</translation>
        </message>
    </context>
    <context>
        <name>RegisterDialog</name>
        <message>
            <source>(pimpinan)</source>
            <translation>(pimpinan)</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Berkas pindaian</source>
            <translation>Berkas pindaian</translation>
        </message>
        <message>
            <source>Catat Surat Masuk</source>
            <translation>Catat Surat Masuk</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Catatan</translation>
        </message>
        <message>
            <source>Diterima melalui</source>
            <translation>Diterima melalui</translation>
        </message>
        <message>
            <source>Ditujukan kepada</source>
            <translation>Ditujukan kepada</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Hal</translation>
        </message>
        <message>
            <source>Hapus Berkas</source>
            <translation>Hapus Berkas</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Nama instansi/orang, atau singkatannya</source>
            <translation>Nama instansi/orang, atau singkatannya</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Nomor surat</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Pengirim</translation>
        </message>
        <message>
            <source>Pilih berkas pindaian</source>
            <translation>Pilih berkas pindaian</translation>
        </message>
        <message>
            <source>Pindaian (*.pdf *.png *.jpg *.jpeg);;Semua berkas (*)</source>
            <translation>Pindaian (*.pdf *.png *.jpg *.jpeg);;Semua berkas (*)</translation>
        </message>
        <message>
            <source>Seret berkas PDF/gambar ke jendela ini, atau pilih dengan “Tambah Berkas...”.</source>
            <translation>Seret berkas PDF/gambar ke jendela ini, atau pilih dengan “Tambah Berkas...”.</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Tambah Berkas...</source>
            <translation>Tambah Berkas...</translation>
        </message>
        <message>
            <source>Tanggal diterima</source>
            <translation>Tanggal diterima</translation>
        </message>
        <message>
            <source>Tanggal surat</source>
            <translation>Tanggal surat</translation>
        </message>
        <message>
            <source>Tempat (untuk surat balasan), jika baru</source>
            <translation>Tempat (untuk surat balasan), jika baru</translation>
        </message>
        <message>
            <source>Urgensi</source>
            <translation>Urgensi</translation>
        </message>
        <message>
            <source>mis. 400.10.2.2 (kode lama 474.2 boleh)</source>
            <translation>mis. 400.10.2.2 (kode lama 474.2 boleh)</translation>
        </message>
    </context>
    <context>
        <name>RegistersDialog</name>
        <message>
            <source>&amp;Buku:</source>
            <translation>&amp;Buku:</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>&amp;Format:</translation>
        </message>
        <message>
            <source>&amp;Kertas:</source>
            <translation>&amp;Kertas:</translation>
        </message>
        <message>
            <source>&amp;Rentang tanggal</source>
            <translation>&amp;Rentang tanggal</translation>
        </message>
        <message>
            <source>&amp;Simpan...</source>
            <translation>&amp;Simpan...</translation>
        </message>
        <message>
            <source>&amp;Tahun</source>
            <translation>&amp;Tahun</translation>
        </message>
        <message>
            <source>&amp;Tutup</source>
            <translation>&amp;Tutup</translation>
        </message>
        <message>
            <source>A4 mendatar</source>
            <translation>A4 mendatar</translation>
        </message>
        <message>
            <source>Buku Agenda</source>
            <translation>Buku Agenda</translation>
        </message>
        <message>
            <source>Buku agenda disimpan: {n} surat, {path}</source>
            <translation>Buku agenda disimpan: {n} surat, {path}</translation>
        </message>
        <message>
            <source>CSV (.csv, pemisah titik koma)</source>
            <translation>CSV (.csv, pemisah titik koma)</translation>
        </message>
        <message>
            <source>Excel (.xlsx)</source>
            <translation>Excel (.xlsx)</translation>
        </message>
        <message>
            <source>F4 mendatar</source>
            <translation>F4 mendatar</translation>
        </message>
        <message>
            <source>Menyusun buku agenda...</source>
            <translation>Menyusun buku agenda...</translation>
        </message>
        <message>
            <source>PDF untuk dicetak</source>
            <translation>PDF untuk dicetak</translation>
        </message>
        <message>
            <source>Periode:</source>
            <translation>Periode:</translation>
        </message>
        <message>
            <source>Simpan buku agenda</source>
            <translation>Simpan buku agenda</translation>
        </message>
        <message>
            <source>Surat Keluar</source>
            <translation>Surat Keluar</translation>
        </message>
        <message>
            <source>Surat Masuk</source>
            <translation>Surat Masuk</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>s.d.</translation>
        </message>
    </context>
    <context>
        <name>ReportsDesk</name>
        <message>
            <source>&amp;Dasbor</source>
            <translation>&amp;Dasbor</translation>
        </message>
        <message>
            <source>&amp;Laporan</source>
            <translation>&amp;Laporan</translation>
        </message>
        <message>
            <source>Buku &amp;Agenda...</source>
            <translation>Buku &amp;Agenda...</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>&amp;Tindakan</source>
            <translation>&amp;Tindakan</translation>
        </message>
        <message>
            <source>Aktif s.d.</source>
            <translation>Aktif s.d.</translation>
        </message>
        <message>
            <source>Buat &amp;berita acara</source>
            <translation>Buat &amp;berita acara</translation>
        </message>
        <message>
            <source>Inaktif s.d.</source>
            <translation>Inaktif s.d.</translation>
        </message>
        <message>
            <source>Isi</source>
            <translation>Isi</translation>
        </message>
        <message>
            <source>Judul berkas</source>
            <translation>Judul berkas</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Kode lama {code} (78/2012): {reason}</source>
            <translation>Kode lama {code} (78/2012): {reason}</translation>
        </message>
        <message>
            <source>Konsep berita acara dengan daftar berkas terpilih (tindakan yang sama)</source>
            <translation>Konsep berita acara dengan daftar berkas terpilih (tindakan yang sama)</translation>
        </message>
        <message>
            <source>Nasib akhir sudah dilaksanakan (setelah berita acara ditandatangani)</source>
            <translation>Nasib akhir sudah dilaksanakan (setelah berita acara ditandatangani)</translation>
        </message>
        <message>
            <source>Retensi</source>
            <translation>Retensi</translation>
        </message>
        <message>
            <source>Retensi Arsip</source>
            <translation>Retensi Arsip</translation>
        </message>
        <message>
            <source>Semua tindakan</source>
            <translation>Semua tindakan</translation>
        </message>
        <message>
            <source>Tahun</source>
            <translation>Tahun</translation>
        </message>
        <message>
            <source>Tandai &amp;dipindahkan</source>
            <translation>Tandai &amp;dipindahkan</translation>
        </message>
        <message>
            <source>Tandai &amp;selesai</source>
            <translation>Tandai &amp;selesai</translation>
        </message>
        <message>
            <source>Tidak ada berkas yang jatuh tempo retensinya.</source>
            <translation>Tidak ada berkas yang jatuh tempo retensinya.</translation>
        </message>
        <message>
            <source>Tindakan</source>
            <translation>Tindakan</translation>
        </message>
        <message>
            <source>{a} th aktif + {i} th inaktif, {f}</source>
            <translation>{a} th aktif + {i} th inaktif, {f}</translation>
        </message>
        <message>
            <source>{n} berkas tanpa jadwal retensi (kodenya belum punya angka retensi): administrator mengisinya di Arsip &gt; Jadwal Retensi.</source>
            <translation>{n} berkas tanpa jadwal retensi (kodenya belum punya angka retensi): administrator mengisinya di Arsip &gt; Jadwal Retensi.</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} surat</translation>
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <source>Pulihkan isi revisi ini ke editor</source>
            <translation>Pulihkan isi revisi ini ke editor</translation>
        </message>
        <message>
            <source>Revisi {n} · {who}
{when}</source>
            <translation>Revisi {n} · {who}
{when}</translation>
        </message>
        <message>
            <source>Riwayat revisi</source>
            <translation>Riwayat revisi</translation>
        </message>
    </context>
    <context>
        <name>RowListEditor</name>
        <message>
            <source>Hapus baris ini</source>
            <translation>Hapus baris ini</translation>
        </message>
    </context>
    <context>
        <name>ScanViewer</name>
        <message>
            <source>+</source>
            <translation>+</translation>
        </message>
        <message>
            <source>Belum ada pindaian.</source>
            <translation>Belum ada pindaian.</translation>
        </message>
        <message>
            <source>Halaman berikutnya (Page Down)</source>
            <translation>Halaman berikutnya (Page Down)</translation>
        </message>
        <message>
            <source>Halaman sebelumnya (Page Up)</source>
            <translation>Halaman sebelumnya (Page Up)</translation>
        </message>
        <message>
            <source>Halaman {n} dari {m}</source>
            <translation>Halaman {n} dari {m}</translation>
        </message>
        <message>
            <source>Lebar</source>
            <translation>Lebar</translation>
        </message>
        <message>
            <source>Perbesar (Ctrl++)</source>
            <translation>Perbesar (Ctrl++)</translation>
        </message>
        <message>
            <source>Perkecil (Ctrl+-)</source>
            <translation>Perkecil (Ctrl+-)</translation>
        </message>
        <message>
            <source>Putar</source>
            <translation>Putar</translation>
        </message>
        <message>
            <source>Putar halaman 90° (Ctrl+R)</source>
            <translation>Putar halaman 90° (Ctrl+R)</translation>
        </message>
        <message>
            <source>Sesuaikan dengan lebar (Ctrl+0)</source>
            <translation>Sesuaikan dengan lebar (Ctrl+0)</translation>
        </message>
        <message>
            <source>−</source>
            <translation>−</translation>
        </message>
        <message>
            <source>▶</source>
            <translation>▶</translation>
        </message>
        <message>
            <source>◀</source>
            <translation>◀</translation>
        </message>
    </context>
    <context>
        <name>ScheduleDialog</name>
        <message>
            <source>&amp;Cari</source>
            <translation>&amp;Cari</translation>
        </message>
        <message>
            <source>&amp;Keterangan</source>
            <translation>&amp;Keterangan</translation>
        </message>
        <message>
            <source>&amp;Nasib akhir</source>
            <translation>&amp;Nasib akhir</translation>
        </message>
        <message>
            <source>&amp;Simpan aturan kantor</source>
            <translation>&amp;Simpan aturan kantor</translation>
        </message>
        <message>
            <source>(kosong)</source>
            <translation>(kosong)</translation>
        </message>
        <message>
            <source>Aktif</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>Inaktif</source>
            <translation>Inaktif</translation>
        </message>
        <message>
            <source>Jadwal Retensi Arsip</source>
            <translation>Jadwal Retensi Arsip</translation>
        </message>
        <message>
            <source>Judul</source>
            <translation>Judul</translation>
        </message>
        <message>
            <source>Kembalikan ke &amp;JRA</source>
            <translation>Kembalikan ke &amp;JRA</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Kode</translation>
        </message>
        <message>
            <source>Kode atau judul, mis. 000.1 atau perjalanan</source>
            <translation>Kode atau judul, mis. 000.1 atau perjalanan</translation>
        </message>
        <message>
            <source>Nasib akhir</source>
            <translation>Nasib akhir</translation>
        </message>
        <message>
            <source>Retensi &amp;aktif (tahun)</source>
            <translation>Retensi &amp;aktif (tahun)</translation>
        </message>
        <message>
            <source>Retensi &amp;inaktif (tahun)</source>
            <translation>Retensi &amp;inaktif (tahun)</translation>
        </message>
        <message>
            <source>Sumber</source>
            <translation>Sumber</translation>
        </message>
        <message>
            <source>[kode lama] {title}</source>
            <translation>[kode lama] {title}</translation>
        </message>
    </context>
    <context>
        <name>SendDialog</name>
        <message>
            <source>&amp;Kirim</source>
            <translation>&amp;Kirim</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Hapus</translation>
        </message>
        <message>
            <source>Kirim (Ctrl+Enter)</source>
            <translation>Kirim (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Kirim untuk paraf dan tanda tangan</source>
            <translation>Kirim untuk paraf dan tanda tangan</translation>
        </message>
        <message>
            <source>Naik</source>
            <translation>Naik</translation>
        </message>
        <message>
            <source>Pemaraf memeriksa dan memaraf berurutan dari atas ke bawah, lalu naskah sampai kepada penandatangan. Tanpa pemaraf, naskah langsung ke penandatangan.</source>
            <translation>Pemaraf memeriksa dan memaraf berurutan dari atas ke bawah, lalu naskah sampai kepada penandatangan. Tanpa pemaraf, naskah langsung ke penandatangan.</translation>
        </message>
        <message>
            <source>Penanda tangan lain, menandatangani lebih dulu (boleh kosong)</source>
            <translation>Penanda tangan lain, menandatangani lebih dulu (boleh kosong)</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Penandatangan</translation>
        </message>
        <message>
            <source>Tambahkan</source>
            <translation>Tambahkan</translation>
        </message>
        <message>
            <source>Turun</source>
            <translation>Turun</translation>
        </message>
        <message>
            <source>Urutan pemaraf</source>
            <translation>Urutan pemaraf</translation>
        </message>
    </context>
    <context>
        <name>SendersDialog</name>
        <message>
            <source>Cari nama atau singkatan...</source>
            <translation>Cari nama atau singkatan...</translation>
        </message>
        <message>
            <source>Daftar Pengirim</source>
            <translation>Daftar Pengirim</translation>
        </message>
        <message>
            <source>Nama</source>
            <translation>Nama</translation>
        </message>
        <message>
            <source>Nama lain</source>
            <translation>Nama lain</translation>
        </message>
        <message>
            <source>Nama lain, dipisah titik koma: DPMK; Dinas PMK</source>
            <translation>Nama lain, dipisah titik koma: DPMK; Dinas PMK</translation>
        </message>
        <message>
            <source>Pengirim Baru</source>
            <translation>Pengirim Baru</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Simpan</translation>
        </message>
        <message>
            <source>Tempat</source>
            <translation>Tempat</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>&lt; Kembali</source>
            <translation>&lt; Kembali</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Batalkan penyiapan?</source>
            <translation>Batalkan penyiapan?</translation>
        </message>
        <message>
            <source>Data kantor belum lengkap</source>
            <translation>Data kantor belum lengkap</translation>
        </message>
        <message>
            <source>Data kantor dan administrator yang sudah diketik belum disimpan dan akan hilang. Batalkan penyiapan dan keluar?</source>
            <translation>Data kantor dan administrator yang sudah diketik belum disimpan dan akan hilang. Batalkan penyiapan dan keluar?</translation>
        </message>
        <message>
            <source>Lanjut &gt;</source>
            <translation>Lanjut &gt;</translation>
        </message>
        <message>
            <source>Mengisi data contoh untuk latihan...</source>
            <translation>Mengisi data contoh untuk latihan...</translation>
        </message>
        <message>
            <source>Menyiapkan kantor...</source>
            <translation>Menyiapkan kantor...</translation>
        </message>
        <message>
            <source>PC ini sudah terdaftar, tetapi data kantor belum ada di server. Minta PC pertama kantor ini menyinkronkan dulu, lalu coba lagi.</source>
            <translation>PC ini sudah terdaftar, tetapi data kantor belum ada di server. Minta PC pertama kantor ini menyinkronkan dulu, lalu coba lagi.</translation>
        </message>
        <message>
            <source>Penyiapan kantor - Naskah</source>
            <translation>Penyiapan kantor - Naskah</translation>
        </message>
        <message>
            <source>Penyiapan tidak dapat disimpan</source>
            <translation>Penyiapan tidak dapat disimpan</translation>
        </message>
        <message>
            <source>Selesai</source>
            <translation>Selesai</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>(kunci sudah terbuka; boleh dikosongkan)</source>
            <translation>(kunci sudah terbuka; boleh dikosongkan)</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Daftarkan sertifikat...</source>
            <translation>Daftarkan sertifikat...</translation>
        </message>
        <message>
            <source>Frasa sandi</source>
            <translation>Frasa sandi</translation>
        </message>
        <message>
            <source>Ingat sampai aplikasi ditutup</source>
            <translation>Ingat sampai aplikasi ditutup</translation>
        </message>
        <message>
            <source>Menandatangani naskah...</source>
            <translation>Menandatangani naskah...</translation>
        </message>
        <message>
            <source>Naskah “{hal}” akan diberi nomor, dibuat PDF/A dan ditandatangani dengan sertifikat Anda. Sesudah itu isinya tidak dapat diubah lagi. Tidak perlu sambungan internet.</source>
            <translation>Naskah “{hal}” akan diberi nomor, dibuat PDF/A dan ditandatangani dengan sertifikat Anda. Sesudah itu isinya tidak dapat diubah lagi. Tidak perlu sambungan internet.</translation>
        </message>
        <message>
            <source>Simpan frasa sandi di keyring sistem komputer ini</source>
            <translation>Simpan frasa sandi di keyring sistem komputer ini</translation>
        </message>
        <message>
            <source>Tandatangani</source>
            <translation>Tandatangani</translation>
        </message>
        <message>
            <source>Tandatangani secara elektronik</source>
            <translation>Tandatangani secara elektronik</translation>
        </message>
    </context>
    <context>
        <name>SrikandiImportDialog</name>
        <message>
            <source>&amp;Catat sebagai Surat Masuk</source>
            <translation>&amp;Catat sebagai Surat Masuk</translation>
        </message>
        <message>
            <source>(belum dipilih)</source>
            <translation>(belum dipilih)</translation>
        </message>
        <message>
            <source>Dicatat sebagai surat masuk agenda {a}/{y} dari {s}.</source>
            <translation>Dicatat sebagai surat masuk agenda {a}/{y} dari {s}.</translation>
        </message>
        <message>
            <source>Impor dari SRIKANDI</source>
            <translation>Impor dari SRIKANDI</translation>
        </message>
        <message>
            <source>Isian</source>
            <translation>Isian</translation>
        </message>
        <message>
            <source>Isian naskah dari SRIKANDI</source>
            <translation>Isian naskah dari SRIKANDI</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Naskah</source>
            <translation>Naskah</translation>
        </message>
        <message>
            <source>Naskah dari SRIKANDI</source>
            <translation>Naskah dari SRIKANDI</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Pilih &amp;Isian JSON...</source>
            <translation>Pilih &amp;Isian JSON...</translation>
        </message>
        <message>
            <source>Pilih &amp;PDF...</source>
            <translation>Pilih &amp;PDF...</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>PC ini belum terhubung ke server kabupaten. Administrator dapat mendaftarkannya di Administrasi &gt; Sinkronisasi...</source>
            <translation>PC ini belum terhubung ke server kabupaten. Administrator dapat mendaftarkannya di Administrasi &gt; Sinkronisasi...</translation>
        </message>
        <message>
            <source>Sinkronisasi belum disiapkan</source>
            <translation>Sinkronisasi belum disiapkan</translation>
        </message>
        <message>
            <source>{text} - {n} perubahan hanya ada di PC ini</source>
            <translation>{text} - {n} perubahan hanya ada di PC ini</translation>
        </message>
    </context>
    <context>
        <name>SyncSettingsDialog</name>
        <message>
            <source>Alamat baru</source>
            <translation>Alamat baru</translation>
        </message>
        <message>
            <source>Alamat server</source>
            <translation>Alamat server</translation>
        </message>
        <message>
            <source>Alamat server baru</source>
            <translation>Alamat server baru</translation>
        </message>
        <message>
            <source>Alamat server diubah</source>
            <translation>Alamat server diubah</translation>
        </message>
        <message>
            <source>Alamat server tidak diubah</source>
            <translation>Alamat server tidak diubah</translation>
        </message>
        <message>
            <source>Daftarkan PC ini</source>
            <translation>Daftarkan PC ini</translation>
        </message>
        <message>
            <source>Daftarkan PC ini ke server</source>
            <translation>Daftarkan PC ini ke server</translation>
        </message>
        <message>
            <source>ID perangkat</source>
            <translation>ID perangkat</translation>
        </message>
        <message>
            <source>Isi alamat server yang baru.</source>
            <translation>Isi alamat server yang baru.</translation>
        </message>
        <message>
            <source>Jika server pindah alamat, isi alamat barunya. PC ini memeriksa bahwa itu server yang sama sebelum memakainya; pendaftaran dan data tidak berubah.</source>
            <translation>Jika server pindah alamat, isi alamat barunya. PC ini memeriksa bahwa itu server yang sama sebelum memakainya; pendaftaran dan data tidak berubah.</translation>
        </message>
        <message>
            <source>Kode kantor</source>
            <translation>Kode kantor</translation>
        </message>
        <message>
            <source>PC ini</source>
            <translation>PC ini</translation>
        </message>
        <message>
            <source>PC ini sekarang sinkron dengan {url}.</source>
            <translation>PC ini sekarang sinkron dengan {url}.</translation>
        </message>
        <message>
            <source>Perubahan menunggu</source>
            <translation>Perubahan menunggu</translation>
        </message>
        <message>
            <source>Sinkron terakhir</source>
            <translation>Sinkron terakhir</translation>
        </message>
        <message>
            <source>Sinkronisasi</source>
            <translation>Sinkronisasi</translation>
        </message>
        <message>
            <source>Sinkronkan sekarang</source>
            <translation>Sinkronkan sekarang</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ubah alamat server</source>
            <translation>Ubah alamat server</translation>
        </message>
        <message>
            <source>belum pernah</source>
            <translation>belum pernah</translation>
        </message>
        <message>
            <source>belum terdaftar</source>
            <translation>belum terdaftar</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message>
            <source>{text} - {n} perubahan menunggu</source>
            <translation>{text} - {n} perubahan menunggu</translation>
        </message>
    </context>
    <context>
        <name>TextDialog</name>
        <message>
            <source>(tidak ada)</source>
            <translation>(tidak ada)</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Isian masih kosong.</source>
            <translation>Isian masih kosong.</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Simpan</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Buka surat</source>
            <translation>Buka surat</translation>
        </message>
        <message>
            <source>Kode verifikasi:</source>
            <translation>Kode verifikasi:</translation>
        </message>
        <message>
            <source>Memeriksa kode {c}...</source>
            <translation>Memeriksa kode {c}...</translation>
        </message>
        <message>
            <source>Memeriksa {f}...</source>
            <translation>Memeriksa {f}...</translation>
        </message>
        <message>
            <source>Periksa keaslian PDF</source>
            <translation>Periksa keaslian PDF</translation>
        </message>
        <message>
            <source>Periksa kode</source>
            <translation>Periksa kode</translation>
        </message>
        <message>
            <source>Salin</source>
            <translation>Salin</translation>
        </message>
        <message>
            <source>Salin hasil pemeriksaan ke papan klip</source>
            <translation>Salin hasil pemeriksaan ke papan klip</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Tutup</translation>
        </message>
        <message>
            <source>kode verifikasi pada surat, 20 huruf dan angka</source>
            <translation>kode verifikasi pada surat, 20 huruf dan angka</translation>
        </message>
    </context>
    <context>
        <name>_Enrolling</name>
        <message>
            <source>Pendaftaran gagal</source>
            <translation>Pendaftaran gagal</translation>
        </message>
    </context>
    <context>
        <name>agenda_import_dialog</name>
        <message>
            <source>Batalkan Impor Buku Agenda...</source>
            <translation>Batalkan Impor Buku Agenda...</translation>
        </message>
        <message>
            <source>Impor Buku &amp;Agenda...</source>
            <translation>Impor Buku &amp;Agenda...</translation>
        </message>
        <message>
            <source>Impor Buku Agenda Surat K&amp;eluar...</source>
            <translation>Impor Buku Agenda Surat K&amp;eluar...</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Berkas data rusak</source>
            <translation>Berkas data rusak</translation>
        </message>
        <message>
            <source>Berkas huruf surat tidak ada</source>
            <translation>Berkas huruf surat tidak ada</translation>
        </message>
        <message>
            <source>Cadangan tidak dapat dipulihkan: {detail}

Hubungi petugas TI kabupaten.</source>
            <translation>Cadangan tidak dapat dipulihkan: {detail}

Hubungi petugas TI kabupaten.</translation>
        </message>
        <message>
            <source>Data tidak dapat dibuka</source>
            <translation>Data tidak dapat dibuka</translation>
        </message>
        <message>
            <source>Naskah sudah berjalan</source>
            <translation>Naskah sudah berjalan</translation>
        </message>
        <message>
            <source>Naskah tidak lengkap: berkas huruf surat tidak ditemukan ({files}). Surat tidak dapat dibuat tanpa huruf ini. Pasang ulang Naskah; data kantor tidak terpengaruh.</source>
            <translation>Naskah tidak lengkap: berkas huruf surat tidak ditemukan ({files}). Surat tidak dapat dibuat tanpa huruf ini. Pasang ulang Naskah; data kantor tidak terpengaruh.</translation>
        </message>
        <message>
            <source>Pulihkan cadangan sekarang? Pilih Tidak untuk keluar.</source>
            <translation>Pulihkan cadangan sekarang? Pilih Tidak untuk keluar.</translation>
        </message>
        <message>
            <source>Templat jenis naskah</source>
            <translation>Templat jenis naskah</translation>
        </message>
    </context>
    <context>
        <name>forms</name>
        <message>
            <source>Batal</source>
            <translation>Batal</translation>
        </message>
        <message>
            <source>Berkas logo bukan gambar PNG atau JPEG.</source>
            <translation>Berkas logo bukan gambar PNG atau JPEG.</translation>
        </message>
        <message>
            <source>Berkas logo tidak dapat dibaca: {e}</source>
            <translation>Berkas logo tidak dapat dibaca: {e}</translation>
        </message>
        <message>
            <source>Pilih atau ketik, misalnya Penata (III/c)</source>
            <translation>Pilih atau ketik, misalnya Penata (III/c)</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Simpan</translation>
        </message>
    </context>
    <context>
        <name>handoff_dialog</name>
        <message>
            <source>Impor dari &amp;SRIKANDI...</source>
            <translation>Impor dari &amp;SRIKANDI...</translation>
        </message>
    </context>
    <context>
        <name>naskah</name>
        <message>
            <source> (NIP {nip})</source>
            <translation> (NIP {nip})</translation>
        </message>
        <message>
            <source> dan {n} lainnya</source>
            <translation> dan {n} lainnya</translation>
        </message>
        <message>
            <source> — hasil: {r}</source>
            <translation> — hasil: {r}</translation>
        </message>
        <message>
            <source>(konsep)</source>
            <translation>(konsep)</translation>
        </message>
        <message>
            <source>, batas {d}</source>
            <translation>, batas {d}</translation>
        </message>
        <message>
            <source>; masih berlaku saat ditandatangani</source>
            <translation>; masih berlaku saat ditandatangani</translation>
        </message>
        <message>
            <source>; sah pada saat ditandatangani</source>
            <translation>; sah pada saat ditandatangani</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Agenda Keluar</source>
            <translation>Agenda Keluar</translation>
        </message>
        <message>
            <source>Agenda Masuk</source>
            <translation>Agenda Masuk</translation>
        </message>
        <message>
            <source>Agenda surat masuk</source>
            <translation>Agenda surat masuk</translation>
        </message>
        <message>
            <source>Agendaris</source>
            <translation>Agendaris</translation>
        </message>
        <message>
            <source>Aktif</source>
            <translation>Aktif</translation>
        </message>
        <message>
            <source>Akun terkunci karena terlalu banyak percobaan. Coba lagi dalam {m} menit.</source>
            <translation>Akun terkunci karena terlalu banyak percobaan. Coba lagi dalam {m} menit.</translation>
        </message>
        <message>
            <source>Alamat e-mail tidak valid.</source>
            <translation>Alamat e-mail tidak valid.</translation>
        </message>
        <message>
            <source>Alamat ini bukan server Naskah.</source>
            <translation>Alamat ini bukan server Naskah.</translation>
        </message>
        <message>
            <source>Alamat kantor wajib diisi.</source>
            <translation>Alamat kantor wajib diisi.</translation>
        </message>
        <message>
            <source>Alamat layanan BSrE belum diatur; minta pengelola sistem mengaturnya.</source>
            <translation>Alamat layanan BSrE belum diatur; minta pengelola sistem mengaturnya.</translation>
        </message>
        <message>
            <source>Alamat server BSrE harus lengkap, misalnya https://tte.contoh.go.id</source>
            <translation>Alamat server BSrE harus lengkap, misalnya https://tte.contoh.go.id</translation>
        </message>
        <message>
            <source>Alamat server BSrE harus memakai https:// (sambungan terenkripsi): NIK dan passphrase tidak boleh dikirim tanpa enkripsi.</source>
            <translation>Alamat server BSrE harus memakai https:// (sambungan terenkripsi): NIK dan passphrase tidak boleh dikirim tanpa enkripsi.</translation>
        </message>
        <message>
            <source>Alamat server BSrE tidak boleh memuat nama pengguna, kata sandi atau '?'/'#'.</source>
            <translation>Alamat server BSrE tidak boleh memuat nama pengguna, kata sandi atau '?'/'#'.</translation>
        </message>
        <message>
            <source>Alamat server BSrE tidak sah.</source>
            <translation>Alamat server BSrE tidak sah.</translation>
        </message>
        <message>
            <source>Alamat server kantor harus diawali https://, misalnya {example}.</source>
            <translation>Alamat server kantor harus diawali https://, misalnya {example}.</translation>
        </message>
        <message>
            <source>Alamat server kantor harus memakai https:// (koneksi aman dengan sertifikat dari CA organisasi); http:// hanya boleh untuk server di PC ini sendiri. Contoh: {example}</source>
            <translation>Alamat server kantor harus memakai https:// (koneksi aman dengan sertifikat dari CA organisasi); http:// hanya boleh untuk server di PC ini sendiri. Contoh: {example}</translation>
        </message>
        <message>
            <source>Alamat server kantor tidak valid: {url}. Contoh: {example}</source>
            <translation>Alamat server kantor tidak valid: {url}. Contoh: {example}</translation>
        </message>
        <message>
            <source>Alamat server tidak ditemukan; periksa sambungan internet dan alamat server di Pengaturan.</source>
            <translation>Alamat server tidak ditemukan; periksa sambungan internet dan alamat server di Pengaturan.</translation>
        </message>
        <message>
            <source>Alamat verifikasi untuk kode QR tidak sah.</source>
            <translation>Alamat verifikasi untuk kode QR tidak sah.</translation>
        </message>
        <message>
            <source>Alasan pembatalan nomor wajib diisi.</source>
            <translation>Alasan pembatalan nomor wajib diisi.</translation>
        </message>
        <message>
            <source>Anda tidak berwenang melakukan tindakan ini.</source>
            <translation>Anda tidak berwenang melakukan tindakan ini.</translation>
        </message>
        <message>
            <source>Anda tidak dapat menonaktifkan akun sendiri.</source>
            <translation>Anda tidak dapat menonaktifkan akun sendiri.</translation>
        </message>
        <message>
            <source>Arsip: surat milik kantor ini (rincian hanya untuk pihak terkait).</source>
            <translation>Arsip: surat milik kantor ini (rincian hanya untuk pihak terkait).</translation>
        </message>
        <message>
            <source>Arsip: surat nomor {no} tanggal {d}, hal {hal} ({s}, {k}).</source>
            <translation>Arsip: surat nomor {no} tanggal {d}, hal {hal} ({s}, {k}).</translation>
        </message>
        <message>
            <source>Arsip: tidak ditemukan surat kantor ini yang cocok dengan berkas ini.</source>
            <translation>Arsip: tidak ditemukan surat kantor ini yang cocok dengan berkas ini.</translation>
        </message>
        <message>
            <source>Asal Surat</source>
            <translation>Asal Surat</translation>
        </message>
        <message>
            <source>Asal surat kosong.</source>
            <translation>Asal surat kosong.</translation>
        </message>
        <message>
            <source>BSrE memperingatkan bahwa akun TTE dapat terkunci setelah beberapa kali salah: bila tidak yakin, hubungi admin TTE/BSrE sebelum mencoba lagi.</source>
            <translation>BSrE memperingatkan bahwa akun TTE dapat terkunci setelah beberapa kali salah: bila tidak yakin, hubungi admin TTE/BSrE sebelum mencoba lagi.</translation>
        </message>
        <message>
            <source>BSrE menolak permintaan tanda tangan (kode {c}){t}.</source>
            <translation>BSrE menolak permintaan tanda tangan (kode {c}){t}.</translation>
        </message>
        <message>
            <source>BUKU AGENDA SURAT KELUAR</source>
            <translation>BUKU AGENDA SURAT KELUAR</translation>
        </message>
        <message>
            <source>BUKU AGENDA SURAT MASUK</source>
            <translation>BUKU AGENDA SURAT MASUK</translation>
        </message>
        <message>
            <source>Bagian [{k}] tidak dikenal; profil hanya memakai [office] dan [admin].</source>
            <translation>Bagian [{k}] tidak dikenal; profil hanya memakai [office] dan [admin].</translation>
        </message>
        <message>
            <source>Bagian tanda tangan yang tidak ditandatangani telah diubah ({what}).</source>
            <translation>Bagian tanda tangan yang tidak ditandatangani telah diubah ({what}).</translation>
        </message>
        <message>
            <source>Balasan</source>
            <translation>Balasan</translation>
        </message>
        <message>
            <source>Balasan ini dari server lain, bukan server tempat PC terdaftar.</source>
            <translation>Balasan ini dari server lain, bukan server tempat PC terdaftar.</translation>
        </message>
        <message>
            <source>Balasan ini dibuat untuk PC lain, bukan PC ini.</source>
            <translation>Balasan ini dibuat untuk PC lain, bukan PC ini.</translation>
        </message>
        <message>
            <source>Balasan ini tidak ditandatangani server tempat PC ini terdaftar; berkas ditolak.</source>
            <translation>Balasan ini tidak ditandatangani server tempat PC ini terdaftar; berkas ditolak.</translation>
        </message>
        <message>
            <source>Balasan ini untuk kantor lain ({code}), bukan kantor PC ini ({mine}).</source>
            <translation>Balasan ini untuk kantor lain ({code}), bukan kantor PC ini ({mine}).</translation>
        </message>
        <message>
            <source>Baris {n}</source>
            <translation>Baris {n}</translation>
        </message>
        <message>
            <source>Baru</source>
            <translation>Baru</translation>
        </message>
        <message>
            <source>Basis data perlu diperbarui: buka Naskah sekali, lalu ulangi perintah ini.</source>
            <translation>Basis data perlu diperbarui: buka Naskah sekali, lalu ulangi perintah ini.</translation>
        </message>
        <message>
            <source>Basis data sedang sibuk. Coba lagi sebentar lagi.</source>
            <translation>Basis data sedang sibuk. Coba lagi sebentar lagi.</translation>
        </message>
        <message>
            <source>Batas waktu BSrE harus antara 0,1 dan 600 detik.</source>
            <translation>Batas waktu BSrE harus antara 0,1 dan 600 detik.</translation>
        </message>
        <message>
            <source>Batas waktu BSrE harus berupa angka (detik).</source>
            <translation>Batas waktu BSrE harus berupa angka (detik).</translation>
        </message>
        <message>
            <source>Batas waktu tidak boleh sebelum hari ini.</source>
            <translation>Batas waktu tidak boleh sebelum hari ini.</translation>
        </message>
        <message>
            <source>Belum ada blok nomor agenda surat masuk dari server untuk PC ini. Sambungkan ke jaringan dan sinkronkan dulu, lalu simpan lagi (isian tidak hilang).</source>
            <translation>Belum ada blok nomor agenda surat masuk dari server untuk PC ini. Sambungkan ke jaringan dan sinkronkan dulu, lalu simpan lagi (isian tidak hilang).</translation>
        </message>
        <message>
            <source>Belum ada blok nomor surat dari server untuk PC ini. Sambungkan ke jaringan dan sinkronkan dulu, lalu tanda tangani lagi.</source>
            <translation>Belum ada blok nomor surat dari server untuk PC ini. Sambungkan ke jaringan dan sinkronkan dulu, lalu tanda tangani lagi.</translation>
        </message>
        <message>
            <source>Belum ada sertifikat tanda tangan elektronik di komputer ini.</source>
            <translation>Belum ada sertifikat tanda tangan elektronik di komputer ini.</translation>
        </message>
        <message>
            <source>Belum dibaca</source>
            <translation>Belum dibaca</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>Berkas</translation>
        </message>
        <message>
            <source>Berkas "{t}" sudah {s}: surat baru tidak dapat ditambahkan.</source>
            <translation>Berkas "{t}" sudah {s}: surat baru tidak dapat ditambahkan.</translation>
        </message>
        <message>
            <source>Berkas PDF rusak dan tidak dapat dibaca.</source>
            <translation>Berkas PDF rusak dan tidak dapat dibaca.</translation>
        </message>
        <message>
            <source>Berkas PDF surat kiriman ini belum tiba di PC ini. Sinkronkan dulu, lalu coba lagi.</source>
            <translation>Berkas PDF surat kiriman ini belum tiba di PC ini. Sinkronkan dulu, lalu coba lagi.</translation>
        </message>
        <message>
            <source>Berkas data rusak atau bukan berkas Naskah ({detail}).</source>
            <translation>Berkas data rusak atau bukan berkas Naskah ({detail}).</translation>
        </message>
        <message>
            <source>Berkas gambar {name} tidak ada lagi (program asalnya sudah menghapusnya). Salin gambar itu sendiri lalu tempel lagi.</source>
            <translation>Berkas gambar {name} tidak ada lagi (program asalnya sudah menghapusnya). Salin gambar itu sendiri lalu tempel lagi.</translation>
        </message>
        <message>
            <source>Berkas ini adalah salinan tersimpan ditambah {n} bita sesudahnya yang tidak ada di arsip.</source>
            <translation>Berkas ini adalah salinan tersimpan ditambah {n} bita sesudahnya yang tidak ada di arsip.</translation>
        </message>
        <message>
            <source>Berkas ini bukan PDF.</source>
            <translation>Berkas ini bukan PDF.</translation>
        </message>
        <message>
            <source>Berkas ini bukan sertifikat (PEM atau DER).</source>
            <translation>Berkas ini bukan sertifikat (PEM atau DER).</translation>
        </message>
        <message>
            <source>Berkas ini menyebut nomor surat tersebut, tetapi isinya TIDAK SAMA dengan salinan tersimpan.</source>
            <translation>Berkas ini menyebut nomor surat tersebut, tetapi isinya TIDAK SAMA dengan salinan tersimpan.</translation>
        </message>
        <message>
            <source>Berkas ini sama persis (bita demi bita) dengan salinan tersimpan.</source>
            <translation>Berkas ini sama persis (bita demi bita) dengan salinan tersimpan.</translation>
        </message>
        <message>
            <source>Berkas ini sama persis dengan salinan lebih awal surat ini yang tersimpan, sebelum tambahan berikutnya (cap waktu server atau tanda tangan berikutnya).</source>
            <translation>Berkas ini sama persis dengan salinan lebih awal surat ini yang tersimpan, sebelum tambahan berikutnya (cap waktu server atau tanda tangan berikutnya).</translation>
        </message>
        <message>
            <source>Berkas kunci tanda tangan rusak atau bukan berkas kunci Naskah. Pulihkan dari cadangan atau daftarkan ulang penanda tangan.</source>
            <translation>Berkas kunci tanda tangan rusak atau bukan berkas kunci Naskah. Pulihkan dari cadangan atau daftarkan ulang penanda tangan.</translation>
        </message>
        <message>
            <source>Berkas kunci tanda tangan tidak ditemukan di komputer ini. Lakukan pendaftaran penanda tangan (enrolmen) terlebih dahulu.</source>
            <translation>Berkas kunci tanda tangan tidak ditemukan di komputer ini. Lakukan pendaftaran penanda tangan (enrolmen) terlebih dahulu.</translation>
        </message>
        <message>
            <source>Berkas lampiran {h} di PC ini rusak.</source>
            <translation>Berkas lampiran {h} di PC ini rusak.</translation>
        </message>
        <message>
            <source>Berkas logo bukan gambar PNG atau JPEG.</source>
            <translation>Berkas logo bukan gambar PNG atau JPEG.</translation>
        </message>
        <message>
            <source>Berkas pengaturan TTE BSrE rusak. Petugas TI perlu mengisi ulang pengaturan BSrE di Pengaturan.</source>
            <translation>Berkas pengaturan TTE BSrE rusak. Petugas TI perlu mengisi ulang pengaturan BSrE di Pengaturan.</translation>
        </message>
        <message>
            <source>Berkas pindaian harus PDF, PNG atau JPEG.</source>
            <translation>Berkas pindaian harus PDF, PNG atau JPEG.</translation>
        </message>
        <message>
            <source>Berkas tidak dapat dibaca: {f} ({e}).</source>
            <translation>Berkas tidak dapat dibaca: {f} ({e}).</translation>
        </message>
        <message>
            <source>Berkas tidak dapat dibuka: {e}</source>
            <translation>Berkas tidak dapat dibuka: {e}</translation>
        </message>
        <message>
            <source>Berkas tidak dapat ditulis di {d}: {e}</source>
            <translation>Berkas tidak dapat ditulis di {d}: {e}</translation>
        </message>
        <message>
            <source>Berkas yang sudah dipindahkan tidak dapat diubah isinya.</source>
            <translation>Berkas yang sudah dipindahkan tidak dapat diubah isinya.</translation>
        </message>
        <message>
            <source>Berkas {f}: {why}</source>
            <translation>Berkas {f}: {why}</translation>
        </message>
        <message>
            <source>Berkas: {f} ({n} bita).</source>
            <translation>Berkas: {f} ({n} bita).</translation>
        </message>
        <message>
            <source>Bila ini server kantor, isi sidik jari akar yang dicetak bersama kode pendaftarannya.</source>
            <translation>Bila ini server kantor, isi sidik jari akar yang dicetak bersama kode pendaftarannya.</translation>
        </message>
        <message>
            <source>Blok nomor PC ini untuk {series} tahun {year} sudah habis terpakai (nomor terakhir {last}). Sambungkan ke jaringan dan sinkronkan untuk mendapat blok baru, lalu coba lagi.</source>
            <translation>Blok nomor PC ini untuk {series} tahun {year} sudah habis terpakai (nomor terakhir {last}). Sambungkan ke jaringan dan sinkronkan untuk mendapat blok baru, lalu coba lagi.</translation>
        </message>
        <message>
            <source>Blok nomor surat PC ini tidak berlaku lagi karena datanya dipulihkan dari cadangan. Sambungkan ke jaringan dan sinkronkan dulu, lalu coba lagi.</source>
            <translation>Blok nomor surat PC ini tidak berlaku lagi karena datanya dipulihkan dari cadangan. Sambungkan ke jaringan dan sinkronkan dulu, lalu coba lagi.</translation>
        </message>
        <message>
            <source>Buku agenda tidak dapat disimpan ke {path}: {reason}</source>
            <translation>Buku agenda tidak dapat disimpan ke {path}: {reason}</translation>
        </message>
        <message>
            <source>Bulan pengangkatan dalam NIP tidak valid.</source>
            <translation>Bulan pengangkatan dalam NIP tidak valid.</translation>
        </message>
        <message>
            <source>Cap waktu dari server tidak dapat diperoleh.</source>
            <translation>Cap waktu dari server tidak dapat diperoleh.</translation>
        </message>
        <message>
            <source>Cap waktu dokumen</source>
            <translation>Cap waktu dokumen</translation>
        </message>
        <message>
            <source>Cap waktu dokumen rusak ({e}).</source>
            <translation>Cap waktu dokumen rusak ({e}).</translation>
        </message>
        <message>
            <source>Cap waktu dokumen rusak atau tidak cocok dengan isi dokumen.</source>
            <translation>Cap waktu dokumen rusak atau tidak cocok dengan isi dokumen.</translation>
        </message>
        <message>
            <source>Cap waktu dokumen tidak dapat diperiksa ({e}).</source>
            <translation>Cap waktu dokumen tidak dapat diperiksa ({e}).</translation>
        </message>
        <message>
            <source>Cap waktu pada tanda tangan rusak.</source>
            <translation>Cap waktu pada tanda tangan rusak.</translation>
        </message>
        <message>
            <source>Cap waktu tanda tangan</source>
            <translation>Cap waktu tanda tangan</translation>
        </message>
        <message>
            <source>Cap waktu: belum ada (waktu hanya menurut jam komputer penanda tangan).</source>
            <translation>Cap waktu: belum ada (waktu hanya menurut jam komputer penanda tangan).</translation>
        </message>
        <message>
            <source>Cap waktu: belum ada pada berkas ini; waktu penandatanganan tercatat di server kantor: {t}.</source>
            <translation>Cap waktu: belum ada pada berkas ini; waktu penandatanganan tercatat di server kantor: {t}.</translation>
        </message>
        <message>
            <source>Catatan disposisi</source>
            <translation>Catatan disposisi</translation>
        </message>
        <message>
            <source>Catatan tindak lanjut masih kosong.</source>
            <translation>Catatan tindak lanjut masih kosong.</translation>
        </message>
        <message>
            <source>Daftar pencabutan sertifikat belum tersedia; status pencabutan tidak diperiksa.</source>
            <translation>Daftar pencabutan sertifikat belum tersedia; status pencabutan tidak diperiksa.</translation>
        </message>
        <message>
            <source>Daftar pencabutan sertifikat dari server tidak sah.</source>
            <translation>Daftar pencabutan sertifikat dari server tidak sah.</translation>
        </message>
        <message>
            <source>Daftar pencabutan sertifikat yang ada terbit {d} dan sudah lewat masa berlakunya; perbarui dengan sinkronisasi.</source>
            <translation>Daftar pencabutan sertifikat yang ada terbit {d} dan sudah lewat masa berlakunya; perbarui dengan sinkronisasi.</translation>
        </message>
        <message>
            <source>Dalam proses</source>
            <translation>Dalam proses</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Data</translation>
        </message>
        <message>
            <source>Data ini dibuat oleh versi Naskah yang lebih baru (skema {r}). Pasang versi Naskah yang sama atau lebih baru di PC ini; data tidak diubah.</source>
            <translation>Data ini dibuat oleh versi Naskah yang lebih baru (skema {r}). Pasang versi Naskah yang sama atau lebih baru di PC ini; data tidak diubah.</translation>
        </message>
        <message>
            <source>Di Windows, masuk dengan akun pengguna Windows biasa (bukan profil sementara); di Linux, pasang dan buka GNOME Keyring atau KWallet. Hubungi petugas TI bila perlu.</source>
            <translation>Di Windows, masuk dengan akun pengguna Windows biasa (bukan profil sementara); di Linux, pasang dan buka GNOME Keyring atau KWallet. Hubungi petugas TI bila perlu.</translation>
        </message>
        <message>
            <source>Diantrekan untuk {k} (perlu sambungan internet)</source>
            <translation>Diantrekan untuk {k} (perlu sambungan internet)</translation>
        </message>
        <message>
            <source>Diarsipkan</source>
            <translation>Diarsipkan</translation>
        </message>
        <message>
            <source>Dibaca</source>
            <translation>Dibaca</translation>
        </message>
        <message>
            <source>Dibatalkan</source>
            <translation>Dibatalkan</translation>
        </message>
        <message>
            <source>Didisposisi</source>
            <translation>Didisposisi</translation>
        </message>
        <message>
            <source>Diimpor</source>
            <translation>Diimpor</translation>
        </message>
        <message>
            <source>Dikembalikan</source>
            <translation>Dikembalikan</translation>
        </message>
        <message>
            <source>Dikirim kepada {who}</source>
            <translation>Dikirim kepada {who}</translation>
        </message>
        <message>
            <source>Dinilai kembali</source>
            <translation>Dinilai kembali</translation>
        </message>
        <message>
            <source>Diperiksa terhadap sertifikat akar {org} yang dipercaya komputer ini.</source>
            <translation>Diperiksa terhadap sertifikat akar {org} yang dipercaya komputer ini.</translation>
        </message>
        <message>
            <source>Disk penuh: perubahan terakhir tidak tersimpan, data sebelumnya tetap utuh. Kosongkan ruang disk lalu coba lagi.</source>
            <translation>Disk penuh: perubahan terakhir tidak tersimpan, data sebelumnya tetap utuh. Kosongkan ruang disk lalu coba lagi.</translation>
        </message>
        <message>
            <source>Disposisi</source>
            <translation>Disposisi</translation>
        </message>
        <message>
            <source>Disposisi ini sudah dibatalkan.</source>
            <translation>Disposisi ini sudah dibatalkan.</translation>
        </message>
        <message>
            <source>Disposisi ini sudah selesai atau dibatalkan.</source>
            <translation>Disposisi ini sudah selesai atau dibatalkan.</translation>
        </message>
        <message>
            <source>Disposisi tidak dapat ditujukan kepada diri sendiri.</source>
            <translation>Disposisi tidak dapat ditujukan kepada diri sendiri.</translation>
        </message>
        <message>
            <source>Disposisi yang sudah dibaca penerimanya tidak dapat dibatalkan.</source>
            <translation>Disposisi yang sudah dibaca penerimanya tidak dapat dibatalkan.</translation>
        </message>
        <message>
            <source>Ditandatangani</source>
            <translation>Ditandatangani</translation>
        </message>
        <message>
            <source>Ditandatangani basah</source>
            <translation>Ditandatangani basah</translation>
        </message>
        <message>
            <source>Ditandatangani elektronik (TTE BSrE)</source>
            <translation>Ditandatangani elektronik (TTE BSrE)</translation>
        </message>
        <message>
            <source>Ditandatangani elektronik (TTE internal)</source>
            <translation>Ditandatangani elektronik (TTE internal)</translation>
        </message>
        <message>
            <source>Diteruskan Kepada</source>
            <translation>Diteruskan Kepada</translation>
        </message>
        <message>
            <source>Dokumen ditandatangani pada {t}, sesudah sertifikat dicabut pada {r}.</source>
            <translation>Dokumen ditandatangani pada {t}, sesudah sertifikat dicabut pada {r}.</translation>
        </message>
        <message>
            <source>Dokumen diubah setelah ditandatangani: bita {a}-{b} tidak dilindungi tanda tangan ini.</source>
            <translation>Dokumen diubah setelah ditandatangani: bita {a}-{b} tidak dilindungi tanda tangan ini.</translation>
        </message>
        <message>
            <source>Dokumen telah diubah setelah ditandatangani.</source>
            <translation>Dokumen telah diubah setelah ditandatangani.</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Elektronik</source>
            <translation>Elektronik</translation>
        </message>
        <message>
            <source>Folder data tidak dapat dipakai: {path} ({detail}).</source>
            <translation>Folder data tidak dapat dipakai: {path} ({detail}).</translation>
        </message>
        <message>
            <source>Folder data tidak dapat ditulis: {path} hanya-baca atau tanpa izin tulis untuk pengguna ini. Data tidak rusak. Minta petugas TI memberi izin tulis (atau pindahkan folder data), lalu buka Naskah lagi.</source>
            <translation>Folder data tidak dapat ditulis: {path} hanya-baca atau tanpa izin tulis untuk pengguna ini. Data tidak rusak. Minta petugas TI memberi izin tulis (atau pindahkan folder data), lalu buka Naskah lagi.</translation>
        </message>
        <message>
            <source>Frasa sandi harus memakai paling sedikit dua jenis karakter (huruf kecil, huruf besar, angka, atau simbol).</source>
            <translation>Frasa sandi harus memakai paling sedikit dua jenis karakter (huruf kecil, huruf besar, angka, atau simbol).</translation>
        </message>
        <message>
            <source>Frasa sandi kunci tanda tangan salah. Periksa huruf besar/kecil lalu coba lagi.</source>
            <translation>Frasa sandi kunci tanda tangan salah. Periksa huruf besar/kecil lalu coba lagi.</translation>
        </message>
        <message>
            <source>Frasa sandi minimal {n} karakter.</source>
            <translation>Frasa sandi minimal {n} karakter.</translation>
        </message>
        <message>
            <source>Frasa sandi terlalu banyak mengulang karakter yang sama.</source>
            <translation>Frasa sandi terlalu banyak mengulang karakter yang sama.</translation>
        </message>
        <message>
            <source>Frasa sandi terlalu umum dan mudah ditebak.</source>
            <translation>Frasa sandi terlalu umum dan mudah ditebak.</translation>
        </message>
        <message>
            <source>Frasa sandi tidak boleh diawali atau diakhiri spasi.</source>
            <translation>Frasa sandi tidak boleh diawali atau diakhiri spasi.</translation>
        </message>
        <message>
            <source>Frasa sandi tidak boleh hanya nama Anda.</source>
            <translation>Frasa sandi tidak boleh hanya nama Anda.</translation>
        </message>
        <message>
            <source>Frasa sandi tidak boleh memakai NIP.</source>
            <translation>Frasa sandi tidak boleh memakai NIP.</translation>
        </message>
        <message>
            <source>Gambar dalam isi surat ini belum diunduh dari server (lampiran menyusul). Tanda tangani sesudah sinkronisasi berikutnya.</source>
            <translation>Gambar dalam isi surat ini belum diunduh dari server (lampiran menyusul). Tanda tangani sesudah sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>Gambar dalam teks yang ditempel rusak.</source>
            <translation>Gambar dalam teks yang ditempel rusak.</translation>
        </message>
        <message>
            <source>Gambar dalam teks yang ditempel tidak dapat dibaca.</source>
            <translation>Gambar dalam teks yang ditempel tidak dapat dibaca.</translation>
        </message>
        <message>
            <source>Gambar dari {where} tidak diambil: Naskah bekerja tanpa internet. Simpan gambar itu ke komputer, salin, lalu tempel lagi.</source>
            <translation>Gambar dari {where} tidak diambil: Naskah bekerja tanpa internet. Simpan gambar itu ke komputer, salin, lalu tempel lagi.</translation>
        </message>
        <message>
            <source>Gambar harus berupa PNG, JPEG, GIF atau BMP.</source>
            <translation>Gambar harus berupa PNG, JPEG, GIF atau BMP.</translation>
        </message>
        <message>
            <source>Gambar terlalu besar ({mb:.1f} MB; paling besar 5 MB). Perkecil dulu.</source>
            <translation>Gambar terlalu besar ({mb:.1f} MB; paling besar 5 MB). Perkecil dulu.</translation>
        </message>
        <message>
            <source>Hal wajib diisi.</source>
            <translation>Hal wajib diisi.</translation>
        </message>
        <message>
            <source>Halaman {page}</source>
            <translation>Halaman {page}</translation>
        </message>
        <message>
            <source>Hanya pegawai berperan penanda tangan yang dapat didaftarkan.</source>
            <translation>Hanya pegawai berperan penanda tangan yang dapat didaftarkan.</translation>
        </message>
        <message>
            <source>Hanya pemberi disposisi yang dapat membatalkannya.</source>
            <translation>Hanya pemberi disposisi yang dapat membatalkannya.</translation>
        </message>
        <message>
            <source>Hanya penerima disposisi yang dapat meneruskannya.</source>
            <translation>Hanya penerima disposisi yang dapat meneruskannya.</translation>
        </message>
        <message>
            <source>Hanya penerima disposisi yang dapat menyelesaikannya.</source>
            <translation>Hanya penerima disposisi yang dapat menyelesaikannya.</translation>
        </message>
        <message>
            <source>Hanya pengonsep yang dapat mengubah naskah ini.</source>
            <translation>Hanya pengonsep yang dapat mengubah naskah ini.</translation>
        </message>
        <message>
            <source>Hanya pimpinan atau tujuan surat yang dapat mendisposisikannya.</source>
            <translation>Hanya pimpinan atau tujuan surat yang dapat mendisposisikannya.</translation>
        </message>
        <message>
            <source>ID klien BSrE wajib diisi, tanpa spasi dan tanpa ':'.</source>
            <translation>ID klien BSrE wajib diisi, tanpa spasi dan tanpa ':'.</translation>
        </message>
        <message>
            <source>Impor</source>
            <translation>Impor</translation>
        </message>
        <message>
            <source>Impor buku agenda memerlukan peran Agendaris.</source>
            <translation>Impor buku agenda memerlukan peran Agendaris.</translation>
        </message>
        <message>
            <source>Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau ditindaklanjuti sesudahnya (agenda {a}). Batalkan perubahan itu dulu, atau hapus surat satu per satu.</source>
            <translation>Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau ditindaklanjuti sesudahnya (agenda {a}). Batalkan perubahan itu dulu, atau hapus surat satu per satu.</translation>
        </message>
        <message>
            <source>Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau ditindaklanjuti sesudahnya (nomor {a}). Batalkan perubahan itu dulu, atau hapus surat satu per satu.</source>
            <translation>Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau ditindaklanjuti sesudahnya (nomor {a}). Batalkan perubahan itu dulu, atau hapus surat satu per satu.</translation>
        </message>
        <message>
            <source>Inaktif (dipindahkan)</source>
            <translation>Inaktif (dipindahkan)</translation>
        </message>
        <message>
            <source>Instruksi</source>
            <translation>Instruksi</translation>
        </message>
        <message>
            <source>Isi balasan tidak sesuai format Naskah; berkas ditolak.</source>
            <translation>Isi balasan tidak sesuai format Naskah; berkas ditolak.</translation>
        </message>
        <message>
            <source>Isi berkas</source>
            <translation>Isi berkas</translation>
        </message>
        <message>
            <source>Isi dokumen tidak cocok dengan tanda tangan (dokumen diubah).</source>
            <translation>Isi dokumen tidak cocok dengan tanda tangan (dokumen diubah).</translation>
        </message>
        <message>
            <source>Isi jabatan yang diwakili (a.n.).</source>
            <translation>Isi jabatan yang diwakili (a.n.).</translation>
        </message>
        <message>
            <source>Isi setidaknya satu tujuan surat.</source>
            <translation>Isi setidaknya satu tujuan surat.</translation>
        </message>
        <message>
            <source>Isi surat masih kosong.</source>
            <translation>Isi surat masih kosong.</translation>
        </message>
        <message>
            <source>Isi tanda tangan (/Contents) diubah di luar bagian yang ditandatangani.</source>
            <translation>Isi tanda tangan (/Contents) diubah di luar bagian yang ditandatangani.</translation>
        </message>
        <message>
            <source>Jabatan wajib diisi.</source>
            <translation>Jabatan wajib diisi.</translation>
        </message>
        <message>
            <source>Jadwal retensi</source>
            <translation>Jadwal retensi</translation>
        </message>
        <message>
            <source>Jam komputer selisih {amount}</source>
            <translation>Jam komputer selisih {amount}</translation>
        </message>
        <message>
            <source>Jangan simpan kata sandi di berkas profil; berikan lewat NASKAH_ADMIN_PASSWORD atau ketik saat diminta.</source>
            <translation>Jangan simpan kata sandi di berkas profil; berikan lewat NASKAH_ADMIN_PASSWORD atau ketik saat diminta.</translation>
        </message>
        <message>
            <source>Jaringan meminta login (captive portal)</source>
            <translation>Jaringan meminta login (captive portal)</translation>
        </message>
        <message>
            <source>Jaringan meminta login (captive portal): buka peramban dan masuk dulu.</source>
            <translation>Jaringan meminta login (captive portal): buka peramban dan masuk dulu.</translation>
        </message>
        <message>
            <source>Jawaban server BSrE tidak dapat dipakai (bukan PDF bertanda tangan yang sah), jadi tidak disimpan; surat tetap dalam antrean TTE BSrE. Bila berulang, minta petugas TI memeriksa alamat server BSrE di Pengaturan.</source>
            <translation>Jawaban server BSrE tidak dapat dipakai (bukan PDF bertanda tangan yang sah), jadi tidak disimpan; surat tetap dalam antrean TTE BSrE. Bila berulang, minta petugas TI memeriksa alamat server BSrE di Pengaturan.</translation>
        </message>
        <message>
            <source>Jawaban server tidak sesuai permintaan lampiran.</source>
            <translation>Jawaban server tidak sesuai permintaan lampiran.</translation>
        </message>
        <message>
            <source>Jenis Naskah</source>
            <translation>Jenis Naskah</translation>
        </message>
        <message>
            <source>Jenis data ini tidak dapat diselesaikan di PC ini.</source>
            <translation>Jenis data ini tidak dapat diselesaikan di PC ini.</translation>
        </message>
        <message>
            <source>Jenis naskah tidak dikenal.</source>
            <translation>Jenis naskah tidak dikenal.</translation>
        </message>
        <message>
            <source>Jenis naskah tidak dikenal: {v}.</source>
            <translation>Jenis naskah tidak dikenal: {v}.</translation>
        </message>
        <message>
            <source>Jenis surat tidak dikenal: {k}.</source>
            <translation>Jenis surat tidak dikenal: {k}.</translation>
        </message>
        <message>
            <source>Jenis tautan tidak dikenal.</source>
            <translation>Jenis tautan tidak dikenal.</translation>
        </message>
        <message>
            <source>Judul berkas paling banyak {n} huruf.</source>
            <translation>Judul berkas paling banyak {n} huruf.</translation>
        </message>
        <message>
            <source>Judul klasifikasi wajib diisi.</source>
            <translation>Judul klasifikasi wajib diisi.</translation>
        </message>
        <message>
            <source>Jumlah digit nomor urut 1 sampai 6.</source>
            <translation>Jumlah digit nomor urut 1 sampai 6.</translation>
        </message>
        <message>
            <source>Jumlah nomor harus antara 0 dan {n}.</source>
            <translation>Jumlah nomor harus antara 0 dan {n}.</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Kantor</translation>
        </message>
        <message>
            <source>Kantor ini sudah disiapkan sebelumnya.</source>
            <translation>Kantor ini sudah disiapkan sebelumnya.</translation>
        </message>
        <message>
            <source>Kantor pengirim</source>
            <translation>Kantor pengirim</translation>
        </message>
        <message>
            <source>Kantor tujuan tidak ada di daftar kantor server.</source>
            <translation>Kantor tujuan tidak ada di daftar kantor server.</translation>
        </message>
        <message>
            <source>Kata sandi minimal {n} karakter.</source>
            <translation>Kata sandi minimal {n} karakter.</translation>
        </message>
        <message>
            <source>Kedudukan penandatangan tidak valid.</source>
            <translation>Kedudukan penandatangan tidak valid.</translation>
        </message>
        <message>
            <source>Kemungkinan duplikat</source>
            <translation>Kemungkinan duplikat</translation>
        </message>
        <message>
            <source>Kepada</source>
            <translation>Kepada</translation>
        </message>
        <message>
            <source>Kertas</source>
            <translation>Kertas</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Keterangan</translation>
        </message>
        <message>
            <source>Keterangan paling banyak {n} huruf.</source>
            <translation>Keterangan paling banyak {n} huruf.</translation>
        </message>
        <message>
            <source>Keutuhan: DIUBAH setelah ditandatangani (isi tidak cocok dengan tanda tangan).</source>
            <translation>Keutuhan: DIUBAH setelah ditandatangani (isi tidak cocok dengan tanda tangan).</translation>
        </message>
        <message>
            <source>Keutuhan: DIUBAH setelah ditandatangani (struktur dokumen diubah).</source>
            <translation>Keutuhan: DIUBAH setelah ditandatangani (struktur dokumen diubah).</translation>
        </message>
        <message>
            <source>Keutuhan: DIUBAH setelah ditandatangani; tidak dilindungi tanda tangan: {s}.</source>
            <translation>Keutuhan: DIUBAH setelah ditandatangani; tidak dilindungi tanda tangan: {s}.</translation>
        </message>
        <message>
            <source>Keutuhan: utuh, tanda tangan mencakup seluruh berkas.</source>
            <translation>Keutuhan: utuh, tanda tangan mencakup seluruh berkas.</translation>
        </message>
        <message>
            <source>Keutuhan: utuh; sesudahnya hanya ditambahkan tanda tangan, cap waktu atau data validasi.</source>
            <translation>Keutuhan: utuh; sesudahnya hanya ditambahkan tanda tangan, cap waktu atau data validasi.</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Klasifikasi</translation>
        </message>
        <message>
            <source>Klasifikasi di SRIKANDI: {k}.</source>
            <translation>Klasifikasi di SRIKANDI: {k}.</translation>
        </message>
        <message>
            <source>Kode Klasifikasi</source>
            <translation>Kode Klasifikasi</translation>
        </message>
        <message>
            <source>Kode jenis kelamin dalam NIP harus 1 atau 2.</source>
            <translation>Kode jenis kelamin dalam NIP harus 1 atau 2.</translation>
        </message>
        <message>
            <source>Kode klasifikasi</source>
            <translation>Kode klasifikasi</translation>
        </message>
        <message>
            <source>Kode klasifikasi berkas wajib diisi.</source>
            <translation>Kode klasifikasi berkas wajib diisi.</translation>
        </message>
        <message>
            <source>Kode klasifikasi harus berbentuk angka bertitik, misalnya 400.10.2.</source>
            <translation>Kode klasifikasi harus berbentuk angka bertitik, misalnya 400.10.2.</translation>
        </message>
        <message>
            <source>Kode klasifikasi surat ({a}) berbeda dengan kode berkas ({b}). Pilih berkas dengan kode {a}, atau buat berkas baru.</source>
            <translation>Kode klasifikasi surat ({a}) berbeda dengan kode berkas ({b}). Pilih berkas dengan kode {a}, atau buat berkas baru.</translation>
        </message>
        <message>
            <source>Kode klasifikasi tidak dikenal.</source>
            <translation>Kode klasifikasi tidak dikenal.</translation>
        </message>
        <message>
            <source>Kode klasifikasi tidak dikenal: {v}.</source>
            <translation>Kode klasifikasi tidak dikenal: {v}.</translation>
        </message>
        <message>
            <source>Kode klasifikasi wajib dipilih.</source>
            <translation>Kode klasifikasi wajib dipilih.</translation>
        </message>
        <message>
            <source>Kode klasifikasi {code} tidak ada dalam daftar klasifikasi.</source>
            <translation>Kode klasifikasi {code} tidak ada dalam daftar klasifikasi.</translation>
        </message>
        <message>
            <source>Kode pendaftaran belum dipakai.</source>
            <translation>Kode pendaftaran belum dipakai.</translation>
        </message>
        <message>
            <source>Kode pendaftaran masih berlaku: setelah keyring diperbaiki, daftarkan lagi dengan kode yang sama.</source>
            <translation>Kode pendaftaran masih berlaku: setelah keyring diperbaiki, daftarkan lagi dengan kode yang sama.</translation>
        </message>
        <message>
            <source>Kode unit harus diawali huruf, 2-24 karakter huruf/angka/titik/strip, tanpa garis miring (contoh: Kec.SKM).</source>
            <translation>Kode unit harus diawali huruf, 2-24 karakter huruf/angka/titik/strip, tanpa garis miring (contoh: Kec.SKM).</translation>
        </message>
        <message>
            <source>Kode verifikasi tidak dikenal di komputer ini. Periksa kembali kode pada surat (20 huruf a–z dan angka 2–7), atau periksa di halaman verifikasi server.</source>
            <translation>Kode verifikasi tidak dikenal di komputer ini. Periksa kembali kode pada surat (20 huruf a–z dan angka 2–7), atau periksa di halaman verifikasi server.</translation>
        </message>
        <message>
            <source>Kolom wajib belum dipilih: {f}.</source>
            <translation>Kolom wajib belum dipilih: {f}.</translation>
        </message>
        <message>
            <source>Kolom {name} tidak dapat diubah.</source>
            <translation>Kolom {name} tidak dapat diubah.</translation>
        </message>
        <message>
            <source>Komputer ini belum menerima sertifikat akar kantor (sinkronkan dulu): hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan.</source>
            <translation>Komputer ini belum menerima sertifikat akar kantor (sinkronkan dulu): hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan.</translation>
        </message>
        <message>
            <source>Komputer ini belum menerima sertifikat akar kantor. Sambungkan ke server dan sinkronkan (atau impor balasan server) terlebih dahulu.</source>
            <translation>Komputer ini belum menerima sertifikat akar kantor. Sambungkan ke server dan sinkronkan (atau impor balasan server) terlebih dahulu.</translation>
        </message>
        <message>
            <source>Konflik</source>
            <translation>Konflik</translation>
        </message>
        <message>
            <source>Konflik ini sudah diselesaikan.</source>
            <translation>Konflik ini sudah diselesaikan.</translation>
        </message>
        <message>
            <source>Konsep</source>
            <translation>Konsep</translation>
        </message>
        <message>
            <source>Kotak tanda tangan terlalu kecil atau di luar halaman.</source>
            <translation>Kotak tanda tangan terlalu kecil atau di luar halaman.</translation>
        </message>
        <message>
            <source>Kunci {k} tidak dikenal di [{t}]; yang dikenal: {known}.</source>
            <translation>Kunci {k} tidak dikenal di [{t}]; yang dikenal: {known}.</translation>
        </message>
        <message>
            <source>Lainnya</source>
            <translation>Lainnya</translation>
        </message>
        <message>
            <source>Lampiran</source>
            <translation>Lampiran</translation>
        </message>
        <message>
            <source>Lampiran {h} di dalam berkas rusak.</source>
            <translation>Lampiran {h} di dalam berkas rusak.</translation>
        </message>
        <message>
            <source>Lampirkan pindaian surat (PDF atau gambar).</source>
            <translation>Lampirkan pindaian surat (PDF atau gambar).</translation>
        </message>
        <message>
            <source>Langkah paraf</source>
            <translation>Langkah paraf</translation>
        </message>
        <message>
            <source>Lembar {s} tidak ada dalam berkas.</source>
            <translation>Lembar {s} tidak ada dalam berkas.</translation>
        </message>
        <message>
            <source>Logo tidak dapat dibaca: {e}</source>
            <translation>Logo tidak dapat dibaca: {e}</translation>
        </message>
        <message>
            <source>Luring</source>
            <translation>Luring</translation>
        </message>
        <message>
            <source>Luring: server tidak dapat dihubungi.</source>
            <translation>Luring: server tidak dapat dihubungi.</translation>
        </message>
        <message>
            <source>Masalah cap waktu dokumen: {p}</source>
            <translation>Masalah cap waktu dokumen: {p}</translation>
        </message>
        <message>
            <source>Masalah: {p}</source>
            <translation>Masalah: {p}</translation>
        </message>
        <message>
            <source>Menindaklanjuti surat {s} Nomor {n} tanggal {d} hal {h}, dengan ini kami sampaikan hal-hal sebagai berikut.</source>
            <translation>Menindaklanjuti surat {s} Nomor {n} tanggal {d} hal {h}, dengan ini kami sampaikan hal-hal sebagai berikut.</translation>
        </message>
        <message>
            <source>Menunggu paraf</source>
            <translation>Menunggu paraf</translation>
        </message>
        <message>
            <source>Menunggu tanda tangan</source>
            <translation>Menunggu tanda tangan</translation>
        </message>
        <message>
            <source>Menyinkronkan {i}/{n}</source>
            <translation>Menyinkronkan {i}/{n}</translation>
        </message>
        <message>
            <source>Menyinkronkan...</source>
            <translation>Menyinkronkan...</translation>
        </message>
        <message>
            <source>Musnah</source>
            <translation>Musnah</translation>
        </message>
        <message>
            <source>NIK harus 16 angka, sesuai KTP. Periksa lalu ketik ulang.</source>
            <translation>NIK harus 16 angka, sesuai KTP. Periksa lalu ketik ulang.</translation>
        </message>
        <message>
            <source>NIK ini belum terdaftar sebagai pemilik sertifikat elektronik BSrE. Periksa NIK; bila sudah benar, hubungi admin TTE/BSrE di instansi Anda untuk pendaftaran.</source>
            <translation>NIK ini belum terdaftar sebagai pemilik sertifikat elektronik BSrE. Periksa NIK; bila sudah benar, hubungi admin TTE/BSrE di instansi Anda untuk pendaftaran.</translation>
        </message>
        <message>
            <source>NIP harus 18 angka.</source>
            <translation>NIP harus 18 angka.</translation>
        </message>
        <message>
            <source>NIP sudah terdaftar.</source>
            <translation>NIP sudah terdaftar.</translation>
        </message>
        <message>
            <source>Nama kabupaten wajib diisi.</source>
            <translation>Nama kabupaten wajib diisi.</translation>
        </message>
        <message>
            <source>Nama kecamatan wajib diisi.</source>
            <translation>Nama kecamatan wajib diisi.</translation>
        </message>
        <message>
            <source>Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau strip.</source>
            <translation>Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau strip.</translation>
        </message>
        <message>
            <source>Nama pengguna atau kata sandi salah.</source>
            <translation>Nama pengguna atau kata sandi salah.</translation>
        </message>
        <message>
            <source>Nama pengguna sudah dipakai.</source>
            <translation>Nama pengguna sudah dipakai.</translation>
        </message>
        <message>
            <source>Nama pengirim wajib diisi.</source>
            <translation>Nama pengirim wajib diisi.</translation>
        </message>
        <message>
            <source>Nama wajib diisi.</source>
            <translation>Nama wajib diisi.</translation>
        </message>
        <message>
            <source>Nasib akhir harus 'musnah' atau 'permanen'.</source>
            <translation>Nasib akhir harus 'musnah' atau 'permanen'.</translation>
        </message>
        <message>
            <source>Nasib akhir harus musnah, permanen, atau dinilai kembali.</source>
            <translation>Nasib akhir harus musnah, permanen, atau dinilai kembali.</translation>
        </message>
        <message>
            <source>Naskah</source>
            <translation>Naskah</translation>
        </message>
        <message>
            <source>Naskah SRIKANDI ini sudah dicatat: agenda {a}/{y}.</source>
            <translation>Naskah SRIKANDI ini sudah dicatat: agenda {a}/{y}.</translation>
        </message>
        <message>
            <source>Naskah bersifat {s}: hanya untuk pihak terkait.</source>
            <translation>Naskah bersifat {s}: hanya untuk pihak terkait.</translation>
        </message>
        <message>
            <source>Naskah berstatus {a} tidak dapat menjadi {b}.</source>
            <translation>Naskah berstatus {a} tidak dapat menjadi {b}.</translation>
        </message>
        <message>
            <source>Naskah ini belum siap ditandatangani.</source>
            <translation>Naskah ini belum siap ditandatangani.</translation>
        </message>
        <message>
            <source>Naskah ini diantrekan untuk {k}; tandatangani dengan cara itu.</source>
            <translation>Naskah ini diantrekan untuk {k}; tandatangani dengan cara itu.</translation>
        </message>
        <message>
            <source>Naskah ini sudah bernomor dan ditandatangani sebagian; tidak dapat dikembalikan. Batalkan nomornya bila isinya harus diubah.</source>
            <translation>Naskah ini sudah bernomor dan ditandatangani sebagian; tidak dapat dikembalikan. Batalkan nomornya bila isinya harus diubah.</translation>
        </message>
        <message>
            <source>Naskah ini sudah bernomor.</source>
            <translation>Naskah ini sudah bernomor.</translation>
        </message>
        <message>
            <source>Naskah ini sudah ditandatangani sebagian.</source>
            <translation>Naskah ini sudah ditandatangani sebagian.</translation>
        </message>
        <message>
            <source>Naskah ini tidak sedang menunggu paraf.</source>
            <translation>Naskah ini tidak sedang menunggu paraf.</translation>
        </message>
        <message>
            <source>Naskah ini tidak sedang menunggu tanda tangan Anda.</source>
            <translation>Naskah ini tidak sedang menunggu tanda tangan Anda.</translation>
        </message>
        <message>
            <source>Naskah ini tidak sedang menunggu tindakan Anda.</source>
            <translation>Naskah ini tidak sedang menunggu tindakan Anda.</translation>
        </message>
        <message>
            <source>Naskah sedang dalam proses paraf/tanda tangan; tarik dulu.</source>
            <translation>Naskah sedang dalam proses paraf/tanda tangan; tarik dulu.</translation>
        </message>
        <message>
            <source>Naskah sudah berjalan untuk folder data ini (mungkin di jendela lain). Tutup salinan yang lain terlebih dahulu.</source>
            <translation>Naskah sudah berjalan untuk folder data ini (mungkin di jendela lain). Tutup salinan yang lain terlebih dahulu.</translation>
        </message>
        <message>
            <source>Naskah yang sudah ditandatangani tidak dapat diubah.</source>
            <translation>Naskah yang sudah ditandatangani tidak dapat diubah.</translation>
        </message>
        <message>
            <source>Nilai {name} tidak sah: {e}</source>
            <translation>Nilai {name} tidak sah: {e}</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>No. Agenda</source>
            <translation>No. Agenda</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Nomor</translation>
        </message>
        <message>
            <source>Nomor Surat</source>
            <translation>Nomor Surat</translation>
        </message>
        <message>
            <source>Nomor agenda kosong.</source>
            <translation>Nomor agenda kosong.</translation>
        </message>
        <message>
            <source>Nomor agenda surat ini sudah dibatalkan.</source>
            <translation>Nomor agenda surat ini sudah dibatalkan.</translation>
        </message>
        <message>
            <source>Nomor agenda surat ini sudah dibatalkan: surat ini tidak diberkaskan.</source>
            <translation>Nomor agenda surat ini sudah dibatalkan: surat ini tidak diberkaskan.</translation>
        </message>
        <message>
            <source>Nomor agenda {a}/{y} sudah ada di register.</source>
            <translation>Nomor agenda {a}/{y} sudah ada di register.</translation>
        </message>
        <message>
            <source>Nomor dibatalkan</source>
            <translation>Nomor dibatalkan</translation>
        </message>
        <message>
            <source>Nomor ini sudah dibatalkan.</source>
            <translation>Nomor ini sudah dibatalkan.</translation>
        </message>
        <message>
            <source>Nomor referensi terlalu panjang.</source>
            <translation>Nomor referensi terlalu panjang.</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Nomor surat</translation>
        </message>
        <message>
            <source>Nomor surat kosong.</source>
            <translation>Nomor surat kosong.</translation>
        </message>
        <message>
            <source>Nomor surat {n} sudah ada di register.</source>
            <translation>Nomor surat {n} sudah ada di register.</translation>
        </message>
        <message>
            <source>Orang yang dipilih tidak memiliki peran itu.</source>
            <translation>Orang yang dipilih tidak memiliki peran itu.</translation>
        </message>
        <message>
            <source>PALSU: ditandatangani oleh sertifikat yang bukan dari {org}.</source>
            <translation>PALSU: ditandatangani oleh sertifikat yang bukan dari {org}.</translation>
        </message>
        <message>
            <source>PC ini belum mengenal kunci server untuk memeriksa balasan. Sinkronkan sekali secara online, lalu impor balasannya lagi.</source>
            <translation>PC ini belum mengenal kunci server untuk memeriksa balasan. Sinkronkan sekali secara online, lalu impor balasannya lagi.</translation>
        </message>
        <message>
            <source>PC ini belum menyimpan sertifikat akar organisasi untuk memeriksa server kantor. Sinkronkan sekali dengan server pusat, lalu coba lagi.</source>
            <translation>PC ini belum menyimpan sertifikat akar organisasi untuk memeriksa server kantor. Sinkronkan sekali dengan server pusat, lalu coba lagi.</translation>
        </message>
        <message>
            <source>PC ini belum pernah bersinkron online sejak diperbarui, jadi server belum mengenal kunci tanda tangan bundelnya. Sinkronkan sekali secara online dulu.</source>
            <translation>PC ini belum pernah bersinkron online sejak diperbarui, jadi server belum mengenal kunci tanda tangan bundelnya. Sinkronkan sekali secara online dulu.</translation>
        </message>
        <message>
            <source>PC ini belum punya kunci bundel yang dikenal server. Sinkronkan sekali secara online, lalu buat bundel lagi.</source>
            <translation>PC ini belum punya kunci bundel yang dikenal server. Sinkronkan sekali secara online, lalu buat bundel lagi.</translation>
        </message>
        <message>
            <source>PC ini belum terdaftar di server: nomor diberikan oleh PC ini sendiri dan tidak akan habis.</source>
            <translation>PC ini belum terdaftar di server: nomor diberikan oleh PC ini sendiri dan tidak akan habis.</translation>
        </message>
        <message>
            <source>PC ini belum terdaftar ke server (atau tokennya hilang): daftarkan ulang.</source>
            <translation>PC ini belum terdaftar ke server (atau tokennya hilang): daftarkan ulang.</translation>
        </message>
        <message>
            <source>PC ini belum terhubung ke server pusat: daftar kantor belum ada. Daftarkan PC ke server dan sinkronkan dulu.</source>
            <translation>PC ini belum terhubung ke server pusat: daftar kantor belum ada. Daftarkan PC ke server dan sinkronkan dulu.</translation>
        </message>
        <message>
            <source>PC ini sudah terdaftar ke server.</source>
            <translation>PC ini sudah terdaftar ke server.</translation>
        </message>
        <message>
            <source>PDF ini dilindungi kata sandi (terenkripsi); tidak dapat ditandatangani/diperiksa.</source>
            <translation>PDF ini dilindungi kata sandi (terenkripsi); tidak dapat ditandatangani/diperiksa.</translation>
        </message>
        <message>
            <source>PDF ini terkunci kata sandi. Buka kuncinya dulu (cetak ulang ke PDF), lalu lampirkan lagi.</source>
            <translation>PDF ini terkunci kata sandi. Buka kuncinya dulu (cetak ulang ke PDF), lalu lampirkan lagi.</translation>
        </message>
        <message>
            <source>PDF ini tidak memiliki tanda tangan elektronik.</source>
            <translation>PDF ini tidak memiliki tanda tangan elektronik.</translation>
        </message>
        <message>
            <source>PDF surat dengan kode ini belum ada di komputer ini. Sinkronkan dulu.</source>
            <translation>PDF surat dengan kode ini belum ada di komputer ini. Sinkronkan dulu.</translation>
        </message>
        <message>
            <source>PDF surat yang ditandatangani belum tiba di PC ini. Sinkronkan dulu.</source>
            <translation>PDF surat yang ditandatangani belum tiba di PC ini. Sinkronkan dulu.</translation>
        </message>
        <message>
            <source>PDF tanpa halaman.</source>
            <translation>PDF tanpa halaman.</translation>
        </message>
        <message>
            <source>PDF yang ditandatangani penanda tangan sebelumnya belum ada di komputer ini. Sinkronkan dulu, lalu tandatangani lagi.</source>
            <translation>PDF yang ditandatangani penanda tangan sebelumnya belum ada di komputer ini. Sinkronkan dulu, lalu tandatangani lagi.</translation>
        </message>
        <message>
            <source>Padanannya ({codes}) belum semua punya jadwal retensi lengkap: {lacking}.</source>
            <translation>Padanannya ({codes}) belum semua punya jadwal retensi lengkap: {lacking}.</translation>
        </message>
        <message>
            <source>Padanannya ({codes}) tidak ada dalam daftar klasifikasi.</source>
            <translation>Padanannya ({codes}) tidak ada dalam daftar klasifikasi.</translation>
        </message>
        <message>
            <source>Padanannya ({codes}) tidak seragam retensinya: {rules}.</source>
            <translation>Padanannya ({codes}) tidak seragam retensinya: {rules}.</translation>
        </message>
        <message>
            <source>Paraf</source>
            <translation>Paraf</translation>
        </message>
        <message>
            <source>Passphrase BSrE salah. Periksa huruf besar/kecil lalu coba lagi.</source>
            <translation>Passphrase BSrE salah. Periksa huruf besar/kecil lalu coba lagi.</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Pegawai</translation>
        </message>
        <message>
            <source>Pemaraf</source>
            <translation>Pemaraf</translation>
        </message>
        <message>
            <source>Pemaraf yang sama dipilih dua kali.</source>
            <translation>Pemaraf yang sama dipilih dua kali.</translation>
        </message>
        <message>
            <source>Pembatalan nomor agenda memerlukan peran Agendaris.</source>
            <translation>Pembatalan nomor agenda memerlukan peran Agendaris.</translation>
        </message>
        <message>
            <source>Pemberkasan hanya dapat dilakukan oleh agendaris atau administrator.</source>
            <translation>Pemberkasan hanya dapat dilakukan oleh agendaris atau administrator.</translation>
        </message>
        <message>
            <source>Penanda tangan sebelumnya memakai {k}; gunakan cara yang sama.</source>
            <translation>Penanda tangan sebelumnya memakai {k}; gunakan cara yang sama.</translation>
        </message>
        <message>
            <source>Penanda tangan tercatat: {s}.</source>
            <translation>Penanda tangan tercatat: {s}.</translation>
        </message>
        <message>
            <source>Penanda tangan yang sama dipilih dua kali.</source>
            <translation>Penanda tangan yang sama dipilih dua kali.</translation>
        </message>
        <message>
            <source>Penanda tangan: {who}</source>
            <translation>Penanda tangan: {who}</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Penandatangan</translation>
        </message>
        <message>
            <source>Pencatatan surat masuk memerlukan peran Agendaris.</source>
            <translation>Pencatatan surat masuk memerlukan peran Agendaris.</translation>
        </message>
        <message>
            <source>Pendaftaran sertifikat elektronik BSrE untuk NIK ini belum selesai (sertifikat belum terbit). Hubungi admin TTE/BSrE di instansi Anda untuk menyelesaikannya.</source>
            <translation>Pendaftaran sertifikat elektronik BSrE untuk NIK ini belum selesai (sertifikat belum terbit). Hubungi admin TTE/BSrE di instansi Anda untuk menyelesaikannya.</translation>
        </message>
        <message>
            <source>Penerbit cap waktu dokumen tidak tepercaya.</source>
            <translation>Penerbit cap waktu dokumen tidak tepercaya.</translation>
        </message>
        <message>
            <source>Penerbit cap waktu pada tanda tangan tidak tepercaya.</source>
            <translation>Penerbit cap waktu pada tanda tangan tidak tepercaya.</translation>
        </message>
        <message>
            <source>Penerima tidak ditemukan atau nonaktif.</source>
            <translation>Penerima tidak ditemukan atau nonaktif.</translation>
        </message>
        <message>
            <source>Penerima yang sama dipilih dua kali.</source>
            <translation>Penerima yang sama dipilih dua kali.</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Pengirim</translation>
        </message>
        <message>
            <source>Pengirim tidak ditemukan di daftar.</source>
            <translation>Pengirim tidak ditemukan di daftar.</translation>
        </message>
        <message>
            <source>Pengirim wajib diisi.</source>
            <translation>Pengirim wajib diisi.</translation>
        </message>
        <message>
            <source>Pengiriman ke kantor lain</source>
            <translation>Pengiriman ke kantor lain</translation>
        </message>
        <message>
            <source>Pengonsep</source>
            <translation>Pengonsep</translation>
        </message>
        <message>
            <source>Penyimpanan kata sandi sistem (keyring) tidak dapat dibuka, sehingga kata sandi klien BSrE tidak terbaca. Hubungi petugas TI.</source>
            <translation>Penyimpanan kata sandi sistem (keyring) tidak dapat dibuka, sehingga kata sandi klien BSrE tidak terbaca. Hubungi petugas TI.</translation>
        </message>
        <message>
            <source>Penyimpanan rahasia sistem (keyring) tidak dapat dipakai di komputer ini, sehingga token server tidak dapat disimpan dengan aman.</source>
            <translation>Penyimpanan rahasia sistem (keyring) tidak dapat dipakai di komputer ini, sehingga token server tidak dapat disimpan dengan aman.</translation>
        </message>
        <message>
            <source>Peran tidak dikenal; pilih dari: {k}.</source>
            <translation>Peran tidak dikenal; pilih dari: {k}.</translation>
        </message>
        <message>
            <source>Perhatikan peringatan.</source>
            <translation>Perhatikan peringatan.</translation>
        </message>
        <message>
            <source>Perihal</source>
            <translation>Perihal</translation>
        </message>
        <message>
            <source>Perihal kosong.</source>
            <translation>Perihal kosong.</translation>
        </message>
        <message>
            <source>Peringatan: {w}</source>
            <translation>Peringatan: {w}</translation>
        </message>
        <message>
            <source>Perlu Paraf</source>
            <translation>Perlu Paraf</translation>
        </message>
        <message>
            <source>Perlu Tanda Tangan</source>
            <translation>Perlu Tanda Tangan</translation>
        </message>
        <message>
            <source>Permanen</source>
            <translation>Permanen</translation>
        </message>
        <message>
            <source>Permintaan sertifikat ditolak server: {e}</source>
            <translation>Permintaan sertifikat ditolak server: {e}</translation>
        </message>
        <message>
            <source>Permintaan sertifikat menunggu jawaban server (sinkronkan atau impor balasan).</source>
            <translation>Permintaan sertifikat menunggu jawaban server (sinkronkan atau impor balasan).</translation>
        </message>
        <message>
            <source>Perpanjangan sertifikat elektronik BSrE Anda sedang diproses. Tunggu sampai sertifikat baru terbit (hubungi admin TTE/BSrE bila lama), lalu coba lagi.</source>
            <translation>Perpanjangan sertifikat elektronik BSrE Anda sedang diproses. Tunggu sampai sertifikat baru terbit (hubungi admin TTE/BSrE bila lama), lalu coba lagi.</translation>
        </message>
        <message>
            <source>Petunjuk disposisi</source>
            <translation>Petunjuk disposisi</translation>
        </message>
        <message>
            <source>Pilih berkas yang sudah jatuh tempo retensinya.</source>
            <translation>Pilih berkas yang sudah jatuh tempo retensinya.</translation>
        </message>
        <message>
            <source>Pilih instruksi atau tulis instruksi sendiri.</source>
            <translation>Pilih instruksi atau tulis instruksi sendiri.</translation>
        </message>
        <message>
            <source>Pilih penandatangan.</source>
            <translation>Pilih penandatangan.</translation>
        </message>
        <message>
            <source>Pilih satu berkas, atau buat berkas baru.</source>
            <translation>Pilih satu berkas, atau buat berkas baru.</translation>
        </message>
        <message>
            <source>Pilih setidaknya satu penerima disposisi.</source>
            <translation>Pilih setidaknya satu penerima disposisi.</translation>
        </message>
        <message>
            <source>Pilih setidaknya satu peran.</source>
            <translation>Pilih setidaknya satu peran.</translation>
        </message>
        <message>
            <source>Pindahkan ke arsip inaktif</source>
            <translation>Pindahkan ke arsip inaktif</translation>
        </message>
        <message>
            <source>Pindaian hanya untuk naskah yang sudah ditandatangani.</source>
            <translation>Pindaian hanya untuk naskah yang sudah ditandatangani.</translation>
        </message>
        <message>
            <source>Pindaian surat masuk</source>
            <translation>Pindaian surat masuk</translation>
        </message>
        <message>
            <source>Pola nomor harus memuat {urut}.</source>
            <translation>Pola nomor harus memuat {urut}.</translation>
        </message>
        <message>
            <source>Pola nomor tidak valid (kurung kurawal tidak seimbang).</source>
            <translation>Pola nomor tidak valid (kurung kurawal tidak seimbang).</translation>
        </message>
        <message>
            <source>Profil bukan teks UTF-8 (baris {n}). Simpan ulang profil sebagai teks UTF-8, misalnya di Notepad: Simpan sebagai, Encoding UTF-8.</source>
            <translation>Profil bukan teks UTF-8 (baris {n}). Simpan ulang profil sebagai teks UTF-8, misalnya di Notepad: Simpan sebagai, Encoding UTF-8.</translation>
        </message>
        <message>
            <source>Profil kantor</source>
            <translation>Profil kantor</translation>
        </message>
        <message>
            <source>Profil tidak dapat dibaca: {e}</source>
            <translation>Profil tidak dapat dibaca: {e}</translation>
        </message>
        <message>
            <source>Profil tidak sah pada baris {n}: {e}. Periksa tanda kutip, tanda = dan nama tabel.</source>
            <translation>Profil tidak sah pada baris {n}: {e}. Periksa tanda kutip, tanda = dan nama tabel.</translation>
        </message>
        <message>
            <source>Rentang bita tanda tangan tidak baku.</source>
            <translation>Rentang bita tanda tangan tidak baku.</translation>
        </message>
        <message>
            <source>Rentang bita tanda tangan tidak menunjuk ke isi tanda tangan.</source>
            <translation>Rentang bita tanda tangan tidak menunjuk ke isi tanda tangan.</translation>
        </message>
        <message>
            <source>Retensi aktif</source>
            <translation>Retensi aktif</translation>
        </message>
        <message>
            <source>Retensi inaktif</source>
            <translation>Retensi inaktif</translation>
        </message>
        <message>
            <source>Revisi surat</source>
            <translation>Revisi surat</translation>
        </message>
        <message>
            <source>Revisi {a}–{b} disimpan</source>
            <translation>Revisi {a}–{b} disimpan</translation>
        </message>
        <message>
            <source>Revisi {n} disimpan</source>
            <translation>Revisi {n} disimpan</translation>
        </message>
        <message>
            <source>Ruang tanda tangan untuk penanda tangan ini tidak ditemukan.</source>
            <translation>Ruang tanda tangan untuk penanda tangan ini tidak ditemukan.</translation>
        </message>
        <message>
            <source>SAH: tanda tangan utuh dan dokumen tidak berubah sejak ditandatangani.</source>
            <translation>SAH: tanda tangan utuh dan dokumen tidak berubah sejak ditandatangani.</translation>
        </message>
        <message>
            <source>SRIKANDI</source>
            <translation>SRIKANDI</translation>
        </message>
        <message>
            <source>Salinan akhir surat ini (SHA-256 {h}…) ada di arsip kantor dan belum bertanda waktu server.</source>
            <translation>Salinan akhir surat ini (SHA-256 {h}…) ada di arsip kantor dan belum bertanda waktu server.</translation>
        </message>
        <message>
            <source>Salinan akhir surat ini adalah versi bertanda waktu server {t} (SHA-256 {h}…) di arsip kantor; gunakan salinan itu.</source>
            <translation>Salinan akhir surat ini adalah versi bertanda waktu server {t} (SHA-256 {h}…) di arsip kantor; gunakan salinan itu.</translation>
        </message>
        <message>
            <source>Salinan ini belum bertanda waktu server; cap waktu ditambahkan pada sinkronisasi berikutnya.</source>
            <translation>Salinan ini belum bertanda waktu server; cap waktu ditambahkan pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>Salinan otomatis: perubahan Anda pada naskah {number} ditolak server ({reason}); naskah aslinya sudah ditandatangani atau dibatalkan.</source>
            <translation>Salinan otomatis: perubahan Anda pada naskah {number} ditolak server ({reason}); naskah aslinya sudah ditandatangani atau dibatalkan.</translation>
        </message>
        <message>
            <source>Saluran penerimaan tidak dikenal.</source>
            <translation>Saluran penerimaan tidak dikenal.</translation>
        </message>
        <message>
            <source>Sambungan aman ke server BSrE gagal: sertifikat server tidak sah untuk alamat itu. Petugas TI perlu memeriksa alamat server BSrE di Pengaturan.</source>
            <translation>Sambungan aman ke server BSrE gagal: sertifikat server tidak sah untuk alamat itu. Petugas TI perlu memeriksa alamat server BSrE di Pengaturan.</translation>
        </message>
        <message>
            <source>Sambungan berhenti di tengah jalan (terlalu lambat atau terputus).</source>
            <translation>Sambungan berhenti di tengah jalan (terlalu lambat atau terputus).</translation>
        </message>
        <message>
            <source>Sambungan ke server gagal; coba lagi nanti.</source>
            <translation>Sambungan ke server gagal; coba lagi nanti.</translation>
        </message>
        <message>
            <source>Sambungan terputus di tengah jalan; coba lagi nanti.</source>
            <translation>Sambungan terputus di tengah jalan; coba lagi nanti.</translation>
        </message>
        <message>
            <source>Satu berita acara memuat berkas dengan tindakan yang sama; pilih ulang berkasnya.</source>
            <translation>Satu berita acara memuat berkas dengan tindakan yang sama; pilih ulang berkasnya.</translation>
        </message>
        <message>
            <source>Selesai</source>
            <translation>Selesai</translation>
        </message>
        <message>
            <source>Semua surat</source>
            <translation>Semua surat</translation>
        </message>
        <message>
            <source>Sertifikat akar dari server ini tidak cocok dengan sidik jari yang diketik. Periksa sidik jarinya; bila sudah benar, server ini bukan server kantor Anda dan PC ini tidak didaftarkan.</source>
            <translation>Sertifikat akar dari server ini tidak cocok dengan sidik jari yang diketik. Periksa sidik jarinya; bila sudah benar, server ini bukan server kantor Anda dan PC ini tidak didaftarkan.</translation>
        </message>
        <message>
            <source>Sertifikat aktif sampai {d}.</source>
            <translation>Sertifikat aktif sampai {d}.</translation>
        </message>
        <message>
            <source>Sertifikat dalam rantai penanda tangan telah dicabut.</source>
            <translation>Sertifikat dalam rantai penanda tangan telah dicabut.</translation>
        </message>
        <message>
            <source>Sertifikat dari server tidak dapat dibaca.</source>
            <translation>Sertifikat dari server tidak dapat dibaca.</translation>
        </message>
        <message>
            <source>Sertifikat dari server tidak diterbitkan oleh akar kantor.</source>
            <translation>Sertifikat dari server tidak diterbitkan oleh akar kantor.</translation>
        </message>
        <message>
            <source>Sertifikat elektronik BSrE Anda sedang dibekukan (suspend) oleh BSrE. Hubungi admin TTE/BSrE di instansi Anda untuk mengaktifkannya kembali.</source>
            <translation>Sertifikat elektronik BSrE Anda sedang dibekukan (suspend) oleh BSrE. Hubungi admin TTE/BSrE di instansi Anda untuk mengaktifkannya kembali.</translation>
        </message>
        <message>
            <source>Sertifikat elektronik BSrE Anda sudah kedaluwarsa. Ajukan perpanjangan sertifikat di BSrE melalui admin TTE instansi Anda, lalu tandatangani lagi.</source>
            <translation>Sertifikat elektronik BSrE Anda sudah kedaluwarsa. Ajukan perpanjangan sertifikat di BSrE melalui admin TTE instansi Anda, lalu tandatangani lagi.</translation>
        </message>
        <message>
            <source>Sertifikat elektronik BSrE Anda telah dicabut dan tidak dapat dipakai lagi. Ajukan sertifikat baru di BSrE melalui admin TTE instansi Anda.</source>
            <translation>Sertifikat elektronik BSrE Anda telah dicabut dan tidak dapat dipakai lagi. Ajukan sertifikat baru di BSrE melalui admin TTE instansi Anda.</translation>
        </message>
        <message>
            <source>Sertifikat ini bukan sertifikat akar (CA) yang menandatangani dirinya.</source>
            <translation>Sertifikat ini bukan sertifikat akar (CA) yang menandatangani dirinya.</translation>
        </message>
        <message>
            <source>Sertifikat ini bukan sertifikat untuk tanda tangan.</source>
            <translation>Sertifikat ini bukan sertifikat untuk tanda tangan.</translation>
        </message>
        <message>
            <source>Sertifikat ini milik pegawai lain; gunakan kunci Anda sendiri.</source>
            <translation>Sertifikat ini milik pegawai lain; gunakan kunci Anda sendiri.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan berakhir pada {e}; saat ditandatangani ({t}) masih berlaku.</source>
            <translation>Sertifikat penanda tangan berakhir pada {e}; saat ditandatangani ({t}) masih berlaku.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r} dan tidak ada cap waktu tepercaya yang membuktikan dokumen ditandatangani sebelumnya.</source>
            <translation>Sertifikat penanda tangan dicabut pada {r} dan tidak ada cap waktu tepercaya yang membuktikan dokumen ditandatangani sebelumnya.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r}, setelah dokumen ditandatangani (dibuktikan cap waktu {t}). Tanda tangan sah pada saat dibuat.</source>
            <translation>Sertifikat penanda tangan dicabut pada {r}, setelah dokumen ditandatangani (dibuktikan cap waktu {t}). Tanda tangan sah pada saat dibuat.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r}, setelah surat ditandatangani pada {t} menurut catatan server kantor. Tanda tangan sah pada saat dibuat.</source>
            <translation>Sertifikat penanda tangan dicabut pada {r}, setelah surat ditandatangani pada {t} menurut catatan server kantor. Tanda tangan sah pada saat dibuat.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r}, setelah waktu penandatanganan {t}. Waktu itu hanya menurut jam komputer penanda tangan (tanpa cap waktu).</source>
            <translation>Sertifikat penanda tangan dicabut pada {r}, setelah waktu penandatanganan {t}. Waktu itu hanya menurut jam komputer penanda tangan (tanpa cap waktu).</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan memakai nama penerbit {i}, tetapi tidak diterbitkan olehnya: sertifikat palsu.</source>
            <translation>Sertifikat penanda tangan memakai nama penerbit {i}, tetapi tidak diterbitkan olehnya: sertifikat palsu.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan tidak berlaku pada saat penandatanganan.</source>
            <translation>Sertifikat penanda tangan tidak berlaku pada saat penandatanganan.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan tidak diterbitkan oleh CA yang dipercaya aplikasi ini.</source>
            <translation>Sertifikat penanda tangan tidak diterbitkan oleh CA yang dipercaya aplikasi ini.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan tidak sah untuk tanda tangan ({why}).</source>
            <translation>Sertifikat penanda tangan tidak sah untuk tanda tangan ({why}).</translation>
        </message>
        <message>
            <source>Sertifikat server tidak dapat diverifikasi; koneksi tidak aman dan dihentikan.</source>
            <translation>Sertifikat server tidak dapat diverifikasi; koneksi tidak aman dan dihentikan.</translation>
        </message>
        <message>
            <source>Sertifikat sudah kedaluwarsa; daftarkan ulang penanda tangan.</source>
            <translation>Sertifikat sudah kedaluwarsa; daftarkan ulang penanda tangan.</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan baru berlaku mulai {d}, padahal tanggal di komputer ini {n}. Periksa tanggal dan jam komputer, lalu coba lagi.</source>
            <translation>Sertifikat tanda tangan baru berlaku mulai {d}, padahal tanggal di komputer ini {n}. Periksa tanggal dan jam komputer, lalu coba lagi.</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan sudah kedaluwarsa sejak {d}. Minta sertifikat baru kepada pengelola sistem (daftar ulang penanda tangan).</source>
            <translation>Sertifikat tanda tangan sudah kedaluwarsa sejak {d}. Minta sertifikat baru kepada pengelola sistem (daftar ulang penanda tangan).</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan telah dicabut pada {d}. Surat tidak dapat ditandatangani dengan sertifikat ini; hubungi pengelola sistem.</source>
            <translation>Sertifikat tanda tangan telah dicabut pada {d}. Surat tidak dapat ditandatangani dengan sertifikat ini; hubungi pengelola sistem.</translation>
        </message>
        <message>
            <source>Sertifikat telah dicabut; daftarkan ulang penanda tangan.</source>
            <translation>Sertifikat telah dicabut; daftarkan ulang penanda tangan.</translation>
        </message>
        <message>
            <source>Sertifikat: PALSU (tidak diterbitkan oleh sertifikat akar yang dipercaya).</source>
            <translation>Sertifikat: PALSU (tidak diterbitkan oleh sertifikat akar yang dipercaya).</translation>
        </message>
        <message>
            <source>Sertifikat: dicabut</source>
            <translation>Sertifikat: dicabut</translation>
        </message>
        <message>
            <source>Sertifikat: dicabut pada {d}</source>
            <translation>Sertifikat: dicabut pada {d}</translation>
        </message>
        <message>
            <source>Sertifikat: kedaluwarsa</source>
            <translation>Sertifikat: kedaluwarsa</translation>
        </message>
        <message>
            <source>Sertifikat: terpercaya (diterbitkan oleh {i}).</source>
            <translation>Sertifikat: terpercaya (diterbitkan oleh {i}).</translation>
        </message>
        <message>
            <source>Sertifikat: tidak dikenal (penerbit {i} tidak dipercaya komputer ini).</source>
            <translation>Sertifikat: tidak dikenal (penerbit {i} tidak dipercaya komputer ini).</translation>
        </message>
        <message>
            <source>Sertifikat: tidak sah untuk tanda tangan.</source>
            <translation>Sertifikat: tidak sah untuk tanda tangan.</translation>
        </message>
        <message>
            <source>Server BSrE menolak aplikasi ini (ID klien atau kata sandi klien salah). Petugas TI perlu memeriksa pengaturan TTE BSrE.</source>
            <translation>Server BSrE menolak aplikasi ini (ID klien atau kata sandi klien salah). Petugas TI perlu memeriksa pengaturan TTE BSrE.</translation>
        </message>
        <message>
            <source>Server BSrE sedang bermasalah (HTTP {s}). Coba lagi beberapa saat lagi.</source>
            <translation>Server BSrE sedang bermasalah (HTTP {s}). Coba lagi beberapa saat lagi.</translation>
        </message>
        <message>
            <source>Server BSrE tidak dapat dihubungi atau tidak menjawab tepat waktu. Periksa koneksi internet lalu coba lagi.</source>
            <translation>Server BSrE tidak dapat dihubungi atau tidak menjawab tepat waktu. Periksa koneksi internet lalu coba lagi.</translation>
        </message>
        <message>
            <source>Server di {url} bukan server kantor untuk PC ini (ID server berbeda dari server tempat PC ini terdaftar).</source>
            <translation>Server di {url} bukan server kantor untuk PC ini (ID server berbeda dari server tempat PC ini terdaftar).</translation>
        </message>
        <message>
            <source>Server di {url} bukan server tempat PC ini terdaftar (ID server berbeda); alamat tidak diubah.</source>
            <translation>Server di {url} bukan server tempat PC ini terdaftar (ID server berbeda); alamat tidak diubah.</translation>
        </message>
        <message>
            <source>Server di {url} bukan server tempat PC ini terdaftar.</source>
            <translation>Server di {url} bukan server tempat PC ini terdaftar.</translation>
        </message>
        <message>
            <source>Server ini belum memiliki sertifikat akar organisasi; coba lagi nanti.</source>
            <translation>Server ini belum memiliki sertifikat akar organisasi; coba lagi nanti.</translation>
        </message>
        <message>
            <source>Server mengirim sertifikat akar yang berbeda dari yang dipercaya komputer ini. Tanda tangan tidak diperbarui; hubungi pengelola sistem.</source>
            <translation>Server mengirim sertifikat akar yang berbeda dari yang dipercaya komputer ini. Tanda tangan tidak diperbarui; hubungi pengelola sistem.</translation>
        </message>
        <message>
            <source>Server mengirim sertifikat yang bukan untuk kunci di PC ini.</source>
            <translation>Server mengirim sertifikat yang bukan untuk kunci di PC ini.</translation>
        </message>
        <message>
            <source>Server menolak lampiran {h}: {why}</source>
            <translation>Server menolak lampiran {h}: {why}</translation>
        </message>
        <message>
            <source>Server menolak sambungan; mungkin server sedang mati atau alamatnya salah.</source>
            <translation>Server menolak sambungan; mungkin server sedang mati atau alamatnya salah.</translation>
        </message>
        <message>
            <source>Server pusat</source>
            <translation>Server pusat</translation>
        </message>
        <message>
            <source>Server tidak menjawab; sambungan internet mungkin terputus atau sangat lambat.</source>
            <translation>Server tidak menjawab; sambungan internet mungkin terputus atau sangat lambat.</translation>
        </message>
        <message>
            <source>Sidik jari sertifikat akar harus berisi sedikitnya 24 angka heksadesimal (0-9, A-F), seperti yang dicetak bersama kode pendaftaran server kantor.</source>
            <translation>Sidik jari sertifikat akar harus berisi sedikitnya 24 angka heksadesimal (0-9, A-F), seperti yang dicetak bersama kode pendaftaran server kantor.</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Sifat</translation>
        </message>
        <message>
            <source>Sifat tidak dikenal: {v}.</source>
            <translation>Sifat tidak dikenal: {v}.</translation>
        </message>
        <message>
            <source>Sifat tidak valid.</source>
            <translation>Sifat tidak valid.</translation>
        </message>
        <message>
            <source>Sinkronisasi gagal: {e}</source>
            <translation>Sinkronisasi gagal: {e}</translation>
        </message>
        <message>
            <source>Sinkronisasi tidak maju; coba lagi nanti.</source>
            <translation>Sinkronisasi tidak maju; coba lagi nanti.</translation>
        </message>
        <message>
            <source>Struktur dokumen diubah setelah ditandatangani.</source>
            <translation>Struktur dokumen diubah setelah ditandatangani.</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Surat</translation>
        </message>
        <message>
            <source>Surat Keluar</source>
            <translation>Surat Keluar</translation>
        </message>
        <message>
            <source>Surat Masuk</source>
            <translation>Surat Masuk</translation>
        </message>
        <message>
            <source>Surat Masuk Baru</source>
            <translation>Surat Masuk Baru</translation>
        </message>
        <message>
            <source>Surat balasan tidak ditemukan.</source>
            <translation>Surat balasan tidak ditemukan.</translation>
        </message>
        <message>
            <source>Surat bersifat {s}: hanya untuk pihak terkait.</source>
            <translation>Surat bersifat {s}: hanya untuk pihak terkait.</translation>
        </message>
        <message>
            <source>Surat ini belum selesai ditandatangani; versi terbaru (SHA-256 {h}…) ada di arsip kantor.</source>
            <translation>Surat ini belum selesai ditandatangani; versi terbaru (SHA-256 {h}…) ada di arsip kantor.</translation>
        </message>
        <message>
            <source>Surat ini belum selesai. Hanya surat keluar yang sudah ditandatangani dan bernomor yang dapat diberkaskan.</source>
            <translation>Surat ini belum selesai. Hanya surat keluar yang sudah ditandatangani dan bernomor yang dapat diberkaskan.</translation>
        </message>
        <message>
            <source>Surat ini mungkin sudah dicatat: agenda {a}/{y}, {s} nomor {n}.</source>
            <translation>Surat ini mungkin sudah dicatat: agenda {a}/{y}, {s} nomor {n}.</translation>
        </message>
        <message>
            <source>Surat ini sudah diberkaskan dalam berkas "{t}" ({c}, {y}).</source>
            <translation>Surat ini sudah diberkaskan dalam berkas "{t}" ({c}, {y}).</translation>
        </message>
        <message>
            <source>Surat ini sudah diberkaskan dalam berkas {b}.</source>
            <translation>Surat ini sudah diberkaskan dalam berkas {b}.</translation>
        </message>
        <message>
            <source>Surat keluar</source>
            <translation>Surat keluar</translation>
        </message>
        <message>
            <source>Surat keluar ({jenis})</source>
            <translation>Surat keluar ({jenis})</translation>
        </message>
        <message>
            <source>Surat keluar {n}: {h}</source>
            <translation>Surat keluar {n}: {h}</translation>
        </message>
        <message>
            <source>Surat kiriman</source>
            <translation>Surat kiriman</translation>
        </message>
        <message>
            <source>Surat kiriman ini sudah dicatat.</source>
            <translation>Surat kiriman ini sudah dicatat.</translation>
        </message>
        <message>
            <source>Surat masuk</source>
            <translation>Surat masuk</translation>
        </message>
        <message>
            <source>Surat masuk {a}/{y} dari {s}: {h}</source>
            <translation>Surat masuk {a}/{y} dari {s}: {h}</translation>
        </message>
        <message>
            <source>Surat tahun {y}: Naskah menomori surat keluar tahun itu sendiri, sehingga nomor dari buku dapat bentrok. Hanya buku agenda tahun-tahun sebelumnya yang diimpor.</source>
            <translation>Surat tahun {y}: Naskah menomori surat keluar tahun itu sendiri, sehingga nomor dari buku dapat bentrok. Hanya buku agenda tahun-tahun sebelumnya yang diimpor.</translation>
        </message>
        <message>
            <source>Surat tidak dapat dikirim ke kantor sendiri.</source>
            <translation>Surat tidak dapat dikirim ke kantor sendiri.</translation>
        </message>
        <message>
            <source>Surat yang nomornya dibatalkan tidak dapat dikirim.</source>
            <translation>Surat yang nomornya dibatalkan tidak dapat dikirim.</translation>
        </message>
        <message>
            <source>TIDAK DAPAT DIPASTIKAN: penerbit sertifikat penanda tangan tidak dikenal.</source>
            <translation>TIDAK DAPAT DIPASTIKAN: penerbit sertifikat penanda tangan tidak dikenal.</translation>
        </message>
        <message>
            <source>TIDAK SAH: dokumen DIUBAH setelah ditandatangani.</source>
            <translation>TIDAK SAH: dokumen DIUBAH setelah ditandatangani.</translation>
        </message>
        <message>
            <source>TIDAK SAH: tanda tangan tidak dapat dipercaya.</source>
            <translation>TIDAK SAH: tanda tangan tidak dapat dipercaya.</translation>
        </message>
        <message>
            <source>TTE BSrE</source>
            <translation>TTE BSrE</translation>
        </message>
        <message>
            <source>TTE BSrE belum diatur di komputer ini. Petugas TI perlu mengisi alamat server, ID klien dan kata sandi klien BSrE di Pengaturan.</source>
            <translation>TTE BSrE belum diatur di komputer ini. Petugas TI perlu mengisi alamat server, ID klien dan kata sandi klien BSrE di Pengaturan.</translation>
        </message>
        <message>
            <source>TTE internal</source>
            <translation>TTE internal</translation>
        </message>
        <message>
            <source>Tahun berkas harus antara 1945 dan {y}.</source>
            <translation>Tahun berkas harus antara 1945 dan {y}.</translation>
        </message>
        <message>
            <source>Tahun {year}</source>
            <translation>Tahun {year}</translation>
        </message>
        <message>
            <source>Tanda tangan</source>
            <translation>Tanda tangan</translation>
        </message>
        <message>
            <source>Tanda tangan basah</source>
            <translation>Tanda tangan basah</translation>
        </message>
        <message>
            <source>Tanda tangan palsu: sertifikatnya tidak diterbitkan oleh penerbit yang dipercaya.</source>
            <translation>Tanda tangan palsu: sertifikatnya tidak diterbitkan oleh penerbit yang dipercaya.</translation>
        </message>
        <message>
            <source>Tanda tangan rusak dan tidak dapat dibaca ({e}).</source>
            <translation>Tanda tangan rusak dan tidak dapat dibaca ({e}).</translation>
        </message>
        <message>
            <source>Tanda tangan sah dan dokumen tidak berubah: {names}.</source>
            <translation>Tanda tangan sah dan dokumen tidak berubah: {names}.</translation>
        </message>
        <message>
            <source>Tanda tangan tidak dapat dipercaya.</source>
            <translation>Tanda tangan tidak dapat dipercaya.</translation>
        </message>
        <message>
            <source>Tanda tangan tidak dapat diperiksa ({e}).</source>
            <translation>Tanda tangan tidak dapat diperiksa ({e}).</translation>
        </message>
        <message>
            <source>Tanda tangan {i} dari {n}: {who}</source>
            <translation>Tanda tangan {i} dari {n}: {who}</translation>
        </message>
        <message>
            <source>Tanggal Surat</source>
            <translation>Tanggal Surat</translation>
        </message>
        <message>
            <source>Tanggal Terima</source>
            <translation>Tanggal Terima</translation>
        </message>
        <message>
            <source>Tanggal akhir periode tidak boleh sebelum tanggal awalnya.</source>
            <translation>Tanggal akhir periode tidak boleh sebelum tanggal awalnya.</translation>
        </message>
        <message>
            <source>Tanggal dan jam komputer ({n}) lebih awal daripada yang sudah tercatat ({k}). Betulkan tanggal dan jam komputer, lalu tandatangani lagi.</source>
            <translation>Tanggal dan jam komputer ({n}) lebih awal daripada yang sudah tercatat ({k}). Betulkan tanggal dan jam komputer, lalu tandatangani lagi.</translation>
        </message>
        <message>
            <source>Tanggal diterima tidak boleh di masa depan.</source>
            <translation>Tanggal diterima tidak boleh di masa depan.</translation>
        </message>
        <message>
            <source>Tanggal lahir dalam NIP tidak masuk akal.</source>
            <translation>Tanggal lahir dalam NIP tidak masuk akal.</translation>
        </message>
        <message>
            <source>Tanggal lahir dalam NIP tidak valid.</source>
            <translation>Tanggal lahir dalam NIP tidak valid.</translation>
        </message>
        <message>
            <source>Tanggal pengangkatan dalam NIP ada di masa depan.</source>
            <translation>Tanggal pengangkatan dalam NIP ada di masa depan.</translation>
        </message>
        <message>
            <source>Tanggal pengangkatan dalam NIP terlalu dekat dengan tanggal lahir.</source>
            <translation>Tanggal pengangkatan dalam NIP terlalu dekat dengan tanggal lahir.</translation>
        </message>
        <message>
            <source>Tanggal surat di masa depan: {v}.</source>
            <translation>Tanggal surat di masa depan: {v}.</translation>
        </message>
        <message>
            <source>Tanggal surat kosong.</source>
            <translation>Tanggal surat kosong.</translation>
        </message>
        <message>
            <source>Tanggal surat tidak boleh setelah tanggal diterima.</source>
            <translation>Tanggal surat tidak boleh setelah tanggal diterima.</translation>
        </message>
        <message>
            <source>Tanggal surat tidak terbaca: {v}.</source>
            <translation>Tanggal surat tidak terbaca: {v}.</translation>
        </message>
        <message>
            <source>Tanggal terima di masa depan: {v}.</source>
            <translation>Tanggal terima di masa depan: {v}.</translation>
        </message>
        <message>
            <source>Tanggal terima kosong.</source>
            <translation>Tanggal terima kosong.</translation>
        </message>
        <message>
            <source>Tanggal terima tidak terbaca: {v}.</source>
            <translation>Tanggal terima tidak terbaca: {v}.</translation>
        </message>
        <message>
            <source>Tanpa klasifikasi</source>
            <translation>Tanpa klasifikasi</translation>
        </message>
        <message>
            <source>Tautan surat</source>
            <translation>Tautan surat</translation>
        </message>
        <message>
            <source>Teks instruksi wajib diisi.</source>
            <translation>Teks instruksi wajib diisi.</translation>
        </message>
        <message>
            <source>Templat jenis naskah {path} tidak dapat dipakai; templat bawaan yang berlaku.</source>
            <translation>Templat jenis naskah {path} tidak dapat dipakai; templat bawaan yang berlaku.</translation>
        </message>
        <message>
            <source>Terlalu banyak frasa sandi salah. Tunggu {s} detik lalu coba lagi.</source>
            <translation>Terlalu banyak frasa sandi salah. Tunggu {s} detik lalu coba lagi.</translation>
        </message>
        <message>
            <source>Tersinkron lewat server kantor {t}</source>
            <translation>Tersinkron lewat server kantor {t}</translation>
        </message>
        <message>
            <source>Tersinkron lewat server pusat {t}</source>
            <translation>Tersinkron lewat server pusat {t}</translation>
        </message>
        <message>
            <source>Tersinkron {t}</source>
            <translation>Tersinkron {t}</translation>
        </message>
        <message>
            <source>Tidak ada baris yang dapat diimpor.</source>
            <translation>Tidak ada baris yang dapat diimpor.</translation>
        </message>
        <message>
            <source>Tidak ada data Naskah di komputer ini, jadi belum ada sertifikat akar yang dipercaya: hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan.</source>
            <translation>Tidak ada data Naskah di komputer ini, jadi belum ada sertifikat akar yang dipercaya: hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan.</translation>
        </message>
        <message>
            <source>Tidak ada jaringan ke server; periksa kabel, Wi-Fi atau modem.</source>
            <translation>Tidak ada jaringan ke server; periksa kabel, Wi-Fi atau modem.</translation>
        </message>
        <message>
            <source>Tidak ada padanannya dalam Permendagri 83/2022.</source>
            <translation>Tidak ada padanannya dalam Permendagri 83/2022.</translation>
        </message>
        <message>
            <source>Tidak ada surat pada periode ini.</source>
            <translation>Tidak ada surat pada periode ini.</translation>
        </message>
        <message>
            <source>Tidak ada yang ditandatangani; surat tetap dalam antrean TTE BSrE.</source>
            <translation>Tidak ada yang ditandatangani; surat tetap dalam antrean TTE BSrE.</translation>
        </message>
        <message>
            <source>Tindak lanjut</source>
            <translation>Tindak lanjut</translation>
        </message>
        <message>
            <source>Tindakan ini memerlukan peran {role}.</source>
            <translation>Tindakan ini memerlukan peran {role}.</translation>
        </message>
        <message>
            <source>Tindakan retensi tidak dikenal.</source>
            <translation>Tindakan retensi tidak dikenal.</translation>
        </message>
        <message>
            <source>Tingkat urgensi tidak valid.</source>
            <translation>Tingkat urgensi tidak valid.</translation>
        </message>
        <message>
            <source>Token tidak dikenal dalam pola nomor: {t}.</source>
            <translation>Token tidak dikenal dalam pola nomor: {t}.</translation>
        </message>
        <message>
            <source>Tujuan surat (Kepada) kosong.</source>
            <translation>Tujuan surat (Kepada) kosong.</translation>
        </message>
        <message>
            <source>Tulis catatan untuk pengonsep.</source>
            <translation>Tulis catatan untuk pengonsep.</translation>
        </message>
        <message>
            <source>Tuliskan hasil tindak lanjutnya.</source>
            <translation>Tuliskan hasil tindak lanjutnya.</translation>
        </message>
        <message>
            <source>Ukuran kertas harus F4 atau A4.</source>
            <translation>Ukuran kertas harus F4 atau A4.</translation>
        </message>
        <message>
            <source>Unggah lampiran tidak maju; coba lagi nanti.</source>
            <translation>Unggah lampiran tidak maju; coba lagi nanti.</translation>
        </message>
        <message>
            <source>Urgensi</source>
            <translation>Urgensi</translation>
        </message>
        <message>
            <source>Urgensi tidak dikenal: {v}.</source>
            <translation>Urgensi tidak dikenal: {v}.</translation>
        </message>
        <message>
            <source>Versi aplikasi ini terlalu lama untuk server. Perbarui Naskah lalu coba lagi.</source>
            <translation>Versi aplikasi ini terlalu lama untuk server. Perbarui Naskah lalu coba lagi.</translation>
        </message>
        <message>
            <source>Waktu penandatanganan hanya menurut jam komputer penanda tangan.</source>
            <translation>Waktu penandatanganan hanya menurut jam komputer penanda tangan.</translation>
        </message>
        <message>
            <source>Waktu penandatanganan yang dinyatakan ada di masa depan.</source>
            <translation>Waktu penandatanganan yang dinyatakan ada di masa depan.</translation>
        </message>
        <message>
            <source>Waktu tanda tangan: {t} (menurut jam komputer penanda tangan).</source>
            <translation>Waktu tanda tangan: {t} (menurut jam komputer penanda tangan).</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>[{key}] {name}: kunci tidak dikenal; yang dapat dipakai: {known}</source>
            <translation>[{key}] {name}: kunci tidak dikenal; yang dapat dipakai: {known}</translation>
        </message>
        <message>
            <source>[{key}] {name}: wajib diisi untuk jenis naskah baru</source>
            <translation>[{key}] {name}: wajib diisi untuk jenis naskah baru</translation>
        </message>
        <message>
            <source>[{key}]: nama jenis hanya boleh huruf kecil, angka dan garis bawah, diawali huruf (mis. surat_izin)</source>
            <translation>[{key}]: nama jenis hanya boleh huruf kecil, angka dan garis bawah, diawali huruf (mis. surat_izin)</translation>
        </message>
        <message>
            <source>ada yang disebut dua kali</source>
            <translation>ada yang disebut dua kali</translation>
        </message>
        <message>
            <source>admin.roles harus berupa daftar teks.</source>
            <translation>admin.roles harus berupa daftar teks.</translation>
        </message>
        <message>
            <source>angka</source>
            <translation>angka</translation>
        </message>
        <message>
            <source>atribut tak bertanda tangan</source>
            <translation>atribut tak bertanda tangan</translation>
        </message>
        <message>
            <source>bentrok dengan data di PC ini: {e}</source>
            <translation>bentrok dengan data di PC ini: {e}</translation>
        </message>
        <message>
            <source>berkas tidak dapat ditulis</source>
            <translation>berkas tidak dapat ditulis</translation>
        </message>
        <message>
            <source>berukuran {n} MB, melebihi batas {m} MB. Pindai ulang dengan resolusi lebih rendah (mis. 150 dpi, hitam-putih) atau perkecil PDF-nya.</source>
            <translation>berukuran {n} MB, melebihi batas {m} MB. Pindai ulang dengan resolusi lebih rendah (mis. 150 dpi, hitam-putih) atau perkecil PDF-nya.</translation>
        </message>
        <message>
            <source>bita {a}–{b}</source>
            <translation>bita {a}–{b}</translation>
        </message>
        <message>
            <source>bukan PDF atau gambar (PNG/JPEG). Simpan pindaian sebagai PDF.</source>
            <translation>bukan PDF atau gambar (PNG/JPEG). Simpan pindaian sebagai PDF.</translation>
        </message>
        <message>
            <source>bukan TOML yang sah: {e}</source>
            <translation>bukan TOML yang sah: {e}</translation>
        </message>
        <message>
            <source>bukan teks UTF-8</source>
            <translation>bukan teks UTF-8</translation>
        </message>
        <message>
            <source>bulan (angka Romawi)</source>
            <translation>bulan (angka Romawi)</translation>
        </message>
        <message>
            <source>bulan (angka)</source>
            <translation>bulan (angka)</translation>
        </message>
        <message>
            <source>daftar [...]</source>
            <translation>daftar [...]</translation>
        </message>
        <message>
            <source>daftar algoritma digest</source>
            <translation>daftar algoritma digest</translation>
        </message>
        <message>
            <source>daftar pencabutan</source>
            <translation>daftar pencabutan</translation>
        </message>
        <message>
            <source>daftar pencabutan rusak</source>
            <translation>daftar pencabutan rusak</translation>
        </message>
        <message>
            <source>dibaca</source>
            <translation>dibaca</translation>
        </message>
        <message>
            <source>diterima</source>
            <translation>diterima</translation>
        </message>
        <message>
            <source>ditolak server</source>
            <translation>ditolak server</translation>
        </message>
        <message>
            <source>gambar 16-bit per warna tidak didukung. Simpan ulang sebagai PNG 8-bit atau PDF.</source>
            <translation>gambar 16-bit per warna tidak didukung. Simpan ulang sebagai PNG 8-bit atau PDF.</translation>
        </message>
        <message>
            <source>gambar JPEG 12/16-bit tidak didukung.</source>
            <translation>gambar JPEG 12/16-bit tidak didukung.</translation>
        </message>
        <message>
            <source>gambar JPEG berwarna CMYK tidak didukung. Simpan ulang sebagai RGB atau pindai langsung ke PDF.</source>
            <translation>gambar JPEG berwarna CMYK tidak didukung. Simpan ulang sebagai RGB atau pindai langsung ke PDF.</translation>
        </message>
        <message>
            <source>gambar JPEG rusak atau terpotong.</source>
            <translation>gambar JPEG rusak atau terpotong.</translation>
        </message>
        <message>
            <source>gambar PNG rusak atau terpotong.</source>
            <translation>gambar PNG rusak atau terpotong.</translation>
        </message>
        <message>
            <source>harus angka antara {low} dan {high} (pt), bukan {value}</source>
            <translation>harus angka antara {low} dan {high} (pt), bukan {value}</translation>
        </message>
        <message>
            <source>harus berupa daftar teks, mis. ["Penerima Kuasa,", "Pemberi Kuasa,"]</source>
            <translation>harus berupa daftar teks, mis. ["Penerima Kuasa,", "Pemberi Kuasa,"]</translation>
        </message>
        <message>
            <source>harus berupa daftar, mis. [{example}]</source>
            <translation>harus berupa daftar, mis. [{example}]</translation>
        </message>
        <message>
            <source>harus berupa tabel, mis. { top = 20, left = 30, right = 20, bottom = 25 }</source>
            <translation>harus berupa tabel, mis. { top = 20, left = 30, right = 20, bottom = 25 }</translation>
        </message>
        <message>
            <source>harus berupa teks dalam tanda kutip</source>
            <translation>harus berupa teks dalam tanda kutip</translation>
        </message>
        <message>
            <source>harus salah satu dari: {choices} (bukan {value})</source>
            <translation>harus salah satu dari: {choices} (bukan {value})</translation>
        </message>
        <message>
            <source>harus true atau false</source>
            <translation>harus true atau false</translation>
        </message>
        <message>
            <source>identitas penanda tangan</source>
            <translation>identitas penanda tangan</translation>
        </message>
        <message>
            <source>isian {{{name}}} tidak dikenal; yang dapat dipakai: {known}</source>
            <translation>isian {{{name}}} tidak dikenal; yang dapat dipakai: {known}</translation>
        </message>
        <message>
            <source>jenis isi</source>
            <translation>jenis isi</translation>
        </message>
        <message>
            <source>kode klasifikasi</source>
            <translation>kode klasifikasi</translation>
        </message>
        <message>
            <source>kode lama 78/2012, mengikuti {codes}</source>
            <translation>kode lama 78/2012, mengikuti {codes}</translation>
        </message>
        <message>
            <source>kode unit</source>
            <translation>kode unit</translation>
        </message>
        <message>
            <source>kosong.</source>
            <translation>kosong.</translation>
        </message>
        <message>
            <source>kunci tidak cocok dengan sertifikat</source>
            <translation>kunci tidak cocok dengan sertifikat</translation>
        </message>
        <message>
            <source>kurung kurawal tidak berpasangan (tulis {kecamatan} atau {kabupaten})</source>
            <translation>kurung kurawal tidak berpasangan (tulis {kecamatan} atau {kabupaten})</translation>
        </message>
        <message>
            <source>melebihi batas {m} MB.</source>
            <translation>melebihi batas {m} MB.</translation>
        </message>
        <message>
            <source>menunggu dikirim</source>
            <translation>menunggu dikirim</translation>
        </message>
        <message>
            <source>nomor urut</source>
            <translation>nomor urut</translation>
        </message>
        <message>
            <source>paling banyak {n} penanda tangan</source>
            <translation>paling banyak {n} penanda tangan</translation>
        </message>
        <message>
            <source>penerbit tidak dikenal</source>
            <translation>penerbit tidak dikenal</translation>
        </message>
        <message>
            <source>rusak</source>
            <translation>rusak</translation>
        </message>
        <message>
            <source>rusak atau terpotong (bukan PDF yang utuh). Pindai atau unduh ulang berkasnya.</source>
            <translation>rusak atau terpotong (bukan PDF yang utuh). Pindai atau unduh ulang berkasnya.</translation>
        </message>
        <message>
            <source>sertifikat dalam berkas kunci bukan sertifikat terbaru</source>
            <translation>sertifikat dalam berkas kunci bukan sertifikat terbaru</translation>
        </message>
        <message>
            <source>sertifikat jenis lain</source>
            <translation>sertifikat jenis lain</translation>
        </message>
        <message>
            <source>sertifikat rusak</source>
            <translation>sertifikat rusak</translation>
        </message>
        <message>
            <source>sertifikat {name}</source>
            <translation>sertifikat {name}</translation>
        </message>
        <message>
            <source>sisi {side} tidak dikenal; yang dapat dipakai: {known}</source>
            <translation>sisi {side} tidak dikenal; yang dapat dipakai: {known}</translation>
        </message>
        <message>
            <source>struktur CMS</source>
            <translation>struktur CMS</translation>
        </message>
        <message>
            <source>surat berkode {c}</source>
            <translation>surat berkode {c}</translation>
        </message>
        <message>
            <source>tabel</source>
            <translation>tabel</translation>
        </message>
        <message>
            <source>tahun</source>
            <translation>tahun</translation>
        </message>
        <message>
            <source>teks dalam tanda kutip</source>
            <translation>teks dalam tanda kutip</translation>
        </message>
        <message>
            <source>tepercaya</source>
            <translation>tepercaya</translation>
        </message>
        <message>
            <source>terkirim</source>
            <translation>terkirim</translation>
        </message>
        <message>
            <source>tidak boleh kosong</source>
            <translation>tidak boleh kosong</translation>
        </message>
        <message>
            <source>tidak dapat dibaca (sudah dipindah atau dihapus?).</source>
            <translation>tidak dapat dibaca (sudah dipindah atau dihapus?).</translation>
        </message>
        <message>
            <source>tidak dapat dibaca: {e}</source>
            <translation>tidak dapat dibaca: {e}</translation>
        </message>
        <message>
            <source>token tidak ada di keyring</source>
            <translation>token tidak ada di keyring</translation>
        </message>
        <message>
            <source>true/false</source>
            <translation>true/false</translation>
        </message>
        <message>
            <source>versi SignedData</source>
            <translation>versi SignedData</translation>
        </message>
        <message>
            <source>versi SignerInfo</source>
            <translation>versi SignerInfo</translation>
        </message>
        <message>
            <source>{f} bukan berkas isian SRIKANDI (JSON) yang terbaca.</source>
            <translation>{f} bukan berkas isian SRIKANDI (JSON) yang terbaca.</translation>
        </message>
        <message>
            <source>{f} bukan lembar kerja yang dapat dibaca. Simpan buku agenda sebagai .xlsx, .xls atau .csv lalu coba lagi.</source>
            <translation>{f} bukan lembar kerja yang dapat dibaca. Simpan buku agenda sebagai .xlsx, .xls atau .csv lalu coba lagi.</translation>
        </message>
        <message>
            <source>{f} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File &gt; Info &gt; Protect Workbook), simpan, lalu impor lagi.</source>
            <translation>{f} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File &gt; Info &gt; Protect Workbook), simpan, lalu impor lagi.</translation>
        </message>
        <message>
            <source>{f} rusak atau bukan berkas Excel yang utuh ({e}).</source>
            <translation>{f} rusak atau bukan berkas Excel yang utuh ({e}).</translation>
        </message>
        <message>
            <source>{f} tidak berisi isian naskah.</source>
            <translation>{f} tidak berisi isian naskah.</translation>
        </message>
        <message>
            <source>{key}: harus berupa bagian [{key}] dengan kunci-kuncinya</source>
            <translation>{key}: harus berupa bagian [{key}] dengan kunci-kuncinya</translation>
        </message>
        <message>
            <source>{k} harus berupa tabel [{k}].</source>
            <translation>{k} harus berupa tabel [{k}].</translation>
        </message>
        <message>
            <source>{k} harus berupa {want}, bukan {got}.</source>
            <translation>{k} harus berupa {want}, bukan {got}.</translation>
        </message>
        <message>
            <source>{k}, bertanda waktu {t}</source>
            <translation>{k}, bertanda waktu {t}</translation>
        </message>
        <message>
            <source>{k}, menunggu cap waktu server</source>
            <translation>{k}, menunggu cap waktu server</translation>
        </message>
        <message>
            <source>{label}: {t} oleh {tsa} ({s}).</source>
            <translation>{label}: {t} oleh {tsa} ({s}).</translation>
        </message>
        <message>
            <source>{n} jam</source>
            <translation>{n} jam</translation>
        </message>
        <message>
            <source>{n} menit</source>
            <translation>{n} menit</translation>
        </message>
        <message>
            <source>{n} perubahan menunggu</source>
            <translation>{n} perubahan menunggu</translation>
        </message>
        <message>
            <source>{side} harus angka antara {low} dan {high} (mm), bukan {value}</source>
            <translation>{side} harus angka antara {low} dan {high} (mm), bukan {value}</translation>
        </message>
        <message>
            <source>{start} s.d. {end}</source>
            <translation>{start} s.d. {end}</translation>
        </message>
        <message>
            <source>{value} tidak dikenal; yang dapat dipakai: {choices}</source>
            <translation>{value} tidak dikenal; yang dapat dipakai: {choices}</translation>
        </message>
        <message>
            <source>{what} harus antara 0 dan {n} tahun.</source>
            <translation>{what} harus antara 0 dan {n} tahun.</translation>
        </message>
        <message>
            <source>{what} tidak ditemukan.</source>
            <translation>{what} tidak ditemukan.</translation>
        </message>
        <message>
            <source>{what}, nomor {n}</source>
            <translation>{what}, nomor {n}</translation>
        </message>
    </context>
    <context>
        <name>numbers_left</name>
        <message>
            <source>Belum ada blok nomor</source>
            <translation>Belum ada blok nomor</translation>
        </message>
        <message>
            <source>Data PC ini dipulihkan dari cadangan: blok nomornya baru berlaku lagi setelah sinkronisasi.</source>
            <translation>Data PC ini dipulihkan dari cadangan: blok nomornya baru berlaku lagi setelah sinkronisasi.</translation>
        </message>
        <message>
            <source>Diminta {n} nomor per seri pada sinkronisasi berikutnya.</source>
            <translation>Diminta {n} nomor per seri pada sinkronisasi berikutnya.</translation>
        </message>
        <message>
            <source>Nomor habis - sinkronkan</source>
            <translation>Nomor habis - sinkronkan</translation>
        </message>
        <message>
            <source>Nomor hampir habis: {n} tersisa</source>
            <translation>Nomor hampir habis: {n} tersisa</translation>
        </message>
        <message>
            <source>Nomor tersisa: {n}</source>
            <translation>Nomor tersisa: {n}</translation>
        </message>
        <message>
            <source>Nomor: tunggu sinkronisasi</source>
            <translation>Nomor: tunggu sinkronisasi</translation>
        </message>
        <message>
            <source>Siapkan &amp;nomor untuk luring...</source>
            <translation>Siapkan &amp;nomor untuk luring...</translation>
        </message>
        <message>
            <source>Sinkronkan sebelum nomor habis; tanpa nomor, surat tidak dapat ditandatangani atau dicatat.</source>
            <translation>Sinkronkan sebelum nomor habis; tanpa nomor, surat tidak dapat ditandatangani atau dicatat.</translation>
        </message>
        <message>
            <source>{series}: {n} nomor tersisa</source>
            <translation>{series}: {n} nomor tersisa</translation>
        </message>
    </context>
    <context>
        <name>ops</name>
        <message>
            <source>Tidak dapat dilanjutkan</source>
            <translation>Tidak dapat dilanjutkan</translation>
        </message>
    </context>
    <context>
        <name>retention</name>
        <message>
            <source>JRA lewat padanan 83/2022</source>
            <translation>JRA lewat padanan 83/2022</translation>
        </message>
        <message>
            <source>aturan kantor</source>
            <translation>aturan kantor</translation>
        </message>
    </context>
    <context>
        <name>review_dialogs</name>
        <message>
            <source>Batalkan nomor</source>
            <translation>Batalkan nomor</translation>
        </message>
        <message>
            <source>Kembalikan</source>
            <translation>Kembalikan</translation>
        </message>
        <message>
            <source>Kembalikan ke pengonsep</source>
            <translation>Kembalikan ke pengonsep</translation>
        </message>
        <message>
            <source>Nomor {n} akan dibatalkan dan tidak akan dipakai lagi; naskahnya menjadi batal. Tulis alasan pembatalan (tercatat di register).</source>
            <translation>Nomor {n} akan dibatalkan dan tidak akan dipakai lagi; naskahnya menjadi batal. Tulis alasan pembatalan (tercatat di register).</translation>
        </message>
        <message>
            <source>Tulis apa yang perlu diperbaiki. Catatan ini tampil di atas naskah ketika pengonsep membukanya.</source>
            <translation>Tulis apa yang perlu diperbaiki. Catatan ini tampil di atas naskah ketika pengonsep membukanya.</translation>
        </message>
        <message>
            <source>{action} (Ctrl+Enter)</source>
            <translation>{action} (Ctrl+Enter)</translation>
        </message>
    </context>
    <context>
        <name>signing_dialogs</name>
        <message>
            <source>Pengaturan TTE BSrE...</source>
            <translation>Pengaturan TTE BSrE...</translation>
        </message>
        <message>
            <source>Sertifikat TTE saya...</source>
            <translation>Sertifikat TTE saya...</translation>
        </message>
    </context>
    <context>
        <name>store_health</name>
        <message>
            <source>Ada cadangan yang baik dari {when}. Naskah dapat memulihkannya sekarang. Berkas yang rusak tidak dihapus: berkas itu disimpan di folder data dengan akhiran ".rusak" untuk diperiksa petugas TI. Perubahan sesudah {when} tidak ada di cadangan ini.</source>
            <translation>Ada cadangan yang baik dari {when}. Naskah dapat memulihkannya sekarang. Berkas yang rusak tidak dihapus: berkas itu disimpan di folder data dengan akhiran ".rusak" untuk diperiksa petugas TI. Perubahan sesudah {when} tidak ada di cadangan ini.</translation>
        </message>
        <message>
            <source>Berkas data rusak</source>
            <translation>Berkas data rusak</translation>
        </message>
        <message>
            <source>Cadangan harian tidak dapat dibuat</source>
            <translation>Cadangan harian tidak dapat dibuat</translation>
        </message>
        <message>
            <source>Naskah menemukan kerusakan pada berkas data kantor: {problem}

Jangan lanjutkan bekerja dengan berkas ini.</source>
            <translation>Naskah menemukan kerusakan pada berkas data kantor: {problem}

Jangan lanjutkan bekerja dengan berkas ini.</translation>
        </message>
        <message>
            <source>PC ini terdaftar ke server: sinkronisasi berikutnya mengambil ulang dari server semua yang sudah dikirim kantor sejak cadangan itu.</source>
            <translation>PC ini terdaftar ke server: sinkronisasi berikutnya mengambil ulang dari server semua yang sudah dikirim kantor sejak cadangan itu.</translation>
        </message>
        <message>
            <source>Tidak ada salinan cadangan yang dapat dipulihkan. Jangan hapus folder data ({folder}); hubungi petugas TI kabupaten agar berkas ini diperiksa.</source>
            <translation>Tidak ada salinan cadangan yang dapat dipulihkan. Jangan hapus folder data ({folder}); hubungi petugas TI kabupaten agar berkas ini diperiksa.</translation>
        </message>
        <message>
            <source>Tutup Naskah dan pulihkan cadangan sekarang? Naskah terbuka lagi sesudahnya.</source>
            <translation>Tutup Naskah dan pulihkan cadangan sekarang? Naskah terbuka lagi sesudahnya.</translation>
        </message>
        <message>
            <source>{date} pukul {time}</source>
            <translation>{date} pukul {time}</translation>
        </message>
    </context>
</TS>
