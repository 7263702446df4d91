extension ContentKind {
    /// The names `gugus new` accepts: the English type, its folder and the Indonesian
    /// section (`berita`, `kegiatan`, `regulasi`, `halaman`, `statistik`).
    public static let commandNames: [String: ContentKind] = [
        "news": .news, "berita": .news,
        "event": .event, "events": .event, "kegiatan": .event,
        "decree": .decree, "decrees": .decree, "regulasi": .decree, "sk": .decree,
        "page": .page, "pages": .page, "halaman": .page,
        "statistics": .statistics, "statistik": .statistics, "dataset": .statistics,
    ]

    /// A type named on the command line, in any letter case.
    public init?(commandName: String) {
        guard let kind = Self.commandNames[commandName.lowercased()] else { return nil }
        self = kind
    }
}
