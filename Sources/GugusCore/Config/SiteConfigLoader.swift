/// Reads `site.yaml` and `regions.yaml`.
enum SiteConfigLoader {
    static let siteKeys = ["title", "tagline", "base_url", "language", "time_zone", "organization", "hotlines", "per_page", "menu", "sample", "cms", "images", "sources"]

    static func loadSite(_ source: SourceText, diagnostics: inout DiagnosticLog) -> SiteConfig? {
        let node: Node?
        switch YAMLDocument.parse(source.text, file: source.path, firstLine: 1) {
        case let .success(parsed): node = parsed
        case let .failure(diagnostic):
            diagnostics.append(diagnostic)
            return nil
        }
        var reader = FieldReader(node: node, file: source.path, firstLine: 1, what: "site.yaml")
        let title = reader.string("title", required: true, example: "Gugus Tugas PP-TPPO Kabupaten …")
        let tagline = reader.string("tagline")?.value
        let rawBaseURL = reader.string("base_url")
        var baseURL = rawBaseURL?.value ?? "/"
        if let raw = rawBaseURL, !(raw.value.hasPrefix("https://") || raw.value.hasPrefix("http://") || raw.value == "/") {
            reader.report(raw.location, "`base_url` must start with https:// or http://", hint: "write the address of the site, e.g. `base_url: https://tppo.kutaitimurkab.go.id`")
        }
        while baseURL.hasSuffix("/") { baseURL.removeLast() }
        let language = reader.choice("language", from: ["id", "en"])?.value ?? "id"
        let zone = reader.string("time_zone")
        let timeZone = zone?.value ?? "Asia/Jakarta"
        if let zone, TimeZoneInfo.offset(for: zone.value) == nil {
            reader.report(zone.location, "unknown time zone \"\(zone.value)\"",
                          hint: "use Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT)")
        }
        let perPage = reader.integer("per_page", range: 1...500)?.value ?? 10
        let sample = reader.bool("sample") ?? false

        var organization: SiteConfig.Organization?
        if var org = reader.mapping("organization", what: "the organization") {
            let name = org.string("name", required: true, example: "Dinas PPPA Kabupaten Kutai Timur")
            organization = SiteConfig.Organization(
                name: name?.value ?? "", shortName: org.string("short_name")?.value,
                address: org.string("address")?.value, email: org.string("email")?.value,
                phone: org.string("phone")?.value, url: org.webAddress("url")?.value, region: org.string("region"))
            org.reportUnknownKeys(known: ["name", "short_name", "address", "email", "phone", "url", "region"])
            reader.absorb(org)
        }

        var hotlines: [SiteConfig.Hotline] = []
        for var entry in reader.mappingList("hotlines", what: "hotlines") {
            let name = entry.string("name", required: true, example: "SAPA 129")
            let hotline = SiteConfig.Hotline(
                name: name?.value ?? "", phone: entry.string("phone")?.value, whatsapp: entry.string("whatsapp")?.value,
                url: entry.webAddress("url")?.value, hours: entry.string("hours")?.value)
            if hotline.phone == nil && hotline.whatsapp == nil && hotline.url == nil {
                entry.report(entry.location, "the hotline \"\(hotline.name)\" has no phone, WhatsApp or url", hint: "add `phone: \"129\"` or `whatsapp: \"08111-129-129\"`")
            }
            entry.reportUnknownKeys(known: ["name", "phone", "whatsapp", "url", "hours"])
            reader.absorb(entry)
            hotlines.append(hotline)
        }

        var menu: [SiteConfig.MenuEntry] = []
        for var entry in reader.mappingList("menu", what: "menu entries") {
            let entryTitle = entry.string("title", required: true, example: "Berita")
            let url = entry.webAddress("url", sitePaths: true, required: true)
            if let entryTitle, let url { menu.append(.init(title: entryTitle.value, url: url.value)) }
            entry.reportUnknownKeys(known: ["title", "url"])
            reader.absorb(entry)
        }
        let cms = CMSSettings.read(from: &reader)
        let images = ImageSettings.read(from: &reader)
        let sources = NetworkSource.read(from: &reader)
        reader.reportUnknownKeys(known: siteKeys)
        diagnostics.append(contentsOf: reader.diagnostics)
        guard let title else { return nil }
        return SiteConfig(
            title: title.value, tagline: tagline, baseURL: baseURL, language: language, timeZone: timeZone,
            organization: organization, hotlines: hotlines, perPage: perPage, menu: menu, sample: sample, cms: cms, images: images, sources: sources)
    }

    static func loadRegions(_ source: SourceText, diagnostics: inout DiagnosticLog) -> [Located<Region>] {
        let sequence = YAMLDocument.list(source, mustBe: "a list of regions",
                                         hint: "start each region with `- code: \"64.08\"` on its own line", diagnostics: &diagnostics)
        var regions: [Located<Region>] = []
        for item in sequence {
            var reader = FieldReader(node: item, file: source.path, firstLine: 1, what: "each region")
            let code = reader.string("code", required: true, example: "\"64.08\"")
            let name = reader.string("name", required: true, example: "Kutai Timur")
            let level = reader.choice("level", from: Region.Level.allCases.map(\.rawValue), required: true)
            let parent = reader.string("parent")
            reader.reportUnknownKeys(known: ["code", "name", "level", "parent"])
            diagnostics.append(contentsOf: reader.diagnostics)
            if let code, let name, let level, let parsedLevel = Region.Level(rawValue: level.value) {
                if code.value != "ID" && !code.value.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }) {
                    diagnostics.error(code.location, "region code \"\(code.value)\" is not a Kemendagri code",
                                      hint: "codes are digits and dots, like \"64\" or \"64.08\"; the national level uses \"ID\"")
                    continue
                }
                regions.append(Located(Region(code: code.value, name: name.value, level: parsedLevel, parent: parent?.value), at: code.location))
            }
        }
        return regions
    }
}

import Yams
