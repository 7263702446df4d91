/// `/data/regulasi.json`, `/data/kegiatan.json` and `/data/statistik.json`: the site's
/// records for reuse by NGOs, journalists and other offices.
enum OpenData {
    /// Decrees with the field names that JDIHN (Jaringan Dokumentasi dan Informasi Hukum
    /// Nasional) integrations exchange, plus the amendment chain.
    static func decrees(_ site: Site) -> JSONValue {
        let base = site.config.baseURL
        return .array(site.decrees.map { decree in
            let fields = decree.fields
            let place = fields.place ?? decree.item.common.region.flatMap { site.region($0.value)?.name }
            let record: KeyValuePairs<String, JSONValue?> = [
                "idData": .text(decree.item.slug),
                "tahun_pengundangan": .text(String(fields.date.year)),
                "tanggal_penetapan": .text(fields.date.description),
                "jenis": .text(fields.kind),
                "singkatanJenis": .text(abbreviation(of: fields.kind)),
                "noPeraturan": .text(fields.number.value),
                "judul": .text(decree.item.title),
                "tempatTerbit": .text(place),
                "teuBadan": .text(fields.issuer),
                "sumber": .text(site.config.organization?.name ?? site.config.title),
                "subjek": .text(fields.subjects.isEmpty ? nil : fields.subjects.joined(separator: " - ")),
                "status": .text(statusLabel(decree.status)),
                "bahasa": .text(site.config.language == "en" ? "Inggris" : "Indonesia"),
                "bidangHukum": .text(fields.legalField),
                "urlDownload": .text(decree.document.map { base + SiteAddress.media($0.path) }),
                "urlDetailPeraturan": .text(base + decree.url),
                "penandatangan": .text(fields.signatory),
                "kodeWilayah": .text(decree.item.common.region?.value),
                "mengubah": .array(decree.amends.compactMap { $0.detail.map(JSONValue.string) }),
                "diubahOleh": .array(decree.amendedBy.compactMap { $0.detail.map(JSONValue.string) }),
                "mencabut": .array(decree.revokes.compactMap { $0.detail.map(JSONValue.string) }),
                "dicabutOleh": .array(decree.revokedBy.compactMap { $0.detail.map(JSONValue.string) }),
            ]
            return .recordWithNulls(record)
        })
    }

    /// `Berlaku`, `Diubah`, `Dicabut` as JDIH portals write them.
    static func statusLabel(_ status: ResolvedDecree.Status) -> String {
        switch status {
        case .inForce: return "Berlaku"
        case .amended: return "Diubah"
        case .revoked: return "Dicabut"
        }
    }

    /// The usual short form of a kind of regulation (`Keputusan Bupati` → `KEPBUP`).
    static func abbreviation(of kind: String) -> String {
        let known = [
            "keputusan bupati": "KEPBUP", "peraturan bupati": "PERBUP", "keputusan gubernur": "KEPGUB", "peraturan gubernur": "PERGUB",
            "keputusan wali kota": "KEPWAL", "keputusan walikota": "KEPWAL", "peraturan wali kota": "PERWAL", "peraturan walikota": "PERWAL",
            "peraturan daerah": "PERDA", "peraturan presiden": "PERPRES", "keputusan presiden": "KEPPRES", "peraturan pemerintah": "PP",
            "undang-undang": "UU", "peraturan menteri": "PERMEN", "keputusan menteri": "KEPMEN", "surat keputusan": "SK",
            "instruksi bupati": "INBUP", "instruksi gubernur": "INGUB", "surat edaran": "SE",
        ]
        let lowered = kind.lowercased().trimmingSpaces
        if let short = known[lowered] { return short }
        if let match = known.keys.sorted().first(where: { lowered.hasPrefix($0 + " ") }), let short = known[match] { return short }
        let initials = lowered.split(whereSeparator: { $0 == " " || $0 == "-" }).compactMap(\.first).map { String($0).uppercased() }
        return initials.joined()
    }

    static func events(_ site: Site) -> JSONValue {
        let base = site.config.baseURL
        let zone = site.config.timeZone
        return .array(site.events.map { event in
            let fields = event.fields
            let region = event.item.common.region.flatMap { site.region($0.value) }
            let record: KeyValuePairs<String, JSONValue?> = [
                "id": .text(event.item.slug), "judul": .text(event.item.title), "jenis": .text(fields.kind),
                "mulai": .text(Timestamp.schemaDate(fields.start, zone: zone)),
                "selesai": .text(fields.end.map { Timestamp.schemaDate($0, zone: zone) }),
                "zonaWaktu": .text(zone), "lokasi": .text(fields.location), "tautanDaring": .text(fields.onlineURL),
                "caraHadir": .text(fields.attendance), "status": .text(fields.status), "penyelenggara": .text(fields.organizer),
                "peserta": .array(fields.participants.map(JSONValue.string)), "sasaran": .text(fields.audience),
                "narasumber": .array(fields.speakers.map(JSONValue.string)),
                "kodeWilayah": .text(region?.code), "wilayah": .text(region?.name),
                "dasarHukum": .text(event.decree?.detail), "ringkasan": .text(event.item.common.summary),
                "url": .text(base + event.url), "ics": .text(base + SiteAddress.calendar(ofEvent: event.item.slug)),
            ]
            return .recordWithNulls(record)
        })
    }

    static func datasets(_ site: Site) -> JSONValue {
        let base = site.config.baseURL
        return .array(site.datasets.map { dataset in
            let fields = dataset.fields
            let record: KeyValuePairs<String, JSONValue?> = [
                "id": .text(dataset.item.slug), "judul": .text(dataset.item.title), "deskripsi": .text(fields.description),
                "sumber": .text(fields.source), "satuan": .text(fields.unit), "kategori": .text(fields.x),
                "seri": .array(fields.series.map(JSONValue.string)), "kolom": .array(fields.table.columns.map(JSONValue.string)),
                "jumlahBaris": .int(fields.table.rows.count), "kodeWilayah": .text(dataset.item.common.region?.value),
                "url": .text(base + dataset.url), "csv": .text(base + dataset.csvURL), "json": .text(base + dataset.jsonURL),
            ]
            return .recordWithNulls(record)
        })
    }

    /// `/data/situs.json`: who publishes this site, where, how to reach them, and where its
    /// data files are, so that a provincial or national site can list it (`sources:`).
    static func siteProfile(_ site: Site) -> JSONValue {
        let config = site.config
        let base = config.baseURL
        let organization = config.organization
        let region = organization?.region.flatMap { site.region($0.value) }
        let provinceCode = region.map { $0.level == .province || $0.level == .national ? $0.code : ($0.parent ?? Network.provinceCode(of: $0.code)) }
        let province = provinceCode.flatMap { site.region($0) }
        let hotlines = config.hotlines.isEmpty ? [SiteConfig.defaultHotline] : config.hotlines
        return .recordWithNulls([
            "format": .string("gugus-situs"), "versi": .int(1), "judul": .string(config.title), "url": .string(base),
            "bahasa": .string(config.language),
            "organisasi": organization.map { organization in
                .recordWithNulls([
                    "nama": .string(organization.name), "singkatan": .text(organization.shortName), "alamat": .text(organization.address),
                    "email": .text(organization.email), "telepon": .text(organization.phone), "url": .text(organization.url),
                ])
            },
            "wilayah": region.map { region in
                .recordWithNulls([
                    "kode": .string(region.code), "nama": .string(region.name), "tingkat": .string(region.level.rawValue),
                    "provinsi": province.map { .record(["kode": .string($0.code), "nama": .string($0.name)]) },
                ])
            },
            "layanan": .array(hotlines.map { hotline in
                .recordWithNulls([
                    "nama": .string(hotline.name), "telepon": .text(hotline.phone), "whatsapp": .text(hotline.whatsapp),
                    "url": .text(hotline.url), "jam": .text(hotline.hours),
                ])
            }),
            "data": .record([
                "regulasi": .string(base + SiteAddress.decreesData), "kegiatan": .string(base + SiteAddress.eventsData),
                "statistik": .string(base + SiteAddress.datasetsData),
            ]),
        ])
    }

    static func files(_ site: Site) -> [OutputFile] {
        [
            OutputFile(url: SiteAddress.decreesData, data: decrees(site).encoded(pretty: true)),
            OutputFile(url: SiteAddress.eventsData, data: events(site).encoded(pretty: true)),
            OutputFile(url: SiteAddress.datasetsData, data: datasets(site).encoded(pretty: true)),
            OutputFile(url: SiteAddress.siteProfile, data: siteProfile(site).encoded(pretty: true)),
        ]
    }
}
