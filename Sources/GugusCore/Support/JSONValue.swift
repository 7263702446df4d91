import Foundation

/// A JSON document built in code (JSON-LD, open data, the search index), encoded with
/// sorted keys so that two builds give the same bytes.
enum JSONValue: Encodable, Sendable, Equatable {
    case string(String)
    case int(Int)
    case double(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    /// An object without the keys whose value is nil.
    static func record(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in pairs { if let value { object[key] = value } }
        return .object(object)
    }

    /// An object that keeps its nil values as JSON `null` (records with a fixed set of keys).
    static func recordWithNulls(_ pairs: KeyValuePairs<String, JSONValue?>) -> JSONValue {
        var object: [String: JSONValue] = [:]
        for (key, value) in pairs { object[key] = value ?? .null }
        return .object(object)
    }

    static func text(_ text: String?) -> JSONValue? { text.map(JSONValue.string) }

    /// An array, or nil when empty (so the key is left out).
    static func list(_ values: [JSONValue]) -> JSONValue? { values.isEmpty ? nil : .array(values) }

    func encode(to encoder: Encoder) throws {
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

    /// JSON text, compact unless `pretty`.
    func encoded(pretty: Bool = false) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)) ?? Data("null".utf8)
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

    /// Appends the value's JSON text as UTF-8 (keys sorted, `<`, U+2028 and U+2029 escaped).
    func write(into bytes: inout [UInt8]) {
        switch self {
        case let .string(value): Self.writeString(value, into: &bytes)
        case let .int(number): Self.writeDecimal(number, into: &bytes)
        case let .double(number):
            bytes += (number.isFinite ? (number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)) : "null").utf8
        case let .bool(flag): bytes += (flag ? "true" : "false").utf8
        case .null: bytes += "null".utf8
        case let .array(values):
            bytes.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                value.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "]"))
        case let .object(values):
            bytes.append(UInt8(ascii: "{"))
            for (index, key) in values.keys.sorted().enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &bytes)
                bytes.append(UInt8(ascii: ":"))
                values[key]?.write(into: &bytes)
            }
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// An integer in decimal digits.
    static func writeDecimal(_ number: Int, into bytes: inout [UInt8]) {
        guard number >= 0 else {
            bytes += String(number).utf8
            return
        }
        if number >= 10 { writeDecimal(number / 10, into: &bytes) }
        bytes.append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    /// A JSON string: the bytes that need no escape are copied in runs.
    static func writeString(_ value: String, into bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var start = 0
            var index = 0
            while index < utf8.count {
                let byte = utf8[index]
                var length = 1
                let escape: String
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case ..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    escape = "\\u00" + String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0xF)]], as: UTF8.self)
                case 0xE2 where index + 2 < utf8.count && utf8[index + 1] == 0x80 && (utf8[index + 2] == 0xA8 || utf8[index + 2] == 0xA9):
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
        bytes.append(UInt8(ascii: "\""))
    }
}
