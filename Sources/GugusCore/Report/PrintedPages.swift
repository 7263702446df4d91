import Foundation

/// On which page of a PDF Chromium printed each `#id` the page links to: the table of
/// contents' page numbers. Chromium (Skia) writes a PDF's dictionaries as plain text: the
/// named destinations (`/ringkasan [17 0 R /XYZ …]`, one for each internal link's target)
/// and the page tree (`/Type /Pages … /Kids [2 0 R 8 0 R …]`). This reads those two and
/// nothing else; any other PDF gives no numbers (the contents are then printed without).
enum PrintedPages {
    /// Page numbers (from 1) by destination name.
    static func destinations(inPDF data: Data) -> [String: Int] {
        let text = String(decoding: data, as: UTF8.self)
        let objects = Self.objects(in: text)
        // The page tree: every /Pages node's kids, walked from the root (the node without a parent).
        var kids: [Int: [Int]] = [:]
        var root: Int?
        for (number, body) in objects where body.contains("/Type /Pages") {
            kids[number] = references(in: value(after: "/Kids", in: body) ?? "")
            if !body.contains("/Parent") { root = number }
        }
        guard let root else { return [:] }
        var pages: [Int] = []
        var pending = [root]
        var visited: Set<Int> = []
        while let node = pending.popLast() {
            guard visited.insert(node).inserted else { continue }
            if let children = kids[node] { pending += children.reversed() } else { pages.append(node) }
        }
        let pageNumber = Dictionary(pages.enumerated().map { ($0.element, $0.offset + 1) }) { first, _ in first }
        // Named destinations: `/name [N 0 R /XYZ …]`, in the objects that hold any.
        var found: [String: Int] = [:]
        let pattern = /\/([A-Za-z0-9_.\-]+) \[(\d+) 0 R \/XYZ/
        for (_, body) in objects where body.contains("/XYZ") {
            for match in body.matches(of: pattern) {
                // (`/Dest [...]` is an outline entry's own target, not a name.)
                if match.output.1 != "Dest", let object = Int(match.output.2), let page = pageNumber[object], found[String(match.output.1)] == nil {
                    found[String(match.output.1)] = page
                }
            }
        }
        return found
    }

    /// `N 0 obj << … ` bodies by object number, for the objects that are dictionaries
    /// (streams are skipped unread: the text is cut at each `endobj`).
    private static func objects(in text: String) -> [(Int, Substring)] {
        text.components(separatedBy: "endobj").compactMap { chunk -> (Int, Substring)? in
            guard let marker = chunk.range(of: " 0 obj"), !chunk[marker.upperBound...].hasPrefix("\nstream") else { return nil }
            let digits = chunk[..<marker.lowerBound].reversed().prefix { $0.isASCII && $0.isNumber }
            guard let number = Int(String(digits.reversed())) else { return nil }
            let body = Substring(chunk[marker.upperBound...].prefix(200_000))
            return body.contains("/Type /Pages") || body.contains("/XYZ") ? (number, body) : nil
        }
    }

    /// The `[ … ]` after a key.
    private static func value(after key: String, in body: Substring) -> Substring? {
        guard let start = body.range(of: key + " ["), let end = body[start.upperBound...].firstIndex(of: "]") else { return nil }
        return body[start.upperBound..<end]
    }

    /// The object numbers of `N 0 R` references.
    private static func references(in text: Substring) -> [Int] {
        text.matches(of: /(\d+) 0 R/).compactMap { Int($0.output.1) }
    }
}
