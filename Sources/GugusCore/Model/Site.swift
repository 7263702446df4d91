/// A link to another entry of the site.
public struct EntryLink: Sendable, Hashable {
    public var title: String
    public var url: String
    /// A decree's number, an event's date…
    public var detail: String?
}

/// A decree after Resolve: its derived status and the amendment chain both ways.
public struct ResolvedDecree: Sendable, Equatable {
    public enum Status: String, Sendable { case inForce = "in-force", amended, revoked }
    public var item: ContentItem
    public var fields: DecreeFields
    public var url: String
    public var status: Status
    public var amends: [EntryLink]
    public var amendedBy: [EntryLink]
    public var revokes: [EntryLink]
    public var revokedBy: [EntryLink]
    public var document: MediaFile?
    public var events: [EntryLink]
    public var news: [EntryLink]
}

public struct ResolvedEvent: Sendable, Equatable {
    public var item: ContentItem
    public var fields: EventFields
    public var url: String
    public var decree: EntryLink?
    public var news: [EntryLink]
}

public struct ResolvedNews: Sendable, Equatable {
    public var item: ContentItem
    public var fields: NewsFields
    public var url: String
    public var events: [EntryLink]
    public var decrees: [EntryLink]
}

public struct ResolvedPage: Sendable, Equatable {
    public var item: ContentItem
    public var fields: PageFields
    public var url: String
}

public struct ResolvedDataset: Sendable, Equatable {
    public var item: ContentItem
    public var fields: DatasetFields
    public var url: String
    /// `/statistik/<slug>.csv`
    public var csvURL: String
    public var jsonURL: String
}

/// Everything published under a tag or in a region, newest first.
public struct Listing: Sendable {
    public var key: String
    public var title: String
    public var url: String
    public var entries: [ListedEntry]
}

/// An entry in a list (section, tag, region, home). Its fields live in one shared box: an
/// entry is copied into every list that shows it and moved while lists are sorted, and a
/// copy then counts one reference instead of each of its strings.
public struct ListedEntry: Sendable, Hashable {
    private final class Box: Sendable {
        let kind: ContentKind
        let file: String
        let title: String
        let url: String
        let date: CivilDate?
        let summary: String?
        let draft: Bool

        init(kind: ContentKind, file: String, title: String, url: String, date: CivilDate?, summary: String?, draft: Bool) {
            self.kind = kind
            self.file = file
            self.title = title
            self.url = url
            self.date = date
            self.summary = summary
            self.draft = draft
        }
    }

    private let box: Box
    // (Read in place: a getter would count a reference to the string it hands out.)

    public init(kind: ContentKind, file: String, title: String, url: String, date: CivilDate?, summary: String?, draft: Bool) {
        box = Box(kind: kind, file: file, title: title, url: url, date: date, summary: summary, draft: draft)
    }

    /// An item's entry; without `summary`, the item's own (and without either, lists show
    /// the body's first paragraph).
    init(_ item: ContentItem, url: String, date: CivilDate?, summary: String? = nil) {
        self.init(kind: item.kind, file: item.file, title: item.title, url: url, date: date,
                  summary: summary ?? item.common.summary, draft: item.common.draft)
    }

    public var kind: ContentKind { _read { yield box.kind } }
    /// The content file, e.g. `content/news/x.md`.
    public var file: String { _read { yield box.file } }
    public var title: String { _read { yield box.title } }
    public var url: String { _read { yield box.url } }
    public var date: CivilDate? { _read { yield box.date } }
    public var summary: String? { _read { yield box.summary } }
    public var draft: Bool { _read { yield box.draft } }
    /// The object holding the fields, shared by the copies of this entry.
    var identity: ObjectIdentifier { ObjectIdentifier(box) }

    public static func == (lhs: ListedEntry, rhs: ListedEntry) -> Bool {
        lhs.box === rhs.box
            || (lhs.kind == rhs.kind && lhs.file == rhs.file && lhs.title == rhs.title && lhs.url == rhs.url
                && lhs.date == rhs.date && lhs.summary == rhs.summary && lhs.draft == rhs.draft)
    }

    /// Hashed by its address alone (the entries of a site have addresses of their own; equal
    /// entries still compare every field): hashing the summary of every entry of every list
    /// page was a measurable part of a build.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(url)
    }
}

/// The whole site after Resolve: immutable, every reference checked, every URL known,
/// every list in a deterministic order.
public struct Site: Sendable {
    public var config: SiteConfig
    public var now: CivilDate
    public var regions: [Region] {
        didSet {
            regionsByCode = Dictionary(regions.map { ($0.code, $0) }) { first, _ in first }
            regionsByParent = [:]
            for region in regions {
                if let parent = region.parent { regionsByParent[parent, default: []].append(region) }
            }
        }
    }
    /// Regions by code, for the lookups of every page (kept in step with `regions`).
    private(set) var regionsByCode: [String: Region] = [:]
    /// The regions under each region, in the order of `regions` (kept in step with it).
    private(set) var regionsByParent: [String: [Region]] = [:]
    public var decrees: [ResolvedDecree]
    public var events: [ResolvedEvent]
    public var news: [ResolvedNews]
    public var pages: [ResolvedPage]
    public var datasets: [ResolvedDataset]
    public var tags: [Listing]
    public var regionListings: [Listing]
    public var media: [MediaFile]
    /// The media as pages refer to them: paths, and what each raster becomes.
    public var library = MediaLibrary()
    /// `content/news/x.md` → `/berita/x/` for every published file.
    public var permalinks: [String: String]
    /// Content files left out of this build (drafts).
    public var unpublished: Set<String>
    /// Old URL path → new URL, from `aliases`.
    public var aliases: [(from: String, to: String, title: String)]
    public var menu: [SiteConfig.MenuEntry]
    /// Addresses withdrawn on purpose; each gets a page saying so.
    public var gone: [GoneURL] = []
    /// The network pages' records (only when `site.yaml` lists `sources:`).
    public var network: Network? = nil

    public func region(_ code: String) -> Region? { regionsByCode[code] }

    /// The regions whose parent is `code`, in the order of `regions`.
    public func regions(under code: String) -> [Region] { regionsByParent[code] ?? [] }
}
