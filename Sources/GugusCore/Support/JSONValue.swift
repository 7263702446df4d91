import Foundation

/// A JSON document built in code (JSON-LD, open data, the search index), encoded with
/// sorted keys so that two builds give the same bytes.
public enum JSONValue: Encodable, Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    /// An object without the keys whose value is nil.
    static func record(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        // (Made with room for every pair: grown from empty, it was hashed anew at each
        // doubling, a percent of a build.)
        var object = [String: JSONValue](minimumCapacity: pairs.count)
        for (key, value) in pairs { if let value { object[key] = value } }
        return .object(object)
    }

    /// An object that keeps its nil values as JSON `null` (records with a fixed set of keys).
    static func recordWithNulls(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object = [String: JSONValue](minimumCapacity: pairs.count)
        for (key, value) in pairs { object[key] = value ?? .null }
        return .object(object)
    }

    static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// An array, or nil when empty (so the key is left out).
    static func list(_ values: [JSONValue]) -> JSONValue? { values.isEmpty ? nil : .array(values) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .int(number): try container.encode(number)
        case let .double(number): try container.encode(number)
        case let .bool(flag): try container.encode(flag)
        case let .array(values): try container.encode(values)
        case let .object(values): try container.encode(values)
        case .null: try container.encodeNil()
        }
    }

    /// JSON text, compact unless `pretty` (two spaces, `"key" : value`), keys sorted, as
    /// JSONEncoder writes it with `.sortedKeys` and `.withoutEscapingSlashes` (a test holds
    /// the two to the same bytes). Written directly: JSONEncoder took most of the time of a
    /// network site's build, whose open data is tens of megabytes.
    public func encoded(pretty: Bool = false) -> Data {
        var bytes: [UInt8] = []
        write(into: &bytes, style: Style(pretty: pretty, forScript: false), depth: 0)
        return Data(bytes)
    }

    /// Text for a `<script type="application/ld+json">` element: `<` is escaped as
    /// `\u003c`, so no value can close the element or open a comment. Written directly
    /// (sorted keys, like `encoded()`): JSONEncoder's generic path was a tenth of a
    /// build's time when every page carried JSON-LD.
    var scriptText: String {
        var bytes: [UInt8] = []
        write(into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// How a value is written: `forScript` escapes `<`, U+2028 and U+2029 (inside a
    /// `<script>` element); otherwise the escapes are JSONEncoder's.
    struct Style {
        var pretty = false
        var forScript = true
    }

    /// Appends the value's JSON text as UTF-8 (keys sorted, `<`, U+2028 and U+2029 escaped).
    func write(into bytes: inout [UInt8]) {
        write(into: &bytes, style: Style(), depth: 0)
    }

    func write(into bytes: inout [UInt8], style: Style, depth: Int) {
        switch self {
        case let .string(value): Self.writeString(value, into: &bytes, forScript: style.forScript)
        case let .int(number): Self.writeDecimal(number, into: &bytes)
        case let .double(number):
            if !number.isFinite {
                bytes += "null".utf8
            } else if style.forScript {
                bytes += (number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)).utf8
            } else {
                // JSONEncoder's form: the shortest text that reads back, without a trailing `.0`.
                var text = number.description
                if text.hasSuffix(".0") { text.removeLast(2) }
                bytes += text.utf8
            }
        case let .bool(flag): bytes += (flag ? "true" : "false").utf8
        case .null: bytes += "null".utf8
        case let .array(values):
            bytes.append(UInt8(ascii: "["))
            guard style.pretty else {
                for (index, value) in values.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    value.write(into: &bytes, style: style, depth: depth)
                }
                bytes.append(UInt8(ascii: "]"))
                return
            }
            bytes.append(0x0A)
            for (index, value) in values.enumerated() {
                if index > 0 { bytes += [UInt8(ascii: ","), 0x0A] }
                Self.indent(depth + 1, into: &bytes)
                value.write(into: &bytes, style: style, depth: depth + 1)
            }
            bytes.append(0x0A)
            Self.indent(depth, into: &bytes)
            bytes.append(UInt8(ascii: "]"))
        case let .object(values):
            bytes.append(UInt8(ascii: "{"))
            if style.pretty { bytes.append(0x0A) }
            // (The pairs sorted by key, each value taken with its key: looking each key up
            // again hashed it a second time.)
            for (index, pair) in values.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 {
                    bytes.append(UInt8(ascii: ","))
                    if style.pretty { bytes.append(0x0A) }
                }
                if style.pretty { Self.indent(depth + 1, into: &bytes) }
                Self.writeString(pair.key, into: &bytes, forScript: style.forScript)
                if style.pretty { bytes += [0x20, UInt8(ascii: ":"), 0x20] } else { bytes.append(UInt8(ascii: ":")) }
                pair.value.write(into: &bytes, style: style, depth: depth + 1)
            }
            if style.pretty {
                bytes.append(0x0A)
                Self.indent(depth, into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private static func indent(_ depth: Int, into bytes: inout [UInt8]) {
        bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
    }

    /// An integer in decimal digits.
    static func writeDecimal(_ number: Int, into bytes: inout [UInt8]) {
        guard number >= 0 else {
            bytes += String(number).utf8
            return
        }
        guard number >= 10 else { return bytes.append(UInt8(ascii: "0") + UInt8(number)) }
        // The digits from the last, in a buffer on the stack (Int.max has 19).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var value = number
            var start = digits.count
            repeat {
                start -= 1
                digits[start] = UInt8(ascii: "0") + UInt8(value % 10)
                value /= 10
            } while value > 0
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
        }
    }

    /// A JSON string: the bytes that need no escape are copied in runs.
    static func writeString(_ value: String, into bytes: inout [UInt8], forScript: Bool = true) {
        bytes.append(UInt8(ascii: "\""))
        value.withUTF8InPlace { writeEscaped($0, into: &bytes, forScript: forScript) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// A string's bytes with JSON's escapes: the bytes that need none are copied in runs.
    private static func writeEscaped(_ utf8: UnsafeBufferPointer<UInt8>, into bytes: inout [UInt8], forScript: Bool) {
        var start = 0
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            // Most bytes need no escape in either style: passed by one test (the switch
            // below went through its cases for each).
            if byte >= 0x20 && byte != UInt8(ascii: "\"") && byte != UInt8(ascii: "\\") && byte != UInt8(ascii: "<") && byte != 0xE2 {
                index += 1
                continue
            }
            var length = 1
            let escape: String
            switch byte {
            case UInt8(ascii: "\""): escape = "\\\""
            case UInt8(ascii: "\\"): escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case UInt8(ascii: "<") where forScript: escape = "\\u003c"
            case 0x08 where !forScript: escape = "\\b"
            case 0x0C where !forScript: escape = "\\f"
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                escape = "\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
            case 0xE2 where forScript && index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
                // U+2028 and U+2029 end a line in JavaScript.
                escape = utf8[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                length = 3
            default:
                index += 1
                continue
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
            bytes += escape.utf8
            index += length
            start = index
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<utf8.count]))
    }
}
