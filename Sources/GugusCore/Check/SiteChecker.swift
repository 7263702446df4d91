import Foundation

/// `gugus check`: beyond what every build validates, every internal link and `#anchor`
/// (in Markdown bodies and in templates) must lead to a page and a place on it, and every
/// image must have alt text.
public enum SiteChecker {
    public struct Outcome: Sendable {
        public var diagnostics: [Diagnostic]
        public var pagesChecked: Int
        public var linksChecked: Int
        /// External addresses and where each is written, for `--external`.
        public var externalLinks: [String: [SourceLocation]]
    }

    /// The published site in memory: which addresses exist and which ids each page has.
    struct OutputIndex {
        var paths: Set<String> = []
        var ids: [String: Set<String>] = [:]

        init(_ files: [OutputFile]) {
            for file in files {
                paths.insert("/" + file.path)
                guard file.path.hasSuffix(".html"), case let .bytes(data) = file.content else { continue }
                let url = URLManifest.url(ofOutputPath: file.path)
                paths.insert(url)
                ids[url] = Self.ids(in: String(decoding: data, as: UTF8.self))
            }
        }

        static func ids(in html: String) -> Set<String> {
            var found: Set<String> = []
            var rest = html[...]
            while let range = rest.range(of: " id=\"") {
                let after = rest[range.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                found.insert(HTMLText.decode(String(after[..<end])))
                rest = after[end...]
            }
            return found
        }

        /// nil when the link works; otherwise what is wrong with it.
        func problem(with url: String, from page: String) -> String? {
            var path = url
            var fragment: String?
            if let hash = url.firstIndex(of: "#") {
                path = String(url[..<hash])
                fragment = String(url[url.index(after: hash)...])
            }
            if let query = path.firstIndex(of: "?") { path = String(path[..<query]) }
            if path.isEmpty { path = page }
            path = path.removingPercentEncoding ?? path
            let page = paths.contains(path) ? path : (paths.contains(path + "/") ? path + "/" : nil)
            guard let page else { return "leads to \(path), which this site does not publish" }
            if let fragment, !fragment.isEmpty, let ids = ids[page], !ids.contains(fragment.removingPercentEncoding ?? fragment) {
                return "points to #\(fragment), but \(page) has no such place (no element with id=\"\(fragment)\")"
            }
            return nil
        }
    }

    public static func check(_ report: BuildReport, siteRoot: String) -> Outcome {
        let index = OutputIndex(report.files)
        var diagnostics: [Diagnostic] = []
        var external: [String: [SourceLocation]] = [:]
        var checked = 0
        var bodyURLs: Set<String> = []
        for file in report.bodies.keys.sorted() {
            guard let body = report.bodies[file] else { continue }
            let page = report.site.permalinks[file] ?? "/"
            for use in body.links {
                checked += 1
                if use.isImage && !use.hasText {
                    diagnostics.append(Diagnostic(at: use.location, "the image \(use.url) has no alt text",
                                                  hint: "describe the picture between the brackets: ![what it shows](\(use.url))"))
                }
                if use.url.hasPrefix("http://") || use.url.hasPrefix("https://") {
                    external[use.url, default: []].append(use.location)
                } else if use.url.hasPrefix("/") || use.url.hasPrefix("#") {
                    bodyURLs.insert(use.url)
                    if let problem = index.problem(with: use.url, from: page) {
                        let hint = problem.hasPrefix("points to #")
                            ? "an anchor is a heading of the page in lower case with dashes, e.g. ../pages/cara-melapor.md#lapor-ke-sapa-129"
                            : "link to another content file by its path, e.g. ../pages/cara-melapor.md"
                        diagnostics.append(Diagnostic(at: use.location, "the link \(use.url) \(problem)", hint: hint))
                    }
                }
            }
        }
        // Links the theme writes: reported once per address, at the template that holds it.
        let templates = Theme.sourceFiles(siteRoot: siteRoot)
        var reported: Set<String> = []
        for file in report.files.sorted(by: { $0.path < $1.path }) {
            guard file.path.hasSuffix(".html"), case let .bytes(data) = file.content else { continue }
            let page = URLManifest.url(ofOutputPath: file.path)
            for url in HTMLText.links(in: String(decoding: data, as: UTF8.self)) where url.hasPrefix("/") && !url.hasPrefix("//") {
                checked += 1
                guard !bodyURLs.contains(url), !reported.contains(url), let problem = index.problem(with: url, from: page) else { continue }
                reported.insert(url)
                let location = templateLocation(of: url, in: templates) ?? SourceLocation(file: "public/" + file.path)
                diagnostics.append(Diagnostic(at: location, "the link \(url) \(problem)",
                                              hint: "fix the address in the template, or the content it comes from"))
            }
        }
        let pages = report.files.filter { $0.path.hasSuffix(".html") }.count
        return Outcome(diagnostics: diagnostics, pagesChecked: pages, linksChecked: checked, externalLinks: external)
    }

    /// Where a template writes an address literally, as `templates/x.mustache:line:col`.
    static func templateLocation(of url: String, in templates: [String: Data]) -> SourceLocation? {
        for path in templates.keys.sorted() where path.hasSuffix(".mustache") {
            guard let data = templates[path] else { continue }
            let text = String(decoding: data, as: UTF8.self)
            for needle in ["href=\"\(url)\"", "src=\"\(url)\""] {
                guard let range = text.range(of: needle) else { continue }
                let before = text[..<range.lowerBound]
                let line = before.filter { $0 == "\n" }.count + 1
                let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
                return SourceLocation(file: "templates/" + path, line: line, column: column + needle.prefix { $0 != "\"" }.count + 1)
            }
        }
        return nil
    }
}

/// Small readings of generated HTML.
enum HTMLText {
    /// The values of every `href` and `src` attribute and every candidate of every `srcset`,
    /// entities decoded.
    static func links(in html: String) -> [String] {
        var found: [String] = []
        for attribute in [" href=\"", " src=\"", " srcset=\""] {
            var rest = html[...]
            while let range = rest.range(of: attribute) {
                let after = rest[range.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                let value = decode(String(after[..<end]))
                if attribute == " srcset=\"" {
                    found += candidates(ofSrcset: value)
                } else {
                    found.append(value)
                }
                rest = after[end...]
            }
        }
        return found
    }

    /// The addresses of a `srcset` (`a.webp 480w, b.webp 960w` → a.webp, b.webp).
    static func candidates(ofSrcset value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            candidate.split(separator: " ", omittingEmptySubsequences: true).first.map(String.init)
        }
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
