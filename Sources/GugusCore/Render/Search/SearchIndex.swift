import Foundation
import Synchronization

/// `/search-index.json` for the `/cari/` page: every content page with its title, type,
/// date and a snippet, and an inverted index of folded words (case and diacritics
/// removed) so that the page's small script can match prefixes without scanning text.
enum SearchIndex {
    /// Words too common in Indonesian (and English) to help a search.
    static let stopWords: Set<String> = [
        "yang", "dan", "di", "ke", "dari", "untuk", "dengan", "dalam", "pada", "ini", "itu", "atau", "juga", "oleh", "akan",
        "tidak", "ada", "sebagai", "para", "serta", "adalah", "karena", "agar", "bagi", "telah", "sudah", "dapat", "lebih",
        "the", "of", "and", "to", "in", "for", "on", "is", "are", "a", "an",
    ]
    /// The body words indexed per page: enough to find a page by what it is about,
    /// while the index stays small on a large site.
    static let bodyWordLimit = 400

    struct Document {
        var title: String
        var url: String
        var kind: ContentKind
        var date: String?
        var snippet: String
        var text: String
    }

    static func documents(_ site: Site, builder: ContextBuilder) -> [Document] {
        func document(_ item: ContentItem, _ url: String, _ date: CivilDate?, extra: [String]) -> Document {
            let region = item.common.region.flatMap { site.region($0.value)?.name }
            let words = [item.title, item.common.summary ?? ""] + item.common.tags.map(\.value) + [region ?? ""] + extra
            return Document(
                title: item.title, url: url, kind: item.kind, date: date.map(builder.format.date),
                snippet: ContextBuilder.shorten(builder.summary(of: item) ?? "", to: 160),
                text: words.joined(separator: " ") + " " + (builder.body(of: item)?.plainText ?? ""))
        }
        var documents: [Document] = []
        documents += site.news.map { document($0.item, $0.url, $0.fields.date, extra: [$0.fields.author ?? ""]) }
        documents += site.events.map {
            document($0.item, $0.url, $0.fields.start.date, extra: [$0.fields.location ?? "", $0.fields.organizer ?? "", $0.fields.kind])
        }
        documents += site.decrees.map { document($0.item, $0.url, $0.fields.date, extra: [$0.fields.number.value, $0.fields.kind, $0.fields.issuer]) }
        documents += site.datasets.map { document($0.item, $0.url, nil, extra: [$0.fields.description ?? "", $0.fields.source ?? ""]) }
        documents += site.pages.map { document($0.item, $0.url, nil, extra: []) }
        return documents
    }

    static func json(_ site: Site, builder: ContextBuilder) -> Data {
        let documents = documents(site, builder: builder)
        let cache = builder.searchTerms
        let termLists = ParallelMap.map(documents) { document in
            if let cached = cache?.terms(for: document.url, text: document.text) { return cached }
            let terms = terms(of: document.text)
            cache?.store(terms, for: document.url, text: document.text)
            return terms
        }
        var postings: [String: [Int]] = [:]
        for (index, terms) in termLists.enumerated() {
            for term in terms { postings[term, default: []].append(index) }
        }
        let sorted = postings.sorted { $0.key < $1.key }
        let words = sorted.map(\.key)
        let kinds = Dictionary(uniqueKeysWithValues: ContentKind.allCases.map { ($0.rawValue, JSONValue.string(builder.format.text("kind_" + $0.rawValue))) })
        // Written directly as bytes: a tree of JSON values for a million postings was slow.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(documents.count * 256 + termLists.reduce(0) { $0 + $1.count } * 3 + words.count * 12)
        bytes += "{\"docs\":[".utf8
        for (index, document) in documents.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONValue.array([.string(document.title), .string(document.url), .string(document.kind.rawValue),
                             .string(document.date ?? ""), .string(document.snippet)]).write(into: &bytes)
        }
        bytes += "],\"kinds\":".utf8
        JSONValue.object(kinds).write(into: &bytes)
        // Each word's documents as gaps from the previous one: smaller numbers, smaller file.
        bytes += ",\"postings\":[".utf8
        for (index, documents) in sorted.lazy.map(\.value).enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(UInt8(ascii: "["))
            var previous = 0
            for (position, document) in documents.enumerated() {
                if position > 0 { bytes.append(UInt8(ascii: ",")) }
                JSONValue.writeDecimal(document - previous, into: &bytes)
                previous = document
            }
            bytes.append(UInt8(ascii: "]"))
        }
        bytes += "],\"version\":1,\"words\":".utf8
        JSONValue.array(words.map(JSONValue.string)).write(into: &bytes)
        bytes += "}\n".utf8
        return Data(bytes)
    }

    /// The distinct folded words of a text: title and summary words first, then the body
    /// up to the limit.
    static func terms(of text: String) -> [String] {
        SearchTerms.of(text, limit: bodyWordLimit)
    }

    /// Lower case without diacritics: `Sosialisasi PERDAGANGAN Orang` → `sosialisasi perdagangan orang`,
    /// `Kutai Timur’s café` → `kutai timur s cafe`. The search script folds queries the same way.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}

/// Search terms of each page from the previous build, for the dev server's rebuilds: a
/// page whose text did not change keeps its terms.
final class SearchTermCache: Sendable {
    private let entries = Mutex<[String: (text: String, terms: [String])]>([:])

    func terms(for url: String, text: String) -> [String]? {
        entries.withLock { entries in
            guard let entry = entries[url], entry.text == text else { return nil }
            return entry.terms
        }
    }

    func store(_ terms: [String], for url: String, text: String) {
        entries.withLock { $0[url] = (text, terms) }
    }
}
