/// Fields every content type has.
public struct CommonFields: Sendable, Equatable {
    public var title: String
    public var slug: String
    public var draft: Bool
    public var summary: String?
    public var tags: [Located<String>]
    public var aliases: [Located<String>]
    public var region: Located<String>?
    public var image: Located<String>?
    public var imageAlt: String?
    /// The date of the last change that matters to readers (`updated:`), if given.
    public var updated: CivilDate? = nil
}

/// One content file after loading: its common fields, its type's fields and its body.
///
/// A value like any other, kept in one shared box: an item is copied into lists, lookups
/// and every resolved page, and copying the box is one reference count where copying a
/// dozen strings and arrays was a dozen. Changing a value puts the item in a box of its own.
public struct ContentItem: Sendable, Equatable {
    struct Values: Sendable, Equatable {
        var kind: ContentKind
        /// Path relative to the site, e.g. `content/news/x.md`.
        var file: String
        var common: CommonFields
        var details: Details
        var body: String
        var bodyFirstLine: Int
        /// The front matter as written, to tell an edit of the text from an edit of the fields.
        var frontMatterYAML: String
    }

    private final class Box: Sendable {
        let values: Values
        /// The item's address, worked out once per box (every build looks it up for every item).
        let address: String
        init(_ values: Values) {
            self.values = values
            address = SiteAddress.item(values.kind, slug: values.common.slug)
        }
    }

    private var box: Box

    // The fields are read in place (`_read`): a plain getter would copy the whole struct
    // (every string in it counted once more, then once less) to hand out one field.

    public init(
        kind: ContentKind, file: String, common: CommonFields, details: Details, body: String, bodyFirstLine: Int,
        frontMatterYAML: String = ""
    ) {
        box = Box(Values(kind: kind, file: file, common: common, details: details, body: body, bodyFirstLine: bodyFirstLine,
                         frontMatterYAML: frontMatterYAML))
    }

    private mutating func change(_ update: (inout Values) -> Void) {
        var values = box.values
        update(&values)
        box = Box(values)
    }

    public var kind: ContentKind {
        _read { yield box.values.kind }
        set { change { $0.kind = newValue } }
    }
    public var file: String {
        _read { yield box.values.file }
        set { change { $0.file = newValue } }
    }
    public var common: CommonFields {
        _read { yield box.values.common }
        set { change { $0.common = newValue } }
    }
    public var details: Details {
        _read { yield box.values.details }
        set { change { $0.details = newValue } }
    }
    public var body: String {
        _read { yield box.values.body }
        set { change { $0.body = newValue } }
    }
    public var bodyFirstLine: Int {
        _read { yield box.values.bodyFirstLine }
        set { change { $0.bodyFirstLine = newValue } }
    }
    public var frontMatterYAML: String {
        _read { yield box.values.frontMatterYAML }
        set { change { $0.frontMatterYAML = newValue } }
    }

    public enum Details: Sendable, Equatable {
        case decree(DecreeFields)
        case event(EventFields)
        case news(NewsFields)
        case page(PageFields)
        case statistics(DatasetFields)
    }

    /// Equal when every value is (the same box is equal at once).
    public static func == (lhs: ContentItem, rhs: ContentItem) -> Bool {
        lhs.box === rhs.box || lhs.box.values == rhs.box.values
    }

    /// Its address on the site: `/berita/<slug>/`, or `/<slug>/` for an information page.
    public var address: String { box.address }
    public var title: String { box.values.common.title }
    public var slug: String { box.values.common.slug }
    public var fileLocation: SourceLocation { SourceLocation(file: file) }
}

public struct DecreeMember: Sendable, Hashable {
    public var role: String?
    public var position: String?
    public var agency: String?
    public var name: String?
    public var group: String?
}

public struct DecreeFields: Sendable, Equatable {
    public var number: Located<String>
    public var kind: String
    public var issuer: String
    public var date: CivilDate
    public var place: String?
    public var status: Located<String>?
    public var amends: [Located<String>]
    public var revokes: [Located<String>]
    public var document: Located<String>?
    public var signatory: String?
    public var subjects: [String]
    public var members: [DecreeMember]
    /// The field of law (`legal_field`, JDIHN's *bidang hukum*), e.g. `Hukum Administrasi Negara`.
    public var legalField: String? = nil
}

public struct EventFields: Sendable, Equatable {
    public var kind: String
    public var start: LocalDateTime
    public var end: LocalDateTime?
    public var location: String?
    public var onlineURL: String?
    public var attendance: String
    public var status: String
    public var organizer: String?
    public var participants: [String]
    public var audience: String?
    public var speakers: [String]
    public var decree: Located<String>?
}

public struct NewsSource: Sendable, Hashable {
    public var name: String
    public var url: String?
}

public struct NewsFields: Sendable, Equatable {
    public var date: CivilDate
    public var author: String?
    public var events: [Located<String>]
    public var decrees: [Located<String>]
    public var source: NewsSource?
}

public struct PageFields: Sendable, Equatable {
    public var menu: Int?
}

public struct DatasetFields: Sendable, Equatable {
    public var table: DataTable
    /// The CSV file the rows came from, relative to the site, if any.
    public var dataFile: String?
    public var x: String
    public var description: String?
    public var source: String?
    public var unit: String?
    public var series: [String]
    public var chart: String
}

/// A table of text cells with a header row.
public struct DataTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String]]

    public init(columns: [String], rows: [[String]]) {
        self.columns = columns
        self.rows = rows
    }

    public func column(_ name: String) -> [String]? {
        guard let index = columns.firstIndex(of: name) else { return nil }
        return rows.map { index < $0.count ? $0[index] : "" }
    }

    /// Columns whose every non-empty cell is a number.
    public var numericColumns: [String] {
        columns.filter { name in
            guard let cells = column(name), cells.contains(where: { !$0.isEmpty }) else { return false }
            return cells.allSatisfy { $0.isEmpty || Double($0) != nil }
        }
    }
}
