import Foundation

/// One file of the built site.
public struct OutputFile: Sendable {
    public enum Content: Sendable {
        case bytes(Data)
        /// Copied from a source file at write time (media).
        case copy(from: String)
    }

    /// Relative to the output folder, e.g. `berita/x/index.html`.
    public var path: String
    public var content: Content

    public init(path: String, text: String) {
        self.path = path
        self.content = .bytes(Data(text.utf8))
    }

    public init(path: String, data: Data) {
        self.path = path
        self.content = .bytes(data)
    }

    public init(path: String, copyFrom source: String) {
        self.path = path
        self.content = .copy(from: source)
    }

    /// The output path of a page URL: `/berita/x/` → `berita/x/index.html`.
    static func htmlPath(for url: String) -> String {
        if url.hasSuffix(".html") { return String(url.dropFirst()) }
        let trimmed = url.hasSuffix("/") ? url : url + "/"
        return String(trimmed.dropFirst()) + "index.html"
    }

    /// The file with a snippet added before `</body>`, when it is an HTML page.
    func injecting(_ snippet: String) -> OutputFile {
        guard path.hasSuffix(".html"), case let .bytes(data) = content else { return self }
        let text = String(decoding: data, as: UTF8.self)
        guard let range = text.range(of: "</body>", options: .backwards) else { return self }
        var copy = self
        copy.content = .bytes(Data(text.replacingCharacters(in: range, with: snippet + "\n</body>").utf8))
        return copy
    }
}
