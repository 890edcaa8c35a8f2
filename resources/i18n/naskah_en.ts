<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="id_ID">
    <context>
        <name>AddressOfficesDialog</name>
        <message>
            <source>Centang kantor tujuan. Surat dikirim lewat server pusat saat sudah ditandatangani secara elektronik dan PC ini tersinkron.</source>
            <translation>Tick the offices to send to. The letter is sent through the central server once it is signed electronically and this PC has synced.</translation>
        </message>
        <message>
            <source>Daftar kantor belum ada di PC ini: sinkronkan dengan server pusat dulu.</source>
            <translation>This PC has no list of offices yet: sync with the central server first.</translation>
        </message>
        <message>
            <source>Kirim ke Kantor Lain</source>
            <translation>Send to Another Office</translation>
        </message>
        <message>
            <source>Tujuan pengiriman disimpan.</source>
            <translation>Recipients saved.</translation>
        </message>
    </context>
    <context>
        <name>AdminPage</name>
        <message>
            <source>Administrator mengelola akun pegawai dan pengaturan kantor. Peran lain (pemaraf, agendaris, ...) dapat ditambahkan nanti di menu Pegawai.</source>
            <translation>The administrator manages staff accounts and the office settings. Other roles (reviewer, registrar, ...) can be added later under Staff.</translation>
        </message>
        <message>
            <source>Administrator pertama</source>
            <translation>First administrator</translation>
        </message>
        <message>
            <source>Saya juga menandatangani surat (peran Pena&amp;ndatangan)</source>
            <translation>I also sign letters (&amp;Signer role)</translation>
        </message>
        <message>
            <source>Saya juga menulis konsep surat (peran &amp;Pengonsep)</source>
            <translation>I also draft letters (&amp;Drafter role)</translation>
        </message>
    </context>
    <context>
        <name>AgendaImportDialog</name>
        <message>
            <source>&amp;Impor</source>
            <translation>&amp;Import</translation>
        </message>
        <message>
            <source>&amp;Lembar</source>
            <translation>&amp;Sheet</translation>
        </message>
        <message>
            <source>(tidak ada)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Baris</source>
            <translation>Row</translation>
        </message>
        <message>
            <source>Baris {n}: {reason}</source>
            <translation>Row {n}: {reason}</translation>
        </message>
        <message>
            <source>Batalkan &amp;Impor Ini</source>
            <translation>Undo This &amp;Import</translation>
        </message>
        <message>
            <source>Batalkan impor</source>
            <translation>Undo import</translation>
        </message>
        <message>
            <source>Belum ada berkas dipilih (.xlsx, .xls, .csv).</source>
            <translation>No file chosen yet (.xlsx, .xls, .csv).</translation>
        </message>
        <message>
            <source>Catatan: buku ini memuat surat tahun ini. Nomor agenda lama tetap seperti di buku; nomor agenda baru dari Naskah berjalan terus dari serinya sendiri.</source>
            <translation>Note: this book holds letters of this year. The old agenda numbers stay as in the book; new agenda numbers from Naskah go on from their own series.</translation>
        </message>
        <message>
            <source>Catatan: buku ini memuat surat tahun ini. Nomor surat lama tetap seperti di buku; nomor baru dari Naskah berjalan dari serinya sendiri dan tidak memperhitungkan nomor di buku ini.</source>
            <translation>Note: this book holds letters of this year. The old letter numbers stay as in the book; new numbers from Naskah continue from their own series and do not take the numbers in this book into account.</translation>
        </message>
        <message>
            <source>Hapus {n} surat dari impor ini dari register?</source>
            <translation>Remove the {n} letters of this import from the register?</translation>
        </message>
        <message>
            <source>Impor Buku Agenda Surat Keluar</source>
            <translation>Import Outgoing Agenda Book</translation>
        </message>
        <message>
            <source>Impor Buku Agenda Surat Masuk</source>
            <translation>Import Incoming Agenda Book</translation>
        </message>
        <message>
            <source>Impor dibatalkan: {n} surat dihapus.</source>
            <translation>Import undone: {n} letters removed.</translation>
        </message>
        <message>
            <source>Judul kolom di &amp;baris</source>
            <translation>Column titles in &amp;row</translation>
        </message>
        <message>
            <source>Lembar kerja (*.xlsx *.xls *.csv);;Semua berkas (*)</source>
            <translation>Spreadsheets (*.xlsx *.xls *.csv);;All files (*)</translation>
        </message>
        <message>
            <source>Masalah</source>
            <translation>Problem</translation>
        </message>
        <message>
            <source>Mengimpor buku agenda...</source>
            <translation>Importing the agenda book...</translation>
        </message>
        <message>
            <source>Pilih &amp;Berkas...</source>
            <translation>Choose &amp;File...</translation>
        </message>
        <message>
            <source>Pilih buku agenda</source>
            <translation>Choose the agenda book</translation>
        </message>
        <message>
            <source>Pilih kolom untuk: {f}.</source>
            <translation>Choose the column for: {f}.</translation>
        </message>
        <message>
            <source>Pratinjau {n} baris pertama dari {total} baris lembar ini: {ok} terbaca, {bad} bermasalah (tidak akan diimpor).</source>
            <translation>Preview of the first {n} rows of this sheet's {total}: {ok} readable, {bad} with problems (will not be imported).</translation>
        </message>
        <message>
            <source>{n} baris tidak diimpor:</source>
            <translation>{n} rows not imported:</translation>
        </message>
        <message>
            <source>{n} surat diimpor sebagai satu impor (dapat dibatalkan).</source>
            <translation>{n} letters imported as one import (can be undone).</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>Belum ada surat</source>
            <translation>No letters yet</translation>
        </message>
    </context>
    <context>
        <name>BerkasDialog</name>
        <message>
            <source>&amp;Kode</source>
            <translation>&amp;Code</translation>
        </message>
        <message>
            <source>&amp;Tahun</source>
            <translation>&amp;Year</translation>
        </message>
        <message>
            <source>Daftar Berkas</source>
            <translation>Files</translation>
        </message>
        <message>
            <source>Daftar isi berkas disimpan: {path}</source>
            <translation>File index saved: {path}</translation>
        </message>
        <message>
            <source>Daftar isi tidak dapat disimpan: {error}</source>
            <translation>The index could not be saved: {error}</translation>
        </message>
        <message>
            <source>Dari/Kepada</source>
            <translation>From/To</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Isi</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>Isi berkas:</source>
            <translation>Contents of the file:</translation>
        </message>
        <message>
            <source>Judul berkas</source>
            <translation>File title</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Kode klasifikasi, mis. 000.1</source>
            <translation>Classification code, e.g. 000.1</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Semua tahun</source>
            <translation>All years</translation>
        </message>
        <message>
            <source>Simpan &amp;daftar isi (PDF)...</source>
            <translation>Save the &amp;index (PDF)...</translation>
        </message>
        <message>
            <source>Simpan daftar isi berkas</source>
            <translation>Save the file index</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Tahun</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} letters</translation>
        </message>
    </context>
    <context>
        <name>BodyEditor</name>
        <message>
            <source>Daftar berbutir</source>
            <translation>Bulleted list</translation>
        </message>
        <message>
            <source>Daftar bernomor</source>
            <translation>Numbered list</translation>
        </message>
        <message>
            <source>Garis bawah (Ctrl+U)</source>
            <translation>Underline (Ctrl+U)</translation>
        </message>
        <message>
            <source>Miring (Ctrl+I)</source>
            <translation>Italic (Ctrl+I)</translation>
        </message>
        <message>
            <source>Sisipkan tabel sederhana (2 kolom)</source>
            <translation>Insert a simple table (2 columns)</translation>
        </message>
        <message>
            <source>Tabel</source>
            <translation>Table</translation>
        </message>
        <message>
            <source>Tebal (Ctrl+B)</source>
            <translation>Bold (Ctrl+B)</translation>
        </message>
    </context>
    <context>
        <name>BsreSettingsDialog</name>
        <message>
            <source>(tersimpan di keyring; isi untuk mengganti)</source>
            <translation>(stored in the keyring; fill in to replace)</translation>
        </message>
        <message>
            <source>Agar surat ber-TTE BSrE terperiksa sebagai terpercaya, pilih berkas sertifikat akar BSrE (.pem/.cer) dari BSrE/BSSN.</source>
            <translation>For letters signed with BSrE electronic signatures to verify as trusted, choose the BSrE root certificate file (.pem/.cer) from BSrE/BSSN.</translation>
        </message>
        <message>
            <source>Alamat dan akun klien diberikan BSrE/Diskominfo. Kata sandi klien disimpan di keyring sistem komputer ini, tidak di berkas.</source>
            <translation>The address and client account are issued by BSrE/Diskominfo. The client password is kept in this computer's system keyring, not in a file.</translation>
        </message>
        <message>
            <source>Alamat layanan</source>
            <translation>Service address</translation>
        </message>
        <message>
            <source>Dipercaya untuk pemeriksaan: {name}</source>
            <translation>Trusted for verification: {name}</translation>
        </message>
        <message>
            <source>ID klien</source>
            <translation>Client ID</translation>
        </message>
        <message>
            <source>Kata sandi klien</source>
            <translation>Client password</translation>
        </message>
        <message>
            <source>Pengaturan TTE BSrE</source>
            <translation>BSrE e-signature settings</translation>
        </message>
        <message>
            <source>Percayai sertifikat akar BSrE...</source>
            <translation>Trust the BSrE root certificate...</translation>
        </message>
        <message>
            <source>Sertifikat (*.pem *.cer *.crt)</source>
            <translation>Certificates (*.pem *.cer *.crt)</translation>
        </message>
        <message>
            <source>Sertifikat akar BSrE</source>
            <translation>BSrE root certificate</translation>
        </message>
    </context>
    <context>
        <name>BsreSignDialog</name>
        <message>
            <source>Antrekan</source>
            <translation>Queue</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Menandatangani lewat BSrE...</source>
            <translation>Signing through BSrE...</translation>
        </message>
        <message>
            <source>NIK</source>
            <translation>NIK (national ID number)</translation>
        </message>
        <message>
            <source>Naskah diantrekan untuk TTE BSrE; tandatangani saat tersambung.</source>
            <translation>The letter is queued for a BSrE e-signature; sign it when you are online.</translation>
        </message>
        <message>
            <source>Naskah ditandatangani dengan TTE BSrE, nomor {n}.</source>
            <translation>The letter was signed with a BSrE e-signature, number {n}.</translation>
        </message>
        <message>
            <source>Passphrase BSrE</source>
            <translation>BSrE passphrase</translation>
        </message>
        <message>
            <source>TTE BSrE</source>
            <translation>BSrE e-signature</translation>
        </message>
        <message>
            <source>Tanda tangan dengan sertifikat BSrE memerlukan sambungan internet. Ketik NIK dan passphrase BSrE Anda; keduanya hanya dipakai sekali dan tidak disimpan. Bila sedang luring, antrekan naskah ini dan tandatangani saat tersambung.</source>
            <translation>Signing with a BSrE certificate needs an internet connection. Type your NIK and BSrE passphrase; both are used once and not stored. When offline, queue this letter and sign it when you are connected.</translation>
        </message>
        <message>
            <source>Tandatangani sekarang</source>
            <translation>Sign now</translation>
        </message>
    </context>
    <context>
        <name>ClassificationDialog</name>
        <message>
            <source>Kode atau kata pada judul</source>
            <translation>Code or a word of the title</translation>
        </message>
        <message>
            <source>Pilih</source>
            <translation>Choose</translation>
        </message>
        <message>
            <source>Pilih kode klasifikasi</source>
            <translation>Choose a classification code</translation>
        </message>
    </context>
    <context>
        <name>ClassificationPicker</name>
        <message>
            <source>Cari kode klasifikasi menurut judulnya</source>
            <translation>Search classification codes by title</translation>
        </message>
        <message>
            <source>Cari...</source>
            <translation>Search...</translation>
        </message>
        <message>
            <source>Ketik kode atau kata, misalnya 000.1.5 atau undangan</source>
            <translation>Type a code or a word, e.g. 000.1.5 or undangan</translation>
        </message>
        <message>
            <source>Kode belum dikenal: pilih dari daftar.</source>
            <translation>Unknown code: choose one from the list.</translation>
        </message>
        <message>
            <source>{title} — kode lama (2012), tidak dipakai untuk surat keluar.</source>
            <translation>{title} — old code (2012), not used for outgoing letters.</translation>
        </message>
    </context>
    <context>
        <name>ConflictPanel</name>
        <message>
            <source>Diubah di dua tempat sekaligus.</source>
            <translation>Changed in two places at once.</translation>
        </message>
        <message>
            <source>Hasil</source>
            <translation>Result</translation>
        </message>
        <message>
            <source>Kolom</source>
            <translation>Field</translation>
        </message>
        <message>
            <source>Versi PC ini</source>
            <translation>This PC's version</translation>
        </message>
        <message>
            <source>Versi server</source>
            <translation>Server's version</translation>
        </message>
    </context>
    <context>
        <name>ConflictsDialog</name>
        <message>
            <source>Data ini diubah di dua PC sebelum sempat disinkronkan. Pilih nilai yang benar untuk setiap kolom (atau ubah hasilnya), lalu simpan.</source>
            <translation>This record was changed on two PCs before they could sync. Choose the right value for each field (or edit the result), then save.</translation>
        </message>
        <message>
            <source>Konflik sinkronisasi</source>
            <translation>Sync conflicts</translation>
        </message>
        <message>
            <source>Simpan penyelesaian</source>
            <translation>Save resolution</translation>
        </message>
        <message>
            <source>Tidak ada konflik yang terbuka.</source>
            <translation>There are no open conflicts.</translation>
        </message>
    </context>
    <context>
        <name>CrashDialog</name>
        <message>
            <source>Naskah mengalami kesalahan yang tidak terduga. Data yang sudah tersimpan aman.
Salin laporan di bawah ini dan kirimkan kepada petugas TI.</source>
            <translation>Naskah ran into an unexpected error. Data already saved is safe.
Copy the report below and send it to the IT officer.</translation>
        </message>
        <message>
            <source>Salin laporan</source>
            <translation>Copy report</translation>
        </message>
        <message>
            <source>Terjadi kesalahan program</source>
            <translation>A program error occurred</translation>
        </message>
    </context>
    <context>
        <name>DashboardPage</name>
        <message>
            <source>&amp;Muat ulang</source>
            <translation>&amp;Reload</translation>
        </message>
        <message>
            <source>Buku A&amp;genda...</source>
            <translation>A&amp;genda Book...</translation>
        </message>
        <message>
            <source>Cetak atau ekspor buku agenda surat masuk/keluar</source>
            <translation>Print or export the agenda book of incoming/outgoing letters</translation>
        </message>
        <message>
            <source>Dasbor</source>
            <translation>Dashboard</translation>
        </message>
        <message>
            <source>Dasbor — {month}</source>
            <translation>Dashboard — {month}</translation>
        </message>
        <message>
            <source>Disposisi belum selesai</source>
            <translation>Open dispositions</translation>
        </message>
        <message>
            <source>Disposisi terlambat</source>
            <translation>Overdue dispositions</translation>
        </message>
        <message>
            <source>Menurut klasifikasi</source>
            <translation>By classification</translation>
        </message>
        <message>
            <source>Surat keluar bulan ini</source>
            <translation>Outgoing letters this month</translation>
        </message>
        <message>
            <source>Surat keluar menurut jenis naskah</source>
            <translation>Outgoing letters by type</translation>
        </message>
        <message>
            <source>Surat keluar {year} menurut jenis naskah</source>
            <translation>Outgoing letters {year} by type</translation>
        </message>
        <message>
            <source>Surat masuk bulan ini</source>
            <translation>Incoming letters this month</translation>
        </message>
        <message>
            <source>Surat masuk dan keluar {year} menurut klasifikasi</source>
            <translation>Incoming and outgoing letters {year} by classification</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Letter list</translation>
        </message>
    </context>
    <context>
        <name>DeliveryInbox</name>
        <message>
            <source>Ca&amp;tat Surat Kiriman</source>
            <translation>Regis&amp;ter Delivered Letter</translation>
        </message>
        <message>
            <source>Surat kiriman dari kantor lain: {n}</source>
            <translation>Letters delivered by other offices: {n}</translation>
        </message>
        <message>
            <source>Tanda tangan: {v}</source>
            <translation>Signature: {v}</translation>
        </message>
    </context>
    <context>
        <name>DispositionDialog</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Batas waktu</source>
            <translation>Due date</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Disposisi</source>
            <translation>Disposition</translation>
        </message>
        <message>
            <source>Diteruskan kepada</source>
            <translation>Forward to</translation>
        </message>
        <message>
            <source>Instruksi</source>
            <translation>Instructions</translation>
        </message>
        <message>
            <source>Instruksi lain (boleh kosong)</source>
            <translation>Other instruction (may be empty)</translation>
        </message>
        <message>
            <source>Kirim Disposisi</source>
            <translation>Send Disposition</translation>
        </message>
        <message>
            <source>Teruskan Disposisi</source>
            <translation>Forward Disposition</translation>
        </message>
    </context>
    <context>
        <name>DuplicateDialog</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Catat Terpisah</source>
            <translation>Register Separately</translation>
        </message>
        <message>
            <source>Catat dan Tautkan</source>
            <translation>Register and Link</translation>
        </message>
        <message>
            <source>Kemungkinan surat ganda</source>
            <translation>Possible duplicate letter</translation>
        </message>
        <message>
            <source>Surat ini mungkin sudah dicatat sebelumnya. Tautkan ke surat yang lama, catat sebagai surat terpisah, atau kembali untuk memeriksa isian.</source>
            <translation>This letter may have been registered before. Link it to the earlier letter, register it as a separate letter, or go back to check the entries.</translation>
        </message>
        <message>
            <source>pengirim dan nomor sama</source>
            <translation>same sender and number</translation>
        </message>
        <message>
            <source>pindaian sama</source>
            <translation>same scan</translation>
        </message>
    </context>
    <context>
        <name>EditorPage</name>
        <message>
            <source>&amp;Kirim...</source>
            <translation>&amp;Send...</translation>
        </message>
        <message>
            <source>Dikembalikan</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Dikembalikan dengan catatan: {note}</source>
            <translation>Returned with a note: {note}</translation>
        </message>
        <message>
            <source>Kirim untuk paraf dan tanda tangan (Ctrl+Enter)</source>
            <translation>Send for initials and signature (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Riwayat &amp;revisi</source>
            <translation>&amp;Revision history</translation>
        </message>
        <message>
            <source>Simpan dan kembali ke daftar (Esc)</source>
            <translation>Save and go back to the list (Esc)</translation>
        </message>
        <message>
            <source>Tersimpan</source>
            <translation>Saved</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Letter list</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>Frasa sandi</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Frasa sandi cukup kuat.</source>
            <translation>The passphrase is strong enough.</translation>
        </message>
        <message>
            <source>Kedua frasa sandi tidak sama.</source>
            <translation>The two passphrases differ.</translation>
        </message>
        <message>
            <source>Membuat kunci tanda tangan...</source>
            <translation>Making the signing key...</translation>
        </message>
        <message>
            <source>Minta sertifikat ke server</source>
            <translation>Request a certificate from the server</translation>
        </message>
        <message>
            <source>Permintaan sertifikat disiapkan. Buat bundel (Sinkronisasi &gt; Ekspor bundel), bawa ke server, lalu impor balasannya.</source>
            <translation>The certificate request is ready. Make a bundle (Sync &gt; Export bundle), take it to the server, then import the reply.</translation>
        </message>
        <message>
            <source>Pilih frasa sandi untuk kunci tanda tangan Anda: paling sedikit {n} karakter, mudah Anda ingat, sulit ditebak orang lain. Frasa sandi tidak disimpan di mana pun; bila lupa, daftarkan ulang.</source>
            <translation>Choose a passphrase for your signing key: at least {n} characters, easy for you to remember, hard for others to guess. The passphrase is not stored anywhere; if you forget it, enrol again.</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan elektronik</source>
            <translation>Electronic signature certificate</translation>
        </message>
        <message>
            <source>Siapkan untuk bundel</source>
            <translation>Prepare for a bundle</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Ulangi</source>
            <translation>Repeat</translation>
        </message>
    </context>
    <context>
        <name>EnrolFields</name>
        <message>
            <source>Alamat server</source>
            <translation>Server address</translation>
        </message>
        <message>
            <source>Isi alamat server, kode kantor, dan kode pendaftaran.</source>
            <translation>Fill in the server address, office code and enrolment code.</translation>
        </message>
        <message>
            <source>Kode kantor</source>
            <translation>Office code</translation>
        </message>
        <message>
            <source>Kode pendaftaran</source>
            <translation>Enrolment code</translation>
        </message>
        <message>
            <source>Sidik jari akar</source>
            <translation>Root fingerprint</translation>
        </message>
        <message>
            <source>Sidik jari sertifikat akar yang dicetak bersama kode pendaftaran server kantor. Kosongkan bila mendaftar ke server pusat.</source>
            <translation>The root certificate fingerprint printed with the office server's enrolment code. Leave it empty when enrolling with the central server.</translation>
        </message>
        <message>
            <source>hanya untuk server kantor, mis. 3F2A-9C1B-...</source>
            <translation>office server only, e.g. 3F2A-9C1B-...</translation>
        </message>
    </context>
    <context>
        <name>FileLetterDialog</name>
        <message>
            <source>&amp;Berkas</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>+ Berkas baru</source>
            <translation>+ New file</translation>
        </message>
        <message>
            <source>Berkas&amp;kan</source>
            <translation>Fi&amp;le it</translation>
        </message>
        <message>
            <source>Berkaskan Surat</source>
            <translation>File a Letter</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Kind</translation>
        </message>
        <message>
            <source>Judul berkas baru</source>
            <translation>New file title</translation>
        </message>
        <message>
            <source>Keluar</source>
            <translation>Outgoing</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Masuk</source>
            <translation>Incoming</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Surat diberkaskan.</source>
            <translation>Letter filed.</translation>
        </message>
        <message>
            <source>Surat selesai yang belum diberkaskan:</source>
            <translation>Finished letters not yet filed:</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Tidak ada surat yang menunggu diberkaskan.</source>
            <translation>No letter is waiting to be filed.</translation>
        </message>
    </context>
    <context>
        <name>FileOneLetterDialog</name>
        <message>
            <source>&amp;Berkas</source>
            <translation>&amp;File</translation>
        </message>
        <message>
            <source>&amp;Judul berkas baru</source>
            <translation>&amp;Title of the new file</translation>
        </message>
        <message>
            <source>Berkaskan Surat</source>
            <translation>File Letter</translation>
        </message>
        <message>
            <source>Klasifikasi {code}, tahun {year}</source>
            <translation>Classification {code}, year {year}</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Letter</translation>
        </message>
    </context>
    <context>
        <name>FilterBar</name>
        <message>
            <source>Awal kode klasifikasi, misalnya 400 atau 000.1</source>
            <translation>Start of a classification code, e.g. 400 or 000.1</translation>
        </message>
        <message>
            <source>Cari nomor, hal, tujuan atau isi surat...</source>
            <translation>Search number, subject, addressee or text...</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Semua jenis</source>
            <translation>All types</translation>
        </message>
        <message>
            <source>Semua status</source>
            <translation>All statuses</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>to</translation>
        </message>
    </context>
    <context>
        <name>FinishPage</name>
        <message>
            <source>Isi dengan data contoh untuk latihan</source>
            <translation>Fill with sample data for practice</translation>
        </message>
        <message>
            <source>Kantor: Kecamatan {kec}, Kabupaten {kab}
Kertas: {paper}
Administrator: {name} (nama pengguna: {user})
Peran: {roles}</source>
            <translation>Office: Kecamatan {kec}, Kabupaten {kab}
Paper: {paper}
Administrator: {name} (user name: {user})
Roles: {roles}</translation>
        </message>
        <message>
            <source>Menambahkan pegawai contoh (nama pengguna {names}; kata sandi semuanya: {pw}) dan surat contoh dalam berbagai tahap. Pakai hanya di komputer latihan, bukan untuk surat resmi.</source>
            <translation>Adds sample staff (user names {names}; all passwords: {pw}) and sample letters at various stages. Use only on a practice computer, never for official letters.</translation>
        </message>
        <message>
            <source>Periksa ringkasan di bawah, lalu tekan Selesai.</source>
            <translation>Check the summary below, then press Finish.</translation>
        </message>
        <message>
            <source>Siap disimpan</source>
            <translation>Ready to save</translation>
        </message>
    </context>
    <context>
        <name>HandoffDialog</name>
        <message>
            <source>&amp;Simpan Berkas...</source>
            <translation>&amp;Save Files...</translation>
        </message>
        <message>
            <source>(belum bernomor)</source>
            <translation>(not numbered yet)</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Nomor/ID naskah dari SRIKANDI</source>
            <translation>Document number/ID from SRIKANDI</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>R&amp;eferensi SRIKANDI</source>
            <translation>SRIKANDI r&amp;eference</translation>
        </message>
        <message>
            <source>Referensi SRIKANDI disimpan: {r}</source>
            <translation>SRIKANDI reference saved: {r}</translation>
        </message>
        <message>
            <source>Serahkan ke SRIKANDI</source>
            <translation>Hand Off to SRIKANDI</translation>
        </message>
        <message>
            <source>Simpan &amp;Referensi</source>
            <translation>Save &amp;Reference</translation>
        </message>
        <message>
            <source>Simpan PDF surat beserta isiannya (JSON) dan berkas .docx berformat templat SRIKANDI, lalu unggah ke SRIKANDI. Surat yang belum bernomor membawa isian ${nomor_naskah}, ${tanggal_naskah} dan ${ttd_pengirim} untuk diisi SRIKANDI.</source>
            <translation>Save the letter's PDF with its fields (JSON) and a .docx in SRIKANDI's template layout, then upload them to SRIKANDI. A letter not numbered yet carries the fields ${nomor_naskah}, ${tanggal_naskah} and ${ttd_pengirim} for SRIKANDI to fill.</translation>
        </message>
        <message>
            <source>Simpan berkas untuk SRIKANDI</source>
            <translation>Save files for SRIKANDI</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Tersimpan: {pdf}, {json}, {docx} di {folder}</source>
            <translation>Saved: {pdf}, {json}, {docx} in {folder}</translation>
        </message>
    </context>
    <context>
        <name>HubAddressBox</name>
        <message>
            <source>Alamat disimpan, tetapi server kantor belum dapat dipakai: {reason} Sampai server kantor menjawab, PC ini sinkron langsung dengan server pusat.</source>
            <translation>Address saved, but the office server cannot be used yet: {reason} Until the office server answers, this PC syncs directly with the central server.</translation>
        </message>
        <message>
            <source>Alamat disimpan. Memeriksa server kantor...</source>
            <translation>Address saved. Checking the office server...</translation>
        </message>
        <message>
            <source>Alamat server kantor</source>
            <translation>Office server address</translation>
        </message>
        <message>
            <source>Alamat server kantor dihapus: PC ini sinkron dengan server pusat.</source>
            <translation>Office server address removed: this PC syncs with the central server.</translation>
        </message>
        <message>
            <source>Alamat tidak dapat disimpan: {e}</source>
            <translation>The address cannot be saved: {e}</translation>
        </message>
        <message>
            <source>Cari server kantor</source>
            <translation>Find office server</translation>
        </message>
        <message>
            <source>Isi sekali di setiap PC. PC ini sinkron lewat server kantor saat server itu menjawab, dan dengan server pusat saat tidak. Kosong: selalu server pusat.</source>
            <translation>Enter once on each PC. This PC syncs through the office server when it answers, and with the central server when it does not. Empty: always the central server.</translation>
        </message>
        <message>
            <source>Mencari server kantor di jaringan ini...</source>
            <translation>Looking for the office server on this network...</translation>
        </message>
        <message>
            <source>Pencarian gagal: {e}</source>
            <translation>The search failed: {e}</translation>
        </message>
        <message>
            <source>Pilih server kantor (Enter atau klik dua kali) untuk menyimpannya. PC ini tetap memeriksa sertifikatnya sebelum memakainya.</source>
            <translation>Choose the office server (Enter or double-click) to save it. This PC still checks its certificate before using it.</translation>
        </message>
        <message>
            <source>Server kantor (jaringan lokal)</source>
            <translation>Office server (local network)</translation>
        </message>
        <message>
            <source>Server kantor menjawab. PC ini sinkron lewat server kantor.</source>
            <translation>The office server answers. This PC syncs through the office server.</translation>
        </message>
        <message>
            <source>Server kantor yang ditemukan</source>
            <translation>Office servers found</translation>
        </message>
        <message>
            <source>Simpan alamat server kantor</source>
            <translation>Save office server address</translation>
        </message>
        <message>
            <source>Sinkron terakhir lewat</source>
            <translation>Last synced through</translation>
        </message>
        <message>
            <source>Tidak ada server kantor yang ditemukan di jaringan ini. Isi alamatnya sendiri (tanyakan kepada administrator).</source>
            <translation>No office server was found on this network. Enter its address yourself (ask the administrator).</translation>
        </message>
        <message>
            <source>belum pernah</source>
            <translation>never</translation>
        </message>
        <message>
            <source>server kantor</source>
            <translation>office server</translation>
        </message>
        <message>
            <source>server pusat</source>
            <translation>central server</translation>
        </message>
    </context>
    <context>
        <name>ImportBatchesDialog</name>
        <message>
            <source>&amp;Batalkan Impor</source>
            <translation>&amp;Undo Import</translation>
        </message>
        <message>
            <source>Batalkan Impor Buku Agenda</source>
            <translation>Undo Agenda Book Import</translation>
        </message>
        <message>
            <source>Impor yang suratnya masih ada di register:</source>
            <translation>Imports whose letters are still in the register:</translation>
        </message>
        <message>
            <source>{at}: {n} surat keluar, tahun {y}</source>
            <translation>{at}: {n} outgoing letters, year {y}</translation>
        </message>
        <message>
            <source>{at}: {n} surat, tahun {y}</source>
            <translation>{at}: {n} letters, year {y}</translation>
        </message>
    </context>
    <context>
        <name>IncomingDesk</name>
        <message>
            <source>Daftar Pengirim...</source>
            <translation>Sender list...</translation>
        </message>
        <message>
            <source>Instruksi Disposisi...</source>
            <translation>Disposition instructions...</translation>
        </message>
        <message>
            <source>terlambat</source>
            <translation>overdue</translation>
        </message>
    </context>
    <context>
        <name>IncomingListModel</name>
        <message>
            <source>Agenda</source>
            <translation>Agenda no.</translation>
        </message>
        <message>
            <source>Batas Waktu</source>
            <translation>Due Date</translation>
        </message>
        <message>
            <source>Disposisi ini melewati batas waktu</source>
            <translation>This disposition is past its due date</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Nomor Surat</source>
            <translation>Letter Number</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>terlambat</source>
            <translation>overdue</translation>
        </message>
    </context>
    <context>
        <name>IncomingPage</name>
        <message>
            <source>+ Catat Surat Masuk...</source>
            <translation>+ Register Incoming Letter...</translation>
        </message>
        <message>
            <source>Awal kode klasifikasi, misalnya 400 atau 474</source>
            <translation>Start of a classification code, e.g. 400 or 474</translation>
        </message>
        <message>
            <source>Cari agenda, pengirim, nomor atau hal...</source>
            <translation>Search agenda no., sender, number or subject...</translation>
        </message>
        <message>
            <source>Disimpan ke {p}</source>
            <translation>Saved to {p}</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Hanya yang terlambat</source>
            <translation>Overdue only</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Lembar Disposisi Kosong...</source>
            <translation>Blank Disposition Sheet...</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Semua sifat</source>
            <translation>Any nature</translation>
        </message>
        <message>
            <source>Simpan lembar disposisi kosong</source>
            <translation>Save a blank disposition sheet</translation>
        </message>
        <message>
            <source>Surat masuk dicatat dengan nomor agenda {a}/{y}.</source>
            <translation>The incoming letter was registered with agenda number {a}/{y}.</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>to</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} letters</translation>
        </message>
    </context>
    <context>
        <name>IncomingView</name>
        <message>
            <source>  Hasil: {r}</source>
            <translation>  Result: {r}</translation>
        </message>
        <message>
            <source> (batas {d})</source>
            <translation> (due {d})</translation>
        </message>
        <message>
            <source> · terlambat</source>
            <translation> · overdue</translation>
        </message>
        <message>
            <source>&amp;Berkaskan...</source>
            <translation>&amp;File...</translation>
        </message>
        <message>
            <source>(dari buku agenda yang diimpor)</source>
            <translation>(from an imported agenda book)</translation>
        </message>
        <message>
            <source>Alur disposisi</source>
            <translation>Disposition trail</translation>
        </message>
        <message>
            <source>Balas</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Batalkan Disposisi</source>
            <translation>Cancel Disposition</translation>
        </message>
        <message>
            <source>Batalkan Nomor Agenda...</source>
            <translation>Void Agenda Number...</translation>
        </message>
        <message>
            <source>Batalkan disposisi</source>
            <translation>Cancel disposition</translation>
        </message>
        <message>
            <source>Batalkan disposisi kepada {n}? Penerima belum membacanya.</source>
            <translation>Cancel the disposition to {n}? The recipient has not read it yet.</translation>
        </message>
        <message>
            <source>Belum diberkaskan</source>
            <translation>Not filed yet</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Berkas tidak tersimpan</source>
            <translation>File not saved</translation>
        </message>
        <message>
            <source>Berkaskan surat ini (Alt+B)</source>
            <translation>File this letter (Alt+B)</translation>
        </message>
        <message>
            <source>Catatan Tindak Lanjut...</source>
            <translation>Follow-up Note...</translation>
        </message>
        <message>
            <source>Catatan tindak lanjut</source>
            <translation>Follow-up note</translation>
        </message>
        <message>
            <source>Catatan tindak lanjut disimpan.</source>
            <translation>The follow-up note was saved.</translation>
        </message>
        <message>
            <source>Cetak Lembar Disposisi...</source>
            <translation>Print Disposition Sheet...</translation>
        </message>
        <message>
            <source>Cetak Pindaian...</source>
            <translation>Print Scan...</translation>
        </message>
        <message>
            <source>Dilihat oleh {name}, {at}</source>
            <translation>Viewed by {name}, {at}</translation>
        </message>
        <message>
            <source>Disimpan ke {p}</source>
            <translation>Saved to {p}</translation>
        </message>
        <message>
            <source>Disposisi</source>
            <translation>Disposition</translation>
        </message>
        <message>
            <source>Disposisi dibatalkan.</source>
            <translation>The disposition was cancelled.</translation>
        </message>
        <message>
            <source>Disposisi dikirim.</source>
            <translation>The disposition was sent.</translation>
        </message>
        <message>
            <source>Disposisi diteruskan.</source>
            <translation>The disposition was forwarded.</translation>
        </message>
        <message>
            <source>Disposisi selesai.</source>
            <translation>The disposition was completed.</translation>
        </message>
        <message>
            <source>Disposisi...</source>
            <translation>Disposition...</translation>
        </message>
        <message>
            <source>Diterima</source>
            <translation>Received</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Hasil tindak lanjut:</source>
            <translation>Result of the follow-up:</translation>
        </message>
        <message>
            <source>ID SRIKANDI: {r}</source>
            <translation>SRIKANDI ID: {r}</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Laporkan perkembangan:</source>
            <translation>Report the progress:</translation>
        </message>
        <message>
            <source>Lembar Disposisi</source>
            <translation>Disposition Sheet</translation>
        </message>
        <message>
            <source>Lembar disposisi dicetak.</source>
            <translation>The disposition sheet was printed.</translation>
        </message>
        <message>
            <source>Nomor agenda</source>
            <translation>Agenda number</translation>
        </message>
        <message>
            <source>Nomor agenda dibatalkan.</source>
            <translation>Agenda number voided.</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Letter number</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>Pindaian dicetak.</source>
            <translation>The scan was printed.</translation>
        </message>
        <message>
            <source>Selesaikan disposisi</source>
            <translation>Complete the disposition</translation>
        </message>
        <message>
            <source>Selesaikan...</source>
            <translation>Complete...</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Simpan Lembar Disposisi...</source>
            <translation>Save Disposition Sheet...</translation>
        </message>
        <message>
            <source>Simpan Pindaian...</source>
            <translation>Save Scan...</translation>
        </message>
        <message>
            <source>Simpan lembar disposisi</source>
            <translation>Save the disposition sheet</translation>
        </message>
        <message>
            <source>Simpan pindaian</source>
            <translation>Save the scan</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Surat balasan</source>
            <translation>Reply letter</translation>
        </message>
        <message>
            <source>Surat diberkaskan dalam berkas {b}.</source>
            <translation>Letter filed in {b}.</translation>
        </message>
        <message>
            <source>Surat terkait</source>
            <translation>Related letters</translation>
        </message>
        <message>
            <source>Tanda tangan</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>Tanggal surat</source>
            <translation>Letter date</translation>
        </message>
        <message>
            <source>Teruskan...</source>
            <translation>Forward...</translation>
        </message>
        <message>
            <source>{n} pindaian menyusul (belum diunduh dari server).</source>
            <translation>{n} scans to follow (not yet downloaded from the server).</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Letter list</translation>
        </message>
    </context>
    <context>
        <name>InstructionsDialog</name>
        <message>
            <source>Instruksi Disposisi</source>
            <translation>Disposition Instructions</translation>
        </message>
        <message>
            <source>Nonaktifkan/Aktifkan</source>
            <translation>Deactivate/Activate</translation>
        </message>
        <message>
            <source>Tambah</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Teks instruksi, misalnya Segera laporkan</source>
            <translation>Instruction text, e.g. Segera laporkan</translation>
        </message>
        <message>
            <source>Ubah Teks</source>
            <translation>Edit Text</translation>
        </message>
        <message>
            <source>{t} (nonaktif)</source>
            <translation>{t} (inactive)</translation>
        </message>
    </context>
    <context>
        <name>JoinOfficeDialog</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Gabung</source>
            <translation>Join</translation>
        </message>
        <message>
            <source>Gabung ke kantor yang sudah ada</source>
            <translation>Join an existing office</translation>
        </message>
        <message>
            <source>Mendaftarkan PC dan mengunduh data kantor...</source>
            <translation>Enrolling this PC and downloading the office's data...</translation>
        </message>
        <message>
            <source>Minta alamat server, kode kantor, dan kode pendaftaran sekali pakai kepada administrator. Data kantor dan pegawai akan diunduh ke PC ini.</source>
            <translation>Ask the administrator for the server address, the office code and a one-time enrolment code. The office's data and staff will be downloaded to this PC.</translation>
        </message>
        <message>
            <source>Sinkronisasi pertama gagal</source>
            <translation>The first sync failed</translation>
        </message>
    </context>
    <context>
        <name>LanguageDialog</name>
        <message>
            <source>Bahasa</source>
            <translation>Language</translation>
        </message>
        <message>
            <source>Bahasa menu dan pesan di PC ini. Surat tetap dibuat dalam Bahasa Indonesia. Perubahan berlaku setelah Naskah dibuka ulang.</source>
            <translation>The language of menus and messages on this PC. Letters are still made in Bahasa Indonesia. The change takes effect when Naskah is opened again.</translation>
        </message>
        <message>
            <source>Bahasa tampilan</source>
            <translation>Display language</translation>
        </message>
        <message>
            <source>Pilihan bahasa tidak dapat disimpan di folder data ({e}).</source>
            <translation>The language choice cannot be saved in the data folder ({e}).</translation>
        </message>
    </context>
    <context>
        <name>LetterEditor</name>
        <message>
            <source>(langsung)</source>
            <translation>(direct)</translation>
        </message>
        <message>
            <source>- atau 1 (satu) berkas</source>
            <translation>- or 1 (one) file</translation>
        </message>
        <message>
            <source>Belum tersimpan</source>
            <translation>Not saved yet</translation>
        </message>
        <message>
            <source>Gagal menyimpan</source>
            <translation>Saving failed</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Isi surat</source>
            <translation>Letter text</translation>
        </message>
        <message>
            <source>Jabatan yang diwakili, mis. Camat Wamena</source>
            <translation>Position signed for, e.g. Camat Wamena</translation>
        </message>
        <message>
            <source>Jenis naskah</source>
            <translation>Letter type</translation>
        </message>
        <message>
            <source>Kepada</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Lampiran</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Menyimpan...</source>
            <translation>Saving...</translation>
        </message>
        <message>
            <source>Naskah belum lengkap</source>
            <translation>The letter is incomplete</translation>
        </message>
        <message>
            <source>Naskah dikirim kepada {who}.</source>
            <translation>The letter was sent to {who}.</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>Penerima tembusan</source>
            <translation>Copy recipient</translation>
        </message>
        <message>
            <source>Pokok surat, dengan Huruf Awal Kapital</source>
            <translation>What the letter is about, in Title Case</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Tambah tembusan</source>
            <translation>Add a copy recipient</translation>
        </message>
        <message>
            <source>Tambah tujuan</source>
            <translation>Add an addressee</translation>
        </message>
        <message>
            <source>Tembusan</source>
            <translation>Copies to</translation>
        </message>
        <message>
            <source>Tersimpan {t}</source>
            <translation>Saved {t}</translation>
        </message>
        <message>
            <source>Urgensi</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>Yth. (nama atau jabatan tujuan)</source>
            <translation>Yth. (name or position addressed)</translation>
        </message>
        <message>
            <source>a.n. / Plt. / Plh.</source>
            <translation>a.n. / Plt. / Plh.</translation>
        </message>
        <message>
            <source>a.n.: jabatan pimpinan yang diwakili. Plt./Plh.: jabatan yang dijabat, mis. Camat Wamena (kosong: jabatan penandatangan sendiri).</source>
            <translation>a.n.: the superior's position signed for. Plt./Plh.: the position held, e.g. Camat Wamena (empty: the signer's own position).</translation>
        </message>
        <message>
            <source>di (tempat)</source>
            <translation>di (place)</translation>
        </message>
        <message>
            <source>— pilih penandatangan —</source>
            <translation>— choose a signer —</translation>
        </message>
    </context>
    <context>
        <name>LetterListModel</name>
        <message>
            <source>(belum bernomor)</source>
            <translation>(no number yet)</translation>
        </message>
        <message>
            <source>Diubah</source>
            <translation>Changed</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Jenis</source>
            <translation>Type</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Kolom ini tidak dapat diurutkan</source>
            <translation>This column cannot be sorted</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Tujuan</source>
            <translation>Addressee</translation>
        </message>
    </context>
    <context>
        <name>LetterView</name>
        <message>
            <source>&amp;Berkaskan...</source>
            <translation>&amp;File...</translation>
        </message>
        <message>
            <source>&amp;Cetak...</source>
            <translation>&amp;Print...</translation>
        </message>
        <message>
            <source>&amp;Kembalikan...</source>
            <translation>&amp;Return...</translation>
        </message>
        <message>
            <source>&amp;Lampirkan Pindaian...</source>
            <translation>&amp;Attach Scan...</translation>
        </message>
        <message>
            <source>&amp;Paraf</source>
            <translation>&amp;Initial</translation>
        </message>
        <message>
            <source>(belum bernomor)</source>
            <translation>(no number yet)</translation>
        </message>
        <message>
            <source>(dari buku agenda yang diimpor)</source>
            <translation>(from an imported agenda book)</translation>
        </message>
        <message>
            <source>Batalkan &amp;Nomor...</source>
            <translation>Void &amp;Number...</translation>
        </message>
        <message>
            <source>Belum ada</source>
            <translation>None yet</translation>
        </message>
        <message>
            <source>Belum diberkaskan</source>
            <translation>Not filed yet</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Berkas tidak terbaca</source>
            <translation>File unreadable</translation>
        </message>
        <message>
            <source>Berkaskan surat yang sudah selesai (Alt+B)</source>
            <translation>File a finished letter (Alt+B)</translation>
        </message>
        <message>
            <source>Cetak naskah</source>
            <translation>Print letter</translation>
        </message>
        <message>
            <source>Cetak naskah (Ctrl+P)</source>
            <translation>Print the letter (Ctrl+P)</translation>
        </message>
        <message>
            <source>Cetak sekarang untuk ditandatangani dan dicap?</source>
            <translation>Print now to sign and stamp?</translation>
        </message>
        <message>
            <source>Dengan menandatangani, nomor surat diterbitkan sekarang dan naskah menjadi final: isinya tidak dapat diubah lagi. Sesudah itu cetak naskah, tanda tangani dan cap, lalu lampirkan pindaiannya.

Tandatangani naskah ini sekarang?</source>
            <translation>Signing issues the letter's number now and makes the letter final: its text can no longer be changed. Then print the letter, sign and stamp it, and attach its scan.

Sign this letter now?</translation>
        </message>
        <message>
            <source>Di tangan</source>
            <translation>With</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Kembali ke daftar (Esc)</source>
            <translation>Back to the list (Esc)</translation>
        </message>
        <message>
            <source>Kepada</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Kirim ke Kantor &amp;Lain...</source>
            <translation>Send to Another &amp;Office...</translation>
        </message>
        <message>
            <source>Kirim ke kantor</source>
            <translation>Sent to offices</translation>
        </message>
        <message>
            <source>Kirim surat bertanda tangan elektronik ke kantor lain lewat server pusat</source>
            <translation>Send an electronically signed letter to another office through the central server</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Lampiran menyusul</source>
            <translation>Attachment to follow</translation>
        </message>
        <message>
            <source>Lampiran menyusul (belum diunduh dari server)</source>
            <translation>Attachment to follow (not yet downloaded from the server)</translation>
        </message>
        <message>
            <source>Menandatangani dan membuat PDF...</source>
            <translation>Signing and making the PDF...</translation>
        </message>
        <message>
            <source>Naskah dikembalikan kepada pengonsep.</source>
            <translation>The letter was returned to its drafter.</translation>
        </message>
        <message>
            <source>Naskah ditandatangani dengan nomor {n}.</source>
            <translation>The letter was signed with number {n}.</translation>
        </message>
        <message>
            <source>Naskah ditandatangani secara elektronik dengan nomor {n}.</source>
            <translation>The letter was signed electronically with number {n}.</translation>
        </message>
        <message>
            <source>Naskah telah diparaf.</source>
            <translation>The letter was initialled.</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Nomor dibatalkan.</source>
            <translation>The number was voided.</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>PDF disimpan ke {p}</source>
            <translation>PDF saved to {p}</translation>
        </message>
        <message>
            <source>PDF naskah ini belum diunduh dari server; lampiran menyusul pada sinkronisasi berikutnya. Coba lagi nanti.</source>
            <translation>This letter's PDF has not been downloaded from the server yet; it follows with the next sync. Try again later.</translation>
        </message>
        <message>
            <source>PDF tidak tersimpan</source>
            <translation>PDF not saved</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>Pilih berkas pindaian</source>
            <translation>Choose the scan file</translation>
        </message>
        <message>
            <source>Pindaian</source>
            <translation>Scan</translation>
        </message>
        <message>
            <source>Pindaian (*.pdf *.png *.jpg *.jpeg)</source>
            <translation>Scans (*.pdf *.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Pindaian dilampirkan.</source>
            <translation>The scan was attached.</translation>
        </message>
        <message>
            <source>Riwayat</source>
            <translation>History</translation>
        </message>
        <message>
            <source>SRIKANDI</source>
            <translation>SRIKANDI</translation>
        </message>
        <message>
            <source>Serahkan ke SRIKANDI...</source>
            <translation>Hand Off to SRIKANDI...</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Simpan P&amp;DF...</source>
            <translation>Save P&amp;DF...</translation>
        </message>
        <message>
            <source>Simpan PDF</source>
            <translation>Save PDF</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Surat diberkaskan dalam berkas {b}.</source>
            <translation>Letter filed in {b}.</translation>
        </message>
        <message>
            <source>Surat terkait</source>
            <translation>Related letters</translation>
        </message>
        <message>
            <source>TTE &amp;BSrE...</source>
            <translation>&amp;BSrE e-signature...</translation>
        </message>
        <message>
            <source>Tanda tangan</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>Tanda tangan Anda dibubuhkan (nomor {n}); naskah diteruskan ke penanda tangan berikutnya.</source>
            <translation>Your signature was added (number {n}); the letter goes on to the next signer.</translation>
        </message>
        <message>
            <source>Tandatangani &amp;Elektronik...</source>
            <translation>Sign &amp;Electronically...</translation>
        </message>
        <message>
            <source>Tandatangani Ba&amp;sah...</source>
            <translation>Sign by &amp;Hand...</translation>
        </message>
        <message>
            <source>Tandatangani basah</source>
            <translation>Sign by hand</translation>
        </message>
        <message>
            <source>Tanggal</source>
            <translation>Date</translation>
        </message>
        <message>
            <source>Terlampir</source>
            <translation>Attached</translation>
        </message>
        <message>
            <source>Tidak dapat mencetak</source>
            <translation>Cannot print</translation>
        </message>
        <message>
            <source>{sifat} · Urgensi: {urgency}</source>
            <translation>{sifat} · Urgency: {urgency}</translation>
        </message>
        <message>
            <source>← Daftar surat</source>
            <translation>← Letter list</translation>
        </message>
    </context>
    <context>
        <name>LoginDialog</name>
        <message>
            <source>Isi nama pengguna dan kata sandi.</source>
            <translation>Fill in the user name and password.</translation>
        </message>
        <message>
            <source>Kata sandi</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Kecamatan {kec}
Kabupaten {kab}</source>
            <translation>Kecamatan {kec}
Kabupaten {kab}</translation>
        </message>
        <message>
            <source>Keluar</source>
            <translation>Quit</translation>
        </message>
        <message>
            <source>Masuk</source>
            <translation>Log in</translation>
        </message>
        <message>
            <source>Masuk - Naskah</source>
            <translation>Log in - Naskah</translation>
        </message>
        <message>
            <source>Nama pengguna</source>
            <translation>User name</translation>
        </message>
    </context>
    <context>
        <name>LogoPicker</name>
        <message>
            <source>Belum ada logo</source>
            <translation>No logo yet</translation>
        </message>
        <message>
            <source>Gambar (*.png *.jpg *.jpeg)</source>
            <translation>Images (*.png *.jpg *.jpeg)</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Lambang daerah untuk kop surat, PNG atau JPEG.</source>
            <translation>The regional emblem for the letterhead, PNG or JPEG.</translation>
        </message>
        <message>
            <source>Pilih berkas...</source>
            <translation>Choose file...</translation>
        </message>
        <message>
            <source>Pilih logo kop surat</source>
            <translation>Choose the letterhead logo</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;Administrasi</source>
            <translation>&amp;Administration</translation>
        </message>
        <message>
            <source>&amp;Berkaskan surat...</source>
            <translation>&amp;File a letter...</translation>
        </message>
        <message>
            <source>&amp;Cari surat</source>
            <translation>&amp;Find letters</translation>
        </message>
        <message>
            <source>&amp;Daftar berkas...</source>
            <translation>&amp;Files...</translation>
        </message>
        <message>
            <source>&amp;Hapus penyaring</source>
            <translation>&amp;Clear filter</translation>
        </message>
        <message>
            <source>&amp;Jadwal retensi...</source>
            <translation>Retention &amp;schedule...</translation>
        </message>
        <message>
            <source>&amp;Keluar</source>
            <translation>&amp;Quit</translation>
        </message>
        <message>
            <source>&amp;Muat ulang daftar</source>
            <translation>&amp;Reload list</translation>
        </message>
        <message>
            <source>&amp;Pegawai...</source>
            <translation>&amp;Staff...</translation>
        </message>
        <message>
            <source>&amp;Periksa keaslian PDF...</source>
            <translation>&amp;Verify a PDF...</translation>
        </message>
        <message>
            <source>&amp;Retensi...</source>
            <translation>&amp;Retention...</translation>
        </message>
        <message>
            <source>&amp;Simpan konsep</source>
            <translation>&amp;Save draft</translation>
        </message>
        <message>
            <source>&amp;Sinkronisasi...</source>
            <translation>S&amp;ync...</translation>
        </message>
        <message>
            <source>&amp;Surat</source>
            <translation>&amp;Letters</translation>
        </message>
        <message>
            <source>+ Konsep Baru</source>
            <translation>+ New Draft</translation>
        </message>
        <message>
            <source>A&amp;rsip</source>
            <translation>A&amp;rchive</translation>
        </message>
        <message>
            <source>Anda belum berperan Pengonsep. Tambahkan peran itu untuk diri Anda di Administrasi &gt; Pegawai; peran baru langsung berlaku.</source>
            <translation>You do not have the Drafter role yet. Add it for yourself in Administration &gt; Staff; a new role applies at once.</translation>
        </message>
        <message>
            <source>Bahasa / Language...</source>
            <translation>Bahasa / Language...</translation>
        </message>
        <message>
            <source>Ce&amp;tak surat...</source>
            <translation>&amp;Print letter...</translation>
        </message>
        <message>
            <source>Hasil pencarian “{q}” di semua surat yang dapat Anda lihat.</source>
            <translation>Search results for “{q}” in all the letters you can see.</translation>
        </message>
        <message>
            <source>Keluar &amp;akun</source>
            <translation>Log &amp;out</translation>
        </message>
        <message>
            <source>Kirim untuk pa&amp;raf...</source>
            <translation>Send for &amp;initials...</translation>
        </message>
        <message>
            <source>Konflik</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Konflik ({n})</source>
            <translation>Conflicts ({n})</translation>
        </message>
        <message>
            <source>Konsep &amp;Baru</source>
            <translation>&amp;New Draft</translation>
        </message>
        <message>
            <source>Konsep baru...</source>
            <translation>New draft...</translation>
        </message>
        <message>
            <source>Mencari...</source>
            <translation>Searching...</translation>
        </message>
        <message>
            <source>Mulai naskah baru dari templat jenis naskah (Ctrl+N)</source>
            <translation>Start a new letter from a letter-type template (Ctrl+N)</translation>
        </message>
        <message>
            <source>Naskah — {name}</source>
            <translation>Naskah — {name}</translation>
        </message>
        <message>
            <source>Pengaturan &amp;Kantor...</source>
            <translation>&amp;Office settings...</translation>
        </message>
        <message>
            <source>Penyaring aktif: hanya surat yang cocok yang ditampilkan.</source>
            <translation>Filter on: only matching letters are shown.</translation>
        </message>
        <message>
            <source>Penyaring lain juga aktif.</source>
            <translation>Other filters are on as well.</translation>
        </message>
        <message>
            <source>T&amp;utup surat</source>
            <translation>&amp;Close letter</translation>
        </message>
        <message>
            <source>Tampilkan lagi semua surat antrean ini</source>
            <translation>Show all the letters of this queue again</translation>
        </message>
        <message>
            <source>Tidak ada surat di {queue}.</source>
            <translation>No letters in {queue}.</translation>
        </message>
        <message>
            <source>Tidak ada surat yang cocok dengan penyaring.</source>
            <translation>No letters match the filter.</translation>
        </message>
        <message>
            <source>Tutup jendela ini agar pegawai lain dapat masuk</source>
            <translation>Close this window so that another staff member can log in</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} letters</translation>
        </message>
        <message>
            <source>{n} surat terbaru yang cocok (persempit pencarian)</source>
            <translation>the {n} newest matching letters (narrow the search)</translation>
        </message>
        <message>
            <source>{n}+ surat</source>
            <translation>{n}+ letters</translation>
        </message>
    </context>
    <context>
        <name>NumberReserveDialog</name>
        <message>
            <source>&amp;Minta Nomor</source>
            <translation>&amp;Request Numbers</translation>
        </message>
        <message>
            <source>&amp;Nomor per seri</source>
            <translation>&amp;Numbers per series</translation>
        </message>
        <message>
            <source>Diminta: {n} nomor per seri. Server memberikannya pada sinkronisasi berikutnya.</source>
            <translation>Requested: {n} numbers per series. The server grants them at the next sync.</translation>
        </message>
        <message>
            <source>PC ini belum terdaftar di server: nomornya diberikan PC ini sendiri dan tidak akan habis.</source>
            <translation>This PC is not enrolled with a server: it gives its own numbers and never runs out.</translation>
        </message>
        <message>
            <source>Permintaan nomor tambahan dibatalkan.</source>
            <translation>The request for more numbers was withdrawn.</translation>
        </message>
        <message>
            <source>Sebelum PC ini lama tidak tersambung (misalnya dibawa bertugas ke luar kantor), minta server menyiapkan lebih banyak nomor surat untuk setiap seri. Permintaan dikirim pada sinkronisasi berikutnya; server memberi paling banyak sebanyak batas yang ditetapkan administrator server.</source>
            <translation>Before this PC goes without a connection for long (for example, taken on a trip away from the office), ask the server to set aside more letter numbers for each series. The request goes with the next sync; the server grants at most the limit its administrator set.</translation>
        </message>
        <message>
            <source>Siapkan Nomor untuk Luring</source>
            <translation>Prepare Numbers for Offline Work</translation>
        </message>
    </context>
    <context>
        <name>NumberingFields</name>
        <message>
            <source> digit</source>
            <translation> digits</translation>
        </message>
        <message>
            <source>Bagian yang tersedia: {t}.</source>
            <translation>Available parts: {t}.</translation>
        </message>
        <message>
            <source>Contoh nomor berikutnya</source>
            <translation>Example of the next number</translation>
        </message>
        <message>
            <source>Nomor urut terpisah untuk tiap jenis surat</source>
            <translation>A separate sequence for each letter type</translation>
        </message>
        <message>
            <source>Panjang nomor urut</source>
            <translation>Sequence length</translation>
        </message>
        <message>
            <source>Pola nomor *</source>
            <translation>Number pattern *</translation>
        </message>
    </context>
    <context>
        <name>OfficeFields</name>
        <message>
            <source>Alamat kantor *</source>
            <translation>Office address *</translation>
        </message>
        <message>
            <source>Dipakai dalam nomor surat.</source>
            <translation>Used in letter numbers.</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Kode unit *</source>
            <translation>Unit code *</translation>
        </message>
        <message>
            <source>Kop surat: PEMERINTAH KABUPATEN {kab} / KECAMATAN {kec}</source>
            <translation>Letterhead: PEMERINTAH KABUPATEN {kab} / KECAMATAN {kec}</translation>
        </message>
        <message>
            <source>Logo</source>
            <translation>Logo</translation>
        </message>
        <message>
            <source>Nama kabupaten *</source>
            <translation>Kabupaten (regency) name *</translation>
        </message>
        <message>
            <source>Nama kecamatan *</source>
            <translation>Kecamatan (district) name *</translation>
        </message>
        <message>
            <source>Nama tempat</source>
            <translation>Place name</translation>
        </message>
        <message>
            <source>Situs web</source>
            <translation>Website</translation>
        </message>
        <message>
            <source>Telepon</source>
            <translation>Telephone</translation>
        </message>
        <message>
            <source>Untuk tempat dan tanggal surat, misalnya "Wamena, 3 Maret 2026".</source>
            <translation>For the place and date of letters, e.g. "Wamena, 3 Maret 2026".</translation>
        </message>
        <message>
            <source>misalnya Jayawijaya (tanpa kata "Kabupaten")</source>
            <translation>e.g. Jayawijaya (without the word "Kabupaten")</translation>
        </message>
        <message>
            <source>misalnya Wamena (tanpa kata "Kecamatan")</source>
            <translation>e.g. Wamena (without the word "Kecamatan")</translation>
        </message>
    </context>
    <context>
        <name>OfficePage</name>
        <message>
            <source>Gabung ke kantor yang sudah ada...</source>
            <translation>Join an existing office...</translation>
        </message>
        <message>
            <source>Kantor ini sudah memakai Naskah di PC lain?</source>
            <translation>Does this office already use Naskah on another PC?</translation>
        </message>
        <message>
            <source>Profil kantor</source>
            <translation>Office profile</translation>
        </message>
        <message>
            <source>Selamat datang di Naskah. Isi data kantor kecamatan untuk kop surat; semuanya dapat diubah nanti di Pengaturan kantor. Tanda * berarti wajib diisi.</source>
            <translation>Welcome to Naskah. Fill in the kecamatan office's details for the letterhead; all of it can be changed later in Office settings. * marks a required field.</translation>
        </message>
    </context>
    <context>
        <name>OfficeSettingsDialog</name>
        <message>
            <source>Hanya administrator yang dapat mengubah pengaturan kantor.</source>
            <translation>Only an administrator can change the office settings.</translation>
        </message>
        <message>
            <source>Kertas dan huruf</source>
            <translation>Paper and font</translation>
        </message>
        <message>
            <source>Kop surat</source>
            <translation>Letterhead</translation>
        </message>
        <message>
            <source>Logo belum tersedia di komputer ini</source>
            <translation>The logo is not on this computer yet</translation>
        </message>
        <message>
            <source>Logo saat ini</source>
            <translation>Current logo</translation>
        </message>
        <message>
            <source>Margin atas</source>
            <translation>Top margin</translation>
        </message>
        <message>
            <source>Margin bawah</source>
            <translation>Bottom margin</translation>
        </message>
        <message>
            <source>Margin kanan</source>
            <translation>Right margin</translation>
        </message>
        <message>
            <source>Margin kiri</source>
            <translation>Left margin</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Letter numbers</translation>
        </message>
        <message>
            <source>Pengaturan kantor</source>
            <translation>Office settings</translation>
        </message>
        <message>
            <source>Ukuran huruf</source>
            <translation>Font size</translation>
        </message>
        <message>
            <source>Ukuran kertas</source>
            <translation>Paper size</translation>
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
            <translation>F4 / folio (215 × 330 mm), usual in government offices</translation>
        </message>
    </context>
    <context>
        <name>PaperPage</name>
        <message>
            <source>Kertas dan nomor surat</source>
            <translation>Paper and letter numbers</translation>
        </message>
        <message>
            <source>Ukuran kertas</source>
            <translation>Paper size</translation>
        </message>
        <message>
            <source>Ukuran kertas surat dan bentuk nomor surat keluar.</source>
            <translation>The letters' paper size and the form of outgoing letter numbers.</translation>
        </message>
    </context>
    <context>
        <name>PasteTextEdit</name>
        <message>
            <source>Gambar berikut tidak ikut ditempel:</source>
            <translation>These pictures were not pasted:</translation>
        </message>
        <message>
            <source>Gambar di papan klip tidak dapat dibaca.</source>
            <translation>The picture on the clipboard cannot be read.</translation>
        </message>
        <message>
            <source>Gambar tidak dapat disisipkan di sini.</source>
            <translation>A picture cannot be inserted here.</translation>
        </message>
        <message>
            <source>Gambar tidak ditempel</source>
            <translation>Picture not pasted</translation>
        </message>
    </context>
    <context>
        <name>PdfVerifier</name>
        <message>
            <source>Dokumen PDF (*.pdf)</source>
            <translation>PDF documents (*.pdf)</translation>
        </message>
        <message>
            <source>Periksa keaslian PDF</source>
            <translation>Verify a PDF</translation>
        </message>
    </context>
    <context>
        <name>PeopleDialog</name>
        <message>
            <source>Aktifkan</source>
            <translation>Activate</translation>
        </message>
        <message>
            <source>Hanya administrator yang dapat mengelola pegawai.</source>
            <translation>Only an administrator can manage staff.</translation>
        </message>
        <message>
            <source>Nonaktifkan</source>
            <translation>Deactivate</translation>
        </message>
        <message>
            <source>Pegawai dan akun</source>
            <translation>Staff and accounts</translation>
        </message>
        <message>
            <source>Pegawai nonaktif tidak dapat masuk; surat dan riwayatnya tetap tersimpan.</source>
            <translation>Inactive staff cannot log in; their letters and history are kept.</translation>
        </message>
        <message>
            <source>Tambah pegawai...</source>
            <translation>Add staff member...</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>Ubah...</source>
            <translation>Edit...</translation>
        </message>
    </context>
    <context>
        <name>PeopleTableModel</name>
        <message>
            <source>Aktif</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Jabatan</source>
            <translation>Position</translation>
        </message>
        <message>
            <source>NIP</source>
            <translation>NIP</translation>
        </message>
        <message>
            <source>Nama</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Nonaktif</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>Peran</source>
            <translation>Roles</translation>
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
            <translation>Add staff member</translation>
        </message>
        <message>
            <source>Ubah data pegawai</source>
            <translation>Edit staff member</translation>
        </message>
    </context>
    <context>
        <name>PersonFields</name>
        <message>
            <source>18 angka, tanpa spasi</source>
            <translation>18 digits, no spaces</translation>
        </message>
        <message>
            <source>Dengan gelar, seperti tertulis di surat.</source>
            <translation>With titles, as written in letters.</translation>
        </message>
        <message>
            <source>Jabatan *</source>
            <translation>Position *</translation>
        </message>
        <message>
            <source>Kata sandi</source>
            <translation>Password</translation>
        </message>
        <message>
            <source>Kata sandi dan ulangannya tidak sama.</source>
            <translation>The password and its repetition differ.</translation>
        </message>
        <message>
            <source>Kosongkan jika tidak diganti.</source>
            <translation>Leave empty to keep it.</translation>
        </message>
        <message>
            <source>Minimal 8 karakter.</source>
            <translation>At least 8 characters.</translation>
        </message>
        <message>
            <source>NIP *</source>
            <translation>NIP *</translation>
        </message>
        <message>
            <source>Nama lengkap *</source>
            <translation>Full name *</translation>
        </message>
        <message>
            <source>Nama pengguna *</source>
            <translation>User name *</translation>
        </message>
        <message>
            <source>Pangkat/golongan</source>
            <translation>Rank/grade</translation>
        </message>
        <message>
            <source>Peran *</source>
            <translation>Roles *</translation>
        </message>
        <message>
            <source>Ulangi kata sandi</source>
            <translation>Repeat the password</translation>
        </message>
        <message>
            <source>Untuk masuk: huruf kecil, angka, titik, garis bawah atau strip.</source>
            <translation>For logging in: lower-case letters, digits, dots, underscores or hyphens.</translation>
        </message>
        <message>
            <source>misalnya Kepala Seksi Pemerintahan</source>
            <translation>e.g. Kepala Seksi Pemerintahan</translation>
        </message>
    </context>
    <context>
        <name>PreviewPane</name>
        <message>
            <source>Menyiapkan pratinjau...</source>
            <translation>Preparing the preview...</translation>
        </message>
        <message>
            <source>Pratinjau tidak dapat dibuat.</source>
            <translation>The preview could not be made.</translation>
        </message>
    </context>
    <context>
        <name>RegisterDialog</name>
        <message>
            <source>(pimpinan)</source>
            <translation>(head of office)</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Berkas pindaian</source>
            <translation>Scan files</translation>
        </message>
        <message>
            <source>Catat Surat Masuk</source>
            <translation>Register Incoming Letter</translation>
        </message>
        <message>
            <source>Catatan</source>
            <translation>Note</translation>
        </message>
        <message>
            <source>Diterima melalui</source>
            <translation>Received via</translation>
        </message>
        <message>
            <source>Ditujukan kepada</source>
            <translation>Addressed to</translation>
        </message>
        <message>
            <source>Hal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Hapus Berkas</source>
            <translation>Remove File</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Nama instansi/orang, atau singkatannya</source>
            <translation>Name of the agency or person, or its abbreviation</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Letter number</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>Pilih berkas pindaian</source>
            <translation>Choose scan files</translation>
        </message>
        <message>
            <source>Pindaian (*.pdf *.png *.jpg *.jpeg);;Semua berkas (*)</source>
            <translation>Scans (*.pdf *.png *.jpg *.jpeg);;All files (*)</translation>
        </message>
        <message>
            <source>Seret berkas PDF/gambar ke jendela ini, atau pilih dengan “Tambah Berkas...”.</source>
            <translation>Drag PDF or image files into this window, or choose them with “Add File...”.</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Tambah Berkas...</source>
            <translation>Add File...</translation>
        </message>
        <message>
            <source>Tanggal diterima</source>
            <translation>Date received</translation>
        </message>
        <message>
            <source>Tanggal surat</source>
            <translation>Letter date</translation>
        </message>
        <message>
            <source>Tempat (untuk surat balasan), jika baru</source>
            <translation>Place (for replies), if new</translation>
        </message>
        <message>
            <source>Urgensi</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>mis. 400.10.2.2 (kode lama 474.2 boleh)</source>
            <translation>e.g. 400.10.2.2 (old code 474.2 allowed)</translation>
        </message>
    </context>
    <context>
        <name>RegistersDialog</name>
        <message>
            <source>&amp;Buku:</source>
            <translation>&amp;Book:</translation>
        </message>
        <message>
            <source>&amp;Format:</source>
            <translation>&amp;Format:</translation>
        </message>
        <message>
            <source>&amp;Kertas:</source>
            <translation>&amp;Paper:</translation>
        </message>
        <message>
            <source>&amp;Rentang tanggal</source>
            <translation>Date &amp;range</translation>
        </message>
        <message>
            <source>&amp;Simpan...</source>
            <translation>&amp;Save...</translation>
        </message>
        <message>
            <source>&amp;Tahun</source>
            <translation>&amp;Year</translation>
        </message>
        <message>
            <source>&amp;Tutup</source>
            <translation>&amp;Close</translation>
        </message>
        <message>
            <source>A4 mendatar</source>
            <translation>A4 landscape</translation>
        </message>
        <message>
            <source>Buku Agenda</source>
            <translation>Agenda Book</translation>
        </message>
        <message>
            <source>Buku agenda disimpan: {n} surat, {path}</source>
            <translation>Agenda book saved: {n} letters, {path}</translation>
        </message>
        <message>
            <source>CSV (.csv, pemisah titik koma)</source>
            <translation>CSV (.csv, semicolon-separated)</translation>
        </message>
        <message>
            <source>Excel (.xlsx)</source>
            <translation>Excel (.xlsx)</translation>
        </message>
        <message>
            <source>F4 mendatar</source>
            <translation>F4 landscape</translation>
        </message>
        <message>
            <source>Menyusun buku agenda...</source>
            <translation>Writing the agenda book...</translation>
        </message>
        <message>
            <source>PDF untuk dicetak</source>
            <translation>PDF to print</translation>
        </message>
        <message>
            <source>Periode:</source>
            <translation>Period:</translation>
        </message>
        <message>
            <source>Simpan buku agenda</source>
            <translation>Save agenda book</translation>
        </message>
        <message>
            <source>Surat Keluar</source>
            <translation>Outgoing Letters</translation>
        </message>
        <message>
            <source>Surat Masuk</source>
            <translation>Incoming Letters</translation>
        </message>
        <message>
            <source>s.d.</source>
            <translation>to</translation>
        </message>
    </context>
    <context>
        <name>ReportsDesk</name>
        <message>
            <source>&amp;Dasbor</source>
            <translation>&amp;Dashboard</translation>
        </message>
        <message>
            <source>&amp;Laporan</source>
            <translation>&amp;Reports</translation>
        </message>
        <message>
            <source>Buku &amp;Agenda...</source>
            <translation>&amp;Agenda Book...</translation>
        </message>
    </context>
    <context>
        <name>RetentionDialog</name>
        <message>
            <source>&amp;Tindakan</source>
            <translation>&amp;Action</translation>
        </message>
        <message>
            <source>Aktif s.d.</source>
            <translation>Active until</translation>
        </message>
        <message>
            <source>Buat &amp;berita acara</source>
            <translation>Start the &amp;record (berita acara)</translation>
        </message>
        <message>
            <source>Inaktif s.d.</source>
            <translation>Inactive until</translation>
        </message>
        <message>
            <source>Isi</source>
            <translation>Contents</translation>
        </message>
        <message>
            <source>Judul berkas</source>
            <translation>File title</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Kode lama {code} (78/2012): {reason}</source>
            <translation>Old code {code} (78/2012): {reason}</translation>
        </message>
        <message>
            <source>Konsep berita acara dengan daftar berkas terpilih (tindakan yang sama)</source>
            <translation>A draft berita acara listing the chosen files (all with the same action)</translation>
        </message>
        <message>
            <source>Nasib akhir sudah dilaksanakan (setelah berita acara ditandatangani)</source>
            <translation>The final disposition has been carried out (after the berita acara is signed)</translation>
        </message>
        <message>
            <source>Retensi</source>
            <translation>Retention</translation>
        </message>
        <message>
            <source>Retensi Arsip</source>
            <translation>Archive Retention</translation>
        </message>
        <message>
            <source>Semua tindakan</source>
            <translation>All actions</translation>
        </message>
        <message>
            <source>Tahun</source>
            <translation>Year</translation>
        </message>
        <message>
            <source>Tandai &amp;dipindahkan</source>
            <translation>Mark &amp;transferred</translation>
        </message>
        <message>
            <source>Tandai &amp;selesai</source>
            <translation>Mark &amp;done</translation>
        </message>
        <message>
            <source>Tidak ada berkas yang jatuh tempo retensinya.</source>
            <translation>No file is due for retention.</translation>
        </message>
        <message>
            <source>Tindakan</source>
            <translation>Action</translation>
        </message>
        <message>
            <source>{a} th aktif + {i} th inaktif, {f}</source>
            <translation>{a} yr active + {i} yr inactive, {f}</translation>
        </message>
        <message>
            <source>{n} berkas tanpa jadwal retensi (kodenya belum punya angka retensi): administrator mengisinya di Arsip &gt; Jadwal Retensi.</source>
            <translation>{n} files without a retention schedule (their code has no retention figures yet): the administrator fills them in under Archive &gt; Retention schedule.</translation>
        </message>
        <message>
            <source>{n} surat</source>
            <translation>{n} letters</translation>
        </message>
    </context>
    <context>
        <name>RevisionsDialog</name>
        <message>
            <source>Pulihkan isi revisi ini ke editor</source>
            <translation>Restore this revision's text to the editor</translation>
        </message>
        <message>
            <source>Revisi {n} · {who}
{when}</source>
            <translation>Revision {n} · {who}
{when}</translation>
        </message>
        <message>
            <source>Riwayat revisi</source>
            <translation>Revision history</translation>
        </message>
    </context>
    <context>
        <name>RowListEditor</name>
        <message>
            <source>Hapus baris ini</source>
            <translation>Remove this row</translation>
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
            <translation>No scan yet.</translation>
        </message>
        <message>
            <source>Halaman berikutnya (Page Down)</source>
            <translation>Next page (Page Down)</translation>
        </message>
        <message>
            <source>Halaman sebelumnya (Page Up)</source>
            <translation>Previous page (Page Up)</translation>
        </message>
        <message>
            <source>Halaman {n} dari {m}</source>
            <translation>Page {n} of {m}</translation>
        </message>
        <message>
            <source>Lebar</source>
            <translation>Fit Width</translation>
        </message>
        <message>
            <source>Perbesar (Ctrl++)</source>
            <translation>Zoom in (Ctrl++)</translation>
        </message>
        <message>
            <source>Perkecil (Ctrl+-)</source>
            <translation>Zoom out (Ctrl+-)</translation>
        </message>
        <message>
            <source>Putar</source>
            <translation>Rotate</translation>
        </message>
        <message>
            <source>Putar halaman 90° (Ctrl+R)</source>
            <translation>Rotate the page 90° (Ctrl+R)</translation>
        </message>
        <message>
            <source>Sesuaikan dengan lebar (Ctrl+0)</source>
            <translation>Fit to the width (Ctrl+0)</translation>
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
            <translation>&amp;Search</translation>
        </message>
        <message>
            <source>&amp;Keterangan</source>
            <translation>&amp;Notes</translation>
        </message>
        <message>
            <source>&amp;Nasib akhir</source>
            <translation>&amp;Final disposition</translation>
        </message>
        <message>
            <source>&amp;Simpan aturan kantor</source>
            <translation>&amp;Save office rule</translation>
        </message>
        <message>
            <source>(kosong)</source>
            <translation>(empty)</translation>
        </message>
        <message>
            <source>Aktif</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Inaktif</source>
            <translation>Inactive</translation>
        </message>
        <message>
            <source>Jadwal Retensi Arsip</source>
            <translation>Archive Retention Schedule</translation>
        </message>
        <message>
            <source>Judul</source>
            <translation>Title</translation>
        </message>
        <message>
            <source>Kembalikan ke &amp;JRA</source>
            <translation>Back to the &amp;JRA</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Notes</translation>
        </message>
        <message>
            <source>Kode</source>
            <translation>Code</translation>
        </message>
        <message>
            <source>Kode atau judul, mis. 000.1 atau perjalanan</source>
            <translation>Code or title, e.g. 000.1 or perjalanan</translation>
        </message>
        <message>
            <source>Nasib akhir</source>
            <translation>Final disposition</translation>
        </message>
        <message>
            <source>Retensi &amp;aktif (tahun)</source>
            <translation>&amp;Active retention (years)</translation>
        </message>
        <message>
            <source>Retensi &amp;inaktif (tahun)</source>
            <translation>&amp;Inactive retention (years)</translation>
        </message>
        <message>
            <source>Sumber</source>
            <translation>Source</translation>
        </message>
        <message>
            <source>[kode lama] {title}</source>
            <translation>[old code] {title}</translation>
        </message>
    </context>
    <context>
        <name>SendDialog</name>
        <message>
            <source>&amp;Kirim</source>
            <translation>&amp;Send</translation>
        </message>
        <message>
            <source>Hapus</source>
            <translation>Remove</translation>
        </message>
        <message>
            <source>Kirim (Ctrl+Enter)</source>
            <translation>Send (Ctrl+Enter)</translation>
        </message>
        <message>
            <source>Kirim untuk paraf dan tanda tangan</source>
            <translation>Send for initials and signature</translation>
        </message>
        <message>
            <source>Naik</source>
            <translation>Up</translation>
        </message>
        <message>
            <source>Pemaraf memeriksa dan memaraf berurutan dari atas ke bawah, lalu naskah sampai kepada penandatangan. Tanpa pemaraf, naskah langsung ke penandatangan.</source>
            <translation>Reviewers check and initial in order from top to bottom, then the letter reaches the signer. With no reviewers, the letter goes straight to the signer.</translation>
        </message>
        <message>
            <source>Penanda tangan lain, menandatangani lebih dulu (boleh kosong)</source>
            <translation>Other signers, who sign first (may be empty)</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>Tambahkan</source>
            <translation>Add</translation>
        </message>
        <message>
            <source>Turun</source>
            <translation>Down</translation>
        </message>
        <message>
            <source>Urutan pemaraf</source>
            <translation>Order of reviewers</translation>
        </message>
    </context>
    <context>
        <name>SendersDialog</name>
        <message>
            <source>Cari nama atau singkatan...</source>
            <translation>Search name or abbreviation...</translation>
        </message>
        <message>
            <source>Daftar Pengirim</source>
            <translation>Sender List</translation>
        </message>
        <message>
            <source>Nama</source>
            <translation>Name</translation>
        </message>
        <message>
            <source>Nama lain</source>
            <translation>Other names</translation>
        </message>
        <message>
            <source>Nama lain, dipisah titik koma: DPMK; Dinas PMK</source>
            <translation>Other names, separated by semicolons: DPMK; Dinas PMK</translation>
        </message>
        <message>
            <source>Pengirim Baru</source>
            <translation>New Sender</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
        <message>
            <source>Tempat</source>
            <translation>Place</translation>
        </message>
    </context>
    <context>
        <name>SetupWizard</name>
        <message>
            <source>&lt; Kembali</source>
            <translation>&lt; Back</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Batalkan penyiapan?</source>
            <translation>Cancel the setup?</translation>
        </message>
        <message>
            <source>Data kantor belum lengkap</source>
            <translation>The office details are incomplete</translation>
        </message>
        <message>
            <source>Data kantor dan administrator yang sudah diketik belum disimpan dan akan hilang. Batalkan penyiapan dan keluar?</source>
            <translation>The office and administrator details typed so far are not saved and will be lost. Cancel the setup and quit?</translation>
        </message>
        <message>
            <source>Lanjut &gt;</source>
            <translation>Next &gt;</translation>
        </message>
        <message>
            <source>Mengisi data contoh untuk latihan...</source>
            <translation>Filling in sample data for practice...</translation>
        </message>
        <message>
            <source>Menyiapkan kantor...</source>
            <translation>Setting up the office...</translation>
        </message>
        <message>
            <source>PC ini sudah terdaftar, tetapi data kantor belum ada di server. Minta PC pertama kantor ini menyinkronkan dulu, lalu coba lagi.</source>
            <translation>This PC is enrolled, but the server has no office data yet. Ask this office's first PC to sync first, then try again.</translation>
        </message>
        <message>
            <source>Penyiapan kantor - Naskah</source>
            <translation>Office setup - Naskah</translation>
        </message>
        <message>
            <source>Penyiapan tidak dapat disimpan</source>
            <translation>The setup could not be saved</translation>
        </message>
        <message>
            <source>Selesai</source>
            <translation>Finish</translation>
        </message>
    </context>
    <context>
        <name>SignDialog</name>
        <message>
            <source>(kunci sudah terbuka; boleh dikosongkan)</source>
            <translation>(key already unlocked; may be left empty)</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Daftarkan sertifikat...</source>
            <translation>Enrol a certificate...</translation>
        </message>
        <message>
            <source>Frasa sandi</source>
            <translation>Passphrase</translation>
        </message>
        <message>
            <source>Ingat sampai aplikasi ditutup</source>
            <translation>Remember until the app closes</translation>
        </message>
        <message>
            <source>Menandatangani naskah...</source>
            <translation>Signing the letter...</translation>
        </message>
        <message>
            <source>Naskah “{hal}” akan diberi nomor, dibuat PDF/A dan ditandatangani dengan sertifikat Anda. Sesudah itu isinya tidak dapat diubah lagi. Tidak perlu sambungan internet.</source>
            <translation>The letter “{hal}” will get its number, be made into a PDF/A and be signed with your certificate. After that its text can no longer be changed. No internet connection is needed.</translation>
        </message>
        <message>
            <source>Simpan frasa sandi di keyring sistem komputer ini</source>
            <translation>Keep the passphrase in this computer's system keyring</translation>
        </message>
        <message>
            <source>Tandatangani</source>
            <translation>Sign</translation>
        </message>
        <message>
            <source>Tandatangani secara elektronik</source>
            <translation>Sign electronically</translation>
        </message>
    </context>
    <context>
        <name>SrikandiImportDialog</name>
        <message>
            <source>&amp;Catat sebagai Surat Masuk</source>
            <translation>&amp;Register as Incoming Letter</translation>
        </message>
        <message>
            <source>(belum dipilih)</source>
            <translation>(not chosen)</translation>
        </message>
        <message>
            <source>Dicatat sebagai surat masuk agenda {a}/{y} dari {s}.</source>
            <translation>Registered as incoming letter, agenda {a}/{y}, from {s}.</translation>
        </message>
        <message>
            <source>Impor dari SRIKANDI</source>
            <translation>Import from SRIKANDI</translation>
        </message>
        <message>
            <source>Isian</source>
            <translation>Fields</translation>
        </message>
        <message>
            <source>Isian naskah dari SRIKANDI</source>
            <translation>Document fields from SRIKANDI</translation>
        </message>
        <message>
            <source>JSON (*.json)</source>
            <translation>JSON (*.json)</translation>
        </message>
        <message>
            <source>Naskah</source>
            <translation>Document</translation>
        </message>
        <message>
            <source>Naskah dari SRIKANDI</source>
            <translation>Document from SRIKANDI</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Pilih &amp;Isian JSON...</source>
            <translation>Choose &amp;Fields JSON...</translation>
        </message>
        <message>
            <source>Pilih &amp;PDF...</source>
            <translation>Choose &amp;PDF...</translation>
        </message>
    </context>
    <context>
        <name>SyncBridge</name>
        <message>
            <source>PC ini belum terhubung ke server kabupaten. Administrator dapat mendaftarkannya di Administrasi &gt; Sinkronisasi...</source>
            <translation>This PC is not connected to the regency server yet. An administrator can enrol it in Administration &gt; Sync...</translation>
        </message>
        <message>
            <source>Sinkronisasi belum disiapkan</source>
            <translation>Sync is not set up</translation>
        </message>
        <message>
            <source>{text} - {n} perubahan hanya ada di PC ini</source>
            <translation>{text} - {n} changes only on this PC</translation>
        </message>
    </context>
    <context>
        <name>SyncSettingsDialog</name>
        <message>
            <source>Alamat baru</source>
            <translation>New address</translation>
        </message>
        <message>
            <source>Alamat server</source>
            <translation>Server address</translation>
        </message>
        <message>
            <source>Alamat server baru</source>
            <translation>New server address</translation>
        </message>
        <message>
            <source>Alamat server diubah</source>
            <translation>Server address changed</translation>
        </message>
        <message>
            <source>Alamat server tidak diubah</source>
            <translation>Server address not changed</translation>
        </message>
        <message>
            <source>Daftarkan PC ini</source>
            <translation>Enrol this PC</translation>
        </message>
        <message>
            <source>Daftarkan PC ini ke server</source>
            <translation>Enrol this PC with the server</translation>
        </message>
        <message>
            <source>ID perangkat</source>
            <translation>Device ID</translation>
        </message>
        <message>
            <source>Isi alamat server yang baru.</source>
            <translation>Fill in the new server address.</translation>
        </message>
        <message>
            <source>Jika server pindah alamat, isi alamat barunya. PC ini memeriksa bahwa itu server yang sama sebelum memakainya; pendaftaran dan data tidak berubah.</source>
            <translation>If the server moved, fill in its new address. This PC checks that it is the same server before using it; the enrolment and the data stay as they are.</translation>
        </message>
        <message>
            <source>Kode kantor</source>
            <translation>Office code</translation>
        </message>
        <message>
            <source>PC ini</source>
            <translation>This PC</translation>
        </message>
        <message>
            <source>PC ini sekarang sinkron dengan {url}.</source>
            <translation>This PC now syncs with {url}.</translation>
        </message>
        <message>
            <source>Perubahan menunggu</source>
            <translation>Pending changes</translation>
        </message>
        <message>
            <source>Sinkron terakhir</source>
            <translation>Last sync</translation>
        </message>
        <message>
            <source>Sinkronisasi</source>
            <translation>Sync</translation>
        </message>
        <message>
            <source>Sinkronkan sekarang</source>
            <translation>Sync now</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>Ubah alamat server</source>
            <translation>Change the server address</translation>
        </message>
        <message>
            <source>belum pernah</source>
            <translation>never</translation>
        </message>
        <message>
            <source>belum terdaftar</source>
            <translation>not enrolled</translation>
        </message>
    </context>
    <context>
        <name>SyncStatusLabel</name>
        <message>
            <source>{text} - {n} perubahan menunggu</source>
            <translation>{text} - {n} changes pending</translation>
        </message>
    </context>
    <context>
        <name>TextDialog</name>
        <message>
            <source>(tidak ada)</source>
            <translation>(none)</translation>
        </message>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Isian masih kosong.</source>
            <translation>The field is empty.</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>VerifyDialog</name>
        <message>
            <source>Buka surat</source>
            <translation>Open letter</translation>
        </message>
        <message>
            <source>Kode verifikasi:</source>
            <translation>Verification code:</translation>
        </message>
        <message>
            <source>Memeriksa kode {c}...</source>
            <translation>Checking code {c}...</translation>
        </message>
        <message>
            <source>Memeriksa {f}...</source>
            <translation>Checking {f}...</translation>
        </message>
        <message>
            <source>Periksa keaslian PDF</source>
            <translation>Verify a PDF</translation>
        </message>
        <message>
            <source>Periksa kode</source>
            <translation>Check code</translation>
        </message>
        <message>
            <source>Salin</source>
            <translation>Copy</translation>
        </message>
        <message>
            <source>Salin hasil pemeriksaan ke papan klip</source>
            <translation>Copy the result to the clipboard</translation>
        </message>
        <message>
            <source>Tutup</source>
            <translation>Close</translation>
        </message>
        <message>
            <source>kode verifikasi pada surat, 20 huruf dan angka</source>
            <translation>the verification code on the letter, 20 letters and digits</translation>
        </message>
    </context>
    <context>
        <name>_Enrolling</name>
        <message>
            <source>Pendaftaran gagal</source>
            <translation>Enrolment failed</translation>
        </message>
    </context>
    <context>
        <name>agenda_import_dialog</name>
        <message>
            <source>Batalkan Impor Buku Agenda...</source>
            <translation>Undo Agenda Book Import...</translation>
        </message>
        <message>
            <source>Impor Buku &amp;Agenda...</source>
            <translation>Import &amp;Agenda Book...</translation>
        </message>
        <message>
            <source>Impor Buku Agenda Surat K&amp;eluar...</source>
            <translation>Import O&amp;utgoing Agenda Book...</translation>
        </message>
    </context>
    <context>
        <name>app</name>
        <message>
            <source>Berkas data rusak</source>
            <translation>The data file is damaged</translation>
        </message>
        <message>
            <source>Berkas huruf surat tidak ada</source>
            <translation>The letter font files are missing</translation>
        </message>
        <message>
            <source>Cadangan tidak dapat dipulihkan: {detail}

Hubungi petugas TI kabupaten.</source>
            <translation>The backup could not be restored: {detail}

Contact the regency's IT officer.</translation>
        </message>
        <message>
            <source>Data tidak dapat dibuka</source>
            <translation>The data cannot be opened</translation>
        </message>
        <message>
            <source>Naskah sudah berjalan</source>
            <translation>Naskah is already running</translation>
        </message>
        <message>
            <source>Naskah tidak lengkap: berkas huruf surat tidak ditemukan ({files}). Surat tidak dapat dibuat tanpa huruf ini. Pasang ulang Naskah; data kantor tidak terpengaruh.</source>
            <translation>Naskah is incomplete: the letter font files were not found ({files}). Letters cannot be made without them. Install Naskah again; the office's data is not affected.</translation>
        </message>
        <message>
            <source>Pulihkan cadangan sekarang? Pilih Tidak untuk keluar.</source>
            <translation>Restore the backup now? Choose No to quit.</translation>
        </message>
        <message>
            <source>Templat jenis naskah</source>
            <translation>Letter-type templates</translation>
        </message>
    </context>
    <context>
        <name>forms</name>
        <message>
            <source>Batal</source>
            <translation>Cancel</translation>
        </message>
        <message>
            <source>Berkas logo bukan gambar PNG atau JPEG.</source>
            <translation>The logo file is not a PNG or JPEG image.</translation>
        </message>
        <message>
            <source>Berkas logo tidak dapat dibaca: {e}</source>
            <translation>The logo file cannot be read: {e}</translation>
        </message>
        <message>
            <source>Pilih atau ketik, misalnya Penata (III/c)</source>
            <translation>Choose or type, e.g. Penata (III/c)</translation>
        </message>
        <message>
            <source>Simpan</source>
            <translation>Save</translation>
        </message>
    </context>
    <context>
        <name>handoff_dialog</name>
        <message>
            <source>Impor dari &amp;SRIKANDI...</source>
            <translation>Import from &amp;SRIKANDI...</translation>
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
            <translation> and {n} more</translation>
        </message>
        <message>
            <source> — hasil: {r}</source>
            <translation> — hasil: {r}</translation>
        </message>
        <message>
            <source>(konsep)</source>
            <translation>(draft)</translation>
        </message>
        <message>
            <source>, batas {d}</source>
            <translation>, batas {d}</translation>
        </message>
        <message>
            <source>; masih berlaku saat ditandatangani</source>
            <translation>; still valid when it signed</translation>
        </message>
        <message>
            <source>; sah pada saat ditandatangani</source>
            <translation>; valid at the time of signing</translation>
        </message>
        <message>
            <source>Administrator</source>
            <translation>Administrator</translation>
        </message>
        <message>
            <source>Agenda Keluar</source>
            <translation>Outgoing Agenda</translation>
        </message>
        <message>
            <source>Agenda Masuk</source>
            <translation>Incoming Agenda</translation>
        </message>
        <message>
            <source>Agenda surat masuk</source>
            <translation>Incoming letter agenda</translation>
        </message>
        <message>
            <source>Agendaris</source>
            <translation>Registrar</translation>
        </message>
        <message>
            <source>Aktif</source>
            <translation>Active</translation>
        </message>
        <message>
            <source>Akun terkunci karena terlalu banyak percobaan. Coba lagi dalam {m} menit.</source>
            <translation>The account is locked after too many attempts. Try again in {m} minutes.</translation>
        </message>
        <message>
            <source>Alamat e-mail tidak valid.</source>
            <translation>The e-mail address is not valid.</translation>
        </message>
        <message>
            <source>Alamat ini bukan server Naskah.</source>
            <translation>This address is not a Naskah server.</translation>
        </message>
        <message>
            <source>Alamat kantor wajib diisi.</source>
            <translation>The office address is required.</translation>
        </message>
        <message>
            <source>Alamat layanan BSrE belum diatur; minta pengelola sistem mengaturnya.</source>
            <translation>The BSrE service address is not set; ask the system administrator to set it.</translation>
        </message>
        <message>
            <source>Alamat server BSrE harus lengkap, misalnya https://tte.contoh.go.id</source>
            <translation>The BSrE server address must be complete, e.g. https://tte.contoh.go.id</translation>
        </message>
        <message>
            <source>Alamat server BSrE harus memakai https:// (sambungan terenkripsi): NIK dan passphrase tidak boleh dikirim tanpa enkripsi.</source>
            <translation>The BSrE server address must use https:// (an encrypted connection): the NIK and passphrase must never be sent unencrypted.</translation>
        </message>
        <message>
            <source>Alamat server BSrE tidak boleh memuat nama pengguna, kata sandi atau '?'/'#'.</source>
            <translation>The BSrE server address must not contain a user name, a password or '?'/'#'.</translation>
        </message>
        <message>
            <source>Alamat server BSrE tidak sah.</source>
            <translation>The BSrE server address is not valid.</translation>
        </message>
        <message>
            <source>Alamat server kantor harus diawali https://, misalnya {example}.</source>
            <translation>The office server address must start with https://, for example {example}.</translation>
        </message>
        <message>
            <source>Alamat server kantor harus memakai https:// (koneksi aman dengan sertifikat dari CA organisasi); http:// hanya boleh untuk server di PC ini sendiri. Contoh: {example}</source>
            <translation>The office server address must use https:// (a secure connection with a certificate from the organisation's CA); http:// is allowed only for a server on this PC itself. Example: {example}</translation>
        </message>
        <message>
            <source>Alamat server kantor tidak valid: {url}. Contoh: {example}</source>
            <translation>The office server address is not valid: {url}. Example: {example}</translation>
        </message>
        <message>
            <source>Alamat server tidak ditemukan; periksa sambungan internet dan alamat server di Pengaturan.</source>
            <translation>The server address was not found; check the internet connection and the server address in the settings.</translation>
        </message>
        <message>
            <source>Alamat verifikasi untuk kode QR tidak sah.</source>
            <translation>The verification address for the QR code is not valid.</translation>
        </message>
        <message>
            <source>Alasan pembatalan nomor wajib diisi.</source>
            <translation>A reason for voiding the number is required.</translation>
        </message>
        <message>
            <source>Anda tidak berwenang melakukan tindakan ini.</source>
            <translation>You are not allowed to do this.</translation>
        </message>
        <message>
            <source>Anda tidak dapat menonaktifkan akun sendiri.</source>
            <translation>You cannot deactivate your own account.</translation>
        </message>
        <message>
            <source>Arsip: surat milik kantor ini (rincian hanya untuk pihak terkait).</source>
            <translation>Archive: a letter of this office (details only for those concerned).</translation>
        </message>
        <message>
            <source>Arsip: surat nomor {no} tanggal {d}, hal {hal} ({s}, {k}).</source>
            <translation>Archive: letter number {no} of {d}, subject {hal} ({s}, {k}).</translation>
        </message>
        <message>
            <source>Arsip: tidak ditemukan surat kantor ini yang cocok dengan berkas ini.</source>
            <translation>Archive: no letter of this office matches this file.</translation>
        </message>
        <message>
            <source>Asal Surat</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>Asal surat kosong.</source>
            <translation>Sender is empty.</translation>
        </message>
        <message>
            <source>BSrE memperingatkan bahwa akun TTE dapat terkunci setelah beberapa kali salah: bila tidak yakin, hubungi admin TTE/BSrE sebelum mencoba lagi.</source>
            <translation>BSrE warns that an e-signature account can be locked after several wrong tries: if unsure, contact your e-signature/BSrE administrator before trying again.</translation>
        </message>
        <message>
            <source>BSrE menolak permintaan tanda tangan (kode {c}){t}.</source>
            <translation>BSrE refused the signing request (code {c}){t}.</translation>
        </message>
        <message>
            <source>BUKU AGENDA SURAT KELUAR</source>
            <translation>OUTGOING LETTERS AGENDA BOOK</translation>
        </message>
        <message>
            <source>BUKU AGENDA SURAT MASUK</source>
            <translation>INCOMING LETTERS AGENDA BOOK</translation>
        </message>
        <message>
            <source>Bagian [{k}] tidak dikenal; profil hanya memakai [office] dan [admin].</source>
            <translation>Unknown section [{k}]; a profile has only [office] and [admin].</translation>
        </message>
        <message>
            <source>Bagian tanda tangan yang tidak ditandatangani telah diubah ({what}).</source>
            <translation>The unsigned part of the signature was changed ({what}).</translation>
        </message>
        <message>
            <source>Balasan</source>
            <translation>Reply</translation>
        </message>
        <message>
            <source>Balasan ini dari server lain, bukan server tempat PC terdaftar.</source>
            <translation>This reply comes from another server, not the one this PC is enrolled with.</translation>
        </message>
        <message>
            <source>Balasan ini dibuat untuk PC lain, bukan PC ini.</source>
            <translation>This reply was made for another PC, not this one.</translation>
        </message>
        <message>
            <source>Balasan ini tidak ditandatangani server tempat PC ini terdaftar; berkas ditolak.</source>
            <translation>This reply is not signed by the server this PC is enrolled with; the file is refused.</translation>
        </message>
        <message>
            <source>Balasan ini untuk kantor lain ({code}), bukan kantor PC ini ({mine}).</source>
            <translation>This reply is for another office ({code}), not this PC's office ({mine}).</translation>
        </message>
        <message>
            <source>Baris {n}</source>
            <translation>Row {n}</translation>
        </message>
        <message>
            <source>Baru</source>
            <translation>New</translation>
        </message>
        <message>
            <source>Basis data perlu diperbarui: buka Naskah sekali, lalu ulangi perintah ini.</source>
            <translation>The database needs an update: open Naskah once, then repeat this command.</translation>
        </message>
        <message>
            <source>Basis data sedang sibuk. Coba lagi sebentar lagi.</source>
            <translation>The database is busy. Try again in a moment.</translation>
        </message>
        <message>
            <source>Batas waktu BSrE harus antara 0,1 dan 600 detik.</source>
            <translation>The BSrE timeout must be between 0.1 and 600 seconds.</translation>
        </message>
        <message>
            <source>Batas waktu BSrE harus berupa angka (detik).</source>
            <translation>The BSrE timeout must be a number (seconds).</translation>
        </message>
        <message>
            <source>Batas waktu tidak boleh sebelum hari ini.</source>
            <translation>The due date cannot be before today.</translation>
        </message>
        <message>
            <source>Belum ada blok nomor agenda surat masuk dari server untuk PC ini. Sambungkan ke jaringan dan sinkronkan dulu, lalu simpan lagi (isian tidak hilang).</source>
            <translation>This PC has no block of incoming agenda numbers from the server yet. Connect to the network and sync first, then save again (your entries are kept).</translation>
        </message>
        <message>
            <source>Belum ada blok nomor surat dari server untuk PC ini. Sambungkan ke jaringan dan sinkronkan dulu, lalu tanda tangani lagi.</source>
            <translation>This PC has no block of letter numbers from the server yet. Connect to the network and sync first, then sign again.</translation>
        </message>
        <message>
            <source>Belum ada sertifikat tanda tangan elektronik di komputer ini.</source>
            <translation>There is no electronic signature certificate on this computer yet.</translation>
        </message>
        <message>
            <source>Belum dibaca</source>
            <translation>Unread</translation>
        </message>
        <message>
            <source>Berkas</source>
            <translation>File</translation>
        </message>
        <message>
            <source>Berkas "{t}" sudah {s}: surat baru tidak dapat ditambahkan.</source>
            <translation>File "{t}" is already {s}: no letter can be added to it.</translation>
        </message>
        <message>
            <source>Berkas PDF rusak dan tidak dapat dibaca.</source>
            <translation>The PDF file is damaged and cannot be read.</translation>
        </message>
        <message>
            <source>Berkas PDF surat kiriman ini belum tiba di PC ini. Sinkronkan dulu, lalu coba lagi.</source>
            <translation>The PDF of this delivered letter has not reached this PC yet. Sync first, then try again.</translation>
        </message>
        <message>
            <source>Berkas data rusak atau bukan berkas Naskah ({detail}).</source>
            <translation>The data file is damaged or not a Naskah file ({detail}).</translation>
        </message>
        <message>
            <source>Berkas gambar {name} tidak ada lagi (program asalnya sudah menghapusnya). Salin gambar itu sendiri lalu tempel lagi.</source>
            <translation>The picture file {name} is gone (the program it came from deleted it). Copy the picture itself and paste again.</translation>
        </message>
        <message>
            <source>Berkas ini adalah salinan tersimpan ditambah {n} bita sesudahnya yang tidak ada di arsip.</source>
            <translation>This file is the stored copy plus {n} bytes after it that are not in the archive.</translation>
        </message>
        <message>
            <source>Berkas ini bukan PDF.</source>
            <translation>This file is not a PDF.</translation>
        </message>
        <message>
            <source>Berkas ini bukan sertifikat (PEM atau DER).</source>
            <translation>This file is not a certificate (PEM or DER).</translation>
        </message>
        <message>
            <source>Berkas ini menyebut nomor surat tersebut, tetapi isinya TIDAK SAMA dengan salinan tersimpan.</source>
            <translation>This file names that letter number, but its content is NOT THE SAME as the stored copy.</translation>
        </message>
        <message>
            <source>Berkas ini sama persis (bita demi bita) dengan salinan tersimpan.</source>
            <translation>This file is exactly (byte for byte) the stored copy.</translation>
        </message>
        <message>
            <source>Berkas ini sama persis dengan salinan lebih awal surat ini yang tersimpan, sebelum tambahan berikutnya (cap waktu server atau tanda tangan berikutnya).</source>
            <translation>This file is exactly an earlier stored copy of this letter, before the next addition (the server's timestamp or the next signature).</translation>
        </message>
        <message>
            <source>Berkas kunci tanda tangan rusak atau bukan berkas kunci Naskah. Pulihkan dari cadangan atau daftarkan ulang penanda tangan.</source>
            <translation>The signing key file is damaged or not a Naskah key file. Restore it from a backup or enrol the signer again.</translation>
        </message>
        <message>
            <source>Berkas kunci tanda tangan tidak ditemukan di komputer ini. Lakukan pendaftaran penanda tangan (enrolmen) terlebih dahulu.</source>
            <translation>No signing key file was found on this computer. Enrol the signer first.</translation>
        </message>
        <message>
            <source>Berkas lampiran {h} di PC ini rusak.</source>
            <translation>The attachment file {h} on this PC is damaged.</translation>
        </message>
        <message>
            <source>Berkas logo bukan gambar PNG atau JPEG.</source>
            <translation>The logo file is not a PNG or JPEG image.</translation>
        </message>
        <message>
            <source>Berkas pengaturan TTE BSrE rusak. Petugas TI perlu mengisi ulang pengaturan BSrE di Pengaturan.</source>
            <translation>The BSrE e-signature settings file is damaged. The IT officer needs to fill in the BSrE settings again.</translation>
        </message>
        <message>
            <source>Berkas pindaian harus PDF, PNG atau JPEG.</source>
            <translation>The scan must be a PDF, PNG or JPEG file.</translation>
        </message>
        <message>
            <source>Berkas tidak dapat dibaca: {f} ({e}).</source>
            <translation>The file cannot be read: {f} ({e}).</translation>
        </message>
        <message>
            <source>Berkas tidak dapat dibuka: {e}</source>
            <translation>The file cannot be opened: {e}</translation>
        </message>
        <message>
            <source>Berkas tidak dapat ditulis di {d}: {e}</source>
            <translation>The files cannot be written in {d}: {e}</translation>
        </message>
        <message>
            <source>Berkas yang sudah dipindahkan tidak dapat diubah isinya.</source>
            <translation>The contents of a transferred file cannot be changed.</translation>
        </message>
        <message>
            <source>Berkas {f}: {why}</source>
            <translation>File {f}: {why}</translation>
        </message>
        <message>
            <source>Berkas: {f} ({n} bita).</source>
            <translation>File: {f} ({n} bytes).</translation>
        </message>
        <message>
            <source>Bila ini server kantor, isi sidik jari akar yang dicetak bersama kode pendaftarannya.</source>
            <translation>If this is the office server, enter the root fingerprint printed with its enrolment code.</translation>
        </message>
        <message>
            <source>Blok nomor PC ini untuk {series} tahun {year} sudah habis terpakai (nomor terakhir {last}). Sambungkan ke jaringan dan sinkronkan untuk mendapat blok baru, lalu coba lagi.</source>
            <translation>This PC's block of numbers for {series} in {year} is used up (last number {last}). Connect to the network and sync to get a new block, then try again.</translation>
        </message>
        <message>
            <source>Blok nomor surat PC ini tidak berlaku lagi karena datanya dipulihkan dari cadangan. Sambungkan ke jaringan dan sinkronkan dulu, lalu coba lagi.</source>
            <translation>This PC's blocks of letter numbers are no longer valid because its data was restored from a backup. Connect to the network and sync first, then try again.</translation>
        </message>
        <message>
            <source>Buku agenda tidak dapat disimpan ke {path}: {reason}</source>
            <translation>The agenda book cannot be saved to {path}: {reason}</translation>
        </message>
        <message>
            <source>Bulan pengangkatan dalam NIP tidak valid.</source>
            <translation>The appointment month in the NIP is not valid.</translation>
        </message>
        <message>
            <source>Cap waktu dari server tidak dapat diperoleh.</source>
            <translation>No timestamp could be obtained from the server.</translation>
        </message>
        <message>
            <source>Cap waktu dokumen</source>
            <translation>Document timestamp</translation>
        </message>
        <message>
            <source>Cap waktu dokumen rusak ({e}).</source>
            <translation>The document timestamp is damaged ({e}).</translation>
        </message>
        <message>
            <source>Cap waktu dokumen rusak atau tidak cocok dengan isi dokumen.</source>
            <translation>The document timestamp is damaged or does not match the document.</translation>
        </message>
        <message>
            <source>Cap waktu dokumen tidak dapat diperiksa ({e}).</source>
            <translation>The document timestamp cannot be checked ({e}).</translation>
        </message>
        <message>
            <source>Cap waktu pada tanda tangan rusak.</source>
            <translation>The signature's timestamp is damaged.</translation>
        </message>
        <message>
            <source>Cap waktu tanda tangan</source>
            <translation>Signature timestamp</translation>
        </message>
        <message>
            <source>Cap waktu: belum ada (waktu hanya menurut jam komputer penanda tangan).</source>
            <translation>Timestamp: none yet (the time is only the signer's computer clock).</translation>
        </message>
        <message>
            <source>Cap waktu: belum ada pada berkas ini; waktu penandatanganan tercatat di server kantor: {t}.</source>
            <translation>Timestamp: none in this file yet; the signing time recorded on the office's server: {t}.</translation>
        </message>
        <message>
            <source>Catatan disposisi</source>
            <translation>Disposition note</translation>
        </message>
        <message>
            <source>Catatan tindak lanjut masih kosong.</source>
            <translation>The follow-up note is empty.</translation>
        </message>
        <message>
            <source>Daftar pencabutan sertifikat belum tersedia; status pencabutan tidak diperiksa.</source>
            <translation>No certificate revocation list yet; revocation was not checked.</translation>
        </message>
        <message>
            <source>Daftar pencabutan sertifikat dari server tidak sah.</source>
            <translation>The certificate revocation list from the server is not valid.</translation>
        </message>
        <message>
            <source>Daftar pencabutan sertifikat yang ada terbit {d} dan sudah lewat masa berlakunya; perbarui dengan sinkronisasi.</source>
            <translation>The revocation list held was issued {d} and has expired; update it by syncing.</translation>
        </message>
        <message>
            <source>Dalam proses</source>
            <translation>In progress</translation>
        </message>
        <message>
            <source>Data</source>
            <translation>Record</translation>
        </message>
        <message>
            <source>Data ini dibuat oleh versi Naskah yang lebih baru (skema {r}). Pasang versi Naskah yang sama atau lebih baru di PC ini; data tidak diubah.</source>
            <translation>This data was made by a newer version of Naskah (schema {r}). Install the same or a newer version of Naskah on this PC; the data was not changed.</translation>
        </message>
        <message>
            <source>Di Windows, masuk dengan akun pengguna Windows biasa (bukan profil sementara); di Linux, pasang dan buka GNOME Keyring atau KWallet. Hubungi petugas TI bila perlu.</source>
            <translation>On Windows, log in with an ordinary Windows user account (not a temporary profile); on Linux, install and open GNOME Keyring or KWallet. Contact the IT officer if needed.</translation>
        </message>
        <message>
            <source>Diantrekan untuk {k} (perlu sambungan internet)</source>
            <translation>Queued for {k} (needs an internet connection)</translation>
        </message>
        <message>
            <source>Diarsipkan</source>
            <translation>Archived</translation>
        </message>
        <message>
            <source>Dibaca</source>
            <translation>Read</translation>
        </message>
        <message>
            <source>Dibatalkan</source>
            <translation>Voided</translation>
        </message>
        <message>
            <source>Didisposisi</source>
            <translation>Dispositioned</translation>
        </message>
        <message>
            <source>Diimpor</source>
            <translation>Imported</translation>
        </message>
        <message>
            <source>Dikembalikan</source>
            <translation>Returned</translation>
        </message>
        <message>
            <source>Dikirim kepada {who}</source>
            <translation>Sent to {who}</translation>
        </message>
        <message>
            <source>Dinilai kembali</source>
            <translation>Reviewed again</translation>
        </message>
        <message>
            <source>Diperiksa terhadap sertifikat akar {org} yang dipercaya komputer ini.</source>
            <translation>Checked against the root certificate of {org} that this computer trusts.</translation>
        </message>
        <message>
            <source>Disk penuh: perubahan terakhir tidak tersimpan, data sebelumnya tetap utuh. Kosongkan ruang disk lalu coba lagi.</source>
            <translation>The disk is full: the last change was not saved, the earlier data is intact. Free some disk space and try again.</translation>
        </message>
        <message>
            <source>Disposisi</source>
            <translation>Dispositions</translation>
        </message>
        <message>
            <source>Disposisi ini sudah dibatalkan.</source>
            <translation>This disposition is already cancelled.</translation>
        </message>
        <message>
            <source>Disposisi ini sudah selesai atau dibatalkan.</source>
            <translation>This disposition is already completed or cancelled.</translation>
        </message>
        <message>
            <source>Disposisi tidak dapat ditujukan kepada diri sendiri.</source>
            <translation>You cannot send a disposition to yourself.</translation>
        </message>
        <message>
            <source>Disposisi yang sudah dibaca penerimanya tidak dapat dibatalkan.</source>
            <translation>A disposition that its recipient has read cannot be cancelled.</translation>
        </message>
        <message>
            <source>Ditandatangani</source>
            <translation>Signed</translation>
        </message>
        <message>
            <source>Ditandatangani basah</source>
            <translation>Signed by hand</translation>
        </message>
        <message>
            <source>Ditandatangani elektronik (TTE BSrE)</source>
            <translation>Signed electronically (BSrE e-signature)</translation>
        </message>
        <message>
            <source>Ditandatangani elektronik (TTE internal)</source>
            <translation>Signed electronically (internal e-signature)</translation>
        </message>
        <message>
            <source>Diteruskan Kepada</source>
            <translation>Forwarded To</translation>
        </message>
        <message>
            <source>Dokumen ditandatangani pada {t}, sesudah sertifikat dicabut pada {r}.</source>
            <translation>The document was signed at {t}, after the certificate was revoked at {r}.</translation>
        </message>
        <message>
            <source>Dokumen diubah setelah ditandatangani: bita {a}-{b} tidak dilindungi tanda tangan ini.</source>
            <translation>The document was changed after signing: bytes {a}-{b} are not protected by this signature.</translation>
        </message>
        <message>
            <source>Dokumen telah diubah setelah ditandatangani.</source>
            <translation>The document was changed after it was signed.</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>E-mail</translation>
        </message>
        <message>
            <source>Elektronik</source>
            <translation>Electronic</translation>
        </message>
        <message>
            <source>Folder data tidak dapat dipakai: {path} ({detail}).</source>
            <translation>The data folder cannot be used: {path} ({detail}).</translation>
        </message>
        <message>
            <source>Folder data tidak dapat ditulis: {path} hanya-baca atau tanpa izin tulis untuk pengguna ini. Data tidak rusak. Minta petugas TI memberi izin tulis (atau pindahkan folder data), lalu buka Naskah lagi.</source>
            <translation>The data folder cannot be written: {path} is read-only or this user may not write to it. The data is not damaged. Ask the IT officer for write permission (or move the data folder), then open Naskah again.</translation>
        </message>
        <message>
            <source>Frasa sandi harus memakai paling sedikit dua jenis karakter (huruf kecil, huruf besar, angka, atau simbol).</source>
            <translation>The passphrase must use at least two kinds of characters (lower case, upper case, digits or symbols).</translation>
        </message>
        <message>
            <source>Frasa sandi kunci tanda tangan salah. Periksa huruf besar/kecil lalu coba lagi.</source>
            <translation>Wrong passphrase for the signing key. Check upper/lower case and try again.</translation>
        </message>
        <message>
            <source>Frasa sandi minimal {n} karakter.</source>
            <translation>The passphrase needs at least {n} characters.</translation>
        </message>
        <message>
            <source>Frasa sandi terlalu banyak mengulang karakter yang sama.</source>
            <translation>The passphrase repeats the same character too often.</translation>
        </message>
        <message>
            <source>Frasa sandi terlalu umum dan mudah ditebak.</source>
            <translation>The passphrase is too common and easy to guess.</translation>
        </message>
        <message>
            <source>Frasa sandi tidak boleh diawali atau diakhiri spasi.</source>
            <translation>The passphrase must not begin or end with a space.</translation>
        </message>
        <message>
            <source>Frasa sandi tidak boleh hanya nama Anda.</source>
            <translation>The passphrase must not be just your name.</translation>
        </message>
        <message>
            <source>Frasa sandi tidak boleh memakai NIP.</source>
            <translation>The passphrase must not use the NIP.</translation>
        </message>
        <message>
            <source>Gambar dalam isi surat ini belum diunduh dari server (lampiran menyusul). Tanda tangani sesudah sinkronisasi berikutnya.</source>
            <translation>A picture in this letter's text has not been downloaded from the server yet (attachment to follow). Sign after the next sync.</translation>
        </message>
        <message>
            <source>Gambar dalam teks yang ditempel rusak.</source>
            <translation>A picture in the pasted text is damaged.</translation>
        </message>
        <message>
            <source>Gambar dalam teks yang ditempel tidak dapat dibaca.</source>
            <translation>A picture in the pasted text cannot be read.</translation>
        </message>
        <message>
            <source>Gambar dari {where} tidak diambil: Naskah bekerja tanpa internet. Simpan gambar itu ke komputer, salin, lalu tempel lagi.</source>
            <translation>The picture from {where} was not fetched: Naskah works without the internet. Save the picture to the computer, copy it, then paste again.</translation>
        </message>
        <message>
            <source>Gambar harus berupa PNG, JPEG, GIF atau BMP.</source>
            <translation>A picture must be PNG, JPEG, GIF or BMP.</translation>
        </message>
        <message>
            <source>Gambar terlalu besar ({mb:.1f} MB; paling besar 5 MB). Perkecil dulu.</source>
            <translation>The picture is too large ({mb:.1f} MB; at most 5 MB). Make it smaller first.</translation>
        </message>
        <message>
            <source>Hal wajib diisi.</source>
            <translation>The subject is required.</translation>
        </message>
        <message>
            <source>Halaman {page}</source>
            <translation>Page {page}</translation>
        </message>
        <message>
            <source>Hanya pegawai berperan penanda tangan yang dapat didaftarkan.</source>
            <translation>Only staff with the signer role can be enrolled.</translation>
        </message>
        <message>
            <source>Hanya pemberi disposisi yang dapat membatalkannya.</source>
            <translation>Only the person who gave the disposition can cancel it.</translation>
        </message>
        <message>
            <source>Hanya penerima disposisi yang dapat meneruskannya.</source>
            <translation>Only the recipient of the disposition can forward it.</translation>
        </message>
        <message>
            <source>Hanya penerima disposisi yang dapat menyelesaikannya.</source>
            <translation>Only the recipient of the disposition can complete it.</translation>
        </message>
        <message>
            <source>Hanya pengonsep yang dapat mengubah naskah ini.</source>
            <translation>Only the drafter can change this letter.</translation>
        </message>
        <message>
            <source>Hanya pimpinan atau tujuan surat yang dapat mendisposisikannya.</source>
            <translation>Only the head of office or the letter's addressee can give it a disposition.</translation>
        </message>
        <message>
            <source>ID klien BSrE wajib diisi, tanpa spasi dan tanpa ':'.</source>
            <translation>The BSrE client ID is required, without spaces and without ':'.</translation>
        </message>
        <message>
            <source>Impor</source>
            <translation>Import</translation>
        </message>
        <message>
            <source>Impor buku agenda memerlukan peran Agendaris.</source>
            <translation>Importing an agenda book needs the Registrar role.</translation>
        </message>
        <message>
            <source>Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau ditindaklanjuti sesudahnya (agenda {a}). Batalkan perubahan itu dulu, atau hapus surat satu per satu.</source>
            <translation>The import cannot be undone: {n} letters of this import were changed or acted on since (agenda {a}). Undo those changes first, or remove letters one by one.</translation>
        </message>
        <message>
            <source>Impor tidak dapat dibatalkan: {n} surat dari impor ini sudah diubah atau ditindaklanjuti sesudahnya (nomor {a}). Batalkan perubahan itu dulu, atau hapus surat satu per satu.</source>
            <translation>The import cannot be undone: {n} letters of this import were changed or acted on since (numbers {a}). Undo those changes first, or delete the letters one by one.</translation>
        </message>
        <message>
            <source>Inaktif (dipindahkan)</source>
            <translation>Inactive (transferred)</translation>
        </message>
        <message>
            <source>Instruksi</source>
            <translation>Instruction</translation>
        </message>
        <message>
            <source>Isi balasan tidak sesuai format Naskah; berkas ditolak.</source>
            <translation>The reply does not follow Naskah's format; the file is refused.</translation>
        </message>
        <message>
            <source>Isi berkas</source>
            <translation>File contents</translation>
        </message>
        <message>
            <source>Isi dokumen tidak cocok dengan tanda tangan (dokumen diubah).</source>
            <translation>The document does not match the signature (the document was changed).</translation>
        </message>
        <message>
            <source>Isi jabatan yang diwakili (a.n.).</source>
            <translation>Fill in the position signed for (a.n.).</translation>
        </message>
        <message>
            <source>Isi setidaknya satu tujuan surat.</source>
            <translation>Fill in at least one addressee.</translation>
        </message>
        <message>
            <source>Isi surat masih kosong.</source>
            <translation>The letter text is empty.</translation>
        </message>
        <message>
            <source>Isi tanda tangan (/Contents) diubah di luar bagian yang ditandatangani.</source>
            <translation>The signature content (/Contents) was changed outside the signed part.</translation>
        </message>
        <message>
            <source>Jabatan wajib diisi.</source>
            <translation>The position is required.</translation>
        </message>
        <message>
            <source>Jadwal retensi</source>
            <translation>Retention schedule</translation>
        </message>
        <message>
            <source>Jam komputer selisih {amount}</source>
            <translation>The computer clock is off by {amount}</translation>
        </message>
        <message>
            <source>Jangan simpan kata sandi di berkas profil; berikan lewat NASKAH_ADMIN_PASSWORD atau ketik saat diminta.</source>
            <translation>Do not keep the password in the profile file; give it through NASKAH_ADMIN_PASSWORD or type it when asked.</translation>
        </message>
        <message>
            <source>Jaringan meminta login (captive portal)</source>
            <translation>The network asks for a login (captive portal)</translation>
        </message>
        <message>
            <source>Jaringan meminta login (captive portal): buka peramban dan masuk dulu.</source>
            <translation>The network asks for a login (captive portal): open a browser and log in first.</translation>
        </message>
        <message>
            <source>Jawaban server BSrE tidak dapat dipakai (bukan PDF bertanda tangan yang sah), jadi tidak disimpan; surat tetap dalam antrean TTE BSrE. Bila berulang, minta petugas TI memeriksa alamat server BSrE di Pengaturan.</source>
            <translation>The BSrE server's answer cannot be used (not a validly signed PDF), so it was not stored; the letter stays in the BSrE queue. If this repeats, ask the IT officer to check the BSrE server address in the settings.</translation>
        </message>
        <message>
            <source>Jawaban server tidak sesuai permintaan lampiran.</source>
            <translation>The server's answer does not match the attachments asked for.</translation>
        </message>
        <message>
            <source>Jenis Naskah</source>
            <translation>Letter Type</translation>
        </message>
        <message>
            <source>Jenis data ini tidak dapat diselesaikan di PC ini.</source>
            <translation>This kind of record cannot be resolved on this PC.</translation>
        </message>
        <message>
            <source>Jenis naskah tidak dikenal.</source>
            <translation>Unknown letter type.</translation>
        </message>
        <message>
            <source>Jenis naskah tidak dikenal: {v}.</source>
            <translation>Unknown letter type: {v}.</translation>
        </message>
        <message>
            <source>Jenis surat tidak dikenal: {k}.</source>
            <translation>Unknown letter kind: {k}.</translation>
        </message>
        <message>
            <source>Jenis tautan tidak dikenal.</source>
            <translation>Unknown link type.</translation>
        </message>
        <message>
            <source>Judul berkas paling banyak {n} huruf.</source>
            <translation>A file title has at most {n} characters.</translation>
        </message>
        <message>
            <source>Judul klasifikasi wajib diisi.</source>
            <translation>The classification title is required.</translation>
        </message>
        <message>
            <source>Jumlah digit nomor urut 1 sampai 6.</source>
            <translation>The sequence has 1 to 6 digits.</translation>
        </message>
        <message>
            <source>Jumlah nomor harus antara 0 dan {n}.</source>
            <translation>The number of numbers must be between 0 and {n}.</translation>
        </message>
        <message>
            <source>Kantor</source>
            <translation>Office</translation>
        </message>
        <message>
            <source>Kantor ini sudah disiapkan sebelumnya.</source>
            <translation>This office was already set up.</translation>
        </message>
        <message>
            <source>Kantor pengirim</source>
            <translation>Sending office</translation>
        </message>
        <message>
            <source>Kantor tujuan tidak ada di daftar kantor server.</source>
            <translation>The office is not in the server's list of offices.</translation>
        </message>
        <message>
            <source>Kata sandi minimal {n} karakter.</source>
            <translation>The password needs at least {n} characters.</translation>
        </message>
        <message>
            <source>Kedudukan penandatangan tidak valid.</source>
            <translation>The signer's capacity is not valid.</translation>
        </message>
        <message>
            <source>Kemungkinan duplikat</source>
            <translation>Possible duplicate</translation>
        </message>
        <message>
            <source>Kepada</source>
            <translation>To</translation>
        </message>
        <message>
            <source>Kertas</source>
            <translation>Paper</translation>
        </message>
        <message>
            <source>Keterangan</source>
            <translation>Remarks</translation>
        </message>
        <message>
            <source>Keterangan paling banyak {n} huruf.</source>
            <translation>Notes have at most {n} characters.</translation>
        </message>
        <message>
            <source>Keutuhan: DIUBAH setelah ditandatangani (isi tidak cocok dengan tanda tangan).</source>
            <translation>Integrity: CHANGED after signing (the content does not match the signature).</translation>
        </message>
        <message>
            <source>Keutuhan: DIUBAH setelah ditandatangani (struktur dokumen diubah).</source>
            <translation>Integrity: CHANGED after signing (the document structure was changed).</translation>
        </message>
        <message>
            <source>Keutuhan: DIUBAH setelah ditandatangani; tidak dilindungi tanda tangan: {s}.</source>
            <translation>Integrity: CHANGED after signing; not protected by the signature: {s}.</translation>
        </message>
        <message>
            <source>Keutuhan: utuh, tanda tangan mencakup seluruh berkas.</source>
            <translation>Integrity: intact, the signature covers the whole file.</translation>
        </message>
        <message>
            <source>Keutuhan: utuh; sesudahnya hanya ditambahkan tanda tangan, cap waktu atau data validasi.</source>
            <translation>Integrity: intact; only signatures, timestamps or validation data were added afterwards.</translation>
        </message>
        <message>
            <source>Klasifikasi</source>
            <translation>Classification</translation>
        </message>
        <message>
            <source>Klasifikasi di SRIKANDI: {k}.</source>
            <translation>Classification in SRIKANDI: {k}.</translation>
        </message>
        <message>
            <source>Kode Klasifikasi</source>
            <translation>Classification Code</translation>
        </message>
        <message>
            <source>Kode jenis kelamin dalam NIP harus 1 atau 2.</source>
            <translation>The sex code in the NIP must be 1 or 2.</translation>
        </message>
        <message>
            <source>Kode klasifikasi</source>
            <translation>Classification code</translation>
        </message>
        <message>
            <source>Kode klasifikasi berkas wajib diisi.</source>
            <translation>The file's classification code is required.</translation>
        </message>
        <message>
            <source>Kode klasifikasi harus berbentuk angka bertitik, misalnya 400.10.2.</source>
            <translation>A classification code is dotted numbers, e.g. 400.10.2.</translation>
        </message>
        <message>
            <source>Kode klasifikasi surat ({a}) berbeda dengan kode berkas ({b}). Pilih berkas dengan kode {a}, atau buat berkas baru.</source>
            <translation>The letter's classification code ({a}) differs from the file's code ({b}). Choose a file with code {a}, or make a new file.</translation>
        </message>
        <message>
            <source>Kode klasifikasi tidak dikenal.</source>
            <translation>Unknown classification code.</translation>
        </message>
        <message>
            <source>Kode klasifikasi tidak dikenal: {v}.</source>
            <translation>Unknown classification code: {v}.</translation>
        </message>
        <message>
            <source>Kode klasifikasi wajib dipilih.</source>
            <translation>A classification code is required.</translation>
        </message>
        <message>
            <source>Kode klasifikasi {code} tidak ada dalam daftar klasifikasi.</source>
            <translation>Classification code {code} is not in the classification list.</translation>
        </message>
        <message>
            <source>Kode pendaftaran belum dipakai.</source>
            <translation>The enrolment code has not been used.</translation>
        </message>
        <message>
            <source>Kode pendaftaran masih berlaku: setelah keyring diperbaiki, daftarkan lagi dengan kode yang sama.</source>
            <translation>The enrolment code is still valid: once the keyring is fixed, enrol again with the same code.</translation>
        </message>
        <message>
            <source>Kode unit harus diawali huruf, 2-24 karakter huruf/angka/titik/strip, tanpa garis miring (contoh: Kec.SKM).</source>
            <translation>The unit code starts with a letter, 2-24 letters/digits/dots/hyphens, no slashes (example: Kec.SKM).</translation>
        </message>
        <message>
            <source>Kode verifikasi tidak dikenal di komputer ini. Periksa kembali kode pada surat (20 huruf a–z dan angka 2–7), atau periksa di halaman verifikasi server.</source>
            <translation>The verification code is unknown on this computer. Check the code on the letter again (20 letters a–z and digits 2–7), or check it on the server's verification page.</translation>
        </message>
        <message>
            <source>Kolom wajib belum dipilih: {f}.</source>
            <translation>Required columns not chosen: {f}.</translation>
        </message>
        <message>
            <source>Kolom {name} tidak dapat diubah.</source>
            <translation>The field {name} cannot be changed.</translation>
        </message>
        <message>
            <source>Komputer ini belum menerima sertifikat akar kantor (sinkronkan dulu): hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan.</source>
            <translation>This computer has not received the office's root certificate yet (sync first): only the document's integrity was checked; the certificate's issuer cannot be confirmed.</translation>
        </message>
        <message>
            <source>Komputer ini belum menerima sertifikat akar kantor. Sambungkan ke server dan sinkronkan (atau impor balasan server) terlebih dahulu.</source>
            <translation>This computer has not received the office's root certificate yet. Connect to the server and sync (or import the server's reply) first.</translation>
        </message>
        <message>
            <source>Konflik</source>
            <translation>Conflicts</translation>
        </message>
        <message>
            <source>Konflik ini sudah diselesaikan.</source>
            <translation>This conflict is already resolved.</translation>
        </message>
        <message>
            <source>Konsep</source>
            <translation>Drafts</translation>
        </message>
        <message>
            <source>Kotak tanda tangan terlalu kecil atau di luar halaman.</source>
            <translation>The signature box is too small or off the page.</translation>
        </message>
        <message>
            <source>Kunci {k} tidak dikenal di [{t}]; yang dikenal: {known}.</source>
            <translation>Unknown key {k} in [{t}]; known keys: {known}.</translation>
        </message>
        <message>
            <source>Lainnya</source>
            <translation>Other</translation>
        </message>
        <message>
            <source>Lampiran</source>
            <translation>Attachments</translation>
        </message>
        <message>
            <source>Lampiran {h} di dalam berkas rusak.</source>
            <translation>The attachment {h} in the file is damaged.</translation>
        </message>
        <message>
            <source>Lampirkan pindaian surat (PDF atau gambar).</source>
            <translation>Attach the letter's scan (PDF or image).</translation>
        </message>
        <message>
            <source>Langkah paraf</source>
            <translation>Review step</translation>
        </message>
        <message>
            <source>Lembar {s} tidak ada dalam berkas.</source>
            <translation>Sheet {s} is not in the file.</translation>
        </message>
        <message>
            <source>Logo tidak dapat dibaca: {e}</source>
            <translation>The logo cannot be read: {e}</translation>
        </message>
        <message>
            <source>Luring</source>
            <translation>Offline</translation>
        </message>
        <message>
            <source>Luring: server tidak dapat dihubungi.</source>
            <translation>Offline: the server cannot be reached.</translation>
        </message>
        <message>
            <source>Masalah cap waktu dokumen: {p}</source>
            <translation>Document timestamp problem: {p}</translation>
        </message>
        <message>
            <source>Masalah: {p}</source>
            <translation>Problem: {p}</translation>
        </message>
        <message>
            <source>Menindaklanjuti surat {s} Nomor {n} tanggal {d} hal {h}, dengan ini kami sampaikan hal-hal sebagai berikut.</source>
            <translation>Menindaklanjuti surat {s} Nomor {n} tanggal {d} hal {h}, dengan ini kami sampaikan hal-hal sebagai berikut.</translation>
        </message>
        <message>
            <source>Menunggu paraf</source>
            <translation>Awaiting initials</translation>
        </message>
        <message>
            <source>Menunggu tanda tangan</source>
            <translation>Awaiting signature</translation>
        </message>
        <message>
            <source>Menyinkronkan {i}/{n}</source>
            <translation>Syncing {i}/{n}</translation>
        </message>
        <message>
            <source>Menyinkronkan...</source>
            <translation>Syncing...</translation>
        </message>
        <message>
            <source>Musnah</source>
            <translation>Destroy</translation>
        </message>
        <message>
            <source>NIK harus 16 angka, sesuai KTP. Periksa lalu ketik ulang.</source>
            <translation>The NIK is 16 digits, as on the ID card. Check it and type it again.</translation>
        </message>
        <message>
            <source>NIK ini belum terdaftar sebagai pemilik sertifikat elektronik BSrE. Periksa NIK; bila sudah benar, hubungi admin TTE/BSrE di instansi Anda untuk pendaftaran.</source>
            <translation>This NIK is not registered as the holder of a BSrE electronic certificate. Check the NIK; if it is right, contact the e-signature/BSrE administrator of your agency to register.</translation>
        </message>
        <message>
            <source>NIP harus 18 angka.</source>
            <translation>The NIP must be 18 digits.</translation>
        </message>
        <message>
            <source>NIP sudah terdaftar.</source>
            <translation>The NIP is already registered.</translation>
        </message>
        <message>
            <source>Nama kabupaten wajib diisi.</source>
            <translation>The kabupaten name is required.</translation>
        </message>
        <message>
            <source>Nama kecamatan wajib diisi.</source>
            <translation>The kecamatan name is required.</translation>
        </message>
        <message>
            <source>Nama pengguna 3-32 karakter: huruf kecil, angka, titik, garis bawah atau strip.</source>
            <translation>A user name has 3-32 characters: lower-case letters, digits, dots, underscores or hyphens.</translation>
        </message>
        <message>
            <source>Nama pengguna atau kata sandi salah.</source>
            <translation>Wrong user name or password.</translation>
        </message>
        <message>
            <source>Nama pengguna sudah dipakai.</source>
            <translation>The user name is already taken.</translation>
        </message>
        <message>
            <source>Nama pengirim wajib diisi.</source>
            <translation>The sender's name is required.</translation>
        </message>
        <message>
            <source>Nama wajib diisi.</source>
            <translation>The name is required.</translation>
        </message>
        <message>
            <source>Nasib akhir harus 'musnah' atau 'permanen'.</source>
            <translation>The final fate must be 'musnah' or 'permanen'.</translation>
        </message>
        <message>
            <source>Nasib akhir harus musnah, permanen, atau dinilai kembali.</source>
            <translation>The final disposition must be destroy, permanent or review.</translation>
        </message>
        <message>
            <source>Naskah</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Naskah SRIKANDI ini sudah dicatat: agenda {a}/{y}.</source>
            <translation>This SRIKANDI document is already registered: agenda {a}/{y}.</translation>
        </message>
        <message>
            <source>Naskah bersifat {s}: hanya untuk pihak terkait.</source>
            <translation>The letter is {s}: only for those concerned.</translation>
        </message>
        <message>
            <source>Naskah berstatus {a} tidak dapat menjadi {b}.</source>
            <translation>A letter that is {a} cannot become {b}.</translation>
        </message>
        <message>
            <source>Naskah ini belum siap ditandatangani.</source>
            <translation>This letter is not ready to be signed.</translation>
        </message>
        <message>
            <source>Naskah ini diantrekan untuk {k}; tandatangani dengan cara itu.</source>
            <translation>This letter is queued for {k}; sign it that way.</translation>
        </message>
        <message>
            <source>Naskah ini sudah bernomor dan ditandatangani sebagian; tidak dapat dikembalikan. Batalkan nomornya bila isinya harus diubah.</source>
            <translation>This letter already has a number and some signatures; it cannot be returned. Void its number if its text must change.</translation>
        </message>
        <message>
            <source>Naskah ini sudah bernomor.</source>
            <translation>This letter already has a number.</translation>
        </message>
        <message>
            <source>Naskah ini sudah ditandatangani sebagian.</source>
            <translation>This letter already has some signatures.</translation>
        </message>
        <message>
            <source>Naskah ini tidak sedang menunggu paraf.</source>
            <translation>This letter is not awaiting initials.</translation>
        </message>
        <message>
            <source>Naskah ini tidak sedang menunggu tanda tangan Anda.</source>
            <translation>This letter is not awaiting your signature.</translation>
        </message>
        <message>
            <source>Naskah ini tidak sedang menunggu tindakan Anda.</source>
            <translation>This letter is not waiting for you.</translation>
        </message>
        <message>
            <source>Naskah sedang dalam proses paraf/tanda tangan; tarik dulu.</source>
            <translation>The letter is in review or awaiting signature; withdraw it first.</translation>
        </message>
        <message>
            <source>Naskah sudah berjalan untuk folder data ini (mungkin di jendela lain). Tutup salinan yang lain terlebih dahulu.</source>
            <translation>Naskah is already running on this data folder (perhaps in another window). Close the other copy first.</translation>
        </message>
        <message>
            <source>Naskah yang sudah ditandatangani tidak dapat diubah.</source>
            <translation>A signed letter cannot be changed.</translation>
        </message>
        <message>
            <source>Nilai {name} tidak sah: {e}</source>
            <translation>The value of {name} is not valid: {e}</translation>
        </message>
        <message>
            <source>No.</source>
            <translation>No.</translation>
        </message>
        <message>
            <source>No. Agenda</source>
            <translation>Agenda No.</translation>
        </message>
        <message>
            <source>Nomor</source>
            <translation>Number</translation>
        </message>
        <message>
            <source>Nomor Surat</source>
            <translation>Letter Number</translation>
        </message>
        <message>
            <source>Nomor agenda kosong.</source>
            <translation>Agenda number is empty.</translation>
        </message>
        <message>
            <source>Nomor agenda surat ini sudah dibatalkan.</source>
            <translation>This letter's agenda number was voided.</translation>
        </message>
        <message>
            <source>Nomor agenda surat ini sudah dibatalkan: surat ini tidak diberkaskan.</source>
            <translation>This letter's agenda number was voided: the letter is not filed.</translation>
        </message>
        <message>
            <source>Nomor agenda {a}/{y} sudah ada di register.</source>
            <translation>Agenda number {a}/{y} is already in the register.</translation>
        </message>
        <message>
            <source>Nomor dibatalkan</source>
            <translation>Number voided</translation>
        </message>
        <message>
            <source>Nomor ini sudah dibatalkan.</source>
            <translation>This number is already voided.</translation>
        </message>
        <message>
            <source>Nomor referensi terlalu panjang.</source>
            <translation>The reference is too long.</translation>
        </message>
        <message>
            <source>Nomor surat</source>
            <translation>Letter number</translation>
        </message>
        <message>
            <source>Nomor surat kosong.</source>
            <translation>Letter number is empty.</translation>
        </message>
        <message>
            <source>Nomor surat {n} sudah ada di register.</source>
            <translation>Letter number {n} is already in the register.</translation>
        </message>
        <message>
            <source>Orang yang dipilih tidak memiliki peran itu.</source>
            <translation>The person chosen does not have that role.</translation>
        </message>
        <message>
            <source>PALSU: ditandatangani oleh sertifikat yang bukan dari {org}.</source>
            <translation>FORGED: signed with a certificate that is not from {org}.</translation>
        </message>
        <message>
            <source>PC ini belum mengenal kunci server untuk memeriksa balasan. Sinkronkan sekali secara online, lalu impor balasannya lagi.</source>
            <translation>This PC does not know the server's key to check replies yet. Sync online once, then import the reply again.</translation>
        </message>
        <message>
            <source>PC ini belum menyimpan sertifikat akar organisasi untuk memeriksa server kantor. Sinkronkan sekali dengan server pusat, lalu coba lagi.</source>
            <translation>This PC does not hold the organisation's root certificate yet to check the office server. Sync once with the central server, then try again.</translation>
        </message>
        <message>
            <source>PC ini belum pernah bersinkron online sejak diperbarui, jadi server belum mengenal kunci tanda tangan bundelnya. Sinkronkan sekali secara online dulu.</source>
            <translation>This PC has not synced online since it was updated, so the server does not know its bundle signing key yet. Sync online once first.</translation>
        </message>
        <message>
            <source>PC ini belum punya kunci bundel yang dikenal server. Sinkronkan sekali secara online, lalu buat bundel lagi.</source>
            <translation>This PC has no bundle key the server knows. Sync online once, then make the bundle again.</translation>
        </message>
        <message>
            <source>PC ini belum terdaftar di server: nomor diberikan oleh PC ini sendiri dan tidak akan habis.</source>
            <translation>This PC is not enrolled with a server: it gives its own numbers and never runs out.</translation>
        </message>
        <message>
            <source>PC ini belum terdaftar ke server (atau tokennya hilang): daftarkan ulang.</source>
            <translation>This PC is not enrolled with the server (or its token is lost): enrol it again.</translation>
        </message>
        <message>
            <source>PC ini belum terhubung ke server pusat: daftar kantor belum ada. Daftarkan PC ke server dan sinkronkan dulu.</source>
            <translation>This PC is not connected to the central server: it has no list of offices. Enrol the PC with the server and sync first.</translation>
        </message>
        <message>
            <source>PC ini sudah terdaftar ke server.</source>
            <translation>This PC is already enrolled with the server.</translation>
        </message>
        <message>
            <source>PDF ini dilindungi kata sandi (terenkripsi); tidak dapat ditandatangani/diperiksa.</source>
            <translation>This PDF is password-protected (encrypted); it cannot be signed or checked.</translation>
        </message>
        <message>
            <source>PDF ini terkunci kata sandi. Buka kuncinya dulu (cetak ulang ke PDF), lalu lampirkan lagi.</source>
            <translation>This PDF is locked with a password. Unlock it first (print it to PDF again), then attach it again.</translation>
        </message>
        <message>
            <source>PDF ini tidak memiliki tanda tangan elektronik.</source>
            <translation>This PDF has no electronic signature.</translation>
        </message>
        <message>
            <source>PDF surat dengan kode ini belum ada di komputer ini. Sinkronkan dulu.</source>
            <translation>The PDF of the letter with this code is not on this computer yet. Sync first.</translation>
        </message>
        <message>
            <source>PDF surat yang ditandatangani belum tiba di PC ini. Sinkronkan dulu.</source>
            <translation>The signed letter's PDF has not reached this PC yet. Synchronise first.</translation>
        </message>
        <message>
            <source>PDF tanpa halaman.</source>
            <translation>PDF with no pages.</translation>
        </message>
        <message>
            <source>PDF yang ditandatangani penanda tangan sebelumnya belum ada di komputer ini. Sinkronkan dulu, lalu tandatangani lagi.</source>
            <translation>The PDF the previous signer signed is not on this computer yet. Sync first, then sign again.</translation>
        </message>
        <message>
            <source>Padanannya ({codes}) belum semua punya jadwal retensi lengkap: {lacking}.</source>
            <translation>Its equivalents ({codes}) do not all have a complete retention schedule: {lacking}.</translation>
        </message>
        <message>
            <source>Padanannya ({codes}) tidak ada dalam daftar klasifikasi.</source>
            <translation>Its equivalents ({codes}) are not in the classification list.</translation>
        </message>
        <message>
            <source>Padanannya ({codes}) tidak seragam retensinya: {rules}.</source>
            <translation>Its equivalents ({codes}) differ in retention: {rules}.</translation>
        </message>
        <message>
            <source>Paraf</source>
            <translation>Initial</translation>
        </message>
        <message>
            <source>Passphrase BSrE salah. Periksa huruf besar/kecil lalu coba lagi.</source>
            <translation>Wrong BSrE passphrase. Check upper/lower case and try again.</translation>
        </message>
        <message>
            <source>Pegawai</source>
            <translation>Staff member</translation>
        </message>
        <message>
            <source>Pemaraf</source>
            <translation>Reviewer</translation>
        </message>
        <message>
            <source>Pemaraf yang sama dipilih dua kali.</source>
            <translation>The same reviewer was chosen twice.</translation>
        </message>
        <message>
            <source>Pembatalan nomor agenda memerlukan peran Agendaris.</source>
            <translation>Voiding an agenda number requires the Registrar role.</translation>
        </message>
        <message>
            <source>Pemberkasan hanya dapat dilakukan oleh agendaris atau administrator.</source>
            <translation>Only the registrar or the administrator can file letters.</translation>
        </message>
        <message>
            <source>Penanda tangan sebelumnya memakai {k}; gunakan cara yang sama.</source>
            <translation>The previous signer used {k}; use the same way.</translation>
        </message>
        <message>
            <source>Penanda tangan tercatat: {s}.</source>
            <translation>Signers on record: {s}.</translation>
        </message>
        <message>
            <source>Penanda tangan yang sama dipilih dua kali.</source>
            <translation>The same signer was chosen twice.</translation>
        </message>
        <message>
            <source>Penanda tangan: {who}</source>
            <translation>Signer: {who}</translation>
        </message>
        <message>
            <source>Penandatangan</source>
            <translation>Signer</translation>
        </message>
        <message>
            <source>Pencatatan surat masuk memerlukan peran Agendaris.</source>
            <translation>Registering incoming letters needs the Registrar role.</translation>
        </message>
        <message>
            <source>Pendaftaran sertifikat elektronik BSrE untuk NIK ini belum selesai (sertifikat belum terbit). Hubungi admin TTE/BSrE di instansi Anda untuk menyelesaikannya.</source>
            <translation>The BSrE certificate registration for this NIK is not finished (no certificate issued yet). Contact the e-signature/BSrE administrator of your agency to finish it.</translation>
        </message>
        <message>
            <source>Penerbit cap waktu dokumen tidak tepercaya.</source>
            <translation>The document timestamp's issuer is not trusted.</translation>
        </message>
        <message>
            <source>Penerbit cap waktu pada tanda tangan tidak tepercaya.</source>
            <translation>The signature timestamp's issuer is not trusted.</translation>
        </message>
        <message>
            <source>Penerima tidak ditemukan atau nonaktif.</source>
            <translation>The recipient was not found or is inactive.</translation>
        </message>
        <message>
            <source>Penerima yang sama dipilih dua kali.</source>
            <translation>The same recipient was chosen twice.</translation>
        </message>
        <message>
            <source>Pengirim</source>
            <translation>Sender</translation>
        </message>
        <message>
            <source>Pengirim tidak ditemukan di daftar.</source>
            <translation>The sender is not in the list.</translation>
        </message>
        <message>
            <source>Pengirim wajib diisi.</source>
            <translation>The sender is required.</translation>
        </message>
        <message>
            <source>Pengiriman ke kantor lain</source>
            <translation>Delivery to another office</translation>
        </message>
        <message>
            <source>Pengonsep</source>
            <translation>Drafter</translation>
        </message>
        <message>
            <source>Penyimpanan kata sandi sistem (keyring) tidak dapat dibuka, sehingga kata sandi klien BSrE tidak terbaca. Hubungi petugas TI.</source>
            <translation>The system password store (keyring) cannot be opened, so the BSrE client password cannot be read. Contact the IT officer.</translation>
        </message>
        <message>
            <source>Penyimpanan rahasia sistem (keyring) tidak dapat dipakai di komputer ini, sehingga token server tidak dapat disimpan dengan aman.</source>
            <translation>The system secret store (keyring) cannot be used on this computer, so the server token cannot be kept safely.</translation>
        </message>
        <message>
            <source>Peran tidak dikenal; pilih dari: {k}.</source>
            <translation>Unknown role; choose from: {k}.</translation>
        </message>
        <message>
            <source>Perhatikan peringatan.</source>
            <translation>Mind the warnings.</translation>
        </message>
        <message>
            <source>Perihal</source>
            <translation>Subject</translation>
        </message>
        <message>
            <source>Perihal kosong.</source>
            <translation>Subject is empty.</translation>
        </message>
        <message>
            <source>Peringatan: {w}</source>
            <translation>Warning: {w}</translation>
        </message>
        <message>
            <source>Perlu Paraf</source>
            <translation>To Initial</translation>
        </message>
        <message>
            <source>Perlu Tanda Tangan</source>
            <translation>To Sign</translation>
        </message>
        <message>
            <source>Permanen</source>
            <translation>Permanent</translation>
        </message>
        <message>
            <source>Permintaan sertifikat ditolak server: {e}</source>
            <translation>The server refused the certificate request: {e}</translation>
        </message>
        <message>
            <source>Permintaan sertifikat menunggu jawaban server (sinkronkan atau impor balasan).</source>
            <translation>The certificate request awaits the server's answer (sync or import the reply).</translation>
        </message>
        <message>
            <source>Perpanjangan sertifikat elektronik BSrE Anda sedang diproses. Tunggu sampai sertifikat baru terbit (hubungi admin TTE/BSrE bila lama), lalu coba lagi.</source>
            <translation>The renewal of your BSrE certificate is in progress. Wait until the new certificate is issued (contact your e-signature/BSrE administrator if it takes long), then try again.</translation>
        </message>
        <message>
            <source>Petunjuk disposisi</source>
            <translation>Disposition instruction</translation>
        </message>
        <message>
            <source>Pilih berkas yang sudah jatuh tempo retensinya.</source>
            <translation>Choose files that are due for retention.</translation>
        </message>
        <message>
            <source>Pilih instruksi atau tulis instruksi sendiri.</source>
            <translation>Choose an instruction or write your own.</translation>
        </message>
        <message>
            <source>Pilih penandatangan.</source>
            <translation>Choose a signer.</translation>
        </message>
        <message>
            <source>Pilih satu berkas, atau buat berkas baru.</source>
            <translation>Choose one file, or make a new file.</translation>
        </message>
        <message>
            <source>Pilih setidaknya satu penerima disposisi.</source>
            <translation>Choose at least one recipient for the disposition.</translation>
        </message>
        <message>
            <source>Pilih setidaknya satu peran.</source>
            <translation>Choose at least one role.</translation>
        </message>
        <message>
            <source>Pindahkan ke arsip inaktif</source>
            <translation>Transfer to the inactive archive</translation>
        </message>
        <message>
            <source>Pindaian hanya untuk naskah yang sudah ditandatangani.</source>
            <translation>Scans are only for signed letters.</translation>
        </message>
        <message>
            <source>Pindaian surat masuk</source>
            <translation>Incoming letter scan</translation>
        </message>
        <message>
            <source>Pola nomor harus memuat {urut}.</source>
            <translation>The number pattern must contain {urut}.</translation>
        </message>
        <message>
            <source>Pola nomor tidak valid (kurung kurawal tidak seimbang).</source>
            <translation>The number pattern is not valid (unbalanced braces).</translation>
        </message>
        <message>
            <source>Profil bukan teks UTF-8 (baris {n}). Simpan ulang profil sebagai teks UTF-8, misalnya di Notepad: Simpan sebagai, Encoding UTF-8.</source>
            <translation>The profile is not UTF-8 text (line {n}). Save the profile again as UTF-8 text, e.g. in Notepad: Save as, Encoding UTF-8.</translation>
        </message>
        <message>
            <source>Profil kantor</source>
            <translation>Office profile</translation>
        </message>
        <message>
            <source>Profil tidak dapat dibaca: {e}</source>
            <translation>The profile cannot be read: {e}</translation>
        </message>
        <message>
            <source>Profil tidak sah pada baris {n}: {e}. Periksa tanda kutip, tanda = dan nama tabel.</source>
            <translation>The profile is not valid at line {n}: {e}. Check the quotes, the = signs and the table names.</translation>
        </message>
        <message>
            <source>Rentang bita tanda tangan tidak baku.</source>
            <translation>The signature's byte range is not standard.</translation>
        </message>
        <message>
            <source>Rentang bita tanda tangan tidak menunjuk ke isi tanda tangan.</source>
            <translation>The signature's byte range does not point at the signature content.</translation>
        </message>
        <message>
            <source>Retensi aktif</source>
            <translation>Active retention</translation>
        </message>
        <message>
            <source>Retensi inaktif</source>
            <translation>Inactive retention</translation>
        </message>
        <message>
            <source>Revisi surat</source>
            <translation>Letter revision</translation>
        </message>
        <message>
            <source>Revisi {a}–{b} disimpan</source>
            <translation>Revisions {a}–{b} saved</translation>
        </message>
        <message>
            <source>Revisi {n} disimpan</source>
            <translation>Revision {n} saved</translation>
        </message>
        <message>
            <source>Ruang tanda tangan untuk penanda tangan ini tidak ditemukan.</source>
            <translation>No signature space was found for this signer.</translation>
        </message>
        <message>
            <source>SAH: tanda tangan utuh dan dokumen tidak berubah sejak ditandatangani.</source>
            <translation>VALID: the signature is intact and the document has not changed since it was signed.</translation>
        </message>
        <message>
            <source>SRIKANDI</source>
            <translation>SRIKANDI</translation>
        </message>
        <message>
            <source>Salinan akhir surat ini (SHA-256 {h}…) ada di arsip kantor dan belum bertanda waktu server.</source>
            <translation>The final copy of this letter (SHA-256 {h}…) is in the office archive and has no server timestamp yet.</translation>
        </message>
        <message>
            <source>Salinan akhir surat ini adalah versi bertanda waktu server {t} (SHA-256 {h}…) di arsip kantor; gunakan salinan itu.</source>
            <translation>The final copy of this letter is the version with the server timestamp {t} (SHA-256 {h}…) in the office archive; use that copy.</translation>
        </message>
        <message>
            <source>Salinan ini belum bertanda waktu server; cap waktu ditambahkan pada sinkronisasi berikutnya.</source>
            <translation>This copy has no server timestamp yet; it is added with the next sync.</translation>
        </message>
        <message>
            <source>Salinan otomatis: perubahan Anda pada naskah {number} ditolak server ({reason}); naskah aslinya sudah ditandatangani atau dibatalkan.</source>
            <translation>Automatic copy: the server refused your change to letter {number} ({reason}); the original letter is already signed or voided.</translation>
        </message>
        <message>
            <source>Saluran penerimaan tidak dikenal.</source>
            <translation>Unknown receiving channel.</translation>
        </message>
        <message>
            <source>Sambungan aman ke server BSrE gagal: sertifikat server tidak sah untuk alamat itu. Petugas TI perlu memeriksa alamat server BSrE di Pengaturan.</source>
            <translation>The secure connection to the BSrE server failed: the server's certificate is not valid for that address. The IT officer needs to check the BSrE server address in the settings.</translation>
        </message>
        <message>
            <source>Sambungan berhenti di tengah jalan (terlalu lambat atau terputus).</source>
            <translation>The connection stopped halfway (too slow or cut off).</translation>
        </message>
        <message>
            <source>Sambungan ke server gagal; coba lagi nanti.</source>
            <translation>The connection to the server failed; try again later.</translation>
        </message>
        <message>
            <source>Sambungan terputus di tengah jalan; coba lagi nanti.</source>
            <translation>The connection was cut off halfway; try again later.</translation>
        </message>
        <message>
            <source>Satu berita acara memuat berkas dengan tindakan yang sama; pilih ulang berkasnya.</source>
            <translation>One berita acara holds files with the same action; choose the files again.</translation>
        </message>
        <message>
            <source>Selesai</source>
            <translation>Completed</translation>
        </message>
        <message>
            <source>Semua surat</source>
            <translation>All letters</translation>
        </message>
        <message>
            <source>Sertifikat akar dari server ini tidak cocok dengan sidik jari yang diketik. Periksa sidik jarinya; bila sudah benar, server ini bukan server kantor Anda dan PC ini tidak didaftarkan.</source>
            <translation>The root certificate from this server does not match the fingerprint typed. Check the fingerprint; if it is right, this server is not your office server and this PC was not enrolled.</translation>
        </message>
        <message>
            <source>Sertifikat aktif sampai {d}.</source>
            <translation>The certificate is valid until {d}.</translation>
        </message>
        <message>
            <source>Sertifikat dalam rantai penanda tangan telah dicabut.</source>
            <translation>A certificate in the signer's chain was revoked.</translation>
        </message>
        <message>
            <source>Sertifikat dari server tidak dapat dibaca.</source>
            <translation>The certificate from the server cannot be read.</translation>
        </message>
        <message>
            <source>Sertifikat dari server tidak diterbitkan oleh akar kantor.</source>
            <translation>The certificate from the server was not issued by the office's root.</translation>
        </message>
        <message>
            <source>Sertifikat elektronik BSrE Anda sedang dibekukan (suspend) oleh BSrE. Hubungi admin TTE/BSrE di instansi Anda untuk mengaktifkannya kembali.</source>
            <translation>Your BSrE certificate is suspended by BSrE. Contact the e-signature/BSrE administrator of your agency to reactivate it.</translation>
        </message>
        <message>
            <source>Sertifikat elektronik BSrE Anda sudah kedaluwarsa. Ajukan perpanjangan sertifikat di BSrE melalui admin TTE instansi Anda, lalu tandatangani lagi.</source>
            <translation>Your BSrE certificate has expired. Apply for a renewal at BSrE through your agency's e-signature administrator, then sign again.</translation>
        </message>
        <message>
            <source>Sertifikat elektronik BSrE Anda telah dicabut dan tidak dapat dipakai lagi. Ajukan sertifikat baru di BSrE melalui admin TTE instansi Anda.</source>
            <translation>Your BSrE certificate was revoked and cannot be used any more. Apply for a new certificate at BSrE through your agency's e-signature administrator.</translation>
        </message>
        <message>
            <source>Sertifikat ini bukan sertifikat akar (CA) yang menandatangani dirinya.</source>
            <translation>This certificate is not a self-signed root (CA) certificate.</translation>
        </message>
        <message>
            <source>Sertifikat ini bukan sertifikat untuk tanda tangan.</source>
            <translation>This certificate is not a signing certificate.</translation>
        </message>
        <message>
            <source>Sertifikat ini milik pegawai lain; gunakan kunci Anda sendiri.</source>
            <translation>This certificate belongs to another staff member; use your own key.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan berakhir pada {e}; saat ditandatangani ({t}) masih berlaku.</source>
            <translation>The signer's certificate expired on {e}; at the signing ({t}) it was still valid.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r} dan tidak ada cap waktu tepercaya yang membuktikan dokumen ditandatangani sebelumnya.</source>
            <translation>The signer's certificate was revoked at {r} and no trusted timestamp proves the document was signed before that.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r}, setelah dokumen ditandatangani (dibuktikan cap waktu {t}). Tanda tangan sah pada saat dibuat.</source>
            <translation>The signer's certificate was revoked at {r}, after the document was signed (proven by the timestamp {t}). The signature was valid when it was made.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r}, setelah surat ditandatangani pada {t} menurut catatan server kantor. Tanda tangan sah pada saat dibuat.</source>
            <translation>The signer's certificate was revoked at {r}, after the letter was signed at {t} according to the office server's records. The signature was valid when it was made.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan dicabut pada {r}, setelah waktu penandatanganan {t}. Waktu itu hanya menurut jam komputer penanda tangan (tanpa cap waktu).</source>
            <translation>The signer's certificate was revoked at {r}, after the signing time {t}. That time is only the signer's computer clock (no timestamp).</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan memakai nama penerbit {i}, tetapi tidak diterbitkan olehnya: sertifikat palsu.</source>
            <translation>The signer's certificate names the issuer {i} but was not issued by it: a forged certificate.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan tidak berlaku pada saat penandatanganan.</source>
            <translation>The signer's certificate was not valid at the time of signing.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan tidak diterbitkan oleh CA yang dipercaya aplikasi ini.</source>
            <translation>The signer's certificate was not issued by a CA this application trusts.</translation>
        </message>
        <message>
            <source>Sertifikat penanda tangan tidak sah untuk tanda tangan ({why}).</source>
            <translation>The signer's certificate is not valid for signing ({why}).</translation>
        </message>
        <message>
            <source>Sertifikat server tidak dapat diverifikasi; koneksi tidak aman dan dihentikan.</source>
            <translation>The server's certificate cannot be verified; the connection is not secure and was stopped.</translation>
        </message>
        <message>
            <source>Sertifikat sudah kedaluwarsa; daftarkan ulang penanda tangan.</source>
            <translation>The certificate has expired; enrol the signer again.</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan baru berlaku mulai {d}, padahal tanggal di komputer ini {n}. Periksa tanggal dan jam komputer, lalu coba lagi.</source>
            <translation>The signing certificate is valid only from {d}, but this computer's date is {n}. Check the computer's date and time, then try again.</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan sudah kedaluwarsa sejak {d}. Minta sertifikat baru kepada pengelola sistem (daftar ulang penanda tangan).</source>
            <translation>The signing certificate expired on {d}. Ask the system administrator for a new certificate (enrol the signer again).</translation>
        </message>
        <message>
            <source>Sertifikat tanda tangan telah dicabut pada {d}. Surat tidak dapat ditandatangani dengan sertifikat ini; hubungi pengelola sistem.</source>
            <translation>The signing certificate was revoked on {d}. Letters cannot be signed with this certificate; contact the system administrator.</translation>
        </message>
        <message>
            <source>Sertifikat telah dicabut; daftarkan ulang penanda tangan.</source>
            <translation>The certificate was revoked; enrol the signer again.</translation>
        </message>
        <message>
            <source>Sertifikat: PALSU (tidak diterbitkan oleh sertifikat akar yang dipercaya).</source>
            <translation>Certificate: FORGED (not issued by the trusted root certificate).</translation>
        </message>
        <message>
            <source>Sertifikat: dicabut</source>
            <translation>Certificate: revoked</translation>
        </message>
        <message>
            <source>Sertifikat: dicabut pada {d}</source>
            <translation>Certificate: revoked at {d}</translation>
        </message>
        <message>
            <source>Sertifikat: kedaluwarsa</source>
            <translation>Certificate: expired</translation>
        </message>
        <message>
            <source>Sertifikat: terpercaya (diterbitkan oleh {i}).</source>
            <translation>Certificate: trusted (issued by {i}).</translation>
        </message>
        <message>
            <source>Sertifikat: tidak dikenal (penerbit {i} tidak dipercaya komputer ini).</source>
            <translation>Certificate: unknown (this computer does not trust the issuer {i}).</translation>
        </message>
        <message>
            <source>Sertifikat: tidak sah untuk tanda tangan.</source>
            <translation>Certificate: not valid for signing.</translation>
        </message>
        <message>
            <source>Server BSrE menolak aplikasi ini (ID klien atau kata sandi klien salah). Petugas TI perlu memeriksa pengaturan TTE BSrE.</source>
            <translation>The BSrE server refused this application (wrong client ID or client password). The IT officer needs to check the BSrE settings.</translation>
        </message>
        <message>
            <source>Server BSrE sedang bermasalah (HTTP {s}). Coba lagi beberapa saat lagi.</source>
            <translation>The BSrE server has a problem (HTTP {s}). Try again in a while.</translation>
        </message>
        <message>
            <source>Server BSrE tidak dapat dihubungi atau tidak menjawab tepat waktu. Periksa koneksi internet lalu coba lagi.</source>
            <translation>The BSrE server cannot be reached or did not answer in time. Check the internet connection and try again.</translation>
        </message>
        <message>
            <source>Server di {url} bukan server kantor untuk PC ini (ID server berbeda dari server tempat PC ini terdaftar).</source>
            <translation>The server at {url} is not the office server for this PC (its server ID differs from the server this PC is enrolled with).</translation>
        </message>
        <message>
            <source>Server di {url} bukan server tempat PC ini terdaftar (ID server berbeda); alamat tidak diubah.</source>
            <translation>The server at {url} is not the one this PC is enrolled with (different server ID); the address was not changed.</translation>
        </message>
        <message>
            <source>Server di {url} bukan server tempat PC ini terdaftar.</source>
            <translation>The server at {url} is not the one this PC is enrolled with.</translation>
        </message>
        <message>
            <source>Server ini belum memiliki sertifikat akar organisasi; coba lagi nanti.</source>
            <translation>This server does not hold the organisation's root certificate yet; try again later.</translation>
        </message>
        <message>
            <source>Server mengirim sertifikat akar yang berbeda dari yang dipercaya komputer ini. Tanda tangan tidak diperbarui; hubungi pengelola sistem.</source>
            <translation>The server sent a root certificate different from the one this computer trusts. Signatures were not updated; contact the system administrator.</translation>
        </message>
        <message>
            <source>Server mengirim sertifikat yang bukan untuk kunci di PC ini.</source>
            <translation>The server sent a certificate that is not for the key on this PC.</translation>
        </message>
        <message>
            <source>Server menolak lampiran {h}: {why}</source>
            <translation>The server refused attachment {h}: {why}</translation>
        </message>
        <message>
            <source>Server menolak sambungan; mungkin server sedang mati atau alamatnya salah.</source>
            <translation>The server refused the connection; perhaps it is down or the address is wrong.</translation>
        </message>
        <message>
            <source>Server pusat</source>
            <translation>Central server</translation>
        </message>
        <message>
            <source>Server tidak menjawab; sambungan internet mungkin terputus atau sangat lambat.</source>
            <translation>The server does not answer; the internet connection may be down or very slow.</translation>
        </message>
        <message>
            <source>Sidik jari sertifikat akar harus berisi sedikitnya 24 angka heksadesimal (0-9, A-F), seperti yang dicetak bersama kode pendaftaran server kantor.</source>
            <translation>The root certificate fingerprint must have at least 24 hexadecimal digits (0-9, A-F), as printed with the office server's enrolment code.</translation>
        </message>
        <message>
            <source>Sifat</source>
            <translation>Nature</translation>
        </message>
        <message>
            <source>Sifat tidak dikenal: {v}.</source>
            <translation>Unknown nature (sifat): {v}.</translation>
        </message>
        <message>
            <source>Sifat tidak valid.</source>
            <translation>The nature is not valid.</translation>
        </message>
        <message>
            <source>Sinkronisasi gagal: {e}</source>
            <translation>Sync failed: {e}</translation>
        </message>
        <message>
            <source>Sinkronisasi tidak maju; coba lagi nanti.</source>
            <translation>Sync is not making progress; try again later.</translation>
        </message>
        <message>
            <source>Struktur dokumen diubah setelah ditandatangani.</source>
            <translation>The document structure was changed after signing.</translation>
        </message>
        <message>
            <source>Surat</source>
            <translation>Letter</translation>
        </message>
        <message>
            <source>Surat Keluar</source>
            <translation>Outgoing</translation>
        </message>
        <message>
            <source>Surat Masuk</source>
            <translation>Incoming</translation>
        </message>
        <message>
            <source>Surat Masuk Baru</source>
            <translation>New Incoming</translation>
        </message>
        <message>
            <source>Surat balasan tidak ditemukan.</source>
            <translation>The reply letter was not found.</translation>
        </message>
        <message>
            <source>Surat bersifat {s}: hanya untuk pihak terkait.</source>
            <translation>The letter is {s}: only for those concerned.</translation>
        </message>
        <message>
            <source>Surat ini belum selesai ditandatangani; versi terbaru (SHA-256 {h}…) ada di arsip kantor.</source>
            <translation>This letter is not fully signed yet; the newest version (SHA-256 {h}…) is in the office archive.</translation>
        </message>
        <message>
            <source>Surat ini belum selesai. Hanya surat keluar yang sudah ditandatangani dan bernomor yang dapat diberkaskan.</source>
            <translation>This letter is not finished. Only outgoing letters that are signed and numbered can be filed.</translation>
        </message>
        <message>
            <source>Surat ini mungkin sudah dicatat: agenda {a}/{y}, {s} nomor {n}.</source>
            <translation>This letter may already be registered: agenda {a}/{y}, {s} number {n}.</translation>
        </message>
        <message>
            <source>Surat ini sudah diberkaskan dalam berkas "{t}" ({c}, {y}).</source>
            <translation>This letter is already filed in "{t}" ({c}, {y}).</translation>
        </message>
        <message>
            <source>Surat ini sudah diberkaskan dalam berkas {b}.</source>
            <translation>This letter is already filed in {b}.</translation>
        </message>
        <message>
            <source>Surat keluar</source>
            <translation>Outgoing letters</translation>
        </message>
        <message>
            <source>Surat keluar ({jenis})</source>
            <translation>Outgoing letters ({jenis})</translation>
        </message>
        <message>
            <source>Surat keluar {n}: {h}</source>
            <translation>Outgoing letter {n}: {h}</translation>
        </message>
        <message>
            <source>Surat kiriman</source>
            <translation>Delivered letter</translation>
        </message>
        <message>
            <source>Surat kiriman ini sudah dicatat.</source>
            <translation>This delivered letter is already registered.</translation>
        </message>
        <message>
            <source>Surat masuk</source>
            <translation>Incoming letter</translation>
        </message>
        <message>
            <source>Surat masuk {a}/{y} dari {s}: {h}</source>
            <translation>Incoming letter {a}/{y} from {s}: {h}</translation>
        </message>
        <message>
            <source>Surat tahun {y}: Naskah menomori surat keluar tahun itu sendiri, sehingga nomor dari buku dapat bentrok. Hanya buku agenda tahun-tahun sebelumnya yang diimpor.</source>
            <translation>Letter of {y}: Naskah numbers that year's outgoing letters itself, so the book's numbers could clash. Only the agenda books of earlier years are imported.</translation>
        </message>
        <message>
            <source>Surat tidak dapat dikirim ke kantor sendiri.</source>
            <translation>A letter cannot be sent to its own office.</translation>
        </message>
        <message>
            <source>Surat yang nomornya dibatalkan tidak dapat dikirim.</source>
            <translation>A letter whose number was voided cannot be sent.</translation>
        </message>
        <message>
            <source>TIDAK DAPAT DIPASTIKAN: penerbit sertifikat penanda tangan tidak dikenal.</source>
            <translation>CANNOT BE CONFIRMED: the issuer of the signer's certificate is unknown.</translation>
        </message>
        <message>
            <source>TIDAK SAH: dokumen DIUBAH setelah ditandatangani.</source>
            <translation>NOT VALID: the document was CHANGED after signing.</translation>
        </message>
        <message>
            <source>TIDAK SAH: tanda tangan tidak dapat dipercaya.</source>
            <translation>NOT VALID: the signature cannot be trusted.</translation>
        </message>
        <message>
            <source>TTE BSrE</source>
            <translation>BSrE e-signature</translation>
        </message>
        <message>
            <source>TTE BSrE belum diatur di komputer ini. Petugas TI perlu mengisi alamat server, ID klien dan kata sandi klien BSrE di Pengaturan.</source>
            <translation>BSrE e-signatures are not set up on this computer. The IT officer needs to fill in the BSrE server address, client ID and client password in the settings.</translation>
        </message>
        <message>
            <source>TTE internal</source>
            <translation>Internal e-signature</translation>
        </message>
        <message>
            <source>Tahun berkas harus antara 1945 dan {y}.</source>
            <translation>The file's year must be between 1945 and {y}.</translation>
        </message>
        <message>
            <source>Tahun {year}</source>
            <translation>Year {year}</translation>
        </message>
        <message>
            <source>Tanda tangan</source>
            <translation>Signature</translation>
        </message>
        <message>
            <source>Tanda tangan basah</source>
            <translation>Hand signature</translation>
        </message>
        <message>
            <source>Tanda tangan palsu: sertifikatnya tidak diterbitkan oleh penerbit yang dipercaya.</source>
            <translation>Forged signature: its certificate was not issued by a trusted issuer.</translation>
        </message>
        <message>
            <source>Tanda tangan rusak dan tidak dapat dibaca ({e}).</source>
            <translation>The signature is damaged and cannot be read ({e}).</translation>
        </message>
        <message>
            <source>Tanda tangan sah dan dokumen tidak berubah: {names}.</source>
            <translation>Valid signatures and an unchanged document: {names}.</translation>
        </message>
        <message>
            <source>Tanda tangan tidak dapat dipercaya.</source>
            <translation>The signature cannot be trusted.</translation>
        </message>
        <message>
            <source>Tanda tangan tidak dapat diperiksa ({e}).</source>
            <translation>The signature cannot be checked ({e}).</translation>
        </message>
        <message>
            <source>Tanda tangan {i} dari {n}: {who}</source>
            <translation>Signature {i} of {n}: {who}</translation>
        </message>
        <message>
            <source>Tanggal Surat</source>
            <translation>Letter Date</translation>
        </message>
        <message>
            <source>Tanggal Terima</source>
            <translation>Date Received</translation>
        </message>
        <message>
            <source>Tanggal akhir periode tidak boleh sebelum tanggal awalnya.</source>
            <translation>The end of the period cannot be before its start.</translation>
        </message>
        <message>
            <source>Tanggal dan jam komputer ({n}) lebih awal daripada yang sudah tercatat ({k}). Betulkan tanggal dan jam komputer, lalu tandatangani lagi.</source>
            <translation>The computer's date and time ({n}) are earlier than already recorded ({k}). Correct the computer's date and time, then sign again.</translation>
        </message>
        <message>
            <source>Tanggal diterima tidak boleh di masa depan.</source>
            <translation>The date received cannot be in the future.</translation>
        </message>
        <message>
            <source>Tanggal lahir dalam NIP tidak masuk akal.</source>
            <translation>The date of birth in the NIP makes no sense.</translation>
        </message>
        <message>
            <source>Tanggal lahir dalam NIP tidak valid.</source>
            <translation>The date of birth in the NIP is not valid.</translation>
        </message>
        <message>
            <source>Tanggal pengangkatan dalam NIP ada di masa depan.</source>
            <translation>The appointment date in the NIP is in the future.</translation>
        </message>
        <message>
            <source>Tanggal pengangkatan dalam NIP terlalu dekat dengan tanggal lahir.</source>
            <translation>The appointment date in the NIP is too close to the date of birth.</translation>
        </message>
        <message>
            <source>Tanggal surat di masa depan: {v}.</source>
            <translation>Letter date in the future: {v}.</translation>
        </message>
        <message>
            <source>Tanggal surat kosong.</source>
            <translation>Letter date is empty.</translation>
        </message>
        <message>
            <source>Tanggal surat tidak boleh setelah tanggal diterima.</source>
            <translation>The letter date cannot be after the date received.</translation>
        </message>
        <message>
            <source>Tanggal surat tidak terbaca: {v}.</source>
            <translation>Letter date cannot be read: {v}.</translation>
        </message>
        <message>
            <source>Tanggal terima di masa depan: {v}.</source>
            <translation>Date received is in the future: {v}.</translation>
        </message>
        <message>
            <source>Tanggal terima kosong.</source>
            <translation>Date received is empty.</translation>
        </message>
        <message>
            <source>Tanggal terima tidak terbaca: {v}.</source>
            <translation>Date received cannot be read: {v}.</translation>
        </message>
        <message>
            <source>Tanpa klasifikasi</source>
            <translation>Unclassified</translation>
        </message>
        <message>
            <source>Tautan surat</source>
            <translation>Letter link</translation>
        </message>
        <message>
            <source>Teks instruksi wajib diisi.</source>
            <translation>The instruction text is required.</translation>
        </message>
        <message>
            <source>Templat jenis naskah {path} tidak dapat dipakai; templat bawaan yang berlaku.</source>
            <translation>The letter-type templates {path} cannot be used; the built-in templates apply.</translation>
        </message>
        <message>
            <source>Terlalu banyak frasa sandi salah. Tunggu {s} detik lalu coba lagi.</source>
            <translation>Too many wrong passphrases. Wait {s} seconds and try again.</translation>
        </message>
        <message>
            <source>Tersinkron lewat server kantor {t}</source>
            <translation>Synced through the office server {t}</translation>
        </message>
        <message>
            <source>Tersinkron lewat server pusat {t}</source>
            <translation>Synced through the central server {t}</translation>
        </message>
        <message>
            <source>Tersinkron {t}</source>
            <translation>Synced {t}</translation>
        </message>
        <message>
            <source>Tidak ada baris yang dapat diimpor.</source>
            <translation>No row can be imported.</translation>
        </message>
        <message>
            <source>Tidak ada data Naskah di komputer ini, jadi belum ada sertifikat akar yang dipercaya: hanya keutuhan dokumen yang diperiksa, penerbit sertifikat tidak dapat dipastikan.</source>
            <translation>There is no Naskah data on this computer, so no trusted root certificate yet: only the document's integrity was checked; the certificate's issuer cannot be confirmed.</translation>
        </message>
        <message>
            <source>Tidak ada jaringan ke server; periksa kabel, Wi-Fi atau modem.</source>
            <translation>No network to the server; check the cable, Wi-Fi or modem.</translation>
        </message>
        <message>
            <source>Tidak ada padanannya dalam Permendagri 83/2022.</source>
            <translation>It has no equivalent in Permendagri 83/2022.</translation>
        </message>
        <message>
            <source>Tidak ada surat pada periode ini.</source>
            <translation>No letters in this period.</translation>
        </message>
        <message>
            <source>Tidak ada yang ditandatangani; surat tetap dalam antrean TTE BSrE.</source>
            <translation>Nothing was signed; the letter stays in the BSrE queue.</translation>
        </message>
        <message>
            <source>Tindak lanjut</source>
            <translation>Follow-up</translation>
        </message>
        <message>
            <source>Tindakan ini memerlukan peran {role}.</source>
            <translation>This needs the {role} role.</translation>
        </message>
        <message>
            <source>Tindakan retensi tidak dikenal.</source>
            <translation>Unknown retention action.</translation>
        </message>
        <message>
            <source>Tingkat urgensi tidak valid.</source>
            <translation>The urgency is not valid.</translation>
        </message>
        <message>
            <source>Token tidak dikenal dalam pola nomor: {t}.</source>
            <translation>Unknown token in the number pattern: {t}.</translation>
        </message>
        <message>
            <source>Tujuan surat (Kepada) kosong.</source>
            <translation>Addressee (Kepada) is empty.</translation>
        </message>
        <message>
            <source>Tulis catatan untuk pengonsep.</source>
            <translation>Write a note for the drafter.</translation>
        </message>
        <message>
            <source>Tuliskan hasil tindak lanjutnya.</source>
            <translation>Write the result of the follow-up.</translation>
        </message>
        <message>
            <source>Ukuran kertas harus F4 atau A4.</source>
            <translation>The paper size must be F4 or A4.</translation>
        </message>
        <message>
            <source>Unggah lampiran tidak maju; coba lagi nanti.</source>
            <translation>The attachment upload is not progressing; try again later.</translation>
        </message>
        <message>
            <source>Urgensi</source>
            <translation>Urgency</translation>
        </message>
        <message>
            <source>Urgensi tidak dikenal: {v}.</source>
            <translation>Unknown urgency: {v}.</translation>
        </message>
        <message>
            <source>Versi aplikasi ini terlalu lama untuk server. Perbarui Naskah lalu coba lagi.</source>
            <translation>This version of the app is too old for the server. Update Naskah and try again.</translation>
        </message>
        <message>
            <source>Waktu penandatanganan hanya menurut jam komputer penanda tangan.</source>
            <translation>The signing time is only the signer's computer clock.</translation>
        </message>
        <message>
            <source>Waktu penandatanganan yang dinyatakan ada di masa depan.</source>
            <translation>The stated signing time is in the future.</translation>
        </message>
        <message>
            <source>Waktu tanda tangan: {t} (menurut jam komputer penanda tangan).</source>
            <translation>Signing time: {t} (the signer's computer clock).</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>[{key}] {name}: kunci tidak dikenal; yang dapat dipakai: {known}</source>
            <translation>[{key}] {name}: unknown key; the ones that can be used: {known}</translation>
        </message>
        <message>
            <source>[{key}] {name}: wajib diisi untuk jenis naskah baru</source>
            <translation>[{key}] {name}: required for a new letter type</translation>
        </message>
        <message>
            <source>[{key}]: nama jenis hanya boleh huruf kecil, angka dan garis bawah, diawali huruf (mis. surat_izin)</source>
            <translation>[{key}]: a type name may only have lower-case letters, digits and underscores, starting with a letter (e.g. surat_izin)</translation>
        </message>
        <message>
            <source>ada yang disebut dua kali</source>
            <translation>something is named twice</translation>
        </message>
        <message>
            <source>admin.roles harus berupa daftar teks.</source>
            <translation>admin.roles must be a list of texts.</translation>
        </message>
        <message>
            <source>angka</source>
            <translation>a number</translation>
        </message>
        <message>
            <source>atribut tak bertanda tangan</source>
            <translation>unsigned attributes</translation>
        </message>
        <message>
            <source>bentrok dengan data di PC ini: {e}</source>
            <translation>clashes with data on this PC: {e}</translation>
        </message>
        <message>
            <source>berkas tidak dapat ditulis</source>
            <translation>the file cannot be written</translation>
        </message>
        <message>
            <source>berukuran {n} MB, melebihi batas {m} MB. Pindai ulang dengan resolusi lebih rendah (mis. 150 dpi, hitam-putih) atau perkecil PDF-nya.</source>
            <translation>{n} MB, over the {m} MB limit. Scan again at a lower resolution (e.g. 150 dpi, black and white) or make the PDF smaller.</translation>
        </message>
        <message>
            <source>bita {a}–{b}</source>
            <translation>bytes {a}–{b}</translation>
        </message>
        <message>
            <source>bukan PDF atau gambar (PNG/JPEG). Simpan pindaian sebagai PDF.</source>
            <translation>not a PDF or an image (PNG/JPEG). Save the scan as a PDF.</translation>
        </message>
        <message>
            <source>bukan TOML yang sah: {e}</source>
            <translation>not valid TOML: {e}</translation>
        </message>
        <message>
            <source>bukan teks UTF-8</source>
            <translation>not UTF-8 text</translation>
        </message>
        <message>
            <source>bulan (angka Romawi)</source>
            <translation>month (Roman numerals)</translation>
        </message>
        <message>
            <source>bulan (angka)</source>
            <translation>month (digits)</translation>
        </message>
        <message>
            <source>daftar [...]</source>
            <translation>a list [...]</translation>
        </message>
        <message>
            <source>daftar algoritma digest</source>
            <translation>digest algorithm list</translation>
        </message>
        <message>
            <source>daftar pencabutan</source>
            <translation>revocation list</translation>
        </message>
        <message>
            <source>daftar pencabutan rusak</source>
            <translation>damaged revocation list</translation>
        </message>
        <message>
            <source>dibaca</source>
            <translation>read</translation>
        </message>
        <message>
            <source>diterima</source>
            <translation>received</translation>
        </message>
        <message>
            <source>ditolak server</source>
            <translation>refused by the server</translation>
        </message>
        <message>
            <source>gambar 16-bit per warna tidak didukung. Simpan ulang sebagai PNG 8-bit atau PDF.</source>
            <translation>16-bit-per-channel images are not supported. Save it again as an 8-bit PNG or as a PDF.</translation>
        </message>
        <message>
            <source>gambar JPEG 12/16-bit tidak didukung.</source>
            <translation>12/16-bit JPEG images are not supported.</translation>
        </message>
        <message>
            <source>gambar JPEG berwarna CMYK tidak didukung. Simpan ulang sebagai RGB atau pindai langsung ke PDF.</source>
            <translation>CMYK colour JPEG images are not supported. Save it again as RGB or scan straight to PDF.</translation>
        </message>
        <message>
            <source>gambar JPEG rusak atau terpotong.</source>
            <translation>damaged or truncated JPEG image.</translation>
        </message>
        <message>
            <source>gambar PNG rusak atau terpotong.</source>
            <translation>damaged or truncated PNG image.</translation>
        </message>
        <message>
            <source>harus angka antara {low} dan {high} (pt), bukan {value}</source>
            <translation>must be a number between {low} and {high} (pt), not {value}</translation>
        </message>
        <message>
            <source>harus berupa daftar teks, mis. ["Penerima Kuasa,", "Pemberi Kuasa,"]</source>
            <translation>must be a list of texts, e.g. ["Penerima Kuasa,", "Pemberi Kuasa,"]</translation>
        </message>
        <message>
            <source>harus berupa daftar, mis. [{example}]</source>
            <translation>must be a list, e.g. [{example}]</translation>
        </message>
        <message>
            <source>harus berupa tabel, mis. { top = 20, left = 30, right = 20, bottom = 25 }</source>
            <translation>must be a table, e.g. { top = 20, left = 30, right = 20, bottom = 25 }</translation>
        </message>
        <message>
            <source>harus berupa teks dalam tanda kutip</source>
            <translation>must be text in quotes</translation>
        </message>
        <message>
            <source>harus salah satu dari: {choices} (bukan {value})</source>
            <translation>must be one of: {choices} (not {value})</translation>
        </message>
        <message>
            <source>harus true atau false</source>
            <translation>must be true or false</translation>
        </message>
        <message>
            <source>identitas penanda tangan</source>
            <translation>signer identity</translation>
        </message>
        <message>
            <source>isian {{{name}}} tidak dikenal; yang dapat dipakai: {known}</source>
            <translation>unknown field {{{name}}}; the ones that can be used: {known}</translation>
        </message>
        <message>
            <source>jenis isi</source>
            <translation>content type</translation>
        </message>
        <message>
            <source>kode klasifikasi</source>
            <translation>classification code</translation>
        </message>
        <message>
            <source>kode lama 78/2012, mengikuti {codes}</source>
            <translation>old 78/2012 code, following {codes}</translation>
        </message>
        <message>
            <source>kode unit</source>
            <translation>unit code</translation>
        </message>
        <message>
            <source>kosong.</source>
            <translation>empty.</translation>
        </message>
        <message>
            <source>kunci tidak cocok dengan sertifikat</source>
            <translation>the key does not match the certificate</translation>
        </message>
        <message>
            <source>kurung kurawal tidak berpasangan (tulis {kecamatan} atau {kabupaten})</source>
            <translation>unpaired braces (write {kecamatan} or {kabupaten})</translation>
        </message>
        <message>
            <source>melebihi batas {m} MB.</source>
            <translation>over the {m} MB limit.</translation>
        </message>
        <message>
            <source>menunggu dikirim</source>
            <translation>waiting to be sent</translation>
        </message>
        <message>
            <source>nomor urut</source>
            <translation>sequence number</translation>
        </message>
        <message>
            <source>paling banyak {n} penanda tangan</source>
            <translation>at most {n} signers</translation>
        </message>
        <message>
            <source>penerbit tidak dikenal</source>
            <translation>unknown issuer</translation>
        </message>
        <message>
            <source>rusak</source>
            <translation>damaged</translation>
        </message>
        <message>
            <source>rusak atau terpotong (bukan PDF yang utuh). Pindai atau unduh ulang berkasnya.</source>
            <translation>damaged or truncated (not a complete PDF). Scan or download the file again.</translation>
        </message>
        <message>
            <source>sertifikat dalam berkas kunci bukan sertifikat terbaru</source>
            <translation>the certificate in the key file is not the newest</translation>
        </message>
        <message>
            <source>sertifikat jenis lain</source>
            <translation>another kind of certificate</translation>
        </message>
        <message>
            <source>sertifikat rusak</source>
            <translation>damaged certificate</translation>
        </message>
        <message>
            <source>sertifikat {name}</source>
            <translation>certificate {name}</translation>
        </message>
        <message>
            <source>sisi {side} tidak dikenal; yang dapat dipakai: {known}</source>
            <translation>unknown side {side}; the ones that can be used: {known}</translation>
        </message>
        <message>
            <source>struktur CMS</source>
            <translation>CMS structure</translation>
        </message>
        <message>
            <source>surat berkode {c}</source>
            <translation>letter with code {c}</translation>
        </message>
        <message>
            <source>tabel</source>
            <translation>a table</translation>
        </message>
        <message>
            <source>tahun</source>
            <translation>year</translation>
        </message>
        <message>
            <source>teks dalam tanda kutip</source>
            <translation>text in quotes</translation>
        </message>
        <message>
            <source>tepercaya</source>
            <translation>trusted</translation>
        </message>
        <message>
            <source>terkirim</source>
            <translation>sent</translation>
        </message>
        <message>
            <source>tidak boleh kosong</source>
            <translation>must not be empty</translation>
        </message>
        <message>
            <source>tidak dapat dibaca (sudah dipindah atau dihapus?).</source>
            <translation>cannot be read (was it moved or deleted?).</translation>
        </message>
        <message>
            <source>tidak dapat dibaca: {e}</source>
            <translation>cannot be read: {e}</translation>
        </message>
        <message>
            <source>token tidak ada di keyring</source>
            <translation>no token in the keyring</translation>
        </message>
        <message>
            <source>true/false</source>
            <translation>true/false</translation>
        </message>
        <message>
            <source>versi SignedData</source>
            <translation>SignedData version</translation>
        </message>
        <message>
            <source>versi SignerInfo</source>
            <translation>SignerInfo version</translation>
        </message>
        <message>
            <source>{f} bukan berkas isian SRIKANDI (JSON) yang terbaca.</source>
            <translation>{f} is not a readable SRIKANDI fields file (JSON).</translation>
        </message>
        <message>
            <source>{f} bukan lembar kerja yang dapat dibaca. Simpan buku agenda sebagai .xlsx, .xls atau .csv lalu coba lagi.</source>
            <translation>{f} is not a spreadsheet Naskah can read. Save the agenda book as .xlsx, .xls or .csv and try again.</translation>
        </message>
        <message>
            <source>{f} dilindungi kata sandi. Buka di Excel, hapus kata sandinya (File &gt; Info &gt; Protect Workbook), simpan, lalu impor lagi.</source>
            <translation>{f} is protected with a password. Open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook), save it, then import again.</translation>
        </message>
        <message>
            <source>{f} rusak atau bukan berkas Excel yang utuh ({e}).</source>
            <translation>{f} is damaged or not a whole Excel file ({e}).</translation>
        </message>
        <message>
            <source>{f} tidak berisi isian naskah.</source>
            <translation>{f} holds no document fields.</translation>
        </message>
        <message>
            <source>{key}: harus berupa bagian [{key}] dengan kunci-kuncinya</source>
            <translation>{key}: must be a section [{key}] with its keys</translation>
        </message>
        <message>
            <source>{k} harus berupa tabel [{k}].</source>
            <translation>{k} must be a table [{k}].</translation>
        </message>
        <message>
            <source>{k} harus berupa {want}, bukan {got}.</source>
            <translation>{k} must be {want}, not {got}.</translation>
        </message>
        <message>
            <source>{k}, bertanda waktu {t}</source>
            <translation>{k}, timestamped {t}</translation>
        </message>
        <message>
            <source>{k}, menunggu cap waktu server</source>
            <translation>{k}, awaiting the server's timestamp</translation>
        </message>
        <message>
            <source>{label}: {t} oleh {tsa} ({s}).</source>
            <translation>{label}: {t} by {tsa} ({s}).</translation>
        </message>
        <message>
            <source>{n} jam</source>
            <translation>{n} hours</translation>
        </message>
        <message>
            <source>{n} menit</source>
            <translation>{n} minutes</translation>
        </message>
        <message>
            <source>{n} perubahan menunggu</source>
            <translation>{n} changes pending</translation>
        </message>
        <message>
            <source>{side} harus angka antara {low} dan {high} (mm), bukan {value}</source>
            <translation>{side} must be a number between {low} and {high} (mm), not {value}</translation>
        </message>
        <message>
            <source>{start} s.d. {end}</source>
            <translation>{start} to {end}</translation>
        </message>
        <message>
            <source>{value} tidak dikenal; yang dapat dipakai: {choices}</source>
            <translation>{value} is unknown; the ones that can be used: {choices}</translation>
        </message>
        <message>
            <source>{what} harus antara 0 dan {n} tahun.</source>
            <translation>{what} must be between 0 and {n} years.</translation>
        </message>
        <message>
            <source>{what} tidak ditemukan.</source>
            <translation>{what} was not found.</translation>
        </message>
        <message>
            <source>{what}, nomor {n}</source>
            <translation>{what}, number {n}</translation>
        </message>
    </context>
    <context>
        <name>numbers_left</name>
        <message>
            <source>Belum ada blok nomor</source>
            <translation>No block of numbers yet</translation>
        </message>
        <message>
            <source>Data PC ini dipulihkan dari cadangan: blok nomornya baru berlaku lagi setelah sinkronisasi.</source>
            <translation>This PC's data was restored from a backup: its blocks of numbers are valid again only after a sync.</translation>
        </message>
        <message>
            <source>Diminta {n} nomor per seri pada sinkronisasi berikutnya.</source>
            <translation>{n} numbers per series requested at the next sync.</translation>
        </message>
        <message>
            <source>Nomor habis - sinkronkan</source>
            <translation>Numbers used up - sync</translation>
        </message>
        <message>
            <source>Nomor hampir habis: {n} tersisa</source>
            <translation>Numbers running low: {n} left</translation>
        </message>
        <message>
            <source>Nomor tersisa: {n}</source>
            <translation>Numbers left: {n}</translation>
        </message>
        <message>
            <source>Nomor: tunggu sinkronisasi</source>
            <translation>Numbers: wait for a sync</translation>
        </message>
        <message>
            <source>Siapkan &amp;nomor untuk luring...</source>
            <translation>Prepare &amp;numbers for offline work...</translation>
        </message>
        <message>
            <source>Sinkronkan sebelum nomor habis; tanpa nomor, surat tidak dapat ditandatangani atau dicatat.</source>
            <translation>Sync before the numbers run out; without numbers, letters cannot be signed or registered.</translation>
        </message>
        <message>
            <source>{series}: {n} nomor tersisa</source>
            <translation>{series}: {n} numbers left</translation>
        </message>
    </context>
    <context>
        <name>ops</name>
        <message>
            <source>Tidak dapat dilanjutkan</source>
            <translation>Cannot continue</translation>
        </message>
    </context>
    <context>
        <name>retention</name>
        <message>
            <source>JRA lewat padanan 83/2022</source>
            <translation>JRA through its 83/2022 equivalent</translation>
        </message>
        <message>
            <source>aturan kantor</source>
            <translation>office rule</translation>
        </message>
    </context>
    <context>
        <name>review_dialogs</name>
        <message>
            <source>Batalkan nomor</source>
            <translation>Void number</translation>
        </message>
        <message>
            <source>Kembalikan</source>
            <translation>Return</translation>
        </message>
        <message>
            <source>Kembalikan ke pengonsep</source>
            <translation>Return to the drafter</translation>
        </message>
        <message>
            <source>Nomor {n} akan dibatalkan dan tidak akan dipakai lagi; naskahnya menjadi batal. Tulis alasan pembatalan (tercatat di register).</source>
            <translation>Number {n} will be voided and never used again; the letter becomes void. Write the reason (it is kept in the register).</translation>
        </message>
        <message>
            <source>Tulis apa yang perlu diperbaiki. Catatan ini tampil di atas naskah ketika pengonsep membukanya.</source>
            <translation>Write what needs fixing. The note shows above the letter when the drafter opens it.</translation>
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
            <translation>BSrE e-signature Settings...</translation>
        </message>
        <message>
            <source>Sertifikat TTE saya...</source>
            <translation>My e-signature Certificate...</translation>
        </message>
    </context>
    <context>
        <name>store_health</name>
        <message>
            <source>Ada cadangan yang baik dari {when}. Naskah dapat memulihkannya sekarang. Berkas yang rusak tidak dihapus: berkas itu disimpan di folder data dengan akhiran ".rusak" untuk diperiksa petugas TI. Perubahan sesudah {when} tidak ada di cadangan ini.</source>
            <translation>There is a good backup from {when}. Naskah can restore it now. The damaged file is not deleted: it is kept in the data folder with the ending ".rusak" for the IT officer to examine. Changes after {when} are not in this backup.</translation>
        </message>
        <message>
            <source>Berkas data rusak</source>
            <translation>The data file is damaged</translation>
        </message>
        <message>
            <source>Cadangan harian tidak dapat dibuat</source>
            <translation>The daily backup could not be made</translation>
        </message>
        <message>
            <source>Naskah menemukan kerusakan pada berkas data kantor: {problem}

Jangan lanjutkan bekerja dengan berkas ini.</source>
            <translation>Naskah found damage in the office's data file: {problem}

Do not go on working with this file.</translation>
        </message>
        <message>
            <source>PC ini terdaftar ke server: sinkronisasi berikutnya mengambil ulang dari server semua yang sudah dikirim kantor sejak cadangan itu.</source>
            <translation>This PC is enrolled with the server: the next sync fetches again from the server everything the office sent since that backup.</translation>
        </message>
        <message>
            <source>Tidak ada salinan cadangan yang dapat dipulihkan. Jangan hapus folder data ({folder}); hubungi petugas TI kabupaten agar berkas ini diperiksa.</source>
            <translation>There is no backup that can be restored. Do not delete the data folder ({folder}); contact the regency's IT officer to have this file examined.</translation>
        </message>
        <message>
            <source>Tutup Naskah dan pulihkan cadangan sekarang? Naskah terbuka lagi sesudahnya.</source>
            <translation>Close Naskah and restore the backup now? Naskah opens again afterwards.</translation>
        </message>
        <message>
            <source>{date} pukul {time}</source>
            <translation>{date} at {time}</translation>
        </message>
    </context>
</TS>
