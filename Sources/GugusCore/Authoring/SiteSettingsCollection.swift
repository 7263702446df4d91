import Yams

/// The file collection of the editor for `content/site.yaml`. Saving it from the editor
/// rewrites the file without its comments; the fields and values stay those Gugus reads.
enum SiteSettingsCollection {
    static let timeZones: [(value: String, label: String)] = [
        ("Asia/Jakarta", "WIB (Asia/Jakarta)"), ("Asia/Pontianak", "WIB (Asia/Pontianak)"),
        ("Asia/Makassar", "WITA (Asia/Makassar)"), ("Asia/Jayapura", "WIT (Asia/Jayapura)"),
    ]

    static func node(_ site: Site) -> Node {
        var zones = timeZones
        if !zones.contains(where: { $0.value == site.config.timeZone }) {
            zones.append((site.config.timeZone, site.config.timeZone))
        }
        let regions = DecapWidgets.regionOptions(site.regions)
        let fields: [Node] = [
            field("Nama situs", "title", "string"),
            field("Slogan", "tagline", "string", required: false),
            field("Alamat situs", "base_url", "string", hint: "Diawali https://, mis. https://tppo.kutaitimurkab.go.id"),
            select("Bahasa", "language", [("id", "Bahasa Indonesia"), ("en", "English")]),
            select("Zona waktu", "time_zone", zones),
            number("Tulisan per halaman daftar", "per_page"),
            field("Tandai sebagai situs contoh", "sample", "boolean", required: false),
            object("Kantor pengelola", "organization", [
                field("Nama", "name", "string"),
                field("Nama singkat", "short_name", "string", required: false),
                field("Alamat", "address", "string", required: false),
                field("Surel", "email", "string", required: false),
                field("Telepon", "phone", "string", required: false),
                field("Situs web", "url", "string", required: false),
                select("Wilayah", "region", regions, required: false),
            ]),
            list("Layanan pengaduan", "hotlines", [
                field("Nama", "name", "string"),
                field("Telepon", "phone", "string", required: false),
                field("WhatsApp", "whatsapp", "string", required: false),
                field("Situs web", "url", "string", required: false),
                field("Jam layanan", "hours", "string", required: false),
            ]),
            list("Menu utama", "menu", [field("Judul", "title", "string"), field("Alamat", "url", "string")]),
            object("Foto", "images", [
                YAMLText.mapping([
                    ("label", s("Lebar gambar turunan (piksel)")), ("name", s("widths")), ("widget", s("list")),
                    ("required", DecapWidgets.bool(false)),
                    ("field", YAMLText.mapping([("label", s("Lebar")), ("name", s("width")), ("widget", s("number")), ("value_type", s("int"))])),
                ]),
                YAMLText.mapping([("label", s("Format (yang terbaik dulu; terakhir jpeg atau png)")), ("name", s("formats"))]
                    + DecapWidgets.select(ImageFormat.publishable.map { ($0.rawValue, $0.displayName) })
                    + [("multiple", DecapWidgets.bool(true)), ("required", DecapWidgets.bool(false))]),
                number("Lebar salinan di alamat asli foto", "max_width", range: 320...8192),
                number("Batas piksel sebuah gambar", "max_pixels", range: 1_000_000...1_000_000_000),
                number("Mutu (30-100)", "quality", range: 30...100),
            ]),
            list("Jaringan: situs gugus tugas lain", "sources", [
                field("Nama (huruf kecil, angka, -)", "name", "string", hint: "Nama folder data: content/sources/NAMA"),
                field("Alamat situs", "url", "string", hint: "Diawali https://; untuk JDIH, alamat berkas JSON-nya"),
                select("Wilayah", "region", regions, required: false),
                select("Jenis", "kind", [("gugus", "Situs Gugus"), ("jdih", "Berkas JSON JDIH")], required: false),
            ]),
            object("Pengelola konten (CMS)", "cms", [
                select("Layanan", "backend", CMSSettings.backends.map { ($0, $0) }),
                field("Repositori (pemilik/nama)", "repo", "string", required: false),
                field("Cabang", "branch", "string", required: false),
                field("Server login", "base_url", "string", required: false),
                field("Jalur login", "auth_endpoint", "string", required: false),
            ]),
        ]
        let file = YAMLText.mapping([
            ("name", s("situs")), ("label", s("Pengaturan situs")), ("file", s("content/site.yaml")), ("fields", Node(fields)),
        ])
        return YAMLText.mapping([
            ("name", s("pengaturan")), ("label", s("Pengaturan")), ("editor", YAMLText.mapping([("preview", DecapWidgets.bool(false))])),
            ("files", Node([file])),
        ])
    }

    static func field(_ label: String, _ name: String, _ widget: String, required: Bool = true, hint: String? = nil) -> Node {
        var pairs: [(String, Node)] = [("label", s(label)), ("name", s(name)), ("widget", s(widget))]
        if let hint { pairs.append(("hint", s(hint))) }
        pairs.append(("required", DecapWidgets.bool(required)))
        return YAMLText.mapping(pairs)
    }

    static func select(_ label: String, _ name: String, _ options: [(value: String, label: String)], required: Bool = true) -> Node {
        YAMLText.mapping([("label", s(label)), ("name", s(name))] + DecapWidgets.select(options) + [("required", DecapWidgets.bool(required))])
    }

    static func number(_ label: String, _ name: String, range: ClosedRange<Int> = 1...500) -> Node {
        YAMLText.mapping([
            ("label", s(label)), ("name", s(name)), ("widget", s("number")), ("value_type", s("int")),
            ("min", YAMLText.plain(String(range.lowerBound))), ("max", YAMLText.plain(String(range.upperBound))),
            ("required", DecapWidgets.bool(false)),
        ])
    }

    static func object(_ label: String, _ name: String, _ fields: [Node]) -> Node {
        YAMLText.mapping([("label", s(label)), ("name", s(name)), ("widget", s("object")), ("required", DecapWidgets.bool(false)), ("fields", Node(fields))])
    }

    static func list(_ label: String, _ name: String, _ fields: [Node]) -> Node {
        YAMLText.mapping([("label", s(label)), ("name", s(name)), ("widget", s("list")), ("required", DecapWidgets.bool(false)), ("fields", Node(fields))])
    }

    static func s(_ text: String) -> Node { YAMLText.string(text) }
}
