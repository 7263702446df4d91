/// The network of sites after Resolve: the members (this site first), every decree of every
/// member grouped by province and region, and the upcoming events. Built only when
/// `site.yaml` lists `sources:`.
public struct Network: Sendable {
    public struct Member: Sendable {
        /// The source's name; empty for this site.
        public var name: String
        public var title: String
        /// The official site.
        public var url: String
        public var regionCode: String?
        public var regionName: String?
        public var hotlines: [RemoteSite.Hotline]
        public var decreeCount = 0
        public var eventCount = 0
        /// UTC time of the snapshot (nil for this site, and for a source not fetched yet).
        public var fetched: String?
        public var isSelf: Bool
        public var hasSnapshot: Bool
    }

    public struct Decree: Sendable {
        public var record: RemoteDecree
        /// Index into `members`.
        public var member: Int
    }

    public struct Event: Sendable {
        public var record: RemoteEvent
        public var member: Int
    }

    /// The decrees of a region (a regency, a city, or the province's own).
    public struct Area: Sendable {
        public var code: String
        public var name: String
        /// Indices into `decrees`, newest first.
        public var decrees: [Int]
    }

    public struct Province: Sendable {
        /// The Kemendagri code (`64`), `ID` for the national level, empty when unknown.
        public var code: String
        /// Nil when no region list names it (the page then shows the code).
        public var name: String?
        public var areas: [Area]
        /// `/jaringan/regulasi/64/`
        public var url: String
        public var decreeCount: Int { areas.reduce(0) { $0 + $1.decrees.count } }
    }

    public var members: [Member]
    public var decrees: [Decree]
    public var provinces: [Province]
    /// Upcoming events of every member, soonest first.
    public var events: [Event]

    // The network's pages and files are at `SiteAddress.network…`.
    /// Events on each page of `/jaringan/kegiatan/`.
    public static let eventsPerPage = 50

    /// The province part of a Kemendagri code: `64` of `64.08`.
    static func provinceCode(of region: String) -> String {
        String(region.prefix { $0 != "." })
    }
}
