/// The five content types of the contract, with their folders and URL sections.
public enum ContentKind: String, Sendable, CaseIterable, Comparable {
    case decree, event, news, page, statistics

    /// The folder under `content/`.
    public var folder: String {
        switch self {
        case .decree: "decrees"
        case .event: "events"
        case .news: "news"
        case .page: "pages"
        case .statistics: "statistics"
        }
    }

    /// The first segment of the URL of an item ("" for information pages at the root).
    public var section: String {
        switch self {
        case .decree: "regulasi"
        case .event: "kegiatan"
        case .news: "berita"
        case .page: ""
        case .statistics: "statistik"
        }
    }

    public static func < (lhs: ContentKind, rhs: ContentKind) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}
