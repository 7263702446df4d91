/// `content/site.yaml`: the settings of a site.
public struct SiteConfig: Sendable {
    public struct Organization: Sendable {
        public var name: String
        public var shortName: String?
        public var address: String?
        public var email: String?
        public var phone: String?
        public var url: String?
        public var region: Located<String>?
    }

    public struct Hotline: Sendable {
        public var name: String
        public var phone: String?
        public var whatsapp: String?
        public var url: String?
        public var hours: String?
    }

    public struct MenuEntry: Sendable, Hashable {
        public var title: String
        public var url: String
    }

    public var title: String
    public var tagline: String?
    /// Without a trailing slash, e.g. `https://gugus-tppo.example.id`.
    public var baseURL: String
    public var language: String
    public var timeZone: String
    public var organization: Organization?
    public var hotlines: [Hotline]
    public var perPage: Int
    public var menu: [MenuEntry]
    /// The whole site is an illustration (the sample): every page says so.
    public var sample: Bool
    /// Where the browser editor saves; with it the build writes /admin/.
    public var cms: CMSSettings? = nil
    /// How raster media are published (`images:`).
    public var images = ImageSettings()
    /// Minutes east of UTC of `time_zone` (WIB when it is unknown).
    var zoneOffsetMinutes: Int { (TimeZoneInfo.offset(for: timeZone) ?? 7 * 3600) / 60 }
    /// Other sites whose open data the network pages list (`sources:`).
    public var sources: [NetworkSource] = []

    /// SAPA 129, the national hotline of KemenPPPA: shown when a site lists none.
    public static let defaultHotline = Hotline(
        name: "SAPA 129", phone: "129", whatsapp: "08111-129-129", url: "https://www.kemenpppa.go.id", hours: "24 jam")
}

/// One entry of `content/regions.yaml`.
public struct Region: Sendable, Hashable {
    public enum Level: String, Sendable, CaseIterable {
        case national, province, regency, city
    }

    public var code: String
    public var name: String
    public var level: Level
    public var parent: String?

    /// The URL segment: dots become dashes (`64.08` → `64-08`), `ID` → `id`.
    public var urlSegment: String { Slug.make(from: code) }
}
