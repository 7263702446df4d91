import Foundation

/// `published-urls.txt`: every address the site has ever published, kept beside
/// `content/` and committed like a lock file. A build that would drop one of them fails
/// until the page gets an alias at its old address or the address is retired in
/// `content/gone.yaml`.
public enum URLManifest {
    public static let fileName = "published-urls.txt"

    static let header = """
        # Alamat yang pernah diterbitkan situs ini; Gugus menambahkannya pada setiap build.
        # Jangan menghapus baris: tautan dari LSM, media dan instansi lain mengarah ke sini.
        # Bila halaman pindah, tulis alamat lamanya di `aliases:` halaman barunya; bila isinya
        # ditarik, catat alamatnya di content/gone.yaml.
        # Addresses this site has published (Gugus adds new ones on every build). Do not delete
        # lines: move a page with `aliases:`, withdraw it in content/gone.yaml.

        """

    public struct Entry: Sendable, Equatable {
        public var url: String
        public var line: Int
    }

    public static func read(siteRoot: String) -> [Entry]? {
        guard let data = FileManager.default.contents(atPath: siteRoot + "/" + fileName) else { return nil }
        var entries: [Entry] = []
        // Split as bytes: the manifest has a line for every address of the site.
        for (index, raw) in Array(data).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line: String
            if raw.allSatisfy({ $0 < 0x80 }) {
                // (A carriage return too: the file may have been saved on Windows.)
                let blank = { (byte: UInt8) in byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") }
                var lower = raw.startIndex, upper = raw.endIndex
                while lower < upper, blank(raw[lower]) { lower += 1 }
                while upper > lower, blank(raw[upper - 1]) { upper -= 1 }
                line = String(decoding: raw[lower..<upper], as: UTF8.self)
            } else {
                line = String(decoding: raw, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            entries.append(Entry(url: line, line: index + 1))
        }
        return entries
    }

    /// The address of an output file: `berita/x/index.html` → `/berita/x/`.
    static func url(ofOutputPath path: String) -> String {
        if path == "index.html" { return "/" }
        if path.hasSuffix("/index.html") { return "/" + path.dropLast("index.html".count) }
        return "/" + path
    }

    /// Whether an address belongs in the manifest: pages, data, feeds and media, but not
    /// the theme's assets, pagination (it shifts as content grows) or working files (the
    /// search index's shards, renumbered as the site grows).
    static func isPermanent(_ url: String) -> Bool {
        if url.hasPrefix(SiteAddress.assetsFolder) || url.hasPrefix(SiteAddress.admin) || url.hasPrefix(SiteAddress.searchIndexFolder)
            || SiteAddress.isPagination(url)
        {
            return false
        }
        return ![SiteAddress.notFound, SiteAddress.searchIndex, SiteAddress.robots].contains(url)
    }

    /// Errors for every recorded address that this build would no longer publish.
    static func check(_ entries: [Entry], produced: Set<String>, gone: Set<String>) -> [Diagnostic] {
        entries.filter { !produced.contains($0.url) && !gone.contains($0.url) && isPermanent($0.url) }.map { entry in
            Diagnostic(
                at: SourceLocation(file: fileName, line: entry.line, column: 1),
                "the address \(entry.url) was published before and this build would remove it",
                hint: "if the page moved, add `aliases: [\"\(entry.url)\"]` to the front matter of its new file; "
                    + "if it was withdrawn on purpose, add `- url: \(entry.url)` to content/gone.yaml")
        }
    }

    /// The manifest after a successful build: the old lines plus every new address, sorted.
    static func updated(_ entries: [Entry], produced: Set<String>) -> String? {
        let old = Set(entries.map(\.url))
        let new = produced.filter(isPermanent).subtracting(old)
        guard !new.isEmpty || entries.isEmpty else { return nil }
        return header + old.union(new).sorted().joined(separator: "\n") + "\n"
    }

    static func write(_ text: String, siteRoot: String) -> Diagnostic? {
        let path = siteRoot + "/" + fileName
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: Data(text.utf8)), rename(temporary, path) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            return Diagnostic(at: SourceLocation(file: fileName), "the list of published addresses could not be updated",
                              hint: "check that the site folder is writable; the site itself was built")
        }
        return nil
    }
}
