import Foundation

/// A field of a record as the JSON has it.
enum RawValue {
    case text(String)
    case null
    /// Anything but text: what it is, for the message (`a number`).
    case other(String)
}

/// The fields of one record that the network pages read, as the JSON has them.
struct RawFields {
    var pairs: [(key: String, value: RawValue)] = []

    subscript(key: String) -> RawValue? { pairs.first { $0.key == key }?.value }

    /// The values of a parsed JSON object (`situs.json`, read with JSONSerialization).
    init(_ object: [String: Any]) {
        for (key, value) in object {
            switch value {
            case let text as String: pairs.append((key, .text(text)))
            case is NSNull: pairs.append((key, .null))
            default: pairs.append((key, .other(RecordReader.describe(value))))
            }
        }
    }

    init() {}
}

/// Reads one record of another site's JSON, field by field, and says what is wrong with it
/// in words that name the JSON path (`$[3].judul`).
struct RecordReader {
    let fields: RawFields
    /// `$[3]` for the fourth record of a list (made only for a message), or a path as given.
    private let index: Int?
    private let givenPath: String
    var path: String { index.map { "$[\($0)]" } ?? givenPath }
    private(set) var problems: [String] = []

    /// Texts longer than this many bytes are not a title or a place: the record is left out.
    static let longestText = 16 * 1024

    init(_ fields: RawFields, index: Int) {
        self.fields = fields
        self.index = index
        givenPath = ""
    }

    init(_ fields: RawFields, path: String) {
        self.fields = fields
        index = nil
        givenPath = path
    }

    init?(_ value: Any, path: String, problems: inout [String]) {
        guard let object = value as? [String: Any] else {
            problems.append("\(path): expected an object, found \(RecordReader.describe(value))")
            return nil
        }
        self.init(RawFields(object), path: path)
    }

    /// A text field; `required` ones must be present and not empty. Control characters
    /// become spaces, and surrounding spaces are dropped.
    mutating func text(_ key: String, required: Bool = false) -> String? {
        let raw: String
        switch fields[key] {
        case let .text(text): raw = text
        case .null, nil:
            if required { problems.append("\(path).\(key) is missing") }
            return nil
        case let .other(found):
            problems.append("\(path).\(key): expected text, found \(found)")
            return nil
        }
        guard raw.utf8.count <= RecordReader.longestText else {
            problems.append("\(path).\(key) is longer than \(RecordReader.longestText / 1024) KB")
            return nil
        }
        let text = RecordReader.clean(raw)
        if text.isEmpty {
            if required { problems.append("\(path).\(key) is empty") }
            return nil
        }
        return text
    }

    /// An address the network pages may link to: `http(s)` on `host`.
    mutating func link(_ key: String, host: String?, required: Bool = false) -> String? {
        guard let text = text(key, required: required) else { return nil }
        guard let linkHost = NetworkSource.host(of: text), !text.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" }) else {
            problems.append("\(path).\(key): \"\(RecordReader.excerpt(text))\" is not an http(s) address")
            return nil
        }
        guard let host, linkHost == host else {
            problems.append("\(path).\(key): \"\(RecordReader.excerpt(text))\" is not on the source's own host \(host ?? "")")
            return nil
        }
        return text
    }

    /// A Kemendagri region code (`64`, `64.08`, `ID` for the national level): the network
    /// pages' addresses are made of it.
    mutating func regionCode(_ key: String) -> String? {
        guard let text = text(key) else { return nil }
        guard RecordReader.isRegionCode(text) else {
            problems.append("\(path).\(key): \"\(RecordReader.excerpt(text))\" is not a Kemendagri region code (like 64 or 64.08)")
            return nil
        }
        return text
    }

    static func isRegionCode(_ text: String) -> Bool {
        text == "ID" || (text.utf8.count <= 20 && text.utf8.first != UInt8(ascii: ".") && text.utf8.last != UInt8(ascii: ".")
            && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == UInt8(ascii: ".") } && !text.contains(".."))
    }

    mutating func date(_ key: String) -> CivilDate? {
        guard let text = text(key, required: true) else { return nil }
        guard let date = CivilDate(iso: text) else {
            problems.append("\(path).\(key): \"\(RecordReader.excerpt(text))\" is not a date (YYYY-MM-DD)")
            return nil
        }
        return date
    }

    mutating func time(_ key: String, required: Bool, defaultOffset: Int) -> RemoteTime? {
        guard let text = text(key, required: required) else { return nil }
        guard let time = RemoteTime(text, defaultOffset: defaultOffset) else {
            problems.append("\(path).\(key): \"\(RecordReader.excerpt(text))\" is not a date or a date and time (RFC 3339)")
            return nil
        }
        return time
    }

    /// Control characters (line ends too) become spaces, and surrounding spaces are dropped.
    /// Most texts have neither: they are returned as they are after one pass over their bytes.
    static func clean(_ text: String) -> String {
        let utf8 = text.utf8
        var needsWork = false
        var previous: UInt8 = 0
        for byte in utf8 {
            // C0 controls, DEL, and C1 controls (U+0080–U+009F are C2 80–C2 9F in UTF-8).
            if byte < 0x20 || byte == 0x7F || (previous == 0xC2 && byte < 0xA0 && byte >= 0x80) {
                needsWork = true
                break
            }
            previous = byte
        }
        if !needsWork {
            guard let first = utf8.first, let last = utf8.last else { return text }
            // Neither end is a space (nor a byte of a character that might be one).
            if first > 0x20 && first < 0x80 && last > 0x20 && last < 0x80 { return text }
            return text.trimmingSpaces
        }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            result.append(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? " " : scalar)
        }
        return String(result).trimmingSpaces
    }

    /// At most 60 characters of a value, for a message.
    static func excerpt(_ text: String) -> String {
        text.count > 60 ? String(text.prefix(57)) + "…" : text
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is NSNull: return "null"
        case is String: return "text"
        case is NSNumber: return "a number"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "something else"
        }
    }
}
