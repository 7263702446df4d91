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

        init(_ files: [OutputFile], references: [String: PageReferences]) {
            for file in files {
                paths.insert("/" + file.path)
                if file.path.hasSuffix(".html") { paths.insert(URLManifest.url(ofOutputPath: file.path)) }
            }
            ids = references.mapValues(\.ids)
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
        let index = OutputIndex(report.files, references: report.references)
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
        for file in report.files.sorted(by: { $0.path < $1.path }) where file.path.hasSuffix(".html") {
            let page = URLManifest.url(ofOutputPath: file.path)
            for url in report.references[page]?.links ?? [] where url.hasPrefix("/") && !url.hasPrefix("//") {
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

    /// Where a template writes an address literally as the value of an `href` or `src`
    /// (quoted either way or not at all), as `templates/x.mustache:line:col` of the address.
    static func templateLocation(of url: String, in templates: [String: Data]) -> SourceLocation? {
        for path in templates.keys.sorted() where path.hasSuffix(".mustache") {
            guard let data = templates[path] else { continue }
            let text = String(decoding: data, as: UTF8.self)
            var rest = text[...]
            while let range = rest.range(of: url) {
                rest = text[range.upperBound...]
                guard isAttributeValue(text[..<range.lowerBound]) else { continue }
                let before = text[..<range.lowerBound]
                let line = before.filter { $0 == "\n" }.count + 1
                let column = before.distance(from: before.lastIndex(of: "\n").map { before.index(after: $0) } ?? before.startIndex, to: before.endIndex) + 1
                return SourceLocation(file: "templates/" + path, line: line, column: column)
            }
        }
        return nil
    }

    /// Whether text ends as an `href` or `src` attribute's value begins: `href="`, `SRC='`, `href=`…
    private static func isAttributeValue(_ before: Substring) -> Bool {
        var rest = before
        if rest.last == "\"" || rest.last == "'" { rest = rest.dropLast() }
        while rest.last?.isWhitespace == true { rest = rest.dropLast() }
        guard rest.last == "=" else { return false }
        rest = rest.dropLast()
        while rest.last?.isWhitespace == true { rest = rest.dropLast() }
        let name = rest.reversed().prefix { $0.isLetter }.reversed().map { $0.lowercased() }.joined()
        return name == "href" || name == "src"
    }
}

/// Small readings of generated HTML.
enum HTMLText {
    /// The addresses of a `srcset` (`a.webp 480w, b.webp 960w` → a.webp, b.webp).
    static func candidates(ofSrcset value: String) -> [String] {
        value.split(separator: ",").compactMap { candidate in
            candidate.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).first.map(String.init)
        }
    }

    /// An attribute's value with its character references decoded (`&amp;`, `&quot;`,
    /// `&#39;`, `&#x2F;`…; an unknown one stays as written).
    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        var result = ""
        var rest = text[...]
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let after = rest[rest.index(after: ampersand)...]
            if let semicolon = after.prefix(10).firstIndex(of: ";"), let character = character(named: after[..<semicolon]) {
                result.append(character)
                rest = after[after.index(after: semicolon)...]
            } else {
                result.append("&")
                rest = after
            }
        }
        return result + rest
    }

    private static func character(named name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
