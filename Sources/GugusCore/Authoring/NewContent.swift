import Foundation

/// `gugus new`: writes a new draft content file (and, for statistics, its CSV) that loads
/// without errors, so `gugus build` keeps working while the writer fills it in.
///
/// Drafts are validated like published files (the loader and validator read every file;
/// only Resolve leaves drafts out), so required fields that only the writer knows get
/// stand-ins that pass every check and are marked `# GANTI` (replace): the office's region,
/// a decree number `000/DRAFT/<year>`, today's date.
public enum NewContent {
    /// Writes the file(s) and returns their paths relative to the site folder.
    public static func create(
        _ kind: ContentKind, title: String, slug: String? = nil, siteRoot: String, now: CivilDate? = nil
    ) throws(AuthoringError) -> [String] {
        let name = try fileSlug(title: title, slug: slug, kind: kind)
        let facts = SiteFacts.read(siteRoot: siteRoot)
        let today = now ?? TimeZoneInfo.today(in: facts.timeZone)
        let files = self.files(kind, title: title, slug: name, facts: facts, today: today)
        try write(files, siteRoot: siteRoot)
        return files.map(\.path)
    }

    /// The file name (without `.md`) for a title, or the `--slug` given.
    static func fileSlug(title: String, slug: String?, kind: ContentKind) throws(AuthoringError) -> String {
        if let slug {
            guard Slug.isValid(slug) else {
                let suggestion = Slug.make(from: slug)
                throw AuthoringError("the name \"\(slug)\" may only hold lower-case letters, digits and single dashes",
                                     hint: "use --slug \(suggestion.isEmpty ? "judul-tulisan" : suggestion)")
            }
            return try checkReserved(slug, kind: kind)
        }
        let made = Slug.make(from: title)
        guard !made.isEmpty else {
            throw AuthoringError("the title \"\(title)\" has no letters or digits to make a file name from",
                                 hint: "write the title in words, or choose the file name with --slug, e.g. --slug rakor-gugus-tugas")
        }
        return try checkReserved(made, kind: kind)
    }

    /// An information page may not take the address of a section (`/berita/`, `/admin/`…).
    static func checkReserved(_ slug: String, kind: ContentKind) throws(AuthoringError) -> String {
        guard kind == .page, SiteAddress.reservedSegments.contains(slug) else { return slug }
        throw AuthoringError("the address \(SiteAddress.item(.page, slug: slug)) belongs to a section of the site, so a page cannot use it",
                             hint: "choose another file name with --slug, e.g. --slug tentang-\(slug)")
    }

    static func files(_ kind: ContentKind, title: String, slug: String, facts: SiteFacts, today: CivilDate) -> [(path: String, text: String)] {
        let folder = "content/\(kind.folder)/"
        var values: [String: ContentStub.Value] = [
            "title": .init(node: YAMLText.string(title)),
            "draft": .init(node: YAMLText.plain("true")),
        ]
        let regionNote = "wilayah kantor dari site.yaml; ganti bila \(noun(kind)) ini untuk wilayah lain."
        var body = "Tulis isi di sini dalam Markdown: paragraf dipisah satu baris kosong, **tebal**, *miring*, daftar dengan tanda -."
        var extra: [(path: String, text: String)] = []
        switch kind {
        case .news:
            values["date"] = .init(node: YAMLText.plain(today.description), replaceNote: "tanggal hari ini; ganti dengan tanggal terbit.")
            body = "Tulis isi berita di sini dalam Markdown. Paragraf pertama sebaiknya menjawab apa, siapa, kapan dan di mana."
        case .event:
            values["kind"] = .init(node: YAMLText.plain("lainnya"), replaceNote: "pilih jenis kegiatan yang tepat.")
            values["start"] = .init(node: YAMLText.plain("\(today)T09:00"), replaceNote: "tanggal dan jam mulai yang sebenarnya.")
            values["region"] = .init(node: YAMLText.quoted(facts.regionCode), replaceNote: regionNote)
            body = "Tulis tujuan, acara dan hasil kegiatan di sini dalam Markdown."
        case .decree:
            let (decreeKind, issuer) = facts.decreeKindAndIssuer
            let placeholder = "isian sementara agar situs tetap bisa dibangun selama masih draf; ganti dengan yang tertulis pada SK."
            values["number"] = .init(node: YAMLText.string(facts.draftDecreeNumber(year: today.year)), replaceNote: placeholder)
            values["kind"] = .init(node: YAMLText.string(decreeKind), replaceNote: placeholder)
            values["issuer"] = .init(node: YAMLText.string(issuer), replaceNote: placeholder)
            values["date"] = .init(node: YAMLText.plain(today.description), replaceNote: "tanggal hari ini; ganti dengan tanggal penetapan SK.")
            values["region"] = .init(node: YAMLText.quoted(facts.regionCode), replaceNote: regionNote)
            body = "Tulis ringkasan isi SK di sini dalam Markdown: dasar hukum, tugas dan masa berlaku."
        case .page:
            body = "Tulis isi halaman di sini dalam Markdown. Judul bagian ditulis dengan ## di awal baris."
        case .statistics:
            values["data"] = .init(node: YAMLText.string("\(slug).csv"))
            values["x"] = .init(node: YAMLText.plain("tahun"), replaceNote: "nama kolom kategori pada CSV, bila bukan tahun.")
            body = "Tulis penjelasan data di sini: cara menghitung, batasan dan catatan penting."
            extra.append((folder + slug + ".csv", "tahun,jumlah\n"))
        }
        let stub = ContentStub(kind: kind, values: values, body: body)
        return [(folder + slug + ".md", stub.text)] + extra
    }

    static func noun(_ kind: ContentKind) -> String {
        switch kind {
        case .decree: "SK"
        default: ContentModel.label(of: kind).singular.lowercased()
        }
    }

    /// Writes every file or none; never replaces an existing file.
    static func write(_ files: [(path: String, text: String)], siteRoot: String) throws(AuthoringError) {
        let manager = FileManager.default
        for file in files where manager.fileExists(atPath: siteRoot + "/" + file.path) {
            throw AuthoringError("\(file.path) already exists; Gugus does not overwrite it",
                                 hint: "give another title, or choose another file name with --slug, e.g. --slug \(alternative(for: file.path))")
        }
        var written: [String] = []
        for file in files {
            let url = URL(fileURLWithPath: siteRoot + "/" + file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
                written.append(url.path)
            } catch {
                for path in written { try? manager.removeItem(atPath: path) }
                throw AuthoringError("\(file.path) cannot be written: \(error.localizedDescription)",
                                     hint: "check that the site folder exists and that you may write in it")
            }
        }
    }

    /// `content/news/rakor.md` → `rakor-2`.
    static func alternative(for path: String) -> String {
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        return name + "-2"
    }
}
