/// One front-matter field of a content type, described once for `gugus new` (a commented
/// line) and for the browser editor (a Decap CMS widget). The loader (`ItemDecoder`) stays
/// the authority on what a field means; `AuthoringTests` check that both agree.
struct FieldSpec: Sendable {
    enum Kind: Sendable {
        case text
        /// Several sentences (a summary, a description).
        case longText
        case date
        /// `YYYY-MM-DDTHH:MM` in the site's time zone.
        case dateTime
        case bool
        case integer
        /// A list of texts.
        case list
        /// One of fixed values, with an Indonesian label for each.
        case choice([(value: String, label: String)])
        /// A code from regions.yaml.
        case region
        /// An image under content/media/.
        case image
        /// A document (PDF) under content/media/.
        case document
        case decree
        case decrees
        case events
        /// Decree members: a list of `{group, role, position, agency, name}`.
        case members
        /// A news source: `{name, url}`.
        case source
        /// The name of a CSV file beside the content file.
        case dataFile
    }

    var name: String
    /// The label in the editor, in Indonesian.
    var label: String
    /// One sentence in Indonesian: the comment above the line in `gugus new`, the hint in the editor.
    var hint: String
    var kind: Kind
    var required: Bool = false
    /// The hint in the editor, where the file's syntax (quotes, `[a, b]`) does not apply.
    var editorHint: String? = nil
}

/// The fields of each content type, in the order a writer fills them in.
enum ContentModel {
    /// The Indonesian name of a type, for the editor's menu and the messages of `gugus new`.
    static func label(of kind: ContentKind) -> (plural: String, singular: String) {
        switch kind {
        case .news: ("Berita", "Berita")
        case .event: ("Kegiatan", "Kegiatan")
        case .decree: ("Regulasi (SK)", "Surat Keputusan")
        case .page: ("Halaman", "Halaman")
        case .statistics: ("Statistik", "Data statistik")
        }
    }

    static func fields(for kind: ContentKind) -> [FieldSpec] {
        let title = FieldSpec(name: "title", label: "Judul", hint: "Judul yang tampil di halaman dan di daftar.", kind: .text, required: true)
        let regionRequired = kind == .decree || kind == .event
        let region = FieldSpec(
            name: "region", label: "Wilayah",
            hint: "Kode wilayah dari content/regions.yaml, dalam tanda kutip, mis. \"64.08\"; ID untuk tingkat nasional.",
            kind: .region, required: regionRequired, editorHint: "Wilayah dari content/regions.yaml; Indonesia (ID) untuk tingkat nasional.")
        let own = typeFields(kind, region: region)
        return [title] + own.required + common(region: regionRequired ? nil : region) + own.optional
    }

    /// Fields every type has, after the required ones of the type.
    private static func common(region: FieldSpec?) -> [FieldSpec] {
        var fields = [
            FieldSpec(name: "draft", label: "Draf", hint: "true: belum diterbitkan (tampil hanya dengan `gugus build --drafts`); hapus atau ganti false untuk menerbitkan.", kind: .bool, editorHint: "Aktif: belum diterbitkan; matikan untuk menerbitkan."),
            FieldSpec(name: "summary", label: "Ringkasan", hint: "Satu atau dua kalimat untuk daftar, pencarian dan pratinjau tautan.", kind: .longText),
            FieldSpec(name: "tags", label: "Tag", hint: "Kata kunci, mis. [sosialisasi, pekerja-migran].", kind: .list, editorHint: "Kata kunci, dipisah koma, mis. sosialisasi, pekerja-migran."),
        ]
        if let region { fields.append(region) }
        fields += [
            FieldSpec(name: "image", label: "Gambar", hint: "Jalur gambar utama di bawah content/media/, mis. media/foto/rapat.jpg.", kind: .image, editorHint: "Unggah atau pilih gambar; disimpan di content/media/."),
            FieldSpec(name: "image_alt", label: "Keterangan gambar", hint: "Wajib bila ada gambar; apa yang tampak pada gambar, untuk pembaca yang tidak dapat melihatnya.", kind: .text),
            FieldSpec(name: "updated", label: "Tanggal diperbarui", hint: "Tanggal perubahan penting terakhir, YYYY-MM-DD; kosongkan bila belum pernah diubah.", kind: .date),
            FieldSpec(name: "slug", label: "Alamat (slug)", hint: "Bagian alamat halaman; kosongkan agar diambil dari nama berkas. Huruf kecil, angka dan tanda hubung.", kind: .text),
            FieldSpec(name: "aliases", label: "Alamat lama", hint: "Alamat lama halaman ini yang harus tetap berfungsi, mis. [/berita/judul-lama/].", kind: .list, editorHint: "Alamat lama, dipisah koma, mis. /berita/judul-lama/."),
        ]
        return fields
    }

    private static func typeFields(_ kind: ContentKind, region: FieldSpec) -> (required: [FieldSpec], optional: [FieldSpec]) {
        switch kind {
        case .news: NewsModel.fields
        case .event: EventModel.fields(region: region)
        case .decree: DecreeModel.fields(region: region)
        case .page: ([], [FieldSpec(name: "menu", label: "Urutan di menu", hint: "Angka: tampilkan halaman ini di menu utama pada urutan ini; kosongkan bila tidak.", kind: .integer)])
        case .statistics: StatisticsModel.fields
        }
    }
}

private enum NewsModel {
    static let fields: (required: [FieldSpec], optional: [FieldSpec]) = (
        [FieldSpec(name: "date", label: "Tanggal terbit", hint: "Tanggal terbit, YYYY-MM-DD.", kind: .date, required: true)],
        [
            FieldSpec(name: "author", label: "Penulis", hint: "Nama penulis atau bagian yang menulis.", kind: .text),
            FieldSpec(name: "events", label: "Kegiatan terkait", hint: "Nama berkas kegiatan tanpa .md, mis. [rakor-gugus-tugas-2024].", kind: .events, editorHint: "Pilih kegiatan yang dibahas berita ini."),
            FieldSpec(name: "decrees", label: "SK terkait", hint: "Nomor SK persis seperti di regulasi, mis. [264/K.503/2023].", kind: .decrees, editorHint: "Pilih SK yang dibahas berita ini."),
            FieldSpec(name: "source", label: "Sumber asli", hint: "Bila berita diambil dari media lain: {name: Antara, url: https://…}.", kind: .source, editorHint: "Bila berita diambil dari media lain: nama media dan alamat beritanya."),
        ]
    )
}

private enum EventModel {
    static let kinds: [(value: String, label: String)] = [
        ("sosialisasi", "Sosialisasi"), ("advokasi", "Advokasi"), ("rakor", "Rapat koordinasi"),
        ("webinar", "Webinar"), ("pelatihan", "Pelatihan"), ("lainnya", "Lainnya"),
    ]
    static let attendances: [(value: String, label: String)] = [
        ("offline", "Tatap muka"), ("online", "Daring"), ("mixed", "Tatap muka dan daring"),
    ]
    static let statuses: [(value: String, label: String)] = [
        ("scheduled", "Terjadwal"), ("cancelled", "Dibatalkan"), ("postponed", "Ditunda"), ("moved-online", "Dipindah ke daring"),
    ]

    static func fields(region: FieldSpec) -> (required: [FieldSpec], optional: [FieldSpec]) {
        (
            [
                FieldSpec(name: "kind", label: "Jenis kegiatan", hint: "Salah satu: sosialisasi, advokasi, rakor, webinar, pelatihan, lainnya.", kind: .choice(kinds), required: true),
                FieldSpec(name: "start", label: "Mulai", hint: "Tanggal dan jam mulai, YYYY-MM-DDTHH:MM dalam zona waktu situs.", kind: .dateTime, required: true),
                region,
            ],
            [
                FieldSpec(name: "end", label: "Selesai", hint: "Tanggal (dan jam) selesai, YYYY-MM-DD atau YYYY-MM-DDTHH:MM.", kind: .dateTime),
                FieldSpec(name: "location", label: "Tempat", hint: "Nama tempat dan alamatnya.", kind: .text),
                FieldSpec(name: "online_url", label: "Tautan daring", hint: "Alamat rapat daring, diawali https://.", kind: .text),
                FieldSpec(name: "attendance", label: "Cara hadir", hint: "offline (tatap muka), online (daring) atau mixed (keduanya).", kind: .choice(attendances)),
                FieldSpec(name: "status", label: "Status", hint: "scheduled (terjadwal), cancelled, postponed atau moved-online.", kind: .choice(statuses)),
                FieldSpec(name: "organizer", label: "Penyelenggara", hint: "Instansi penyelenggara.", kind: .text),
                FieldSpec(name: "participants", label: "Peserta", hint: "Instansi atau kelompok peserta, mis. [Dinas Sosial, Polres].", kind: .list, editorHint: "Instansi atau kelompok peserta, dipisah koma."),
                FieldSpec(name: "audience", label: "Sasaran", hint: "Untuk siapa kegiatan ini, mis. calon pekerja migran.", kind: .text),
                FieldSpec(name: "speakers", label: "Narasumber", hint: "Nama dan jabatan narasumber.", kind: .list, editorHint: "Nama dan jabatan narasumber, dipisah koma."),
                FieldSpec(name: "decree", label: "SK dasar", hint: "Nomor SK yang menjadi dasar kegiatan, persis seperti di regulasi.", kind: .decree, editorHint: "Pilih SK yang menjadi dasar kegiatan."),
            ]
        )
    }
}

private enum DecreeModel {
    static let statuses: [(value: String, label: String)] = [
        ("in-force", "Berlaku"), ("amended", "Diubah"), ("revoked", "Dicabut"),
    ]

    static func fields(region: FieldSpec) -> (required: [FieldSpec], optional: [FieldSpec]) {
        (
            [
                FieldSpec(name: "number", label: "Nomor SK", hint: "Nomor persis seperti tertulis pada SK, mis. 264/K.503/2023; alamat halaman dibuat dari nomor ini.", kind: .text, required: true),
                FieldSpec(name: "kind", label: "Jenis", hint: "Jenis keputusan, mis. Keputusan Bupati.", kind: .text, required: true),
                FieldSpec(name: "issuer", label: "Penerbit", hint: "Pejabat atau instansi yang menetapkan, mis. Bupati Kutai Timur.", kind: .text, required: true),
                FieldSpec(name: "date", label: "Tanggal penetapan", hint: "Tanggal penetapan, YYYY-MM-DD.", kind: .date, required: true),
                region,
            ],
            [
                FieldSpec(name: "place", label: "Tempat penetapan", hint: "Kota tempat SK ditetapkan.", kind: .text),
                FieldSpec(name: "status", label: "Status", hint: "Biasanya dikosongkan: Gugus menghitungnya dari amends dan revokes SK lain.", kind: .choice(statuses)),
                FieldSpec(name: "amends", label: "Mengubah SK", hint: "Nomor SK yang diubah oleh SK ini.", kind: .decrees),
                FieldSpec(name: "revokes", label: "Mencabut SK", hint: "Nomor SK yang dicabut oleh SK ini.", kind: .decrees),
                FieldSpec(name: "document", label: "Dokumen PDF", hint: "Berkas SK di bawah content/media/, mis. media/regulasi/sk-264.pdf.", kind: .document, editorHint: "Unggah atau pilih berkas PDF SK; disimpan di content/media/."),
                FieldSpec(name: "legal_field", label: "Bidang hukum", hint: "Bidang hukum menurut JDIH, mis. Hukum Administrasi Negara.", kind: .text),
                FieldSpec(name: "signatory", label: "Penanda tangan", hint: "Nama pejabat yang menandatangani.", kind: .text),
                FieldSpec(name: "subjects", label: "Pokok bahasan", hint: "Pokok isi SK, mis. [pembentukan gugus tugas].", kind: .list, editorHint: "Pokok isi SK, dipisah koma."),
                FieldSpec(name: "members", label: "Susunan keanggotaan", hint: "Satu baris per anggota, mis. - {role: Ketua, position: Bupati, agency: …, name: …, group: …}.", kind: .members, editorHint: "Satu entri per anggota; isi yang diketahui saja."),
            ]
        )
    }
}

private enum StatisticsModel {
    static let fields: (required: [FieldSpec], optional: [FieldSpec]) = (
        [
            FieldSpec(name: "data", label: "Berkas data (CSV)", hint: "Nama berkas CSV di folder yang sama (content/statistics/), baris pertama berisi nama kolom.", kind: .dataFile, required: true, editorHint: "Nama berkas CSV di content/statistics/, mis. laporan-kasus.csv; berkas CSV-nya ditambahkan lewat Git."),
            FieldSpec(name: "x", label: "Kolom kategori", hint: "Nama kolom kategori pada CSV, mis. tahun.", kind: .text, required: true),
        ],
        [
            FieldSpec(name: "description", label: "Penjelasan", hint: "Apa yang dihitung dan bagaimana.", kind: .longText),
            FieldSpec(name: "source", label: "Sumber data", hint: "Asal data, mis. Simfoni PPA.", kind: .text),
            FieldSpec(name: "unit", label: "Satuan", hint: "Satuan angka, mis. kasus atau orang.", kind: .text),
            FieldSpec(name: "series", label: "Kolom yang digrafikkan", hint: "Kolom angka yang ditampilkan pada grafik; kosongkan untuk semua.", kind: .list, editorHint: "Kolom angka yang ditampilkan pada grafik, dipisah koma; kosongkan untuk semua."),
            FieldSpec(name: "chart", label: "Grafik", hint: "bar (batang), line (garis) atau none (tanpa grafik).", kind: .choice([("bar", "Batang"), ("line", "Garis"), ("none", "Tanpa grafik")])),
        ]
    )
}
