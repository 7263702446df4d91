import Yams

/// Reads typed fields out of a YAML mapping, turning every mistake into a diagnostic at the
/// line and column of the offending key or value in the original file.
public struct FieldReader {
    public let file: String
    /// Added to a Yams line (1-based within the YAML text) to get the line in the file.
    let lineOffset: Int
    let location: SourceLocation
    /// The fields in the order written: their names, nodes, and whether each was read. (A
    /// short list looked up from the front: a front matter has a dozen fields, and hashing
    /// each name at each lookup cost more than comparing it.)
    private var names: [String] = []
    private var nodes: [(key: Node, value: Node)] = []
    private var used: [Bool] = []
    public private(set) var diagnostics: [Diagnostic] = []

    /// A reader over `node`, which must be a mapping; anything else is reported.
    init(node: Node?, file: String, firstLine: Int, what: String = "the front matter") {
        self.file = file
        self.lineOffset = firstLine - 1
        self.location = SourceLocation(file: file, line: max(1, firstLine), column: 1)
        guard let node else { return }
        guard case let .mapping(mapping) = node else {
            diagnostics.append(Diagnostic(
                at: place(of: node), "\(what) must be a list of `key: value` lines",
                hint: "write each field on its own line as `name: value`, e.g. `title: Rapat Koordinasi`"))
            return
        }
        names.reserveCapacity(mapping.count)
        nodes.reserveCapacity(mapping.count)
        for (key, value) in mapping {
            let name = key.string ?? ""
            if place(ofField: name) != nil {
                diagnostics.append(Diagnostic(
                    at: place(of: key), "the field `\(name)` is written twice",
                    hint: "keep one `\(name):` line and delete the other"))
                continue
            }
            names.append(name)
            nodes.append((key, value))
        }
        used = Array(repeating: false, count: names.count)
    }

    /// Where the field is in the list.
    private func place(ofField name: String) -> Int? {
        names.index(ofName: name)
    }

    /// A reader for a nested mapping (a member, a hotline, the organization).
    func nested(_ node: Node, what: String) -> FieldReader {
        FieldReader(node: node, file: file, firstLine: lineOffset + 1, what: what)
    }

    public func place(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return location }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Where the key was written, or the start of the mapping when it is missing.
    public func place(ofKey key: String) -> SourceLocation {
        place(ofField: key).map { place(of: nodes[$0].key) } ?? location
    }

    public func has(_ key: String) -> Bool { presentValue(key) != nil }

    /// The raw node of a field; `key:` with nothing after it counts as absent.
    mutating func value(_ key: String) -> Node? {
        guard let index = place(ofField: key) else { return nil }
        used[index] = true
        return present(nodes[index].value)
    }

    private func presentValue(_ key: String) -> Node? {
        place(ofField: key).flatMap { present(nodes[$0].value) }
    }

    private func present(_ node: Node) -> Node? {
        if case let .scalar(scalar) = node, scalar.style == .plain,
            ["", "~", "null", "Null", "NULL"].contains(scalar.string)
        {
            return nil
        }
        return node
    }

    mutating func report(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(at: location, message, hint: hint))
    }

    mutating func warn(_ location: SourceLocation, _ message: String, hint: String? = nil) {
        diagnostics.append(Diagnostic(at: location, severity: .warning, message, hint: hint))
    }

    mutating func missing(_ key: String, example: String) {
        report(location, "the required field `\(key)` is missing", hint: "add a line `\(key): \(example)` to the front matter")
    }

    // MARK: Typed fields

    /// A text value. Numbers and dates written without quotes are read as the text they show.
    public mutating func string(_ key: String, required: Bool = false, example: String = "…") -> Located<String>? {
        guard let node = value(key) else {
            if required { missing(key, example: example) }
            return nil
        }
        guard case let .scalar(scalar) = node else {
            report(place(of: node), "`\(key)` must be a single text, not a list or a map",
                   hint: "write it on one line: `\(key): \(example)`")
            return nil
        }
        let text = scalar.string.trimmingSpaces
        if text.isEmpty {
            if required { report(place(of: node), "`\(key)` is empty", hint: "write a value after `\(key):`, e.g. `\(key): \(example)`") }
            return nil
        }
        return Located(text, at: place(of: node))
    }

    /// A web address: `http://` or `https://` only, so that no `javascript:` or `data:`
    /// address reaches a link. With `sitePaths`, an address on the site (`/berita/`) too.
    public mutating func webAddress(_ key: String, sitePaths: Bool = false, required: Bool = false) -> Located<String>? {
        guard let text = string(key, required: required, example: sitePaths ? "/berita/" : "https://…") else { return nil }
        let lowered = text.value.lowercased()
        let breaks = Self.hasAddressBreak(text.value)
        let isWeb = (lowered.hasPrefix("https://") || lowered.hasPrefix("http://")) && !breaks
        let isSitePath = sitePaths && text.value.hasPrefix("/") && !text.value.hasPrefix("//") && !breaks
        guard isWeb || isSitePath else {
            report(text.location, "`\(key)` must be a web address starting with https://\(sitePaths ? " or an address on this site starting with /" : "")",
                   hint: "copy the full address from the browser, e.g. `\(key): \(sitePaths ? "/berita/" : "https://www.kemenpppa.go.id/")`")
            return nil
        }
        return text
    }

    /// Whether the text holds white space, a quote or an angle bracket (none may be in an
    /// address). ASCII text is checked byte by byte: its white space is tab to carriage
    /// return and the space.
    static func hasAddressBreak(_ text: String) -> Bool {
        let isBreak: (Character) -> Bool = { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" }
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return text.contains(where: isBreak) }
        return text.utf8.contains { byte in
            byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
        }
    }

    public mutating func bool(_ key: String) -> Bool? {
        guard let text = string(key) else { return nil }
        switch text.value.lowercased() {
        case "true", "yes", "ya", "on": return true
        case "false", "no", "tidak", "off": return false
        default:
            report(text.location, "`\(key)` must be true or false, not \"\(text.value)\"", hint: "write `\(key): true` or `\(key): false`")
            return nil
        }
    }

    public mutating func integer(_ key: String, range: ClosedRange<Int>) -> Located<Int>? {
        guard let text = string(key) else { return nil }
        guard let number = Int(text.value), range.contains(number) else {
            report(text.location, "`\(key)` must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(text.value)\"",
                   hint: "write a number without quotes, e.g. `\(key): \(range.lowerBound)`")
            return nil
        }
        return Located(number, at: text.location)
    }

    public mutating func date(_ key: String, required: Bool = false) -> Located<CivilDate>? {
        guard let text = string(key, required: required, example: "2024-07-25") else { return nil }
        guard let date = CivilDate(iso: text.value) else {
            report(text.location, "`\(key)` is not a date: \"\(text.value)\"",
                   hint: "dates are written YYYY-MM-DD, like 2024-07-25")
            return nil
        }
        return Located(date, at: text.location)
    }

    public mutating func dateTime(_ key: String, required: Bool = false) -> Located<LocalDateTime>? {
        guard let text = string(key, required: required, example: "2024-07-25T09:00") else { return nil }
        guard let value = LocalDateTime(iso: text.value) else {
            report(text.location, "`\(key)` is not a date or a date and time: \"\(text.value)\"",
                   hint: "write YYYY-MM-DD, or YYYY-MM-DDTHH:MM for a time of day, like 2024-07-25T09:00")
            return nil
        }
        return Located(value, at: text.location)
    }

    /// One of a fixed set of words.
    public mutating func choice(_ key: String, from allowed: [String], required: Bool = false) -> Located<String>? {
        guard let text = string(key, required: required, example: allowed.first ?? "…") else { return nil }
        guard allowed.contains(text.value) else {
            report(text.location, "`\(key)` cannot be \"\(text.value)\"",
                   hint: "choose one of: \(allowed.joined(separator: ", "))")
            return nil
        }
        return text
    }

    /// A list of texts. A single text is accepted as a list of one.
    public mutating func stringList(_ key: String) -> [Located<String>] {
        guard let node = value(key) else { return [] }
        switch node {
        case let .scalar(scalar):
            let text = scalar.string.trimmingSpaces
            return text.isEmpty ? [] : [Located(text, at: place(of: node))]
        case let .sequence(sequence):
            var items: [Located<String>] = []
            for item in sequence {
                if case let .scalar(scalar) = item, !scalar.string.trimmingSpaces.isEmpty {
                    items.append(Located(scalar.string.trimmingSpaces, at: place(of: item)))
                } else if case .scalar = item {
                    continue
                } else {
                    report(place(of: item), "each item of `\(key)` must be a single text",
                           hint: "write the list as lines `- text` under `\(key):`")
                }
            }
            return items
        default:
            report(place(of: node), "`\(key)` must be a list", hint: "write it as `\(key): [a, b]` or as lines `- a` under `\(key):`")
            return []
        }
    }

    /// A list of maps, each read by a nested reader.
    public mutating func mappingList(_ key: String, what: String) -> [FieldReader] {
        guard let node = value(key) else { return [] }
        guard case let .sequence(sequence) = node else {
            report(place(of: node), "`\(key)` must be a list of \(what)",
                   hint: "start each item with `- ` on its own line under `\(key):`")
            return []
        }
        return sequence.map { nested($0, what: "each item of `\(key)`") }
    }

    /// A nested map, read by a nested reader.
    public mutating func mapping(_ key: String, what: String) -> FieldReader? {
        guard let node = value(key) else { return nil }
        return nested(node, what: "`\(key)`")
    }

    /// Warns about keys nobody read: usually a typo of a known field.
    public mutating func reportUnknownKeys(known: [String]) {
        for (key, read) in zip(names, used) where !read {
            let suggestion = known.min { editDistance(key, $0) < editDistance(key, $1) }
            let close = suggestion.map { editDistance(key, $0) <= 2 } ?? false
            warn(place(ofKey: key), "unknown field `\(key)` is ignored",
                 hint: close ? "did you mean `\(suggestion ?? "")`?" : "known fields: \(known.joined(separator: ", "))")
        }
    }

    /// Adds the diagnostics of a nested reader.
    mutating func absorb(_ other: FieldReader) { diagnostics.append(contentsOf: other.diagnostics) }
}

extension String {
    var trimmingSpaces: String {
        // Most values start and end with an ASCII letter or digit: nothing to trim. (An ASCII
        // byte other than CR is a character of its own, and these are not white space.)
        if let first = utf8.first, let last = utf8.last, first > 0x20, first < 0x7F, last > 0x20, last < 0x7F {
            return self
        }
        var view = Substring(self)
        while let first = view.first, first.isWhitespace { view.removeFirst() }
        while let last = view.last, last.isWhitespace { view.removeLast() }
        return String(view)
    }
}

/// Levenshtein distance, for "did you mean" hints on short field names.
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.utf8.prefix(64)), b = Array(b.utf8.prefix(64))
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
