import Foundation

/// One file of the built site.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case bytes(Data)
        /// Copied from a source file at write time (media).
        case copy(from: String)
        /// A file of the image cache, linked into the site (copied where it cannot be linked).
        /// The cache never changes a file in place, so the link always shows what was made.
        case link(from: String)
        /// `source` compressed, made at write time, and only when the file does not hold it
        /// yet (a file of `Precompression`).
        case compressed(source: Data, format: Precompression.Format)
    }

    /// Relative to the output folder, e.g. `berita/x/index.html`.
    public var path: String
    public var content: Content
    /// False for files whose address may change from build to build (image derivatives):
    /// they are not recorded in `published-urls.txt`.
    public var isPermanent = true

    public init(path: String, text: String) {
        self.path = path
        // Copied from the string's own bytes in one go: `Data(text.utf8)` goes through the
        // generic sequence path (a twentieth of a build's time on a site of 15,000 pages).
        var text = text
        self.content = .bytes(text.withUTF8 { Data($0) })
    }

    public init(path: String, data: Data) {
        self.path = path
        self.content = .bytes(data)
    }

    public init(path: String, copyFrom source: String) {
        self.path = path
        self.content = .copy(from: source)
    }

    /// A file published at `url`, a site path (`SiteAddress.newsFeed`).
    init(url: String, text: String) {
        self.init(path: Self.path(of: url), text: text)
    }

    init(url: String, data: Data) {
        self.init(path: Self.path(of: url), data: data)
    }

    init(url: String, copyFrom source: String) {
        self.init(path: Self.path(of: url), copyFrom: source)
    }

    /// A file of the image cache published at `url` (a site path, `/media/…`).
    init(url: String, cached source: String, permanent: Bool) {
        self.path = Self.path(of: url)
        self.content = .link(from: source)
        self.isPermanent = permanent
    }

    /// A compressed copy of another file's bytes (`index.html.br`).
    init(path: String, compressing source: Data, as format: Precompression.Format) {
        self.path = path
        self.content = .compressed(source: source, format: format)
    }

    /// The output path of a file's address: `/feed.xml` → `feed.xml`.
    static func path(of url: String) -> String {
        String(url.dropFirst())
    }

    /// The output path of a page URL: `/berita/x/` → `berita/x/index.html`.
    static func htmlPath(for url: String) -> String {
        if url.hasSuffix(".html") { return String(url.dropFirst()) }
        let trimmed = url.hasSuffix("/") ? url : url + "/"
        return String(trimmed.dropFirst()) + "index.html"
    }

    /// The file with a snippet added before `</body>`, when it is an HTML page.
    func injecting(_ snippet: String) -> OutputFile {
        guard path.hasSuffix(".html"), case let .bytes(data) = content,
            let offset = ByteSearch.lastOffset(of: Array("</body>".utf8), in: data)
        else { return self }
        var injected = Data(capacity: data.count + snippet.utf8.count + 1)
        injected.append(data.prefix(offset))
        injected.append(contentsOf: Array((snippet + "\n").utf8))
        injected.append(data.suffix(from: data.startIndex + offset))
        var copy = self
        copy.content = .bytes(injected)
        return copy
    }
}
