import Foundation

/// Reads one record of another site's JSON, field by field, and says what is wrong with it
/// in words that name the JSON path (`$[3].judul`).
struct RecordReader {
    let fields: [String: Any]
    let path: String
    private(set) var problems: [String] = []

    /// Texts longer than this are not a title or a place: the record is left out.
    static let longestText = 4000

    init?(_ value: Any, path: String, problems: inout [String]) {
        guard let fields = value as? [String: Any] else {
            problems.append("\(path): expected an object, found \(RecordReader.describe(value))")
            return nil
        }
        self.fields = fields
        self.path = path
    }

    /// A text field; `required` ones must be present and not empty. Control characters
    /// become spaces, and surrounding spaces are dropped.
    mutating func text(_ key: String, required: Bool = false) -> String? {
        let value = fields[key]
        guard let value, !(value is NSNull) else {
            if required { problems.append("\(path).\(key) is missing") }
            return nil
        }
        guard let raw = value as? String, !(value is NSNumber) else {
            problems.append("\(path).\(key): expected text, found \(RecordReader.describe(value))")
            return nil
        }
        let text = RecordReader.clean(raw)
        if text.isEmpty {
            if required { problems.append("\(path).\(key) is empty") }
            return nil
        }
        if text.count > RecordReader.longestText {
            problems.append("\(path).\(key) is longer than \(RecordReader.longestText) characters")
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

    /// Control characters (line ends too) become spaces; runs of spaces stay as written.
    static func clean(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
            needsWork = true
            break
        }
        guard needsWork else { return text.trimmingSpaces }
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
