/// What `gugus new` reads from a site to fill in a new file: the time zone (for today's
/// date), the office's region and the decree numbers already taken.
struct SiteFacts: Sendable {
    var timeZone: String
    /// The region new items default to: the organization's, else the first regency or city,
    /// else the first province, else the national level.
    var region: Region?
    var decreeNumbers: Set<String>

    /// Reads the site as the build does; problems in its files are the build's to report.
    static func read(siteRoot: String) -> SiteFacts {
        var ignored = DiagnosticLog()
        let loaded = ContentLoader.load(siteRoot: siteRoot, diagnostics: &ignored)
        let regions = loaded.regions.map(\.value)
        let own = loaded.config?.organization?.region.flatMap { code in regions.first { $0.code == code.value } }
        let local = regions.first { $0.level == .regency || $0.level == .city }
        let province = regions.first { $0.level == .province }
        let numbers = loaded.items.compactMap { item -> String? in
            if case let .decree(fields) = item.details { return fields.number.value }
            return nil
        }
        return SiteFacts(
            timeZone: loaded.config?.timeZone ?? "Asia/Jakarta",
            region: own ?? local ?? province ?? regions.first { $0.level == .national },
            decreeNumbers: Set(numbers))
    }

    /// The region code to write: always one from regions.yaml when the site has any.
    var regionCode: String { region?.code ?? "ID" }

    /// A decree number that passes every check while clearly waiting for the real one:
    /// `000/DRAFT/2024`, or `001/DRAFT/2024` when that is taken, and so on.
    func draftDecreeNumber(year: Int) -> String {
        var counter = 0
        while true {
            let number = "\(CivilDate.pad(counter, 3))/DRAFT/\(year)"
            if !decreeNumbers.contains(number) { return number }
            counter += 1
        }
    }

    /// The usual kind and issuer of a task-force decree at the site's level.
    var decreeKindAndIssuer: (kind: String, issuer: String) {
        guard let region else { return ("Keputusan Menteri", "Menteri Pemberdayaan Perempuan dan Perlindungan Anak") }
        let name = Self.shortName(region.name)
        switch region.level {
        case .regency: return ("Keputusan Bupati", "Bupati \(name)")
        case .city: return ("Keputusan Wali Kota", "Wali Kota \(name)")
        case .province: return ("Keputusan Gubernur", "Gubernur \(name)")
        case .national: return ("Keputusan Menteri", "Menteri Pemberdayaan Perempuan dan Perlindungan Anak")
        }
    }

    /// `Kabupaten Semarang` → `Semarang`, so the issuer reads `Bupati Semarang`.
    static func shortName(_ name: String) -> String {
        for prefix in ["Kabupaten ", "Kab. ", "Kota ", "Provinsi "] where name.hasPrefix(prefix) {
            return String(name.dropFirst(prefix.count))
        }
        return name
    }
}
