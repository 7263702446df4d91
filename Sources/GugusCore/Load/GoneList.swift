import Yams

/// One withdrawn address from `content/gone.yaml`.
public struct GoneURL: Sendable, Hashable {
    public var url: String
    public var reason: String?
}

/// Reads `content/gone.yaml`: a list of `{url, reason}` for addresses withdrawn on purpose.
enum GoneListLoader {
    static func load(_ source: SourceText, diagnostics: inout DiagnosticLog) -> [Located<GoneURL>] {
        let sequence = YAMLDocument.list(source, mustBe: "a list of withdrawn addresses",
                                         hint: "write each one like `- url: /berita/judul-lama/` with an optional `reason:` on the next line",
                                         diagnostics: &diagnostics)
        var list: [Located<GoneURL>] = []
        for item in sequence {
            var reader = FieldReader(node: item, file: source.path, firstLine: 1, what: "each withdrawn address")
            let url = reader.string("url", required: true, example: "/berita/judul-lama/")
            let reason = reader.string("reason")
            reader.reportUnknownKeys(known: ["url", "reason"])
            diagnostics.append(contentsOf: reader.diagnostics)
            guard let url else { continue }
            let path = url.value.dropFirst()
            guard url.value.hasPrefix("/"), path.isEmpty || SitePath.isSafeRelative(String(path.hasSuffix("/") ? path.dropLast() : path)) else {
                diagnostics.error(url.location, "\"\(url.value)\" is not an address of this site",
                                  hint: "write the path as it appears after the domain, starting with /, like /berita/judul-lama/")
                continue
            }
            list.append(Located(GoneURL(url: url.value, reason: reason?.value), at: url.location))
        }
        return list
    }
}
