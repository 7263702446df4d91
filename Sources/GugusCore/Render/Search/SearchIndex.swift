import Foundation
import Synchronization

/// The search index of `/cari/`, in small files so that a phone fetches only what a query
/// needs:
/// - `/search-index.json`, the manifest: the first word of each shard, the filters' values,
///   the stop words and a stamp of this build;
/// - `/search-index/sN.json`, shards of words in sorted order: a word whose stem differs
///   names its stem; a stem holds its pages with a precomputed score (BM25, a title word
///   counting more than a body word) and the words of the site that share it;
/// - `/search-index/dN.json`, the title, address, type, date, region and snippet of
///   `documentsPerChunk` pages, fetched for the results shown;
/// - `/search-index/filters.json`, each page's type and region, fetched when a filter is used.
/// Pages are numbered newest first, so that a year is a range of numbers and ties in score
/// go to the newest. Words are stemmed here (Snowball), never in the browser: the script
/// looks up the folded word the reader typed and follows it to its stem.
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
    /// How much a word counts in the summary and other short fields, and in the body (a word
    /// in the title ranks the page above those).
    static let detailWeight: Float = 2
    static let bodyWeight: Float = 1
    /// Pages per `dN.json` file.
    static let documentsPerChunk = 8
    /// A shard is closed once its entries pass this many bytes (one stem's pages may make it larger).
    static let shardBytes = 24 * 1024

    struct Document: Sendable {
        var title: String
        var url: String
        var kind: ContentKind
        var date: CivilDate?
        var dateText: String?
        var regionCode: String?
        var snippet: String
        /// The texts searched besides the title, with their weights.
        var fields: [(text: String, weight: Float)]
        /// All the texts together: a page whose text did not change keeps its terms in `serve`.
        var text: String { ([title] + fields.map(\.text)).joined(separator: "\u{1F}") }
    }

    /// The pages the index holds, newest first (pages without a date last, by address):
    /// every published item, never a draft.
    static func documents(_ site: Site, builder: ContextBuilder) -> [Document] {
        func document(_ item: ContentItem, _ url: String, _ date: CivilDate?, extra: [String]) -> Document? {
            guard !item.common.draft else { return nil }
            let region = item.common.region.flatMap { site.region($0.value) }
            let details = [item.common.summary ?? ""] + item.common.tags.map(\.value) + [region?.name ?? ""] + extra
            return Document(
                title: item.title, url: url, kind: item.kind, date: date, dateText: date.map(builder.format.date),
                regionCode: region?.code, snippet: ContextBuilder.shorten(builder.summary(of: item) ?? "", to: 160),
                fields: [(details.filter { !$0.isEmpty }.joined(separator: " "), detailWeight),
                         (builder.body(of: item)?.plainText ?? "", bodyWeight)])
        }
        var documents: [Document] = []
        documents += site.news.compactMap { document($0.item, $0.url, $0.fields.date, extra: [$0.fields.author ?? ""]) }
        documents += site.events.compactMap {
            document($0.item, $0.url, $0.fields.start.date, extra: [$0.fields.location ?? "", $0.fields.organizer ?? "", $0.fields.kind])
        }
        documents += site.decrees.compactMap {
            document($0.item, $0.url, $0.fields.date, extra: [$0.fields.number.value, $0.fields.kind, $0.fields.issuer])
        }
        documents += site.datasets.compactMap { document($0.item, $0.url, nil, extra: [$0.fields.description ?? "", $0.fields.source ?? ""]) }
        documents += site.pages.compactMap { document($0.item, $0.url, nil, extra: []) }
        if let network = site.network { documents += networkDocuments(network, builder: builder) }
        return documents.sorted { left, right in
            switch (left.date, right.date) {
            case let (.some(a), .some(b)) where a != b: return a > b
            case (.some, .none): return true
            case (.none, .some): return false
            default: return left.url < right.url
            }
        }
    }

    /// The network's pages (not the records: they are other sites' pages): the directory
    /// with its members' names and regions, the decree index and each province's page with
    /// the names of its regions and sources, and the events page.
    static func networkDocuments(_ network: Network, builder: ContextBuilder) -> [Document] {
        let format = builder.format
        func document(_ title: String, _ url: String, _ snippet: String, _ details: [String]) -> Document {
            Document(title: title, url: url, kind: .page, date: nil, dateText: nil, regionCode: nil, snippet: snippet,
                     fields: [(details.filter { !$0.isEmpty }.joined(separator: " "), detailWeight)])
        }
        var documents = [
            document(format.text("network_title"), SiteAddress.network, format.text("network_intro"),
                     network.members.flatMap { [$0.title, $0.regionName ?? ""] }),
            document(format.text("network_decrees_title"), SiteAddress.networkDecrees, format.text("network_decrees_intro"),
                     network.provinces.map(builder.provinceName)),
            document(format.text("network_events_title"), SiteAddress.networkEvents, format.text("network_events_intro"), []),
        ]
        for province in network.provinces {
            let title = format.text("network_province_heading").replacingOccurrences(of: "{province}", with: builder.provinceName(province))
            let sources = Set(province.areas.flatMap { $0.decrees.map { network.members[network.decrees[$0].member].title } }).sorted()
            documents.append(document(title, province.url, format.text("network_decrees_intro"), province.areas.map(\.name) + sources))
        }
        return documents
    }

    /// The values the filters of `/cari/` offer, in the order shown: the types, regions and
    /// years that published pages have.
    struct Facets: Sendable {
        var kinds: [(code: String, name: String)]
        var regions: [(code: String, name: String)]
        var years: [Int]
    }

    static func facets(_ site: Site, builder: ContextBuilder) -> Facets {
        var kinds: Set<ContentKind> = []
        var regionCodes: Set<String> = []
        var years: Set<Int> = []
        func add(_ item: ContentItem, _ date: CivilDate?) {
            guard !item.common.draft else { return }
            kinds.insert(item.kind)
            if let code = item.common.region?.value, site.region(code) != nil { regionCodes.insert(code) }
            if let date { years.insert(date.year) }
        }
        site.news.forEach { add($0.item, $0.fields.date) }
        site.events.forEach { add($0.item, $0.fields.start.date) }
        site.decrees.forEach { add($0.item, $0.fields.date) }
        site.datasets.forEach { add($0.item, nil) }
        site.pages.forEach { add($0.item, nil) }
        let regions = regionCodes.compactMap { site.region($0) }.map { (code: $0.code, name: $0.name) }
            .sorted { ($0.name, $0.code) < ($1.name, $1.code) }
        return Facets(
            kinds: ContentKind.allCases.filter(kinds.contains).map { (code: $0.rawValue, name: builder.format.text("kind_" + $0.rawValue)) }
                .sorted { $0.name < $1.name },
            regions: regions, years: years.sorted(by: >))
    }

    /// The files of the index: the manifest at `/search-index.json` and the rest under `/search-index/`.
    static func files(_ site: Site, builder: ContextBuilder) -> [OutputFile] {
        let documents = documents(site, builder: builder)
        let cache = builder.searchTerms
        // Pages in runs, each read with one table of words.
        let counted = ParallelMap.map(documents.indexRuns(of: 64)) { run -> [CountedTerms] in
            // Only the dev server keeps terms between builds (and needs the joined text).
            guard let cache else { return SearchTerms.counted(documents[run].map { ($0.title, $0.fields) }, limit: bodyWordLimit) }
            return documents[run].map { document in
                let text = document.text
                if let cached = cache.terms(for: document.url, text: text) { return cached }
                let terms = SearchTerms.counted(title: document.title, document.fields, limit: bodyWordLimit)
                cache.store(terms, for: document.url, text: text)
                return terms
            }
        }.flatMap { $0 }
        let postings = SearchPostings(counted, language: site.config.language)
        let shards = postings.shards()
        let chunks = stride(from: 0, to: documents.count, by: documentsPerChunk).map {
            chunk(documents[$0..<min(documents.count, $0 + documentsPerChunk)])
        }
        let facets = facets(site, builder: builder)
        let filters = filterFile(documents, facets: facets)
        var files: [(url: String, data: Data)] = []
        files += shards.bytes.enumerated().map { (SiteAddress.searchShard($0.offset), Data($0.element)) }
        files += chunks.enumerated().map { (SiteAddress.searchDocuments($0.offset), Data($0.element)) }
        files.append((SiteAddress.searchFilters, Data(filters)))
        // A stamp of every file, added to their addresses by the script: a browser never
        // mixes the manifest of one build with a shard of another.
        var stamp: UInt64 = 0
        for file in files { stamp = (stamp &* 0x100_0000_01B3) ^ WrittenFiles.hash(file.data) }
        let manifest = manifest(documents, shardKeys: shards.firstKeys, chunkCount: chunks.count, facets: facets,
                                stamp: String(stamp, radix: 16), builder: builder, language: site.config.language)
        return [OutputFile(url: SiteAddress.searchIndex, data: Data(manifest))] + files.map { OutputFile(url: $0.url, data: $0.data) }
    }

    private static func manifest(
        _ documents: [Document], shardKeys: [String], chunkCount: Int, facets: Facets, stamp: String, builder: ContextBuilder, language: String
    ) -> [UInt8] {
        // Pages are newest first: a year is a range of page numbers.
        var years: [JSONValue] = []
        for year in facets.years {
            let first = documents.firstIndex { $0.date?.year == year } ?? 0
            let end = documents[first...].firstIndex { $0.date?.year != year } ?? documents.count
            years.append(.array([.string(String(year)), .int(first), .int(end)]))
        }
        let value = JSONValue.record([
            "version": .int(2),
            "build": .string(stamp),
            "language": .string(language),
            "documents": .int(documents.count),
            "documentsPerChunk": .int(documentsPerChunk),
            "chunks": .int(chunkCount),
            "shards": .array(shardKeys.map(JSONValue.string)),
            "stopWords": .array(stopWords.sorted().map(JSONValue.string)),
            "kinds": .array(facets.kinds.map { .array([.string($0.code), .string($0.name)]) }),
            "regions": .array(facets.regions.map { .array([.string($0.code), .string($0.name)]) }),
            "years": .array(years),
        ])
        var bytes: [UInt8] = []
        value.write(into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// `[[title, url, kind, date, region, snippet], …]` for a run of pages.
    private static func chunk(_ documents: ArraySlice<Document>) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (position, document) in documents.enumerated() {
            if position > 0 { bytes.append(UInt8(ascii: ",")) }
            JSONValue.array([.string(document.title), .string(document.url), .string(document.kind.rawValue),
                             .string(document.dateText ?? ""), .string(document.regionCode ?? ""), .string(document.snippet)])
                .write(into: &bytes)
        }
        bytes += "]\n".utf8
        return bytes
    }

    /// Each page's type and region as positions in the manifest's lists (region 0: none).
    private static func filterFile(_ documents: [Document], facets: Facets) -> [UInt8] {
        let kinds = Dictionary(uniqueKeysWithValues: facets.kinds.enumerated().map { ($0.element.code, $0.offset) })
        let regions = Dictionary(uniqueKeysWithValues: facets.regions.enumerated().map { ($0.element.code, $0.offset + 1) })
        var bytes: [UInt8] = []
        JSONValue.record([
            "kind": .array(documents.map { .int(kinds[$0.kind.rawValue] ?? 0) }),
            "region": .array(documents.map { .int($0.regionCode.flatMap { regions[$0] } ?? 0) }),
        ]).write(into: &bytes)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }

    /// Lower case without diacritics: `Sosialisasi PERDAGANGAN Orang` → `sosialisasi perdagangan orang`,
    /// `Kutai Timur’s café` → `kutai timur s cafe`. The search script folds queries the same way.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }
}

/// The folded words of one page with their weighted counts, in the order found: their
/// bytes one after another (a page has hundreds, and the index needs a `String` only for
/// each word of the site, not for each word of each page).
struct CountedTerms: Sendable {
    var bytes: [UInt8] = []
    /// Each term's length in bytes.
    var lengths: [UInt32] = []
    /// Whether each term's bytes are all ASCII.
    var ascii: [Bool] = []
    /// Weighted counts outside the title.
    var weights: [Float] = []
    var inTitle: [Bool] = []
    /// Words read, repeats included: the page's length in the ranking.
    var wordCount = 0

    /// The terms as text.
    var terms: [String] {
        var start = 0
        return lengths.map { length in
            defer { start += Int(length) }
            return String(decoding: bytes[start..<start + Int(length)], as: UTF8.self)
        }
    }
}

/// Search terms of each page from the previous build, for the dev server's rebuilds: a
/// page whose text did not change keeps its terms.
final class SearchTermCache: Sendable {
    private let entries = Mutex<[String: (text: String, terms: CountedTerms)]>([:])

    func terms(for url: String, text: String) -> CountedTerms? {
        entries.withLock { entries in
            guard let entry = entries[url], entry.text == text else { return nil }
            return entry.terms
        }
    }

    func store(_ terms: CountedTerms, for url: String, text: String) {
        entries.withLock { $0[url] = (text, terms) }
    }
}
